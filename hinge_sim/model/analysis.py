"""``analyze``: one call from body, posture and load to loads on the body."""
import functools
from dataclasses import dataclass
from typing import Mapping, Optional, Sequence, Union

import numpy as np
from numpy.typing import ArrayLike

from . import constants, hamstrings
from .body import Body
from .chain import TREE, kinematics, pair
from .checks import as_real_array, check_type
from .limits import check
from .loads import Dowel, Load
from .lumbar import spine_points
from .mechanics import inverse_dynamics, mass_table
from .metrics import dowel_gap, joint_power
from .motion import explosive_phases, parse_tempo, rep_profile
from .pose import Posture, solve_angles
from .spine import disc_loads
from .strength import capable

_BODY_HINT = "hs.Body(stature=1.75, mass=75, sex='male')"
_POSTURE_HINT = "hs.Posture(knee=20, hip=85, lumbar=5)"
_LOAD_HINT = "a load such as hs.Barbell(40) or hs.Dowel()"

PROBLEM_TEXT = {
    "balance": "no lean of the shins puts the weight over the chosen part of the foot",
    "spine": "hamstrings and lower back are both at their limit: bend the knees more",
    "ankle": "the balance needs more ankle bend than the ankle allows",
    "reach": "the hands cannot reach the bar from here",
    "floor": "the load would go below the floor: less depth",
    "legs": "the bar would pass through the legs: knees back or bar forward",
}


@dataclass
class Result:
    """Everything ``analyze`` finds, in SI units; arrays shaped like the input.

    Attributes
    ----------
    points : dict
        Landmark -> (..., 2) position (m).
    moments : dict
        Joint -> net moment (N m), extensor / plantar-flexor positive.
    disc : dict
        ``compression`` and ``shear`` at L5/S1 (N).
    cop_x : ndarray
        Centre of pressure (m).
    balanced : ndarray of bool
        A pose within limits with the centre of pressure inside the foot.
    problems : dict
        Name -> bool array; see :data:`PROBLEM_TEXT`.
    segments : dict
        Name -> dict with ``mass`` (kg), ``com`` (..., 2) m, ``inertia``
        (kg m^2), ``angle`` (rad, clockwise from vertical).
    metrics : dict
        Coach's measures.
    grf : ndarray
        Ground reaction force (..., 2) in N.

    Examples
    --------
    >>> from hinge_sim import Body, Dowel, Posture
    >>> res = analyze(Body(), Posture(knee=0, hip=140), Dowel())
    >>> bool(res.balanced), res.messages()[:1]
    (False, ['hamstrings and lower back are both at their limit: bend the knees more'])
    """

    points: dict
    moments: dict
    disc: dict
    cop_x: np.ndarray
    balanced: np.ndarray
    problems: dict
    segments: dict
    metrics: dict
    grf: np.ndarray

    def messages(self):
        """Plain-language reasons why a pose is not possible (any frame)."""
        return [PROBLEM_TEXT[k] for k, v in self.problems.items() if np.any(v)]


def analyze(body: Body, posture: Posture, load: Load, bracing: float = 0.0) -> Result:
    """Analyse a still posture.

    Parameters
    ----------
    body : Body
    posture : Posture
        One posture, or arrays of them (the result has their shape).
    load : Load
    bracing : float
        0 relaxed to 1 full brace.

    Returns
    -------
    Result

    Raises
    ------
    TypeError
        For an argument of the wrong type.
    ValueError
        For a bracing outside 0 to 1.

    Examples
    --------
    >>> from hinge_sim import Barbell, Body, Posture
    >>> res = analyze(Body(1.75, 75), Posture(knee=20, hip=85, lumbar=5), Barbell(40))
    >>> round(float(res.moments["l5s1"])), bool(res.balanced)
    (163, True)
    """
    _check_parts(body, load, posture=posture)
    bracing = float(check("bracing", bracing))
    (knee, hip, lumbar, bar, weight_shift), shape = posture.arrays()
    theta, joints, problems = solve_angles(body, load, knee, hip, lumbar, bar, weight_shift)
    res = _evaluate(body, load, theta, None, None, problems, knee, joints, bracing, shape)
    res.metrics.update({f"capable_{j}": v for j, v in capable(body, res.moments).items()})
    return res


def _check_parts(body, load, **postures):
    check_type("body", body, Body, _BODY_HINT)
    for name, posture in postures.items():
        check_type(name, posture, Posture, _POSTURE_HINT)
    check_type("load", load, Load, _LOAD_HINT)


def analyze_angles(body: Body, load: Load, theta: Mapping[str, ArrayLike],
                   omega: Optional[Mapping[str, ArrayLike]] = None,
                   alpha: Optional[Mapping[str, ArrayLike]] = None, *, knee: ArrayLike,
                   hip: ArrayLike, lumbar: ArrayLike = 0.0,
                   problems: Optional[Mapping[str, ArrayLike]] = None,
                   bracing: float = 0.0) -> Result:
    """Loads on the body from segment angles and their rates: the inverse dynamics alone.

    :func:`analyze` and :func:`simulate` find the angles from a coach's
    posture (balanced over the foot) and then call this step; a motion
    measured another way (a tracked video, :mod:`hinge_sim.video.fit`) comes
    in here with its own angles. Nothing is balanced or limited here: the
    ground reaction and centre of pressure are whatever the motion needs.

    Parameters
    ----------
    body : Body
    load : Load
    theta : mapping of str to array_like
        Segment angle (rad, clockwise from vertical, see
        :mod:`hinge_sim.model.chain`) of each of ``shank``, ``thigh``,
        ``pelvis``, ``trunk``, ``head``, ``arm`` and ``load``; all of one
        shape, a frame per element (time first for a motion).
    omega, alpha : mapping of str to array_like, optional
        Angular velocity (rad/s) and acceleration (rad/s^2) of the same
        segments, same shape; both left out for a still posture.
    knee, hip, lumbar : array_like
        Knee, hip and lumbar flexion (deg), broadcast to ``theta``'s shape:
        the coach's measures (hamstring stretch, dowel gap) and the lumbar
        spine's curve (disc loads) use them.
    problems : mapping of str to array_like of bool, optional
        Flags that make a frame not possible (they clear ``balanced``), e.g.
        ``{"reach": ...}``; see :data:`PROBLEM_TEXT`.
    bracing : float
        0 relaxed to 1 full brace.

    Returns
    -------
    Result
        Arrays shaped like ``theta``'s.

    Raises
    ------
    TypeError
        For a body or load of the wrong type, or angles that are not numbers.
    ValueError
        For a missing or unknown segment, shapes that differ, a missing
        ``alpha`` or ``omega``, or a bracing outside 0 to 1.

    Examples
    --------
    A still posture found by :func:`analyze`, given again as its angles:

    >>> from hinge_sim import Barbell, Body, Posture
    >>> body, load = Body(1.75, 75), Barbell(40)
    >>> still = analyze(body, Posture(knee=20, hip=85, lumbar=5), load)
    >>> theta = {k: s["angle"] for k, s in still.segments.items() if k != "foot"}
    >>> res = analyze_angles(body, load, theta, knee=20, hip=85, lumbar=5)
    >>> round(float(res.moments["l5s1"])), round(float(res.grf[..., 1]))  # N m, N
    (163, 1128)
    """
    check_type("body", body, Body, _BODY_HINT)
    check_type("load", load, Load, _LOAD_HINT)
    bracing = float(check("bracing", bracing))
    if (omega is None) != (alpha is None):
        raise ValueError("analyze_angles: give both omega and alpha (a motion), or neither "
                         "(a still posture)")
    names = [name for name, _ in TREE]
    rates = {"theta": theta, "omega": omega, "alpha": alpha}
    flat, shape = {}, None
    for what, table in rates.items():
        if table is None:
            continue
        if not isinstance(table, Mapping) or set(table) != set(names):
            got = sorted(table) if isinstance(table, Mapping) else type(table).__name__
            raise ValueError(f"{what} = {got}: give one array per segment, {names}")
        arrays = {k: as_real_array(f"{what}[{k!r}]", table[k]) for k in names}
        for k, a in arrays.items():
            shape = a.shape if shape is None else shape
            if a.shape != shape:
                raise ValueError(f"{what}[{k!r}] has shape {a.shape}; every angle and rate "
                                 f"needs the shape {shape} of theta['shank']")
        flat[what] = {k: a.ravel() for k, a in arrays.items()}
    joints = {}
    for name, value in (("knee", knee), ("hip", hip), ("lumbar", lumbar)):
        a = as_real_array(name, value)
        try:
            joints[name] = np.broadcast_to(a, shape).ravel()
        except ValueError:
            raise ValueError(f"{name} has shape {a.shape}, which does not broadcast to the "
                             f"angles' shape {shape}") from None
    problems = {} if problems is None else problems
    unknown = sorted(set(problems) - set(PROBLEM_TEXT))
    if unknown:
        raise ValueError(f"problems {unknown} are not known; choose from {list(PROBLEM_TEXT)}")
    flags = {k: np.broadcast_to(np.asarray(v, bool), shape).ravel() for k, v in problems.items()}
    return _evaluate(body, load, flat["theta"], flat.get("omega"), flat.get("alpha"), flags,
                     joints["knee"], joints, bracing, shape)


def _evaluate(body, load, theta, omega, alpha, problems, knee, joints, bracing, shape):
    """:func:`analyze_angles` on checked, flat (N,) arrays (no checks: the pipeline's own)."""
    lumbar = joints["lumbar"]
    seg = body.segments
    ankle = np.array([0.0, body.ankle_height])
    kin = kinematics(body, load, theta, omega, alpha, ankle)
    masses, inertias = mass_table(body, load)
    foot = seg["foot"]
    foot_com = ankle + np.array([foot.com_axial, foot.com_anterior])
    moments, forces, grf, cop_x = inverse_dynamics(kin, masses, inertias, alpha,
                                                   foot.mass, foot_com)
    # strictly inside: a centre of pressure on the very heel or toe is the tipping
    # point (weight_shift = -1 or +1), refused whatever the round-off [A]
    inside = ((cop_x - body.heel_x > constants.EDGE_TOLERANCE)
              & (body.toe_x - cop_x > constants.EDGE_TOLERANCE))
    feasible = ~functools.reduce(np.logical_or, problems.values(), np.zeros(cop_x.shape, bool))
    o = {k: v[0] for k, v in kin["origin"].items()}
    disc = disc_loads(body, theta, lumbar, moments["l5s1"], forces["l5s1"], o["trunk"], bracing)
    points = {"ankle": o["shank"], "knee": o["thigh"], "hip": o["pelvis"],
              "l5s1": o["trunk"], "c7t1": o["head"], "shoulder": o["arm"],
              "hand": o["load"], "bar": kin["com"]["load"][0]}
    points["head"] = o["head"] + seg["head"].length * pair(np.sin(theta["head"]),
                                                           np.cos(theta["head"]))
    n = o["shank"].shape[0]
    lumbar_spine = disc.pop("geometry")
    points["lumbar"] = lumbar_spine["joints"]
    points["spine"] = spine_points(lumbar_spine, o["head"])
    points["heel"] = np.array([[body.heel_x, 0.0]]).repeat(n, axis=0)
    points["toe"] = np.array([[body.toe_x, 0.0]]).repeat(n, axis=0)
    segments = {k: {"mass": masses[k], "com": kin["com"][k][0], "inertia": inertias[k],
                    "angle": theta[k]} for k in masses}
    segments["foot"] = {"mass": foot.mass, "com": foot_com[None, :].repeat(n, axis=0),
                        "inertia": foot.inertia, "angle": np.zeros(n)}
    hip_ext = np.maximum(moments["hip"], 0)
    metrics = {
        "hip_to_bar": points["bar"][:, 0] - points["hip"][:, 0],
        "bar_to_midfoot": points["bar"][:, 0] - body.midfoot_x,
        "trunk_angle": np.rad2deg(theta["trunk"]),
        "shin_angle": np.rad2deg(theta["shank"]),
        "hip_share": hip_ext / np.maximum(hip_ext + np.maximum(moments["knee"], 0), 1e-9),
        "balance_margin": np.minimum(cop_x - body.heel_x, body.toe_x - cop_x),
        "hip_flexion": joints["hip"],
        "lumbar_flexion": lumbar,
        "hamstring_stretch": hamstrings.stretch(joints["hip"], knee, body.slr),
        "dowel_gap": dowel_gap(body, lumbar),
    }

    def shaped(a):
        return a.reshape(shape + a.shape[1:])

    return Result(
        points={k: shaped(v) for k, v in points.items()},
        moments={k: shaped(v) for k, v in moments.items()},
        disc={k: shaped(v) for k, v in disc.items()},
        cop_x=shaped(cop_x), balanced=shaped(inside & feasible),
        problems={k: shaped(np.asarray(v) & np.ones(n, bool)) for k, v in problems.items()},
        segments={k: {**v, "com": shaped(v["com"]), "angle": shaped(v["angle"])}
                  for k, v in segments.items()},
        metrics={k: shaped(v) for k, v in metrics.items()}, grf=shaped(grf))


@dataclass
class Rep(Result):
    """A :class:`Result` over time, plus the clock and the phases.

    Attributes
    ----------
    t : ndarray (N,)
        Time (s).
    phase : ndarray (N,) of int
        Index into :data:`hinge_sim.motion.PHASES`.
    powers : dict
        ``hip`` and ``lumbar`` extensor power (W) over time.
    effort : dict or None
        For an "X" rise, :func:`hinge_sim.model.effort.explosive_rise`'s
        answer: its duration and the load's share of the lifter's maximum.

    Examples
    --------
    >>> from hinge_sim import Body, Posture
    >>> rep = simulate(Body(), Posture(knee=5), Posture(knee=20, hip=85), "1-0-1-0", fps=20)
    >>> rep.t.shape == rep.moments["hip"].shape, float(rep.summary()["time under tension"])
    (True, 2.0)
    """

    t: np.ndarray = None
    phase: np.ndarray = None
    powers: dict = None
    effort: dict = None

    def summary(self):
        """Sum up the rep: peaks, lowest balance margin, work and time under tension.

        Peak moments (N m) and disc loads (N), the lowest balance margin (m),
        positive (concentric) work of the hip and lumbar extensors (J) and
        time under tension (s, all but the top pause).
        """
        out = {f"peak {k} moment": float(np.max(np.abs(v))) for k, v in self.moments.items()}
        out.update({f"peak {k}": float(np.max(np.abs(v))) for k, v in self.disc.items()
                    if k in ("compression", "shear")})
        out["lowest balance margin"] = float(np.min(self.metrics["balance_margin"]))
        dt = self.t[1] - self.t[0]
        for joint, power in self.powers.items():
            out[f"{joint} positive work"] = float(np.sum(np.maximum(power, 0)) * dt)
        out["time under tension"] = float(np.ptp(self.t[self.phase < 3]))
        out["duration"] = float(self.t[-1])
        if self.effort and "fraction" in self.effort:
            out["share of maximum load"] = float(self.effort["fraction"])
            out["rise"] = float(self.effort["rise"])
        return out


def simulate(body: Body, top: Posture, bottom: Posture,
             tempo: Union[str, Sequence[float]] = "3-1-1-0", load: Optional[Load] = None,
             fps: float = 100, bracing: float = 0.0) -> Rep:
    """One rep from ``top`` to ``bottom`` and back at a coaching tempo.

    Each posture field moves from its top to its bottom value along a
    minimum-jerk profile; every frame is balanced as a still pose would be,
    and velocities and accelerations come from the angle history.

    Parameters
    ----------
    body : Body
    top, bottom : Posture
        Single (scalar) postures at the top and the bottom of the rep.
    tempo : str or sequence
        Coaching notation ("3-1-1-0", "31X0") or four durations (s); see
        :func:`hinge_sim.parse_tempo`.
    load : Load, optional
        Defaults to a dowel.
    fps : float
        Frames per second, 10 to 1000; every phase must last at least
        :data:`~hinge_sim.model.limits.MIN_PHASE_FRAMES` frames.
    bracing : float
        0 relaxed to 1 full brace.

    Returns
    -------
    Rep

    Raises
    ------
    TypeError
        For an argument of the wrong type.
    ValueError
        For a posture with arrays, a tempo or fps out of range, or a phase
        too short for the frame rate (naming the phase).

    Examples
    --------
    >>> from hinge_sim import Barbell, Body, Posture
    >>> rep = simulate(Body(), Posture(knee=5), Posture(knee=20, hip=85, lumbar=5),
    ...                "2-0-1-0", Barbell(40), fps=50)
    >>> len(rep.t), round(rep.summary()["duration"], 2)
    (151, 3.0)
    """
    load = Dowel() if load is None else load
    _check_parts(body, load, top=top, bottom=bottom)
    for name, posture in (("top", top), ("bottom", bottom)):
        shape = np.broadcast_shapes(*(np.shape(v) for v in vars(posture).values()))
        if np.prod(shape) != 1:
            raise ValueError(f"{name} has arrays of shape {shape}; simulate moves between "
                             "two single postures (use numbers, not arrays)")
    bracing = float(check("bracing", bracing))
    effort = None
    if explosive_phases(tempo)[2]:  # "X" rise: as fast as the load allows
        from .effort import explosive_rise  # effort calls analyze: imported here
        effort = explosive_rise(body, top, bottom, load, bracing)
        tempo = parse_tempo(tempo)[:2] + (effort["rise"],) + parse_tempo(tempo)[3:]
    t, s, phase = rep_profile(tempo, fps)
    fps = float(fps)
    (a, _), (b, _) = top.arrays(), bottom.arrays()
    fields = [ta + s * (bo - ta) for ta, bo in zip(a, b)]
    theta, joints, problems = solve_angles(body, load, *fields)
    dt = 1.0 / fps
    omega = {k: np.gradient(v, dt, edge_order=2) for k, v in theta.items()}
    alpha = {k: np.gradient(v, dt, edge_order=2) for k, v in omega.items()}
    res = _evaluate(body, load, theta, omega, alpha, problems, fields[0], joints, bracing,
                    t.shape)
    powers = {"hip": joint_power(res.moments["hip"], joints["hip"], dt),
              "lumbar": joint_power(res.moments["l5s1"], joints["lumbar"], dt)}
    return Rep(**vars(res), t=t, phase=phase, powers=powers, effort=effort)
