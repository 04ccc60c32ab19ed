"""Labels that never sit on each other: each is moved to the nearest free place.

Usage
-----
``place_labels(ax, movable, fixed, avoid, points_per_unit, keep_off)`` after moving
the artists and before drawing: ``fixed`` texts (and the ``keep_off`` boxes, such
as a scale bar) stay put; each ``movable`` text,
in order, keeps its place if free, else takes the nearest free spot up or
down (then sideways) inside the axes, off the ``avoid`` points where it can.

Text sizes are measured from the font's outlines in points
(:class:`matplotlib.textpath.TextToPath`), not from a renderer, so the same
posture gets the same places at every resolution.
"""
import itertools
import re

import numpy as np
from matplotlib.textpath import TextToPath

GAP_PT = 2.0  # pt, least space between two labels [A, drawing only]
TRIES = 10  # label heights tried up and down
LINE_SPACING = 1.2  # of the font size, matplotlib's default
_measure = TextToPath()
_widths = {}  # (line with digits as 0, font properties) -> width (pt)
MAX_WIDTHS = 4096
DIGITS = re.compile(r"[0-9]")  # the fonts used have digits of one width (see textcache)


def _shown(texts):
    return [t for t in texts if t.get_visible() and t.get_text().strip()]


def text_width(text):
    """Width (pt) of a text's widest line, from the font's outlines."""
    prop = text.get_fontproperties()
    widths = []
    for line in text.get_text().split("\n"):
        key = (DIGITS.sub("0", line), hash(prop))
        if key not in _widths:
            if len(_widths) >= MAX_WIDTHS:
                _widths.clear()
            _widths[key] = _measure.get_text_width_height_descent(line, prop, ismath=False)[0]
        widths.append(_widths[key])
    return max(widths)


def text_box(text, points_per_unit):
    """A text's box (x0, y0, x1, y1) in data units, its backing box included.

    Parameters
    ----------
    text : matplotlib.text.Text
        A horizontal text placed in data coordinates.
    points_per_unit : float
        Typographic points per data unit (an equal-aspect axes).
    """
    lines = text.get_text().split("\n")
    prop = text.get_fontproperties()
    size = prop.get_size_in_points()
    width = text_width(text)
    height = size * (1 + LINE_SPACING * (len(lines) - 1))
    patch = text.get_bbox_patch()
    pad = size * 0.15 if patch is not None else 0.0
    ha, va = text.get_horizontalalignment(), text.get_verticalalignment()
    x0 = {"left": 0.0, "center": -0.5 * width, "right": -width}[ha] - pad
    y0 = {"bottom": 0.0, "baseline": -0.2 * size, "center": -0.5 * height,
          "center_baseline": -0.5 * height, "top": -height}[va] - pad
    x, y = text.get_position()
    k = 1.0 / points_per_unit
    return np.array([x + x0 * k, y + y0 * k, x + (x0 + width + 2 * pad) * k,
                     y + (y0 + height + 2 * pad) * k])


def _overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _covers(box, points):
    return bool(np.any((points[:, 0] > box[0]) & (points[:, 0] < box[2])
                       & (points[:, 1] > box[1]) & (points[:, 1] < box[3])))


def _offsets(width, height):
    """Offsets (data units) to try, nearest first."""
    steps = [0.0] + [s * k for k in range(1, TRIES + 1) for s in (1.0, -1.0)]
    tried = [(dx * width, dy * height) for dx, dy in
             itertools.product((0.0, -0.2, 0.2, -0.4, 0.4, -0.6, 0.6, -0.9, 0.9, -1.2, 1.2), steps)]
    return sorted(tried, key=lambda o: np.hypot(o[0], 1.5 * o[1]))


def place_labels(ax, movable, fixed, avoid, points_per_unit, keep_off=()):
    """Move the ``movable`` texts of ``ax`` so no two labels overlap.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes holding the texts (positions in data units, equal aspect).
    movable : sequence of matplotlib.text.Text
        Texts that may move, most important first.
    fixed : sequence of matplotlib.text.Text
        Texts that stay where they are; movable ones keep off them.
    avoid : ndarray (n, 2)
        Points in data units (e.g. along the body) a label keeps off where
        it can; a label with no such place only keeps off the other labels.
    points_per_unit : float
        Typographic points per data unit.
    keep_off : sequence of (x0, y0, x1, y1)
        Boxes in data units (e.g. a scale bar) that labels keep off, as they
        keep off the ``fixed`` texts.

    Returns
    -------
    list of matplotlib.text.Text
        The movable texts that found no free place (left where they were).
    """
    gap = GAP_PT / points_per_unit
    (fx0, fx1), (fy0, fy1) = ax.get_xlim(), ax.get_ylim()
    taken = [np.asarray(b, float) + [-gap, -gap, gap, gap]
             for b in [text_box(t, points_per_unit) for t in _shown(fixed)] + list(keep_off)]
    points = np.asarray(avoid, float).reshape(-1, 2)
    stuck = []
    for text in _shown(movable):
        box = text_box(text, points_per_unit)
        free = None
        for strict in (True, False):
            for dx, dy in _offsets(box[2] - box[0], box[3] - box[1] + gap):
                moved = box + [dx, dy, dx, dy]
                inside = moved[0] >= fx0 and moved[2] <= fx1 and moved[1] >= fy0 and moved[3] <= fy1
                if (inside and not any(_overlaps(moved, b) for b in taken)
                        and not (strict and _covers(moved, points))):
                    free = dx, dy
                    break
            if free:
                break
        if free is None:
            stuck.append(text)
        dx, dy = free or (0.0, 0.0)
        if dx or dy:
            x, y = text.get_position()
            text.set_position((x + dx, y + dy))
        taken.append(box + [dx - gap, dy - gap, dx + gap, dy + gap])
    return stuck
