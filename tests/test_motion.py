"""Tempo notation and reps in time."""
import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.model.constants import GRAVITY
from hinge_sim.model.motion import EXPLOSIVE_S, parse_tempo, rep_profile

MAN = hs.Body(1.75, 75, "male")
TOP, BOTTOM = hs.Posture(knee=5, hip=0), hs.Posture(knee=20, hip=85, lumbar=5)


@pytest.mark.parametrize("text, expected", [
    ("3-1-1-0", (3, 1, 1, 0)), ("31X0", (3, 1, EXPLOSIVE_S, 0)), ("2.5-0-1-1", (2.5, 0, 1, 1)),
    ((4, 0, 2, 0), (4, 0, 2, 0)), (np.array([2, 0, 1, 0]), (2, 0, 1, 0))])
def test_parse_tempo(text, expected):
    assert parse_tempo(text) == pytest.approx(expected)


@pytest.mark.parametrize("bad", ["3-1-1", "abc", "3-1-1-0-0", "0-1-1-0", (1, 2), "3--1-1"])
def test_bad_tempo_names_the_tempo(bad):
    with pytest.raises(ValueError, match="tempo"):
        parse_tempo(bad)


@pytest.mark.parametrize("tempo, fps, phase", [
    ("0.05-0-0.05-0", 10, "lowering"), ([0.001, 0, 0.001, 0], 100, "lowering"),
    ("2-0.1-1-0", 20, "bottom pause"), ("2-0-0.4-0", 10, "rising"),
    ("2-0-1-0.02", 100, "top pause")])
def test_phase_too_short_for_the_frame_rate_is_refused_by_name(tempo, fps, phase):
    with pytest.raises(ValueError, match=f"tempo {phase} = "):
        rep_profile(tempo, fps)


def test_shortest_phase_accepted_is_five_frames():
    t, _, phase = rep_profile("2-0.25-0.5-0", fps=20)  # 5 frames of pause, 10 of rising
    assert np.sum(phase == 1) >= 4 and t[-1] == pytest.approx(2.75)


def test_profile_reaches_bottom_and_returns():
    t, s, phase = rep_profile("3-1-1-0", fps=100)
    assert t[-1] == pytest.approx(5.0)
    assert s[0] == 0 and s[300] == pytest.approx(1) and s[-1] == pytest.approx(0)
    assert set(np.unique(phase)) == {0, 1, 2}


def test_faster_rise_raises_peak_moments():
    slow = hs.simulate(MAN, TOP, BOTTOM, "3-1-3-0", hs.Barbell(40)).summary()
    fast = hs.simulate(MAN, TOP, BOTTOM, "3-1-1-0", hs.Barbell(40)).summary()
    for joint in ("hip", "l5s1"):
        assert fast[f"peak {joint} moment"] > slow[f"peak {joint} moment"]


def test_rep_obeys_newton_for_the_whole_system():
    """Vertical GRF = total weight + sum of m * a_y of the moving segments."""
    rep = hs.simulate(MAN, TOP, BOTTOM, "2-0-1-0", hs.Barbell(40), fps=200)
    dt = rep.t[1] - rep.t[0]
    m = np.array([s["mass"] for s in rep.segments.values()])
    y = np.stack([s["com"][:, 1] for s in rep.segments.values()], 1)
    ay = np.gradient(np.gradient(y, dt, axis=0, edge_order=2), dt, axis=0, edge_order=2)
    expected = m.sum() * GRAVITY + ay @ m
    inner = slice(5, -5)
    assert np.allclose(rep.grf[inner, 1], expected[inner], rtol=2e-3)


def test_still_rep_equals_analyze():
    rep = hs.simulate(MAN, BOTTOM, BOTTOM, "1-0-1-0", hs.Barbell(40))
    still = hs.analyze(MAN, BOTTOM, hs.Barbell(40))
    assert np.allclose(rep.moments["l5s1"], still.moments["l5s1"])
