"""Lesson 6, breathing and bracing: the answers to its prediction and estimate.

Usage
-----
0. ``breathing_player()``: the Tempo player with a full brace, cues over the rep plot.
1. ``bracing_answer()``: Explorer on the bracing slider, relaxed against braced, and why.
2. ``shear_rise()``: newtons of shear a lost brace adds through 10° of rounding (the estimate).
3. ``lost_brace_answer()``: braced against lost, measured against the limits.
"""
from ..model import presets
from ..model.analysis import analyze
from ..model.constants import COMPRESSION_LIMITS, SHEAR_LIMITS
from ..model.pose import Posture
from ..ui import Explorer, TempoPlayer
from . import Answer, num

LIFTER, EXERCISE, LOAD = "average man", "RDL", 60.0
ROUNDING = 10.0  # deg: the what-if of a lost brace, moved from the hips into the lower back


def breathing_player():
    """Build the Tempo player of section 1: 3-1-1-0, 60 kg, full brace."""
    return TempoPlayer(tempo="3-1-1-0", load=LOAD, bracing=1.0)


def braced(bracing, load=LOAD, posture=None):
    """Analyse the textbook hinge at ``bracing`` (0 to 1), as the Explorer does."""
    posture = presets.posture("textbook hinge") if posture is None else posture
    return analyze(presets.lifter(LIFTER), posture, presets.load(EXERCISE, load),
                   bracing=bracing)


def lost_posture():
    """Return the textbook hinge with :data:`ROUNDING` moved from the hips to the lower back."""
    p = presets.POSTURES["textbook hinge"]
    return Posture(knee=p["knee"], hip=p["hip"] - ROUNDING, lumbar=p["lumbar"] + ROUNDING)


def bracing_answer():
    """Build the bracing Explorer and the relaxed and braced loads, with the words."""
    panel = Explorer(load=LOAD, show=["bracing", "load"])
    relaxed, full = braced(0.0), braced(1.0)
    change = num(full.disc["compression"]) - num(relaxed.disc["compression"])
    words = (
        f"Relaxed (bracing 0): L5/S1 compression {num(relaxed.disc['compression']):.0f} N, shear "
        f"{num(relaxed.disc['shear']):.0f} N. Full brace (bracing 1): compression "
        f"{num(full.disc['compression']):.0f} N, shear {num(full.disc['shear']):.0f} N.\n\n"
        f"**Explain.** In this model a full brace adds about **{change:.0f} N** of compression, "
        f"{100 * change / num(relaxed.disc['compression']):.0f} % of the total. The abdominal "
        "wall that makes the pressure bends the trunk forward a little harder than the pressure "
        "straightens it, so the back muscles pull harder to make up the difference: "
        f"{num(full.disc['muscle']):.0f} N instead of {num(relaxed.disc['muscle']):.0f} N, and "
        "their pull squeezes the disc. The change is the same at any load, because the model "
        "sets the pressure and the abdominals' pull from the brace alone, not from the "
        "load.\n\n"
        "The shear falls a little, by "
        f"{num(relaxed.disc['shear']) - num(full.disc['shear']):.0f} N: "
        "at McGill's slant the harder-pulling back muscles hold the upper vertebra back a little "
        "more. (With the muscles pulling along the trunk, lesson 1's other reading, the same "
        "extra pull adds shear instead.)\n\n"
        "So why brace? The reason usually given is **stiffness**. A braced trunk resists being "
        "bent, so it keeps its shape when the load peaks or when something unexpected happens. "
        "This model has no stiffness or stability at all: the shape of the back is whatever you "
        "set on the lumbar slider. It can only show the *cost* of the brace (compression), not "
        "its intended *benefit* (holding the shape).")
    return Answer(panel, words, relaxed=relaxed, braced=full, change=change)


def shear_rise():
    """Return the shear (N, whole) a lost brace adds when the back rounds :data:`ROUNDING`."""
    lost = braced(0.0, posture=lost_posture())
    return round(num(lost.disc["shear"]) - num(braced(1.0).disc["shear"]))


def lost_brace_answer():
    """Return braced against lost-and-rounded, each against its limit, with the words."""
    relaxed, full, lost = braced(0.0), braced(1.0), braced(0.0, posture=lost_posture())
    change = num(full.disc["compression"]) - num(relaxed.disc["compression"])
    rise = num(lost.disc["shear"]) - num(full.disc["shear"])
    by_limit = (rise / SHEAR_LIMITS[0]) / (abs(change) / COMPRESSION_LIMITS[0])
    words = (
        f"Braced, back held at {num(full.metrics['lumbar_flexion']):.0f}°: compression "
        f"{num(full.disc['compression']):.0f} N, shear {num(full.disc['shear']):.0f} N. Brace "
        f"lost, back rounds to {num(lost.metrics['lumbar_flexion']):.0f}°: compression "
        f"{num(lost.disc['compression']):.0f} N, shear {num(lost.disc['shear']):.0f} N.\n\n"
        f"**Explain.** In the model, letting the brace go takes its cost away ({change:.0f} N "
        "of compression). Letting the back round because of it raises the **shear**, the sliding "
        f"force between vertebrae, by {rise:.0f} N. But the spine tolerates far less shear than "
        f"compression: the limits are {SHEAR_LIMITS[0]:.0f}-{SHEAR_LIMITS[1]:.0f} N for shear "
        f"against {COMPRESSION_LIMITS[0]:.0f}-{COMPRESSION_LIMITS[1]:.0f} N for compression. "
        f"Measured against its limit, the shear rise is {by_limit:.1f} times the brace's whole "
        "cost in compression. That is the honest message of the model: *the brace costs some "
        "compression and earns its place by what it lets you keep, the shape.* (Under lesson 1's "
        "other reading of the back muscles, this rounding would lower the shear instead, and "
        "the case for keeping the shape would rest on what the model cannot judge: how much "
        "load stretched ligaments tolerate.)")
    return Answer(words, relaxed=relaxed, braced=full, lost=lost, by_limit=by_limit)
