"""Read points tracked on a lifting video (CSV) into metres, x forward and y up.

Usage
-----
1. ``track = read_track("set1.csv", plate_px=182)`` for a file in pixels, where
   the plate (0.45 m across) measures 182 px on the video; or
   ``read_track("set1.csv", length=(250, 0.5))`` for any known length
   (250 px = 0.5 m); a file in m, cm or mm needs no scale.
2. ``track.t`` (s), ``track.points["bar"]`` (N, 2) m; ``"hip"``, ``"knee"``,
   ``"shoulder"``, ``"foot"`` when they were tracked; ``track.notes`` lists what
   was repaired (short gaps filled, empty ends cut).

Accepted files (see ``docs/journal.md`` for the full list):

- plain columns ``time`` (s; ``time_ms``, ``Time (ms)`` also work) and
  ``bar_x``, ``bar_y`` (plus ``hip_``, ``knee_``, ``shoulder_``, ``foot_``), with
  the unit in the name (``bar_x_px``, ``bar_y (m)``) or given as ``units=``;
- Kinovea's spreadsheet export: ``Time``, ``<name>/<point>/X``, ``<name>/<point>/Y``
  (name the trajectories ``bar``, ``hip``... in Kinovea, or map them with
  ``names={"Barbell": "bar"}``);
- Kinovea's single-trajectory table ``Time (ms)``, ``X (px)``, ``Y (px)`` (taken as
  the bar, or ``point=``).

Semicolon-separated files with decimal commas (as written on systems set to a
European locale) are read too. Pixel rows count down the image, so pixel y is
flipped (``y_down``); a lifter facing left on the video is mirrored
(``facing="left"``) so that x always points the way the lifter faces.
"""
import csv
import dataclasses
import os
import re
import warnings

import numpy as np

PLATE_DIAMETER = 0.45  # m, standard 20-25 kg competition plate (IWF/IPF rules) [V]
POINTS = ("bar", "hip", "knee", "shoulder", "foot")
UNITS = {"m": 1.0, "cm": 0.01, "mm": 0.001, "px": None}
ALIASES = {"barbell": "bar", "plate": "bar", "bar": "bar", "hip": "hip", "hips": "hip",
           "knee": "knee", "shoulder": "shoulder", "foot": "foot", "midfoot": "foot"}
MAX_SPAN = 3.0  # m: no marker moves further than this in a lift [A]


class TrackWarning(UserWarning):
    """Something in a track was repaired (the message says what and where)."""


@dataclasses.dataclass
class Track:
    """Tracked points in metres, x forward (the way the lifter faces), y up.

    Attributes
    ----------
    t : ndarray (N,)
        Time (s), strictly increasing.
    points : dict
        Name in :data:`POINTS` -> (N, 2) position (m). The origin is wherever
        the video's was; only differences and offsets between points matter.
    scale : float
        Metres per unit of the file (m/px for pixels).
    notes : list of str
        Repairs made while reading (also issued as :class:`TrackWarning`).
    source : str
        File name or ``"<text>"``.
    """

    t: np.ndarray
    points: dict
    scale: float
    notes: list
    source: str = "<text>"


_TIME = re.compile(r"^(?:time|t)(?:[\s_]*\(?\s*(s|ms)\s*\)?)?$", re.I)
_PLAIN = re.compile(r"^([a-z]+)[\s_]*(x|y)(?:[\s_]*\(?\s*(px|m|cm|mm)\s*\)?)?$", re.I)
_KINOVEA = re.compile(r"^(.+?)/(.*)/(x|y)$", re.I)
_SINGLE = re.compile(r"^(x|y)(?:\s*\(\s*(px|m|cm|mm)\s*\))?$", re.I)


def read_track(source, units=None, plate_px=None, length=None, scale=None, facing="right",
               y_down=None, time_unit=None, names=None, point="bar", max_gap=0.1):
    """Read a CSV of tracked points.

    Parameters
    ----------
    source : str, os.PathLike or file-like
        The CSV file, or an open text stream.
    units : {"px", "m", "cm", "mm"}, optional
        Unit of the coordinates when the column names do not say.
    plate_px : float, optional
        The plate's diameter on the video (px); the plate is
        :data:`PLATE_DIAMETER` (0.45 m) across. For files in pixels.
    length : (float, float), optional
        A known length: (pixels, metres), e.g. a 1 m stick at 412 px.
    scale : float, optional
        Metres per pixel, if already known.
    facing : {"right", "left"}
        Which way the lifter faces on the video.
    y_down : bool, optional
        True when y grows downwards (image rows). Default: True for pixels,
        False for m, cm, mm.
    time_unit : {"s", "ms"}, optional
        When the time column's name does not say.
    names : dict, optional
        Trajectory name in the file -> one of :data:`POINTS`.
    point : str
        The point a single-trajectory ``X``/``Y`` table holds.
    max_gap : float
        Longest gap (s) filled by a straight line; longer gaps raise.

    Returns
    -------
    Track

    Raises
    ------
    ValueError
        Naming the row (file line) or column: missing columns, unknown or
        mixed units, a cell that is not a number, time going backwards, a gap
        longer than ``max_gap``, sizes that cannot be right for the units.
    """
    text, where = _read_text(source)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    skipped = 0
    while lines and lines[0].lstrip().startswith("#"):
        lines.pop(0)
        skipped += 1
    if not lines:
        raise ValueError(f"{where} has no header row")
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else (
        "\t" if "\t" in lines[0] else ",")
    rows = list(csv.reader(lines, delimiter=delimiter))
    header = [h.strip() for h in rows[0]]
    time_col, time_from_header, coords = _columns(header, names or {}, point, where)
    tunit = _one_unit("time", time_from_header, time_unit, ("s", "ms"), where)
    units = _one_unit("coordinates", {u for _, _, u in coords.values() if u}, units,
                      tuple(UNITS), where)
    if units is None:
        raise ValueError(f"{where}: the unit of the coordinates is unknown; name it in the "
                         "header (bar_x_px, 'bar_y (m)') or pass units='px', 'm', 'cm' or 'mm'")
    first_line = skipped + 2
    data = _numbers(rows[1:], header, [time_col] + list(coords), delimiter, first_line, where)
    t = data[:, 0] * (0.001 if tunit == "ms" else 1.0)
    _check_time(t, first_line, where, stated=bool(time_from_header or time_unit))
    factor = _scale(units, plate_px, length, scale)
    facing_sign = {"right": 1.0, "left": -1.0}.get(facing)
    if facing_sign is None:
        raise ValueError(f"facing = {facing!r} must be 'right' or 'left'")
    flip = (units == "px") if y_down is None else bool(y_down)
    xy = {}
    for j, (col, (name, axis, _)) in enumerate(coords.items(), start=1):
        xy.setdefault(name, [None, None])["xy".index(axis)] = (header[col], data[:, j])
    for name, pair in xy.items():
        if None in pair:
            have = pair[0] or pair[1]
            raise ValueError(f"{where}: column {have[0]!r} has no matching "
                             f"{'y' if pair[1] is None else 'x'} column for {name}")
    if "bar" not in xy:
        raise ValueError(f"{where}: no bar columns (bar_x, bar_y); columns found: {header}")
    notes = []
    keep = _trim_ends(t, xy["bar"], first_line, notes, where)
    t = t[keep]
    points = {}
    for name, ((cx, x), (cy, y)) in xy.items():
        x = _fill(t, x[keep], cx, first_line + keep.start, max_gap, notes, where)
        y = _fill(t, y[keep], cy, first_line + keep.start, max_gap, notes, where)
        points[name] = np.stack([facing_sign * factor * x, (-factor if flip else factor) * y], -1)
        span = np.ptp(points[name], axis=0)
        if np.any(span > MAX_SPAN):
            col = cx if span[0] > MAX_SPAN else cy
            raise ValueError(f"{where}: column {col!r} spans {max(span):.3g} m after scaling; more "
                             f"than {MAX_SPAN:g} m cannot be a lift: check the units "
                             f"(units={units!r}) and the scale")
    if len(t) < 10:
        raise ValueError(f"{where} has {len(t)} usable rows; a track needs at least 10")
    for note in notes:
        warnings.warn(note, TrackWarning, stacklevel=2)
    return Track(t=t, points=points, scale=factor, notes=notes, source=where)


def _read_text(source):
    if hasattr(source, "read"):
        text = source.read()
        where = getattr(source, "name", "<text>")
    else:
        where = os.fspath(source)
        with open(where, encoding="utf-8-sig", newline="") as f:
            text = f.read()
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    return text.lstrip("\ufeff"), os.path.basename(str(where))


def _columns(header, names, point, where):
    """Time column index, its unit(s) and coordinate columns -> (point, axis, unit)."""
    time_col, time_units, coords = None, set(), {}
    mapping = {k.lower(): v for k, v in names.items()}
    for j, h in enumerate(header):
        m = _TIME.match(h)
        if m and time_col is None:
            time_col = j
            if m.group(1):
                time_units.add(m.group(1).lower())
            continue
        found = None
        if (m := _KINOVEA.match(h)):
            found = (m.group(1).strip(), m.group(3), None)
        elif (m := _SINGLE.match(h)):
            found = (point, m.group(1), m.group(2))
        elif (m := _PLAIN.match(h)):
            found = (m.group(1), m.group(2), m.group(3))
        if found is None:
            continue
        raw, axis, unit = found
        name = mapping.get(raw.lower(), ALIASES.get(raw.lower()))
        if name is None or name not in POINTS:
            continue
        if any(n == name and a == axis.lower() for n, a, _ in coords.values()):
            raise ValueError(f"{where}: column {h!r} repeats {name} {axis.lower()}")
        coords[j] = (name, axis.lower(), unit.lower() if unit else None)
    if time_col is None:
        raise ValueError(f"{where}: no time column (time, time_s, time_ms, 'Time (ms)'); "
                         f"columns found: {header}")
    return time_col, time_units, coords


def _one_unit(what, from_header, given, allowed, where):
    if given is not None and given not in allowed:
        raise ValueError(f"{what} unit {given!r} is not known; choose from {list(allowed)}")
    if len(from_header) > 1:
        raise ValueError(f"{where}: the {what} columns mix units {sorted(from_header)}; "
                         "use one unit for all")
    if from_header and given and given not in from_header:
        raise ValueError(f"{where}: the header says {what} are in {from_header.pop()}, "
                         f"but {given!r} was given")
    return given or (from_header.pop() if from_header else None)


def _numbers(rows, header, cols, delimiter, first_line, where):
    out = np.full((len(rows), len(cols)), np.nan)
    for i, row in enumerate(rows):
        for k, j in enumerate(cols):
            cell = row[j].strip() if j < len(row) else ""
            if cell == "" or cell.lower() in ("nan", "na", "-"):
                continue
            if delimiter == ";":
                cell = cell.replace(",", ".")
            try:
                out[i, k] = float(cell)
            except ValueError:
                raise ValueError(f"{where} line {first_line + i}, column {header[j]!r}: "
                                 f"{cell!r} is not a number") from None
            if not np.isfinite(out[i, k]):
                raise ValueError(f"{where} line {first_line + i}, column {header[j]!r}: "
                                 f"{cell!r} is not a finite number")
    return out


def _check_time(t, first_line, where, stated):
    missing = np.flatnonzero(np.isnan(t))
    if missing.size:
        raise ValueError(f"{where} line {first_line + missing[0]}: the time cell is empty")
    back = np.flatnonzero(np.diff(t) <= 0)
    if back.size:
        i = back[0] + 1
        raise ValueError(f"{where} line {first_line + i}: time goes backwards or repeats "
                         f"({t[i]:g} s after {t[i - 1]:g} s)")
    if len(t) > 1 and not stated and np.median(np.diff(t)) >= 1.0:
        raise ValueError(f"{where}: frames {np.median(np.diff(t)):g} s apart look like "
                         "milliseconds; pass time_unit='ms' (or 's' if they really are seconds)")


def _scale(units, plate_px, length, scale):
    given = [v is not None for v in (plate_px, length, scale)]
    if units != "px":
        if any(given):
            raise ValueError(f"the file is in {units}: plate_px, length and scale are for pixels")
        return UNITS[units]
    if sum(given) != 1:
        raise ValueError("the file is in pixels: give exactly one of plate_px (the plate's "
                         f"diameter in px, the plate being {PLATE_DIAMETER} m), length=(px, m) "
                         "or scale (m per px)")
    if plate_px is not None:
        return PLATE_DIAMETER / _positive("plate_px", plate_px, 1, 10000, " px")
    if length is not None:
        try:
            px, metres = length
        except (TypeError, ValueError):
            raise ValueError(f"length = {length!r} must be (pixels, metres)") from None
        return _positive("length metres", metres, 0.01, 10, " m") / _positive(
            "length pixels", px, 1, 10000, " px")
    return _positive("scale", scale, 1e-5, 0.1, " m/px")


def _positive(name, value, low, high, unit):
    from ..model.checks import check_range
    return float(check_range(name, value, low, high, unit))


def _trim_ends(t, bar, first_line, notes, where):
    ok = ~(np.isnan(bar[0][1]) | np.isnan(bar[1][1]))
    if not ok.any():
        raise ValueError(f"{where}: the bar columns {bar[0][0]!r}, {bar[1][0]!r} are empty")
    a, b = np.flatnonzero(ok)[[0, -1]]
    if a > 0:
        notes.append(f"{where}: lines {first_line}-{first_line + a - 1} have no bar position "
                     "and were cut from the start")
    if b < len(t) - 1:
        notes.append(f"{where}: lines {first_line + b + 1}-{first_line + len(t) - 1} have no bar "
                     "position and were cut from the end")
    return slice(a, b + 1)


def _fill(t, v, col, first_line, max_gap, notes, where):
    bad = np.isnan(v)
    if not bad.any():
        return v
    edges = np.flatnonzero(np.diff(np.r_[0, bad.astype(int), 0]))
    for a, b in zip(edges[::2], edges[1::2]):  # a gap covers rows a .. b-1
        lines = f"lines {first_line + a}-{first_line + b - 1}"
        if a == 0 or b == len(v):
            raise ValueError(f"{where} column {col!r} is empty at the {'start' if a == 0 else 'end'} "
                             f"({lines}); track that point over the whole clip or delete the column")
        if t[b] - t[a - 1] > max_gap + 1e-6:
            raise ValueError(f"{where} column {col!r} has a gap of {t[b] - t[a - 1]:.2f} s ({lines}); "
                             f"gaps up to max_gap = {max_gap:g} s are filled, longer ones are not")
        notes.append(f"{where} column {col!r}: gap at {lines} filled by a straight line")
    good = ~bad
    return np.interp(t, t[good], v[good])
