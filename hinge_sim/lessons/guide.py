"""The instructor guide's tables, with every number from the call the panels make.

The demonstration numbers are the Explorer's (average man, 40 kg RDL, its
defaults); the tempo numbers are the Tempo player's, at its own frame rate.

Usage
-----
1. ``demo_table()``: the demonstration sequence with what to expect (Markdown).
2. ``misconceptions_table()``: what learners say and what the model answers (Markdown).
3. ``rehearsal()``: the Explorer with the posture menu in :data:`DEMO_ORDER`.
"""

import numpy as np

from ..coaching import training
from ..model import presets
from ..model.analysis import analyze
from ..model.loads import Barbell
from ..model.pose import Posture
from ..ui import Explorer
from . import num, percent, rows, tempo, what_not_to_do

LIFTER, EXERCISE, LOAD = "average man", "RDL", 40.0
DEMO_ORDER = [
    "standing",
    "textbook hinge",
    "bar drifting forward",
    "rounded back",
    "stiff-legged reach",
    "squatty hinge",
]
TEMPOS = ("3-1-1-0", "3-1-3-0")


def pose(name, **change):
    """Analyse a posture preset (changed by ``change``) as the Explorer's defaults do."""
    p = {**presets.POSTURES[name], **change}
    return analyze(presets.lifter(LIFTER), Posture(**p), presets.load(EXERCISE, LOAD))


def tempo_peaks():
    """Return {tempo: peak compression (N)} of :data:`TEMPOS`, at the Tempo player's rate."""
    body, top, bottom, _ = tempo.setup()
    got = training.compare_tempos(body, top, bottom, Barbell(LOAD), TEMPOS, fps=tempo.player_fps())
    return {r["tempo"]: r["peak compression"] for r in got}


def demo_table():
    """Return the demonstration sequence with the numbers to expect (Markdown)."""
    R = {n: pose(n) for n in DEMO_ORDER}

    def c(n):
        return num(R[n].disc["compression"])

    def s(n):
        return num(R[n].disc["shear"])

    def m(n):
        return num(R[n].moments["l5s1"])

    peaks = tempo_peaks()
    lines = [
        (
            1,
            "*standing*",
            "COM marker over the midfoot line; small loads",
            f"compression {c('standing'):.0f} N",
        ),
        (
            2,
            "*textbook hinge*, then **Freeze ghost**",
            "hip share 100 %; knee moment *flexor* (hamstrings); shins vertical",
            f"compression {c('textbook hinge'):.0f} N, shear {s('textbook hinge'):.0f} N, "
            f"L5/S1 {m('textbook hinge'):.0f} N·m",
        ),
        (
            3,
            "*bar drifting forward*, overlay **hip_to_bar**",
            "the COM stays over the midfoot; the hips move back; trunk angle hardly changes",
            f"L5/S1 {m('bar drifting forward'):.0f} N·m "
            f"({percent(m('bar drifting forward'), m('textbook hinge')):+.0f} %), compression "
            f"{c('bar drifting forward'):.0f} N, past the action limit",
        ),
        (
            4,
            "*rounded back*, overlay **dowel**",
            "shear gauge turns to *caution*; spine curve; sacrum off the dowel",
            f"shear {s('rounded back'):.0f} N; compression {c('rounded back'):.0f} N "
            f"({percent(c('rounded back'), c('textbook hinge')):+.0f} %)",
        ),
        (
            5,
            "*stiff-legged reach*",
            "knees locked: the hamstrings are at their limit, the reach comes from the spine",
            f"shear {s('stiff-legged reach'):.0f} N, lower back "
            f"{num(R['stiff-legged reach'].metrics['lumbar_flexion']):.0f}°",
        ),
        (
            6,
            "*squatty hinge*",
            "knee moment turns *extensor*; hip share falls; bar ahead of the knees",
            f"hip share {100 * num(R['squatty hinge'].metrics['hip_share']):.0f} %, compression "
            f"{c('squatty hinge'):.0f} N, shear {s('squatty hinge'):.0f} N",
        ),
        (
            7,
            "*textbook hinge*, lifter *tight hamstrings*",
            "the back rounds by itself; then raise knee bend to about 40°",
            f"lower back {num(tight().metrics['lumbar_flexion']):.0f}°, shear "
            f"{num(tight().disc['shear']):.0f} N",
        ),
        (8, "step **2. Compare**, tab *Differences*",
         "the table: differences in N and N·m with units", ""),
        (
            9,
            "step **3. Tempo**, 3-1-1-0 then 3-1-3-0",
            "phases shaded; breathing cue per phase; peak compression in the rise "
            "(tab *Peaks*)",
            f"peaks {peaks['3-1-1-0']:.0f} N and {peaks['3-1-3-0']:.0f} N",
        ),
    ]
    return rows(("step", "preset or action", "point at", f"expect ({LOAD:.0f} kg)"), *lines)


def tight():
    """Analyse the tight-hamstring lifter in the textbook hinge (40 kg RDL)."""
    return analyze(
        presets.lifter("tight hamstrings"),
        presets.posture("textbook hinge"),
        presets.load(EXERCISE, LOAD),
    )


def misconception_results():
    """Return the named results the misconceptions table quotes."""
    tb, rb, drift = (pose(n) for n in ("textbook hinge", "rounded back", "bar drifting forward"))
    return dict(
        textbook=tb,
        rounded=rb,
        drift=drift,
        squatty=pose("squatty hinge"),
        soft=pose("textbook hinge", knee=np.array([20.0, 40.0])),
        heels=pose("textbook hinge", weight_shift=-0.8),
        tight=tight(),
        braced=analyze(
            presets.lifter(LIFTER),
            presets.posture("textbook hinge"),
            presets.load(EXERCISE, LOAD),
            bracing=1.0,
        ),
        arch=pose("textbook hinge", lumbar=np.array([-20.0, 0.0])),
        chord_textbook=what_not_to_do.hinge("textbook hinge", "chord"),
        chord_rounded=what_not_to_do.hinge("rounded back", "chord"),
        peaks=tempo_peaks(),
    )


def misconceptions_table():
    """Return what learners say and what the model answers (Markdown)."""
    r = misconception_results()
    tb, rb, sq, drift, heels = r["textbook"], r["rounded"], r["squatty"], r["drift"], r["heels"]
    peaks = r["peaks"]

    def c(x):
        return num(x.disc["compression"])

    lines = [
        (
            '"Rounding only matters if compression goes up."',
            "It does go up: at nearly the same trunk angle, rounding raises compression by "
            f"{percent(c(rb), c(tb)):.0f} % ({c(tb):.0f} → {c(rb):.0f} N). The shear changes "
            f"more: it more than doubles ({num(tb.disc['shear']):.0f} → "
            f"{num(rb.disc['shear']):.0f} N) under McGill's reading of the back muscles.",
            "*textbook hinge* → *rounded back*; shear gauge",
        ),
        (
            '"Rounding is dangerous because it raises shear."',
            "That holds under McGill's reading of the back muscles "
            f"({num(tb.disc['shear']):.0f} → {num(rb.disc['shear']):.0f} N). With the muscles "
            "pulling along the trunk (Macintosh, Bogduk & Pearcy 1993; Khoddam-Khorasani & "
            "Shirazi-Adl 2020) the same rounding lowers it "
            f"({num(r['chord_textbook'].disc['shear']):.0f} → "
            f"{num(r['chord_rounded'].disc['shear']):.0f} N). What holds under both: compression "
            "rises. Teach neutral, and say the shear argument is open.",
            "lesson 1, the *back muscles pull* switch",
        ),
        (
            '"Bend the knees to save the back."',
            "With the bar over the midfoot, a little more knee bend changes the back load little; "
            "once the knees push the bar forward (squatty hinge) compression rises by about "
            f"{percent(c(sq), c(tb)):.0f} %, and the hips and hamstrings lose the work.",
            '*squatty hinge*; try bar 0 → "through the legs"',
        ),
        (
            '"An upright trunk is always the safer one."',
            f"As the bar drifts {100 * presets.POSTURES['bar drifting forward']['bar']:.0f} cm "
            "forward "
            "the trunk angle changes by only "
            f"{abs(num(drift.metrics['trunk_angle']) - num(tb.metrics['trunk_angle'])):.0f}° while "
            "the "
            f"L5/S1 moment rises by {percent(drift.moments['l5s1'], tb.moments['l5s1']):.0f} %. "
            "Watch "
            "hip to bar, not the trunk.",
            "*bar drifting forward* with the hip_to_bar overlay",
        ),
        (
            '"Sit back on your heels."',
            "With the bar over the midfoot the hips move further behind it: L5/S1 moment "
            f"{percent(heels.moments['l5s1'], tb.moments['l5s1']):+.0f} % and only "
            f"{100 * num(heels.metrics['balance_margin']):.0f} cm of balance margin left.",
            "lesson 4, weight shift table",
        ),
        (
            '"Tight hamstrings just limit depth."',
            "They limit the *hips*; a lifter who chases depth takes it from the lower back "
            f"({num(r['tight'].metrics['lumbar_flexion']):.0f}° instead of "
            f"{num(tb.metrics['lumbar_flexion']):.0f}° in the textbook hinge).",
            "lifter *tight hamstrings*, dowel overlay",
        ),
        (
            '"Bracing takes load off the spine."',
            f"Not in this model: a full brace adds about {c(r['braced']) - c(tb):.0f} N of "
            "compression, because the abdominals that make the pressure bend the trunk harder "
            "than it straightens it and the back muscles pay the difference; shear falls by "
            f"{num(tb.disc['shear']) - num(r['braced'].disc['shear']):.0f} N. It buys a stiffer "
            "trunk. Whether pressure unloads the spine is debated (McGill & Norman 1987).",
            "bracing slider, lesson 6",
        ),
        (
            '"Arch as hard as you can."',
            f"The model's shear is lowest at neutral ({num(r['arch'].disc['shear'][1]):.0f} N) and "
            f"a little higher arched ({num(r['arch'].disc['shear'][0]):.0f} N at −20°), and the "
            "model has no facet joints, which an arch loads most. Teach the lifter's own "
            "neutral curve.",
            "back rounding slider from −20° to 0",
        ),
        (
            '"Speed doesn\'t change the load, the weight does."',
            f"Rising in 1 s instead of 3 s raised the peak compression from {peaks['3-1-3-0']:.0f} "
            "to "
            f"{peaks['3-1-1-0']:.0f} N.",
            "Tempo player",
        ),
        (
            '"The model tells me what my lifter can safely lift."',
            "It does not: it compares postures and shows directions and rough sizes of effects for "
            "a "
            "generic body.",
            "lesson 0",
        ),
    ]
    return rows(("learners say", "the model answers", "show it with"), *lines)


def rehearsal():
    """Build the Explorer with the posture menu in demonstration order."""
    return Explorer(posture="standing", presets=DEMO_ORDER)
