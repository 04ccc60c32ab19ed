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
import numpy as np

from ..model import constants
from ..model.demands import LIMITS
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
        said = limit_words(rep, self.body, self.load_kg)
        outside = ~rep.balanced & ~rep.beyond["lift-off"]
        if outside.any():
            said.append("The push on the floor leaves the foot in part of this swing.")
        self.warning = "\n".join(said)
        self.rep, self.summary = rep, rep.summary()
        return None

    def _frame_words(self, i):
        """The Tempo player's words for frame ``i``, and what this instant asks that cannot be."""
        words = super()._frame_words(i)
        here = [NOW[name] for name in LIMITS if self.rep.beyond[name][i]]
        if not here:
            return words
        first, _, rest = words.partition("\n")
        return f"{first}\nHere {' and '.join(here)}." + (f"\n{rest}" if rest else "")


NOW = {"lift-off": "the floor would have to pull the feet down",
       "slip": "the feet would slide", "strength": "the lifter is not strong enough"}
"""What a flagged frame asks, in a coach's words (:data:`hinge_sim.model.demands.LIMITS`)."""
JOINT_WORDS = {"l5s1": "a lower back", "hip": "hips", "knee": "knees", "ankle": "ankles",
               "shoulder": "shoulders"}


def _who(body):
    """Whose strength the shares count, in words."""
    people = "men" if body.sex == "male" else "women"
    return f"trained {people} lifters" if body.strength == "trained" else \
        f"{people} of a working population"


def _percent(share):
    """The share of lifters that is not strong enough, as words ("99.4 %")."""
    return f"{min(100.0 * (1.0 - share), 99.9):.1f} %"


def _spans(t, flag):
    """The times a flag holds, as words: "0.00-0.12 s and 0.70-0.80 s"."""
    edges = np.flatnonzero(np.diff(np.r_[0, flag.astype(int), 0]))
    runs = [f"{t[a]:.2f}-{t[b - 1]:.2f} s" for a, b in zip(edges[::2], edges[1::2])]
    return " and ".join(runs)


def limit_words(rep, body, bell):
    """What a swing asks that the floor or the lifter cannot give, in a coach's words.

    Parameters
    ----------
    rep : Swing
        Its ``beyond`` flags, ``shares``, ``grf`` (N) and ``t`` (s) are said.
    body : Body
    bell : float
        The bell (kg).

    Returns
    -------
    list of str
        One sentence per limit reached, in :data:`~hinge_sim.model.demands.LIMITS`'s
        order; empty when the swing asks nothing impossible.
    """
    t, fx, fy = rep.t, rep.grf[:, 0], rep.grf[:, 1]
    period = float(t[-1])
    flags = rep.beyond
    out = []
    if flags["lift-off"].any():
        out.append(f"A {bell:g} kg bell at a {period:.2f} s swing would pull the lifter off the "
                   f"floor and off balance: at {_spans(t, flags['lift-off'])} the floor would "
                   f"have to pull the feet down (up to {-fy.min():.0f} N), and a floor can only "
                   "push. Slow the swing or take a lighter bell.")
    if flags["slip"].any():
        i = int(np.flatnonzero(flags["slip"])[np.argmax(np.abs(fx[flags["slip"]]))])
        way = "forwards" if fx[i] > 0 else "backwards"
        out.append(f"The feet would slide: at {t[i]:.2f} s the swing needs the floor to push "
                   f"{abs(fx[i]):.0f} N {way} while the feet press down with only {fy[i]:.0f} N, "
                   f"more than shoes grip (about {constants.SHOE_FLOOR_FRICTION:g} times the "
                   "push down).")
    if flags["strength"].any():
        weak = []
        for joint, share in rep.shares.items():
            low = np.nan_to_num(share, nan=1.0)
            if low.min() < constants.STRENGTH_FLAG_SHARE:
                i = int(np.argmin(low))
                weak.append(f"{JOINT_WORDS[joint]} stronger than {_percent(low[i])} of them have "
                            f"(at {t[i]:.2f} s)")
        out.append(f"It needs more strength than nearly all {_who(body)} have: "
                   + ", ".join(weak) + ".")
    if out:
        out.append("This is the model's swing: every bell follows the same path set in "
                   "advance, at the pace chosen, with the arms driving the bell (a real "
                   "lifter's arms ride it). A lifter who meets this limit swings slower or "
                   "lower.")
    return out
