"""The lifter posed from the keyboard: which key chooses which handle, how far a key moves
its control, and that the Explorer's slider, figure and words follow as for a drag."""
import dataclasses
import io
from itertools import combinations

import numpy as np
import pytest
from matplotlib.text import Text
from PIL import Image

import hinge_sim as hs
from hinge_sim.model.limits import LIMITS
from hinge_sim.ui import Explorer
from hinge_sim.ui.grab import png_size
from hinge_sim.ui.keys import BIG, CHOOSE, ENDS, STEPS, key_action, stepped
from hinge_sim.viz import OVERLAYS
from hinge_sim.viz.grab import HANDLES, data_to_pixel, handle_point, reach
from hinge_sim.viz.styles import ROLES

MAN = hs.presets.lifter("average man")
LOAD = hs.presets.load("RDL", 40)
HINGE = hs.presets.posture("textbook hinge")


@pytest.mark.parametrize("key, handle", [("h", "hip"), ("H", "hip"), ("1", "hip"),
                                         ("k", "knee"), ("2", "knee"), ("b", "bar"),
                                         ("B", "bar"), ("3", "bar"), ("l", "back"),
                                         ("4", "back")])
def test_a_letter_or_a_digit_chooses_a_handle(key, handle):
    assert key_action(key) == ("choose", handle)


@pytest.mark.parametrize("key, shift, steps", [
    ("ArrowRight", False, 1), ("ArrowUp", False, 1), ("ArrowLeft", False, -1),
    ("ArrowDown", False, -1), ("ArrowRight", True, BIG), ("ArrowDown", True, -BIG),
    ("PageUp", False, BIG), ("PageDown", False, -BIG), ("PageUp", True, BIG)])
def test_arrows_step_and_shift_steps_ten(key, shift, steps):
    assert key_action(key, shift) == ("step", steps)


def test_home_and_end_and_the_keys_left_alone():
    assert key_action("Home") == ("end", 0) and key_action("End") == ("end", 1)
    for key in ("Tab", "Enter", " ", "Escape", "x", "5"):
        assert key_action(key) is None, key  # Tab still leaves the figure
    with pytest.raises(TypeError, match="key = 3 is not a key name"):
        key_action(3)


def test_the_browser_sends_exactly_the_keys_that_do_something():
    ex = Explorer(dpi=30)
    handled = ex.keys.widget.handled
    assert sorted(handled) == sorted([*CHOOSE, *STEPS, *ENDS])
    assert all(key_action(k) is not None for k in handled) and "Tab" not in handled


def test_a_step_stays_on_the_slider_grid_and_inside_its_range():
    assert stepped(35.0, 1, 1.0, 0.0, 120.0) == 36.0
    assert stepped(0.07, -3, 0.01, -0.1, 0.3) == 0.04
    assert stepped(35.4, 0, 1.0, 0.0, 120.0) == 35.0  # onto the grid
    assert stepped(118.0, 10, 1.0, 0.0, 120.0) == 120.0
    assert stepped(-0.05, -10, 0.01, -0.1, 0.3) == -0.1
    with pytest.raises(ValueError, match="step = 0"):
        stepped(1.0, 1, 0, 0.0, 2.0)


def test_reach_is_the_range_the_lifter_can_take():
    low, high = reach("hip", MAN, HINGE, LOAD)
    limit = LIMITS["hip"]
    assert limit.low <= low < HINGE.hip < high <= limit.high
    inside = hs.analyze(MAN, dataclasses.replace(HINGE, hip=np.array([low, high])), LOAD)
    assert np.asarray(inside.balanced).all()
    if high < limit.high:  # a little more is a pose the lifter cannot take
        beyond = hs.analyze(MAN, dataclasses.replace(HINGE, hip=high + 1.0), LOAD)
        assert not bool(beyond.balanced)
    with pytest.raises(ValueError, match="handle = 'elbow'"):
        reach("elbow", MAN, HINGE, LOAD)


def test_arrows_move_the_hinge_depth_slider_the_figure_and_the_words():
    ex = Explorer(dpi=30)
    depth, png, words = ex.controls["hip"].value, ex.png, ex.words.text
    assert ex.keys.press("h") == depth
    for _ in range(3):
        ex.keys.press("ArrowRight")
    assert ex.keys.press("ArrowDown") == depth + 2 == ex.controls["hip"].value
    assert f"hips flexed {depth + 2:.0f}°" in ex.words.text != words
    assert ex.png != png and ex.message == ""
    assert ex.result.points["hip"][0] < hs.analyze(ex.body, HINGE, LOAD).points["hip"][0]
    ex.keys.press("ArrowUp", shift=True)
    assert ex.controls["hip"].value == depth + 2 + BIG
    assert f"hinge depth {depth + 2 + BIG:.0f}°" in ex.keys.widget.status


@pytest.mark.parametrize("key, field, step", [("k", "knee", 1.0), ("b", "bar", 0.01),
                                              ("l", "lumbar", 1.0)])
def test_each_handle_moves_its_own_slider(key, field, step):
    ex = Explorer(dpi=30)
    before = {f: ex.controls[f].value for f in ("knee", "hip", "lumbar", "bar")}
    ex.keys.press(key)
    ex.keys.press("ArrowRight")
    after = {f: ex.controls[f].value for f in before}
    assert after[field] == pytest.approx(before[field] + step)
    assert {f: v for f, v in after.items() if f != field} == {
        f: v for f, v in before.items() if f != field}


def test_home_and_end_go_as_far_as_the_lifter_can():
    ex = Explorer(dpi=30)
    ex.keys.press("k")
    low, high = reach("knee", ex.body, ex.posture, ex.load)
    most = ex.keys.press("End")
    assert high - 1.0 < most <= high and ex.message == ""
    least = ex.keys.press("Home")
    assert low <= least < low + 1.0 and ex.message == ""


def test_the_chosen_handle_is_ringed_while_the_figure_has_focus():
    ex = Explorer(dpi=60)
    plain_png = ex.png
    ex.keys._on_msg({"focus": True})  # what the browser sends on Tab
    assert ex.keys.shown and ex.png != plain_png
    x, y = data_to_pixel(ex.stick.ax, handle_point(ex.result, "hip"), png_size(ex.png))
    ring = int(round(0.5 * ex.stick.chosen.get_markersize() * 60 / 72)) + 3  # px
    blue = np.array([int(ROLES["chosen"][i:i + 2], 16) for i in (1, 3, 5)])

    def blue_near_hip(png):  # pixels of the chosen colour in the ring's box (the spine is too)
        rgb = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), int)
        box = rgb[int(y) - ring:int(y) + ring + 1, int(x) - ring:int(x) + ring + 1]
        return int((np.abs(box - blue).sum(-1) < 60).sum())

    assert blue_near_hip(ex.png) > blue_near_hip(plain_png) + 2 * ring, "no ring on the hip"
    ex.keys._on_msg({"key": "k", "shift": False})
    assert ex.keys.chosen == "knee" and "Knee chosen: knee bend" in ex.keys.widget.status
    ex.keys._on_msg({"focus": False})
    assert not ex.keys.shown and ex.png == plain_png


def test_from_the_floor_the_hip_key_says_the_depth_follows_the_knees():
    ex = Explorer(exercise="deadlift", dpi=30)
    depth = ex.controls["hip"].value
    ex.keys.press("h")
    assert ex.keys.press("ArrowRight") == depth
    assert "follows the knees" in ex.keys.widget.status
    knee = ex.controls["knee"].value
    ex.keys.press("k")
    ex.keys.press("ArrowRight")
    assert ex.controls["knee"].value == knee + 1 and ex.message == ""
    assert ex.controls["hip"].value == round(float(ex.posture.hip))  # the plates stay down


def test_keys_and_drags_move_the_same_handles():
    assert set(CHOOSE.values()) == set(HANDLES)


def test_a_bad_chosen_handle_is_named():
    ex = Explorer(dpi=30)
    with pytest.raises(ValueError, match="handle = 'elbow' is not a handle"):
        ex.keys.choose("elbow")
    with pytest.raises(ValueError, match="chosen = 'elbow' is not a handle"):
        ex.stick.update(ex.result, chosen="elbow")


@pytest.mark.parametrize("style", ["default", "projector", "high contrast"])
def test_the_chosen_handle_s_name_overlaps_no_other_label(style):
    ex = Explorer(style=style, overlays=OVERLAYS, ghost="standing", dpi=40)
    ex.keys.focus(True)
    for handle in HANDLES:
        ex.keys.choose(handle)
        fig = ex.fig
        fig.draw_without_rendering()
        renderer = fig._get_renderer()
        texts = [t for t in fig.findobj(Text) if t.axes is ex.stick.ax and t.get_visible()
                 and t.get_text().strip()]
        assert ex.stick.chosen_text in texts
        for a, b in combinations(texts, 2):
            assert not a.get_window_extent(renderer).overlaps(b.get_window_extent(renderer)), (
                handle, a.get_text(), b.get_text())
