"""Lesson 4, the ground and the bar: the answers to its predictions and estimate.

Usage
-----
1. ``per_cm()``, ``per_cm_answer()``: N·m each centimetre of forward bar drift adds at
   L5/S1 (the estimate), and the two moments it comes from.
2. ``drift_answer()``: Explorer on the bar's distance, the drift table, and why.
3. ``heels_answer()``: Explorer on weight shift, the heel-to-toe table, and why.
"""

import numpy as np

from ..model import presets
from ..model.analysis import analyze
from ..model.constants import COMPRESSION_LIMITS
from ..model.pose import Posture
from ..ui import Explorer
from . import Answer, percent, rows

LIFTER, EXERCISE, LOAD = "average man", "RDL", 40.0
DRIFTS = (-0.05, 0.0, 0.05, 0.10, 0.15)  # m, bar in front of the midfoot
SHIFTS = (-0.8, -0.4, 0.0, 0.4, 0.8)  # centre of pressure, -1 heel .. +1 toes
OVERLAYS = ("com", "midfoot", "hip_to_bar")


def textbook(**change):
    """Analyse the textbook hinge with ``change`` (arrays allowed), as the Explorer does."""
    p = {**presets.POSTURES["textbook hinge"], **change}
    return analyze(presets.lifter(LIFTER), Posture(**p), presets.load(EXERCISE, LOAD))


def per_cm():
    """Return the L5/S1 moment (N·m) each cm of drift adds, between 0 and 10 cm, to 0.1."""
    m = textbook(bar=np.array([0.0, 0.10])).moments["l5s1"]
    return round(float(m[1] - m[0]) / 10, 1)


def per_cm_answer():
    """Return the two moments the per-cm estimate comes from, and the words."""
    m = textbook(bar=np.array([0.0, 0.10])).moments["l5s1"]
    words = (
        f"L5/S1 moment with the bar over the midfoot: {m[0]:.1f} N·m; 10 cm in front: "
        f"{m[1]:.1f} N·m. ({m[1]:.1f} − {m[0]:.1f}) / 10 = {per_cm():.1f} N·m per cm."
    )
    return Answer(words, moments=m)


def _row(name, values, fmt):
    return [name] + [fmt(v) for v in values]


def drift_answer():
    """Build the bar-drift Explorer and its table, with the words."""
    panel = Explorer(posture="textbook hinge", show=["bar"], overlays=OVERLAYS)
    s = textbook(bar=np.array(DRIFTS))
    l5, comp = s.moments["l5s1"], s.disc["compression"]
    table = rows(
        ["bar from midfoot"] + [f"{100 * d:+.0f} cm".replace("+0 cm", "0") for d in DRIFTS],
        _row("hip to bar", s.metrics["hip_to_bar"], lambda v: f"{100 * v:.0f} cm"),
        _row("L5/S1 moment", l5, lambda v: f"{v:.0f} N·m"),
        _row("hip moment", s.moments["hip"], lambda v: f"{v:.0f} N·m"),
        _row("L5/S1 compression", comp, lambda v: f"{v:.0f} N"),
        _row("trunk from vertical", s.metrics["trunk_angle"], lambda v: f"{v:.0f}°"),
    )
    limit = COMPRESSION_LIMITS[0]
    fine = np.linspace(0.0, 0.15, 151)
    crossing = fine[np.argmax(textbook(bar=fine).disc["compression"] > limit)]
    words = (
        f"**Explain.** Textbook hinge, {LOAD:.0f} kg, only the bar moves:\n\n{table}\n\n"
        "The COM and the centre of pressure never leave the midfoot: the model keeps the lifter "
        "balanced every time. The price is elsewhere. To hold a bar further forward, the hips and "
        "trunk must sit further back, so the hip-to-bar distance grows faster than the drift "
        f"itself, and every centimetre adds about {per_cm():.1f} N·m at L5/S1. At "
        f"{100 * DRIFTS[-1]:.0f} cm the back moment is {percent(l5[-1], l5[1]):.0f} % higher and "
        f"the compression ({comp[-1]:.0f} N) is well past the {limit:.0f} N action limit, which it "
        f"crosses after about {100 * crossing:.0f} cm of drift with this {LOAD:.0f} kg bar. "
        "Note how little the trunk angle changes: a camera watching the trunk would miss the "
        "fault; the hip-to-bar distance shows it at once.\n\n"
        f"With the bar {100 * -DRIFTS[0]:.0f} cm behind the midfoot, against the shins, the "
        f'moment drops to {l5[0]:.0f} N·m: "over the midfoot or slightly behind" is the cheapest '
        "place. Much further back and the bar would have to pass through the shins: the model "
        "refuses."
    )
    return Answer(panel, words, drifts=s, crossing=crossing)


def heels_answer():
    """Build the weight-shift Explorer and its heel-to-toe table, with the words."""
    panel = Explorer(posture="textbook hinge", show=["weight_shift"], overlays=OVERLAYS)
    s = textbook(weight_shift=np.array(SHIFTS))
    ok = np.asarray(s.balanced)
    names = {-0.8: "heels (−0.8)", 0.0: "midfoot (0)"}
    head = ["weight on"] + [names.get(w, f"({w:+.1f})") for w in np.array(SHIFTS)[ok]]
    table = rows(
        head,
        _row("balance margin", s.metrics["balance_margin"][ok], lambda v: f"{100 * v:.1f} cm"),
        _row("hip to bar", s.metrics["hip_to_bar"][ok], lambda v: f"{100 * v:.0f} cm"),
        _row("L5/S1 moment", s.moments["l5s1"][ok], lambda v: f"{v:.0f} N·m"),
        _row("calves (ankle moment)", s.moments["ankle"][ok], lambda v: f"{v:.0f} N·m"),
        _row("shins from vertical", s.metrics["shin_angle"][ok], lambda v: f"{v:+.0f}°"),
    )
    mid = SHIFTS.index(0.0)
    margin, l5 = s.metrics["balance_margin"], s.moments["l5s1"]
    words = (
        f"**Explain.**\n\n{table}\n\n"
        f"The midfoot gives the largest balance margin, {100 * margin[mid]:.1f} cm each way: room "
        "to absorb a wobble in either direction. On the heels the margin shrinks to "
        f"{100 * margin[0]:.1f} cm (at −1.0 nothing is left: the slightest sway tips the lifter "
        "back, so the model calls it impossible), and because the bar stays over the midfoot the "
        f"hips sit further behind it: the back moment rises by {percent(l5[0], l5[mid]):.0f} %. "
        "Toward the toes the back moment falls in the model, but the calves work harder, the "
        "shins lean forward and the knees travel toward the bar's path; at "
        f"{SHIFTS[-1]:+.1f} the bar would pass through the legs. A real lifter in that spot lets "
        "the bar drift forward, which the first activity priced. A negative calf moment (on the "
        "heels) means the muscles at the front of the shin are pulling to stop a fall "
        "backwards.\n\n"
        'So "feel the whole foot, weight through the midfoot" is not only about balance: it '
        "keeps the hips and the bar where the back's lever is short."
    )
    return Answer(panel, words, shifts=s, on_heel=textbook(weight_shift=-1.0))
