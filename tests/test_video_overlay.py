"""The review of the project's test video and its Kinovea export, and the overlay view drawn
from it (pure matplotlib): the frame, the bar, the tracked points and the fitted figure land
where the numbers say, and a lost marker or a poor fit is said per frame."""
import dataclasses

import numpy as np
import pytest
from matplotlib.figure import Figure

from hinge_sim.video import review as R
from hinge_sim.video.sample_tracks import SAMPLES, load_sample
from hinge_sim.viz.overlay import VideoView, video_figure
from hinge_sim.viz.styles import PALETTE

GAP = ("knee", 3.3, 3.5)  # s: the knee marker lost at the bottom of rep 1


@pytest.fixture(scope="module")
def rv():
    return R.sample_review(fps=20, seconds=7.5, gap=GAP)


@pytest.fixture(scope="module")
def view(rv):
    v = VideoView(Figure(figsize=(10, 5.6), dpi=40))
    v.update(rv)
    return v


def test_the_video_finds_the_rep_the_lift_was_made_with(rv):
    (rep,) = rv.reps  # 7.5 s: one rep of 3-1-1-1 after 1 s standing
    spec = SAMPLES["rdl_3111_px.csv"]
    assert spec["tempo"] == "3-1-1-1"
    assert rep.tempo[:3] == pytest.approx((3, 1, 1), abs=0.15)
    assert rv.scale == pytest.approx(2 / spec["px_per_m"], rel=0.02)  # video is half the CSV


def test_pixels_undo_the_plate_trackers_metres(rv):
    # the plate tracker's metres are +scale * column and -scale * row
    px = rv.pixels(rv.bar.points["bar"])
    back = np.stack([px[:, 0] * rv.scale, -px[:, 1] * rv.scale], -1)
    assert np.allclose(back, rv.bar.points["bar"])
    # the export's bar, tracked on the same lift, lands on the video's plate (within 1.5 px)
    export_bar = np.stack([np.interp(rv.times, rv.export.t, rv.export.points["bar"][:, i])
                           for i in (0, 1)], -1)
    assert np.median(np.hypot(*(rv.pixels(export_bar) - px).T)) < 1.5


def test_set_time_moves_frame_bar_figure_and_cursor_together(rv, view):
    for t in (1.0, 3.9, 5.6):
        m = view.set_time(t)
        assert m.frame == int(np.argmin(np.abs(rv.times - t)))
        assert np.array_equal(view.overlay.image.get_array(), rv.frames[m.frame])
        assert np.allclose(np.ravel(view.overlay.bar.get_data()),
                           rv.pixels(rv.bar.points["bar"][m.frame]))
        knee = rv.pixels(rv.own.points["knee"][m.own])
        assert np.allclose(np.asarray(view.overlay.bones[0].get_data())[:, 1], knee)
        for c in view.cursor:
            assert c.get_xdata()[0] == pytest.approx(t)
        assert f"t = {t:.2f} s" in view.overlay.status.get_text()


def test_the_fitted_figure_sits_on_the_tracked_points(rv, view):
    m = view.set_time(5.6)
    model = {k: rv.pixels(rv.own.points[k][m.own]) for k in ("knee", "hip", "shoulder")}
    tracked = np.asarray(view.overlay.tracked.get_data()).T
    for k, p in model.items():
        # within the fit tolerance, in video pixels
        assert np.min(np.hypot(*(tracked - p).T)) * rv.scale < 0.01, k  # docs: within 1 cm


def test_a_lost_marker_is_said_at_its_frames_only(rv, view):
    inside = view.set_time(3.4)
    assert not inside.ok and "missing" in inside.status
    assert "missing" in view.overlay.status.get_text()
    assert view.overlay.status.get_bbox_patch().get_edgecolor()[:3] == pytest.approx(
        tuple(int(PALETTE["vermillion"][i:i + 2], 16) / 255 for i in (1, 3, 5)))
    assert view.overlay.bones[0].get_linestyle() != "-"
    outside = view.set_time(5.6)
    assert outside.ok and outside.status.startswith(R.STATUS_OK)
    assert view.overlay.bones[0].get_linestyle() == "-"
    lost = rv.own.flags["missing"]
    assert lost.any()
    assert np.all((rv.own.t[lost] >= GAP[1] - 0.05) & (rv.own.t[lost] <= GAP[2] + 0.05))


def test_a_poor_fit_is_said_with_its_size(rv):
    flags = dict(rv.own.flags)
    error = flags["error"].copy()
    i = int(np.argmin(np.abs(rv.own.t - 2.0)))
    error[i] = 0.052
    flags.update(error=error, poor_fit=error > 0.03)
    own = dataclasses.replace(rv.own, flags=flags)
    m = dataclasses.replace(rv, own=own).at(float(rv.own.t[i]))
    assert not m.ok and "poor fit" in m.status and "5.2 cm" in m.status


def test_plots_show_the_athlete_beside_the_textbook_hinge(rv, view):
    own = view.own["compression"].get_ydata()
    assert np.allclose(own, rv.own.result.disc["compression"])
    book_t = view.book["compression"].get_xdata()
    rep = rv.reps[0]
    assert np.nanmin(book_t) == pytest.approx(rep.start)
    m = rv.at(rep.lowered + 0.5)
    model = rv.textbook[0].model
    assert m.textbook["compression"] == pytest.approx(
        np.interp(rep.lowered + 0.5 - rep.start, model.t, model.disc["compression"]))
    assert np.allclose(view.velocity.get_ydata(), rv.speed[1])


def test_video_figure_draws_in_both_styles(rv):
    for style in ("default", "projector"):
        fig = video_figure(rv, 4.0, style)
        assert len(fig.axes) == 4


@pytest.mark.parametrize("t, error", [("3", TypeError), (True, TypeError), (-0.1, ValueError),
                                      (float("nan"), ValueError), (99.0, ValueError)])
def test_bad_time_is_named(rv, t, error):
    with pytest.raises(error, match=r"^t = "):
        rv.at(t)


def test_review_refuses_mismatched_inputs(rv):
    other = load_sample("rdl_drift_px.csv")  # another lift: its bar is elsewhere
    with pytest.raises(ValueError, match="export's bar is .* from the video's bar"):
        R.review(rv.frames, rv.times, rv.bar, other, _load())
    with pytest.raises(TypeError, match="^export must be a Track"):
        R.review(rv.frames, rv.times, rv.bar, "set.csv", _load())
    with pytest.raises(ValueError, match="frames, .* times"):
        R.review(rv.frames[:-1], rv.times, rv.bar, rv.export, _load())
    with pytest.raises(ValueError, match="^facing = 'up'"):
        R.review(rv.frames, rv.times, rv.bar, rv.export, _load(), facing="up")
    with pytest.raises(ValueError, match="^fps = 5"):
        R.sample_review(fps=5)
    with pytest.raises(ValueError, match="^export = 'kinovea_rdl.csv'"):
        R.sample_review(export="kinovea_rdl.csv")


def _load():
    from hinge_sim.model import presets
    return presets.load("RDL", 40)


def test_a_frame_without_the_plate_is_said(rv):
    i = int(np.argmin(np.abs(rv.times - 2.0)))
    lost = np.zeros(rv.times.size, bool)
    lost[i] = True
    bar = dataclasses.replace(rv.bar, filled={"bar": lost})
    m = dataclasses.replace(rv, bar=bar).at(float(rv.times[i]))
    assert not m.ok and "plate not found" in m.status
    assert dataclasses.replace(rv, bar=bar).at(float(rv.times[i + 3])).ok


def test_the_sacrum_marker_is_drawn_and_its_loss_said_at_its_frames_only(rv, view):
    import io
    import warnings

    from hinge_sim.video.sample_tracks import read_kwargs, sample_path
    from hinge_sim.video.tracking import TrackWarning, read_track
    m = view.set_time(5.6)
    tracked = np.asarray(view.overlay.tracked.get_data()).T
    sacrum = rv.pixels(rv.own.points["sacrum"][m.own])
    assert np.min(np.hypot(*(tracked - sacrum).T)) * rv.scale < 0.01  # drawn, on the marker
    assert rv.own.lumbar_measured and "measured from the sacrum marker" in rv.lumbar_words()
    text = R._blank(sample_path("rdl_3111_kinovea.csv").read_text(encoding="utf-8"), "sacrum",
                    2.0, 2.08, sep=";")
    stream = io.StringIO(text)
    stream.name = "gap.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TrackWarning)
        export = read_track(stream, **read_kwargs("rdl_3111_kinovea.csv"))
    lost = R.review(rv.frames, rv.times, rv.bar, export, _load(), mass=rv.own.body.mass)
    inside, outside = lost.at(2.04), lost.at(5.6)
    assert not inside.ok and "sacrum marker is missing" in inside.status
    assert outside.ok
    flagged = lost.own.t[lost.own.flags["lumbar_missing"]]
    assert flagged.size and flagged.min() >= 1.98 and flagged.max() <= 2.1
    assert "filled in on" in lost.lumbar_words()
