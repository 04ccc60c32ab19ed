"""Coach's measures that need more than one line."""
import numpy as np

from . import constants


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
    scale = body.stature / constants.REFERENCE_STATURE["male"]
    back, below = constants.SACRUM_BEHIND_L5S1 * scale, constants.SACRUM_BELOW_L5S1 * scale

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
