"""Lesson 5, tempo: the answers to its predictions and estimate.

Every number about a rep comes from the rep the Tempo player computes: the same
:func:`hinge_sim.simulate` at the player's own frame rate (:func:`player_fps`).
A finer rate would give slightly higher peaks for the fastest rises (a 0.5 s
rise is fifteen frames at 30 frames per second), so text, tables and player
use one rate and cannot disagree.

Usage
-----
1. ``speed_answer()``: the Tempo player, peaks at three tempos, and why.
2. ``hip_work_percent()``: the hips' share of the rising work (the estimate).
3. ``work_answer()``: work, time under tension and power at three tempos.
4. ``fatigue_answer()``: a set whose bottom drifts, split into its two parts.
"""

import inspect

import ipywidgets as widgets

from ..coaching import training
from ..model import presets
from ..model.analysis import analyze, simulate
from ..model.constants import COMPRESSION_LIMITS, FATIGUE_BAR_M_PER_REP, FATIGUE_LUMBAR_DEG_PER_REP
from ..model.loads import Barbell
from ..ui import TempoPlayer
from . import Answer, num, percent

LOAD = 60.0  # kg
TEMPOS = ("3-1-3-0", "3-1-1-0", "31X0")
REPS = 8
SET_COLUMNS = [
    "rep",
    "lumbar_flexion",
    "bar_to_midfoot",
    "l5s1_moment",
    "compression",
    "shear",
    "hip_work_share",
]


def player_fps():
    """Return the Tempo player's frame rate (its default), the rate every rep here uses."""
    return inspect.signature(TempoPlayer).parameters["fps"].default


def setup():
    """Return the lesson's lifter, top and bottom postures and bar."""
    return (
        presets.lifter("average man"),
        presets.posture("standing"),
        presets.posture("textbook hinge"),
        Barbell(LOAD),
    )


def tempo_rows(tempos=TEMPOS, fps=None):
    """Return :func:`hinge_sim.coaching.training.compare_tempos` rows at the player's rate."""
    body, top, bottom, bar = setup()
    return training.compare_tempos(body, top, bottom, bar, tempos, fps=fps or player_fps())


def speed_answer():
    """Build the Tempo player and the peaks at three tempos, with the words."""
    player = TempoPlayer(tempo="3-1-3-0", load=LOAD)
    slow, medium, fast = rows = tempo_rows(fps=player.fps)
    body, _, bottom, bar = setup()
    still = analyze(body, bottom, bar)
    table = training.table(
        rows,
        ["tempo", "rise", "peak l5s1 moment", "peak hip moment", "peak compression", "peak shear"],
    )
    fast_rep = simulate(body, *setup()[1:3], TEMPOS[-1], bar, fps=player.fps)
    words = (
        f"Holding the bottom still: L5/S1 compression {num(still.disc['compression']):.0f} N. "
        f"Peaks over one rep (rise in s, moments in N·m, disc loads in N):\n\n{table}\n\n"
        f"**Explain.** A slow {slow['tempo']} rep is almost a string of still positions: its peak "
        f"is within {abs(percent(slow['peak compression'], num(still.disc['compression']))):.0f} % "
        "of holding the bottom still. With a 1 s rise the peak is "
        f"{percent(medium['peak compression'], slow['peak compression']):.0f} % higher. With an X "
        f"rise it is {fast['peak compression'] / slow['peak compression']:.1f} times the slow "
        f"rep's, and in this model it crosses the {COMPRESSION_LIMITS[1]:.0f} N maximum limit "
        f"with only {LOAD:.0f} kg. The peak comes just after the lifter leaves the bottom, where "
        "the rise speeds the load up from rest.\n\n"
        f"At {TEMPOS[-1]} the player also warns that the rise is too fast to stay balanced. Read "
        "that as a limit of the model, not of a lifter: the model moves every joint along one "
        "smooth path that is balanced for a still pose and never shifts the pressure under the "
        "foot the way a lifter does as they drive up; its X rise (0.5 s, an assumption) trips the "
        "warning even with an empty dowel. Lesson 9 comes back to it.\n\n"
        "This is what coaches mean by *speed adds load*. The slow lowering and the pause do not "
        "make the rep heavier. They give the lifter time to find and hold the position before the "
        "demanding part, the rise. Start explosive reps with light loads and a solid position."
    )
    return Answer(player, words, rows=rows, still=still, fast_rep=fast_rep)


def hip_work_percent(tempo="3-1-1-0"):
    """Return the hips' share (%) of the positive work of the rise, at the player's rate."""
    body, top, bottom, bar = setup()
    s = simulate(body, top, bottom, tempo, bar, fps=player_fps()).summary()
    return round(
        100 * s["hip positive work"] / (s["hip positive work"] + s["lumbar positive work"]), 1
    )


def work_answer():
    """Return work, time under tension and hip power at the three tempos, with the words."""
    rows = tempo_rows()
    slow, _, fast = rows
    table = training.table(
        rows, ["tempo", "time under tension", "hip work", "lumbar work", "peak hip power"]
    )
    hip = [r["hip work"] for r in rows]
    lumbar = [r["lumbar work"] for r in rows]
    share = min(h / (h + b) for h, b in zip(hip, lumbar))
    words = (
        f"Rising work in J, time under tension in s, peak hip power in W:\n\n{table}\n\n"
        f"**Explain.** In every tempo the hips do at least {100 * share:.0f} % of the rising "
        f"work: {min(hip):.0f} to {max(hip):.0f} J against {min(lumbar):.0f} to "
        f"{max(lumbar):.0f} J for the lower back, which only bends a few degrees in this hinge "
        "while the hips move through their whole range. The amount of work hardly changes with "
        "tempo, because the same trunk and bar are lifted through the same height. The **power** "
        f"changes a lot: the X rise does about the same work in a sixth of the time, so its peak "
        f"hip power is {fast['peak hip power'] / slow['peak hip power']:.0f} times the slow "
        "rep's. That is why a hinge done with intent trains power, and also why it loads more. "
        '"Drive with the hips" means the hips do the work while the lower back holds its '
        "shape."
    )
    return Answer(words, rows=rows)


def fatigue_sets(fatigue=1.0):
    """Return the set with both drifts, rounding only and bar drift only (dict of name -> set)."""
    body, top, bottom, bar = setup()
    fps = 50
    return {
        "Both drifts": training.simulate_set(
            body, top, bottom, reps=REPS, tempo="3-1-1-0", load=bar, fatigue=fatigue, fps=fps
        ),
        "Rounding only": training.simulate_set(
            body, top, bottom, reps=REPS, load=bar, fatigue=fatigue, drift=0.0, fps=fps
        ),
        "Bar drift only": training.simulate_set(
            body, top, bottom, reps=REPS, load=bar, fatigue=fatigue, rounding=0.0, fps=fps
        ),
    }


def _set_tables(sets):
    return "\n\n".join(
        f"**{name}**\n\n" + training.table(s, SET_COLUMNS) for name, s in sets.items()
    )


def fatigue_explorer():
    """Build a fatigue slider (0 to 2) that redraws the three sets' tables."""
    from IPython.display import Markdown, display

    slider = widgets.FloatSlider(
        value=1.0, min=0.0, max=2.0, step=0.5, description="fatigue", continuous_update=False
    )
    out = widgets.Output()

    def show(_=None):
        sets = fatigue_sets(slider.value)
        over = [
            int(r)
            for r, c in zip(sets["Both drifts"]["rep"], sets["Both drifts"]["compression"])
            if c > COMPRESSION_LIMITS[1]
        ]
        first = (
            f"compression passes {COMPRESSION_LIMITS[1]:.0f} N from rep {over[0]}"
            if over
            else f"compression stays under {COMPRESSION_LIMITS[1]:.0f} N"
        )
        out.clear_output(wait=True)
        with out:
            display(
                Markdown(
                    f"At fatigue {slider.value:g}, with both drifts, {first}.\n\n"
                    + _set_tables(sets)
                )
            )

    slider.observe(show, names="value")
    show()
    return widgets.VBox([slider, out])


def fatigue_answer():
    """Return the three sets at the assumed fatigue, their tables and the words."""
    sets = fatigue_sets(1.0)
    rounding, drift = sets["Rounding only"], sets["Bar drift only"]
    words = (
        f"**Explain.** Per rep the model moves {FATIGUE_LUMBAR_DEG_PER_REP:g}° of hip bend into "
        f"the lower back and lets the bar drift {100 * FATIGUE_BAR_M_PER_REP:g} cm further "
        f"forward (the assumption above). The two drifts do different harm over {REPS} reps:\n\n"
        "- **Bar drifting forward** lengthens the lever between the bar and the lower back. The "
        f"L5/S1 moment rises by {percent(drift['l5s1_moment'][-1], drift['l5s1_moment'][0]):.0f} % "
        f"and the compression by {percent(drift['compression'][-1], drift['compression'][0]):.0f} "
        "%. "
        f"Shear does not rise: it falls by {drift['shear'][0] - drift['shear'][-1]:.0f} N, because "
        "the harder-pulling back muscles also pull the vertebra back (at McGill's slant, the "
        "reading every panel uses; lesson 1 shows the other).\n"
        "- **Back rounding** barely changes the moment "
        f"({percent(rounding['l5s1_moment'][-1], rounding['l5s1_moment'][0]):+.0f} %). It raises "
        f"shear by {rounding['shear'][-1] - rounding['shear'][0]:.0f} N, and it hands part of the "
        "rise to the lower back: the hips' share of the work falls rep by rep, from "
        f"{100 * rounding['hip_work_share'][0]:.0f} % to "
        f"{100 * rounding['hip_work_share'][-1]:.0f} %. "
        "Near the end of its range the rounded back also leans on stretched ligaments.\n\n"
        "A coach should stop the set while the bar path and the back still look like rep 1: end "
        "it a rep early rather than a rep late.\n\n"
        "**Try it.** Move the fatigue slider to 0.5 and to 2.0. At which rep does the compression "
        f"pass the {COMPRESSION_LIMITS[1]:.0f} N maximum limit? Does it ever, at half the drift?"
    )
    return Answer(fatigue_explorer(), words, **{k.split()[0].lower(): v for k, v in sets.items()})
