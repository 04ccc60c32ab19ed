"""The video panel and the coach's debrief panel from Python, as a user would drive them:
the one time cursor moves the frame, the fitted figure and the plots; bad input is named."""
import dataclasses

import numpy as np
import pytest

from hinge_sim.journal import Journal, journal_path
from hinge_sim.model import presets
from hinge_sim.ui.debrief_panel import DebriefPanel, load_cells, velocity_cells
from hinge_sim.ui.video_panel import VideoPanel
from hinge_sim.video import review as R
from hinge_sim.viz.numbers import number

DPI = 30


@pytest.fixture(scope="module")
def rv():
    return R.sample_review(fps=20, seconds=7.5, gap=("knee", 3.3, 3.5))


def test_the_slider_moves_frame_figure_and_plots_together(rv):
    vp = VideoPanel(rv, t=1.0, dpi=DPI)
    first, renders = vp.png, vp.renders
    vp.controls["time"].value = 4.5
    m = vp.moment
    assert vp.renders == renders + 1 and vp.png != first
    assert m.t == pytest.approx(4.5)
    # the frame
    assert np.array_equal(vp.view.overlay.image.get_array(), rv.frames[m.frame])
    assert m.frame == int(np.argmin(np.abs(rv.times - 4.5)))
    # the figure
    hip = rv.pixels(rv.own.points["hip"][m.own])
    assert np.allclose(np.asarray(vp.view.overlay.bones[0].get_data())[:, 2], hip)
    # the plots: every cursor at the slider's time
    assert [c.get_xdata()[0] for c in vp.view.cursor] == pytest.approx([4.5] * 3)
    # and the words are the numbers at that time
    assert f"compression {number(m.compression)} N" in vp.readout
    assert f"{m.velocity:+.2f} m/s" in vp.readout


def test_goto_and_a_lost_marker(rv):
    vp = VideoPanel(rv, dpi=DPI)
    vp.goto(3.4)
    assert vp.controls["time"].value == pytest.approx(3.4, abs=0.03)
    assert "missing" in vp.readout and not vp.moment.ok
    vp.goto(6.5)
    assert R.STATUS_OK in vp.readout and vp.moment.ok


@pytest.mark.parametrize("t, error, match", [
    ("2", TypeError, r"^t = '2' must be a number"),
    (-1.0, ValueError, r"^t = -1.0 s is outside the video: 0 to"),
    (60.0, ValueError, r"^t = 60.0 s is outside the video"),
])
def test_bad_time_is_named(rv, t, error, match):
    vp = VideoPanel(rv, dpi=DPI)
    with pytest.raises(error, match=match):
        vp.goto(t)
    with pytest.raises(error, match=match):
        VideoPanel(rv, t=t)


def test_a_panel_needs_a_review():
    with pytest.raises(TypeError, match="^review must be a Review.*got str"):
        VideoPanel("set.mp4")
    with pytest.raises(TypeError, match="^review must be a Review.*got dict"):
        DebriefPanel({}, "journals", "Alex")


def test_debrief_puts_velocity_loads_and_the_record_together(rv, tmp_path):
    dp = DebriefPanel(rv, tmp_path, "Alex")
    values = dp.form.values()
    measured = rv.journal_values()
    assert values["tempo"] == measured["tempo"] == rv.tempo_text
    assert values["bar_drift_m"] == pytest.approx(rv.reps[0].drift, abs=0.0006)
    assert values["load_kg"] == 40 and values["reps"] == len(rv.reps)
    # the tables show the review's own numbers
    (row,) = velocity_cells(rv)
    assert row[2] == f"{rv.reps[0].velocity.mean:.2f}" and row[2] in dp.velocity_html.value
    (loads,) = load_cells(rv)
    assert loads[1] in dp.loads_html.value and loads[2] in dp.loads_html.value
    flagged = rv.frames_flagged()
    assert flagged > 0 and f"{flagged} of {rv.own.t.size} frames" in dp.loads_html.value
    # the video panel inside is the same kind as on its own, and the cursor works there
    dp.video.goto(5.0)
    assert dp.video.moment.t == pytest.approx(5.0)
    # the coach rates and saves: the record keeps the video's measures
    dp.form.set(rib_cage=4, spine=4, hip_drive=4, coach_rating=3)
    assert dp.form.save(), dp.form.message
    (rec,) = Journal(journal_path(tmp_path, "Alex")).records()
    assert rec.fields["tempo"] == rv.tempo_text
    assert "mean concentric velocity" in rec.fields["notes"]


def test_debrief_refuses_an_unknown_exercise(rv, tmp_path):
    with pytest.raises(ValueError, match="^exercise = 'clean' is not known"):
        DebriefPanel(rv, tmp_path, "Alex", exercise="clean")


def test_the_words_give_the_lumbar_flexion_at_the_cursor_and_how_it_was_found():
    """Measured where the sacrum marker is seen, interpolated where it is lost, neutral
    assumed without one: from the same moment (and model frame) the panel draws."""
    rv = R.sample_review(fps=20, seconds=7.5, gap=("sacrum", 3.3, 3.5))
    lost = rv.own.flags["lumbar_missing"]
    assert rv.own.lumbar_measured and lost.any() and (~lost).any()
    vp = VideoPanel(rv, dpi=DPI)
    for t, source in ((5.0, "measured"), (float(rv.own.t[lost][len(rv.own.t[lost]) // 2]),
                                          "interpolated")):
        vp.goto(t)
        m = vp.moment
        assert m.lumbar_source == source
        assert m.lumbar == pytest.approx(float(rv.own.angles["lumbar"][m.own]))
        assert vp.view.set_time(t).own == m.own  # the frame the figure and plots show
        deg = round(m.lumbar)
        assert f"lumbar flexion {deg}°" in vp.readout, vp.readout
        assert ("interpolated (the sacrum marker is lost here)" in vp.readout) == \
            (source == "interpolated")
        assert ("(sacrum marker)" in vp.readout) == (source == "measured")
    # a bent back at the bottom: the number is the model frame's, not the reps' range
    vp.goto(5.0)
    assert vp.moment.lumbar > 2
    # no sacrum marker: neutral assumed, and said so
    export = dataclasses.replace(rv.export, points={k: v for k, v in rv.export.points.items()
                                                    if k != "sacrum"})
    neutral = R.review(rv.frames, rv.times, rv.bar, export, presets.load("RDL", rv.load_kg),
                       mass=rv.own.body.mass)
    vp = VideoPanel(neutral, t=5.0, dpi=DPI)
    assert vp.moment.lumbar_source == "neutral" and vp.moment.lumbar == 0.0
    assert "lumbar flexion not measured (no sacrum marker): neutral assumed" in vp.readout
