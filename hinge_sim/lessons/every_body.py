"""Lesson 7, every body hinges differently: the answers to its three predictions.

Usage
-----
1. ``sizes_answer()``: Compare, short against tall lifter, and why.
2. ``proportions_answer()``: the same bar height for three proportions, an Explorer, and why.
3. ``sides_answer()``: two hamstrings as two "sides", an Explorer on the SLR, and why.
"""

from ..coaching import training
from ..model import presets
from ..model.analysis import analyze
from ..model.body import Body
from ..model.constants import GRAVITY
from ..ui import Compare, Explorer
from . import Answer, num, percent

LOAD = 40.0  # kg, RDL
PROPORTIONS = ("average man", "long femurs", "long torso")
SIDES = {"left": 80.0, "right": 65.0}  # straight-leg raise (deg) of each side


def per_size(result, body):
    """Return the L5/S1 moment per body weight × height (a number without units)."""
    return num(result.moments["l5s1"]) / (body.mass * GRAVITY * body.stature)


def sizes_answer():
    """Build the Compare of the short and the tall lifter, with the words."""
    panel = Compare(
        left=dict(lifter="short lifter", posture="textbook hinge"),
        right=dict(lifter="tall lifter", posture="textbook hinge"),
        load=LOAD,
    )
    (s, t), (bs, bt) = (
        (panel.results[k] for k in ("left", "right")),
        (panel.bodies[k] for k in ("left", "right")),
    )
    words = (
        "**Explain.** The table shows the tall lifter's lower back making "
        f"{num(t.moments['l5s1']) / num(s.moments['l5s1']):.1f} times the moment: "
        f"{num(t.moments['l5s1']):.0f} N·m against {num(s.moments['l5s1']):.0f} N·m. Divide each "
        "by the lifter's own body weight × height and the two are within "
        f"{abs(percent(per_size(t, bt), per_size(s, bs))):.0f} %, so both backs work about as "
        "hard *for their size*. The trunk angle is almost the same, because the angles are the "
        f"same. But the tall lifter's hips sit further behind the bar "
        f"({100 * num(t.metrics['hip_to_bar']):.0f} cm against "
        f"{100 * num(s.metrics['hip_to_bar']):.0f} cm).\n\n"
        "Two cautions about this model:\n\n"
        "- Its back muscles pull on the same 6 cm lever in every body, although real lever arms "
        "grow with body size. Compression *per body weight* therefore comes out higher for the "
        "tall lifter partly because of that assumption.\n"
        "- The short preset is a woman and the tall one a man, so their segment tables differ "
        "too.\n\n"
        "The coaching point survives both: **a tall lifter's hinge is a longer lever**. The same "
        "load and the same reps cost a tall back more."
    )
    return Answer(panel, words, short=s, tall=t, bodies=dict(panel.bodies))


def proportion_rows():
    """Return :func:`hinge_sim.coaching.training.compare_lifters` rows for :data:`PROPORTIONS`."""
    bodies = {name: presets.lifter(name) for name in PROPORTIONS}
    return training.compare_lifters(bodies, mass=LOAD, knee=20)


def proportions_answer():
    """Return the proportions table, the Explorer on thigh and torso, and the words."""
    rows = proportion_rows()
    table = training.table(
        rows, ["lifter", "hip", "trunk angle", "hip moment", "l5s1 moment", "compression"]
    )
    panel = Explorer(
        load=LOAD, show=["thigh", "torso", "knee", "hip"], overlays=("com", "midfoot", "hip_to_bar")
    )
    r = {row["lifter"]: row for row in rows}
    lf, lt = r["long femurs"], r["long torso"]
    words = (
        "Each lifter hinges to the same bar height (angles in °, moments in N·m, compression in "
        f"N):\n\n{table}\n\n"
        "**Explain.** To reach the same bar height, the long-femur lifter hinges a little deeper "
        f"and leans the trunk {lf['trunk angle'] - lt['trunk angle']:.0f}° further forward than "
        "the long-torso lifter. That is their body, not a fault. Yet their lower back carries "
        f"*less* moment ({lf['l5s1 moment']:.0f} against {lt['l5s1 moment']:.0f} N·m), because "
        "their shorter torso is a shorter lever. The long-torso lifter stays more upright but "
        "carries a larger L5/S1 moment. In coaching terms:\n\n"
        '- **Long femurs:** "push the hips further back", "a flatter back angle is fine, keep '
        'it flat". A little more knee bend brings the trunk up if the lifter needs it.\n'
        '- **Long torso:** "chest proud, short hip travel". Watch for the longer lever: the '
        "lower back works harder for the same bar.\n"
        "- **Everyone:** judge the hinge by the bar over the midfoot and a back that keeps its "
        "shape, not by matching a photo's angles.\n\n"
        "**Try it** in the panel: make the average man into the long-femur lifter (set **thigh "
        "×** to 1.12 and **torso ×** to 0.92), then bend the knees from 20° to about 35°. Does "
        "the trunk come up? What happens to the knee moment in the readout?"
    )
    return Answer(words, panel, rows=rows)


def side(name):
    """Analyse one "side" (the average man with that side's hamstrings) in the textbook hinge."""
    body = Body(**{**presets.LIFTERS["average man"], "slr": SIDES[name]})
    return analyze(body, presets.posture("textbook hinge"), presets.load("RDL", LOAD))


def sides_answer():
    """Build the Explorer on the SLR, the two sides' numbers, and the words."""
    panel = Explorer(
        load=LOAD, show=["slr", "knee", "freeze"], overlays=("com", "midfoot", "dowel")
    )
    res = {name: side(name) for name in SIDES}
    lines = "\n".join(
        f"- {name} (SLR {SIDES[name]:.0f}°): hip {num(r.metrics['hip_flexion']):.0f}°, lower back "
        f"{num(r.metrics['lumbar_flexion']):.0f}°, dowel gap "
        f"{100 * num(r.metrics['dowel_gap']):.1f}"
        f" cm, shear {num(r.disc['shear']):.0f} N"
        for name, r in res.items()
    )
    left, right = res["left"], res["right"]
    moved = num(right.metrics["lumbar_flexion"]) - num(left.metrics["lumbar_flexion"])
    words = (
        f"{lines}\n\n"
        f"**Explain.** The left side reaches the "
        f"{presets.POSTURES['textbook hinge']['hip']:.0f}° depth at the hips. The tighter right "
        f"side runs out of hamstring length first, so about {moved:.0f}° of the depth moves into "
        "the lower back. The dowel leaves the sacrum by a few centimetres and the shear rises by "
        f"{percent(right.disc['shear'], left.disc['shear']):.0f} %. In a single-leg RDL this would "
        "show as the back rounding earlier on the right side.\n\n"
        "The fix is not to force the depth. Hinge the right side only as deep as it can with a "
        "flat back, or soften that knee a little more. Then work on that side's hamstring "
        "mobility and compare the sides again in a few weeks."
    )
    return Answer(panel, words, **res)
