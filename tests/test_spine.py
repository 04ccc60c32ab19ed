"""The lumbar spine and disc loads against statics and hand-worked geometry."""
import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.model import constants
from hinge_sim.model.lumbar import lumbar_geometry
from hinge_sim.model.spine import passive_moment, scales

MAN = hs.Body(stature=1.75, mass=75, sex="male")


def test_standing_l5s1_disc_is_tilted_by_the_sacral_slope():
    """Standing, the L5/S1 mid-plane normal is the mean of the S1 plateau's
    tilt (sacral slope 39.5 deg) and the L5 axis, from Christophy's L4/L5
    offset: (39.5 + atan(10 / 29.6)) / 2 = 29.1 deg, by hand, ahead of the
    pelvis's standing frame."""
    res = hs.analyze(MAN, hs.Posture(knee=0, hip=0, lumbar=0), hs.Dowel())
    pelvis_turn = np.rad2deg(res.segments["pelvis"]["angle"]) - MAN.pelvis_tilt
    by_hand = (39.5 + np.rad2deg(np.arctan2(0.010, 0.0296))) / 2
    assert res.disc["disc_angle"] - pelvis_turn == pytest.approx(by_hand, abs=1e-9)
    assert res.disc["disc_angle_l4l5"] - pelvis_turn == pytest.approx(
        np.rad2deg(np.arctan2(0.010, 0.0296)) / 2, abs=1e-9)


def test_standing_unloaded_gives_a_few_hundred_newtons_of_anterior_shear():
    """The weight above L5/S1 on a disc tilted about 30 deg: W sin(tilt)
    anterior, less the extensors' small posterior pull."""
    res = hs.analyze(MAN, hs.Posture(knee=0, hip=0, lumbar=0), hs.Dowel())
    weight = sum(res.segments[k]["mass"] for k in ("trunk", "head", "arm")) * constants.GRAVITY
    tilt = np.deg2rad(res.disc["disc_angle"])
    assert 100 < res.disc["shear"] < 400
    assert res.disc["shear"] == pytest.approx(weight * np.sin(tilt), rel=0.25)


def test_flexion_is_shared_between_the_levels_in_the_published_proportions():
    """With the pelvis held, L5/S1's mid-plane turns by half its 12.5 % share,
    L4/L5's by L5/S1's share plus half its own 18.5 % (Christophy 2012)."""
    pelvis = np.full(2, np.deg2rad(MAN.pelvis_tilt))
    geo = lumbar_geometry(MAN, pelvis, np.array([0.0, 40.0]), np.zeros((2, 2)))
    turn = np.rad2deg(np.diff(geo["normal"], axis=0))[0]
    assert turn == pytest.approx([40 * 0.125 / 2, 40 * (0.125 + 0.185 / 2)], abs=1e-9)
    assert sum(constants.LUMBAR_FLEXION_SHARE) == pytest.approx(1.0)


def test_lumbar_joints_run_from_l5s1_up_the_lordosis():
    res = hs.analyze(MAN, hs.Posture(knee=0, hip=0, lumbar=0), hs.Dowel())
    joints = res.points["lumbar"]
    assert joints.shape == (5, 2)
    assert np.allclose(joints[0], res.points["l5s1"])
    assert np.all(np.diff(joints[:, 1]) > 0)  # each level above the last
    length = np.sum(np.linalg.norm(np.diff(joints, axis=0), axis=1))
    assert 0.10 < length < 0.14  # m, four lumbar motion segments of about 3 cm


@pytest.mark.parametrize("line", ["oblique", "chord"])
@pytest.mark.parametrize("bracing", [0.0, 1.0])
def test_forces_and_moments_balance_at_l5s1(line, bracing):
    """Statics of the upper body at L5/S1: the extensor, passive, IAP and
    abdominal moments add up to the net moment from the inverse dynamics."""
    body = hs.Body(extensor_line=line)
    res = hs.analyze(body, hs.Posture(knee=20, hip=80, lumbar=20), hs.Barbell(40), bracing=bracing)
    d, s = res.disc, scales(body)["depth"]
    lam = 20 / body.max_lumbar
    arm = constants.EXTENSOR_MOMENT_ARM * s * (1 - constants.EXTENSOR_ARM_LOSS_FULL_FLEXION * lam)
    total = (d["muscle"] * arm + d["passive_moment"] + d["iap"] * constants.IAP_MOMENT_ARM * s
             - d["abdominal"] * constants.ABDOMINAL_MOMENT_ARM * s)
    assert total == pytest.approx(res.moments["l5s1"], rel=1e-12)


@pytest.mark.parametrize("line", ["oblique", "chord"])
@pytest.mark.parametrize("bracing", [0.0, 1.0])
def test_the_muscles_and_tissues_hold_the_net_moment_at_both_levels(line, bracing):
    """``muscle_moment`` (extensors less abdominals), the passive moment and the
    IAP moment add up to the net moment at L5/S1 and at L4/L5; the muscles'
    own compression is part of the disc's."""
    body = hs.Body(extensor_line=line)
    res = hs.analyze(body, hs.Posture(knee=20, hip=80, lumbar=20), hs.Barbell(40), bracing=bracing)
    d, s = res.disc, scales(body)["depth"]
    for suffix in ("", "_l4l5"):
        total = d[f"muscle_moment{suffix}"] + d["passive_moment"] + (
            d["iap"] * constants.IAP_MOMENT_ARM * s)
        assert total == pytest.approx(d[f"moment{suffix}"], rel=1e-12)
        # part of the compression, before the pressure's relief
        assert 0 < d[f"muscle_compression{suffix}"] < d[f"compression{suffix}"] + d["iap"]


def test_l4l5_moment_transfers_the_l5s1_moment_by_hand():
    """M(L4/L5) = M(L5/S1) minus the weight above times the forward distance
    from L5/S1 to L4/L5 (still pose, net force vertical)."""
    res = hs.analyze(MAN, hs.Posture(knee=20, hip=80, lumbar=10), hs.Barbell(40))
    weight = res.grf[1] - sum(res.segments[k]["mass"] for k in
                              ("foot", "shank", "thigh", "pelvis")) * constants.GRAVITY
    dx = res.points["lumbar"][1, 0] - res.points["lumbar"][0, 0]
    assert res.disc["moment_l4l5"] == pytest.approx(res.moments["l5s1"] - weight * dx, rel=1e-9)


def test_bracing_costs_compression():
    """The abdominal wall that makes the pressure pulls with a larger flexor
    moment than the pressure gives back (McGill & Norman 1987): bracing adds
    compression and never takes it away."""
    posture, load = hs.Posture(knee=20, hip=80, lumbar=10), hs.Barbell(60)
    loose = hs.analyze(MAN, posture, load, bracing=0.0)
    braced = hs.analyze(MAN, posture, load, bracing=1.0)
    assert braced.disc["compression"] > loose.disc["compression"] * 1.05


def test_passive_moment_rises_with_flexion_and_resists_extension():
    lam = np.linspace(-1, 1, 41)
    for sex in ("male", "female"):
        m = passive_moment(lam, sex)
        assert np.all(np.diff(m) > 0)
        assert m[20] == 0.0 and m[0] < 0 < m[-1]


def test_a_bigger_lifter_has_longer_moment_arms():
    """Same relative load, posture and body-mass index: with fixed moment arms
    compression per body weight rises 34 % from a 1.5 m to a 2.0 m lifter.
    Geometric similarity (every length with stature, mass with its square
    here) leaves it unchanged: moments grow with mass times stature, arms with
    stature, so the ratio is 1 to rounding."""
    posture = hs.Posture(knee=20, hip=80, lumbar=10)
    per_bw = []
    for stature in (1.5, 2.0):
        mass = 24.5 * stature ** 2  # same body-mass index
        body = hs.Body(stature=stature, mass=mass)
        res = hs.analyze(body, posture, hs.Barbell(0.5 * mass))
        per_bw.append(res.disc["compression"] / (mass * constants.GRAVITY))
        assert scales(body)["depth"] == pytest.approx(stature / 1.75)
    assert per_bw[1] / per_bw[0] == pytest.approx(1.0, rel=1e-9)


def test_bad_extensor_line_is_a_clear_error():
    with pytest.raises(ValueError, match="extensor_line = 'sideways' is not a valid choice"):
        hs.Body(extensor_line="sideways")
