"""Published behaviour of the hinge (see docs/model.md for the sources)."""
import numpy as np
import pytest

import hinge_sim as hs

MAN = hs.Body(stature=1.75, mass=75, sex="male")


def test_rdl_knee_moment_is_flexor():
    res = hs.analyze(MAN, hs.Posture(knee=20, hip=85, lumbar=5), hs.Barbell(40))
    assert res.balanced and res.moments["knee"] < 0


def test_deep_knee_bend_deadlift_knee_moment_is_extensor():
    res = hs.analyze(MAN, hs.Posture(knee=75, hip=95, lumbar=5, bar=0.0), hs.TrapBar(60))
    assert res.balanced and res.moments["knee"] > 0


def test_more_knee_bend_lowers_hip_share():
    res = hs.analyze(MAN, hs.Posture(knee=[20, 50, 70], hip=90, lumbar=5), hs.TrapBar(40))
    assert np.all(np.diff(res.metrics["hip_share"]) < 0)


def test_rounding_raises_shear():
    res = hs.analyze(MAN, hs.Posture(knee=20, hip=[85, 65], lumbar=[5, 25]), hs.Barbell(40))
    assert res.disc["shear"][1] > res.disc["shear"][0]


def test_bar_drifting_forward_raises_low_back_moment():
    res = hs.analyze(MAN, hs.Posture(knee=20, hip=85, lumbar=5, bar=[0.0, 0.1]), hs.Barbell(40))
    assert res.moments["l5s1"][1] > res.moments["l5s1"][0]


def test_rdl_bottom_near_a_hand_estimate():
    """75 kg man, 40 kg RDL bottom. Hand estimate (docs/model.md, 'Checks'):
    the mass above L5/S1 (about 49 % of 75 kg, 360 N) about 0.25 m in front
    of L5/S1 and the bar (392 N) about 0.35 m in front give 90 + 137 = 227 N m;
    one extensor with a 0.06 m arm then needs about 3.8 kN, plus the
    weight's axial share. Allow +-35 %."""
    res = hs.analyze(MAN, hs.Posture(knee=20, hip=85, lumbar=5), hs.Barbell(40))
    assert 150 < res.moments["l5s1"] < 300
    assert 2500 < res.disc["compression"] < 5200


def test_standing_grip_height_matches_anthropometry():
    """Grip 0.442 H standing (Winter 2009 Fig. 4.1, Drillis & Contini), within 2 cm."""
    for body in (hs.Body(1.77, 78, "male"), hs.Body(1.62, 62, "female"), hs.Body(1.95, 95)):
        res = hs.analyze(body, hs.presets.posture("standing"), hs.Barbell(20))
        assert res.points["hand"][..., 1] == pytest.approx(0.442 * body.stature, abs=0.02)


@pytest.mark.parametrize("name", ["average man", "average woman", "tall lifter", "short lifter"])
def test_deadlift_from_the_floor_matches_schellenberg(name):
    """Plates on the floor from a 100 deg knee bend need about 102 deg of hip
    flexion (Schellenberg et al. 2013: knee ~105, hip ~102 deg), and the net
    knee moment is extensor (PMC6323186), unlike the RDL."""
    body, load = hs.presets.lifter(name), hs.Barbell(100)
    setup = hs.presets.deadlift_setup(body, load)
    res = hs.analyze(body, setup, load)
    assert res.balanced and not res.messages()
    assert 95 <= setup.hip <= 120
    assert res.points["bar"][..., 1] == pytest.approx(0.225, abs=1e-6)
    assert res.moments["knee"] > 100


def test_tighter_hamstrings_round_the_back_at_the_same_depth():
    posture = hs.Posture(knee=15, hip=85, lumbar=5)
    loose = hs.analyze(hs.Body(slr=90), posture, hs.Barbell(40))
    tight = hs.analyze(hs.Body(slr=60), posture, hs.Barbell(40))
    assert tight.metrics["lumbar_flexion"] > loose.metrics["lumbar_flexion"] + 10
    assert tight.metrics["hamstring_stretch"] == pytest.approx(1.0)
    # same depth: the trunk leans the same
    assert tight.metrics["trunk_angle"] == pytest.approx(loose.metrics["trunk_angle"], abs=2)


def test_bending_the_knees_lets_tight_hamstrings_keep_a_neutral_spine():
    tight = hs.Body(slr=60)
    straight = hs.analyze(tight, hs.Posture(knee=5, hip=80, lumbar=0), hs.Dowel())
    bent = hs.analyze(tight, hs.Posture(knee=35, hip=80, lumbar=0), hs.Dowel())
    assert straight.metrics["lumbar_flexion"] > 15 and bent.metrics["lumbar_flexion"] == 0


def test_dowel_shows_three_points_only_with_a_neutral_spine():
    res = hs.analyze(MAN, hs.Posture(knee=15, hip=[75, 60], lumbar=[0, 30]), hs.Dowel())
    assert res.metrics["dowel_gap"][0] == pytest.approx(0.0, abs=1e-12)
    assert res.metrics["dowel_gap"][1] > 0.03  # m: a hand's width off the sacrum


def test_a_rounded_rep_moves_work_from_the_hips_to_the_spine():
    top = hs.Posture(knee=5, hip=0)
    bar = hs.Barbell(40)
    hinge = hs.simulate(MAN, top, hs.Posture(knee=20, hip=85, lumbar=5), "3-1-1-0", bar)
    rounded = hs.simulate(MAN, top, hs.Posture(knee=10, hip=55, lumbar=35), "3-1-1-0", bar)
    share = [r.summary()["lumbar positive work"] / r.summary()["hip positive work"]
             for r in (hinge, rounded)]
    assert share[1] > 3 * share[0]
    assert hinge.summary()["time under tension"] == pytest.approx(5.0)
