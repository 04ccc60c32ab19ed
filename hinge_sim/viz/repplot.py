"""Moments and disc loads over one rep, phases shaded, breathing cues, a cursor.

Usage
-----
1. ``fig = matplotlib.figure.Figure(); rp = RepPlot(fig, "default")``
2. ``rp.update(rep)``; ``rp.set_cursor(1.5)`` (s).
"""
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.transforms import blended_transform_factory

from ..model.constants import COMPRESSION_LIMITS, SHEAR_LIMITS
from ..model.motion import PHASES, phase_names
from .styles import LABEL_BOX, ZONES, get_style

# Breathing cue per phase (index into hinge_sim.motion.PHASES), in the order the
# coaching article teaches [V: seeds/000, "inhale on setup, brace the core, and exhale
# gradually through the concentric phase"]: the breath and the brace are taken at the
# top, before the rep (the top pause is the set-up of the next rep), held through the
# lowering and the bottom, and let out through the rise.
BREATHING = {"lowering": "hold breath & brace", "bottom pause": "hold",
             "rising": "exhale", "top pause": "inhale & brace",
             # a kettlebell swing (hinge_sim.model.swing.SWING_PHASES): a short breath in as
             # the bell drops, a sharp breath out with the hip snap, the abdominal pulse of
             # McGill & Marshall 2012 [A: common swing coaching, the pairing with the phases]
             "backswing": "breathe in & brace", "bottom": "brace",
             "upswing": "exhale at the hip snap", "top": "breathe in"}
PHASE_FILL = {"lowering": "#d6ebf7", "bottom pause": "#e6e6e6", "rising": "#fbe9c6",
              "top pause": "#f4f4f4"}
PHASE_HATCH = {"lowering": "", "bottom pause": "..", "rising": "", "top pause": ".."}
MOMENT_LINES = (("hip", "hip", "-"), ("knee", "knee", "--"), ("l5s1", "L5/S1", ":"))
DISC_LINES = (("compression", "compression", "-"), ("shear", "shear", "--"))


def phase_spans(rep):
    """(phase name, start s, end s) of each phase that lasts, in order."""
    t, ph = np.asarray(rep.t), np.asarray(rep.phase)
    dt = t[1] - t[0] if len(t) > 1 else 0.0
    out = []
    for k, name in enumerate(PHASES):
        sel = t[ph == k]
        if len(sel):
            start = sel[0] - dt if k and sel[0] > 0 else sel[0]
            if sel[-1] > start:
                out.append((name, start, sel[-1]))
    return out


class RepPlot:
    """Two stacked plots over a rep: joint moments and L5/S1 loads.

    Parameters
    ----------
    fig_or_axes : matplotlib.figure.Figure or SubplotSpec or pair of Axes
        Where to draw: a Figure (or a subplot spec inside one) gets two
        stacked Axes; or pass two Axes.
    style : str or dict
        A name in :data:`hinge_sim.viz.styles.STYLES`.
    """

    def __init__(self, fig_or_axes, style="default"):
        self.style = s = get_style(style)
        roles = s["roles"]  # colours of the things drawn, by role
        if isinstance(fig_or_axes, Figure):
            axes = fig_or_axes.subplots(2, 1, sharex=True)
        elif hasattr(fig_or_axes, "subgridspec"):
            gs = fig_or_axes.subgridspec(2, 1, hspace=0.12)
            fig = fig_or_axes.get_gridspec().figure
            top = fig.add_subplot(gs[0])
            axes = (top, fig.add_subplot(gs[1], sharex=top))
        else:
            axes = tuple(fig_or_axes)
        self.axes = self.ax_moment, self.ax_disc = axes
        self.lines = {}
        for ax, spec, ylabel in ((self.ax_moment, MOMENT_LINES, "moment (N·m)"),
                                 (self.ax_disc, DISC_LINES, "L5/S1 load (N)")):
            for key, label, ls in spec:
                self.lines[key] = ax.plot([], [], ls=ls, color=roles[key], lw=s["line"] * 0.7,
                                          label=label)[0]
            ax.set_ylabel(ylabel, fontsize=s["font"])
            ax.tick_params(labelsize=s["small"], width=s["thin"])
            ax.legend(loc="upper right", fontsize=s["small"], framealpha=0.9,
                      ncol=len(spec), handlelength=2.5)
            ax.grid(alpha=0.3)
        self.ax_moment.tick_params(labelbottom=False)
        for (lo, hi), key in ((COMPRESSION_LIMITS, "compression"), (SHEAR_LIMITS, "shear")):
            for lim, ls in ((lo, (0, (4, 2))), (hi, "-")):
                self.ax_disc.axhline(lim, color=roles[key], lw=s["thin"], ls=ls, alpha=0.6)
        # at the start of the rep: standing, the compression curve is at its lowest there
        # both compression lines named; the upper one only shows when the rep reaches it
        limits_at_left = blended_transform_factory(self.ax_disc.transAxes, self.ax_disc.transData)
        for limit, name in zip(COMPRESSION_LIMITS, ("action limit", "maximum")):
            self.ax_disc.text(0.01, limit, f" {limit:.0f} N {name}", fontsize=s["small"],
                              ha="left", va="bottom", color=roles["compression"],
                              bbox=LABEL_BOX, zorder=3, clip_on=True,
                              transform=limits_at_left)
        self.ax_disc.set_xlabel("time (s)", fontsize=s["font"])
        self.spans, self.cues = {}, {}
        for ax in self.axes:
            tr = blended_transform_factory(ax.transData, ax.transAxes)
            for name in PHASES:
                r = Rectangle((0, 0), 0, 1, transform=tr, fc=PHASE_FILL[name],
                              hatch=PHASE_HATCH[name], ec="#bbbbbb", lw=0, zorder=0)
                ax.add_patch(r)
                self.spans.setdefault(name, []).append(r)
        tr = blended_transform_factory(self.ax_moment.transData, self.ax_moment.transAxes)
        for name in PHASES:
            self.cues[name] = self.ax_moment.text(0, 1.02, "", transform=tr, ha="center",
                                                  va="bottom", fontsize=s["small"])
        self.cursor = [ax.axvline(0, color="black", lw=s["thin"] * 1.5, visible=False,
                                  animated=True) for ax in self.axes]  # moves without a full redraw
        self.beyond = []  # the hatched spans of frames the floor or the lifter cannot give

    def update(self, rep):
        """Show a rep from :func:`hinge_sim.simulate`."""
        t = np.asarray(rep.t)
        for key, _, _ in MOMENT_LINES:
            self.lines[key].set_data(t, rep.moments[key])
        for key, _, _ in DISC_LINES:
            self.lines[key].set_data(t, np.abs(rep.disc[key]))
        self.ax_moment.set_xlim(0, max(t[-1], 1e-3))
        m = np.concatenate([np.asarray(rep.moments[k]) for k, _, _ in MOMENT_LINES])
        self.ax_moment.set_ylim(min(m.min(), 0) * 1.15 - 10, max(m.max(), 0) * 1.35 + 10)
        self.ax_disc.set_ylim(0, max(np.abs(rep.disc["compression"]).max() * 1.35,
                                     COMPRESSION_LIMITS[0] * 1.15))
        spans = {name: (a, b) for name, a, b in phase_spans(rep)}
        for name, shown in zip(PHASES, phase_names(rep)):
            a, b = spans.get(name, (0.0, 0.0))
            for r in self.spans[name]:
                r.set_x(a)
                r.set_width(b - a)
            self.cues[name].set_text(f"{shown}\n{BREATHING[shown]}" if b > a else "")
            self.cues[name].set_x(0.5 * (a + b))
        self._mark_beyond(rep)

    def _mark_beyond(self, rep):
        """Hatch the frames a swing's ``beyond`` flags (any of them), in the "over" zone's look.

        A rep without flags (a tempo rep) clears them; the legend names the hatching.
        """
        for artist in self.beyond:
            artist.remove()
        self.beyond = []
        flags = getattr(rep, "beyond", None)
        if not flags:
            return
        t = np.asarray(rep.t)
        where = np.any(np.stack([np.asarray(v, bool) for v in flags.values()]), axis=0)
        if not where.any():
            return
        zone = ZONES["over"]
        for ax in self.axes:
            tr = blended_transform_factory(ax.transData, ax.transAxes)
            self.beyond.append(ax.fill_between(t, 0, 1, where=where, transform=tr, step="mid",
                                               fc="none", ec=zone["color"], hatch=zone["hatch"],
                                               lw=0, alpha=0.35, zorder=0.5))
        at = blended_transform_factory(self.ax_disc.transData, self.ax_disc.transAxes)
        self.beyond.append(self.ax_disc.text(float(t[where][0]), 0.96, " not possible ",
                                             fontsize=self.style["small"], color=zone["color"],
                                             ha="left", va="top", bbox=LABEL_BOX, zorder=3,
                                             transform=at))

    def set_cursor(self, t):
        """Move the vertical cursor to time ``t`` (s)."""
        for c in self.cursor:
            c.set_xdata([t, t])
            c.set_visible(True)
