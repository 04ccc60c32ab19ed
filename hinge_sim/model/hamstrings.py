"""Hamstring length and the hip flexion it allows.

Mean musculotendon length of semimembranosus, semitendinosus and biceps
femoris long head, fitted to two OpenSim models (gait2392 and Rajagopal 2016)
over hip -10..120 deg and knee 0..120 deg ([C] in the project reference;
rms error 2-3 mm). Angles in degrees, length in m for a 0.396 m thigh; the
ratio used here does not depend on that scale.
"""
import numpy as np

# L = c0 + c1 h + c2 k + c3 h^2 + c4 k^2 + c5 h k  [C, OpenSim fit]
COEFFS = (0.43405, 1.2571e-3, -8.1332e-4, -2.9676e-6, 1.7535e-6, -9.4915e-8)
SLR_PELVIC_SHARE_DEG = 10.0  # of a straight-leg raise, pelvic tilt [R, assumed]


def length(hip, knee):
    """Hamstring length (m, for a 0.396 m thigh) at hip and knee flexion (deg)."""
    c0, c1, c2, c3, c4, c5 = COEFFS
    return c0 + c1 * hip + c2 * knee + c3 * hip ** 2 + c4 * knee ** 2 + c5 * hip * knee


def max_length(slr):
    """Longest tolerated length: the hip angle of a straight-leg raise of ``slr`` deg."""
    return length(slr - SLR_PELVIC_SHARE_DEG, 0.0)


def stretch(hip, knee, slr):
    """Stretch as a fraction of the limit: 0 standing straight, 1 at the limit."""
    rest = length(0.0, 0.0)
    return (length(hip, knee) - rest) / (max_length(slr) - rest)


def hip_limit(knee, slr):
    """Largest hip flexion (deg) the hamstrings allow at this knee flexion (deg).

    Solves ``length(h, knee) = max_length(slr)`` for the smaller root in h.
    """
    c0, c1, c2, c3, c4, c5 = COEFFS
    knee = np.asarray(knee, dtype=float)
    a = c3
    b = c1 + c5 * knee
    c = c0 + c2 * knee + c4 * knee ** 2 - max_length(slr)
    disc = np.maximum(b * b - 4 * a * c, 0.0)  # a < 0 and c < 0 near use: real roots
    return (-b + np.sqrt(disc)) / (2 * a)
