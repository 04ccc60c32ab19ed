"""The table every importer fills: raw time, coordinates per point, units and file lines."""
import dataclasses
import re

import numpy as np

#: coordinate unit -> metres per unit (``None``: pixels, scaled from the video)
LENGTH_UNITS = {"m": 1.0, "cm": 0.01, "mm": 0.001, "in": 0.0254, "ft": 0.3048, "px": None}
#: time unit -> seconds per unit (``"frames"`` needs the frame rate; ``"ts"``, the video's
#: own timestamps, the frame rate and the timestamps per frame, read from the frame step);
#: Kinovea's time formats (Kinovea UnitHelper.TimeAbbreviation, Metadata.GetNumericalTime) [V]
TIME_UNITS = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "frames": None, "ts": None, "min/100": 0.6,
              "hour/10000": 0.36}
_TIME_ALIASES = {"s": "s", "sec": "s", "ms": "ms", "us": "us", "µs": "us", "μs": "us",
                 "f": "frames", "frame": "frames", "frames": "frames", "min/100": "min/100",
                 "hour/10000": "hour/10000", "ts": "ts", "timestamps": "ts"}
_LENGTH_ALIASES = {"px": "px", "pixels": "px", "m": "m", "cm": "cm", "mm": "mm", "in": "in",
                   "ft": "ft"}


@dataclasses.dataclass
class Table:
    """Columns read from a file, before units, scale and checks.

    Attributes
    ----------
    kind : str
        The format's name, for messages.
    time : ndarray (N,)
        Time values as written (unit ``time_unit``), NaN where empty.
    time_name : str
        The time column's name in the file.
    time_unit : str or None
        A key of :data:`TIME_UNITS` when the file states it.
    coords : dict
        Point name -> ``{"x": (column name, ndarray), "y": (column name, ndarray)}``.
    unit : str or None
        Coordinate unit (key of :data:`LENGTH_UNITS`) when the file states it.
    lines : ndarray of int (N,)
        The file line (1 for the first, blank lines counted) of each row.
    fps : float or None
        Frame rate the file states.
    row_word : str
        What ``lines`` count: ``"line"`` of the file, or ``"sample"`` (JSON).
    """

    kind: str
    time: np.ndarray
    time_name: str
    time_unit: object
    coords: dict
    unit: object
    lines: np.ndarray
    fps: object = None
    row_word: str = "line"


def time_unit_name(text, where):
    """Key of :data:`TIME_UNITS` for a unit as written (``"ms"``, ``"µs"``, ``"F"``...)."""
    key = _TIME_ALIASES.get(text.strip().lower()) if text else None
    if text and key is None:
        raise ValueError(f"{where}: time unit {text!r} is not known; expected one of "
                         f"{sorted(set(_TIME_ALIASES))}")
    return key


def length_unit_name(text, where):
    """Key of :data:`LENGTH_UNITS` for a unit as written, or ValueError naming it."""
    key = _LENGTH_ALIASES.get(text.strip().lower()) if text else None
    if text and key is None:
        raise ValueError(f"{where}: length unit {text!r} is not supported; expected one of "
                         f"{sorted(_LENGTH_ALIASES)} (a track in % of a length cannot be scaled)")
    return key


def numbers(cells, lines, column, where, comma=False):
    """Parse one column of text cells into floats, NaN where empty.

    Parameters
    ----------
    cells : list of str
    lines : sequence of int
        File line of each cell, for the message.
    column : str
        Column name, for the message.
    where : str
        File name.
    comma : bool
        Decimal commas (``"12,5"``).

    Returns
    -------
    ndarray

    Raises
    ------
    ValueError
        ``"<file> line <n>, column '<name>': '<cell>' is not a number"``.
    """
    if not comma:
        try:  # the common case: every cell a plain number
            out = np.array(cells, dtype=float)
            if not np.isinf(out).any():
                return out
        except ValueError:
            pass
    clean = [c.strip().strip('"') for c in cells]
    clean = ["nan" if c in ("", "nan", "NaN", "na", "NA", "-") else c for c in clean]
    if comma:
        clean = [c.replace(",", ".") for c in clean]
    try:
        out = np.array(clean, dtype=float)
    except ValueError:
        out = None
    if out is not None and not np.isinf(out).any():
        return out
    for cell, raw, line in zip(clean, cells, lines):
        try:
            value = float(cell)
        except ValueError:
            raise ValueError(f"{where} line {line}, column {column!r}: {raw.strip()!r} is not a "
                             "number; expected a number (or an empty cell)") from None
        if np.isinf(value):
            raise ValueError(f"{where} line {line}, column {column!r}: {raw.strip()!r} is not a "
                             "finite number")
    raise AssertionError("unreachable")  # pragma: no cover


_TIMECODE = re.compile(r"^\s*(-\s*)?(?:(\d+):)?(?:(\d+):)?(\d+(?:[.,]\d+)?)\s*(?:\((-?\d+)\))?\s*$")


def timecodes(cells, lines, column, where):
    """Parse Kinovea time strings ``[- ][h:][mm:]ss.xx[x]`` (plus `` (frames)``) into s.

    The format of Kinovea's ``TimeHelper.MillisecondsToTimecode`` [V]; a
    frame count in brackets (the "time and frames" format) is ignored.
    """
    out = np.full(len(cells), np.nan)
    for i, (cell, line) in enumerate(zip(cells, lines)):
        if not cell.strip():
            continue
        m = _TIMECODE.match(cell)
        if not m:
            raise ValueError(f"{where} line {line}, column {column!r}: {cell.strip()!r} is not a "
                             "time; expected a number or a timecode like 1:02.50")
        sign, a, b, sec = m.group(1), m.group(2), m.group(3), m.group(4)
        hours, minutes = (int(a), int(b)) if b is not None else (0, int(a) if a else 0)
        value = 3600 * hours + 60 * minutes + float(sec.replace(",", "."))
        out[i] = -value if sign else value
    return out
