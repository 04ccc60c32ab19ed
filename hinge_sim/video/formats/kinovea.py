"""Kinovea's other exports: JSON, the Gnuplot trajectory text and the old Excel XML.

Read from Kinovea's exporters (``ExporterJSON``, ``ExporterTXTTrajectory``)
and the stylesheet of versions up to 0.9 (``kva2msxml-en.xsl``); the layouts
are in ``docs/tracks.md``.
"""
import html
import json
import re
import xml.etree.ElementTree as ET

import numpy as np

from .table import Table, length_unit_name, numbers, time_unit_name, timecodes

GNUPLOT_MARK = "#Kinovea Trajectory data export"


def _merge(kind, series, where, resolve, time_unit, unit, row_word="line", fps=None):
    """One table from several tracks with their own times (rows: the union of times)."""
    times = np.unique(np.concatenate([s["time"] for s in series])) if series else np.array([])
    coords, lines = {}, np.zeros(times.size, int)
    for s in series:
        name = resolve(s["name"])
        if name is None:
            continue
        if name in coords:
            raise ValueError(f"{where}: two tracks are both {name!r} "
                             f"({s['name']!r} and another); rename one or pass names=")
        idx = np.searchsorted(times, s["time"])
        for axis, values in (("x", s["x"]), ("y", s["y"])):
            full = np.full(times.size, np.nan)
            full[idx] = values
            coords.setdefault(name, {})[axis] = (f"{s['name']} {axis.upper()}", full)
        lines[idx] = np.where(lines[idx] == 0, s["lines"], lines[idx])
    return Table(kind=kind, time=times, time_name="T" if kind != "Kinovea JSON" else "time",
                 time_unit=time_unit, coords=coords, unit=unit, lines=lines, fps=fps,
                 row_word=row_word)


def parse_gnuplot(text, where, resolve):
    """Kinovea's trajectory text: ``#`` header, then ``# <name>`` and ``T X Y`` rows per track."""
    series, current = [], None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        if stripped.startswith("#"):
            label = stripped[1:].strip()
            if number > 2 and label and label != "T X Y" and not stripped.startswith(GNUPLOT_MARK):
                current = {"name": label, "rows": [], "lines": []}
                series.append(current)
            continue
        if current is None:
            raise ValueError(f"{where} line {number}: data before a '# <track name>' line")
        cells = stripped.split()
        if len(cells) < 3:
            raise ValueError(f"{where} line {number}: {len(cells)} values; expected 3 "
                             "(T X Y) separated by spaces")
        current["rows"].append(cells[:3])
        current["lines"].append(number)
    out = []
    for s in series:
        cols = list(zip(*s["rows"])) if s["rows"] else [(), (), ()]
        parsed = [numbers(list(c), s["lines"], f"{s['name']} {h}", where, comma=True)
                  for c, h in zip(cols, "TXY")]
        out.append({"name": s["name"], "time": parsed[0], "x": parsed[1], "y": parsed[2],
                    "lines": np.array(s["lines"], int)})
    if not out:
        raise ValueError(f"{where}: a Kinovea trajectory text with no track "
                         "('# <name>' followed by 'T X Y' rows)")
    return _merge("Kinovea trajectory text", out, where, resolve, None, None)


def parse_json(text, where, resolve):
    """Kinovea's JSON export: ``data.timeseries[]`` with ``timeUnit``, ``dataUnit``, ``time``."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"{where} line {err.lineno}, column {err.colno}: not valid JSON "
                         f"({err.msg})") from None
    try:
        series = doc["data"]["timeseries"]
    except (KeyError, TypeError):
        raise ValueError(f"{where}: a JSON file without data.timeseries; expected Kinovea's "
                         "JSON export (File > Export > JSON)") from None
    meta = doc.get("metadata") or {}
    fps = meta.get("captureFramerate") or meta.get("videoFramerate")
    out, time_units, units = [], set(), set()
    for k, s in enumerate(series):
        label = f"{where} timeseries[{k}] {s.get('name', '?')!r}"
        time_units.add(time_unit_name(str(s.get("timeUnit", "")), label) or "s")
        units.add(length_unit_name(str(s.get("dataUnit", "")), label))
        t = np.asarray(s.get("time", []), dtype=float)
        data = s.get("data") or {}
        for key, pts in data.items():
            xy = np.asarray(pts, dtype=float)
            if xy.ndim != 2 or xy.shape != (t.size, 2):
                raise ValueError(f"{label} point {key!r}: {xy.shape} values for {t.size} times; "
                                 "expected one [x, y] pair per time")
            name = s.get("name", "") if len(data) == 1 else f"{s.get('name', '')}/{key}"
            out.append({"name": name, "time": t, "x": xy[:, 0], "y": xy[:, 1],
                        "lines": np.arange(1, t.size + 1)})
    if len(time_units) > 1 or len(units) > 1:
        raise ValueError(f"{where}: the time series mix units {sorted(time_units | units)}")
    return _merge("Kinovea JSON", out, where, resolve, time_units.pop() if time_units else None,
                  units.pop() if units else None, row_word="sample",
                  fps=float(fps) if fps else None)


_ROW = re.compile(r"<(?:ss:)?Row\b[^>]*?(?:/>|>(.*?)</(?:ss:)?Row>)", re.S)
_DATA = re.compile(r"<(?:ss:)?Data\b[^>]*?(?:/>|>(.*?)</(?:ss:)?Data>)", re.S)
_COORDS = re.compile(r"Coords\s*\(x,y:\s*([^;]*);", re.I)


def parse_spreadsheetml(text, where, resolve):
    """Read Kinovea 0.8-0.9 Excel XML (SpreadsheetML) into a :class:`Table`.

    Per track: rows ``Track``, ``Label :`` and the name, ``Coords (x,y:<unit>;
    t:time)``, ``x y t``, then rows of x, y and a timecode.
    """
    try:
        ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as err:
        raise ValueError(f"{where} line {err.position[0]}: not well-formed XML ({err})") from None
    rows = [(text.count("\n", 0, m.start()) + 1,
             [html.unescape(d or "").strip() for d in _DATA.findall(m.group(1) or "")])
            for m in _ROW.finditer(text)]
    series, units, i = [], set(), 0
    while i < len(rows):
        line, cells = rows[i]
        if cells[:1] == ["Track"]:
            name = rows[i + 1][1][1] if i + 1 < len(rows) and len(rows[i + 1][1]) > 1 else ""
            unit_row = rows[i + 2][1][0] if i + 2 < len(rows) and rows[i + 2][1] else ""
            m = _COORDS.search(unit_row)
            if not m:
                raise ValueError(f"{where} line {rows[min(i + 2, len(rows) - 1)][0]}: expected "
                                 "'Coords (x,y:<unit>; t:time)' under the track's label")
            units.add(length_unit_name(m.group(1), f"{where} line {rows[i + 2][0]}"))
            i += 4  # title, label, coords, x y t header
            data, lines = [], []
            while i < len(rows) and len(rows[i][1]) >= 3 and rows[i][1][0] not in ("", "Track"):
                data.append(rows[i][1][:3])
                lines.append(rows[i][0])
                i += 1
            cols = list(zip(*data)) if data else [(), (), ()]
            series.append({"name": name or f"track {len(series) + 1}",
                           "x": numbers(list(cols[0]), lines, f"{name} x", where),
                           "y": numbers(list(cols[1]), lines, f"{name} y", where),
                           "time": timecodes(list(cols[2]), lines, f"{name} t", where),
                           "lines": np.array(lines, int)})
            continue
        i += 1
    if not series:
        raise ValueError(f"{where}: an Excel XML file with no 'Track' table; expected Kinovea's "
                         "spreadsheet export of trajectories")
    if len(units) > 1:
        raise ValueError(f"{where}: the tracks mix units {sorted(units)}")
    return _merge("Kinovea Excel XML", series, where, resolve, "s", units.pop())
