"""From a coach's posture description to segment angles, balanced over the foot.

The knee, hip and lumbar angles fix the body's shape; the shank angle (the
ankle) is then the one free angle, chosen so that the whole system's centre
of mass sits over the target point of the foot. Because the shape rotates
rigidly about the ankle while the bar stays at its set distance from the
midfoot, the balance equation is ``P sin(theta) + Q cos(theta) = R`` and is
solved in closed form.
"""
from dataclasses import dataclass

import numpy as np

from . import hamstrings
from .chain import RIGID_WITH_TRUNK, com_offsets, joint_offsets, rotate
from .checks import check_range
from .constants import PLANTARFLEXION_LIMIT_DEG


@dataclass(frozen=True)
class Posture:
    """A still posture in coaching terms (all broadcastable).

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
    """

    knee: object = 15.0
    hip: object = 0.0
    lumbar: object = 0.0
    bar: object = 0.0
    weight_shift: object = 0.0

    def __post_init__(self):
        for name, lo, hi, unit in (("knee", 0, 140, " deg"), ("hip", -20, 140, " deg"),
                                   ("lumbar", -20, 60, " deg"), ("bar", -0.15, 0.40, " m"),
                                   ("weight_shift", -1, 1, "")):
            object.__setattr__(self, name, check_range(name, getattr(self, name), lo, hi, unit))

    def arrays(self):
        """The five fields broadcast to one flat shape, plus that shape."""
        arrs = np.broadcast_arrays(self.knee, self.hip, self.lumbar, self.bar, self.weight_shift)
        return [a.ravel().astype(float) for a in arrs], arrs[0].shape


def solve_angles(body, load, knee, hip, lumbar, bar, shift):
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
    for name, parent in RIGID_WITH_TRUNK:
        if parent:
            origin[name] = origin[parent] + rotate(rel[parent], *joints[name])
        moment += seg[name].mass * (origin[name] + rotate(rel[name], *coms[name]))
    shoulder0 = origin["trunk"] + rotate(rel["trunk"], *joints["arm"])
    arm, m_load = seg["arm"], load.mass
    c = arm.com_axial / arm.length
    target = body.midfoot_x + shift * 0.5 * body.foot_length
    hand_x = body.midfoot_x + bar
    if load.reach:
        moment += arm.mass * (1 - c) * shoulder0
        fixed = (arm.mass * c + m_load) * hand_x
    else:
        moment += (arm.mass + m_load) * shoulder0
        fixed = 0.0
    fixed = fixed + seg["foot"].mass * seg["foot"].com_axial  # feet, at rest
    total = sum(s.mass for s in seg.values()) + m_load
    # x of rotated point: r_x cos + r_y sin; solve P sin + Q cos = rhs
    P, Q = moment[..., 1], moment[..., 0]
    rhs = total * target - fixed
    ratio = rhs / np.hypot(P, Q)
    can_balance = np.abs(ratio) <= 1
    phi = np.arctan2(Q, P)
    shank = np.where(can_balance, np.arcsin(np.clip(ratio, -1, 1)) - phi, 0.0)
    theta = {k: v + shank for k, v in rel.items()}
    shoulder = ankle + rotate(shank, shoulder0[..., 0], shoulder0[..., 1])
    if load.reach:
        sin_arm = (shoulder[..., 0] - hand_x) / arm.length
    else:
        sin_arm = 0.0 * shank
    can_reach = np.abs(sin_arm) <= 1
    theta["arm"] = np.arcsin(np.clip(sin_arm, -1, 1))
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


def depth_for_bar_height(body, load, knee, height=None, lumbar=0.0, bar=0.0,
                         weight_shift=0.0):
    """The hinge depth that brings the grip to ``height`` (m), as a Posture.

    Parameters
    ----------
    body : Body
    load : Load
    knee : float
        Knee flexion (deg).
    height : float, optional
        Grip height above the floor (m); default the load's lowest height
        (plates on the floor: a deadlift from the floor).
    lumbar, bar, weight_shift : float
        As in :class:`Posture`.

    Raises
    ------
    ValueError
        When no hip flexion from 0 to 140 deg reaches that height.
    """
    height = load.min_height if height is None else height
    base = Posture(knee=knee, lumbar=lumbar, bar=bar, weight_shift=weight_shift)
    (k, _, lu, b, w), _ = base.arrays()

    def grip(hip):
        return solve_angles(body, load, k, np.atleast_1d(hip), lu, b, w)[1]["hand_height"][0]

    low, high = 0.0, 140.0
    if not grip(high) <= height <= grip(low):
        raise ValueError(f"height = {height:g} m cannot be reached at knee = {knee:g} deg "
                         f"(reachable {grip(high):.2f} to {grip(low):.2f} m)")
    for _ in range(50):  # bisection: grip height falls as the hips hinge
        mid = 0.5 * (low + high)
        low, high = (mid, high) if grip(mid) > height else (low, mid)
    return Posture(knee=knee, hip=0.5 * (low + high), lumbar=lumbar, bar=bar,
                   weight_shift=weight_shift)

