"""Load-velocity profile across sets and the one-repetition maximum it points to.

Usage
-----
1. ``p = load_velocity_profile([60, 80, 100, 120], [0.85, 0.68, 0.52, 0.37], "deadlift")``
2. ``p.one_rm`` (kg), ``p.r2``, ``p.warnings``; ``p.velocity_at(90)`` (m/s).

A straight line ``v = v0 + slope * load`` is fitted to the fastest (or mean)
concentric velocity of each set by least squares; the estimated 1RM is the
load at which the line reaches the minimum velocity threshold (MVT), the
mean concentric velocity of a true 1RM lift. The method and its limits:
Jovanović & Flanagan 2014 (J Aust Strength Cond 22:58); the loads should
reach heavy sets, since the line is extrapolated to the 1RM.
"""
import dataclasses
import warnings

import numpy as np

#: exercise -> mean concentric velocity (m/s) of a 1RM lift
MVT = {
    "deadlift": 0.15,  # Jovanović & Flanagan 2014, table of MVTs [R]
    "back squat": 0.30,  # Jovanović & Flanagan 2014 [R]
    "bench press": 0.17,  # González-Badillo & Sánchez-Medina 2010 (Int J Sports Med 31:347) [R]
}
MIN_HEAVY_FRACTION = 0.8  # heaviest load below 80 % of the estimate: extrapolation warning [A]


class ProfileWarning(UserWarning):
    """The estimate leans on extrapolation or on a poor fit."""


@dataclasses.dataclass
class LoadVelocityProfile:
    """A fitted load-velocity line.

    Attributes
    ----------
    intercept : float
        Velocity (m/s) the line gives at no load.
    slope : float
        Change of velocity per kg (m/s per kg, negative).
    r2 : float or None
        Coefficient of determination; None with only two loads.
    mvt : float
        Minimum velocity threshold used (m/s).
    one_rm : float
        Load (kg) where the line reaches ``mvt``.
    extrapolated : bool
        True when the heaviest load lifted is below :data:`MIN_HEAVY_FRACTION`
        of ``one_rm``.
    warnings : list of str
    loads, velocities : ndarray
        The data fitted (kg, m/s).
    """

    intercept: float
    slope: float
    r2: object
    mvt: float
    one_rm: float
    extrapolated: bool
    warnings: list
    loads: np.ndarray
    velocities: np.ndarray

    def velocity_at(self, load_kg):
        """Velocity (m/s) the line predicts at ``load_kg`` (kg)."""
        return self.intercept + self.slope * np.asarray(load_kg, dtype=float)


def load_velocity_profile(loads_kg, velocities, exercise="deadlift", mvt=None):
    """Fit a load-velocity line and estimate the one-repetition maximum.

    Parameters
    ----------
    loads_kg : sequence of float
        Load of each set (kg), at least two different loads.
    velocities : sequence of float
        Mean concentric velocity of each set's fastest rep (m/s), same length.
    exercise : str
        A key of :data:`MVT`, used when ``mvt`` is not given.
    mvt : float, optional
        Minimum velocity threshold (m/s), 0.05 to 1. For lifts with no
        published value (the Romanian deadlift, the good morning) give your
        own, e.g. the velocity of an observed 1RM.

    Returns
    -------
    LoadVelocityProfile

    Raises
    ------
    ValueError
        Mismatched or non-finite data, fewer than two loads, an unknown
        exercise without ``mvt``, or velocity not falling with load.
    """
    from ..model.checks import check_range
    loads = np.asarray(loads_kg, dtype=float)
    v = np.asarray(velocities, dtype=float)
    if loads.ndim != 1 or loads.shape != v.shape:
        raise ValueError(f"loads_kg ({loads.size}) and velocities ({v.size}) must be two lists "
                         "of the same length, one value per set")
    check_range("loads_kg", loads, 0.0, 1000.0, " kg")
    check_range("velocities", v, 0.01, 5.0, " m/s")
    if np.unique(loads).size < 2:
        raise ValueError(f"loads_kg = {list(loads)} needs at least two different loads")
    if mvt is None:
        if exercise not in MVT:
            raise ValueError(f"exercise = {exercise!r} has no published minimum velocity "
                             f"threshold here ({sorted(MVT)}); pass mvt= in m/s")
        mvt = MVT[exercise]
    mvt = float(check_range("mvt", mvt, 0.05, 1.0, " m/s"))
    slope, intercept = np.polyfit(loads, v, 1)
    if slope >= 0:
        raise ValueError(f"velocity does not fall as the load rises (slope {slope:+.4f} m/s "
                         "per kg): these sets give no load-velocity profile")
    fitted = intercept + slope * loads
    r2 = None
    if loads.size > 2:
        total = np.sum((v - v.mean()) ** 2)
        r2 = float(1.0 - np.sum((v - fitted) ** 2) / total) if total > 0 else None
    one_rm = float((mvt - intercept) / slope)
    notes = []
    extrapolated = bool(loads.max() < MIN_HEAVY_FRACTION * one_rm)
    if extrapolated:
        notes.append(f"the heaviest set ({loads.max():g} kg) is {100 * loads.max() / one_rm:.0f} % "
                     f"of the estimate {one_rm:.0f} kg: the line is extrapolated, so the 1RM "
                     "is a rough guide; add a heavier set")
    if r2 is None:
        notes.append("two loads always fit a line exactly: the fit quality is unknown")
    elif r2 < 0.9:
        notes.append(f"the line fits poorly (R^2 = {r2:.2f}): the estimate is unreliable")
    for note in notes:
        warnings.warn(note, ProfileWarning, stacklevel=2)
    return LoadVelocityProfile(intercept=float(intercept), slope=float(slope), r2=r2, mvt=mvt,
                               one_rm=one_rm, extrapolated=extrapolated, warnings=notes,
                               loads=loads, velocities=v)
