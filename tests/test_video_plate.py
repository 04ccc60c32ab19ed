"""Plate tracking on a video the project renders: a plate on a known path over a textured
background, with noise and motion blur, encoded to MP4 and decoded again."""
import numpy as np
import pytest

from hinge_sim.video import scene as S
from hinge_sim.video import synthetic as Y
from hinge_sim.video.barpath import analyze_track
from hinge_sim.video.decode import read_video, write_video
from hinge_sim.video.plate import find_plate, track_plate

pytest.importorskip("av")
pytestmark = pytest.mark.slow  # renders, encodes and decodes a 9 s video: about a minute

W, H, R = 640, 360, 60  # frame (px) and plate radius (px)
PX_PER_M = 2 * R / 0.45
FPS = 30
TEMPO = (2, 0.5, 1, 1)


def _path(t):
    y, events = Y.bar_height(t, "trapezoid", TEMPO, 2, 0.30, lead=1.0, top=0.80)
    x = 0.10 - 0.05 * (0.80 - y) / 0.30
    return x, y, events


def _to_px(x, y):
    return 320 + (x - 0.1) * PX_PER_M, 110 + (0.8 - y) * PX_PER_M


@pytest.fixture(scope="module")
def video(tmp_path_factory):
    path = tmp_path_factory.mktemp("video") / "plate.mp4"
    t = np.arange(int(9.0 * FPS)) / FPS
    when = S.exposure_times(t, FPS)
    bar = np.stack(_to_px(*_path(when.ravel())[:2]), -1).reshape(when.shape + (2,))
    write_video(path, S.render({"bar": bar}, (W, H), R), FPS)
    got = read_video(path)
    assert len(got.frames) == t.size and np.allclose(got.times, t, atol=1e-3)
    return got.frames, got.times


def test_plate_found_on_the_first_frame(video):
    frames, _ = video
    x, y, r = find_plate(frames[0])
    cx, cy = _to_px(*_path(np.array([0.0]))[:2])
    assert abs(x - cx[0]) < 2 and abs(y - cy[0]) < 2 and abs(r - R) < 2


def _exposure_mean_px(times):
    """The plate centre (px) averaged over each frame's exposure, as rendered."""
    when = S.exposure_times(times, FPS)
    x, y = _to_px(*_path(when.ravel())[:2])
    return x.reshape(when.shape).mean(1), y.reshape(when.shape).mean(1)


def test_path_within_1_cm_in_every_frame_and_tempo_within_015_s(video):
    frames, times = video
    track = track_plate(frames, times)
    assert track.scale == pytest.approx(0.45 / (2 * R), rel=0.01)  # calibrated from the plate
    # the centre found in each frame: where the blurred plate was on average while the shutter
    # was open (measured: within 0.2 px in every frame)
    cx, cy = _exposure_mean_px(times)
    px = track.points["bar"] / track.scale * [1, -1]
    assert np.abs(px - np.stack([cx, cy], -1)).max() < 0.5
    x, y, events = _path(times)
    got = track.points["bar"]
    # against the plate's true path at each frame's time: the track's origin is the image's,
    # so compare motion from the first frame (measured: median 1 mm, worst 4 mm, mostly the
    # 1/120 s the blur's centre lags the frame's time while the bar moves fastest)
    dx = (got[:, 0] - got[0, 0]) - (x - x[0])
    dy = (got[:, 1] - got[0, 1]) - (y - y[0])
    err = np.hypot(dx, dy)
    assert np.median(err) < 0.003 and err.max() < 0.01
    reps = analyze_track(track)
    assert len(reps) == 2
    for r, true in zip(reps, events):
        got_events = np.array([r.start, r.lowered, r.rise_start, r.end]) - times[0]
        assert np.all(np.abs(got_events - true) <= 0.15), (got_events, true)


def test_seed_from_a_click_and_bad_input(video):
    frames, times = video
    cx, cy = _to_px(*_path(np.array([0.0]))[:2])
    # a click 5 px off the centre, the radius guessed 15 % too large
    seeded = track_plate(frames[:60], times[:60], seed=(cx[0] + 5, cy[0] - 5, 1.15 * R))
    ex, ey = _exposure_mean_px(times[:60])
    px = seeded.points["bar"] / seeded.scale * [1, -1]
    assert np.abs(px - np.stack([ex, ey], -1)).max() < 0.5
    with pytest.raises(ValueError, match="plate_diameter = 2 m"):
        track_plate(frames, times, plate_diameter=2)
    with pytest.raises(ValueError, match="same number of each"):
        track_plate(frames, times[:-1])


def test_a_lifters_video_the_plate_in_front_of_the_legs(tmp_path):
    """The packaged sample lift rendered with limbs behind the plate: the bar's path within
    1 cm of the model's in every frame, tempo within 0.15 s (measured: 0.6 px, 3 mm)."""
    from hinge_sim.video.sample_tracks import SAMPLES, positions
    frames, times, _ = S.sample_video("rdl_3111_px.csv", fps=30, seconds=7.5)
    write_video(tmp_path / "lift.mp4", frames, 30)
    got = read_video(tmp_path / "lift.mp4")
    track = track_plate(got.frames, got.times)
    spec = SAMPLES["rdl_3111_px.csv"]
    _, pts = positions({**spec, "fps": 30})
    true = pts["bar"][: times.size]
    assert track.scale == pytest.approx(0.45 / (0.45 * spec["px_per_m"] / 2), rel=0.01)
    moved = (track.points["bar"] - track.points["bar"][0]) - (true - true[0])
    assert np.hypot(*moved.T).max() < 0.01
    rep = analyze_track(track)[0]
    assert np.allclose([rep.lowering, rep.bottom_pause, rep.rising], [3, 1, 1], atol=0.15)
