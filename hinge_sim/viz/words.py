"""A posture and its loads in plain sentences: the words view and the pictures' alt text.

The same numbers as the gauges (:func:`hinge_sim.viz.gauges.gauge_rows`), with the
pose said first, in the order a coach would look: knees, hips, lower back, bar.

Usage
-----
1. ``pose_words(posture)`` -> ``"knees bent 20°, hips flexed 85°, lower back rounded 5°, ..."``
2. ``describe(posture, result, body_mass=75)`` -> the pose, the disc loads and the balance.
3. ``rep_words(rep, "3-1-1-0", "RDL")`` -> a rep's length and its peak disc loads.
"""
import numpy as np

from ..model.motion import phase_names
from .gauges import gauge_rows
from .numbers import number

SAID = ("L5/S1 compression", "L5/S1 shear", "balance")  # the gauges a description says


def _lumbar_words(deg):
    if abs(deg) < 0.5:
        return "lower back neutral"
    return f"lower back rounded {deg:.0f}°" if deg > 0 else f"lower back arched {-deg:.0f}°"


def pose_words(posture):
    """The pose of one still posture in words.

    Parameters
    ----------
    posture : Posture
        One still posture (every field a single number).

    Returns
    -------
    str
        Knee and hip flexion (deg), lumbar rounding (deg), the bar's distance
        from the midfoot (cm).

    Examples
    --------
    >>> from hinge_sim import Posture
    >>> pose_words(Posture(knee=20, hip=85, lumbar=5, bar=0.03))
    'knees bent 20°, hips flexed 85°, lower back rounded 5°, bar 3 cm ahead of the midfoot'
    """
    knee, hip = float(np.asarray(posture.knee)), float(np.asarray(posture.hip))
    bar_cm = float(np.asarray(posture.bar)) * 100
    where = ("bar over the midfoot" if abs(bar_cm) < 0.5 else
             f"bar {number(abs(bar_cm))} cm {'ahead of' if bar_cm > 0 else 'behind'} the midfoot")
    hips = f"hips flexed {hip:.0f}°" if hip >= 0 else f"hips extended {-hip:.0f}°"
    return (f"knees bent {knee:.0f}°, {hips}, "
            f"{_lumbar_words(float(np.asarray(posture.lumbar)))}, {where}")


def describe(posture, result, body_mass, units="kg", exercise=None):
    """A still posture and its loads in two sentences (screen readers, alt text).

    Parameters
    ----------
    posture : Posture
        The still posture drawn.
    result : Result
        ``analyze`` of it.
    body_mass : float
        The lifter's mass (kg), for loads in body weights.
    units : {"kg", "lb"}
        Units for masses.
    exercise : str, optional
        As in :func:`hinge_sim.viz.gauges.gauge_rows`.

    Returns
    -------
    str
        The pose, then the L5/S1 compression and shear with their zones and the
        balance, as the gauges say them.
    """
    rows = {r["label"]: r["text"] for r in gauge_rows(result, body_mass, units, exercise)}
    loads = "; ".join(rows[label] for label in SAID)
    return f"Pose: {pose_words(posture)}. Loads: {loads}."


def rep_words(rep, tempo, exercise):
    """A rep in one sentence: its tempo, length and peak L5/S1 loads (alt text of a GIF).

    Parameters
    ----------
    rep : Rep
        From :func:`hinge_sim.simulate`.
    tempo : str
        The tempo it was simulated at, as the learner wrote it.
    exercise : str
        The exercise's name.

    Returns
    -------
    str
        E.g. ``"A 3-1-1-0 RDL rep, 5.0 s: L5/S1 compression at 3120 N (1.5 s,
        lowering), shear at 420 N (...)."``, each at its peak.
    """
    said = []
    for key in ("compression", "shear"):
        values = np.abs(np.asarray(rep.disc[key], float))
        i = int(np.argmax(values))
        phase = phase_names(rep)[int(rep.phase[i])]
        said.append(f"{key} at {values[i]:.0f} N ({rep.t[i]:.1f} s, {phase})")
    length = float(rep.t[-1] - rep.t[0])
    return f"A {tempo} {exercise} rep, {length:.1f} s: L5/S1 {said[0]}, {said[1]}."
