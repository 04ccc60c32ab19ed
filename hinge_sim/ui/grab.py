"""Drag the lifter on the Explorer's figure: hip, knees, bar and lower back.

Pointer events on the figure come from ``ipyevents`` (mouse and touch, in
JupyterLab and Voila); what is under the pointer and where the pose goes is
:mod:`hinge_sim.viz.grab`. The Explorer's sliders follow each drag; the
keys on the focused figure (:mod:`hinge_sim.ui.keys`) make the same changes.

Usage
-----
``Explorer()`` grabs by itself; ``explorer.grab.press(x, y)``, ``.move(x, y)``
and ``.release()`` do from Python what a pointer does (pixels of the PNG).
"""
import struct

from ipyevents import Event

from ..viz.grab import HANDLES, dragged_value, handle_at, pixel_to_data
from .messages import never_raise

MOVE_WAIT_MS = 40  # a drag sends at most 25 moves/s, about one per redraw [A]
PRESS = ["mousedown", "touchstart"]
RELEASE = ["mouseup", "mouseleave", "touchend", "touchcancel"]
MOVE = ["mousemove", "touchmove"]


def png_size(png):
    """Width and height (px) of PNG bytes, from the IHDR chunk."""
    return struct.unpack(">II", png[16:24])


def _event_xy(event):
    """The pointer's pixel in the image (its natural size), mouse or first touch."""
    if "dataX" not in event:
        touches = event.get("changedTouches") or event.get("touches") or []
        event = touches[0] if touches else {}
    if "dataX" not in event:
        return None
    return float(event["dataX"]), float(event["dataY"])


class Grab:
    """Pointer dragging on an Explorer's figure; the sliders follow.

    Parameters
    ----------
    explorer : Explorer
        The panel whose figure is grabbed.

    Attributes
    ----------
    held : str or None
        The handle held now ("hip", "knee", "bar", "back").
    """

    def __init__(self, explorer):
        self.explorer = explorer
        self.held = None
        self.events = [Event(source=explorer.image, watched_events=PRESS + RELEASE,
                             prevent_default_action=True),
                       Event(source=explorer.image, watched_events=MOVE, wait=MOVE_WAIT_MS,
                             throttle_or_debounce="throttle", prevent_default_action=True)]
        for events in self.events:
            events.on_dom_event(never_raise(self._on_event, explorer._show_message))

    def _on_event(self, event):
        xy = _event_xy(event)
        kind = event.get("type")
        if kind in RELEASE:
            self.release()
        elif xy is not None and kind in PRESS:
            self.press(*xy)
        elif xy is not None and kind in MOVE:
            self.move(*xy)

    def _point(self, x_px, y_px):
        ex = self.explorer
        return pixel_to_data(ex.stick.ax, x_px, y_px, png_size(ex.png))

    def press(self, x_px, y_px):
        """Take the handle under pixel (x, y) of the figure, if any; returns its name."""
        ex = self.explorer
        self.held = handle_at(ex.result, self._point(x_px, y_px)) if ex.png else None
        if self.held is not None:
            ex.keys.choose(self.held)  # the arrow keys go on with the handle grabbed
        return self.held

    def move(self, x_px, y_px):
        """Move the held handle to pixel (x, y); its slider takes the new value."""
        if self.held is None:
            return None
        ex = self.explorer
        field = HANDLES[self.held][1]
        value = dragged_value(self.held, ex.body, ex.posture, ex.load,
                              self._point(x_px, y_px), ex.controls["bracing"].value)
        ex.set(**{field: value})
        return float(ex.controls[field].value)

    def release(self):
        """Let go of the handle."""
        self.held = None
