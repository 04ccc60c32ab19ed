"""L5/S1 disc compression and shear from one equivalent extensor muscle.

Chaffin & Andersson's static model with the WATBAK line of action
(Cholewicki, McGill & Norman 1991). Assumptions [A]: the disc normal lies
along the trunk chord (L5/S1 -> C7/T1); the muscle loses its obliquity as the
spine rounds, beta = 5 deg (1 - lambda); passive tissues carry a moment rising
steeply to Dolan et al.'s full-flexion value, through a force that adds
anterior shear; bracing adds intra-abdominal pressure whose extensor moment is
offset by the abdominal co-contraction that makes it (McGill & Norman 1987).
"""
import numpy as np

from . import constants as C


def disc_loads(moment, force, trunk_angle, lumbar_deg, bracing, sex, max_lumbar):
    """Compression and shear at L5/S1.

    Parameters
    ----------
    moment : ndarray (N,)
        Net L5/S1 extensor moment (N m).
    force : ndarray (N, 2)
        Net force of the lower body on everything above L5/S1 (N).
    trunk_angle : ndarray (N,)
        Trunk chord angle from vertical, forward positive (rad).
    lumbar_deg : ndarray (N,)
        Lumbar flexion (deg).
    bracing : float
        0 (relaxed) to 1 (full brace).
    sex : str
        Selects the passive full-flexion moment.
    max_lumbar : float
        The lifter's largest lumbar flexion (deg): full flexion for lambda.

    Returns
    -------
    dict of ndarray (N,)
        ``compression``, ``shear`` (N, anterior positive), ``muscle`` (N),
        ``passive_moment`` (N m).
    """
    axis = np.stack([np.sin(trunk_angle), np.cos(trunk_angle)], -1)
    ahead = np.stack([np.cos(trunk_angle), -np.sin(trunk_angle)], -1)
    lam = np.clip(lumbar_deg / max_lumbar, 0.0, 1.0)
    k = C.PASSIVE_MOMENT_STEEPNESS
    passive_capacity = C.PASSIVE_MOMENT_FULL_FLEXION[sex] * np.expm1(k * lam) / np.expm1(k)
    passive = np.minimum(passive_capacity, np.maximum(moment, 0.0))
    beta = np.deg2rad(C.EXTENSOR_ANGLE_NEUTRAL_DEG) * (1 - lam)
    muscle = np.maximum(moment - passive, 0.0) / C.EXTENSOR_MOMENT_ARM
    flexor = np.maximum(passive - moment, 0.0) / C.ABDOMINAL_MOMENT_ARM
    iap = bracing * C.IAP_FULL_BRACE_MMHG * C.MMHG * C.DIAPHRAGM_AREA
    cocontraction = iap * C.IAP_MOMENT_ARM / C.ABDOMINAL_MOMENT_ARM
    gamma = np.deg2rad(C.PASSIVE_SHEAR_ANGLE_DEG)
    passive_force = passive / C.EXTENSOR_MOMENT_ARM
    along = np.sum(force * axis, -1)
    across = -np.sum(force * ahead, -1)
    compression = (along + muscle * np.cos(beta) + passive_force * np.cos(gamma)
                   + flexor - iap + cocontraction)
    shear = across - muscle * np.sin(beta) + passive_force * np.sin(gamma)
    return {"compression": compression, "shear": shear, "muscle": muscle,
            "passive_moment": passive}
