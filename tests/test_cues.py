"""knee_for_hip inverts the hamstring limit and refuses what no knee bend can reach."""
import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.coaching.cues import knee_for_hip
from hinge_sim.model import hamstrings


@pytest.mark.parametrize("slr", [45.0, 60.0, 80.0, 95.0])
@pytest.mark.parametrize("hip", [60.0, 85.0, 100.0])
def test_the_knee_found_lets_the_hamstrings_reach_that_hip_exactly(hip, slr):
    knee = knee_for_hip(hip, slr)
    if knee > 0:
        assert hamstrings.hip_limit(knee, slr) == pytest.approx(hip, abs=1e-6)
    else:
        assert hamstrings.hip_limit(0.0, slr) >= hip - 1e-6


def test_at_that_knee_the_model_adds_no_rounding_and_just_less_adds_some():
    body = hs.Body(stature=1.77, mass=78, slr=60)
    knee = knee_for_hip(85, body.slr)
    both_sides = hs.Posture(knee=[knee + 0.01, knee - 5], hip=85, lumbar=5)
    res = hs.analyze(body, both_sides, hs.Barbell(40))
    assert res.metrics["lumbar_flexion"][0] == pytest.approx(5, abs=1e-3)
    assert res.metrics["lumbar_flexion"][1] > 8


def test_tighter_hamstrings_need_more_knee_bend():
    knees = [knee_for_hip(85, slr) for slr in (90, 80, 70, 60, 50)]
    assert np.all(np.diff(knees) > 0)


def test_a_shallow_hinge_needs_no_knee_bend():
    assert knee_for_hip(30, 80) == 0.0


@pytest.mark.parametrize("kwargs, name", [(dict(hip=150, slr=80), "hip"),
                                          (dict(hip=85, slr=20), "slr"),
                                          (dict(hip=140, slr=30), "hip = 140")])
def test_bad_or_unreachable_input_names_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        knee_for_hip(**kwargs)
