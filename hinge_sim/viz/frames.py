"""Pick one frame of a :class:`hinge_sim.Rep` as a still :class:`hinge_sim.Result`."""
import numpy as np

from ..model.analysis import Result


def frame(rep, i):
    """The still Result at frame ``i`` of a rep (arrays indexed along time).

    Parameters
    ----------
    rep : Rep
        A rep from :func:`hinge_sim.simulate`.
    i : int
        Frame index, 0 to ``len(rep.t) - 1``.

    Raises
    ------
    ValueError
        When ``i`` is outside the rep.
    """
    n = len(rep.t)
    if not 0 <= int(i) < n:
        raise ValueError(f"frame = {i!r} is outside the valid range 0 to {n - 1}")
    i = int(i)

    def pick(v):
        v = np.asarray(v)
        return v[i] if v.ndim and v.shape[0] == n else v

    return Result(
        points={k: pick(v) for k, v in rep.points.items()},
        moments={k: pick(v) for k, v in rep.moments.items()},
        disc={k: pick(v) for k, v in rep.disc.items()},
        cop_x=pick(rep.cop_x), balanced=pick(rep.balanced),
        problems={k: pick(v) for k, v in rep.problems.items()},
        segments={k: {kk: pick(vv) for kk, vv in v.items()} for k, v in rep.segments.items()},
        metrics={k: pick(v) for k, v in rep.metrics.items()}, grf=pick(rep.grf))


def system_com(result):
    """Whole-system centre of mass (m), body and load, shape (..., 2)."""
    segs = result.segments.values()
    total = sum(float(s["mass"]) for s in segs)
    return sum(float(s["mass"]) * np.asarray(s["com"]) for s in segs) / total


def load_mass(result):
    """The load's mass (kg) from a Result."""
    return float(result.segments["load"]["mass"])


def body_mass(result):
    """The lifter's mass (kg) from a Result (all segments but the load)."""
    return sum(float(s["mass"]) for k, s in result.segments.items() if k != "load")
