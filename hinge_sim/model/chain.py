"""The planar segment tree and its exact kinematics.

Every segment angle is measured from vertical, positive when the segment's
axis tips forward (+x) (clockwise seen from the lifter's right). A point with
local coordinates (a forward, b along the axis) on a segment at angle theta is
at ``a * (cos, -sin) + b * (sin, cos)`` from the segment origin.
"""
import numpy as np

from .constants import SHOULDER_BELOW_C7

# (segment, parent), parents first; the feet are fixed to the floor and the
# shank's origin is the ankle. Where each joint sits: :func:`joint_offsets`.
TREE = (
    ("shank", None),
    ("thigh", "shank"),
    ("pelvis", "thigh"),
    ("trunk", "pelvis"),
    ("head", "trunk"),
    ("arm", "trunk"),
    ("load", "arm"),
)


def rotate(theta, a, b):
    """World offset (..., 2) of local point (a forward, b axial) at angle theta."""
    s, c = np.sin(theta), np.cos(theta)
    return np.stack([a * c + b * s, -a * s + b * c], axis=-1)


def rotate_derivative(theta, a, b):
    """d/dtheta of :func:`rotate`."""
    s, c = np.sin(theta), np.cos(theta)
    return np.stack([-a * s + b * c, -a * c - b * s], axis=-1)


def joint_offsets(body):
    """Local (a, b) of each segment's origin on its parent (m)."""
    seg = body.segments
    return {
        "shank": (0.0, 0.0),
        "thigh": (0.0, seg["shank"].length),
        "pelvis": (0.0, seg["thigh"].length),
        "trunk": (0.0, seg["pelvis"].length),
        "head": (0.0, seg["trunk"].length),
        "arm": (0.0, (1 - SHOULDER_BELOW_C7) * seg["trunk"].length),
        "load": (0.0, -seg["arm"].length),
    }


def com_offsets(body, load):
    """Local (a, b) of each segment's centre of mass from its origin (m).

    Segments whose axis runs upward from the proximal joint (shank, thigh,
    pelvis, trunk) have the Dumas COM measured from the upper end, so it is
    converted here; the arm and load hang downward (negative b).
    """
    seg = body.segments
    out = {}
    for name in ("shank", "thigh", "pelvis", "trunk"):
        s = seg[name]
        out[name] = (s.com_anterior, s.length - s.com_axial)
    out["head"] = (seg["head"].com_anterior, seg["head"].com_axial)
    out["arm"] = (0.0, -seg["arm"].com_axial)
    out["load"] = (0.0, -load.hang)
    return out


RIGID_WITH_TRUNK = tuple(t for t in TREE if t[0] not in ("arm", "load"))
"""The segments whose shape the posture fixes; the arm follows the bar."""


def kinematics(body, load, theta, omega, alpha, ankle):
    """Positions, velocities and accelerations of origins and COMs.

    Parameters
    ----------
    theta, omega, alpha : dict of ndarray (N,)
        Segment angle (rad), angular velocity (rad/s), acceleration (rad/s^2).
    ankle : ndarray (2,)
        Ankle position (m); the foot is fixed.

    Returns
    -------
    dict
        ``origin`` and ``com`` -> name -> (p, v, a), each (N, 2).
    """
    joints, coms = joint_offsets(body), com_offsets(body, load)
    n = next(iter(theta.values())).shape
    zero = np.zeros(n + (2,))
    origin, com = {}, {}
    for name, parent in TREE:
        if parent is None:
            p, v, a = zero + ankle, zero.copy(), zero.copy()
        else:
            origin_p, v_p, a_p = origin[parent]
            p, v, a = _moving_point(origin_p, v_p, a_p, theta[parent], omega[parent],
                                    alpha[parent], *joints[name])
        origin[name] = (p, v, a)
        com[name] = _moving_point(p, v, a, theta[name], omega[name], alpha[name], *coms[name])
    return {"origin": origin, "com": com}


def _moving_point(p, v, a, th, om, al, la, lb):
    r = rotate(th, la, lb)
    dr = rotate_derivative(th, la, lb)
    return (p + r, v + om[..., None] * dr,
            a + al[..., None] * dr - (om ** 2)[..., None] * r)
