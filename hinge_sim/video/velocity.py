"""Velocity-based measures of a rep and of a set, from the tracked bar.

Usage
-----
1. ``reps = barpath.analyze_track(track, load_kg=60)``; each rep carries
   ``reps[i].velocity``, a :class:`RepVelocity`.
2. ``velocity_loss([r.velocity.mean for r in reps])`` -> % lost from the
   fastest rep to the last one.

The rising (concentric) phase runs from the bar leaving the bottom to its
arrival at the top, as timed by :mod:`phases`. Speeds come from the bar's
height low-passed at :data:`filtering.CUTOFF_HZ` (zero lag) and
differentiated. Mean power is the mean of ``m (g + a) v`` over the rising,
the power delivered to the load only (not to the lifter's own trunk).
"""
import dataclasses

import numpy as np

from ..model.constants import GRAVITY


@dataclasses.dataclass
class RepVelocity:
    """Bar velocity over one rep's rising (SI units).

    Attributes
    ----------
    mean : float
        Mean concentric velocity (m/s): rise / concentric time.
    peak : float
        Peak concentric velocity (m/s).
    time_to_peak : float
        From the bar leaving the bottom to the peak velocity (s).
    range_of_motion : float
        Height gained over the rising (m).
    concentric_time : float
        Duration of the rising (s).
    mean_power : float or None
        Mean of ``m (g + a) v`` (W) when the load's mass is known.
    lowering_mean : float
        Mean speed (m/s, positive) of the lowering.
    """

    mean: float
    peak: float
    time_to_peak: float
    range_of_motion: float
    concentric_time: float
    mean_power: object
    lowering_mean: float


def rep_velocity(t, y, v, start, lowered, rise_start, end, load_kg=None):
    """Velocity measures of one rep.

    Parameters
    ----------
    t : ndarray (N,)
        Time (s), evenly spaced.
    y, v : ndarray (N,)
        Filtered bar height (m) and vertical velocity (m/s, up positive).
    start, lowered, rise_start, end : float
        Phase events (s) from :func:`phases.find_phases`.
    load_kg : float, optional
        Mass of the load (kg), for the mean power.

    Returns
    -------
    RepVelocity
    """
    duration = end - rise_start
    if duration <= 0:
        raise ValueError(f"the rising lasts {duration:.3f} s; it must be positive")
    rise = float(np.interp(end, t, y) - np.interp(rise_start, t, y))
    up = (t >= rise_start) & (t <= end)
    if up.sum() < 2:
        raise ValueError(f"the rising ({duration:.2f} s) spans fewer than 2 frames")
    i_peak = int(np.argmax(v[up]))
    power = None
    if load_kg is not None:
        from ..model.checks import check_range
        mass = float(check_range("load_kg", load_kg, 0.0, 1000.0, " kg"))
        accel = np.gradient(v, t)
        power = float(np.mean(mass * (GRAVITY + accel[up]) * v[up]))
    drop = float(np.interp(start, t, y) - np.interp(lowered, t, y))
    return RepVelocity(mean=rise / duration, peak=float(v[up][i_peak]),
                       time_to_peak=float(t[up][i_peak] - rise_start), range_of_motion=rise,
                       concentric_time=float(duration), mean_power=power,
                       lowering_mean=drop / (lowered - start) if lowered > start else float("nan"))


def velocity_loss(mean_velocities):
    """Velocity loss within a set (%): ``100 (fastest - last) / fastest``.

    The measure of Sánchez-Medina & González-Badillo (2011, Med Sci Sports
    Exerc 43:1725) for mean concentric velocity.

    Parameters
    ----------
    mean_velocities : sequence of float
        Mean concentric velocity (m/s) of each rep, in order.

    Returns
    -------
    float
        Loss (%), 0 when the last rep is the fastest.
    """
    v = np.asarray(mean_velocities, dtype=float)
    if v.ndim != 1 or v.size < 1 or not np.all(np.isfinite(v)) or np.any(v <= 0):
        raise ValueError(f"mean_velocities = {mean_velocities!r} must be positive speeds "
                         "(m/s), one per rep")
    return float(100.0 * (v.max() - v[-1]) / v.max())
