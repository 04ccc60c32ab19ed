"""Lesson 1, what not to do first: the answers to its three predictions.

Usage
-----
1. ``presets_table()``: the three hinges' inputs, read from the presets.
2. ``rounding_answer()``: Compare, rounded back against textbook hinge, and why.
3. ``arch_to_round_answer()``: Explorer on back rounding, the sweep from arched
   to rounded, and why.
4. ``readings_answer()``: :class:`ReadingsCompare`, the same two hinges under both
   readings of the back muscles' line of pull, and where the evidence disagrees.
"""
import ipywidgets as widgets
import numpy as np

from ..model import presets
from ..model.analysis import analyze
from ..model.body import EXTENSOR_LINES, Body
from ..model.constants import SHEAR_LIMITS
from ..model.pose import Posture
from ..model.spine import EXTENSOR_LINE_TEXT
from ..ui import Compare, Explorer, controls
from . import Answer, num, percent, rows

LIFTER, EXERCISE, LOAD = "average man", "RDL", 40.0
HINGES = ("rounded back", "textbook hinge", "squatty hinge")
#: back rounding (deg) of the arched-to-rounded sweep, hips held at the textbook depth
SWEEP = (-20.0, 0.0, 20.0, 40.0)
#: the two readings of the extensor line, as the lesson names them
READINGS = {"oblique": "McGill's slant", "chord": "along the trunk"}


def body(line="oblique"):
    """Return the lesson's lifter with the back muscles pulling along ``line``."""
    return Body(**{**presets.LIFTERS[LIFTER], "extensor_line": line})


def presets_table():
    """Return the three hinges a coach shows first, as the presets define them (Markdown)."""
    lines = []
    for name in HINGES:
        p = presets.POSTURES[name]
        bar = p.get("bar", 0.0)
        lines.append((f"*{name}*", f"{p['knee']:.0f}°", f"{p['hip']:.0f}°",
                      f"{p['lumbar']:.0f}°", "over the midfoot" if bar == 0 else
                      f"{100 * bar:.0f} cm in front of the midfoot"))
    return rows(("preset", "knees", "hips", "lower back", "bar"), *lines)


def hinge(name, line="oblique"):
    """Return the result for one of :data:`HINGES`, as the Compare panel computes it."""
    return analyze(body(line), presets.posture(name), presets.load(EXERCISE, LOAD))


def rounding_answer():
    """Answer with rounded back against textbook hinge at nearly the same trunk angle."""
    panel = Compare(left=dict(lifter=LIFTER, posture="rounded back"),
                    right=dict(lifter=LIFTER, posture="textbook hinge"),
                    exercise=EXERCISE, load=LOAD)
    rb, tb = panel.results["left"], panel.results["right"]
    sq = hinge("squatty hinge")
    s_rb, s_tb = num(rb.disc["shear"]), num(tb.disc["shear"])
    c_rb, c_tb = num(rb.disc["compression"]), num(tb.disc["compression"])
    limit = SHEAR_LIMITS[0]
    words = (
        "**Explain.** With the trunk at about the same angle "
        f"({num(rb.metrics['trunk_angle']):.0f}° and {num(tb.metrics['trunk_angle']):.0f}° "
        "from vertical), the rounded back raises the "
        f"shear on L5/S1 from {s_tb:.0f} N to {s_rb:.0f} N ({percent(s_rb, s_tb):+.0f} %), "
        f"{'past' if s_rb > limit else 'close to'} the {limit:.0f} N action limit. Compression "
        f"rises too, by a smaller share: from {c_tb:.0f} N to {c_rb:.0f} N "
        f"({percent(c_rb, c_tb):+.0f} %).\n\n"
        "Two things happen in the model when the lower back rounds. The back muscles lose the "
        "backward slant that lets them hold the upper vertebra back, and the stretched "
        "ligaments behind the spine start to carry load, with a forward pull: the passive "
        f"tissues hold {num(tb.disc['passive_moment']):.0f} N·m in the textbook hinge and "
        f"{num(rb.disc['passive_moment']):.0f} N·m rounded, the ligaments pulling "
        f"{num(rb.disc['ligament']):.0f} N instead of {num(tb.disc['ligament']):.0f} N. That is "
        "McGill's account of rounding (McGill, Hughson & Parks 2000), and studies of lifting "
        "find shear rising clearly with lumbar flexion (Potvin, McGill & Norman 1991). "
        "Compression rises for two other reasons: a flexed spine shortens the back muscles' "
        "lever (Macintosh, Bogduk & Pearcy 1993), so they pull harder for each newton-metre "
        "they hold, and the rounded lifter's pelvis stays more upright (hips at "
        f"{presets.POSTURES['rounded back']['hip']:.0f}° instead of "
        f"{presets.POSTURES['textbook hinge']['hip']:.0f}°), which turns the L5/S1 disc to face "
        "more of the weight of trunk and bar.\n\n"
        "The slant of the back muscles is the part of this account that studies dispute; the "
        "last section of this lesson lets you switch it.\n\n"
        f"The squatty hinge has the lowest shear of the three ({num(sq.disc['shear']):.0f} N) but "
        f"the highest compression ({num(sq.disc['compression']):.0f} N): its knees push the bar "
        "forward. Lesson 2 takes that apart.")
    return Answer(panel, words, rounded=rb, textbook=tb, squatty=sq)


def sweep(line="oblique", lumbar=SWEEP):
    """Return the sweep of back rounding from arched to rounded.

    ``lumbar`` (deg, default :data:`SWEEP`) with the hips and knees of the
    textbook hinge, as the Explorer computes each setting of its slider.
    """
    p = presets.POSTURES["textbook hinge"]
    return analyze(body(line), Posture(knee=p["knee"], hip=p["hip"], lumbar=np.asarray(lumbar)),
                   presets.load(EXERCISE, LOAD))


def arch_to_round_answer():
    """Explorer on the back-rounding slider, and the sweep it answers with."""
    panel = Explorer(posture="textbook hinge", show=["lumbar"],
                     overlays=("com", "midfoot", "dowel"))
    s, chord = sweep(), sweep("chord")
    shear, comp, trunk = s.disc["shear"], s.disc["compression"], s.metrics["trunk_angle"]
    muscle = s.disc["muscle"]
    names = ("arched", "neutral", "", "rounded")
    head = ["back rounding"] + [f"{v:+.0f}°".replace("+0°", "0°") + (f" ({n})" if n else "")
                                for v, n in zip(SWEEP, names)]
    table = rows(head,
                 ["L5/S1 shear"] + [f"{v:.0f} N" for v in shear],
                 ["L5/S1 compression"] + [f"{v:.0f} N" for v in comp],
                 ["back muscles' pull"] + [f"{v:.0f} N" for v in muscle],
                 ["trunk from vertical"] + [f"{v:.0f}°" for v in trunk])
    words = (
        f"**Explain.** With the hips held at {presets.POSTURES['textbook hinge']['hip']:.0f}° the "
        f"model gives:\n\n{table}\n\n"
        f"Shear is lowest at neutral ({shear[1]:.0f} N). Rounding to +40° multiplies it by "
        f"{shear[-1] / shear[1]:.1f}: the muscles lose their backward slant and the ligaments "
        f"pull forward. Arching to −20° raises it a little, to {shear[0]:.0f} N: the chest rises "
        f"(the last row), the back muscles pull less ({muscle[0]:.0f} N instead of "
        f"{muscle[1]:.0f} N) and so hold the vertebra back less, while the weight of trunk and "
        "bar still pushes the steep disc forward. Compression rises with rounding, from "
        f"{comp[0]:.0f} N arched to {comp[-1]:.0f} N rounded, mostly because the chest drops "
        "lower and the lever of trunk and bar grows.\n\n"
        "This is McGill's reading of the back muscles. With the muscles pulling along the "
        "trunk instead (the last section), shear falls all the way from "
        f"{chord.disc['shear'][0]:.0f} N arched to {chord.disc['shear'][-1]:.0f} N rounded: "
        "the sweep's shape is the assumption's.\n\n"
        "Either way the model leaves out what an arch loads: the facet joints and the back of "
        "the vertebrae. So the aim is not the biggest possible arch but the lifter's own "
        "neutral curve, held from set-up to finish. That is what *ribs quiet* asks for: ribs "
        "down over a pelvis that is neither tipped forward nor tucked.")
    return Answer(panel, words, sweep=s, chord=chord)


class ReadingsCompare(Compare):
    """Compare with one more control: the back muscles' line of pull.

    Both sides use the lifter presets with ``Body(extensor_line=...)`` set from
    the toggle, so switching it shows what the assumption alone changes.

    Parameters
    ----------
    line : {"oblique", "chord"}
        The starting reading (:data:`hinge_sim.model.body.EXTENSOR_LINES`).
    **kwargs
        As for :class:`~hinge_sim.ui.Compare`.
    """

    def __init__(self, line="oblique", **kwargs):
        if line not in EXTENSOR_LINES:
            raise ValueError(f"line = {line!r} is not valid; choose one of "
                             f"{', '.join(map(repr, EXTENSOR_LINES))}")
        self._line = line
        super().__init__(**kwargs)
        toggle = widgets.ToggleButtons(
            options=[(f"{READINGS[k]} ({k})", k) for k in EXTENSOR_LINES], value=line,
            description="back muscles pull", style={"description_width": "initial"})
        self.controls["extensor_line"] = toggle
        self._observe(toggle)
        self.widget.children = (toggle,) + tuple(self.widget.children)

    @property
    def line(self):
        """The extensor line the panel shows (str)."""
        toggle = self.controls.get("extensor_line")
        return toggle.value if toggle is not None else self._line

    def set(self, line):
        """Switch the extensor line (``"oblique"`` or ``"chord"``) and redraw."""
        self.controls["extensor_line"].value = line

    def _side(self, side):
        c = self.controls
        lifter = Body(**{**presets.LIFTERS[c[f"{side}_lifter"].value],
                         "extensor_line": self.line})
        load = presets.load(c["exercise"].value, self.load_kg)
        posture = presets.posture(c[f"{side}_posture"].value)
        if c["exercise"].value == "deadlift":
            posture = controls.floor_posture(lifter, load, float(posture.knee),
                                             float(posture.lumbar), float(posture.bar))
        return lifter, analyze(lifter, posture, load)

    def _draw(self):
        return super()._draw() + "\nBack muscles: " + EXTENSOR_LINE_TEXT[self.line] + "."


def readings_answer():
    """Answer with the two hinges under both extensor lines: where the evidence disagrees."""
    panel = ReadingsCompare(left=dict(lifter=LIFTER, posture="textbook hinge"),
                            right=dict(lifter=LIFTER, posture="rounded back"),
                            exercise=EXERCISE, load=LOAD)
    found, lines = {}, []
    for line in EXTENSOR_LINES:
        panel.set(line)
        tb, rb = panel.results["left"], panel.results["right"]
        found[line] = {"textbook": tb, "rounded": rb}
        s_tb, s_rb = num(tb.disc["shear"]), num(rb.disc["shear"])
        c_tb, c_rb = num(tb.disc["compression"]), num(rb.disc["compression"])
        lines.append((f"{READINGS[line]} (`{line}`)", f"{s_tb:.0f} N", f"{s_rb:.0f} N",
                      f"{percent(s_rb, s_tb):+.0f} %", f"{c_tb:.0f} N", f"{c_rb:.0f} N",
                      f"{percent(c_rb, c_tb):+.0f} %"))
    panel.set("chord")
    table = rows(("back muscles pull", "shear, textbook", "shear, rounded", "change",
                  "compression, textbook", "compression, rounded", "change"), *lines)
    ob, ch = found["oblique"], found["chord"]
    words = (
        f"**Explain.** Same lifter, same {LOAD:.0f} kg, the same two hinges; only the back "
        f"muscles' line of pull changes:\n\n{table}\n\n"
        f"With the muscles pulling **along the trunk**, rounding *lowers* the shear, from "
        f"{num(ch['textbook'].disc['shear']):.0f} N to {num(ch['rounded'].disc['shear']):.0f} N. "
        "A neutral lower back puts the L5/S1 disc at a steep angle to the trunk; muscles that "
        "pull along the trunk then meet the disc at a slant that pushes the upper vertebra "
        "forward. Rounding lines the disc up with the trunk and takes that slant away. This is "
        "the reading of Macintosh, Bogduk & Pearcy 1993, who found the back muscles' shear at "
        "L5/S1 turning from forward when upright to backward in flexion, and of "
        "Khoddam-Khorasani & Shirazi-Adl 2020, whose detailed model found lordotic lifting "
        "postures raising shear (and compression) against kyphotic ones. With **McGill's "
        "slant** the same muscles hold the vertebra back in a neutral spine and rounding "
        f"raises the shear, {num(ob['textbook'].disc['shear']):.0f} N to "
        f"{num(ob['rounded'].disc['shear']):.0f} N (McGill, Hughson & Parks 2000).\n\n"
        "What holds under both readings in this model: rounding raises compression. (It does "
        "not reproduce Khoddam-Khorasani & Shirazi-Adl's compression result, under either.) "
        "What depends on the reading: whether rounding is a shear problem. The along-the-trunk "
        "size is an upper bound, since real lumbar fascicles attach to each vertebra and are "
        "not all parallel to the trunk; the slant's 10° is an assumption too "
        "(`docs/model.md`, section 5.2).\n\n"
        "For coaching, the cue stands on what holds under both readings: at the same lean, "
        "rounding raises compression and hands part of the moment to stretched ligaments "
        f"({num(ob['rounded'].disc['passive_moment']):.0f} N·m instead of "
        f"{num(ob['textbook'].disc['passive_moment']):.0f} N·m), tissues whose tolerance this "
        "model cannot judge. What changes is the reason you can give: \"rounding raises "
        "shear\" is one side of an open argument, not a settled fact.")
    return Answer(panel, words, **found)
