"""Coach's measures that need more than one line."""
import numpy as np

from . import constants as C


def dowel_gap(body, lumbar):
    """How far the sacrum leaves a dowel held on the head and upper back (m).

    Head and upper back move with the trunk, the sacrum with the pelvis, so
    only lumbar flexion opens or closes the gap. Positive: the sacrum is off
    the dowel (rounding); negative: the lower back arches into the dowel and
    the upper back comes off it.

    Parameters
    ----------
    body : Body
    lumbar : ndarray
        Lumbar flexion from standing (deg).
    """
    scale = body.stature / C.REFERENCE_STATURE["male"]
    back, below = C.SACRUM_BEHIND_L5S1 * scale, C.SACRUM_BELOW_L5S1 * scale

    def forward(psi):  # sacrum's forward offset from L5/S1 in the trunk frame
        return -back * np.cos(psi) - below * np.sin(psi)

    tilt = np.deg2rad(body.pelvis_tilt)
    return forward(tilt - np.deg2rad(lumbar)) - forward(tilt)


def joint_power(moment, flexion_deg, dt):
    """Power (W) of a net extensor moment (N m) as flexion (deg) changes.

    Positive while the joint extends against the moment (concentric work).
    """
    extension_rate = -np.gradient(np.deg2rad(flexion_deg), dt, axis=0)
    return moment * extension_rate


def spine_curve(l5s1, c7t1, lumbar, max_lumbar, n=9):
    """Points along the spine for drawing, shape (..., n, 2) in m.

    Parameters
    ----------
    l5s1, c7t1 : ndarray (..., 2)
        Ends of the trunk chord (m).
    lumbar : ndarray (...)
        Lumbar flexion (deg); more flexion bows the curve backward.
    max_lumbar : float
        The lifter's largest lumbar flexion (deg).
    """
    chord = c7t1 - l5s1
    length = np.linalg.norm(chord, axis=-1, keepdims=True)
    behind = np.stack([-chord[..., 1], chord[..., 0]], -1) / length  # chord turned back
    lam = np.clip(lumbar / max_lumbar, -1.0, 1.0)[..., None]
    bow = C.SPINE_BOW_ROUNDED * lam - C.SPINE_BOW_NEUTRAL
    control = l5s1 + chord / 3 + behind * length * bow
    s = np.linspace(0.0, 1.0, n)[:, None]
    a, c, b = (x[..., None, :] for x in (l5s1, control, c7t1))
    return (1 - s) ** 2 * a + 2 * s * (1 - s) * c + s ** 2 * b
