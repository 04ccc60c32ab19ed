"""Grabbing the lifter on the picture: which joint is under the pointer, and where it goes.

Pure geometry, no widgets (``hinge_sim.ui.grab`` binds it to pointer events). A
learner presses near the hip, a knee, the bar or the lower back and drags; each
handle moves one posture control, and the control's new value is the one whose
pose puts the handle nearest the pointer, found over the control's whole range
at once (the model takes arrays, so one ``analyze`` call tries every value).

Usage
-----
1. ``point = pixel_to_data(stick_ax, x_px, y_px, png_size)``: a PNG pixel (origin
   top left) to metres on the stick figure's axes.
2. ``name = handle_at(result, point)``: "hip", "knee", "bar", "back" or None.
3. ``value = dragged_value(name, body, posture, load, point)``: the control's new value.
4. ``low, high = reach(name, body, posture, load)``: how far the control can go in a
   pose the lifter can take (the keyboard's Home and End, ``hinge_sim.ui.keys``).
"""
import dataclasses

import numpy as np

from ..model import analyze
from ..model.limits import LIMITS

#: handle -> (landmark it is drawn at, posture field it moves); the lower back is
#: held at its middle lumbar joint (the third of the five, L3/L4)
HANDLES = {"hip": ("hip", "hip"), "knee": ("knee", "knee"), "bar": ("bar", "bar"),
           "back": ("lumbar", "lumbar")}
BACK_JOINT = 2
REACH = 0.08  # m: a press this close to a handle grabs it [A]
TRIES = 321   # values tried over a control's range: 0.5 deg steps over 160 deg [A]


def handle_point(result, name):
    """Where handle ``name`` sits (m): (..., 2), for each posture of ``result``."""
    mark, _ = HANDLES[name]
    point = np.asarray(result.points[mark], float)
    return point[..., BACK_JOINT, :] if mark == "lumbar" else point


def pixel_to_data(ax, x_px, y_px, png_size):
    """A pixel of the rendered PNG to data coordinates (m) of ``ax``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The stick figure's axes.
    x_px, y_px : float
        Pixel in the PNG, from its top left corner (as the browser reports it).
    png_size : (int, int)
        The PNG's width and height in pixels.

    Returns
    -------
    ndarray
        (x, y) in m.
    """
    fig = ax.figure
    width_px, height_px = png_size
    width_in, height_in = fig.get_size_inches()
    sx, sy = width_in * fig.dpi / width_px, height_in * fig.dpi / height_px
    display = (float(x_px) * sx, (height_px - float(y_px)) * sy)
    return ax.transData.inverted().transform(display)


def data_to_pixel(ax, point, png_size):
    """The inverse of :func:`pixel_to_data`: metres on ``ax`` to a PNG pixel (x, y)."""
    fig = ax.figure
    width_px, height_px = png_size
    width_in, height_in = fig.get_size_inches()
    x, y = ax.transData.transform(np.asarray(point, float))
    return np.array([x * width_px / (width_in * fig.dpi),
                     height_px - y * height_px / (height_in * fig.dpi)])


def handle_at(result, point, reach=REACH):
    """The handle nearest ``point`` within ``reach``, or None.

    Parameters
    ----------
    result : Result
        The still posture drawn.
    point : array_like
        (x, y) in m.
    reach : float
        Largest distance (m) that still grabs.
    """
    point = np.asarray(point, float)
    distance = {name: float(np.hypot(*(handle_point(result, name) - point)))
                for name in HANDLES}
    name = min(distance, key=distance.get)
    return name if distance[name] <= reach else None


def _tried(name, body, posture, load, bracing):
    """Every value tried over handle ``name``'s control, and the poses they give."""
    if name not in HANDLES:
        raise ValueError(f"handle = {name!r} is not a handle; choose from {list(HANDLES)}")
    field = HANDLES[name][1]
    limit = LIMITS[field]
    values = np.linspace(limit.low, limit.high, TRIES)
    tried = dataclasses.replace(posture, **{field: values})
    return values, analyze(body, tried, load, bracing)


def dragged_value(name, body, posture, load, point, bracing=0.0):
    """The value of handle ``name``'s control that brings the handle nearest ``point``.

    Parameters
    ----------
    name : str
        A key of :data:`HANDLES`.
    body : Body
    posture : Posture
        The posture before the drag; only the handle's field changes.
    load : Load
    point : array_like
        Where the pointer is, (x, y) in m.
    bracing : float
        As in :func:`hinge_sim.analyze`.

    Returns
    -------
    float
        In the control's unit (deg, or m for the bar), inside its valid range.
    """
    values, result = _tried(name, body, posture, load, bracing)
    miss = np.hypot(*(handle_point(result, name) - np.asarray(point, float)).T)
    miss = np.where(np.asarray(result.balanced, bool), miss, np.inf)  # only poses it can take
    if not np.isfinite(miss).any():
        return float(getattr(posture, HANDLES[name][1]))
    return float(values[int(np.argmin(miss))])


def reach(name, body, posture, load, bracing=0.0):
    """The least and the most of handle ``name``'s control this lifter can take.

    Over the control's valid range (:data:`TRIES` values), the smallest and
    largest whose pose keeps the weight over the foot; the other fields of
    ``posture`` stay. Parameters as in :func:`dragged_value`.

    Returns
    -------
    (float, float) or None
        Low and high, in the control's unit (deg, or m for the bar); None when
        no value of the range can be taken.
    """
    values, result = _tried(name, body, posture, load, bracing)
    can = values[np.asarray(result.balanced, bool)]
    return (float(can.min()), float(can.max())) if can.size else None
