r"""The lumbar spine as five motion segments, for disc orientations and drawing.

The inverse dynamics keep one rigid trunk from L5/S1 to C7/T1; this module
places the lumbar joints and discs inside it. The sacrum turns with the
pelvis; each level takes a fixed share of the lumbar flexion, so the thorax
(above L1) turns by the whole of it, as the rigid trunk does::

          L1/L2  o      each level i turns by share_i * lumbar flexion
                  \     (L5/S1 12.5 %, L4/L5 18.5 %, ... L1/L2 25.5 %)
          L2/L3    o
                   |    disc normal = bisector of the two vertebral axes
          L3/L4    o
                  /
          L4/L5  o      the L5 axis, from L5/S1 to L4/L5
                 |
          L5/S1  o====  S1 plateau, normal tilted forward by the sacral slope
               sacrum

Angles follow :mod:`hinge_sim.model.chain`: from vertical, positive forward
(clockwise seen from the lifter's right). A disc normal at angle phi points
along ``(sin phi, cos phi)``; its anterior direction is ``(cos phi, -sin phi)``.

Usage
-----
1. ``spine = lumbar_geometry(body, theta["pelvis"], lumbar_deg, l5s1)``
2. ``spine["normal"]`` (N, 2) disc-normal angles (rad) of L5/S1 and L4/L5;
   ``spine["joints"]`` (N, 5, 2) joint centres L5/S1 ... L1/L2 (m).
"""
from functools import lru_cache

import numpy as np

from . import constants
from .chain import pair, rotate

REPORTED = ("l5s1", "l4l5")
"""The levels whose disc loads are computed (3DSSPP reports both)."""


def level_scale(body):
    """Size of this lifter's lumbar spine relative to the model it comes from.

    Christophy et al.'s geometry is taken as that of Dumas' mean man [A] and
    scaled with the trunk length.
    """
    return body.segments["trunk"].length / constants.DUMAS["male"]["trunk"][0]


@lru_cache(maxsize=None)  # constants: computed once (the result is only read)
def _standing_axes():
    """Standing forward tilt (rad) of the S1 plateau normal and the L5 ... L2 axes."""
    offsets = np.array(constants.LUMBAR_JOINT_OFFSETS)
    return np.concatenate([[np.deg2rad(constants.SACRAL_SLOPE_STANDING_DEG)],
                           np.arctan2(offsets[:, 0], offsets[:, 1])])


@lru_cache(maxsize=None)
def _cumulative_share():
    """Turn of the sacrum, L5 ... L1 per unit of lumbar flexion: 0, then cumulative shares."""
    return np.concatenate([[0.0], np.cumsum(np.asarray(constants.LUMBAR_FLEXION_SHARE))])


def lumbar_geometry(body, pelvis_angle, lumbar_deg, l5s1):
    """Joint centres and disc orientations of the lumbar spine.

    Parameters
    ----------
    body : Body
    pelvis_angle : ndarray (N,)
        Pelvis segment angle (rad, clockwise from vertical).
    lumbar_deg : ndarray (N,)
        Lumbar flexion from the standing curve (deg), shared between levels.
    l5s1 : ndarray (N, 2)
        The L5/S1 joint centre (m).

    Returns
    -------
    dict
        ``joints`` (N, 5, 2) joint centres L5/S1 ... L1/L2 (m); ``axes`` (N, 5)
        tilt of the S1 plateau normal and of the L5 ... L2 axes (rad);
        ``normal`` (N, 2) disc mid-plane normals of L5/S1 and L4/L5 (rad);
        ``top`` (N,) tilt of the vertebra above L1/L2 (rad).
    """
    turn = np.deg2rad(lumbar_deg)[:, None] * _cumulative_share()
    base = (pelvis_angle - np.deg2rad(body.pelvis_tilt))[:, None]  # sacrum turn from standing
    frames = base + turn  # (N, 6): sacrum, L5, L4, L3, L2, L1
    axes = _standing_axes()[None, :] + frames[:, :5]
    offsets = np.array(constants.LUMBAR_JOINT_OFFSETS) * level_scale(body)
    steps = rotate(frames[:, 1:5], offsets[:, 0], offsets[:, 1])  # in each vertebra's frame
    joints = l5s1[:, None, :] + np.concatenate(
        [np.zeros_like(steps[:, :1]), np.cumsum(steps, axis=1)], axis=1)
    normal = 0.5 * (axes[:, :2] + axes[:, 1:3])
    return {"joints": joints, "axes": axes, "normal": normal,
            "top": axes[:, 4] + frames[:, 5] - frames[:, 4]}


@lru_cache(maxsize=8)
def _bezier_steps(n):
    """Curve parameters 1/n ... 1, shape (n, 1) (only read)."""
    return np.linspace(0.0, 1.0, n + 1)[1:, None]


def spine_points(geometry, c7t1, n_upper=4):
    """Points for drawing the spine: five lumbar joints, then a curve to C7/T1 (m).

    The thoracic part is a quadratic Bezier leaving L1/L2 along the tilt of
    the vertebra above it (drawing only [A]). Shape (N, 5 + n_upper, 2).
    """
    joints = geometry["joints"]
    start = joints[:, -1]
    chord = c7t1 - start
    reach = 0.5 * np.hypot(chord[..., 0], chord[..., 1])
    top = geometry["top"]
    control = start + reach[:, None] * pair(np.sin(top), np.cos(top))
    s = _bezier_steps(n_upper)
    a, c, b = (x[:, None, :] for x in (start, control, c7t1))
    upper = (1 - s) ** 2 * a + 2 * s * (1 - s) * c + s ** 2 * b
    return np.concatenate([joints, upper], axis=1)
