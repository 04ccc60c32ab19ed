"""The heaviest load a lifter can hold in a posture, and how fast an "X" rise can be.

Usage
-----
1. ``max_load(body, posture, load)`` -> kg: the load (same kind as ``load``)
   at which the first joint's moment reaches the lifter's mean strength.
2. ``explosive_rise(body, top, bottom, load)`` -> dict with ``rise`` (s),
   ``fraction`` of the maximum, ``velocity`` (m/s) and ``travel`` (m).
"""
from dataclasses import replace

import numpy as np

from .analysis import analyze
from .limits import LIMITS
from .motion import EXPLOSIVE_S
from .strength import JOINTS, rise_velocity, strength_table


def max_load(body, posture, load, bracing=0.0):
    """Heaviest load (kg) of ``load``'s kind that ``body`` holds in ``posture``.

    Each joint's moment is nearly linear in the load's mass in a fixed
    posture; the maximum is the smallest mass at which a joint's extensor
    moment reaches its mean strength (:func:`~.strength.strength_table`),
    found by two secant steps and kept within the load-mass range
    (0 to 500 kg).

    Examples
    --------
    >>> from hinge_sim import Barbell, Body, Posture
    >>> round(max_load(Body(), Posture(knee=20, hip=85, lumbar=5), Barbell(40)))
    119
    """
    table = strength_table(body)
    limit = LIMITS["load mass"]

    def moments(mass):
        res = analyze(body, posture, replace(load, mass=float(mass)), bracing)
        return np.array([float(res.moments[j]) for j in JOINTS])

    strength = np.array([table[j][0] for j in JOINTS])
    a, b = 0.0, 100.0
    ma, mb = moments(a), moments(b)
    for _ in range(2):
        slope = (mb - ma) / (b - a)
        with np.errstate(divide="ignore", invalid="ignore"):
            reach = np.where(slope > 0, a + (strength - ma) / slope, np.inf)
        best = float(np.clip(np.min(reach), limit.low, limit.high))
        if best in (a, b) or not np.isfinite(best):
            return best
        a, ma, b, mb = b, mb, best, moments(best)
    return b


def explosive_rise(body, top, bottom, load, bracing=0.0):
    """The rise of an "X" tempo: as fast as the load allows, never under 0.5 s.

    The bar travels from the bottom to the top posture at the mean velocity
    of :func:`~.strength.rise_velocity` for the load's share of
    :func:`max_load` in the bottom posture. A rise shorter than
    :data:`~hinge_sim.model.motion.EXPLOSIVE_S` is kept at that [A]: light
    loads rise as before.

    Returns
    -------
    dict
        ``rise`` (s), ``fraction`` (load over maximum), ``velocity`` (m/s),
        ``travel`` (m), ``max_load`` (kg); for an empty load only ``rise``.
    """
    if load.mass <= 0:
        return {"rise": EXPLOSIVE_S}
    heights = [float(analyze(body, p, load, bracing).points["bar"][1]) for p in (top, bottom)]
    travel = max(heights[0] - heights[1], 0.0)
    most = max_load(body, bottom, load, bracing)
    fraction = load.mass / most if most > 0 else np.inf
    velocity = float(rise_velocity(fraction))
    return {"rise": max(EXPLOSIVE_S, travel / velocity), "fraction": fraction,
            "velocity": velocity, "travel": travel, "max_load": most}
