"""Published behaviour of the hinge (see docs/model.md for the sources)."""
import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.model import constants as C

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


def test_trap_bar_lowers_lumbar_and_hip_moments_and_raises_the_knee_moment():
    """Swinton et al. 2011 (J Strength Cond Res 25:2000): against the straight
    bar, the hexagonal bar lowers the lumbar and hip moments and raises the
    knee moment. Same lifter, 100 kg from the floor, same knee bend; the trap
    bar sits at the midfoot, the barbell 3 cm ahead of it. Direction only."""
    body = hs.Body(1.75, 90, "male")
    res = {}
    for name, load, bar in (("straight", hs.Barbell(100), 0.03), ("trap", hs.TrapBar(100), 0.0)):
        posture = hs.depth_for_bar_height(body, load, knee=90, lumbar=20, bar=bar)
        res[name] = hs.analyze(body, posture, load)
        assert res[name].balanced
    straight, trap = res["straight"].moments, res["trap"].moments
    assert trap["l5s1"] < straight["l5s1"] and trap["hip"] < straight["hip"]
    assert trap["knee"] > straight["knee"]


def test_squat_lift_has_no_lower_moment_and_less_shear_than_a_stoop_lift():
    """van Dieen, Hoozemans & Toussaint 1999 (Clin Biomech 14:685): moments
    and compression are equal or higher in squat than in stoop lifting, shear
    is lower. 15 kg lifted from the floor by a 1.80 m man; "equal" allows 15 %."""
    body, load = hs.Body(1.80, 78, "male"), hs.Barbell(15)
    stoop = hs.analyze(body, hs.depth_for_bar_height(body, load, knee=5, lumbar=40, bar=0.05),
                       load)
    squat = hs.analyze(body, hs.depth_for_bar_height(body, load, knee=110, lumbar=15, bar=0.03),
                       load)
    assert stoop.balanced and squat.balanced
    assert squat.moments["l5s1"] >= 0.85 * stoop.moments["l5s1"]
    assert squat.disc["compression"] >= 0.85 * stoop.disc["compression"]
    assert squat.disc["shear"] < stoop.disc["shear"]
    assert squat.disc["shear_l4l5"] < stoop.disc["shear_l4l5"]


def test_heavy_deadlift_set_up_near_cholewicki():
    """Cholewicki, McGill & Norman 1991 (Med Sci Sports Exerc 23:1179),
    national-level powerlifters: peak L4/L5 moment 988 N m, hip 1047 N m,
    mean L4/L5 compression up to 17.2 kN. A 90 kg lifter's static set-up with
    250 kg: the static values lie below the moving peaks, so the test asks for
    60-110 % of each."""
    body, load = hs.Body(1.75, 90, "male"), hs.Barbell(250)
    res = hs.analyze(body, hs.presets.deadlift_setup(body, load), load)
    assert res.balanced
    assert 0.6 * 988 < res.disc["moment_l4l5"] < 1.1 * 988
    assert 0.6 * 1047 < res.moments["hip"] < 1.1 * 1047
    assert 0.6 * 17200 < res.disc["compression_l4l5"] < 1.1 * 17200


@pytest.mark.parametrize("sex, full", [("male", 120.0), ("female", 77.0)])
def test_passive_moment_follows_dolan(sex, full):
    """Dolan, Mannion & Adams 1994 (J Biomech 27:1077): passive extensor
    moment about 25 N m in lordotic postures, 120 N m (men) and 77 N m (women)
    in full flexion, for the reference lifter of each sex. Lordotic is read
    as 40 % of the flexion range [A]; tolerance 1 N m."""
    body = hs.Body(stature=C.REFERENCE_LIFTER[sex], sex=sex)
    lumbar = np.array([0.0, 0.4, 1.0]) * body.max_lumbar
    res = hs.analyze(body, hs.Posture(knee=20, hip=30, lumbar=lumbar), hs.Dowel())
    assert res.disc["passive_moment"] == pytest.approx([0.0, 25.0, full], abs=1.0)


def test_potvin_shear_rises_with_flexion_and_compression_ignores_the_split():
    """Potvin, McGill & Norman 1991 (Spine 16:1099): shear significantly higher
    with more lumbar flexion; compression insensitive to whether muscles or
    ligaments carry the moment. A newton-metre carried by the ligaments adds
    compression within 20 % of one carried by the extensors."""
    res = hs.analyze(MAN, hs.Posture(knee=20, hip=[85, 75, 65], lumbar=[5, 15, 25]),
                     hs.Barbell(40))
    assert np.all(np.diff(res.disc["shear"]) > 0)
    per_nm_ligament = ((1 - C.DISC_SHARE_OF_PASSIVE) / C.LIGAMENT_MOMENT_ARM
                       * np.cos(np.deg2rad(C.LIGAMENT_ANGLE_DEG)))
    assert per_nm_ligament == pytest.approx(1 / C.EXTENSOR_MOMENT_ARM, rel=0.2)


def test_the_extensor_line_decides_whether_rounding_raises_shear():
    """Where the studies disagree (docs/model.md section 5): with McGill's
    oblique extensors, rounding at the same trunk lean raises L5/S1 shear
    (McGill, Hughson & Parks 2000); with extensors along the trunk it lowers
    it, as Khoddam-Khorasani & Shirazi-Adl 2020 found lordotic postures raise
    shear (by 5-47 %)."""
    posture, load = hs.Posture(knee=20, hip=[85, 65], lumbar=[5, 25]), hs.Barbell(40)
    oblique = hs.analyze(hs.Body(extensor_line="oblique"), posture, load).disc["shear"]
    chord = hs.analyze(hs.Body(extensor_line="chord"), posture, load).disc["shear"]
    assert oblique[1] > oblique[0]
    assert chord[0] > chord[1]


@pytest.mark.parametrize("lift", ["rdl", "deadlift"])
def test_compression_per_newton_metre_near_a_muscle_driven_model(lift):
    """An outside audit (issue 12) posed the model's lifts in a muscle-driven
    full-body model with a detailed lumbar spine: 21-30 N of L4/L5 compression
    per N m of moment, against 18-20 for one extensor without antagonists.
    With the antagonists' co-contraction (Granata & Marras 1995) the model
    must reach that range; tolerance 5 % below its lower end."""
    body = hs.Body(1.75, 75, "male")
    if lift == "rdl":
        load = hs.Barbell(40)
        posture = hs.Posture(knee=20, hip=85, lumbar=5)
    else:
        load = hs.Barbell(100)
        posture = hs.presets.deadlift_setup(body, load)
    disc = hs.analyze(body, posture, load).disc
    assert 0.95 * 21 < disc["compression_l4l5"] / disc["moment_l4l5"] < 30


def test_lean_and_obese_men_of_one_stature_have_similar_extensor_arms():
    """Wood, Pearsall, Ross & Reid 1996 (Clin Biomech 11:139, abstract): MRI at
    L4/L5 of 26 men of body-mass index 19.7-39.5; lean and obese differed
    minimally in muscle moment arms. Tolerance: 10 %."""
    from hinge_sim.model.spine import scales
    lean, obese = (hs.Body(stature=1.75, mass=bmi * 1.75 ** 2) for bmi in (19.7, 39.5))
    assert scales(obese)["depth"] / scales(lean)["depth"] < 1.10

SWING_TOLERANCE = 0.30


def _model_swing(**kwargs):
    from hinge_sim.model.swing import swing
    return swing(hs.Body(1.75, 75, "male", **kwargs), bell=16, period=C.SWING_PERIOD, fps=100)


@pytest.mark.xfail(strict=True, reason=(
    "McGill & Marshall 2012: a 16 kg swing gives about 3200 N of low back compression. "
    "The model's assumed swing (1.1 s cycle, hips to 70 deg, balanced over the midfoot) "
    "peaks at 6116 N at L4/L5 and 6305 N at L5/S1, in the hip drive (hips near 53 deg): "
    "the prescribed arms drive and turn the bell through the shoulders (up to 188 N m) "
    "and the trunk, where real forearms meet the inner thighs and may pass part of the "
    "turn to the legs; and the motion is assumed, not McGill's measured one: a 1.5 s "
    "cycle gives 4207 N, a 2 s one 3350 N (docs/model.md section 9.2)"))
def test_kettlebell_swing_compression_near_mcgill_marshall():
    """McGill & Marshall 2012 (J Strength Cond Res 26:16-27), seven men and a
    16 kg bell: "about 3,200 N of low back compression" [V, abstract]. The
    peak over the model's swing cycle at L4/L5 and at L5/S1 must lie within
    30 %: the lifters' size is not in the abstract (moments scale with mass
    times stature, about 15 % across usual men), the paper gives one rounded
    mean, and the model's compression per N m sits up to 30 % below a
    muscle-driven model's (section 5.2)."""
    rep = _model_swing()
    for key in ("compression_l4l5", "compression"):
        peak = rep.disc[key].max()
        assert abs(peak / C.SWING_MEASURED_COMPRESSION - 1) < SWING_TOLERANCE, (key, peak)


def test_kettlebell_swing_shears_l4_posteriorly_on_l5_at_the_bottom():
    """McGill & Marshall 2012: "the posterior shear of the L4 vertebra on L5,
    which is opposite in polarity to a traditional lift" [V, abstract]; the
    loads were highest at the start of the upswing, the bottom of the
    backswing (461 N of posterior shear, 3195 N of compression: [R], as
    secondary reports give them). Sign only, at the bottom frame, against a
    60 kg RDL bottom. In the model the posterior shear comes from McGill's
    own mechanism, the oblique extensors pulling L4 back while they hold the
    reversal; with extensors along the trunk chord (section 5.2) the same
    swing shears anteriorly, so the sign rests on that assumption."""
    rep = _model_swing()
    bottom = int(np.argmin(np.abs(rep.t - C.SWING_PERIOD / 2)))
    assert rep.disc["shear_l4l5"][bottom] < 0
    rdl = hs.analyze(MAN, hs.Posture(knee=20, hip=85, lumbar=5), hs.Barbell(60))
    assert rdl.disc["shear_l4l5"] > 0
    chord = _model_swing(extensor_line="chord")
    assert chord.disc["shear_l4l5"][bottom] > 0
