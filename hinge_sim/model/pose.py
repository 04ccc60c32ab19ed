"""From a coach's posture description to segment angles, balanced over the foot.

The knee, hip and lumbar angles fix the body's shape; the shank angle (the
ankle) is then the one free angle, chosen so that the whole system's centre
of mass sits over the target point of the foot. Because the shape rotates
rigidly about the ankle while the bar stays at its set distance from the
midfoot, the balance equation is ``a sin(theta) + b cos(theta) = c`` and is
solved in closed form.
"""
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from . import hamstrings
from .body import Body
from .chain import RIGID_WITH_TRUNK, axes, com_offsets, joint_offsets, offset, rotate
from .checks import check_type
from .constants import PLANTARFLEXION_LIMIT_DEG
from .limits import check
from .loads import Load

FIELDS = ("knee", "hip", "lumbar", "bar", "weight_shift")


@dataclass(frozen=True)
class Posture:
    """A still posture in coaching terms; each field a number or an array.

    Arrays stand for several postures at once (time as the first axis for a
    rep); the fields' shapes must broadcast together.

    Parameters
    ----------
    knee : array_like
        Knee flexion (deg), 0 to 140.
    hip : array_like
        Hip flexion, trunk-pelvis on thigh (deg), -20 to 140.
    lumbar : array_like
        Lumbar flexion from the standing curve (deg), -20 to 60; positive rounds.
    bar : array_like
        Horizontal bar offset from the midfoot (m), -0.15 to 0.40, forward positive.
    weight_shift : array_like
        Where the weight sits along the foot: -1 heel, 0 midfoot, 1 toes.

    Ranges: :data:`hinge_sim.model.limits.LIMITS`.

    Raises
    ------
    TypeError
        For a field that is not a real number or an array of them.
    ValueError
        For a value out of range, NaN or infinity, or shapes that do not broadcast.

    Examples
    --------
    >>> Posture(knee=20, hip=85, lumbar=5).hip
    array(85.)
    >>> Posture(knee=[10, 20, 30], hip=[40, 50])
    Traceback (most recent call last):
    ...
    ValueError: Posture: hip has shape (2,), which does not broadcast with knee of shape (3,)
    """

    knee: ArrayLike = 15.0
    hip: ArrayLike = 0.0
    lumbar: ArrayLike = 0.0
    bar: ArrayLike = 0.0
    weight_shift: ArrayLike = 0.0

    def __post_init__(self):
        """Check every field (named in the message) and that the shapes broadcast."""
        shape, first = (), None
        for name in FIELDS:
            value = check(name, getattr(self, name), scalar=False)
            object.__setattr__(self, name, value)
            try:
                shape = np.broadcast_shapes(shape, value.shape)
            except ValueError:
                raise ValueError(f"Posture: {name} has shape {value.shape}, which does not "
                                 f"broadcast with {first} of shape {shape}") from None
            if value.ndim and first is None:
                first = name

    def arrays(self) -> tuple:
        """Return the five fields broadcast to one flat shape, plus that shape.

        Examples
        --------
        >>> (knee, hip, *_), shape = Posture(knee=[10, 20], hip=80).arrays()
        >>> hip, shape
        (array([80., 80.]), (2,))
        """
        arrs = np.broadcast_arrays(*(getattr(self, name) for name in FIELDS))
        return [a.ravel().astype(float) for a in arrs], arrs[0].shape


def solve_angles(body, load, knee, hip, lumbar, bar, weight_shift):
    """Segment angles (rad) for flat arrays of posture values.

    Returns
    -------
    theta : dict of ndarray (N,)
        Clockwise segment angles from vertical (rad).
    joints : dict of ndarray (N,)
        The ``hip`` and ``lumbar`` flexion actually used (deg), after the
        hamstring limit moved depth into the spine.
    problems : dict of ndarray (N,) of bool
        ``balance``, ``ankle``, ``spine``, ``reach``, ``floor`` and ``legs`` flags.
    """
    seg, d = body.segments, np.deg2rad
    # tight hamstrings: depth beyond their limit comes from the lumbar spine
    allowed = hamstrings.hip_limit(knee, body.slr)
    lumbar = lumbar + np.maximum(hip - allowed, 0.0)
    hip = np.minimum(hip, allowed)
    tilt = d(body.pelvis_tilt)
    rel = {"shank": 0.0 * knee, "thigh": -d(knee)}
    rel["pelvis"] = rel["thigh"] + d(hip) + tilt
    rel["trunk"] = rel["thigh"] + d(hip) + d(lumbar)
    rel["head"] = rel["trunk"]
    ankle = np.array([0.0, body.ankle_height])
    joints, coms = joint_offsets(body), com_offsets(body, load)
    # shape at shank angle 0, positions relative to the ankle
    origin = {"shank": np.zeros(knee.shape + (2,))}
    moment = np.zeros(knee.shape + (2,))  # sum of m * r over rigid segments
    frame = {k: axes(v) for k, v in rel.items() if k != "head"}
    frame["head"] = frame["trunk"]  # the head turns with the trunk
    for name, parent in RIGID_WITH_TRUNK:
        if parent:
            origin[name] = origin[parent] + offset(frame[parent], *joints[name])
        moment += seg[name].mass * (origin[name] + offset(frame[name], *coms[name]))
    shoulder0 = origin["trunk"] + offset(frame["trunk"], *joints["arm"])
    arm, m_load = seg["arm"], load.mass
    c = arm.com_axial / arm.length
    target = body.midfoot_x + weight_shift * 0.5 * body.foot_length
    hand_x = body.midfoot_x + bar
    if load.reach:
        moment += arm.mass * (1 - c) * shoulder0
        fixed = (arm.mass * c + m_load) * hand_x
    else:
        moment += (arm.mass + m_load) * shoulder0
        fixed = 0.0
    fixed = fixed + seg["foot"].mass * seg["foot"].com_axial  # feet, at rest
    total = sum(s.mass for s in seg.values()) + m_load
    # x of rotated point: r_x cos + r_y sin; solve a sin + b cos = c
    a_sin, b_cos = moment[..., 1], moment[..., 0]
    rhs = total * target - fixed
    ratio = rhs / np.hypot(a_sin, b_cos)
    can_balance = np.abs(ratio) <= 1
    phi = np.arctan2(b_cos, a_sin)
    shank = np.where(can_balance, np.arcsin(np.minimum(np.maximum(ratio, -1.0), 1.0)) - phi, 0.0)
    theta = {k: v + shank for k, v in rel.items()}
    shoulder = ankle + rotate(shank, shoulder0[..., 0], shoulder0[..., 1])
    if load.reach:
        sin_arm = (shoulder[..., 0] - hand_x) / arm.length
    else:
        sin_arm = 0.0 * shank
    can_reach = np.abs(sin_arm) <= 1
    theta["arm"] = np.arcsin(np.minimum(np.maximum(sin_arm, -1.0), 1.0))
    theta["load"] = 0.0 * shank
    hand_y = shoulder[..., 1] - arm.length * np.cos(theta["arm"])
    problems = {
        "balance": ~can_balance,
        "spine": lumbar > body.max_lumbar,
        "ankle": (shank > d(body.dorsiflexion)) | (shank < -d(PLANTARFLEXION_LIMIT_DEG)),
        "reach": ~can_reach,
        "floor": hand_y < load.min_height - 1e-6,  # 1 micrometre: solver round-off
    }
    problems["legs"] = load.in_front & (hand_x < leg_line_x(body, theta, hand_y))
    return theta, {"hip": hip, "lumbar": lumbar, "hand_height": hand_y}, problems


def leg_line_x(body, theta, y):
    """X (m) of the shank or thigh axis at height ``y`` (m); -inf above the hip.

    A barbell whose centre is behind this line would pass through the leg.
    """
    shank, thigh = body.segments["shank"].length, body.segments["thigh"].length
    knee_y = body.ankle_height + shank * np.cos(theta["shank"])
    knee_x = shank * np.sin(theta["shank"])
    hip_y = knee_y + thigh * np.cos(theta["thigh"])
    on_shank = (y - body.ankle_height) * np.tan(theta["shank"])
    on_thigh = knee_x + (y - knee_y) * np.tan(theta["thigh"])
    return np.where(y <= knee_y, on_shank, np.where(y <= hip_y, on_thigh, -np.inf))


def depth_for_bar_height(body: Body, load: Load, knee: ArrayLike, height: ArrayLike = None,
                         lumbar: ArrayLike = 0.0, bar: ArrayLike = 0.0,
                         weight_shift: ArrayLike = 0.0) -> Posture:
    """Find the hinge depth that brings the grip to ``height`` (m), as a Posture.

    Every argument but ``body`` and ``load`` may be an array: each element
    (after broadcasting) gets its own depth, and the Posture has that shape.

    Parameters
    ----------
    body : Body
    load : Load
    knee : array_like
        Knee flexion (deg), 0 to 140.
    height : array_like, optional
        Grip height above the floor (m), 0 to 1.5; default the load's lowest
        height (plates on the floor: a deadlift from the floor).
    lumbar, bar, weight_shift : array_like
        As in :class:`Posture`.

    Returns
    -------
    Posture
        With ``hip`` found by bisection to within 1e-12 deg.

    Raises
    ------
    TypeError
        For a body or load of the wrong type, or a non-numeric value.
    ValueError
        For a value out of range, or when no hip flexion from 0 to 140 deg
        reaches that height (naming the first element that cannot).

    Examples
    --------
    >>> from hinge_sim import Barbell, Body
    >>> floor = depth_for_bar_height(Body(1.77, 78), Barbell(60), knee=[60, 100])
    >>> floor.hip.round(1)
    array([132.7, 129.7])
    """
    check_type("body", body, Body, "hs.Body(stature=1.75, mass=75, sex='male')")
    check_type("load", load, Load, "a load such as hs.Barbell(40)")
    height = load.min_height if height is None else height
    height = check("height", height, scalar=False)
    base = Posture(knee=knee, lumbar=lumbar, bar=bar, weight_shift=weight_shift)
    try:
        shape = np.broadcast_shapes(np.shape(base.knee), height.shape)
    except ValueError:
        raise ValueError(f"height has shape {height.shape}, which does not broadcast with "
                         f"the posture's shape {np.shape(base.knee)}") from None
    base = Posture(*(np.broadcast_to(getattr(base, name), shape) for name in FIELDS))
    (k, _, lu, b, w), _ = base.arrays()
    target = np.broadcast_to(height, shape).ravel()

    def grip(hip):
        return solve_angles(body, load, k, hip, lu, b, w)[1]["hand_height"]

    low, high = np.zeros_like(k), np.full_like(k, 140.0)
    deepest, upright = grip(high), grip(low)
    out = ~((deepest <= target) & (target <= upright))
    if np.any(out):
        i = int(np.argmax(out))
        where = f" (element {tuple(int(j) for j in np.unravel_index(i, shape))})" if shape else ""
        raise ValueError(f"height = {target[i]:g} m{where} cannot be reached at knee = "
                         f"{k[i]:g} deg (reachable {deepest[i]:.2f} to {upright[i]:.2f} m)")
    for _ in range(50):  # bisection: grip height falls as the hips hinge
        mid = 0.5 * (low + high)
        above = grip(mid) > target
        low, high = np.where(above, mid, low), np.where(above, high, mid)
    hip = (0.5 * (low + high)).reshape(shape)
    return Posture(knee=base.knee, hip=hip, lumbar=base.lumbar, bar=base.bar,
                   weight_shift=base.weight_shift)
