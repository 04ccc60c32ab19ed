"""Lesson 8, from dowel to barbell: the answers to its prediction and estimates.

Usage
-----
1. ``dowel_bw()``: L5/S1 compression of the dowel hinge in body weights (the estimate).
2. ``ladder_answer()``: the progression ladder's loads, an Explorer on exercise and load.
3. ``variations_answer()``: four hinge variations at one load and bar height, and why.
4. ``week1()`` and ``block_answer()``: a training block's volume, with a week-by-week
   rating of the technique the learner can change.
"""

import ipywidgets as widgets

from ..coaching import training
from ..model import presets
from ..model.analysis import analyze
from ..model.loads import Barbell, Kettlebell
from ..ui import Explorer
from . import Answer, num

LIFTER = "average man"
VARIATION_LOAD = 60.0  # kg
WEEK1 = dict(weeks=1, sessions=4, sets=3, reps=8, start=0.3)
BLOCK = dict(
    weeks=6, sessions=(4, 4, 3, 3, 2, 2), sets=3, reps=(8, 8, 6, 6, 5, 5), start=0.3, step=0.1
)
TECHNIQUE_HELD = (True, True, False, True, True, True)  # the coach's rating of each week


def body():
    """Return the lesson's lifter."""
    return presets.lifter(LIFTER)


def ladder():
    """Return :func:`hinge_sim.coaching.training.progression_ladder` rows for the lifter."""
    return training.progression_ladder(body())


def dowel_bw():
    """Return the dowel hinge's L5/S1 compression in body weights, to 0.01."""
    return round(ladder()[0]["compression BW"], 2)


def ladder_answer():
    """Return the ladder table, an Explorer to climb it, and the words."""
    steps = ladder()
    table = training.table(
        steps,
        [
            "variation",
            "load kg",
            "load BW",
            "knee",
            "hip moment",
            "l5s1 moment",
            "compression",
            "compression BW",
            "shear",
        ],
    )
    panel = Explorer(exercise="dowel", load=16.0, show=["exercise", "load", "knee"])
    dowel, loaded, trap = steps[0], steps[3], steps[4]
    climb = ", ".join(f"{r['exercise']} {r['load kg']:.0f} kg" for r in steps[1:])
    words = (
        f"Loads in kg and body weights (BW), angles in °, moments in N·m, disc loads in N:\n\n"
        f"{table}\n\n"
        f"**Explain.** Even the dowel hinge puts {dowel['compression BW']:.1f} body weights of "
        "compression on the disc, because the lifter's own upper body is the first load. Each "
        f"step adds to that: a {loaded['load BW']:.1f} BW RDL raises the compression by "
        f"{100 * (loaded['compression'] / dowel['compression'] - 1):.0f} % over the dowel. The "
        "trap bar carries the most load on the ladder, but its extra knee bend keeps the lower "
        "back's moment from growing as fast as the load "
        f"({trap['load kg'] / loaded['load kg']:.2f} "
        f"times the load, {trap['l5s1 moment'] / loaded['l5s1 moment']:.2f} times the moment). "
        "This is why the ladder spends its early steps on the pattern. The spine is already "
        "working at the bottom rung, so you want the shape right before the load goes on.\n\n"
        f"**Try it** in the panel: step up the ladder as in the table ({climb}; bend the knees "
        f"to about {trap['knee']:.0f}° for the trap bar). Watch the compression gauge in body "
        "weights (× BW). Which step adds the most?"
    )
    return Answer(words, panel, ladder=steps)


def variations():
    """Return the hinge variations' rows at :data:`VARIATION_LOAD` (``hinge_variations``)."""
    return training.hinge_variations(body(), mass=VARIATION_LOAD)


def floor_pull():
    """Return the posture and result of a deadlift from the floor at :data:`VARIATION_LOAD`."""
    b, bar = body(), Barbell(VARIATION_LOAD)
    floor = presets.deadlift_setup(b, bar)
    return floor, analyze(b, floor, bar)


def variations_answer():
    """Return the variations table, an Explorer on the trap bar, the floor pull, and the words."""
    rows = variations()
    table = training.table(
        rows,
        [
            "variation",
            "knee",
            "trunk angle",
            "hip moment",
            "knee moment",
            "l5s1 moment",
            "compression",
            "shear",
            "hip share",
        ],
    )
    panel = Explorer(
        exercise="trap bar",
        load=VARIATION_LOAD,
        show=["exercise", "knee"],
        overlays=("com", "midfoot", "moments"),
    )
    floor, pull = floor_pull()
    v = {r["variation"]: r for r in rows}
    words = (
        "Angles in °, moments in N·m (knee: negative = flexor, positive = extensor), disc loads "
        f"in N, hip share of the hip + knee work (1.00 = all hips):\n\n{table}\n\n"
        f"Deadlift from the floor: knee {num(floor.knee):.0f}°, hip {num(floor.hip):.0f}°, trunk "
        f"{num(pull.metrics['trunk_angle']):.0f}° from vertical; L5/S1 moment "
        f"{num(pull.moments['l5s1']):.0f} N·m (RDL: {v['RDL']['l5s1 moment']:.0f} N·m), "
        f"compression {num(pull.disc['compression']):.0f} N, knee moment "
        f"{num(pull.moments['knee']):+.0f} N·m.\n\n"
        "**Explain.** At the same load and bar height:\n\n"
        f"- The **RDL** gives the hips the whole job (hip share {100 * v['RDL']['hip share']:.0f} "
        "%; the knee moment is a flexor one). That is why it is a favourite accessory for the "
        "posterior chain: hamstrings and glutes.\n"
        "- The **trap bar** moves some of the work to the knees (knee moment positive, hip share "
        f"down to {100 * v['trap bar']['hip share']:.0f} %). Its more upright trunk lowers the "
        f"lower back's moment ({v['trap bar']['l5s1 moment']:.0f} against "
        f"{v['RDL']['l5s1 moment']:.0f} N·m for the RDL; Swinton et al. 2011 measured the same "
        "in lifters), while the compression stays about the same. The shear is "
        f"{v['trap bar']['shear']:.0f} N against {v['RDL']['shear']:.0f} N, a little higher: with "
        "less moment to hold, the back muscles pull less and hold the vertebra back less (at "
        "McGill's slant; lesson 1). A smaller lever at the same load makes it a good first "
        "heavy pull.\n"
        "- The **kettlebell** in the model loads the body like a barbell at the same place. It "
        "earns its place on the ladder by being light and sitting between the legs, close to "
        "the body.\n"
        "- The **deadlift from the floor** starts with the knees well bent (about 100°, as "
        "measured in lifters by Schellenberg et al. 2013) and the hips deep, so the knees work to "
        "straighten (knee moment positive) while the hips and lower back carry the longest levers "
        "of any variation here: its L5/S1 moment is higher than the RDL's at the same load.\n\n"
        "**Accessory work and mobility days.** Glute bridges and hip thrusts train the hip "
        "extensors with the spine unloaded; the model cannot show them, because the lifter lies "
        "down. RDLs and trap-bar hinges build the posterior chain inside the pattern. A mobility "
        "day between hinge days (hamstrings, hips, upper back) keeps the range that lesson 3 "
        "showed the hinge needs.\n\n"
        "**Try it** in the panel: with *trap bar*, move the knee slider from 20° to 55° and watch "
        "the knee moment's word change from *flexor* to *extensor*. Then pick *deadlift*, which "
        "puts the plates on the floor, and see how deep the hips must go."
    )
    same = presets.posture("textbook hinge")
    kb, bb = (analyze(body(), same, cls(VARIATION_LOAD)) for cls in (Kettlebell, Barbell))
    return Answer(words, panel, rows=rows, floor=floor, pull=pull, kettlebell=kb, barbell=bb)


def week1():
    """Return week 1 of the block on paper (the estimate's row)."""
    return training.training_block(body().mass, **WEEK1)[0]


def block(technique_held=TECHNIQUE_HELD):
    """Return the six-week block with the coach's week-by-week rating of the technique."""
    return training.training_block(body().mass, technique_ok=list(technique_held), **BLOCK)


def _block_widget():
    from IPython.display import Markdown, display

    boxes = [
        widgets.Checkbox(
            value=held,
            description=f"week {i + 1}",
            indent=False,
            layout=widgets.Layout(width="auto"),
        )
        for i, held in enumerate(TECHNIQUE_HELD)
    ]
    out = widgets.Output()

    def show(_=None):
        out.clear_output(wait=True)
        with out:
            display(Markdown(training.table(block([b.value for b in boxes]))))

    for b in boxes:
        b.observe(show, names="value")
    show()
    return widgets.VBox(
        [widgets.HTML("<b>Technique held in</b> (the coach's rating):"), widgets.HBox(boxes), out]
    )


def block_answer():
    """Return the block with its technique checkboxes, and the words."""
    w = week1()
    words = (
        f"Week 1: {w['sessions']} sessions × {w['sets']} sets × {w['reps']} reps = "
        f"{w['reps per week']} reps a week; × {w['load BW']:.1f} BW = {w['volume BW']:.1f} BW, "
        f"about {w['volume kg'] / 1000:.1f} tonnes for a {body().mass:.0f} kg lifter.\n\n"
        "**Try it.** Untick week 2 as well: what happens to the loads in the later weeks? And to "
        "the volume?\n\n"
        "**Explain.** Early weeks have the most reps and the most volume at the lowest load. That "
        "is the pattern practice. Later weeks have fewer, heavier reps. A week where the technique "
        "did not hold repeats its load: the plan waits for the technique rather than the "
        "calendar. This is a **planning aid**. It adds up what a plan asks of a lifter. It does "
        "not say what any lifter should lift; the coach's eye and the lifter's response decide "
        "that."
    )
    return Answer(words, _block_widget(), week1=w, block=block())
