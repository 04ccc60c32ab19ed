"""Lesson 0, start here: the answers to its two predictions and its estimate.

Usage
-----
1. ``bottom()``: the lesson's RDL bottom (1.75 m, 75 kg man, 40 kg), one model call.
2. ``moments_answer()`` and ``knee_answer()``: every joint moment and the disc loads of
   that call, and why the hips work hardest and the knee moment is a flexor one.
3. ``compression_bw()`` and ``body_weights_answer()``: the compression in body weights
   (the estimate) and why a light bar squeezes the disc so hard.
"""

from ..model import constants
from ..model.analysis import analyze
from ..model.body import Body
from ..model.loads import Barbell
from ..model.pose import Posture
from ..model.units import body_weights, kg_to_lb
from . import Answer, num, rows

LIFTER = dict(stature=1.75, mass=75.0, sex="male")  # m, kg
POSTURE = dict(knee=20.0, hip=85.0, lumbar=5.0)  # deg of flexion
LOAD = 40.0  # kg
CALL = (
    "```python\n"
    "body = hs.Body(stature=1.75, mass=75, sex=\"male\")  # metres, kilograms\n"
    "res = hs.analyze(body, hs.Posture(knee=20, hip=85, lumbar=5), hs.Barbell(40))\n"
    "res.moments, res.disc\n"
    "```"
)


def body():
    """Return the lesson's lifter."""
    return Body(**LIFTER)


def bottom():
    """Analyse the lesson's RDL bottom, the call :data:`CALL` shows."""
    return analyze(body(), Posture(**POSTURE), Barbell(LOAD))


def _numbers(res):
    lines = [(joint, f"{num(m):.0f} N·m") for joint, m in res.moments.items()]
    lines += [("L5/S1 compression", f"{num(res.disc['compression']):.0f} N"),
              ("L5/S1 shear", f"{num(res.disc['shear']):.0f} N")]
    return rows(("joint or load", "model (extensor +, flexor −)"), *lines)


def moments_answer():
    """Answer with every moment of :func:`bottom` and why the hips' is the largest."""
    res = bottom()
    words = (
        f"The model's answer for this posture, from one call:\n\n{CALL}\n\n{_numbers(res)}\n\n"
        "**Explain.** The hips hold up everything above them, so their moment is the largest: "
        f"{num(res.moments['hip']):.0f} N·m against {num(res.moments['l5s1']):.0f} N·m at "
        "L5/S1. The lower back holds only the trunk, head, arms and bar, and it sits closer to "
        "the bar than the hip joints do.")
    return Answer(words, result=res)


def knee_answer():
    """Answer with the knee moment of :func:`bottom` and why it is a flexor one."""
    res = bottom()
    words = (
        f"{_numbers(res)}\n\n"
        "**Explain.** In this hinge the knees sit almost straight above the ankles and the "
        "weight over the midfoot is in front of them, so the net knee moment is a flexor one "
        f"({num(res.moments['knee']):.0f} N·m): the hamstrings, which also extend the hip, are "
        "doing the work. That is what \"hips back\" buys you.")
    return Answer(words, result=res)


def weight_above():
    """Return the weight (N) that L5/S1 holds in :func:`bottom`: trunk, head, arms and bar."""
    segments = body().segments
    return (sum(segments[k].mass for k in ("trunk", "head", "arm")) + LOAD) * constants.GRAVITY


def lever():
    """Return the mean lever (m) of that weight about L5/S1: the moment over the weight."""
    return num(bottom().moments["l5s1"]) / weight_above()


def compression_bw():
    """Return the L5/S1 compression of :func:`bottom` in body weights, to 0.1."""
    return round(float(body_weights(num(bottom().disc["compression"]), LIFTER["mass"])), 1)


def body_weights_answer():
    """Answer the estimate: the compression in body weights, and the short lever behind it."""
    res = bottom()
    weight = LIFTER["mass"] * constants.GRAVITY
    comp = num(res.disc["compression"])
    words = (
        f"Compression {comp:.0f} N ÷ one body weight ({LIFTER['mass']:.0f} kg × "
        f"{constants.GRAVITY:.2f} m/s² = {weight:.0f} N) = "
        f"**{compression_bw():.1f} × body weight**. "
        f"(And {LOAD:.0f} kg = {kg_to_lb(LOAD):.0f} lb.)\n\n"
        "**Explain.** The muscles that hold the back sit only about "
        f"{100 * constants.EXTENSOR_MOMENT_ARM:.0f} cm behind the disc, while the weight of trunk, "
        f"head, arms and bar acts on average {100 * lever():.0f} cm in front of it (the L5/S1 "
        "moment divided by that weight). To balance that long lever with a short one the "
        f"muscles must pull hard ({num(res.disc['muscle']):.0f} N here), and their pull "
        f"squeezes the disc: {compression_bw():.1f} times body weight, for a bar that weighs "
        f"{LOAD / LIFTER['mass']:.0%} of the lifter's own weight.")
    return Answer(words, result=res)
