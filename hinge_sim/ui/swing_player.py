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

from ..model import constants, presets
from ..model.limits import check
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
        super(TempoPlayer, self).__init__(dpi)  # the Panel: this player has its own controls
        self._check_layout(layout)
        self.fps = float(check("playback fps", fps, label="fps"))
        self.body = presets.lifter(lifter)
        self.exercise = "kettlebell"
        self._build_view(style)
        self.controls = {
            "bell": limit_slider("swing bell", "bell (kg)", bell, 2.0, fmt=".0f"),
            "period": limit_slider("swing period", "one swing (s)", period, 0.05),
            "bracing": limit_slider("bracing", "bracing (0-1)", bracing, 0.05),
            "units": controls.units_toggle(units),
            "reset": self._reset_button(),
        }
        self.rep = None
        self.summary = {}
        self.warning = ""
        for name in ("bell", "period", "bracing", "units"):
            self._observe(self.controls[name])
        self.player.observe(self._callback(lambda change: self._show_frame()), names="index")
        self._remember_start()
        c = self.controls
        swing_box = [widgets.HTML("<b>Swing</b> top to top"), c["period"], c["reset"]]
        bell_box = [widgets.HTML("<b>Bell</b>"), c["bell"], c["units"], c["bracing"]]
        self.summary_html = widgets.HTML()
        self.summary_html.add_class("hinge-summary")
        if layout == "side":
            self.widget = self._side_by_side(
                [self.player, self.message_html, self.readout_html],
                swing_box + [controls.tabs([("Peaks", [self.summary_html]),
                                            ("Bell", bell_box[1:])])])
        else:
            self.widget = widgets.VBox([controls.columns([swing_box, bell_box], style),
                                        self.player, self.message_html, self.readout_html,
                                        self.summary_html])
        self._dress(self.widget, "hinge-swing-player", style)
        if not self.refresh():
            raise ValueError(f"the starting swing is not possible: {self.message}")

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
