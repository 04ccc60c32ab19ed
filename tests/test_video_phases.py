"""Phase timing from the bar's own motion, on tracks whose speed profiles are not the model's."""
import io
import itertools

import numpy as np
import pytest

from hinge_sim.video import synthetic as Y
from hinge_sim.video.barpath import analyze_track
from hinge_sim.video.tracking import read_track

TOL = 0.15  # s, every phase event
TEMPOS = [(3, 1, 1, 1), (2, 0, 1, 1), (1, 0, 3, 0.5), (4, 2, 2, 1)]
# (frames/s, tracking noise m): 1 mm at 60 frames/s, 0.5 mm at 30 frames/s
CAMERAS = [(60, 0.001), (30, 0.0005)]
CASES = list(itertools.product(Y.SHAPES, TEMPOS, CAMERAS, [0.0, 0.05]))


def _events(r):
    return (r.start, r.lowered, r.rise_start, r.end)


@pytest.mark.parametrize("shape, tempo, camera, drop", CASES,
                         ids=[f"{s}-{'-'.join(map(str, t))}-{c[0]}fps-drop{d}"
                              for s, t, c, d in CASES])
def test_every_phase_within_tolerance(shape, tempo, camera, drop):
    fps, noise = camera
    track, truth = Y.bar_track(shape, tempo, reps=3, fps=fps, noise=noise, drop=drop, spikes=2,
                               seed=1)
    reps = analyze_track(track)
    assert len(reps) == 3
    for r, true in zip(reps, truth["events"]):
        err = np.abs(np.array(_events(r)) - true)
        assert np.all(err <= TOL), (r.number, np.round(_events(r), 3), true)
    for r in reps:  # the phase durations, the tempo itself
        got = r.tempo if r.top_pause is not None else r.tempo[:3]
        assert np.all(np.abs(np.array(got) - tempo[:len(got)]) <= TOL), (r.number, r.tempo_text)
    assert reps[-1].top_pause is None


def test_issue_shapes_read_right():
    """A constant-speed 3-1-1-1 and a trapezoidal rep, which a fitted model curve misread."""
    for shape in ("constant", "trapezoid"):
        track, _ = Y.bar_track(shape, (3, 1, 1, 1), reps=2, noise=0.001)
        for r in analyze_track(track):
            assert np.allclose(r.tempo[:3], (3, 1, 1), atol=TOL), (shape, r.tempo_text)


def test_sticking_point_is_not_a_pause():
    track, _ = Y.bar_track("sticking", (2, 0, 2, 1), reps=2, noise=0.0005)
    for r in analyze_track(track):
        assert r.bottom_pause <= TOL and abs(r.rising - 2) <= TOL


def test_touch_and_go_has_no_pause():
    track, _ = Y.bar_track("trapezoid", (2, 0, 1.5, 0), reps=3, noise=0.0005)
    reps = analyze_track(track)
    assert len(reps) == 3
    assert all(r.bottom_pause <= TOL for r in reps)
    assert all(r.top_pause <= TOL for r in reps[:-1])


def test_noise_free_constant_speed():
    track, truth = Y.bar_track("constant", (2, 1, 1, 1), reps=2, noise=0.0, fps=120)
    for r, true in zip(analyze_track(track), truth["events"]):
        assert np.allclose(_events(r), true, atol=TOL)


def test_through_a_csv_file():
    track, truth = Y.bar_track("asymmetric", (3, 1, 1, 1), reps=2, noise=0.0005, drop=0.05)
    back = read_track(io.StringIO(Y.csv_text(track)))
    reps = analyze_track(back)
    for r, true in zip(reps, truth["events"]):
        assert np.all(np.abs(np.array(_events(r)) - true) <= TOL)


def test_spikes_do_not_make_reps():
    track, _ = Y.bar_track("trapezoid", (2, 1, 1, 1), reps=2, noise=0.0005, spikes=12, seed=3)
    assert len(analyze_track(track, min_depth=0.04)) == 2
