"""Lesson 10, debrief and progress: the answers to its three predictions.

Usage
-----
1. ``tracks()``: the two sample sets, read and split into reps (computed once).
2. ``drift_answer()``: rep 2 of each set over the model, every rep's measures, and why.
3. ``tempo_answer()``: set B's measured tempo against the model at that tempo, and why.
4. ``cost_answer()``: Explorer on the tall lifter's bar, over the midfoot against where set
   B's bar ended, and why.
"""

import functools

import numpy as np
from ipywidgets import HBox, Image

from ..coaching.training import table
from ..model import presets
from ..model.analysis import analyze
from ..model.constants import COMPRESSION_LIMITS
from ..model.motion import parse_tempo
from ..model.pose import Posture
from ..ui import Explorer
from ..video.barpath import analyze_track, compare_with_model
from ..video.sample_tracks import load_sample
from . import Answer, num, percent, rows

SETS = {
    "A": ("rdl_3111_px.csv", "average man", 40.0),
    "B": ("rdl_drift_px.csv", "tall lifter", 60.0),
}
PRESCRIBED = "3-1-1-0"


@functools.lru_cache(maxsize=1)
def tracks():
    """Return {set name: (track, reps)} for the two sample sets."""
    out = {}
    for name, (sample, _, _) in SETS.items():
        track = load_sample(sample)
        out[name] = (track, analyze_track(track))
    return out


def _cm(metres):
    return f"{round(100 * metres, 1) + 0.0:+.1f}"  # + 0.0: no "-0.0"


def _mean(reps, get):
    return float(np.mean([get(r) for r in reps]))


def drift_answer():
    """Return both sets' rep 2 over the model, the per-rep measures, and the words."""
    from ..viz import to_png
    from ..viz.progress import barpath_figure

    standing, hinge = presets.posture("standing"), presets.posture("textbook hinge")
    reps = {k: v[1] for k, v in tracks().items()}
    figures = HBox(
        [
            Image(
                value=to_png(
                    barpath_figure(
                        reps[k][1],
                        presets.lifter(lifter),
                        standing,
                        hinge,
                        "RDL",
                        kg,
                        title=f"Set {k}, rep 2",
                    )
                )
            )
            for k, (_, lifter, kg) in SETS.items()
        ]
    )
    measures = table(
        [
            {
                "set": k,
                "rep": r.number,
                "tempo (s)": r.tempo_text,
                "drift (cm, + forward)": _cm(r.drift),
                "largest distance from a vertical line (cm)": _cm(r.max_deviation)[1:],
                "bar ahead of the midfoot, bottom (cm)": _cm(r.bar_to_midfoot["bottom"]),
            }
            for k in SETS
            for r in reps[k]
        ]
    )
    a, b = reps["A"], reps["B"]
    start = _mean(a + b, lambda r: r.bar_to_midfoot["start"])
    words = (
        f"{measures}\n\n"
        f"**Explain.** Both bars start about {100 * start:.0f} cm in front of the midfoot: that is "
        "where a bar hangs against the thighs when the lifter stands tall.\n\n"
        f"- **Set A** drifts about **{100 * abs(_mean(a, lambda r: r.drift)):.0f} cm backwards**: "
        "as the hips go back, the bar slides down the thighs and ends **over the midfoot** at "
        "the bottom, just as the model's textbook hinge does (the orange line sits on the black "
        "dashes).\n"
        f"- **Set B** drifts about **{100 * _mean(b, lambda r: r.drift):.0f} cm forward**: at the "
        f"bottom the bar hangs about **{100 * _mean(b, lambda r: r.bar_to_midfoot['bottom']):.0f} "
        "cm in front of the midfoot**. Same self-rating, a very different bar.\n"
        "- The **largest distance from a vertical line** is about "
        f'{100 * _mean(a + b, lambda r: r.max_deviation):.0f} cm in both sets. "Keep the bar path '
        'vertical" is a good cue, but as a number it cannot tell these two sets apart: it '
        "ignores the direction. Record the drift with its sign (+ forward), and, when the foot "
        "is marked on the video, where the bar ends over the foot.\n"
        "- Alex's video also tracked the hip: at the bottom the bar is "
        f"**{100 * _mean(a, lambda r: r.hip_to_bar['bottom']):.0f} cm** in front of the hip. "
        "Sam's video has no hip marker, so there is no hip-to-bar distance for set B. Put a "
        "marker on the hip next time: it is the measure lesson 4 asked you to film.\n\n"
        "On these samples the analysis finds the drift to within ±1 cm of what was put in; with "
        "real video, count on a centimetre or two of tracking error, so a change of 6 cm is real "
        "and a change of 1 cm may not be."
    )
    return Answer(figures, words, reps=reps)


def comparison():
    """Return set B's rep 2 against the model's tall lifter at the same (measured) tempo."""
    _, lifter, kg = SETS["B"]
    return compare_with_model(
        tracks()["B"][1][1],
        presets.lifter(lifter),
        presets.posture("standing"),
        presets.posture("textbook hinge"),
        presets.load("RDL", kg),
    )


def tempo_answer():
    """Return set B's measured tempo per rep, rep 2 against the model, and the words."""
    reps = tracks()["B"][1]
    per_rep = "\n".join(
        f"- rep {r.number}: {r.tempo_text} s (prescribed {PRESCRIBED})" for r in reps
    )
    comp = comparison()
    shown = rows(
        ("measure", "set B, rep 2", "model, textbook hinge at the same tempo"),
        *[
            (
                m,
                f"{100 * v:.1f} cm" if u == "m" else f"{v:.1f} s",
                f"{100 * w:.1f} cm" if u == "m" else f"{w:.1f} s",
            )
            for m, v, w, u in comp.rows
        ],
    )
    got = {m: (v, w) for m, v, w, _ in comp.rows}
    low, pause, rise = (
        _mean(reps, lambda r, k=k: getattr(r, k)) for k in ("lowering", "bottom_pause", "rising")
    )
    tops = [r.top_pause for r in reps if r.top_pause is not None]
    plan = parse_tempo(PRESCRIBED)
    tracked, model = got["bar drift at the bottom"]
    words = (
        f"{per_rep}\n\n{shown}\n\n"
        f"**Explain.** Sam lowered in about **{low:.1f} s instead of {plan[0]:.0f} s**, paused "
        f"**{min(r.bottom_pause for r in reps):.1f} to {max(r.bottom_pause for r in reps):.1f} s** "
        f"instead of {plan[1]:.0f} s (within the timing error: no pause), rose in about "
        f"{rise:.1f} s and stood about {np.mean(tops):.0f} s at the top. The lowering, pause and "
        f"rise took about **{low + pause + rise:.0f} s per rep instead of {sum(plan[:3]):.0f} "
        f"s**: over {len(reps)} reps, about {len(reps) * (low + pause + rise):.0f} s of "
        f"controlled work instead of {len(reps) * sum(plan[:3]):.0f} s.\n\n"
        "The model, run at Sam's own tempo, lowers the bar by about the same amount, but its "
        f"bar ends about {100 * abs(model):.0f} cm *behind* where it started, over the midfoot, "
        f"while Sam's ended about {100 * tracked:.0f} cm in front. The "
        f"**{100 * (tracked - model):.0f} "
        "cm difference at the bottom** is the fault the video found. The model does not say "
        "that the rush caused the drift (the drift was built into this sample); a coach would "
        "still treat both together, because a 3 s lowering and a counted pause give the lifter "
        "time to feel the bar against the legs and fix it."
    )
    return Answer(words, reps=reps, comparison=comp)


def tall(bar, kg=60.0):
    """Analyse the tall lifter's textbook hinge with the bar ``bar`` m ahead of the midfoot."""
    p = {**presets.POSTURES["textbook hinge"], "bar": bar}
    return analyze(presets.lifter("tall lifter"), Posture(**p), presets.load("RDL", kg))


def cost_answer():
    """Build the Explorer on the tall lifter's bar, the table, and the words."""
    panel = Explorer(
        lifter="tall lifter",
        posture="textbook hinge",
        load=60,
        show=["bar"],
        overlays=("com", "midfoot", "hip_to_bar"),
    )
    ended = round(_mean(tracks()["B"][1], lambda r: r.bar_to_midfoot["bottom"]), 2)
    over, ahead = tall(0.0), tall(ended)

    def line(name, get, fmt):
        return (name, fmt(get(over)), fmt(get(ahead)))

    shown = rows(
        ("", "bar over the midfoot", f"bar {100 * ended:.0f} cm in front"),
        line("hip-to-bar", lambda r: num(r.metrics["hip_to_bar"]), lambda v: f"{100 * v:.0f} cm"),
        line("hip moment", lambda r: num(r.moments["hip"]), lambda v: f"{v:.0f} N·m"),
        line("L5/S1 moment", lambda r: num(r.moments["l5s1"]), lambda v: f"{v:.0f} N·m"),
        line("L5/S1 compression", lambda r: num(r.disc["compression"]), lambda v: f"{v:.0f} N"),
        line("L5/S1 shear", lambda r: num(r.disc["shear"]), lambda v: f"{v:.0f} N"),
    )
    words = (
        f"**Explain.** Tall lifter, 60 kg, the same textbook hinge, bar over the midfoot against "
        f"{100 * ended:.0f} cm in front of it (where set B's bar ended):\n\n{shown}\n\n"
        "The lifter stays balanced: to keep the whole system over the feet, the hips sit further "
        "back, so the bar hangs further from the hips and from the lower back. The L5/S1 moment "
        f"rises by {percent(ahead.moments['l5s1'], over.moments['l5s1']):.0f} %, and compression "
        f"by {percent(ahead.disc['compression'], over.disc['compression']):.0f} %, from already "
        f"past the {COMPRESSION_LIMITS[0]:.0f} N action limit to "
        f"{'past' if num(ahead.disc['compression']) > COMPRESSION_LIMITS[1] else 'close to'} "
        f"the {COMPRESSION_LIMITS[1]:.0f} N maximum limit (NIOSH 1981). The shear falls, by "
        f"{num(over.disc['shear']) - num(ahead.disc['shear']):.0f} N: the harder-pulling back "
        "muscles hold the upper vertebra back (at McGill's slant; lesson 1), so a shear gauge "
        "alone would not flag this fault. For the debrief: a forward drift is a cost on the hips "
        "and the back that the lifter often cannot feel, and the video can measure.\n\n"
        f"**Try it** in the panel: move **bar from midfoot** from 0 to {ended:.2f} m and watch "
        "the hip-to-bar distance, the L5/S1 moment and compression, the shear, and the balance."
    )
    return Answer(panel, words, over=over, ahead=ahead, ended=ended)
