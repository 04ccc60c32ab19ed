"""Swing player: one kettlebell swing cycle, played at real speed.

The Tempo player's view and frame player (:class:`~hinge_sim.ui.tempo_player.TempoPlayer`)
around :func:`hinge_sim.model.swing.swing` instead of a rep at a tempo: the
lifter swinging the bell, the moments and disc loads over the cycle with a
cursor, and the cycle's peaks.

Usage
-----
1. ``from hinge_sim.ui.swing_player import SwingPlayer``
2. ``sp = SwingPlayer(bell=16)``; end a cell with ``sp``.
3. From Python: ``sp.controls["bell"].value = 24``; ``sp.goto(0.55)``; ``sp.summary``;
   ``sp.rep`` is the :class:`~hinge_sim.model.swing.Swing` shown.
"""
import ipywidgets as widgets

from ..model import constants
from ..model.swing import swing
from . import controls
from .controls import limit_slider
from .tempo_player import TempoPlayer


class SwingPlayer(TempoPlayer):
    """Play a two-handed kettlebell swing, top to top.

    Parameters
    ----------
    lifter : str
        A name in :data:`hinge_sim.presets.LIFTERS`.
    bell : float
        Kettlebell mass (kg), 0 to 48.
    period : float
        One swing, top to top (s), 0.8 to 2.
    bracing : float
        0 relaxed to 1 full brace.
    fps : float
        Frames per second of the cycle and of playback (10 to 60).
    style : {"default", "projector", "high contrast"}
    units : {"kg", "lb"}
        How the caption shows the bell.
    dpi : float, optional
    layout : {"stack", "side"}
    """

    def __init__(self, lifter="average man", bell=constants.SWING_BELL,
                 period=constants.SWING_PERIOD, bracing=0.0, fps=30, style="default",
                 units="kg", dpi=None, layout="stack"):
        self._open(lifter, fps, style, dpi, layout)
        self.exercise = "kettlebell"
        self.controls = {
            "bell": limit_slider("swing bell", "bell (kg)", bell, 2.0, fmt=".0f"),
            "period": limit_slider("swing period", "one swing (s)", period, 0.05),
            "bracing": limit_slider("bracing", "bracing (0-1)", bracing, 0.05),
            "units": controls.units_toggle(units),
            "reset": self._reset_button(),
        }
        c = self.controls
        self._lay_out(dict.fromkeys(("bell", "period", "bracing", "units")),
                      [widgets.HTML("<b>Swing</b> top to top"), c["period"], c["reset"]],
                      ("Bell", [widgets.HTML("<b>Bell</b>"), c["bell"], c["units"],
                                c["bracing"]]),
                      "hinge-swing-player", style, layout, "swing")

    @property
    def load_kg(self):
        """The bell (kg)."""
        return float(self.controls["bell"].value)

    def _caption(self):
        """The line above the lifter: "swing", the bell and its share of body weight."""
        return controls.caption("swing", self.load_kg, self.controls["units"].value,
                                self.body.mass)

    def _compute(self):
        rep = swing(self.body, bell=self.load_kg, period=self.controls["period"].value,
                    fps=self.fps, bracing=self.controls["bracing"].value)
        reasons = rep.messages()
        if reasons:
            return "This swing is not possible: " + "; ".join(reasons) + "."
        self.warning = ("" if rep.balanced.all() else
                        "The push on the floor leaves the foot in part of this swing.")
        self.rep, self.summary = rep, rep.summary()
        return None
