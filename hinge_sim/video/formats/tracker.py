"""Tracker (Open Source Physics) data text: track name(s) on line 1, column names on line 2.

Tracker's "Export > Data" writes, for a point mass named ``mass A``::

    mass A
    t	x	y
    0.000	0.123	0.456

tab-separated by default (comma, semicolon or space when chosen), in the
units of the video's calibration, which the file does not state.
"""
import numpy as np

from .delimited import split_lines
from .table import Table, numbers


def looks_like(numbered):
    """Tell whether the second non-blank line starts with the column name ``t``."""
    if len(numbered) < 2:
        return False
    second = numbered[1][1].replace(",", "\t").replace(";", "\t").split()
    first = numbered[0][1].strip().lower()
    return bool(second) and second[0] == "t" and not first.startswith(("t\t", "t,", "t;", "time"))


def parse(text, where, resolve):
    """Read Tracker's data text into a :class:`Table` (units: from ``units=``)."""
    numbered = split_lines(text)
    sep = next((c for c in ("\t", ";", ",") if c in numbered[1][1]), None)
    names = numbered[0][1].split(sep) if sep else [numbered[0][1]]
    header = [h.strip() for h in (numbered[1][1].split(sep) if sep else numbered[1][1].split())]
    body = [(n, ln.split(sep) if sep else ln.split()) for n, ln in numbered[2:]]
    lines = np.array([n for n, _ in body], int)
    comma = sep != "," and any("," in c for _, r in body[:20] for c in r)

    def column(j):
        return [r[j] if j < len(r) else "" for _, r in body]

    coords, label = {}, names[0].strip()
    for j, h in enumerate(header):
        if j < len(names) and names[j].strip():
            label = names[j].strip()
        if h not in ("x", "y"):
            continue
        name = resolve(label)
        if name is None:
            continue
        coords.setdefault(name, {})[h] = (f"{label} {h}", numbers(column(j), lines, f"{label} {h}",
                                                                   where, comma))
    if "t" not in header:
        raise ValueError(f"{where} line {numbered[1][0]}: no 't' column; columns found: {header}")
    time = numbers(column(header.index("t")), lines, "t", where, comma)
    return Table(kind="Tracker data text", time=time, time_name="t", time_unit="s",
                 coords=coords, unit=None, lines=lines)
