r"""A two-handed kettlebell swing as a motion of the model's segments.

A Russian swing: from a hip hinge with the bell back between the thighs (the
bottom of the backswing) up to standing tall with straight arms swung forward
to about shoulder height (the top), and back, in one cycle of ``period``
seconds. Every coach's angle (knee, hip and lumbar flexion, and the
shoulder's flexion: the arm is driven as its own segment, not placed by a
reach) follows a smooth periodic curve whose rates and accelerations are
exact (analytic, not finite differences). The bell sits on the line of the
straight arms, :data:`~hinge_sim.model.constants.KETTLEBELL_HANG` beyond the
grip, so :func:`~hinge_sim.model.analysis.analyze_angles` carries its
centripetal and tangential inertia through the arms and the trunk to L5/S1
and L4/L5. ``docs/model.md`` section 9.2 derives the motion and checks it.

::

     top, t = 0 and T                  bottom of the backswing, t = T / 2
          o ------- (bell)                     o
          |  arms at shoulder height            \___   trunk hinged,
          |  (shoulder flexion 90 deg)              \  arms along the thighs
          |                                    |\    (bell) between the thighs
         / \  knees soft                       | \   knees a little bent

    q(t) = q_top + (q_bottom - q_top) s(t),   s = (1 - cos psi) / 2,
    psi = phi - dwell sin(phi),  phi = 2 pi t / T      (every angle, the arm too)

Usage
-----
1. ``rep = swing(Body(), bell=16)``: one cycle, a :class:`Swing` (a
   :class:`~hinge_sim.model.analysis.Rep`, so the rep plots and players show it).
2. ``rep.disc["compression_l4l5"]``, ``rep.disc["shear_l4l5"]`` (N) over ``rep.t`` (s).
3. ``rep.omega``, ``rep.alpha``: the exact segment rates the loads came from.
"""
from dataclasses import dataclass

import numpy as np

from . import constants, demands, hamstrings
from .analysis import Rep, _check_parts, analyze_angles
from .body import Body
from .chain import TREE, kinematics
from .constants import PLANTARFLEXION_LIMIT_DEG
from .limits import check
from .loads import Kettlebell
from .mechanics import inverse_dynamics, mass_table

SWING_PHASES = ("backswing", "bottom", "upswing", "top")
"""Words for a swing's phase numbers (as :data:`~hinge_sim.model.motion.PHASES`'s):
only 0 (top to bottom) and 2 (bottom to top) are used."""

ANGLES = ("knee", "hip", "lumbar", "arm")
"""The coach's angles of a swing (deg): knee, hip and lumbar flexion as in
:class:`~hinge_sim.model.pose.Posture`, and ``arm``, shoulder flexion: the
arm's angle forward of the trunk's axis (0 hanging along the trunk, 90 at a
right angle to it, shoulder height when standing)."""


@dataclass
class Swing(Rep):
    """One swing cycle: a :class:`~hinge_sim.model.analysis.Rep` with its exact rates.

    ``phase`` is 0 (the backswing, top to bottom) and 2 (the hip drive and
    the upswing, bottom to top), named by ``phase_names`` (:data:`SWING_PHASES`).

    Attributes
    ----------
    omega, alpha : dict of ndarray (N,)
        Segment angular velocity (rad/s) and acceleration (rad/s^2), clockwise,
        of every segment of :data:`~hinge_sim.model.chain.TREE`: the
        derivatives of ``segments[k]["angle"]``.
    angles : dict of ndarray (N,)
        The coach's angles (deg) over the cycle, :data:`ANGLES`.
    beyond : dict of ndarray (N,) of bool
        The frames whose forces the floor or the lifter cannot give
        (:func:`hinge_sim.model.demands.beyond`): ``"lift-off"`` (the floor would
        have to pull the feet down), ``"slip"`` (more sideways push than shoes
        grip), ``"strength"`` (a moment almost no one of the population holds).
        A lift-off frame is not ``balanced``: no centre of pressure.
    shares : dict of ndarray (N,)
        Joint -> share of the lifter's population able to hold its moment
        (:func:`hinge_sim.model.demands.strength_shares`).
    """

    omega: dict = None
    alpha: dict = None
    angles: dict = None
    beyond: dict = None
    shares: dict = None
    phase_names: tuple = SWING_PHASES


def profile(t, period, dwell=0.0):
    """Progress of a swing, 0 at the top and 1 at the bottom, with its exact rates.

    ``s = (1 - cos(psi)) / 2`` of the phase ``psi = phi - dwell sin(phi)``,
    ``phi = 2 pi t / period``: smooth and periodic, a plain cosine for
    ``dwell = 0``. A positive ``dwell`` keeps both ends where they are but
    lingers at the top (the float) and hurries through the bottom (the
    reversal of the backswing into the hip drive).

    Parameters
    ----------
    t : ndarray
        Time (s), 0 at the top.
    period : float
        Cycle time (s).
    dwell : float
        -1 to 1, exclusive (the phase must keep moving forward).

    Returns
    -------
    s, ds, dds : ndarray
        The progress and its first (1/s) and second (1/s^2) time derivatives.

    Examples
    --------
    >>> s, ds, dds = profile(np.array([0.0, 0.25, 0.5]), 1.0)
    >>> s.round(12).tolist(), bool(np.isclose(dds[0], 2 * np.pi ** 2))
    ([0.0, 0.5, 1.0], True)
    >>> float(profile(np.array([0.25]), 1.0, dwell=0.3)[0][0]) < 0.5  # still near the top
    True
    """
    w = 2.0 * np.pi / period
    phi = w * np.asarray(t, float)
    psi = phi - dwell * np.sin(phi)
    dpsi = w * (1.0 - dwell * np.cos(phi))
    ddpsi = w * w * dwell * np.sin(phi)
    sin, cos = np.sin(psi), np.cos(psi)
    return 0.5 * (1.0 - cos), 0.5 * sin * dpsi, 0.5 * (cos * dpsi * dpsi + sin * ddpsi)


def _relative_angles(body, angles, rates=None):
    """Segment angles (rad) relative to the shank from the coach's angles (deg).

    As :func:`~hinge_sim.model.pose.solve_angles`: thigh = -knee, pelvis =
    thigh + hip + tilt, trunk = thigh + hip + lumbar, head with the trunk;
    and the arm ``arm`` forward of the trunk, the bell on the arm's line.
    With ``rates`` (deg/s or deg/s^2 of the same angles) the same linear map
    gives the rates (the tilt is a constant).
    """
    d = np.deg2rad
    src = angles if rates is None else rates
    tilt = d(body.pelvis_tilt) if rates is None else 0.0
    thigh = -d(src["knee"])
    rel = {"shank": 0.0 * thigh, "thigh": thigh, "pelvis": thigh + d(src["hip"]) + tilt,
           "trunk": thigh + d(src["hip"]) + d(src["lumbar"])}
    rel["head"] = rel["trunk"]
    rel["arm"] = rel["trunk"] - d(src["arm"])
    rel["load"] = rel["arm"]
    return rel


def balanced_shank(body, load, angles):
    """Shank angle (rad) that puts the still system's centre of mass over the midfoot.

    :func:`swing` uses it at the top and the bottom, held still: their mean is
    the first guess of :func:`shank_lean`, and a pose no lean balances is
    refused. The whole shape, arm and bell included, turns rigidly about the ankle,
    so ``S_x cos(theta) + S_y sin(theta) = M x_midfoot - foot`` is solved in
    closed form, as in :func:`~hinge_sim.model.pose.solve_angles`.

    Parameters
    ----------
    body : Body
    load : Load
    angles : mapping of str to ndarray
        The coach's angles (deg) of :data:`ANGLES`.

    Returns
    -------
    shank : ndarray
        Clockwise shank angle (rad); NaN where no lean balances.
    """
    rel = _relative_angles(body, angles)
    coms = kinematics(body, load, rel, ankle=np.zeros(2))["com"]
    masses = {name: body.segments[name].mass for name, _ in TREE if name != "load"}
    masses["load"] = load.mass
    first = sum(masses[name] * coms[name][0] for name, _ in TREE)  # (N, 2), from the ankle
    foot = body.segments["foot"]
    total = sum(masses.values()) + foot.mass
    rhs = total * body.midfoot_x - foot.mass * foot.com_axial
    radius = np.hypot(first[..., 0], first[..., 1])
    ratio = rhs / radius
    phi = np.arctan2(first[..., 0], first[..., 1])
    return np.where(np.abs(ratio) <= 1, np.arcsin(np.clip(ratio, -1, 1)) - phi, np.nan)


def _motion(body, top, bottom, t, period):
    """The coach's angles (deg) at times ``t`` (s), and the segments' relative to the shank.

    The second is a dict of ``theta``, ``omega`` and ``alpha`` (rad, rad/s, rad/s^2).
    """
    s, ds, dds = profile(t, period, constants.SWING_DWELL)
    angles, rates, accels = {}, {}, {}
    for k in ANGLES:
        span = bottom[k] - top[k]
        angles[k], rates[k], accels[k] = top[k] + span * s, span * ds, span * dds
    rel = {"theta": _relative_angles(body, angles),
           "omega": _relative_angles(body, angles, rates),
           "alpha": _relative_angles(body, angles, accels)}
    return angles, rel


def fourier(t, period, harmonics=constants.SWING_LEAN_HARMONICS):
    """A constant and ``harmonics`` cosines and sines of the cycle at times ``t``.

    Returns
    -------
    basis, dbasis, ddbasis : ndarray (2 harmonics + 1, N)
        The functions and their first (1/s) and second (1/s^2) time derivatives.
    """
    w = 2.0 * np.pi / period
    k = np.arange(1, harmonics + 1)[:, None]
    phase = k * w * np.asarray(t, float)[None, :]
    cos, sin = np.cos(phase), np.sin(phase)
    one, zero = np.ones((1, phase.shape[1])), np.zeros((1, phase.shape[1]))
    return (np.vstack([one, cos, sin]), np.vstack([zero, -k * w * sin, k * w * cos]),
            np.vstack([zero, -(k * w) ** 2 * cos, -(k * w) ** 2 * sin]))


def shank_lean(body, load, top, bottom, period, start):
    """The shank's lean over the cycle that keeps the centre of pressure over the midfoot.

    The lean is a Fourier series (:func:`fourier`) of
    :data:`~hinge_sim.model.constants.SWING_LEAN_HARMONICS` harmonics of the
    cycle, so it is periodic and its rates are exact. Its coefficients are
    fitted in least squares (Newton steps, reusing a Jacobian while the steps
    shrink fast) so that the moment of the ground reaction about the midfoot,
    ``(x_COP - x_mid) F_y``, is as small as the series allows at
    :data:`~hinge_sim.model.constants.SWING_LEAN_FIT_POINTS` instants of the
    cycle, the same whatever the frame rate shown: the lifter leans over the
    ankles just as much as the swing's momentum needs, feet flat [A].

    Parameters
    ----------
    body : Body
    load : Load
    top, bottom : dict
        The coach's angles (deg) at the two ends, :data:`ANGLES`.
    period : float
        Cycle time (s).
    start : float
        First guess of the mean lean (rad).

    Returns
    -------
    ndarray
        The series' coefficients (rad): the constant, then the cosines, then the sines.
    """
    t = np.arange(constants.SWING_LEAN_FIT_POINTS) * period / constants.SWING_LEAN_FIT_POINTS
    _, rel = _motion(body, top, bottom, t, period)
    basis = fourier(t, period)
    masses, inertias = mass_table(body, load)
    foot = body.segments["foot"]
    foot_com = np.array([foot.com_axial, body.ankle_height + foot.com_anterior])

    def moment(coef):
        lean = [coef @ b for b in basis]
        theta, omega, alpha = ({k: v + s for k, v in rel[what].items()}
                               for what, s in zip(("theta", "omega", "alpha"), lean))
        kin = kinematics(body, load, theta, omega, alpha)
        _, _, grf, cop = inverse_dynamics(kin, masses, inertias, alpha, foot.mass, foot_com)
        return (cop - body.midfoot_x) * grf[:, 1]

    coef = np.zeros(basis[0].shape[0])
    coef[0] = start
    # the moment is nearly linear in the lean, so the Jacobian is made again only when
    # a step did not shrink to a fifth of the one before (a chord method)
    fresh, last = True, np.inf
    for _ in range(60):
        residual = moment(coef)
        if fresh:
            jacobian = np.empty((len(residual), len(coef)))
            for j in range(len(coef)):
                nudge = np.zeros_like(coef)
                nudge[j] = 1e-7  # rad
                jacobian[:, j] = (moment(coef + nudge) - residual) / 1e-7
            solve = np.linalg.pinv(jacobian)
        step = -solve @ residual
        coef = coef + step
        size = float(np.max(np.abs(step)))
        if size < 1e-12:
            break
        fresh, last = size > 0.2 * last, size
    return coef


def swing(body: Body, bell: float = constants.SWING_BELL, period: float = constants.SWING_PERIOD,
          arm: float = constants.SWING_TOP["arm"], fps: float = 100, bracing: float = 0.0,
          top=None, bottom=None) -> Swing:
    """One cycle of a two-handed kettlebell swing, top to bottom and back.

    Each coach's angle moves between its top and bottom values along one
    curve, :func:`profile` (a plain cosine at the default
    :data:`~hinge_sim.model.constants.SWING_DWELL` of 0). The shank's lean
    (the ankle) is what keeps the centre of pressure over the midfoot through
    the whole moving cycle (:func:`shank_lean`), feet flat.

    Parameters
    ----------
    body : Body
    bell : float
        Kettlebell mass (kg), 0 to 48.
    period : float
        Cycle time, top to top (s), 0.8 to 2.
    arm : float
        Shoulder flexion at the top (deg), 30 to 180: 90 puts the straight
        arms at shoulder height (a Russian swing), 180 overhead.
    fps : float
        Frames per second, 10 to 1000 (the rates are exact at any frame rate).
    bracing : float
        0 relaxed to 1 full brace.
    top, bottom : mapping of str to float, optional
        Coach's angles (deg) of :data:`ANGLES` at the top and the bottom;
        default :data:`~hinge_sim.model.constants.SWING_TOP` (with ``arm``)
        and :data:`~hinge_sim.model.constants.SWING_BOTTOM`. Knee, hip and
        lumbar take the ranges of :class:`~hinge_sim.model.pose.Posture`,
        the arm -60 to 180 deg.

    Returns
    -------
    Swing
        The loads over the cycle, with ``t`` (s), ``phase``, ``powers`` (W,
        exact), ``omega`` and ``alpha`` (the segment rates), ``angles``, and
        ``beyond`` and ``shares``: the frames that ask more of the floor or of
        the lifter's strength than they can give. Such a swing is returned, not
        refused: it shows what the speed and the bell would ask.

    Raises
    ------
    TypeError
        For a body that is not a Body, or a value that is not a number.
    ValueError
        For a bell, period, arm, fps, bracing or top/bottom angle out of its
        range (naming it, its value and the range), or a top or bottom whose
        still pose no lean of the shins can balance.

    Examples
    --------
    >>> rep = swing(Body(1.75, 75, "male"), bell=16, fps=50)
    >>> len(rep.t), round(float(rep.t[-1]), 2), int(rep.phase[10]), int(rep.phase[40])
    (56, 1.1, 0, 2)
    """
    bell = float(check("swing bell", bell, label="bell"))
    period = float(check("swing period", period, label="period"))
    arm = float(check("swing arm", arm, label="arm"))
    fps = float(check("fps", fps))
    bracing = float(check("bracing", bracing))
    load = Kettlebell(bell)
    _check_parts(body, load)
    ends = {"top": {**constants.SWING_TOP, "arm": arm} if top is None else top,
            "bottom": constants.SWING_BOTTOM if bottom is None else bottom}
    for which, pose in ends.items():
        if not hasattr(pose, "keys") or set(pose) != set(ANGLES):
            raise ValueError(f"{which} = {pose!r}: give the angles {list(ANGLES)} (deg)")
        ends[which] = {k: float(check("swing arm angle" if k == "arm" else k, pose[k],
                                      label=f"{which} {k}")) for k in ANGLES}
    top, bottom = ends["top"], ends["bottom"]
    # tight hamstrings: depth beyond their limit at the bottom comes from the spine
    allowed = float(hamstrings.hip_limit(bottom["knee"], body.slr))
    bottom = {**bottom, "lumbar": bottom["lumbar"] + max(bottom["hip"] - allowed, 0.0),
              "hip": min(bottom["hip"], allowed)}
    still = {k: np.array([top[k], bottom[k]]) for k in ANGLES}
    shank_ends = balanced_shank(body, load, still)
    for which, value in zip(ends, shank_ends):
        if np.isnan(value):
            raise ValueError(f"{which} = {ends[which]}: no lean of the shins balances this "
                             "still pose over the foot; bend the hips or the arm less")

    t = np.arange(int(round(period * fps)) + 1) / fps
    t[-1] = period  # the cycle closes on the top, whatever the rounding
    angles, rel = _motion(body, top, bottom, t, period)
    coef = shank_lean(body, load, top, bottom, period, float(np.mean(shank_ends)))
    lean = [coef @ b for b in fourier(t, period)]
    theta, omega, alpha = ({k: v + shank for k, v in rel[what].items()}
                           for what, shank in zip(rel, lean))

    bell_y = kinematics(body, load, theta)["com"]["load"][0][..., 1]
    problems = {
        "spine": angles["lumbar"] > body.max_lumbar,
        "ankle": ((theta["shank"] > np.deg2rad(body.dorsiflexion))
                  | (theta["shank"] < -np.deg2rad(PLANTARFLEXION_LIMIT_DEG))),
        "floor": bell_y < 0.0,
    }
    res = analyze_angles(body, load, theta, omega, alpha, knee=angles["knee"],
                         hip=angles["hip"], lumbar=angles["lumbar"], problems=problems,
                         bracing=bracing)
    # extensor power: the moment times the extension rate (rad/s); hip flexion is
    # pelvis minus thigh, lumbar flexion trunk minus pelvis (section 1)
    om = rel["omega"]
    powers = {"hip": res.moments["hip"] * (om["thigh"] - om["pelvis"]),
              "lumbar": res.moments["l5s1"] * (om["pelvis"] - om["trunk"])}
    phase = np.where(t <= 0.5 * period, 0, 2)
    flags = demands.beyond(body, res)
    res.balanced = res.balanced & ~flags["lift-off"]
    return Swing(**vars(res), t=t, phase=phase, powers=powers, effort=None, omega=omega,
                 alpha=alpha, angles=angles, beyond=flags,
                 shares=demands.strength_shares(body, res.moments))
