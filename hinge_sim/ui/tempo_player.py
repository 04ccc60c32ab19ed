"""Tempo player: one rep at a coaching tempo, played at real speed.

The moments and disc loads over time, with a cursor. After each change of
tempo, load or bracing the figure is drawn at the frame shown at once (the
poster), and the whole rep's frames are rendered once, when the browser asks
for them; the browser then plays them by itself
(:class:`~hinge_sim.ui.player.FramePlayer`), so playing costs the kernel
nothing, and a pause or a scrub tells it the frame for the words below.

Usage
-----
1. ``from hinge_sim.ui import TempoPlayer``
2. ``tp = TempoPlayer(tempo="3-1-1-0")``; end a cell with ``tp``.
3. From Python: ``tp.controls["tempo"].value = "2-0-X-1"``; ``tp.goto(1.5)``; ``tp.summary``;
   ``tp.player.index`` is the frame shown (when paused).
"""
import ipywidgets as widgets
import numpy as np

from ..model import presets
from ..model.analysis import simulate
from ..model.limits import check
from ..model.motion import parse_tempo, phase_names
from ..model.units import body_weights
from ..viz import BREATHING, RepPlot, StickFigure, frame, new_figure
from ..viz.numbers import moment, number
from . import controls
from .controls import limit_slider
from .panel import PROJECTOR_FONT_PX, Panel
from .player import FONT_PX, FramePlayer, frame_label


class TempoPlayer(Panel):
    """Play a rep from ``top`` to ``bottom`` and back at a tempo.

    Parameters
    ----------
    lifter : str
        A name in :data:`hinge_sim.presets.LIFTERS`.
    top, bottom : str
        Names in :data:`hinge_sim.presets.POSTURES`.
    tempo : str
        Coaching notation, e.g. "3-1-1-0" or "31X0".
    exercise : str
        A name in :data:`hinge_sim.presets.EXERCISES` (a deadlift starts and
        ends with the plates on the floor at the bottom posture's knee bend).
    load : float
        Load (kg, or lb with ``units="lb"``).
    bracing : float
        0 relaxed to 1 full brace.
    fps : float
        Frames per second of the rep and of playback (10 to 60).
    style : {"default", "projector", "high contrast"}
    units : {"kg", "lb"}
    dpi : float, optional
    layout : {"stack", "side"}
        ``"stack"``: the controls above the figure; ``"side"``: the tempo and
        the buttons, then tabs (the peaks, the load) beside the figure (under
        it on a narrow page).
    """

    def __init__(self, lifter="average man", top="standing", bottom="textbook hinge",
                 tempo="3-1-1-0", exercise="RDL", load=40.0, bracing=0.0, fps=30,
                 style="default", units="kg", dpi=None, layout="stack"):
        self._open(lifter, fps, style, dpi, layout)
        self.top, self.bottom = presets.posture(top), presets.posture(bottom)
        self.exercise = controls.exercise_menu(exercise).value
        self.controls = {
            # as wide as its column: the whole tempo shows ("3-1-1-0", not "3-")
            "tempo": widgets.Text(value=tempo, description="tempo", continuous_update=False,
                                  placeholder="3-1-1-0", style=controls.WIDE,
                                  layout=widgets.Layout(**controls.LAYOUT),
                                  tooltip="lowering - bottom pause - rising - top pause (s); "
                                          "X = explosive"),
            "bracing": limit_slider("bracing", "bracing (0-1)", bracing, 0.05),
            "load": controls.load_slider(load if units == "kg" else controls.load_kg(load, units),
                                         units),
            "units": controls.units_toggle(units),
            "reset": self._reset_button(),
        }
        c = self.controls
        self._lay_out({"tempo": None, "bracing": None, "load": None, "units": self._on_units},
                      [widgets.HTML("<b>Tempo</b> lowering-pause-rising-pause (s)"), c["tempo"],
                       c["reset"]],
                      ("Load", [widgets.HTML("<b>Load</b>"), c["load"], c["units"],
                                c["bracing"]]),
                      "hinge-tempo-player", style, layout, "rep")

    def _open(self, lifter, fps, style, dpi, layout):
        """What every player starts with: the panel, the lifter, the figure and an empty rep.

        The Swing player (:class:`~hinge_sim.ui.swing_player.SwingPlayer`) shares it, and
        :meth:`_lay_out`, with its own controls between the two.
        """
        Panel.__init__(self, dpi)
        self._check_layout(layout)
        self.fps = float(check("playback fps", fps, label="fps"))
        self.body = presets.lifter(lifter)
        self._build_view(style)
        self.rep = None
        self.summary = {}
        self.warning = ""

    def _lay_out(self, observed, first, second, name, style, layout, what):
        """Wire ``self.controls`` and lay the player out; then draw the starting rep.

        Parameters
        ----------
        observed : dict
            Control name -> its callback, or None for a plain redraw.
        first : list of widgets
            The heading, the timing control and Reset: always in sight.
        second : (str, list of widgets)
            The tab's name and its heading and controls (the load, the bracing).
        name : str
            The panel's CSS class.
        style, layout : str
            As the player's parameters.
        what : str
            "rep" or "swing", for the message when the start is not possible.
        """
        for control, fn in observed.items():
            self._observe(self.controls[control], fn)
        self.player.observe(self._callback(lambda change: self._show_frame()), names="index")
        self._remember_start()
        self.summary_html = widgets.HTML()
        self.summary_html.add_class("hinge-summary")
        tab, box = second
        if layout == "side":  # the timing and Reset first; the peaks and the load as tabs
            self.widget = self._side_by_side(
                [self.player, self.message_html, self.readout_html],
                first + [controls.tabs([("Peaks", [self.summary_html]), (tab, box[1:])])])
        else:
            self.widget = widgets.VBox([controls.columns([first, box], style),
                                        self.player, self.message_html, self.readout_html,
                                        self.summary_html])
        self._dress(self.widget, name, style)
        if not self.refresh():
            raise ValueError(f"the starting {what} is not possible: {self.message}")

    def _build_view(self, style):
        """The figure (the lifter beside the rep plot) and the frame player that shows it."""
        self.fig = new_figure(style)
        stick_ax = self.fig.add_axes((0.0, 0.02, 0.36, 0.92))
        gs = self.fig.add_gridspec(1, 1, left=0.44, right=0.985, top=0.86, bottom=0.11)
        self.stick = StickFigure(stick_ax, style)
        self.plot = RepPlot(gs[0], style)
        self.player = FramePlayer(times=[0.0], source=self._frames,
                                  alt="The lifter, and the moments and disc loads over the rep",
                                  font_px=PROJECTOR_FONT_PX if style == "projector" else FONT_PX)

    # -- public --------------------------------------------------------
    def goto(self, t):
        """Show the rep at time ``t`` (s), the nearest frame."""
        n = len(self.rep.t)
        if not 0 <= t <= self.rep.t[-1]:
            raise ValueError(f"t = {t!r} s is outside the rep, 0 to {self.rep.t[-1]:g} s")
        self.player.index = int(min(round(t * self.fps), n - 1))
        return self

    def refresh(self):
        """Recompute and redraw the frame shown; the rep's frames are made again on demand."""
        done = super().refresh()
        if done:
            self.player.invalidate(self.png, self.rep.t.tolist(),
                                   [frame_label(t, p, phase_names(self.rep))
                                    for t, p in zip(self.rep.t, self.rep.phase)])
        return done

    # -- callbacks -----------------------------------------------------

    def _compute(self):
        tempo = self.controls["tempo"].value
        parse_tempo(tempo)  # a plain ValueError for bad notation
        load = presets.load(self.exercise, self.load_kg)
        bottom = presets.posture_for(self.exercise, self.body, load, self.bottom)
        rep = simulate(self.body, self.top, bottom, tempo, load, fps=self.fps,
                       bracing=self.controls["bracing"].value)
        reasons = rep.messages()
        if reasons:  # a pose on the way is out of reach, not only a fast shift of weight
            bad = rep.t[np.any(np.stack(list(rep.problems.values())), axis=0)]
            return (f"This rep is not possible from {bad[0]:.1f} s: " + "; ".join(reasons)
                    + ". The figure shows the last possible rep.")
        outside = ~np.asarray(rep.balanced)
        self.warning = ("" if not outside.any() else
                        f"Too fast to stay balanced: from {rep.t[outside][0]:.1f} s the push on "
                        "the floor leaves the foot, so the lifter would rock or step. "
                        "Try a slower tempo.")
        self.rep, self.summary = rep, rep.summary()
        return None

    def _draw(self):
        self.plot.update(self.rep)
        if getattr(self, "renderer", None) is not None:
            self.renderer.invalidate()  # axes limits and phase shading changed
        self.summary_html.value = self._summary_html()
        return self._frame_words(self._draw_frame(min(self.player.index, len(self.rep.t) - 1)))

    def _show_frame(self):
        """The player shows another frame (paused or scrubbed): its words, and its picture.

        The browser already holds the picture when the frames are made (``self.png``
        takes it from there); until then the kernel draws it (the poster).
        """
        if self.rep is None or self.player.index >= len(self.rep.t):
            return
        i = self.player.index
        self._set_readout(self._frame_words(i))
        if not self.player.stale:
            self.png = self.player.frames[i]
            return
        self._draw_frame(i)
        self._render()

    def _after_reset(self):
        """Reset also stops the rep and shows its first frame, playing once (no loop)."""
        self.player.playing = False
        self.player.loop = False
        self.player.index = 0

    def _show(self, png):
        self.player.poster = png

    def _frames(self):
        """Every frame of the rep as PNG bytes (the player's source), back at the frame shown."""
        pngs = []
        for i in range(len(self.rep.t)):
            self._draw_frame(i)
            pngs.append(self.renderer.png(self.dpi))
        self._draw_frame(self.player.index)
        return pngs

    def _caption(self):
        """The line above the lifter: the exercise and its load."""
        return controls.caption(self.exercise, self.load_kg, self.controls["units"].value,
                                self.body.mass)

    def _draw_frame(self, i):
        self.stick.update(frame(self.rep, i), overlays=("com", "midfoot"), load_kind=self.exercise,
                          caption=self._caption())
        self.plot.set_cursor(self.rep.t[i])
        return i

    def _frame_words(self, i):
        r, s = self.rep, self.summary
        phase = phase_names(r)[int(r.phase[i])]
        words = (f"{r.t[i]:.2f} s of {s['duration']:.1f} s: {phase}, {BREATHING[phase]}. "
                 f"Hip moment {moment(r.moments['hip'][i])}, L5/S1 compression "
                 f"{number(r.disc['compression'][i])} N.")
        return f"{words}\n{self.warning}" if self.warning else words

    def _summary_html(self):
        s = self.summary
        hip, lumbar = s["hip positive work"], s["lumbar positive work"]
        share = hip / (hip + lumbar) if hip + lumbar > 0 else 0.0

        def force(name):
            value = s[name]
            return f"{value:.0f} N ({body_weights(value, self.body.mass):.1f} × body weight)"
        rows = [("time under tension", f"{s['time under tension']:.1f} s"),
                ("peak L5/S1 compression", force("peak compression")),
                ("peak L5/S1 shear", force("peak shear")),
                ("peak hip moment", f"{s['peak hip moment']:.0f} N·m"),
                ("peak L5/S1 moment", f"{s['peak l5s1 moment']:.0f} N·m"),
                ("work on the way up", f"hips {hip:.0f} J, lower back {lumbar:.0f} J "
                                       f"(hips {share * 100:.0f}%)")]
        if "rise" in s:  # an X rise: as fast as the load allows
            rows.append(("X rise", f"{s['rise']:.1f} s: the load is "
                                   f"{s['share of maximum load'] * 100:.0f}% of this lifter's "
                                   "maximum"))
        body = "".join(f"<tr><td>{a}</td><td><b>{b}</b></td></tr>" for a, b in rows)
        return f"<table class='hinge-table'>{body}</table>"
