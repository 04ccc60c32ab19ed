"""Pose the lifter from the keyboard, on the Explorer's figure itself.

The figure is in the Tab order, with the panels' focus ring. While it has
focus, a key chooses a handle, and the arrow keys move the chosen handle's
control one slider step a press; the slider follows and the figure redraws, as
when the handle is dragged (:mod:`hinge_sim.ui.grab`). The chosen handle is
ringed on the figure while it has focus.

=====================  ======================================================
H or 1                 the hip (hinge depth)
K or 2                 the knee (knee bend)
B or 3                 the bar (its distance from the midfoot)
L or 4                 the lower back (its rounding)
→ or ↑, ← or ↓         one step more, one step less
Shift with an arrow    ten steps (also Page Up, Page Down)
Home, End              the least, the most the lifter can take
=====================  ======================================================

Usage
-----
``Explorer()`` takes keys by itself; from Python, ``explorer.keys.press("k")``
then ``explorer.keys.press("ArrowRight", shift=True)`` do what those keys do.
"""
import math

from ..viz.grab import HANDLES, reach
from ..viz.numbers import number
from ..viz.stick import CHOSEN_WORDS
from .figure_keys import FigureKeys
from .messages import never_raise

#: key (``KeyboardEvent.key``, letters lower case) -> the handle it chooses
CHOOSE = {"h": "hip", "1": "hip", "k": "knee", "2": "knee", "b": "bar", "3": "bar",
          "l": "back", "4": "back"}
BIG = 10  # slider steps for Shift with an arrow, or Page Up / Page Down [A]
#: key -> slider steps a press moves the chosen control (up is more)
STEPS = {"ArrowRight": 1, "ArrowUp": 1, "ArrowLeft": -1, "ArrowDown": -1,
         "PageUp": BIG, "PageDown": -BIG}
#: key -> which end of what the lifter can take
ENDS = {"Home": 0, "End": 1}
FIRST = "hip"  # the handle chosen when the figure first has focus
LABEL = ("Posable lifter figure. Choose a handle with H for the hip, K the knee, B the bar, "
         "L the lower back (or 1 to 4), then move it with the arrow keys: right or up for "
         "more, left or down for less, Shift for ten steps, Home and End for as far as the "
         "lifter can go.")


def key_action(key, shift=False):
    """What a key does on the figure.

    Parameters
    ----------
    key : str
        ``KeyboardEvent.key`` ("ArrowRight", "h", "H", "Home"...).
    shift : bool
        Whether Shift is held.

    Returns
    -------
    tuple or None
        ``("choose", handle)``, ``("step", n)`` (slider steps, signed) or
        ``("end", 0 | 1)`` (least, most); None for a key the figure leaves alone.
    """
    if not isinstance(key, str):
        raise TypeError(f"key = {key!r} is not a key name (a str such as 'ArrowRight')")
    name = key.lower() if len(key) == 1 else key
    if name in CHOOSE:
        return ("choose", CHOOSE[name])
    if name in STEPS:
        steps = STEPS[name]
        return ("step", steps * BIG if shift and abs(steps) == 1 else steps)
    if name in ENDS:
        return ("end", ENDS[name])
    return None


def stepped(value, steps, step, low, high):
    """``value`` moved ``steps`` slider steps of ``step``, kept inside [low, high].

    Returns
    -------
    float
        Rounded to the slider's grid (a whole number of steps from ``low``).
    """
    if not step > 0:
        raise ValueError(f"step = {step!r} is outside the valid range: more than 0")
    grid = round((float(value) - low) / step) + int(steps)
    return float(min(max(round(low + grid * step, 10), low), high))


def _control_words(slider):
    """A slider's name and value in words, e.g. ("hinge depth", "36°")."""
    name, _, unit = slider.description.partition(" (")
    unit = unit.rstrip(")")
    amount = number(slider.value, 2) if slider.step < 1 else number(slider.value)
    return name, amount + ("°" if unit == "°" else f" {unit}" if unit else "")


class Keys:
    """The keyboard on an Explorer's figure; the sliders follow.

    Parameters
    ----------
    explorer : Explorer
        The panel whose figure is posed.

    Attributes
    ----------
    chosen : str
        The handle the arrow keys move ("hip", "knee", "bar", "back").
    shown : bool
        Whether the chosen handle is ringed on the figure (it has focus).
    widget : FigureKeys
        Placed beside ``explorer.image``, in the same box.
    """

    def __init__(self, explorer):
        self.explorer = explorer
        self.chosen = FIRST
        self.shown = False
        self.widget = FigureKeys(handled=[*CHOOSE, *STEPS, *ENDS], label=LABEL)
        self.widget.add_class("hinge-figure-keys")
        self.widget.on_msg(never_raise(lambda _w, content, _b: self._on_msg(content),
                                       explorer._show_message))
        self._say()

    def _on_msg(self, content):
        if not isinstance(content, dict):
            return
        if "focus" in content:
            self.focus(bool(content["focus"]))
        elif "key" in content:
            self.press(str(content["key"]), bool(content.get("shift")))

    @property
    def field(self):
        """The Explorer control the chosen handle moves ("hip", "knee", "bar", "lumbar")."""
        return HANDLES[self.chosen][1]

    def choose(self, name):
        """Make handle ``name`` the one the arrow keys move (a drag chooses the one grabbed)."""
        if name not in HANDLES:
            raise ValueError(f"handle = {name!r} is not a handle; choose from {list(HANDLES)}")
        if name != self.chosen:
            self.chosen = name
            if self.shown:
                self.explorer.refresh()  # the ring moves to it
        self._say()

    def focus(self, on):
        """The figure gained (True) or lost focus: ring the chosen handle, or stop."""
        if bool(on) != self.shown:
            self.shown = bool(on)
            self.explorer.refresh()
        self._say()

    def press(self, key, shift=False):
        """Do what ``key`` does on the figure (see the table above).

        Returns
        -------
        float or None
            The chosen control's value after the key; None for a key the
            figure leaves alone.
        """
        action = key_action(key, shift)
        if action is None:
            return None
        ex, (kind, arg) = self.explorer, action
        self.shown = True
        if kind == "choose":
            self.chosen = arg
            ex.refresh()  # the ring moves to the handle chosen
        elif not ex.controls[self.field].disabled:
            slider = ex.controls[self.field]
            value = self._moved(slider, kind, arg)
            if value != slider.value:
                ex.set(**{self.field: value})
            else:
                ex.refresh()  # the ring shows even when nothing moves
        self._say()
        return float(ex.controls[self.field].value)

    def _moved(self, slider, kind, arg):
        if kind == "step":
            return stepped(slider.value, arg, slider.step, slider.min, slider.max)
        ex = self.explorer
        if ex.result is None:
            return slider.value
        ends = reach(self.chosen, ex.body, ex.posture, ex.load, ex.controls["bracing"].value)
        if ends is None:
            return slider.value
        # the slider's grid value nearest the end, on the side the lifter can take
        steps = (ends[arg] - slider.min) / slider.step
        steps = math.ceil(steps - 1e-9) if arg == 0 else math.floor(steps + 1e-9)
        return stepped(slider.min, steps, slider.step, slider.min, slider.max)

    def _say(self):
        """The status line: the handle chosen and its control's value."""
        slider = self.explorer.controls[self.field]
        name, amount = _control_words(slider)
        handle = CHOSEN_WORDS[self.chosen]
        if slider.disabled:
            self.widget.status = (f"{handle.capitalize()} chosen: the {name} follows the knees "
                                  "here; K chooses the knee.")
        else:
            self.widget.status = (f"{handle.capitalize()} chosen: {name} {amount}. Arrows move "
                                  "it, Shift ten steps; H, K, B, L choose another handle.")
