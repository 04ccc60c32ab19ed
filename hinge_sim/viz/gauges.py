"""Load gauges: disc loads against their limits, moments, hip share, balance.

Usage
-----
1. ``rows = gauge_rows(result, body_mass=78, units="kg")`` -> one dict per gauge.
2. ``Gauges(ax, style).update(result, 78)`` draws them as bars (colour *and*
   hatching *and* words for the zone).
3. ``gauge_text(result, 78)`` says the same in plain words.
"""
import numpy as np
from matplotlib.patches import Rectangle

from ..model.constants import BALANCE_CAUTION, COMPRESSION_LIMITS, SHEAR_LIMITS
from ..model.units import body_weights, kg_to_lb
from .frames import load_mass
from .labels import text_width
from .numbers import number
from .render import mark_dynamic
from .styles import PALETTE, ROLES, ZONES, get_style, zone

UNITS = ("kg", "lb")
MOMENT_SCALE = 400.0  # N m, full bar
DOWEL_TOUCH_CM = 1.0  # cm: a smaller gap counts as the dowel touching (as drawn)


def mass_text(kg, units):
    """A mass (kg) in the chosen units, e.g. ``"40 kg"`` or ``"88 lb"``."""
    if units not in UNITS:
        raise ValueError(f"units = {units!r} is not known; choose 'kg' or 'lb'")
    return f"{kg:.0f} kg" if units == "kg" else f"{kg_to_lb(kg):.0f} lb"


def dowel_words(gap):
    """The dowel drill in words.

    ``gap`` (m) is between the sacrum and a dowel held on the head and upper
    back (positive: the sacrum comes off, the back rounds).
    """
    cm = float(gap) * 100
    if abs(cm) < DOWEL_TOUCH_CM:
        return (f"dowel gap {number(cm, 1)} cm: head, upper back and sacrum stay on the dowel "
                "(a neutral back)")
    if cm > 0:
        return (f"dowel gap {number(cm, 1)} cm: the sacrum has come off the dowel "
                "(the lower back rounds)")
    return (f"dowel gap {number(cm, 1)} cm: the lower back arches into the dowel and the "
            "upper back comes off it")


def strength_words(result, joint):
    """The strength check of one joint: short words for a gauge and a sentence's end.

    From ``result.metrics["capable_<joint>"]`` (:func:`hinge_sim.model.strength.capable`);
    empty words when the result has none (a frame of a rep) or the moment is
    a flexor one.
    """
    share = result.metrics.get(f"capable_{joint}")
    if share is None or not np.isfinite(float(share)):
        return "", ""
    pct = float(share) * 100
    shown = "<1" if pct < 1 else ">99" if pct > 99 else f"{pct:.0f}"
    return (f" · {shown}% strong enough",
            f": {shown}% of the reference lifters are strong enough to hold it")


def gauge_rows(result, body_mass, units="kg", exercise=None):
    """The gauges' numbers and words for one still posture.

    Parameters
    ----------
    result : Result
        A still posture.
    body_mass : float
        The lifter's mass (kg), for loads as multiples of body weight.
    units : {"kg", "lb"}
        Units for masses in the words.
    exercise : str, optional
        A name in :data:`hinge_sim.presets.EXERCISES`; the dowel drill gets the
        dowel gap (cm) in place of the bar's distances and a load of 0 kg.

    Returns
    -------
    list of dict
        Keys ``label``, ``value`` (drawn), ``scale`` (bar end), ``limits``
        (zone edges or ()), ``zone`` (or None), ``short`` (words beside the
        bar) and ``text`` (a plain sentence).
    """
    mass_text(0.0, units)  # checks units
    rows = []
    for key, limits, name in (("compression", COMPRESSION_LIMITS, "L5/S1 compression"),
                              ("shear", SHEAR_LIMITS, "L5/S1 shear")):
        f = float(result.disc[key])
        z, words = zone(f, *limits)
        rows.append(dict(label=name, value=abs(f), scale=limits[1] * 1.25, limits=limits,
                         zone=z, short=f"{abs(f):.0f} N · {body_weights(abs(f), body_mass):.1f}"
                         f" × BW · {ZONES[z]['word']}",
                         text=f"{name} {abs(f):.0f} N ({body_weights(abs(f), body_mass):.1f}"
                         f" × body weight): {ZONES[z]['word']}, {words}"))
    for joint, name in (("hip", "hip moment"), ("knee", "knee moment"), ("l5s1", "L5/S1 moment")):
        m = float(result.moments[joint])
        kind = "extensor" if m >= 0 else "flexor"
        short, text = strength_words(result, joint)
        rows.append(dict(label=name, value=abs(m), scale=MOMENT_SCALE, limits=(), zone=None,
                         color=ROLES[joint], short=f"{abs(m):.0f} N·m {kind}{short}",
                         text=f"{name} {abs(m):.0f} N·m ({kind}){text}"))
    share = float(result.metrics["hip_share"])
    rows.append(dict(label="hip share", value=share, scale=1.0, limits=(), zone=None,
                     color=ROLES["hip"], short=f"{share * 100:.0f}% of hip + knee",
                     text=f"hip share {share * 100:.0f}%: the hips do {share * 100:.0f}% "
                          "of the hip + knee extensor work"))
    margin, ok = float(result.metrics["balance_margin"]), bool(result.balanced)
    z = "over" if not ok or margin < 0 else "caution" if margin < BALANCE_CAUTION else "safe"
    words = {"safe": "weight well over the foot",
             "caution": "weight close to the heel or toes",
             "over": "weight outside the foot: the lifter would tip"}[z]
    short = {"safe": "safe", "caution": "caution: near the edge", "over": "outside the foot"}[z]
    rows.append(dict(label="balance", value=max(margin, 0.0), scale=0.15, limits=(), zone=z,
                     short=f"{short} · {number(max(margin, 0) * 100)} cm margin",
                     text=f"balance: {words} ({number(margin * 100)} cm to the edge of the foot)"))
    if exercise == "dowel":
        rows.append(dict(label="dowel", value=None,
                         text=dowel_words(result.metrics["dowel_gap"])))
        return rows
    rows.append(dict(label="hip to bar", value=None, text=(
        f"hip to bar {number(float(result.metrics['hip_to_bar']) * 100)} cm, bar "
        f"{number(float(result.metrics['bar_to_midfoot']) * 100, sign=True)} cm from midfoot; "
        f"load {mass_text(load_mass(result), units)} "
        f"({load_mass(result) / body_mass:.2f} × body weight)")))
    return rows


def gauge_text(result, body_mass, units="kg", exercise=None):
    """The gauges in plain words, one line each.

    For screen readers and projectors; same numbers as :class:`Gauges`.
    ``exercise`` as in :func:`gauge_rows`.
    """
    return "\n".join(r["text"] for r in gauge_rows(result, body_mass, units, exercise))


class Gauges:
    """Horizontal bar gauges on one Axes, updated in place.

    Each gauge has its name (fixed), its value in short words on the right,
    and a bar whose colour *and* hatching tell the zone.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Axes given over to the gauges.
    style : str or dict
        A name in :data:`hinge_sim.viz.styles.STYLES`.
    """

    NAMES = ("L5/S1 compression", "L5/S1 shear", "hip moment", "knee moment", "L5/S1 moment",
             "hip share", "balance")
    LIMITS = {0: COMPRESSION_LIMITS, 1: SHEAR_LIMITS}
    SCALES = {0: COMPRESSION_LIMITS[1] * 1.25, 1: SHEAR_LIMITS[1] * 1.25}

    def __init__(self, ax, style="default"):
        self.ax, self.style = ax, get_style(style)
        s, h = self.style, 0.34
        n = len(self.NAMES)
        self.names = []
        ax.set_xlim(0, 1)
        ax.set_ylim(n + 0.1, -0.15)
        ax.set_axis_off()
        for i, name in enumerate(self.NAMES):
            y = i + 0.5
            ax.add_patch(Rectangle((0, y), 1, h, fc="#f2f2f2", ec="#888888", lw=s["thin"] * 0.6))
            self.names.append(ax.text(0, y - 0.06, name, fontsize=s["font"], va="bottom",
                                      ha="left"))
            for lim in self.LIMITS.get(i, ()):
                ax.text(lim / self.SCALES[i], y + h + 0.02, f"{lim:.0f} N", ha="center", va="top",
                        fontsize=s["small"], color="#333333")
        static = set(ax.get_children())
        self.bars, self.values = [], []
        for i in range(n):
            y = i + 0.5
            bar = Rectangle((0, y), 0, h, fc=PALETTE["grey"], ec="black", lw=s["thin"] * 0.6)
            ax.add_patch(bar)
            self.bars.append(bar)
            self.values.append(ax.text(1, y - 0.06, "", fontsize=s["font"], va="bottom",
                                       ha="right", fontweight="bold"))
            xs, ys = [], []
            for lim in self.LIMITS.get(i, ()):  # limit marks drawn over the bar
                xs += [lim / self.SCALES[i]] * 2 + [np.nan]
                ys += [y - 0.05, y + h + 0.03, np.nan]
            ax.plot(xs, ys, color="black", lw=s["thin"] * 1.5)
        mark_dynamic(ax, static)

    def update(self, result, body_mass, units="kg"):
        """Show ``result``'s loads; ``body_mass`` in kg, ``units`` "kg" or "lb"."""
        rows = [r for r in gauge_rows(result, body_mass, units) if r["value"] is not None]
        for i, row in enumerate(rows):
            bar = self.bars[i]
            bar.set_width(min(row["value"] / row["scale"], 1.0))
            if row["zone"]:
                bar.set_facecolor(ZONES[row["zone"]]["color"])
                bar.set_hatch(ZONES[row["zone"]]["hatch"])
            else:
                bar.set_facecolor(row.get("color", PALETTE["grey"]))
                bar.set_hatch("")
            self.values[i].set_text(row["short"])
            self._fit(self.names[i], self.values[i])

    def _fit(self, name, value):
        """Keep a row's name and value apart: a long value steps down to the small size."""
        s = self.style
        room = self.ax.get_position().width * self.ax.figure.get_figwidth() * 72.0  # pt
        for size in (s["font"], s["small"]):
            value.set_fontsize(size)
            if text_width(name) + text_width(value) + 0.8 * s["font"] <= room:
                return
