"""Lesson 2, knee bend: the answers to its predictions and its estimate.

Usage
-----
1. ``knee_job_answer()``: Explorer on knee bend, the knee sweep, and why.
2. ``squatty_hip_share()``, ``hip_share_answer()``: the hips' share (%) in the squatty
   hinge (the estimate) and how it comes about.
3. ``squatty_answer()``: Explorer on the squatty hinge with the textbook ghost, and why.
"""

import numpy as np

from ..model import presets
from ..model.analysis import analyze
from ..model.pose import Posture
from ..ui import Explorer
from . import Answer, num, percent, rows

LIFTER, EXERCISE, LOAD = "average man", "RDL", 40.0
#: knee bends (deg) of the table; the hips stay at the textbook depth
KNEES = (10.0, 20.0, 45.0)
TOO_FAR = 50.0  # deg: the knee bend the lesson asks the learner to try


def _textbook(**change):
    p = {**presets.POSTURES["textbook hinge"], **change}
    return analyze(presets.lifter(LIFTER), Posture(**p), presets.load(EXERCISE, LOAD))


def knee_sweep(knees=KNEES):
    """Knee bend at the textbook hinge's hip depth, as the Explorer's knee slider gives it."""
    return _textbook(knee=np.asarray(knees, dtype=float))


def knee_moment_switch():
    """Return the knee bend (deg) where the knee moment turns extensor, to 0.1 deg."""
    knees = np.arange(30.0, 49.01, 0.1)
    m = knee_sweep(knees).moments["knee"]
    i = int(np.argmax(m > 0))
    if m[i] <= 0 or i == 0:
        raise ValueError("the knee moment does not change sign between 30 and 49 deg")
    return float(knees[i - 1] + 0.1 * (-m[i - 1]) / (m[i] - m[i - 1]))


def _knee_words(m):
    return f"{abs(m):.0f} N·m {'flexor' if m < 0 else 'extensor'}"


def knee_job_answer():
    """Explorer on knee bend, the sweep 10° to 45°, and the refused pose at 50°."""
    panel = Explorer(posture="textbook hinge", show=["knee"])
    s = knee_sweep()
    too_far = _textbook(knee=TOO_FAR)
    stretch = 100 * s.metrics["hamstring_stretch"]
    head = ["knee bend"] + [f"{k:.0f}°" for k in KNEES]
    table = rows(
        head,
        ["knee moment"] + [_knee_words(m) for m in s.moments["knee"]],
        ["hamstring stretch (of their limit)"] + [f"{v:.0f} %" for v in stretch],
        ["shins from vertical"] + [f"{v:+.0f}°" for v in s.metrics["shin_angle"]],
        ["trunk from vertical"] + [f"{v:.0f}°" for v in s.metrics["trunk_angle"]],
        ["L5/S1 compression / shear"]
        + [f"{c:.0f} / {h:.0f} N" for c, h in zip(s.disc["compression"], s.disc["shear"])],
    )
    words = (
        f"**Explain.** With the hips held at {presets.POSTURES['textbook hinge']['hip']:.0f}° and "
        f"the bar over the midfoot:\n\n{table}\n\n"
        f"The knee moment changes sign at about {knee_moment_switch():.0f}° of knee bend: from "
        "there on the quadriceps, not the hamstrings, hold the knee. The hamstrings also slacken: "
        "bending the knee shortens their path, so the stretch the RDL is meant to train falls "
        f"from {stretch[1]:.0f} % to {stretch[-1]:.0f} % of their limit. The back, on the other "
        "hand, gets little worse while the bar stays over the midfoot: from "
        f"{KNEES[1]:.0f}° to {KNEES[-1]:.0f}° the chest rises, the compression stays within "
        f"{np.ptp(s.disc['compression'][1:]):.0f} N and the shear moves by "
        f"{s.disc['shear'][-1] - s.disc['shear'][1]:+.0f} N (the back muscles, holding a little "
        "less moment, hold the vertebra back a little less). The most shear is at "
        f"{KNEES[0]:.0f}°, where the hamstrings are at their limit and the lower back rounds "
        f"{s.metrics['lumbar_flexion'][0] - s.metrics['lumbar_flexion'][1]:.0f}° more to reach "
        "the depth: the rounding of lesson 1.\n\n"
        f"At {TOO_FAR:.0f}° the model refuses the pose: {'; '.join(too_far.messages())}. The "
        "knees have come so far forward that a bar over the midfoot would have to pass through "
        "the legs. That is where a squatty hinge starts pushing the bar forward."
    )
    return Answer(panel, words, sweep=s, too_far=too_far)


def squatty_hip_share():
    """Return the hips' share of the hip + knee extensor work in the squatty hinge (%)."""
    res = analyze(
        presets.lifter(LIFTER), presets.posture("squatty hinge"), presets.load(EXERCISE, LOAD)
    )
    return round(100 * float(res.metrics["hip_share"]))


def hip_share_answer():
    """Return how the squatty hinge's hip share comes about (the estimate's answer)."""
    res = analyze(
        presets.lifter(LIFTER), presets.posture("squatty hinge"), presets.load(EXERCISE, LOAD)
    )
    hip, knee = num(res.moments["hip"]), num(res.moments["knee"])
    words = (
        f"Squatty hinge, {LOAD:.0f} kg: hip moment {hip:.0f} N·m extensor, knee moment "
        f"{_knee_words(knee)}. The hips' share of the extensor work is "
        f"{hip:.0f} / ({hip:.0f} + {max(knee, 0):.0f}) = {100 * num(res.metrics['hip_share']):.0f} "
        "%; "
        "in the textbook hinge the knee moment is a flexor one, so the share is 100 %."
    )
    return Answer(words, result=res)


def squatty_answer():
    """Explorer on the squatty hinge (textbook ghost), the two side by side, and why."""
    panel = Explorer(
        posture="squatty hinge", ghost="textbook hinge", show=["posture", "knee", "bar"]
    )
    body, load = presets.lifter(LIFTER), presets.load(EXERCISE, LOAD)
    T, Q = (analyze(body, presets.posture(n), load) for n in ("textbook hinge", "squatty hinge"))
    knees_back = presets.POSTURES["squatty hinge"]
    back = analyze(
        body,
        Posture(
            knee=np.array([knees_back["knee"], 40.0]),
            hip=knees_back["hip"],
            lumbar=knees_back["lumbar"],
            bar=0.0,
        ),
        load,
    )

    def both(fmt, get):
        return [fmt(get(T)), fmt(get(Q))]

    table = rows(
        ("", "textbook hinge", "squatty hinge"),
        ["hip share"] + both(lambda v: f"{100 * v:.0f} %", lambda r: num(r.metrics["hip_share"])),
        ["knee moment"] + both(_knee_words, lambda r: num(r.moments["knee"])),
        ["hip to bar"]
        + both(lambda v: f"{100 * v:.0f} cm", lambda r: num(r.metrics["hip_to_bar"])),
        ["L5/S1 moment"] + both(lambda v: f"{v:.0f} N·m", lambda r: num(r.moments["l5s1"])),
        ["L5/S1 compression"] + both(lambda v: f"{v:.0f} N", lambda r: num(r.disc["compression"])),
        ["L5/S1 shear"] + both(lambda v: f"{v:.0f} N", lambda r: num(r.disc["shear"])),
        ["hamstring stretch"]
        + both(lambda v: f"{100 * v:.0f} %", lambda r: num(r.metrics["hamstring_stretch"])),
    )
    rise = percent(num(Q.disc["compression"]), num(T.disc["compression"]))
    words = (
        f"**Explain.** Side by side:\n\n{table}\n\n"
        "The squatty hinge is not a gentler hinge. The knees take over part of the work "
        f"({100 * num(Q.metrics['hip_share']):.0f} % hip share), the hamstrings lose most of their "
        "stretch, and because the knees sit where the bar wants to go, the bar hangs further from "
        f"the spine: the compression rises by {rise:.0f} %. Only the shear is lower, because the "
        "chest is more upright. Laboratory comparisons of stoop and squat lifting found the same "
        "pattern: moments and compression equal or higher when squatting, shear lower (van Dieën, "
        "Hoozemans & Toussaint 1999).\n\n"
        f"Moving the bar back to the midfoot with the knees at {knees_back['knee']:.0f}° is "
        "impossible (the bar would pass through the legs): the fix is the knees, not the bar. "
        "Bring them back to about 40° and the bar can return over the midfoot. That is the "
        "cue: **hips back** (the hips, not the knees, travel), **chest tall** (long spine, not a "
        "collapsed one), **ribs quiet** (no arching to fake a tall chest)."
    )
    return Answer(panel, words, textbook=T, squatty=Q, knees_back=back)
