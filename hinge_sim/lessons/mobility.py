"""Lesson 3, mobility and the dowel drill: the answers to its predictions and estimate.

Usage
-----
1. ``tight_answer()``: Compare, average against tight hamstrings, and why.
2. ``knee_needed(slr)``: knee bend (deg) that reaches the textbook depth unrounded.
3. ``dowel_answer()``: the dowel-drill Explorer, the gap as the hinge deepens, and why.
4. ``knee_fix_answer()``: the gap closing with knee bend or mobility (the estimate's answer).
5. ``ankles_answer()``: a stiff ankle in the textbook and the squatty hinge.
"""

import numpy as np

from ..coaching.cues import knee_for_hip
from ..model import hamstrings, presets
from ..model.analysis import analyze
from ..model.body import Body
from ..model.pose import Posture, depth_for_bar_height
from ..ui import Compare, Explorer
from . import Answer, num, percent, rows

EXERCISE, LOAD = "RDL", 40.0
DEPTHS = (50.0, 60.0, 70.0, 80.0, 90.0)  # deg of hinge depth asked in the drill
DRILL_KNEE = 20.0  # deg
FIX_KNEES = (20.0, 30.0, 40.0)  # deg, at 85 deg of hip flexion
STIFF_ANKLE = 15.0  # deg of dorsiflexion
FLOOR_PULL = ("deadlift", 60.0, 75.0)  # exercise, kg, knee bend (deg)


def tight_answer():
    """Build the Compare of the average man and the tight-hamstring lifter, with the words."""
    panel = Compare(
        left=dict(lifter="average man", posture="textbook hinge"),
        right=dict(lifter="tight hamstrings", posture="textbook hinge"),
        exercise=EXERCISE,
        load=LOAD,
    )
    A, T = panel.results["left"], panel.results["right"]
    tight = presets.lifter("tight hamstrings")
    asked = presets.POSTURES["textbook hinge"]
    limit = float(hamstrings.hip_limit(asked["knee"], tight.slr))
    words = (
        f"**Explain.** With the knees at {asked['knee']:.0f}°, the tight lifter's hamstrings stop "
        f"the hips at about {limit:.0f}° of flexion. The other {asked['hip'] - limit:.0f}° of the "
        f"requested {asked['hip']:.0f}° come from the lumbar spine: the lower back rounds from "
        f"{num(A.metrics['lumbar_flexion']):.0f}° to {num(T.metrics['lumbar_flexion']):.0f}°, with "
        f"nobody asking it to. With the trunk at nearly the same angle, the shear on L5/S1 rises "
        f"from {num(A.disc['shear']):.0f} N to {num(T.disc['shear']):.0f} N "
        f"({percent(num(T.disc['shear']), num(A.disc['shear'])):+.0f} %) and the compression from "
        f"{num(A.disc['compression']):.0f} N to {num(T.disc['compression']):.0f} N "
        f"({percent(num(T.disc['compression']), num(A.disc['compression'])):+.0f} %). This is the "
        "rounding of lesson 1, arriving through the hamstrings, and it reads the same way: the "
        "compression rise holds under both readings of the back muscles, the shear rise under "
        "McGill's slant, the one every panel uses.\n\n"
        f"The average lifter is at {100 * num(A.metrics['hamstring_stretch']):.0f} % of his "
        "hamstring limit in this pose: he has a little range left. The tight lifter is at "
        f"{100 * num(T.metrics['hamstring_stretch']):.0f} % and borrowing from the spine."
    )
    return Answer(panel, words, average=A, tight=T, hip_limit=limit)


def knee_needed(slr):
    """Return the knee bend (deg) that lets ``slr`` reach the textbook depth without rounding."""
    return knee_for_hip(presets.POSTURES["textbook hinge"]["hip"], slr=slr)


def drill(**change):
    """Run the dowel drill (tight lifter, dowel, no load) as the drill Explorer computes it."""
    p = {"knee": DRILL_KNEE, "hip": 50.0, "lumbar": 0.0, **change}
    lifter = dict(presets.LIFTERS["tight hamstrings"])
    if "slr" in p:
        lifter["slr"] = p.pop("slr")
    return analyze(Body(**lifter), Posture(**p), presets.load("dowel"))


def dowel_answer():
    """Build the dowel-drill Explorer, the gap at each depth, and the words."""
    panel = Explorer(
        lifter="tight hamstrings",
        exercise="dowel",
        overlays=("com", "midfoot", "dowel"),
        show=["knee", "hip", "slr"],
    )
    panel.set(hip=DEPTHS[0], lumbar=0)
    s = drill(hip=np.array(DEPTHS))
    gap = 100 * s.metrics["dowel_gap"]
    limit = float(hamstrings.hip_limit(DRILL_KNEE, presets.lifter("tight hamstrings").slr))
    table = rows(
        ["hinge depth asked"] + [f"{d:.0f}°" for d in DEPTHS],
        ["gap at the sacrum"] + [f"{g:.1f} cm" for g in gap],
    )
    per10 = float(np.mean(np.diff(gap[-3:])))
    words = (
        f"**Explain.** For the tight lifter with knees at {DRILL_KNEE:.0f}° and no load:\n\n"
        f"{table}\n\n"
        f"Nothing happens until the hips reach their limit (about {limit:.0f}°); after that the "
        f"gap grows by about {per10:.0f} cm for every 10° of extra depth. So the dowel drill tells "
        "a coach two things: *whether* the lower back rounds (the gap), and *where the lifter's "
        "hinge ends* (the depth at which the gap appears)."
    )
    return Answer(panel, words, sweep=s, hip_limit=limit)


def knee_fix_answer():
    """Return the gap at 85° as the knees bend, and with the hamstrings of the average man."""
    hip = presets.POSTURES["textbook hinge"]["hip"]
    s = drill(hip=hip, knee=np.array(FIX_KNEES))
    mobile = drill(hip=hip, slr=presets.lifter("average man").slr)
    gaps = ", ".join(f"{100 * g:.1f}" for g in s.metrics["dowel_gap"])
    knees = ", ".join(f"{k:.0f}°" for k in FIX_KNEES)
    words = (
        f"**Explain.** At {hip:.0f}° of hinge depth the tight lifter needs about "
        f"{knee_needed(presets.lifter('tight hamstrings').slr):.0f}° of knee bend; the average "
        f"lifter (SLR {presets.lifter('average man').slr:.0f}°) needs only about "
        f"{knee_needed(presets.lifter('average man').slr):.0f}°. In the drill, knees {knees} give "
        f"a gap at the sacrum of {gaps} cm. Raising the SLR to "
        f"{presets.lifter('average man').slr:.0f}° closes it too, with the knees at "
        f"{DRILL_KNEE:.0f}° (gap {100 * num(mobile.metrics['dowel_gap']):.1f} cm).\n\n"
        "For the day: soften the knees a little more, or stop the hinge where the dowel starts to "
        "leave the sacrum. For the weeks ahead: hamstring mobility moves that point deeper."
    )
    return Answer(words, knees=s, mobile=mobile)


def ankles_answer():
    """Run a stiff-ankled lifter in both hinges and a floor pull, with the words."""
    stiff = Body(**{**presets.LIFTERS["average man"], "dorsiflexion": STIFF_ANKLE})
    load = presets.load(EXERCISE, LOAD)
    res = {n: analyze(stiff, presets.posture(n), load) for n in ("textbook hinge", "squatty hinge")}
    lines = [
        (
            n,
            f"{num(r.metrics['shin_angle']):+.0f}°",
            "possible" if r.balanced else "not possible: " + "; ".join(r.messages()),
        )
        for n, r in res.items()
    ]
    table = rows(("hinge", "shins from vertical", "with a 15° ankle"), *lines)
    exercise, kg, knee = FLOOR_PULL
    floor = presets.load(exercise, kg)
    man = presets.lifter("average man")
    pull = analyze(man, depth_for_bar_height(man, floor, knee), floor)
    words = (
        f"{table}\n\n**Explain.** The textbook hinge keeps the shins at about "
        f"{num(res['textbook hinge'].metrics['shin_angle']):.0f}°: a hinge needs almost no ankle "
        "bend, because the hips, not the knees, travel. The squatty hinge leans the shins "
        f"{num(res['squatty hinge'].metrics['shin_angle']):.0f}° forward, and a "
        f"{STIFF_ANKLE:.0f}° ankle cannot follow. Ankle range starts to matter as soon as the "
        "knees travel: in squat-like patterns, and in pulls from the floor with bent knees (a "
        f"{kg:.0f} kg deadlift from the floor with the knees at {knee:.0f}° needs the shins about "
        f"{num(pull.metrics['shin_angle']):.0f}° forward in the model). Ankle drills belong in the "
        "warm-up for those; for a pure RDL they are not what limits the hinge."
    )
    stiff_pull = analyze(stiff, depth_for_bar_height(stiff, floor, knee), floor)
    return Answer(
        words, **{k.split()[0]: v for k, v in res.items()}, pull=pull, stiff_pull=stiff_pull
    )
