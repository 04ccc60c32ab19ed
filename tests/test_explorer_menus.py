"""The Explorer's lifter and posture menus name what the sliders hold.

Moved off a preset (a slider, a drag on the figure, a key), a menu reads
"(own pose)" or "(own lifter)"; the extra entry is in the menu only while it
is shown. From the floor the depth follows the knees, so the menu names the
calibrated set-up. A preset the lifter cannot take goes back the same way from
``set`` as from a click.
"""
import dataclasses

import pytest

import hinge_sim as hs
from hinge_sim.ui import Explorer
from hinge_sim.ui.explorer import FLOOR_SETUP
from hinge_sim.ui.grab import png_size
from hinge_sim.ui.preset_menu import OWN_LIFTER, OWN_POSE
from hinge_sim.viz.grab import data_to_pixel

DPI = 30
POSTURES = list(hs.presets.POSTURES)
LIFTERS = list(hs.presets.LIFTERS)


def menus(ex):
    """What the lifter and posture menus show and offer."""
    c = ex.controls
    return (c["lifter"].value, list(c["lifter"].options), c["posture"].value,
            list(c["posture"].options))


def sliders(ex, names=("knee", "hip", "lumbar", "bar", "weight_shift", "stature", "mass")):
    return {k: ex.controls[k].value for k in names}


@pytest.fixture
def ex():
    return Explorer(dpi=DPI)


def test_a_fresh_panel_offers_exactly_the_presets():
    assert menus(Explorer(dpi=DPI)) == ("average man", LIFTERS, "textbook hinge", POSTURES)
    order = ["standing", "rounded back"]
    short = Explorer(posture="standing", presets=order, dpi=DPI)
    assert menus(short)[2:] == ("standing", order)


def test_a_slider_off_the_preset_shows_the_own_pose_and_back_on_it_the_preset(ex):
    ex.set(knee=21)  # one slider step
    assert menus(ex)[2:] == (OWN_POSE, POSTURES + [OWN_POSE])
    ex.set(knee=20.4)  # within half a step of the preset's 20°
    assert menus(ex)[2:] == ("textbook hinge", POSTURES)
    ex.set(knee=20.6)  # more than half a step off
    assert ex.controls["posture"].value == OWN_POSE
    ex.set(knee=20, bar=0.15)  # the textbook hinge with the bar forward: that preset
    assert menus(ex)[2:] == ("bar drifting forward", POSTURES)


def test_a_preset_outside_a_short_menu_is_the_own_pose():
    ex = Explorer(posture="textbook hinge", presets=["standing", "textbook hinge"], dpi=DPI)
    ex.set(bar=0.15)  # the "bar drifting forward" fields, but it is not in this menu
    assert menus(ex)[2:] == (OWN_POSE, ["standing", "textbook hinge", OWN_POSE])


def test_a_body_slider_or_menu_off_the_lifter_shows_the_own_lifter(ex):
    ex.set(stature=1.70)
    assert menus(ex)[:2] == (OWN_LIFTER, LIFTERS + [OWN_LIFTER])
    assert ex.controls["posture"].value == "textbook hinge"  # the pose is still the preset
    ex.set(stature=1.77)
    assert menus(ex)[:2] == ("average man", LIFTERS)
    ex.set(strength="trained")  # a menu field must match exactly
    assert ex.controls["lifter"].value == OWN_LIFTER
    ex.set(strength="population", slr=60)  # the tight hamstrings' only difference
    assert menus(ex)[:2] == ("tight hamstrings", LIFTERS)


def test_choosing_a_preset_from_the_own_entry_works_as_before(ex):
    ex.set(knee=33, lifter="long torso", stature=1.6)
    assert ex.controls["posture"].value == OWN_POSE
    ex.controls["posture"].value = "rounded back"
    ex.controls["lifter"].value = "average man"
    assert menus(ex) == ("average man", LIFTERS, "rounded back", POSTURES)
    want = {**hs.presets.POSTURES["rounded back"], "stature": 1.77, "mass": 78}
    assert {k: ex.controls[k].value for k in want} == pytest.approx(want)
    assert ex.message == ""


def test_choosing_the_own_entry_changes_nothing(ex):
    ex.set(knee=30)
    png, renders, before = ex.png, ex.renders, sliders(ex)
    ex.set(posture=OWN_POSE)  # what it shows: the same value, nothing happens
    ex.controls["posture"].value = OWN_POSE
    assert (ex.png, ex.renders, sliders(ex)) == (png, renders, before)
    assert ex.controls["posture"].value == OWN_POSE and ex.message == ""
    ex.set(knee=20)  # on the preset: the own entry is gone, asking for it is bad input
    with pytest.raises(ValueError, match=r"posture = '\(own pose\)' is not in its menu.*"
                                         r"textbook hinge"):
        ex.set(posture=OWN_POSE)
    with pytest.raises(ValueError, match="lifter = 'giant'"):
        ex.set(lifter="giant")
    assert sliders(ex) == {**before, "knee": 20}


def test_a_drag_on_the_figure_shows_the_own_pose():
    ex = Explorer(dpi=60)
    size = png_size(ex.png)
    assert ex.grab.press(*data_to_pixel(ex.stick.ax, ex.result.points["hip"], size)) == "hip"
    target = hs.analyze(ex.body, dataclasses.replace(ex.posture, hip=100.0), ex.load)
    ex.grab.move(*data_to_pixel(ex.stick.ax, target.points["hip"], size))
    ex.grab.release()
    assert ex.controls["hip"].value == pytest.approx(100, abs=1)
    assert ex.controls["posture"].value == OWN_POSE


def test_the_keys_show_the_own_pose_and_back(ex):
    ex.keys.press("k")
    ex.keys.press("ArrowRight")
    assert (ex.controls["knee"].value, ex.controls["posture"].value) == (21, OWN_POSE)
    ex.keys.press("ArrowLeft")
    assert menus(ex)[2:] == ("textbook hinge", POSTURES)


def test_the_load_of_the_pose_shown_is_public(ex):
    """``ex.load`` (what grab and keys use): with ``ex.body`` and ``ex.posture`` the model
    gives the figure's loads again."""
    ex.set(load=60, knee=25)
    again = hs.analyze(ex.body, ex.posture, ex.load)
    assert ex.load.mass == 60
    assert float(again.disc["compression"]) == pytest.approx(float(ex.result.disc["compression"]))


def test_from_the_floor_the_menu_names_the_set_up_and_reset_brings_the_preset_back(ex):
    ex.set(exercise="deadlift")
    assert menus(ex)[2:] == (FLOOR_SETUP, POSTURES + [FLOOR_SETUP])
    assert f"{ex.controls['hip'].value:.0f}°" in ex.readout  # the depth the note names
    ex.set(knee=90)  # the learner's knees: the depth follows, the pose is their own
    assert ex.controls["posture"].value == OWN_POSE
    ex.set(posture="squatty hinge")  # a preset from the floor: its knees, the floor's depth
    assert ex.controls["hip"].value != hs.presets.POSTURES["squatty hinge"]["hip"]
    assert menus(ex)[2:] == ("squatty hinge", POSTURES) and ex.message == ""
    ex.set(exercise="RDL")  # the depth is the floor's, no preset's
    assert ex.controls["posture"].value == OWN_POSE
    ex.set(exercise="deadlift", knee=100, lumbar=20, bar=0.03)
    assert ex.controls["posture"].value == FLOOR_SETUP
    ex.controls["reset"].click()
    assert menus(ex) == ("average man", LIFTERS, "textbook hinge", POSTURES)
    assert ex.controls["hip"].value == 85 and ex.controls["exercise"].value == "RDL"
    # a panel that starts from the floor starts, and resets, at the set-up
    floor = Explorer(exercise="deadlift", dpi=DPI)
    assert floor.controls["posture"].value == FLOOR_SETUP
    floor.set(knee=110)
    floor.reset()
    assert menus(floor)[2:] == (FLOOR_SETUP, POSTURES + [FLOOR_SETUP])


def test_set_refuses_a_preset_the_lifter_cannot_take_exactly_as_a_click():
    """Issue: in ``set`` the redraw waits, so the preset's revert did not run."""
    clicked, typed = Explorer(lifter="tall lifter", dpi=DPI), Explorer(lifter="tall lifter",
                                                                        dpi=DPI)
    png, before = typed.png, sliders(typed)
    clicked.controls["posture"].value = "squatty hinge"
    typed.set(posture="squatty hinge")
    for ex in (clicked, typed):
        assert menus(ex)[2:] == ("textbook hinge", POSTURES)
        assert sliders(ex) == before and ex.png == png
        assert ex.message.startswith("The tall lifter cannot take the squatty hinge: the bar "
                                     "would pass through the legs")
        assert "menu is back at “textbook hinge”, the pose shown" in ex.message
    assert typed.message == clicked.message
    # with other values: they still apply, and the refusal stays on screen
    typed.set(posture="squatty hinge", knee=25)
    assert typed.controls["knee"].value == 25 and typed.controls["posture"].value == OWN_POSE
    assert typed.message.startswith("The tall lifter cannot take the squatty hinge")
    assert typed.png != png
    typed.set(knee=20)  # the next change clears it, as after a click
    assert typed.message == "" and typed.controls["posture"].value == "textbook hinge"


def test_a_refused_preset_names_the_own_entry_and_the_floor_s_reason():
    ex = Explorer(posture="squatty hinge", dpi=DPI).set(knee=69)
    ex.set(lifter="tall lifter")
    assert menus(ex)[0] == "average man" and ex.controls["posture"].value == OWN_POSE
    assert ex.message.startswith("The tall lifter cannot take this pose:")
    floor = Explorer(exercise="deadlift", lifter="tall lifter", dpi=DPI)
    png, before = floor.png, sliders(floor)
    floor.set(posture="stiff-legged reach")  # straight knees down to the floor: too far
    assert floor.controls["posture"].value == FLOOR_SETUP and sliders(floor) == before
    assert floor.png == png
    assert floor.message.startswith("The tall lifter cannot take the stiff-legged reach: "
                                    "hamstrings and lower back are both at their limit")
    assert "back at “(floor set-up)”" in floor.message
