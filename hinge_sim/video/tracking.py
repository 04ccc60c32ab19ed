"""Read points tracked on a lifting video (CSV, JSON, text, XML) into metres, x forward, y up.

Usage
-----
1. ``track = read_track("set1.csv", plate_px=182)`` for a file in pixels, where
   the plate (0.45 m across) measures 182 px on the video; or
   ``read_track("set1.csv", length=(250, 0.5))`` for any known length
   (250 px = 0.5 m); a file in m, cm or mm needs no scale.
2. ``track.t`` (s), ``track.points["bar"]`` (N, 2) m; ``"hip"``, ``"knee"``,
   ``"shoulder"``, ``"foot"`` when they were tracked; ``track.notes`` lists what
   was repaired (short gaps filled, empty ends cut).

Accepted files (the format is found from the content; ``docs/tracks.md`` has
each layout):

- plain CSV: ``time`` (``time_ms``, ``Time (ms)``...) and ``bar_x``, ``bar_y`` (plus
  ``hip_``, ``knee_``, ``shoulder_``, ``foot_``, ``sacrum_``), the unit in the name
  (``bar_x_px``, ``bar_y (m)``) or given as ``units=``;
- Kinovea CSV: ``Time`` in any of Kinovea's time formats (seconds, ms, µs,
  frames, timecodes; negative before the time origin), ``<name>/<point>/X``,
  ``/Y`` (name the trajectories ``bar``, ``hip``... or map them with
  ``names={"Barbell": "bar"}``), or a single ``Time (ms)``, ``X (px)``, ``Y (px)`` table;
- Kinovea JSON, Kinovea trajectory text (Gnuplot), Kinovea Excel XML;
- Tracker data text (track name on the first line).

A time column with no unit is read in the unit its frame step fits (and the
stated frame rate, ``fps=``); the choice is in ``track.notes``.
Semicolon-separated files with decimal commas (as written on systems set to a
European locale) are read too. Pixel rows count down the image, so pixel y is
flipped (``y_down``); a lifter facing left on the video is mirrored
(``facing="left"``) so that x always points the way the lifter faces.
"""
import dataclasses
import os
import warnings

import numpy as np

from ..model.constants import PLATE_RADIUS
from .formats.table import LENGTH_UNITS, TIME_UNITS

PLATE_DIAMETER = 2 * PLATE_RADIUS  # m, 0.45 m: the competition plate the model holds [V]
POINTS = ("bar", "hip", "knee", "shoulder", "foot", "sacrum")
UNITS = LENGTH_UNITS  # unit -> metres per unit (None: pixels)
ALIASES = {"barbell": "bar", "plate": "bar", "bar": "bar", "hip": "hip", "hips": "hip",
           "knee": "knee", "shoulder": "shoulder", "foot": "foot", "midfoot": "foot",
           "sacrum": "sacrum", "psis": "sacrum"}
MAX_SPAN = 3.0  # m: no marker moves further than this in a lift [A]
MAX_RISE = 1.5  # m: no marker of a hinge rises and falls more than this [A]
TYPICAL_RISE = 0.35  # m: a hinge's bar travel, to suggest a unit slip [A]
MAX_BAR_SPEED = 4.0  # m/s: deadlift bars peak near 1 m/s, a snatch's under 2.5 m/s [R]
TYPICAL_SPEED = 1.0  # m/s: to suggest a unit slip [A]
#: (point, point) -> plausible adult distance range (m) [A], from Winter 2009 Fig. 4.1 proportions
SEGMENTS = {("hip", "knee"): (0.25, 0.65), ("knee", "foot"): (0.3, 0.75),
            ("shoulder", "hip"): (0.3, 0.85)}
MIN_FPS = 5.0  # frames/s: slower video cannot time a rep [A]
MAX_FPS = 1000.0  # frames/s: phone slow motion tops out near 960 [A]
MAX_DURATION_S = 1800.0  # s: the longest track read, 30 minutes [A]
MAX_ROWS = int(MAX_DURATION_S * 240)  # frames: 30 minutes at 240 frames/s [A]


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
    filled : dict or None
        Point name -> (N,) bool, True where the point's value was filled in.
    """

    t: np.ndarray
    points: dict
    scale: float
    notes: list
    source: str = "<text>"
    filled: dict = None


def read_track(source, units=None, plate_px=None, length=None, scale=None, facing="right",
               y_down=None, time_unit=None, names=None, point="bar", max_gap=0.1, fps=None):
    """Read a file of tracked points (any supported export) into metres and seconds.

    Parameters
    ----------
    source : str, os.PathLike or file-like
        The file, or an open text or binary stream.
    units : {"px", "m", "cm", "mm", "in", "ft"}, optional
        Unit of the coordinates when the file does not say.
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
        False for calibrated units.
    time_unit : {"s", "ms", "us", "frames", "ts", "min/100", "hour/10000"}, optional
        When the file does not say; otherwise found from the frame step.
        ``"ts"``: the video's own timestamps (Kinovea's "Timestamps" time
        format), read as frames of the frame step with ``fps``.
    names : dict, optional
        Trajectory name in the file -> one of :data:`POINTS`.
    point : str
        The point a single-trajectory ``X``/``Y`` table holds.
    max_gap : float
        Longest gap (s, 0 to 1) filled by a straight line, whether cells are
        empty or frames are missing; longer gaps raise.
    fps : float, optional
        Frame rate (frames/s, 1 to 1000) the video was filmed at (for slow
        motion, the capture rate): needed for time in frames or timestamps
        when the file does not state it; checked against the frame step
        otherwise.

    Returns
    -------
    Track

    Raises
    ------
    ValueError
        Naming the file line (blank lines counted) and the column, and what
        was expected: unsupported format, missing columns, unknown or mixed
        units, a cell that is not a number, time going backwards or jumping,
        a frame step that does not fit the time unit, a track longer than
        :data:`MAX_DURATION_S` or :data:`MAX_ROWS`, sizes that cannot be right
        for the units.
    """
    from ..model.checks import check_range
    from .formats import read_table
    max_gap = float(check_range("max_gap", max_gap, 0.0, 1.0, " s"))
    if fps is not None:
        fps = float(check_range("fps", fps, 1.0, MAX_FPS, " frames/s"))
    data, where = _read_source(source)
    rows = data.count(b"\n" if isinstance(data, bytes) else "\n")
    if rows > MAX_ROWS + 100:
        raise ValueError(f"{where} has {rows} lines; a track may have at most {MAX_ROWS} frames "
                         f"({MAX_DURATION_S / 60:g} minutes at {MAX_ROWS / MAX_DURATION_S:g} "
                         "frames/s): cut the clip to the set")
    mapping = {k.lower(): v for k, v in (names or {}).items()}

    def resolve(raw):
        name = mapping.get(raw.strip().lower(), ALIASES.get(raw.strip().lower()))
        if name is None and raw.strip().lower() in ("", "mass a", "mass_a") and point in POINTS:
            name = point
        return name if name in POINTS else None

    table = read_table(data, where, resolve, mapping, ALIASES, POINTS, point)
    t, time_note = _seconds(table, _given_time_unit(time_unit), fps, where)
    units = _one_unit("coordinates", {table.unit} if table.unit else set(), units,
                      tuple(UNITS), where)
    if units is None:
        raise ValueError(f"{where}: the unit of the coordinates is unknown ({table.kind} does "
                         "not say); name it in the header (bar_x_px, 'bar_y (m)') or pass "
                         "units='px', 'm', 'cm' or 'mm'")
    lines = table.lines
    _check_time(t, lines, table, where, max_gap)
    factor = _scale(units, plate_px, length, scale)
    facing_sign = {"right": 1.0, "left": -1.0}.get(facing)
    if facing_sign is None:
        raise ValueError(f"facing = {facing!r} must be 'right' or 'left'")
    flip = (units == "px") if y_down is None else bool(y_down)
    for name, axes in table.coords.items():
        if len(axes) < 2:
            have = next(iter(axes.values()))[0]
            missing = "y" if "y" not in axes else "x"
            raise ValueError(f"{where}: column {have!r} has no matching {missing} column for "
                             f"{name}")
    if "bar" not in table.coords:
        raise ValueError(f"{where}: no bar columns (bar_x, bar_y, or a trajectory named bar, "
                         f"barbell or plate); points found: {sorted(table.coords) or 'none'}")
    notes = []
    bar = table.coords["bar"]
    keep = _trim_ends(bar["x"], bar["y"], lines, notes, where)
    t = t[keep]
    points, filled = {}, {}
    for name, axes in table.coords.items():
        (cx, x), (cy, y) = axes["x"], axes["y"]
        filled[name] = np.isnan(x[keep]) | np.isnan(y[keep])
        x = _fill(t, x[keep], cx, lines[keep], max_gap, notes, where, table.row_word)
        y = _fill(t, y[keep], cy, lines[keep], max_gap, notes, where, table.row_word)
        points[name] = np.stack([facing_sign * factor * x, (-factor if flip else factor) * y], -1)
        _check_span(points[name], cx, cy, units, where)
    if len(t) < 10:
        raise ValueError(f"{where} has {len(t)} usable rows; a track needs at least 10")
    _check_sizes(t, points, units, where)
    for note in notes:
        warnings.warn(note, TrackWarning, stacklevel=2)
    if time_note:  # how the unit was found: kept, not a repair
        notes.append(time_note)
    return Track(t=t, points=points, scale=factor, notes=notes, source=where, filled=filled)


def _read_source(source):
    if hasattr(source, "read"):
        data = source.read()
        where = getattr(source, "name", "<text>")
    else:
        where = os.fspath(source)
        with open(where, "rb") as f:
            data = f.read()
        if not data.startswith((b"PK", b"\xd0\xcf", b"%PDF")) and data[4:8] != b"ftyp":
            try:
                data = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                pass
    if isinstance(data, str):
        data = data.lstrip("\ufeff")
    return data, os.path.basename(str(where))


def _given_time_unit(time_unit):
    if time_unit is None:
        return None
    from .formats.table import time_unit_name
    try:
        return time_unit_name(str(time_unit), "time_unit")
    except ValueError:
        raise ValueError(f"time_unit = {time_unit!r} is not known; choose from "
                         f"{sorted(TIME_UNITS)}") from None


def _seconds(table, given, fps, where):
    """Time in s and a note saying how its unit was found."""
    if given and table.time_unit and given != table.time_unit:
        raise ValueError(f"{where}: the file says time is in {table.time_unit}, but "
                         f"time_unit={given!r} was given")
    unit = given or table.time_unit
    fps = fps or table.fps
    col = f"column {table.time_name!r}"
    t = np.asarray(table.time, dtype=float)
    steps = np.diff(t[np.isfinite(t)])
    step = float(np.median(steps)) if steps.size else float("nan")
    note = None
    whole = bool(steps.size) and bool(np.all(np.isclose(t[np.isfinite(t)],
                                                        np.round(t[np.isfinite(t)]))))
    if unit is None and steps.size:
        fits = [u for u in ("s", "ms", "us")
                if 1 / MAX_FPS <= step * TIME_UNITS[u] <= 1 / MIN_FPS]
        if whole and abs(step - 1) < 1e-9 and not (fps and abs(fps - MAX_FPS) < 1):
            fits = ["frames"]  # whole numbers one apart: frame numbers, not ms at 1000 frames/s
        elif fps:
            rated = [u for u in fits if abs(step * TIME_UNITS[u] * fps - 1) < 0.1]
            if not rated and whole:
                rated = ["ts"]  # whole numbers a frame step apart that fits no clock unit
            if fits and not rated:
                raise ValueError(f"{where} {col}: frames {step:g} apart fit {fits[0]} at "
                                 f"{1 / (step * TIME_UNITS[fits[0]]):.4g} frames/s, but the frame "
                                 f"rate is {fps:g}")
            fits = rated
        if not fits:
            stamps = (" or, for whole numbers, the video's timestamps (Kinovea's 'Timestamps' "
                      "format): pass time_unit='ts' and fps=" if whole else "")
            raise ValueError(f"{where} {col}: frames {step:g} apart fit no time unit (s, ms, µs "
                             f"at {MIN_FPS:g}-{MAX_FPS:g} frames/s){stamps}; pass time_unit=")
        unit = fits[0]
        note = (f"{where} {col}: time read as {unit} from the frame step ({step:g})")
        if unit == "ts":
            note += f" and the frame rate ({fps:g} frames/s)"
    if unit in ("frames", "ts"):
        if not fps:
            what = "frames" if unit == "frames" else "the video's timestamps"
            raise ValueError(f"{where} {col}: time is in {what}; pass fps= (frames per second "
                             "the video was filmed at) to turn it into seconds")
        if unit == "ts" and not (steps.size and step > 0):
            raise ValueError(f"{where} {col}: timestamps need at least two increasing times to "
                             "give the timestamps per frame")
        # timestamps: the frame step is the timestamps per frame (Kinovea's
        # AverageTimeStampsPerFrame), one frame is 1 / fps s
        factor = 1.0 / fps if unit == "frames" else 1.0 / (step * fps)
    else:
        factor = TIME_UNITS[unit]
    if steps.size and not 1 / MAX_FPS <= step * factor <= 1 / MIN_FPS:
        rate = 1 / (step * factor) if step > 0 else float("inf")
        better = [u for u in ("s", "ms", "us")
                  if 1 / MAX_FPS <= step * TIME_UNITS[u] <= 1 / MIN_FPS]
        hint = (f"; the values look like {better[0]} (pass time_unit={better[0]!r})"
                if better else "")
        raise ValueError(f"{where} {col}: frames {step:g} {unit} apart would be {rate:.4g} "
                         f"frames/s; expected {MIN_FPS:g} to {MAX_FPS:g}{hint}")
    if fps and unit != "frames" and steps.size and abs(step * factor * fps - 1) > 0.1:
        raise ValueError(f"{where} {col}: frames are {step * factor:.4g} s apart "
                         f"({1 / (step * factor):.4g} frames/s), but the frame rate is {fps:g}")
    return t * factor, note


def _one_unit(what, from_file, given, allowed, where):
    if given is not None and given not in allowed:
        raise ValueError(f"{what} unit {given!r} is not known; choose from {list(allowed)}")
    if from_file and given and given not in from_file:
        raise ValueError(f"{where}: the header says {what} are in {next(iter(from_file))}, "
                         f"but {given!r} was given")
    return given or (next(iter(from_file)) if from_file else None)


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


def _check_time(t, lines, table, where, max_gap):
    col = f"column {table.time_name!r}"
    word = table.row_word
    missing = np.flatnonzero(np.isnan(t))
    if missing.size:
        raise ValueError(f"{where} {word} {lines[missing[0]]}, {col}: the time cell is empty; "
                         "expected a number")
    step = np.diff(t)
    back = np.flatnonzero(step <= 0)
    if back.size:
        i = back[0] + 1
        raise ValueError(f"{where} {word} {lines[i]}, {col}: time goes backwards or repeats "
                         f"({t[i]:g} s after {t[i - 1]:g} s); expected increasing times")
    jump = np.flatnonzero(step > max_gap + 1e-6)
    if jump.size:
        i = jump[0] + 1
        raise ValueError(f"{where} {word} {lines[i]}, {col}: time jumps {step[i - 1]:.4g} s "
                         f"(from {t[i - 1]:g} to {t[i]:g} s); frames missing for up to max_gap = "
                         f"{max_gap:g} s are filled, longer jumps are not")
    if t.size and t[-1] - t[0] > MAX_DURATION_S:
        raise ValueError(f"{where}: the track lasts {t[-1] - t[0]:.0f} s; at most "
                         f"{MAX_DURATION_S:g} s ({MAX_DURATION_S / 60:g} minutes) are read")


def _trim_ends(x, y, lines, notes, where):
    (cx, x), (cy, y) = x, y
    ok = ~(np.isnan(x) | np.isnan(y))
    if not ok.any():
        raise ValueError(f"{where}: the bar columns {cx!r}, {cy!r} are empty")
    a, b = np.flatnonzero(ok)[[0, -1]]
    if a > 0:
        notes.append(f"{where}: lines {lines[0]}-{lines[a - 1]} have no bar position "
                     "and were cut from the start")
    if b < len(lines) - 1:
        notes.append(f"{where}: lines {lines[b + 1]}-{lines[-1]} have no bar "
                     "position and were cut from the end")
    return slice(a, b + 1)


def _fill(t, v, col, lines, max_gap, notes, where, word="line"):
    bad = np.isnan(v)
    if not bad.any():
        return v
    edges = np.flatnonzero(np.diff(np.r_[0, bad.astype(int), 0]))
    for a, b in zip(edges[::2], edges[1::2]):  # a gap covers rows a .. b-1
        span = f"{word}s {lines[a]}-{lines[b - 1]}"
        if a == 0 or b == len(v):
            end = "start" if a == 0 else "end"
            raise ValueError(f"{where} column {col!r} is empty at the {end} ({span}); track that "
                             "point over the whole clip or delete the column")
        if t[b] - t[a - 1] > max_gap + 1e-6:
            raise ValueError(f"{where} column {col!r} has a gap of {t[b] - t[a - 1]:.2f} s "
                             f"({span}); gaps up to max_gap = {max_gap:g} s are filled, longer "
                             "ones are not")
        notes.append(f"{where} column {col!r}: gap at {span} filled by a straight line")
    good = ~bad
    return np.interp(t, t[good], v[good])


def _unit_hint(ratio):
    """Name the likely unit slip for a size ``ratio`` times too big."""
    for factor, what in ((1000, "m read as mm, or mm under an m header"),
                         (100, "cm under an m header"), (10, "mm under a cm header")):
        if ratio > factor / 3:
            return f" (about {factor}x too large: {what}?)"
    return ""


def _check_span(xy, cx, cy, units, where):
    span = np.ptp(xy, axis=0)
    if span[0] > MAX_SPAN or span[1] > MAX_SPAN:
        col = cx if span[0] > MAX_SPAN else cy
        raise ValueError(f"{where}: column {col!r} spans {max(span):.3g} m after scaling; more "
                         f"than {MAX_SPAN:g} m cannot be a lift: check the units "
                         f"(units={units!r}) and the scale")
    if span[1] > MAX_RISE:
        raise ValueError(f"{where}: column {cy!r} rises and falls {span[1]:.3g} m after scaling; "
                         f"no point of a hinge moves more than {MAX_RISE:g} m up and down"
                         f"{_unit_hint(span[1] / TYPICAL_RISE)}: check the units "
                         f"(units={units!r}) and the scale")


def _check_sizes(t, points, units, where):
    """Refuse sizes and speeds no lifter can have: the sign of a unit slip."""
    from .filtering import derivative, lowpass
    if t.size > 20:
        fps = (t.size - 1) / (t[-1] - t[0])
        grid = np.linspace(t[0], t[-1], t.size)
        bar = points["bar"]
        speed = np.hypot(*(derivative(lowpass(np.interp(grid, t, bar[:, i]), fps,
                                              min(6.0, 0.3 * fps)), fps) for i in (0, 1)))
        top = float(np.percentile(speed, 99))
        if top > MAX_BAR_SPEED:
            raise ValueError(f"{where}: the bar moves at {top:.3g} m/s after scaling; bars in a "
                             f"hinge stay under {MAX_BAR_SPEED:g} m/s"
                             f"{_unit_hint(top / TYPICAL_SPEED)}: check the units "
                             f"(units={units!r}), the scale and the time unit")
    for (a, b), (low, high) in SEGMENTS.items():
        if a in points and b in points:
            size = float(np.median(np.hypot(*(points[a] - points[b]).T)))
            if not low <= size <= high:
                raise ValueError(f"{where}: {a} to {b} measures {size:.3g} m after scaling; "
                                 f"expected {low:g} to {high:g} m for an adult"
                                 f"{_unit_hint(size / high) if size > high else ''}: check the "
                                 f"units (units={units!r}) and the scale")
