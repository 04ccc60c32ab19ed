"""Coaching answers computed from the model: small pure functions for the lessons.

Usage
-----
1. ``from hinge_sim.cues import knee_for_hip``
2. ``knee_for_hip(85, slr=60)`` -> the knee bend (deg) a lifter with a 60 deg
   straight-leg raise needs to reach 85 deg of hip flexion without rounding.
"""
import numpy as np

from ..model import hamstrings
from ..model.limits import LIMITS, check

KNEE_MAX_DEG = LIMITS["knee"].high  # the largest knee flexion a Posture accepts (deg)


def knee_for_hip(hip, slr):
    """Find the least knee flexion (deg) that lets the hamstrings allow ``hip``.

    At that knee bend ``hip`` deg of hip flexion needs no lumbar rounding.

    Bending the knee slackens the hamstrings (about 1 deg more hip flexion per
    deg of knee bend); this inverts :func:`hinge_sim.hamstrings.hip_limit`.

    Parameters
    ----------
    hip : float
        Hip flexion wanted (deg), -20 to 140 (0 or less needs no knee bend).
    slr : float
        The lifter's straight-leg-raise angle (deg), 30 to 110.

    Returns
    -------
    float
        Knee flexion (deg); 0 when the straight-legged hip already gets there.

    Raises
    ------
    ValueError
        When an input is out of range, or when no knee bend up to 140 deg
        lets the hamstrings reach that hip flexion.
    """
    hip = float(check("hip", hip))
    slr = float(check("slr", slr))
    c0, c1, c2, c3, c4, c5 = hamstrings.COEFFS
    # length(hip, k) = max_length(slr) is a quadratic in k: a k^2 + b k + c = 0
    a, b = c4, c2 + c5 * hip
    c = c0 + c1 * hip + c3 * hip ** 2 - hamstrings.max_length(slr)
    if c <= 0.0:
        return 0.0
    disc = b * b - 4.0 * a * c
    knee = (-b - np.sqrt(disc)) / (2.0 * a) if disc >= 0.0 else np.inf
    if not knee <= KNEE_MAX_DEG:
        raise ValueError(f"hip = {hip:g} deg cannot be reached without rounding at slr = "
                         f"{slr:g} deg, even with the knee bent to {KNEE_MAX_DEG:g} deg")
    return float(knee)
