"""Delimited tables: plain CSV columns and Kinovea's spreadsheet (CSV) exports.

Kinovea's CSV (``ExporterCSVTrajectory``) has a ``Time`` column in the
time format chosen in its preferences and ``<track>/<point>/X``, ``/Y``
columns, every cell quoted; with a decimal comma the list separator is
``;`` (``CSVHelper.GetListSeparator``). See ``docs/tracks.md``.
"""
import csv
import re

import numpy as np

from .table import Table, length_unit_name, numbers, time_unit_name, timecodes

_UNIT = r"(?:[\s_]*\(?\s*([a-zµμ/0-9]+)\s*\)?)?"
_TIME = re.compile(r"^(?:time|t)" + _UNIT + "$", re.I)
_PLAIN = re.compile(r"^([a-z]+)[\s_]*(x|y)" + _UNIT + "$", re.I)
_KINOVEA = re.compile(r"^(.+?)/(.*)/(x|y)$", re.I)
_SINGLE = re.compile(r"^(x|y)" + _UNIT + "$", re.I)


def split_lines(text):
    """(line number, text) of every non-blank line, numbered as in the file (1 = first)."""
    return [(i, ln) for i, ln in enumerate(text.splitlines(), start=1) if ln.strip()]


def parse(text, where, names, aliases, points, point):
    """Read a delimited table into a :class:`Table`.

    Parameters
    ----------
    text : str
    where : str
        File name for messages.
    names : dict
        Trajectory name in the file -> point name (lower-case keys).
    aliases : dict
        Default names (``"barbell"`` -> ``"bar"``...).
    points : tuple of str
        Point names the track may hold.
    point : str
        The point a single ``X``/``Y`` table holds.
    """
    numbered = [(n, ln) for n, ln in split_lines(text) if not ln.lstrip().startswith("#")]
    if not numbered:
        raise ValueError(f"{where} has no header row")
    head_line, head = numbered[0]
    delimiter = ";" if head.count(";") > head.count(",") else ("\t" if "\t" in head else ",")
    rows = list(csv.reader([ln for _, ln in numbered], delimiter=delimiter))
    header = [h.strip() for h in rows[0]]
    lines = np.array([n for n, _ in numbered[1:]], int)
    time_col, time_unit, coords = None, None, {}
    for j, h in enumerate(header):
        m = _TIME.match(h)
        if m and time_col is None:
            time_col, time_unit = j, time_unit_name(m.group(1), f"{where} column {h!r}")
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
        name = names.get(raw.lower(), aliases.get(raw.lower()))
        if name is None or name not in points:
            continue
        axis = axis.lower()
        if axis in coords.get(name, {}):
            raise ValueError(f"{where} line {head_line}: column {h!r} repeats {name} {axis}")
        coords.setdefault(name, {})[axis] = (h, j, length_unit_name(unit, f"{where} column {h!r}"))
    if time_col is None:
        raise ValueError(f"{where} line {head_line}: no time column (time, time_s, time_ms, "
                         f"'Time (ms)', Kinovea's 'Time'); columns found: {header}")
    units = {u for axes in coords.values() for _, _, u in axes.values() if u}
    if len(units) > 1:
        raise ValueError(f"{where} line {head_line}: the coordinate columns mix units "
                         f"{sorted(units)}; use one unit for all")
    body = rows[1:]
    comma = delimiter == ";"

    width = len(header)
    table = list(zip(*[r if len(r) >= width else r + [""] * (width - len(r)) for r in body])) \
        if body else [()] * width

    def column(j):
        return list(table[j])

    cells = column(time_col)
    if any(":" in c for c in cells):
        time, time_unit = timecodes(cells, lines, header[time_col], where), "s"
    else:
        time = numbers(cells, lines, header[time_col], where, comma)
    out = {}
    for name, axes in coords.items():
        for axis, (h, j, _) in axes.items():
            out.setdefault(name, {})[axis] = (h, numbers(column(j), lines, h, where, comma))
    kind = "Kinovea CSV" if any(_KINOVEA.match(h) for h in header) or header[time_col] == "Time" \
        else "CSV"
    return Table(kind=kind, time=time, time_name=header[time_col], time_unit=time_unit,
                 coords=out, unit=units.pop() if units else None, lines=lines)
