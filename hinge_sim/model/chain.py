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


def pair(x, y):
    """``np.stack([x, y], -1)`` for arrays of one shape, without its overhead (..., 2).

    ``y`` must broadcast to the shape of ``x``. (``np.stack`` costs about
    3 us a call, most of a one-posture step.)
    """
    x = np.asarray(x)
    out = np.empty(x.shape + (2,), np.result_type(x, y, float))
    out[..., 0] = x
    out[..., 1] = y
    return out


def axes(theta):
    """Forward and axial unit vectors (each (..., 2)) of segments at angle ``theta`` (rad).

    A local point (a forward, b axial) is at ``a * forward + b * axial``
    (:func:`offset`); one pair of sines and cosines serves every point on
    the segment.
    """
    s, c = np.sin(theta), np.cos(theta)
    return pair(c, -s), pair(s, c)


def offset(frame, a, b):
    """World offset (..., 2) of local point (a forward, b axial) in ``frame`` (:func:`axes`)."""
    forward, axial = frame
    if isinstance(a, float) and a == 0.0:  # joints and most COMs lie on the axis
        return b * axial
    return a * forward + b * axial


def rotate(theta, a, b):
    """World offset (..., 2) of local point (a forward, b axial) at angle theta."""
    s, c = np.sin(theta), np.cos(theta)
    return pair(a * c + b * s, -a * s + b * c)


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


def kinematics(body, load, theta, omega=None, alpha=None, ankle=None):
    """Positions, velocities and accelerations of origins and COMs.

    Parameters
    ----------
    theta, omega, alpha : dict of ndarray (N,)
        Segment angle (rad), angular velocity (rad/s), acceleration (rad/s^2).
        ``omega`` and ``alpha`` both None: a still posture, whose velocities
        and accelerations are zero (and not computed).
    ankle : ndarray (2,), optional
        Ankle position (m); the foot is fixed. Default ``(0, body.ankle_height)``.

    Returns
    -------
    dict
        ``origin`` and ``com`` -> name -> (p, v, a), each (N, 2). For a still
        posture every v and a is one shared read-only array of zeros.
    """
    if (omega is None) != (alpha is None):
        raise ValueError("kinematics: give both omega and alpha, or neither (a still posture)")
    ankle = np.array([0.0, body.ankle_height]) if ankle is None else ankle
    joints, coms = joint_offsets(body), com_offsets(body, load)
    n = next(iter(theta.values())).shape
    zero = np.zeros(n + (2,))
    still = omega is None
    if still:
        zero.flags.writeable = False
    origin, com = {}, {}
    frame = {name: axes(theta[name]) for name, _ in TREE}
    for name, parent in TREE:
        if parent is None:
            point = (zero + ankle, zero, zero) if still else (zero + ankle, zero.copy(),
                                                               zero.copy())
        elif still:
            point = (origin[parent][0] + offset(frame[parent], *joints[name]), zero, zero)
        else:
            point = _moving_point(origin[parent], frame[parent], omega[parent], alpha[parent],
                                  *joints[name])
        origin[name] = point
        if still:
            com[name] = (point[0] + offset(frame[name], *coms[name]), zero, zero)
        else:
            com[name] = _moving_point(point, frame[name], omega[name], alpha[name],
                                      *coms[name])
    return {"origin": origin, "com": com}


def _moving_point(base, frame, om, al, a, b):
    """(p, v, a) of the point (a, b) on a segment whose origin moves as ``base``.

    The offset's rate is ``omega * dr`` with ``dr = (r_y, -r_x)`` (the
    derivative of :func:`rotate` with respect to the angle).
    """
    p, v, acc = base
    forward, axial = frame
    r = offset(frame, a, b)
    dr = b * forward if a == 0.0 else b * forward - a * axial
    om, al = om[..., None], al[..., None]
    return p + r, v + om * dr, acc + al * dr - (om * om) * r
