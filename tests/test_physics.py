"""The model against physics: equilibrium and hand-worked cases."""
import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.model.constants import GRAVITY

BODY = hs.Body(stature=1.75, mass=75, sex="male")


def test_segment_masses_sum_to_body_mass():
    total = sum(s.mass for s in BODY.segments.values())
    assert total == pytest.approx(75.0, rel=1e-12)


@pytest.mark.parametrize("load", [hs.Barbell(40), hs.TrapBar(60), hs.Kettlebell(24), hs.Dowel()])
def test_still_pose_ground_reaction_equals_total_weight(load):
    res = hs.analyze(BODY, hs.Posture(knee=20, hip=80, lumbar=5), load)
    assert res.grf[0] == pytest.approx(0.0, abs=1e-9)
    assert res.grf[1] == pytest.approx((75 + load.mass) * GRAVITY, rel=1e-12)


def test_cop_is_under_the_whole_system_centre_of_mass():
    res = hs.analyze(BODY, hs.Posture(knee=25, hip=70, lumbar=10, weight_shift=0.3),
                     hs.Barbell(60))
    m = np.array([s["mass"] for s in res.segments.values()])
    x = np.array([s["com"][0] for s in res.segments.values()])
    com_x = (m @ x) / m.sum()
    assert res.cop_x == pytest.approx(com_x, abs=1e-12)
    # and the pose solver put it where the posture asked
    target = BODY.midfoot_x + 0.3 * 0.5 * BODY.foot_length
    assert res.cop_x == pytest.approx(target, abs=1e-12)


def test_l5s1_moment_hand_worked():
    """Moment of every mass above L5/S1 about it, by hand from the segments."""
    res = hs.analyze(BODY, hs.Posture(knee=15, hip=90, lumbar=0, bar=0.03), hs.Barbell(50))
    p = res.points["l5s1"]
    by_hand = sum(res.segments[k]["mass"] * GRAVITY * (res.segments[k]["com"][0] - p[0])
                  for k in ("trunk", "head", "arm", "load"))
    assert res.moments["l5s1"] == pytest.approx(by_hand, rel=1e-3)


def test_standing_with_dowel_is_nearly_unloaded_at_the_hip():
    res = hs.analyze(BODY, hs.Posture(knee=0, hip=0, lumbar=0), hs.Dowel())
    assert abs(res.moments["hip"]) < 15.0  # N m: upper body almost over the hips
    assert res.balanced


def test_points_and_segments_broadcast():
    res = hs.analyze(BODY, hs.Posture(knee=[[10, 20, 30]], hip=80), hs.Barbell(40))
    assert res.points["hip"].shape == (1, 3, 2)
    assert res.moments["l5s1"].shape == (1, 3)
    assert np.all(np.isfinite(res.disc["compression"]))


@pytest.mark.parametrize("factors", [dict(thigh=1.15, torso=0.9), dict(shank=0.85, arm=1.2)])
def test_proportions_keep_standing_height(factors):
    body = hs.Body(stature=1.8, **factors)
    s = body.segments
    height = body.ankle_height + s["shank"].length + s["thigh"].length + s["trunk"].length \
        + s["head"].length + s["pelvis"].length * np.cos(np.deg2rad(body.pelvis_tilt))
    plain = hs.Body(stature=1.8)
    p = plain.segments
    ref = plain.ankle_height + p["shank"].length + p["thigh"].length + p["trunk"].length \
        + p["head"].length + p["pelvis"].length * np.cos(np.deg2rad(plain.pelvis_tilt))
    assert height == pytest.approx(ref, rel=0.01)


def test_depth_for_bar_height_brings_the_grip_there():
    load = hs.Barbell(60)
    posture = hs.depth_for_bar_height(BODY, load, knee=20, height=0.45)
    res = hs.analyze(BODY, posture, load)
    assert res.points["hand"][1] == pytest.approx(0.45, abs=1e-6)


def test_depth_for_bar_height_out_of_reach_is_a_clear_error():
    with pytest.raises(ValueError, match="height = 0.05 m cannot be reached at knee = 20"):
        hs.depth_for_bar_height(BODY, hs.Dowel(), knee=20, height=0.05)


def test_spine_curve_joins_l5s1_to_c7t1_and_bows_back_when_rounded():
    res = hs.analyze(BODY, hs.Posture(knee=15, hip=[70, 45], lumbar=[0, 30]), hs.Dowel())
    spine = res.points["spine"]
    assert spine.shape == (2, 9, 2)
    assert np.allclose(spine[:, 0], res.points["l5s1"])
    assert np.allclose(spine[:, -1], res.points["c7t1"])
    # signed distance behind the chord at the lumbar third, larger when rounded
    chord = res.points["c7t1"] - res.points["l5s1"]
    rel = spine[:, 3] - res.points["l5s1"]
    behind = (chord[:, 0] * rel[:, 1] - chord[:, 1] * rel[:, 0]) / np.linalg.norm(chord, axis=1)
    assert behind[0] < 0 < behind[1]


def test_units_round_trip_and_body_weight():
    from hinge_sim.model import units
    assert units.kg_to_lb(100) == pytest.approx(220.462, rel=1e-5)
    assert units.lb_to_kg(units.kg_to_lb(42.0)) == pytest.approx(42.0)
    assert units.body_weights(75 * GRAVITY, 75) == pytest.approx(1.0)
