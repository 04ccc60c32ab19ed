"""Tempo in coaching notation and smooth reps from the top to the bottom and back.

Usage
-----
1. ``parse_tempo("3-1-1-0")`` -> (3.0, 1.0, 1.0, 0.0) seconds:
   lowering, bottom pause, rising, top pause. ``"31X0"`` works too; X means
   explosive, taken as :data:`EXPLOSIVE_S`.
2. ``rep_profile(tempo, fps)`` -> time (s), progress 0 (top) .. 1 (bottom), phase.
"""
import re

import numpy as np

EXPLOSIVE_S = 0.5  # s, an "X" (explosive) phase [A: a fast, not ballistic, rise]
PHASES = ("lowering", "bottom pause", "rising", "top pause")
_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?|[xX])\s*-\s*(\d+(?:\.\d+)?|[xX])\s*-\s*"
                      r"(\d+(?:\.\d+)?|[xX])\s*-\s*(\d+(?:\.\d+)?|[xX])\s*$")


def parse_tempo(tempo):
    """Durations (s) of lowering, bottom pause, rising and top pause.

    Parameters
    ----------
    tempo : str or sequence of 4 numbers
        ``"3-1-1-0"``, ``"31X0"`` (one character per phase) or seconds.

    Raises
    ------
    ValueError
        Naming the tempo and the accepted forms.
    """
    if isinstance(tempo, str):
        text = tempo.strip()
        match = _PATTERN.match(text)
        if match:
            parts = match.groups()
        elif re.fullmatch(r"[0-9xX]{4}", text):
            parts = tuple(text)
        else:
            raise ValueError(f"tempo = {tempo!r} is not coaching tempo notation; use four "
                             "phases like '3-1-1-0' or '31X0' (X = explosive)")
        values = [EXPLOSIVE_S if p in "xX" else float(p) for p in parts]
    else:
        try:
            values = [float(v) for v in tempo]
        except (TypeError, ValueError):
            raise ValueError(f"tempo = {tempo!r} must be a string or four numbers (s)") from None
        if len(values) != 4:
            raise ValueError(f"tempo = {tempo!r} must have 4 phases, got {len(values)}")
    for name, v in zip(PHASES, values):
        if not 0 <= v <= 20:
            raise ValueError(f"tempo {name} = {v:g} s is outside the valid range 0 to 20 s")
    if values[0] <= 0 or values[2] <= 0:
        raise ValueError(f"tempo = {tempo!r}: lowering and rising must take more than 0 s")
    return tuple(values)


def minimum_jerk(tau):
    """Minimum-jerk progress 10 t^3 - 15 t^4 + 6 t^5 for tau in [0, 1]."""
    return tau ** 3 * (10 - 15 * tau + 6 * tau ** 2)


def rep_profile(tempo, fps=100):
    """Progress of one rep, 0 at the top and 1 at the bottom.

    Parameters
    ----------
    tempo : str or sequence
        See :func:`parse_tempo`.
    fps : float
        Frames per second, 10 to 1000.

    Returns
    -------
    t : ndarray (N,)
        Time (s).
    progress : ndarray (N,)
        0 top .. 1 bottom, minimum-jerk in lowering and rising.
    phase : ndarray (N,) of int
        Index into :data:`PHASES`.
    """
    if not 10 <= fps <= 1000:
        raise ValueError(f"fps = {fps!r} is outside the valid range 10 to 1000")
    down, pause, up, rest = parse_tempo(tempo)
    edges = np.cumsum([0.0, down, pause, up, rest])
    t = np.arange(int(round(edges[-1] * fps)) + 1) / fps
    phase = np.clip(np.searchsorted(edges, t, side="left") - 1, 0, 3)  # a boundary frame ends its phase
    progress = np.select(
        [phase == 0, phase == 1, phase == 2],
        [minimum_jerk(np.clip(t / down, 0, 1)), np.ones_like(t),
         1 - minimum_jerk(np.clip((t - edges[2]) / up, 0, 1))],
        np.zeros_like(t))
    return t, progress, phase
