"""Grabbing the lifter: the pixel under the pointer is the joint drawn there, and a drag
moves the joint's slider to the pose that puts the joint under the pointer."""
import dataclasses
import io

import numpy as np
import pytest
from PIL import Image

import hinge_sim as hs
from hinge_sim.ui import Explorer
from hinge_sim.ui.grab import png_size
from hinge_sim.viz.grab import (
    HANDLES,
    data_to_pixel,
    dragged_value,
    handle_at,
    handle_point,
    pixel_to_data,
)

MAN = hs.presets.lifter("average man")
LOAD = hs.presets.load("RDL", 40)
HINGE = hs.presets.posture("textbook hinge")


@pytest.fixture(scope="module")
def explorer():
    return Explorer(dpi=60)


def test_a_joint_maps_to_a_pixel_drawn_dark_and_back(explorer):
    """The knee's pixel, found from the axes' transform at the PNG's own size, is on the
    drawn joint (dark ink in the picture), and the pixel maps back to the knee."""
    size = png_size(explorer.png)
    picture = np.asarray(Image.open(io.BytesIO(explorer.png)).convert("L"), float)
    assert picture.shape == (size[1], size[0])
    knee = explorer.result.points["knee"]
    x, y = data_to_pixel(explorer.stick.ax, knee, size)
    near = picture[int(y) - 2:int(y) + 3, int(x) - 2:int(x) + 3]
    assert near.min() < 100, near  # the knee marker's black edge
    back = pixel_to_data(explorer.stick.ax, x, y, size)
    assert np.hypot(*(back - knee)) < 0.005


@pytest.mark.parametrize("name, value", [("hip", 60.0), ("knee", 35.0), ("bar", 0.08),
                                         ("back", 25.0)])
def test_dragging_a_handle_to_where_a_pose_puts_it_finds_that_pose(name, value):
    field = HANDLES[name][1]
    target = hs.analyze(MAN, dataclasses.replace(HINGE, **{field: value}), LOAD)
    got = dragged_value(name, MAN, HINGE, LOAD, handle_point(target, name))
    assert got == pytest.approx(value, abs=0.002 if name == "bar" else 0.5)


def test_a_press_grabs_only_near_a_handle():
    res = hs.analyze(MAN, HINGE, LOAD)
    assert handle_at(res, res.points["hip"] + [0.01, 0.0]) == "hip"
    assert handle_at(res, res.points["bar"]) == "bar"
    assert handle_at(res, [1.5, 1.5]) is None


def test_a_drag_on_the_figure_moves_the_slider_and_the_gauges():
    ex = Explorer(dpi=60)
    size = png_size(ex.png)
    hip_px = data_to_pixel(ex.stick.ax, ex.result.points["hip"], size)
    before_png, before_hip = ex.png, ex.controls["hip"].value
    assert ex.grab.press(*hip_px) == "hip"
    target = hs.analyze(ex.body, dataclasses.replace(ex.posture, hip=100.0), ex.load)
    ex.grab.move(*data_to_pixel(ex.stick.ax, target.points["hip"], size))
    ex.grab.release()
    assert ex.controls["hip"].value == pytest.approx(100.0, abs=1.0) != before_hip
    assert ex.png != before_png and "hips flexed 100°" in ex.words.text
    assert ex.grab.move(*hip_px) is None  # released: a move does nothing


def test_pointer_events_drive_the_same_drag():
    ex = Explorer(dpi=60)
    size = png_size(ex.png)
    x, y = data_to_pixel(ex.stick.ax, ex.result.points["knee"], size)
    ex.grab._on_event({"type": "touchstart", "changedTouches": [{"dataX": x, "dataY": y}]})
    assert ex.grab.held == "knee" == ex.keys.chosen  # the arrow keys go on with the knee
    ex.grab._on_event({"type": "mousemove", "dataX": x + 15, "dataY": y})
    assert ex.controls["knee"].value > 21
    ex.grab._on_event({"type": "mouseleave"})
    assert ex.grab.held is None


def test_a_bad_handle_is_named():
    with pytest.raises(ValueError, match="handle = 'elbow' is not a handle"):
        dragged_value("elbow", MAN, HINGE, LOAD, (0, 1))
