"""Lesson 11, keeping it: the answers to its predictions, estimate and recap numbers.

Usage
-----
1. ``drifted()``: the bottom of rep 8 under the course's fatigue assumption.
2. ``reset_answer()``: Explorer on the drifted hinge with the set-up as a ghost.
3. ``reset_drop()`` and ``reset_table_answer()``: what the reset takes off (the estimate).
4. ``mobility_answer()``: the same hinge on hamstrings that lose range over a season.
5. ``tempo_rise()``, ``brace_change()``: numbers the recap quizzes quote.
"""

from ..coaching.training import fatigued_bottom
from ..model import presets
from ..model.analysis import analyze
from ..model.body import Body
from ..model.constants import COMPRESSION_LIMITS
from ..model.pose import Posture
from ..ui import Explorer
from . import Answer, breathing, num, percent, rows, tempo

LOAD = 60.0  # kg, RDL
REP = 8
SEASON = (80.0, 70.0, 65.0)  # straight-leg raise (deg) kept, halfway, lost
WORDS = {"bar": "the bar creeping forward", "depth and rounding": "the rounding"}


def drifted():
    """Return the bottom posture of rep :data:`REP` under the course's fatigue assumption."""
    return fatigued_bottom(presets.posture("textbook hinge"), rep=REP)


def _man(posture):
    return analyze(presets.lifter("average man"), posture, presets.load("RDL", LOAD))


def before_after():
    """Analyse the drifted bottom and the set-up (one two-frame call)."""
    d, s = drifted(), presets.POSTURES["textbook hinge"]
    return _man(
        Posture(
            knee=s["knee"],
            hip=[num(d.hip), s["hip"]],
            lumbar=[num(d.lumbar), s["lumbar"]],
            bar=[num(d.bar), 0.0],
        )
    )


def reset_answer():
    """Build the Explorer on the drifted hinge (set-up as ghost), with the words."""
    d = drifted()
    panel = Explorer(
        posture="textbook hinge",
        load=LOAD,
        ghost="textbook hinge",
        show=["hip", "lumbar", "bar", "reset"],
        overlays=("com", "midfoot", "hip_to_bar"),
    )
    panel.set(hip=num(d.hip), lumbar=num(d.lumbar), bar=num(d.bar))
    words = (
        "**Explain.** The drift had pushed the bar forward and the hips back; the reset shortens "
        "the lever again, and the back muscles' pull, which makes most of the squeeze on the "
        "disc, drops with it: compression falls clearly. The shear barely changes in this drift: "
        "the rounding adds shear, but the bar moving forward makes the back muscles pull harder, "
        "and at McGill's slant their pull holds the vertebra back and takes some away, so a shear "
        "gauge alone would miss this fault.\n\n"
        "Each rep drifted only a little; nobody would stop a set for 2° or 1 cm. That is why "
        "resets belong in the plan (between sets, and within a set when the coach sees the line "
        "go), rather than waiting for a fault big enough to see."
    )
    return Answer(panel, words, result=before_after())


def reset_drop():
    """Return the percentage (whole) by which the reset lowers L5/S1 compression."""
    c = before_after().disc["compression"]
    return round(100 * float(1 - c[1] / c[0]))


def parts():
    """Return the compression (N) of each part of the drift on its own: depth and rounding, bar."""
    d, s = drifted(), presets.POSTURES["textbook hinge"]
    return {
        "depth and rounding": num(
            _man(Posture(**{**s, "hip": num(d.hip), "lumbar": num(d.lumbar)})).disc["compression"]
        ),
        "bar": num(_man(Posture(**{**s, "bar": num(d.bar)})).disc["compression"]),
    }


def reset_table_answer():
    """Return drifted against reset, each part of the drift on its own, and the words."""
    r = before_after()
    get = {
        "hip to bar": (lambda i: f"{100 * r.metrics['hip_to_bar'][i]:.0f} cm"),
        "L5/S1 moment": (lambda i: f"{r.moments['l5s1'][i]:.0f} N·m"),
        "L5/S1 compression": (lambda i: f"{r.disc['compression'][i]:.0f} N"),
        "L5/S1 shear": (lambda i: f"{r.disc['shear'][i]:.0f} N"),
        "gap at the sacrum (dowel)": (lambda i: f"{100 * r.metrics['dowel_gap'][i]:.1f} cm"),
    }
    shown = rows(
        ("", f"drifted (rep {REP})", "after the reset"),
        *[(name, fn(0), fn(1)) for name, fn in get.items()],
    )
    p = parts()
    costly = max(p, key=p.get)
    words = (
        f"With {LOAD:.0f} kg:\n\n{shown}\n\n"
        f"**Explain.** The reset takes the compression down by about {reset_drop():.0f} %, from "
        f"well past the {COMPRESSION_LIMITS[0]:.0f} N action limit back toward it. Of the parts "
        f"of the drift on their own, {WORDS[costly]} costs the most compression "
        f"({p[costly]:.0f} N against {min(p.values()):.0f} N); the rounding is what the dowel "
        "gap shows."
    )
    return Answer(words, result=r, parts=p)


def season():
    """Analyse the textbook hinge at each straight-leg raise of :data:`SEASON`."""
    return [
        analyze(
            Body(**{**presets.LIFTERS["average man"], "slr": s}),
            presets.posture("textbook hinge"),
            presets.load("RDL", LOAD),
        )
        for s in SEASON
    ]


def mobility_answer():
    """Build the Explorer on the SLR slider, the season's table, and the words."""
    panel = Explorer(
        posture="textbook hinge", load=LOAD, show=["slr"], overlays=("com", "midfoot", "dowel")
    )
    res = season()
    names = ("kept", "", "lost")
    shown = rows(
        ["straight-leg raise"]
        + [f"{s:.0f}°" + (f" ({n})" if n else "") for s, n in zip(SEASON, names)],
        ["lower back"] + [f"{num(r.metrics['lumbar_flexion']):.0f}°" for r in res],
        ["gap at the sacrum"] + [f"{100 * num(r.metrics['dowel_gap']):.1f} cm" for r in res],
        ["L5/S1 shear"] + [f"{num(r.disc['shear']):.0f} N" for r in res],
    )
    more = num(res[-1].metrics["lumbar_flexion"]) - num(res[0].metrics["lumbar_flexion"])
    words = (
        f"**Explain.** The same {LOAD:.0f} kg textbook hinge, three stages of a season:\n\n{shown}"
        f"\n\nThe lifter does exactly what was taught, and the back still rounds {more:.0f}° more: "
        "the hamstrings stop the hips sooner. Mobility maintenance keeps the hinge you built; a "
        "weekly mobility session and a quick dowel check at the start of a session show early "
        "when the range starts to go."
    )
    return Answer(panel, words, season=res)


def tempo_rise(kg=40.0):
    """Return the % a 1 s rise adds to the peak compression of a 3 s rise (player rate)."""
    body, top, bottom, _ = tempo.setup()
    from ..coaching import training
    from ..model.loads import Barbell

    slow, fast = training.compare_tempos(
        body, top, bottom, Barbell(kg), ("3-1-3-0", "3-1-1-0"), fps=tempo.player_fps()
    )
    return percent(fast["peak compression"], slow["peak compression"])


def brace_change(kg=40.0):
    """Return the compression (N) a full brace adds in the textbook hinge with ``kg``."""
    return num(
        breathing.braced(1.0, load=kg).disc["compression"]
        - breathing.braced(0.0, load=kg).disc["compression"]
    )
