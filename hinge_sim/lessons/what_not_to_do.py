"""Lesson 1, what not to do first: the answers to its two predictions.

Usage
-----
1. ``presets_table()``: the three hinges' inputs, read from the presets.
2. ``rounding_answer()``: Compare, rounded back against textbook hinge, and why.
3. ``arch_to_round_answer()``: Explorer on back rounding, the sweep from arched
   to rounded, and why.
"""

import numpy as np

from ..model import presets
from ..model.analysis import analyze
from ..model.constants import SHEAR_LIMITS
from ..model.pose import Posture
from ..ui import Compare, Explorer
from . import Answer, percent, rows

LIFTER, EXERCISE, LOAD = "average man", "RDL", 40.0
HINGES = ("rounded back", "textbook hinge", "squatty hinge")
#: back rounding (deg) of the arched-to-rounded sweep, hips held at the textbook depth
SWEEP = (-20.0, 0.0, 20.0, 40.0)


def presets_table():
    """Return the three hinges a coach shows first, as the presets define them (Markdown)."""
    lines = []
    for name in HINGES:
        p = presets.POSTURES[name]
        bar = p.get("bar", 0.0)
        lines.append(
            (
                f"*{name}*",
                f"{p['knee']:.0f}°",
                f"{p['hip']:.0f}°",
                f"{p['lumbar']:.0f}°",
                "over the midfoot" if bar == 0 else f"{100 * bar:.0f} cm in front of the midfoot",
            )
        )
    return rows(("preset", "knees", "hips", "lower back", "bar"), *lines)


def hinge(name):
    """Analyse one of :data:`HINGES` as the Compare panel does."""
    return analyze(presets.lifter(LIFTER), presets.posture(name), presets.load(EXERCISE, LOAD))


def rounding_answer():
    """Build the Compare of rounded back and textbook hinge (same trunk angle), with the words."""
    panel = Compare(
        left=dict(lifter=LIFTER, posture="rounded back"),
        right=dict(lifter=LIFTER, posture="textbook hinge"),
        exercise=EXERCISE,
        load=LOAD,
    )
    rb, tb = panel.results["left"], panel.results["right"]
    sq = hinge("squatty hinge")
    s_rb, s_tb = float(rb.disc["shear"]), float(tb.disc["shear"])
    c_rb, c_tb = float(rb.disc["compression"]), float(tb.disc["compression"])
    limit = SHEAR_LIMITS[0]
    words = (
        "**Explain.** With the trunk at about the same angle "
        f"({float(rb.metrics['trunk_angle']):.0f}° "
        f"and {float(tb.metrics['trunk_angle']):.0f}° from vertical), the rounded back raises the "
        f"shear on L5/S1 from {s_tb:.0f} N to {s_rb:.0f} N ({percent(s_rb, s_tb):+.0f} %), "
        f"{'past' if s_rb > limit else 'close to'} the {limit:.0f} N action limit. Compression "
        f"hardly changes ({c_tb:.0f} N against {c_rb:.0f} N). Two things happen in the model when "
        "the lower back rounds: the back muscles lose the slant that pulls the upper vertebra "
        "backward, and the stretched ligaments behind the spine start to carry load, with a "
        "forward pull. That matches studies of lifting: compression changes little with how much "
        "of the work the ligaments take, while shear rises clearly with lumbar flexion (Potvin, "
        "McGill & Norman 1991), and the muscle slant that resists shear is lost in full flexion "
        "(McGill, Hughson & Parks 2000; its exact numbers are not checked here).\n\n"
        f"The squatty hinge has the lowest shear of the three ({float(sq.disc['shear']):.0f} N) "
        "but "
        f"the highest compression ({float(sq.disc['compression']):.0f} N): its knees push the bar "
        "forward. Lesson 2 takes that apart."
    )
    return Answer(panel, words, rounded=rb, textbook=tb, squatty=sq)


def sweep():
    """Analyse back rounding over :data:`SWEEP` at the textbook hips and knees.

    Each setting is what the Explorer's back-rounding slider computes.
    """
    p = presets.POSTURES["textbook hinge"]
    return analyze(
        presets.lifter(LIFTER),
        Posture(knee=p["knee"], hip=p["hip"], lumbar=np.array(SWEEP)),
        presets.load(EXERCISE, LOAD),
    )


def arch_to_round_answer():
    """Explorer on the back-rounding slider, and the sweep it answers with."""
    panel = Explorer(
        posture="textbook hinge", show=["lumbar"], overlays=("com", "midfoot", "dowel")
    )
    s = sweep()
    shear, comp, trunk = s.disc["shear"], s.disc["compression"], s.metrics["trunk_angle"]
    names = ("arched", "neutral", "", "rounded")
    head = ["back rounding"] + [
        f"{v:+.0f}°".replace("+0°", "0°") + (f" ({n})" if n else "") for v, n in zip(SWEEP, names)
    ]
    table = rows(
        head,
        ["L5/S1 shear"] + [f"{v:.0f} N" for v in shear],
        ["L5/S1 compression"] + [f"{v:.0f} N" for v in comp],
        ["trunk from vertical"] + [f"{v:.0f}°" for v in trunk],
    )
    words = (
        f"**Explain.** With the hips held at {presets.POSTURES['textbook hinge']['hip']:.0f}° the "
        f"model gives:\n\n{table}\n\n"
        f"Shear rises {shear[-1] / shear[0]:.1f} times from arched to rounded, while compression "
        f"stays within {np.ptp(comp):.0f} N and even falls a little at the end as the ligaments "
        "take over. Part of the rise comes from the chest dropping lower as the back rounds (the "
        "last row); the Compare above held the trunk angle and shear still rose by about half, so "
        "rounding itself costs shear.\n\n"
        'The model\'s arch looks "cheapest" because it leaves out what an arch loads: the facet '
        "joints and the back of the vertebrae. So the aim is not the biggest possible arch but "
        "the lifter's own neutral curve, held from set-up to finish. That is what *ribs quiet* "
        "asks for: ribs down over a pelvis that is neither tipped forward nor tucked."
    )
    return Answer(panel, words, sweep=s)
