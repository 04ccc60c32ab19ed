"""Tempo in coaching notation and smooth reps from the top to the bottom and back.

Usage
-----
1. ``parse_tempo("3-1-1-0")`` -> (3.0, 1.0, 1.0, 0.0) seconds:
   lowering, bottom pause, rising, top pause. ``"31X0"`` works too; X means
   explosive, taken as :data:`EXPLOSIVE_S`.
2. ``rep_profile(tempo, fps)`` -> time (s), progress 0 (top) .. 1 (bottom), phase.
"""
import re
from typing import Sequence, Tuple, Union

import numpy as np

from .checks import as_real_array
from .limits import MIN_PHASE_FRAMES, check

EXPLOSIVE_S = 0.5  # s, an "X" (explosive) phase [A: a fast, not ballistic, rise]
PHASES = ("lowering", "bottom pause", "rising", "top pause")
_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?|[xX])\s*-\s*(\d+(?:\.\d+)?|[xX])\s*-\s*"
                      r"(\d+(?:\.\d+)?|[xX])\s*-\s*(\d+(?:\.\d+)?|[xX])\s*$")


def phase_names(rep) -> Tuple[str, str, str, str]:
    """The words for the four phase numbers of ``rep``: :data:`PHASES`, or the rep's own.

    A kettlebell swing names its phases 0 and 2 "backswing" and "upswing"
    (:data:`hinge_sim.model.swing.SWING_PHASES`).

    Examples
    --------
    >>> phase_names(None)[0]
    'lowering'
    """
    return getattr(rep, "phase_names", None) or PHASES


def tempo_phases(tempo: Union[str, Sequence[float]]) -> Tuple[float, float, float, float]:
    """The four phases (s) a tempo names, read but not range-checked.

    :func:`parse_tempo` checks them against the model's ranges; the journal
    checks a tempo as it was written against its own (a record keeps what
    was lifted).

    Parameters
    ----------
    tempo : str or sequence of 4 numbers
        ``"3-1-1-0"``, ``"31X0"`` (one character per phase) or seconds.

    Raises
    ------
    TypeError
        For a tempo that is neither a string nor four numbers.
    ValueError
        Naming the tempo and the accepted forms.

    Examples
    --------
    >>> tempo_phases("0.1-0-X-0")
    (0.1, 0.0, 0.5, 0.0)
    """
    if isinstance(tempo, str):
        parts = _parts(tempo)
        if parts is None:
            raise ValueError(f"tempo = {tempo!r} is not coaching tempo notation; use four "
                             "phases like '3-1-1-0' or '31X0' (X = explosive)")
        return tuple(EXPLOSIVE_S if p in "xX" else float(p) for p in parts)
    if isinstance(tempo, (list, tuple, np.ndarray)):
        if len(tempo) != 4:
            raise ValueError(f"tempo = {tempo!r} must have 4 phases, got {len(tempo)}")
        return tuple(float(as_real_array(f"tempo {name}", v, scalar=True, allowed="seconds"))
                     for name, v in zip(PHASES, tempo))
    raise TypeError(f"tempo = {tempo!r} is a {type(tempo).__name__}; give a string like "
                    "'3-1-1-0' or '31X0', or four numbers (s)")


def parse_tempo(tempo: Union[str, Sequence[float]]) -> Tuple[float, float, float, float]:
    """Durations (s) of lowering, bottom pause, rising and top pause.

    Parameters
    ----------
    tempo : str or sequence of 4 numbers
        ``"3-1-1-0"``, ``"31X0"`` (one character per phase) or seconds.
        Lowering and rising take 0.2 to 20 s, pauses 0 to 20 s
        (:data:`hinge_sim.model.limits.LIMITS`).

    Raises
    ------
    TypeError
        For a tempo that is neither a string nor four numbers.
    ValueError
        Naming the tempo and the accepted forms, or the phase out of range.

    Examples
    --------
    >>> parse_tempo("31X0")
    (3.0, 1.0, 0.5, 0.0)
    >>> parse_tempo([0.001, 0, 0.001, 0])
    Traceback (most recent call last):
    ...
    ValueError: tempo lowering = 0.001 s is outside the valid range 0.2 to 20 s
    """
    values = tempo_phases(tempo)
    for name, v in zip(PHASES, values):
        check(name, v, label=f"tempo {name}")
    return values


def _parts(text):
    """The four phase strings of a tempo in notation, or None."""
    text = text.strip()
    match = _PATTERN.match(text)
    if match:
        return match.groups()
    return tuple(text) if re.fullmatch(r"[0-9xX]{4}", text) else None


def explosive_phases(tempo) -> Tuple[bool, bool, bool, bool]:
    """Which phases of ``tempo`` are written "X" (as fast as possible).

    Examples
    --------
    >>> explosive_phases("31X0")
    (False, False, True, False)
    >>> explosive_phases([3, 1, 1, 0])
    (False, False, False, False)
    """
    parts = _parts(tempo) if isinstance(tempo, str) else None
    return tuple(p in "xX" for p in parts) if parts else (False,) * 4


def minimum_jerk(tau):
    """Minimum-jerk progress 10 t^3 - 15 t^4 + 6 t^5 for tau in [0, 1]."""
    return tau ** 3 * (10 - 15 * tau + 6 * tau ** 2)


def rep_profile(tempo: Union[str, Sequence[float]], fps: float = 100) -> tuple:
    """Progress of one rep, 0 at the top and 1 at the bottom.

    Parameters
    ----------
    tempo : str or sequence
        See :func:`parse_tempo`.
    fps : float
        Frames per second, 10 to 1000. Every phase that is not left out
        must last :data:`~hinge_sim.model.limits.MIN_PHASE_FRAMES` frames.

    Returns
    -------
    t : ndarray (N,)
        Time (s).
    progress : ndarray (N,)
        0 top .. 1 bottom, minimum-jerk in lowering and rising.
    phase : ndarray (N,) of int
        Index into :data:`PHASES`.

    Raises
    ------
    ValueError
        For an fps out of range, or a phase shorter than
        ``MIN_PHASE_FRAMES`` frames at ``fps`` (naming the phase).

    Examples
    --------
    >>> t, progress, phase = rep_profile("1-0-1-0", fps=10)
    >>> len(t), float(progress[10]), int(phase[15])
    (21, 1.0, 2)
    >>> rep_profile("0.3-0-1-0", fps=10)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: tempo lowering = 0.3 s is 3 frames at 10 frames/s; a phase needs at least 5 ...
    """
    fps = float(check("fps", fps))
    phases = parse_tempo(tempo)
    for name, seconds in zip(PHASES, phases):
        frames = seconds * fps
        if 0 < seconds and frames < MIN_PHASE_FRAMES - 1e-9:
            raise ValueError(
                f"tempo {name} = {seconds:g} s is {frames:.3g} frames at {fps:g} frames/s; "
                f"a phase needs at least {MIN_PHASE_FRAMES} frames: make it "
                f"{MIN_PHASE_FRAMES / fps:.3g} s or longer, or raise fps to "
                f"{MIN_PHASE_FRAMES / seconds:.3g} or more")
    down, pause, up, rest = phases
    edges = np.cumsum([0.0, down, pause, up, rest])
    t = np.arange(int(round(edges[-1] * fps)) + 1) / fps
    # a boundary frame ends its phase
    phase = np.clip(np.searchsorted(edges, t, side="left") - 1, 0, 3)
    progress = np.select(
        [phase == 0, phase == 1, phase == 2],
        [minimum_jerk(np.clip(t / down, 0, 1)), np.ones_like(t),
         1 - minimum_jerk(np.clip((t - edges[2]) / up, 0, 1))],
        np.zeros_like(t))
    return t, progress, phase
