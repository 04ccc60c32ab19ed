"""Lesson 10, debrief and progress: the answers to its three predictions.

Usage
-----
1. ``tracks()``: the two sample sets, read and split into reps (computed once).
2. ``drift_answer()``: rep 2 of each set over the model, every rep's measures, and why.
3. ``tempo_answer()``: set B's measured tempo against the model at that tempo, and why.
4. ``cost_answer()``: Explorer on the tall lifter's bar, over the midfoot against where set
   B's bar ended, and why.
5. ``video_review()``: set A's own video (rendered by the course, written to MP4 and read
   back) and its Kinovea export, reviewed (computed once).
6. ``velocity_answer()``: the bar's velocity per rep from the video, checked against the
   export, with the caveats.
7. ``loads_answer()``: the coach's debrief panel (velocity, Alex's own L5/S1 loads
   beside the textbook hinge, the video with one time cursor, the journal form) and why.
"""

import dataclasses
import functools
import os
import tempfile

import numpy as np
from ipywidgets import HBox, Image

from ..coaching.training import table
from ..model import presets
from ..model.analysis import analyze
from ..model.constants import COMPRESSION_LIMITS
from ..model.motion import parse_tempo
from ..model.pose import Posture
from ..ui import Explorer
from ..ui.debrief_panel import DebriefPanel
from ..video.barpath import analyze_track, compare_with_model
from ..video.fit import rep_through_model
from ..video.pelvis import MARKER
from ..video.review import sample_review
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


#: the knee marker lost on set A's video (s), at the bottom of rep 2, as when a hand passes
KNEE_LOST = (10.3, 10.5)
VIDEO_FPS = 30  # frames/s of set A's video, a phone's usual rate


@functools.lru_cache(maxsize=1)
def video_review():
    """Set A's video (MP4, written and read back) and Kinovea export, reviewed."""
    folder = tempfile.mkdtemp(prefix="hinge-video-")
    return sample_review(fps=VIDEO_FPS, mp4=os.path.join(folder, "alex_set_a.mp4"),
                         export="rdl_3111_kinovea.csv", gap=("knee", *KNEE_LOST))


def export_reps():
    """Set A's reps from the Kinovea export (60 frames/s), for a cross-check of the video."""
    rv = video_review()
    return analyze_track(rv.export, load_kg=rv.load_kg)


def velocity_answer():
    """Return the velocity per rep from the video, the export's for comparison, and the words."""
    rv = video_review()
    other = {r.number: r for r in export_reps()}
    shown = rows(
        ("rep", "tempo (s)", "rise (cm)", "mean velocity (m/s)", "peak velocity (m/s)",
         "time to peak (s)", "export: mean, peak (m/s)"),
        *[(n, tempo, f"{100 * rom:.0f}", f"{mean:.2f}", f"{peak:.2f}", f"{ttp:.2f}",
           f"{other[n].velocity.mean:.2f}, {other[n].velocity.peak:.2f}" if n in other else "—")
          for n, tempo, mean, peak, ttp, rom, _ in rv.velocity_rows()])
    means = [r.velocity.mean for r in rv.reps]
    rom = _mean(rv.reps, lambda r: r.velocity.range_of_motion)
    rise = _mean(rv.reps, lambda r: r.velocity.concentric_time)
    gap_mean = max(abs(r.velocity.mean - other[r.number].velocity.mean)
                   for r in rv.reps if r.number in other)
    gap_peak = max(abs(r.velocity.peak - other[r.number].velocity.peak)
                   for r in rv.reps if r.number in other)
    found = int(np.sum(~rv.bar.filled["bar"]))
    words = (
        f"{shown}\n\n"
        f"**Explain.** The bar rose about **{100 * rom:.0f} cm in {rise:.1f} s**: a mean "
        f"concentric velocity of **{np.mean(means):.2f} m/s** (rise over time), peaking at about "
        f"{_mean(rv.reps, lambda r: r.velocity.peak):.2f} m/s. The velocity loss over the set is "
        f"**{rv.velocity_loss:.0f} %** (fastest rep's mean to the last's): at 40 kg Alex did not "
        "slow down.\n\n"
        f"The video ({VIDEO_FPS} frames/s, the plate found on {found} of {len(rv.frames)} "
        "frames and scaled from its 0.45 m) and the Kinovea export of the same lift "
        "(60 frames/s) agree to "
        f"{100 * gap_mean:.1f} cm/s on the mean and {100 * gap_peak:.1f} cm/s on the peak.\n\n"
        "*Caveats.* This video is synthetic, square to the camera, with a perfect plate. On a "
        "real phone video the velocity depends on the camera being square to the bar's path "
        "(otherwise the scale changes across the image), on measuring the plate well, on the "
        "frame rate (a peak is under-read at 30 frames/s) and on tracking noise. Mean velocity "
        "is steadier than peak velocity: compare mean velocities from the same camera set-up, "
        "session to session, and treat a change of a few cm/s as noise."
    )
    return Answer(words, review=rv, export_reps=other, means=means, found=found,
                  gap_mean=gap_mean, gap_peak=gap_peak)


def debrief_panel(folder):
    """The coach's debrief panel on set A, its journal form writing to ``folder``."""
    rv = video_review()
    return DebriefPanel(rv, folder, "Alex", t=float(rv.reps[1].rise_start))


def loads_answer(folder=None):
    """Return the coach's debrief panel on set A and the words on Alex's own loads.

    Parameters
    ----------
    folder : str, optional
        The journal folder the panel's form writes to (default: a new, empty
        temporary folder).
    """
    rv = video_review()
    panel = debrief_panel(folder or tempfile.mkdtemp(prefix="hinge-journal-"))
    loads = rv.load_rows()
    own_peak = float(np.mean([row[1] for row in loads]))
    book_peak = float(np.mean([row[2] for row in loads]))
    disc = np.asarray(rv.own.result.disc["compression"])
    when = []
    for r in rv.reps:
        span = (rv.own.t >= r.start) & (rv.own.t <= r.end)
        when.append(float(rv.own.t[span][np.argmax(disc[span])] - r.rise_start))
    mids = [rv.at(0.5 * (r.lowered + r.rise_start)) for r in rv.reps if r.number != 2]
    own_mid = float(np.mean([m.compression for m in mids]))
    book_mid = float(np.mean([m.textbook["compression"] for m in mids]))
    model = rv.textbook[0].model
    speed = np.gradient(np.asarray(model.points["bar"])[:, 1], model.t)
    flagged = rv.frames_flagged()
    spine = lumbar_answer()
    words = (
        f"**Explain.** Alex's L5/S1 compression is highest **just as the bar leaves the "
        f"bottom** (on average {abs(np.mean(when)):.2f} s "
        f"{'after' if np.mean(when) >= 0 else 'before'} the rise starts): the trunk is still "
        "tipped forward and the hips and back now also have to speed the bar and the trunk up. "
        f"The peak is about **{own_peak:.0f} N**, "
        f"{'above' if own_peak > COMPRESSION_LIMITS[0] else 'below'} the "
        f"{COMPRESSION_LIMITS[0]:.0f} N action limit (NIOSH 1981), at 40 kg.\n\n"
        f"- Held still at the bottom, Alex and the textbook hinge at the same load agree: about "
        f"{own_mid:.0f} N against {book_mid:.0f} N (reps 1 and 3, mid-pause).\n"
        f"- At the turn the textbook hinge peaks higher, about {book_peak:.0f} N: the model "
        "moves along its own smooth curve, and in the same rising time its bar peaks at "
        f"{speed.max():.2f} m/s against Alex's {_mean(rv.reps, lambda r: r.velocity.peak):.2f} "
        "m/s. The harder drive out of the bottom is what costs the extra.\n"
        f"- **{flagged} of {rv.own.t.size} frames** are flagged: the knee marker was lost from "
        f"{KNEE_LOST[0]:.1f} to {KNEE_LOST[1]:.1f} s and filled in by a straight line. Move the "
        "cursor there: the words turn orange and the figure is dashed. Read no load from those "
        "frames.\n"
        f"- **The lower back, from the sacrum marker.** {rv.lumbar_words()} Mid-pause Alex's "
        f"back is rounded about {spine.lumbar:.0f}° from standing, as the model's textbook hinge "
        f"({presets.POSTURES['textbook hinge']['lumbar']:.0f}°): near neutral. As the bar "
        f"starts to rise it reads about {spine.rise:.0f}°: {_turn_words(spine)}. Without that "
        f"marker the fit must take the spine as neutral and put the whole trunk's tip at the "
        f"hips: the same video would read {spine.neutral_hip:.0f}° of hip flexion instead of "
        f"{spine.hip:.0f}° mid-pause, and a compression {spine.compression_gap:.0f} N lower. "
        "A few degrees of rounding hidden as hip bend; a back that rounds more would change the "
        "loads more (lesson 1).\n\n"
        "**Try** in the panel: drag the time slider through rep 2. Watch the frame, the "
        "fitted figure and the three plots move together; stop where the compression peaks, "
        f"then at {np.mean(KNEE_LOST):.1f} s. Below the video, the form has the set's tempo, "
        "drift, hip-to-bar and the velocity already filled in from the video: add the ratings "
        "and save it."
    )
    return Answer(panel, words, review=rv, own_peak=own_peak, book_peak=book_peak,
                  own_mid=own_mid, book_mid=book_mid, when=when, model_peak_speed=speed.max(),
                  flagged=flagged, spine=spine)


@functools.lru_cache(maxsize=1)
def neutral_own():
    """Alex's rep through the model from the same export without the sacrum marker."""
    rv = video_review()
    export = dataclasses.replace(rv.export, points={k: v for k, v in rv.export.points.items()
                                                    if k != MARKER})
    return rep_through_model(export, presets.load("RDL", rv.load_kg), mass=rv.own.body.mass)


def _turn_words(spine):
    """Whether the lower back rounds more at the turn than mid-pause, in words.

    Within 1° (the readout's whole degree) they count as the same.
    """
    if abs(spine.rise - spine.lumbar) < 1.0:
        return "no more than in the pause, so the back holds its shape and the hips make the turn"
    return ("more than in the pause: the back gives a little as the drive starts"
            if spine.rise > spine.lumbar else "less than in the pause")


def lumbar_answer():
    """Alex's lumbar and hip flexion mid-pause with the sacrum marker, and without it.

    Returns
    -------
    types.SimpleNamespace
        ``lumbar``, ``hip``, ``neutral_hip`` (deg, mean over the reps' mid-pause),
        ``rise`` (deg, lumbar flexion as the bar starts to rise, mean over the reps),
        ``compression_gap`` (N: with the marker less without, same frames).
    """
    import types
    rv, neutral = video_review(), neutral_own()
    mids = [0.5 * (r.lowered + r.rise_start) for r in rv.reps]

    def at(own, key, table="angles"):
        values = own.angles[key] if table == "angles" else own.result.disc[key]
        return float(np.mean(np.interp(mids, own.t, np.asarray(values))))

    return types.SimpleNamespace(
        lumbar=at(rv.own, "lumbar"), hip=at(rv.own, "hip"), neutral_hip=at(neutral, "hip"),
        rise=float(np.mean(np.interp([r.rise_start for r in rv.reps], rv.own.t,
                                     np.asarray(rv.own.angles["lumbar"])))),
        compression_gap=at(rv.own, "compression", "disc") - at(neutral, "compression", "disc"))
