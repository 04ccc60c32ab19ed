"""Synthetic tracked-video CSVs made from the model, with known tempo and drift.

The sample files in ``hinge_sim/video/data/tracks/`` are not measurements of people:
each is a model rep (:func:`hinge_sim.simulate`) repeated a few times, with a
known forward drift of the bar (the bottom posture's bar offset), turned into
camera pixels and given Gaussian tracking noise. Lessons use them to practise
the analysis; tests check that the analysis gets back what was put in.

Usage
-----
1. ``load_sample("rdl_3111_px.csv")`` -> a :class:`hinge_sim.tracking.Track`.
2. ``SAMPLES["rdl_3111_px.csv"]["tempo"]`` -> what was put in.
3. Regenerate the files (deterministic, fixed seeds)::

       python -m hinge_sim.sample_tracks            # into the package folder
       python -m hinge_sim.sample_tracks --out DIR  # somewhere else
"""
import argparse
import io
import os
from importlib import resources

import numpy as np

# name -> how it was made. bar_bottom: the bottom posture's bar offset from the
# midfoot (m); the model's bar sits 0.06 m in front of the midfoot when standing,
# so the drift in the file is bar_bottom - 0.06 m (see truth()).
# px_per_m: camera scale; plate_px = PLATE_DIAMETER (0.45 m) * px_per_m; noise: in px or m.
# "sacrum": the marker on the back of the pelvis (synthetic.SACRUM_ON_PELVIS), listed last
# so the other columns keep their noise.
SAMPLES = {
    "rdl_3111_px.csv": dict(
        lifter="average man", bottom="textbook hinge", exercise="RDL", load=40.0,
        tempo="3-1-1-1", bar_bottom=0.0, reps=3, fps=60, units="px", px_per_m=400.0, noise=0.2,
        markers=("bar", "hip", "knee", "shoulder", "foot", "sacrum"), layout="plain", seed=1),
    "rdl_drift_px.csv": dict(
        lifter="tall lifter", bottom="rounded back", exercise="RDL", load=60.0,
        tempo="2-0-1-1", bar_bottom=0.12, reps=4, fps=30, units="px", px_per_m=250.0, noise=0.2,
        markers=("bar", "foot"), layout="plain", seed=2),
    # the lift of rdl_3111_px.csv (same recipe and seed) as Kinovea exports it: the
    # project's rendered test video of that lift (scene.sample_video) pairs with it
    "rdl_3111_kinovea.csv": dict(
        lifter="average man", bottom="textbook hinge", exercise="RDL", load=40.0,
        tempo="3-1-1-1", bar_bottom=0.0, reps=3, fps=60, units="px", px_per_m=400.0, noise=0.2,
        markers=("bar", "hip", "knee", "shoulder", "foot", "sacrum"), layout="kinovea", seed=1),
    "kinovea_rdl.csv": dict(
        lifter="average woman", bottom="stiff-legged reach", exercise="RDL", load=30.0,
        tempo="4-2-2-1", bar_bottom=0.03, reps=2, fps=30, units="px", px_per_m=300.0, noise=0.2,
        markers=("bar", "hip"), layout="kinovea", seed=3),
    "rdl_metres.csv": dict(
        lifter="long femurs", bottom="textbook hinge", exercise="RDL", load=50.0,
        tempo="3-0-2-0", bar_bottom=-0.02, reps=3, fps=50, units="m", px_per_m=None, noise=0.0005,
        markers=("bar", "hip", "foot"), layout="plain", seed=4),
}
MODEL_FPS = 400  # frames/s of the model lowering that the samples replay
LEAD_S = 1.0  # s standing still before the first rep
TAIL_S = 0.6  # s standing still after the last rep
ORIGIN_PX = (300.0, 700.0)  # pixel position of the ankle's floor point (x right, y down)


def sample_path(name):
    """Return the packaged sample file (an ``importlib.resources`` Traversable)."""
    if name not in SAMPLES:
        raise ValueError(f"sample {name!r} is not known; choose from {sorted(SAMPLES)}")
    return resources.files("hinge_sim.video").joinpath("data", "tracks", name)


def read_kwargs(name):
    """Arguments for :func:`hinge_sim.tracking.read_track` that fit a sample."""
    spec = SAMPLES[name]
    from .tracking import PLATE_DIAMETER
    kwargs = {"plate_px": PLATE_DIAMETER * spec["px_per_m"]} if spec["units"] == "px" else {}
    if spec["layout"] == "kinovea":  # Kinovea's headers carry no unit
        kwargs["units"] = spec["units"]
    return kwargs


def load_sample(name):
    """Read a packaged sample into a Track (scaled with its plate size)."""
    from .tracking import read_track
    stream = io.StringIO(sample_path(name).read_text(encoding="utf-8"))
    stream.name = name
    return read_track(stream, **read_kwargs(name))


def _drop_to_pose(spec):
    """Model marker positions over a lowering, indexed by the bar's drop fraction (0..1)."""
    from ..model import presets
    from ..model.analysis import simulate
    from ..model.pose import Posture
    from .synthetic import sacrum_point
    body = presets.lifter(spec["lifter"])
    top = presets.posture("standing")
    bottom = Posture(**{**presets.POSTURES[spec["bottom"]], "bar": spec["bar_bottom"]})
    rep = simulate(body, top, bottom, tempo=(1, 0, 1, 0),
                   load=presets.load(spec["exercise"], spec["load"]), fps=MODEL_FPS)
    n = int(np.searchsorted(rep.t, 1.0 - 0.5 / MODEL_FPS)) + 1
    y = rep.points["bar"][:n, 1]
    drop = np.maximum.accumulate((y[0] - y) / (y[0] - y[-1]))
    drop = drop + 1e-9 * np.arange(n)  # strictly increasing where the bar hardly moves
    pts = {k: v[:n] for k, v in rep.points.items()}
    pts["foot"] = np.tile([body.midfoot_x, 0.0], (n, 1))
    pts["sacrum"] = sacrum_point(body, pts["hip"], rep.segments["pelvis"]["angle"][:n])
    return drop / drop[-1], pts


def positions(spec):
    """Time (s) and model positions (m) of every marker for a sample spec.

    The model's poses over a lowering are replayed so that the bar's height
    follows a trapezoidal speed profile (:func:`synthetic.speed_profile`)
    timed by the tempo; the rising retraces the lowering. So the tempo is
    the bar's own.
    """
    from ..model.motion import parse_tempo
    from .synthetic import bar_height
    drop, pts = _drop_to_pose(spec)
    d0, d1, d2, d3 = parse_tempo(spec["tempo"])
    total = LEAD_S + spec["reps"] * (d0 + d1 + d2 + d3) - d3 + TAIL_S
    t = np.arange(int(round(total * spec["fps"])) + 1) / spec["fps"]
    height, _ = bar_height(t, "trapezoid", (d0, d1, d2, d3), spec["reps"], 1.0, LEAD_S, 1.0)
    frame = np.interp(1.0 - height, drop, np.arange(drop.size))
    return t, {m: np.stack([np.interp(frame, np.arange(drop.size), pts[m][:, i]) for i in (0, 1)],
                           -1) for m in spec["markers"]}


def truth(name):
    """Return what the analysis should find in a sample, from the noise-free model.

    Returns
    -------
    dict
        ``tempo`` (4 durations, s), ``drift`` (bar x at the bottom minus at the
        start, m: the model's own bar movement plus the bottom posture's bar
        offset), ``reps``, ``hip_to_bar`` and ``bar_to_midfoot`` at the bottom (m,
        None when that marker is not in the file).
    """
    from ..model.motion import parse_tempo
    spec = SAMPLES[name]
    _, pts = positions({**spec, "reps": 1, "markers": ("bar", "hip", "foot")})
    i = int(np.argmin(pts["bar"][:, 1]))
    bar_x = pts["bar"][:, 0]
    return {"tempo": parse_tempo(spec["tempo"]), "reps": spec["reps"],
            "drift": float(bar_x[i] - bar_x[0]),
            "hip_to_bar": float(bar_x[i] - pts["hip"][i, 0]) if "hip" in spec["markers"] else None,
            "bar_to_midfoot": (float(bar_x[i] - pts["foot"][i, 0])
                               if "foot" in spec["markers"] else None)}


def render(name):
    """Render the CSV text of one sample (deterministic)."""
    spec = SAMPLES[name]
    t, pts = positions(spec)
    rng = np.random.default_rng(spec["seed"])
    cols, header = [t], ["time_s"]
    for m in spec["markers"]:
        x, y = pts[m][:, 0], pts[m][:, 1]
        if spec["units"] == "px":
            x = ORIGIN_PX[0] + x * spec["px_per_m"]
            y = ORIGIN_PX[1] - y * spec["px_per_m"]  # image rows count down
        cols += [x + rng.normal(0, spec["noise"], len(t)), y + rng.normal(0, spec["noise"], len(t))]
        header += ([f"{m}/0/X", f"{m}/0/Y"] if spec["layout"] == "kinovea"
                   else [f"{m}_x_{spec['units']}", f"{m}_y_{spec['units']}"])
    digits = 1 if spec["units"] == "px" else 4
    rows = np.stack(cols, -1)
    if spec["layout"] == "kinovea":  # European-locale export: ';' and decimal commas, quoted
        lines = [";".join(['"Time"'] + [f'"{h}"' for h in header[1:]])]
        lines += [";".join([f'"{r[0]:.3f}"'.replace(".", ",")] +
                           [f'"{v:.{digits}f}"'.replace(".", ",") for v in r[1:]]) for r in rows]
    else:
        lines = [",".join(header)]
        lines += [",".join([f"{r[0]:.4f}"] + [f"{v:.{digits}f}" for v in r[1:]]) for r in rows]
    return "\r\n".join(lines) + "\r\n"


def main(argv=None):
    """Write every sample file (``--out`` folder, default: the package's)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "data", "tracks"))
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    for name in SAMPLES:
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="") as f:
            f.write(render(name))
        print("wrote", os.path.join(args.out, name))


if __name__ == "__main__":
    main()
