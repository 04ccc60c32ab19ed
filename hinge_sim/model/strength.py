r"""Joint strength: the share of lifters who could hold a moment, and a load's top speed.

A joint moment M is rated as 3DSSPP rates it: strength is normally
distributed over a population, mean S and standard deviation s, and the
share able to hold M is

    capable = Phi((S - M) / s)         (Phi: the standard normal distribution)

``Body(strength="population")`` uses a working population's static strength;
``"trained"`` uses powerlifters' peak moments, scaled with body mass. A
lifter's maximum load in a posture is the load at which the first joint
reaches the mean strength (half the population could hold it), and the rise
of an "X" tempo lasts as long as the load-velocity relation allows at that
share of the maximum. Constants and sources:
:mod:`~hinge_sim.model.constants`, ``docs/model.md`` section 5d.

Usage
-----
1. ``strength_table(body)`` -> joint -> (mean, SD) in N m, both legs together.
2. ``capable(body, moments)`` -> joint -> share 0 to 1 (NaN for a flexor moment).
3. ``shoulder_capable(body, moment)`` -> the share for both shoulders, either way.
4. ``rise_velocity(fraction)`` -> mean rise velocity (m/s) at a share of the maximum.
"""
import math

import numpy as np

from . import constants

JOINTS = ("l5s1", "hip", "knee", "ankle")
"""Joints rated; their extensor (plantar-flexor at the ankle) moments only."""
LEGS = frozenset({"hip", "knee", "ankle"})
"""Joints whose table values are per leg: the model's moments hold both legs."""
STRENGTH_LEVELS = ("population", "trained")
"""Choices of ``Body(strength=...)``."""

_ERF = np.vectorize(math.erf, otypes=[float])


def strength_table(body):
    """Mean and SD (N m) of each joint's extensor strength, for the lumped body.

    Parameters
    ----------
    body : Body
        ``sex``, ``mass`` and ``strength`` are used.

    Returns
    -------
    dict
        Joint -> (mean, SD), both legs together at hip, knee and ankle.

    Examples
    --------
    >>> from hinge_sim import Body
    >>> strength_table(Body())["hip"]
    (400.0, 120.0)
    """
    table = constants.STRENGTH_POPULATION[body.sex]
    legs = {j: 2.0 if j in LEGS else 1.0 for j in JOINTS}
    if body.strength == "population":
        return {j: (table[j][0] * legs[j], table[j][1] * legs[j]) for j in JOINTS}
    men = constants.STRENGTH_POPULATION["male"]
    hip_ratio = constants.STRENGTH_TRAINED_MALE_90KG["hip"] / men["hip"][0]
    trained = {j: constants.STRENGTH_TRAINED_MALE_90KG.get(j, men[j][0] * hip_ratio)
               for j in JOINTS}
    size = (body.mass / constants.STRENGTH_TRAINED_MASS) ** constants.STRENGTH_MASS_EXPONENT
    out = {}
    for j in JOINTS:
        mean = trained[j] * size * table[j][0] / men[j][0] * legs[j]
        out[j] = (mean, constants.STRENGTH_TRAINED_CV * mean)
    return out


def capable(body, moments):
    """Share of lifters (0 to 1) whose strength exceeds each joint's moment.

    Parameters
    ----------
    body : Body
    moments : dict
        Joint -> net moment (N m), extensor positive, as in ``Result.moments``.

    Returns
    -------
    dict
        Joint -> ndarray shaped like the moment; NaN where the moment is a
        flexor one (not rated [A]).

    Examples
    --------
    >>> from hinge_sim import Body
    >>> round(float(capable(Body(), {"hip": 400.0, "knee": -5.0, "l5s1": 120.0,
    ...                              "ankle": 0.0})["hip"]), 2)
    0.5
    """
    out = {}
    for joint, (mean, sd) in strength_table(body).items():
        m = np.asarray(moments[joint], dtype=float)
        share = 0.5 * (1.0 + _ERF((mean - m) / (sd * math.sqrt(2.0))))
        out[joint] = np.where(m > 0, share, np.nan)
    return out


def shoulder_strength(body):
    """Mean and SD (N m) of both shoulders' flexor and extensor strength.

    Static flexion at 45 deg (:data:`~hinge_sim.model.constants.SHOULDER_FLEXION_STRENGTH`,
    one arm, doubled for the model's two arms [A]), extension
    :data:`~hinge_sim.model.constants.SHOULDER_EXTENSION_RATIO` times it. A trained
    body takes the hip's trained-to-population ratio and SD, as the knee and ankle do.

    Returns
    -------
    dict
        ``"flexion"`` and ``"extension"`` -> (mean, SD), N m.

    Examples
    --------
    >>> from hinge_sim import Body
    >>> [round(v) for v in shoulder_strength(Body())["flexion"]]
    [137, 40]
    """
    flexion = 2.0 * constants.SHOULDER_FLEXION_STRENGTH[body.sex]
    cv = constants.SHOULDER_STRENGTH_CV
    if body.strength == "trained":
        population = 2.0 * constants.STRENGTH_POPULATION[body.sex]["hip"][0]
        flexion *= strength_table(body)["hip"][0] / population
        cv = constants.STRENGTH_TRAINED_CV
    extension = constants.SHOULDER_EXTENSION_RATIO * flexion
    return {"flexion": (flexion, cv * flexion), "extension": (extension, cv * extension)}


def shoulder_capable(body, moment):
    """Share of lifters (0 to 1) whose shoulders could hold ``moment``, either way.

    Parameters
    ----------
    body : Body
    moment : array_like
        Both shoulders' net moment (N m), extensor positive, as ``Result.moments["shoulder"]``:
        an extensor moment is rated against extension strength, a flexor one against flexion.

    Returns
    -------
    ndarray
        Shaped like ``moment``.

    Examples
    --------
    >>> from hinge_sim import Body
    >>> round(float(shoulder_capable(Body(), -137.2)), 2), float(shoulder_capable(Body(), 0.0))
    (0.5, 1.0)
    """
    m = np.asarray(moment, dtype=float)
    table = shoulder_strength(body)
    mean = np.where(m > 0, table["extension"][0], table["flexion"][0])
    sd = np.where(m > 0, table["extension"][1], table["flexion"][1])
    share = 0.5 * (1.0 + _ERF((mean - np.abs(m)) / (sd * math.sqrt(2.0))))
    return np.where(m == 0, 1.0, share)


def rise_velocity(fraction):
    """Mean rise velocity (m/s) of a maximal-intent rep at ``fraction`` of the 1RM.

    Inverts the load-velocity relation
    :data:`~hinge_sim.model.constants.LOAD_VELOCITY`; a fraction above 1 rises
    at the 1RM velocity.

    Examples
    --------
    >>> round(float(rise_velocity(1.0)), 2), round(float(rise_velocity(0.5)), 2)
    (0.32, 1.16)
    """
    a, b, c = constants.LOAD_VELOCITY
    p = 100.0 * np.clip(fraction, 0.0, 1.0)
    return (-b - np.sqrt(b * b - 4.0 * a * (c - p))) / (2.0 * a)
