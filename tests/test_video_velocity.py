"""Velocity measures against hand-worked kinematics, and the load-velocity profile."""
import warnings

import numpy as np
import pytest

from hinge_sim.model.constants import GRAVITY
from hinge_sim.video import synthetic as Y
from hinge_sim.video.barpath import analyze_track
from hinge_sim.video.profile import ProfileWarning, load_velocity_profile
from hinge_sim.video.velocity import velocity_loss


def _reps(shape, tempo=(2, 1, 1.5, 1), load_kg=None, noise=0.0005, depth=0.30):
    track, truth = Y.bar_track(shape, tempo, reps=3, depth=depth, noise=noise)
    return analyze_track(track, load_kg=load_kg), truth


def test_constant_speed_mean_and_peak():
    reps, truth = _reps("constant")
    for r in reps:
        v = r.velocity
        assert v.mean == pytest.approx(0.30 / 1.5, rel=0.05)  # depth / rising time
        assert v.peak == pytest.approx(0.20, rel=0.08)  # flat profile: peak = mean
        assert v.range_of_motion == pytest.approx(0.30, abs=0.005)
        assert v.concentric_time == pytest.approx(1.5, abs=0.15)
        assert v.lowering_mean == pytest.approx(0.30 / 2, rel=0.08)


def test_trapezoid_peak_is_four_thirds_of_the_mean():
    # ramps over a quarter at each end: area = peak * (1 - 1/4), so peak = mean / 0.75
    reps, _ = _reps("trapezoid")
    for r in reps:
        assert r.velocity.peak == pytest.approx(r.velocity.mean / 0.75, rel=0.06)


def test_time_to_peak_lies_on_the_plateau():
    reps, _ = _reps("asymmetric")  # full speed from 10 % to 50 % of the rising
    for r in reps:
        assert 0.1 * 1.5 - 0.1 <= r.velocity.time_to_peak <= 0.5 * 1.5 + 0.1


def test_mean_power_is_weight_times_speed():
    # constant speed, at rest at both ends: mean of m (g + a) v = m g h / T
    reps, _ = _reps("constant", load_kg=100)
    for r in reps:
        assert r.velocity.mean_power == pytest.approx(100 * GRAVITY * 0.30 / 1.5, rel=0.05)
    assert all(r.velocity.mean_power is None for r in _reps("constant")[0])


def test_sticking_point_slows_but_keeps_the_mean():
    reps, _ = _reps("sticking")
    for r in reps:
        assert r.velocity.mean == pytest.approx(0.20, rel=0.06)


def test_velocity_loss_hand_worked():
    assert velocity_loss([0.50, 0.55, 0.50, 0.44]) == pytest.approx(20.0)
    assert velocity_loss([0.4, 0.5]) == 0.0
    for bad in ([], [0.5, np.nan], [0.5, -0.1], [[0.5]]):
        with pytest.raises(ValueError, match="mean_velocities"):
            velocity_loss(bad)


def test_profile_recovers_a_line_and_its_1rm():
    loads = np.array([60.0, 80.0, 100.0, 120.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = load_velocity_profile(loads, 1.2 - 0.008 * loads, "deadlift")
    assert p.slope == pytest.approx(-0.008) and p.intercept == pytest.approx(1.2)
    assert p.one_rm == pytest.approx((1.2 - 0.15) / 0.008)  # 131.25 kg at the 0.15 m/s MVT
    assert p.r2 == pytest.approx(1.0) and not p.extrapolated
    assert p.velocity_at(p.one_rm) == pytest.approx(0.15)


def test_profile_warns_when_extrapolating_or_unsure():
    with pytest.warns(ProfileWarning, match="extrapolated"):
        p = load_velocity_profile([40, 50, 60], [0.9, 0.82, 0.75], mvt=0.15)
    assert p.extrapolated and p.one_rm > 100
    with pytest.warns(ProfileWarning, match="two loads"):
        assert load_velocity_profile([100, 120], [0.5, 0.35], "deadlift").r2 is None
    with pytest.warns(ProfileWarning, match="fits poorly"):
        load_velocity_profile([100, 110, 120, 130], [0.5, 0.3, 0.45, 0.2], "deadlift")


@pytest.mark.parametrize("args, words", [
    (([100, 120], [0.5]), "same length"),
    (([100, 100], [0.5, 0.4]), "two different loads"),
    (([100, 120], [0.4, 0.5]), "does not fall"),
    (([100, 120], [0.5, np.nan]), "velocities"),
    (([100, 120], [0.5, 0.4], "romanian deadlift"), "pass mvt"),
    (([100, 120], [0.5, 0.4], "deadlift", -1), "mvt = -1"),
])
def test_profile_bad_input(args, words):
    with pytest.raises(ValueError, match=words):
        load_velocity_profile(*args)
