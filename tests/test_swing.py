"""The kettlebell swing (``hinge_sim.model.swing``): exact rates, independent physics, input.

The published comparison (McGill & Marshall 2012) is in tests/test_published.py.
"""
import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.model import analyze_angles
from hinge_sim.model.chain import TREE
from hinge_sim.model.constants import GRAVITY, KETTLEBELL_HANG
from hinge_sim.model.swing import ANGLES, Swing, profile, swing

MAN = hs.Body(1.75, 75, "male")
NAMES = [name for name, _ in TREE]


def test_profile_rates_are_the_derivatives_of_the_progress():
    t = np.linspace(0.0, 1.1, 20001)
    for dwell in (0.0, 0.05, 0.4, -0.3):
        s, ds, dds = profile(t, 1.1, dwell)
        np.testing.assert_allclose(ds, np.gradient(s, t, edge_order=2), atol=1e-5)
        np.testing.assert_allclose(dds, np.gradient(ds, t, edge_order=2), atol=1e-3)
        assert s[0] == 0.0 and s[-1] == pytest.approx(0.0, abs=1e-12)
        assert s[10000] == pytest.approx(1.0)  # the bottom at half the cycle


def test_segment_rates_are_the_derivatives_of_the_segment_angles():
    """omega and alpha are exact, so a fine finite difference must land on them."""
    fps = 1000  # central differences err by about (1 ms)^2 / 6 times the next derivative
    rep = swing(MAN, fps=fps)
    for k in NAMES:
        theta = rep.segments[k]["angle"]
        np.testing.assert_allclose(rep.omega[k], np.gradient(theta, 1 / fps, edge_order=2),
                                   atol=1e-3, err_msg=k)  # rad/s
        np.testing.assert_allclose(rep.alpha[k], np.gradient(rep.omega[k], 1 / fps,
                                                             edge_order=2),
                                   atol=5e-2, err_msg=k)  # rad/s^2, of about 100
    assert np.ptp(rep.omega["arm"]) > 10, "the arm really swings (rad/s)"


def test_the_cycle_goes_from_the_top_to_the_bell_between_the_thighs_and_back():
    rep = swing(MAN, bell=16, period=1.1, fps=100)
    bottom = len(rep.t) // 2
    assert rep.t[bottom] == pytest.approx(0.55)
    for k in ANGLES:
        assert rep.angles[k][0] == pytest.approx(rep.angles[k][-1], abs=1e-9)
        assert rep.angles[k][bottom] == pytest.approx(hs.model.constants.SWING_BOTTOM[k])
    hand, bell, hip = (rep.points[k] for k in ("hand", "bar", "hip"))
    shoulder = rep.points["shoulder"]
    # top: the straight arm at about shoulder height (at a right angle to a trunk that
    # leans back a few degrees), the bell beyond the grip on its line
    assert hand[0, 1] == pytest.approx(shoulder[0, 1], abs=0.08)
    assert bell[0, 0] - hand[0, 0] == pytest.approx(KETTLEBELL_HANG, abs=0.01)
    # bottom: the bell behind the hips and below them, between the thighs
    assert bell[bottom, 0] < hip[bottom, 0] and bell[bottom, 1] < hip[bottom, 1]
    assert isinstance(rep, Swing) and isinstance(rep, hs.Rep)
    assert set(np.unique(rep.phase)) == {0, 2}


def test_the_lean_keeps_the_centre_of_pressure_over_the_midfoot():
    """The shank's fitted lean makes the moving cycle balanced, feet flat."""
    for body, bell in ((MAN, 16), (hs.Body(1.62, 58, "female"), 8), (hs.Body(1.9, 95), 32)):
        rep = swing(body, bell=bell, fps=100)
        assert np.abs(rep.cop_x - body.midfoot_x).max() < 0.01, body  # m
        assert rep.balanced.all() and not rep.messages()
        lean = np.rad2deg(rep.segments["shank"]["angle"])
        assert lean.min() > -5 and lean.max() < 15  # deg: shins near vertical, a hinge


def test_an_instant_has_the_same_loads_at_any_frame_rate():
    """The lean is fitted on the same instants whatever the frames shown."""
    coarse, fine = swing(MAN, fps=10), swing(MAN, fps=100)
    i, j = int(np.argmin(np.abs(coarse.t - 0.5))), int(np.argmin(np.abs(fine.t - 0.5)))
    assert coarse.t[i] == pytest.approx(fine.t[j])
    for key in ("compression", "shear_l4l5"):
        assert coarse.disc[key][i] == pytest.approx(fine.disc[key][j], rel=1e-9)


def test_swing_moments_match_mj_inverse():
    """The swing's own frames and exact rates through MuJoCo's mj_inverse, to 1e-6 N m."""
    pytest.importorskip("mujoco")
    from test_mujoco import SIGNS, mj_moments
    for body in (MAN, hs.Body(1.62, 58, "female")):
        rep = swing(body, bell=24, fps=50)
        theta = {k: rep.segments[k]["angle"] for k in NAMES}
        theirs = mj_moments(body, hs.Kettlebell(24), theta, rep.omega, rep.alpha)
        for joint in SIGNS:
            np.testing.assert_allclose(rep.moments[joint], theirs[joint], rtol=1e-6, atol=1e-6,
                                       err_msg=joint)


def test_the_bells_pull_at_the_bottom_of_the_arc_by_hand():
    """Body still, the straight arm passing through vertical at omega with no
    angular acceleration: the bell pulls along the arm with m (g + v^2 / r),
    v = omega r, and so does the arm's own mass at its centre; nothing turns
    the shoulder, and the floor pushes up with the weight plus both pulls."""
    bell, omega = hs.Kettlebell(16), 6.0  # kg, rad/s
    arm = MAN.segments["arm"]
    r_bell, r_arm = arm.length + KETTLEBELL_HANG, arm.com_axial  # m from the shoulder
    theta = {k: np.array([0.0]) for k in NAMES}
    rates = {k: np.array([omega if k in ("arm", "load") else 0.0]) for k in NAMES}
    still = {k: np.array([0.0]) for k in NAMES}
    res = analyze_angles(MAN, bell, theta, rates, still, knee=0, hip=0)
    pull_bell = bell.mass * (GRAVITY + (omega * r_bell) ** 2 / r_bell)  # N, along the arm
    pull_arm = arm.mass * (GRAVITY + (omega * r_arm) ** 2 / r_arm)
    assert pull_bell == pytest.approx(16 * (9.81 + 36 * r_bell))
    body_weight = sum(s.mass for k, s in MAN.segments.items() if k != "arm") * GRAVITY
    assert res.grf[0, 1] == pytest.approx(body_weight + pull_bell + pull_arm, rel=1e-12)
    assert res.grf[0, 0] == pytest.approx(0.0, abs=1e-9)
    assert res.moments["shoulder"][0] == pytest.approx(0.0, abs=1e-9)


def test_a_heavier_bell_and_a_faster_swing_load_the_back_more():
    peak = {key: swing(MAN, bell=b, period=p, fps=100).disc["compression_l4l5"].max()
            for key, b, p in (("base", 16, 1.1), ("heavy", 24, 1.1), ("fast", 16, 0.9))}
    assert peak["heavy"] > peak["base"] and peak["fast"] > peak["base"]


@pytest.mark.parametrize("body", [hs.Body(1.2, 30, "female"), hs.Body(2.2, 200),
                                  hs.Body(1.62, 58, "female", slr=40)])
@pytest.mark.parametrize("bell, period, arm", [(0, 0.8, 30), (48, 2.0, 180), (48, 0.8, 180)])
def test_the_corners_of_the_valid_ranges_give_finite_loads(body, bell, period, arm):
    rep = swing(body, bell=bell, period=period, arm=arm, fps=20)
    for table in (rep.moments, rep.disc, rep.omega, rep.alpha):
        assert all(np.isfinite(v).all() for v in table.values())
    assert np.isfinite(rep.cop_x).all() and np.isfinite(list(rep.summary().values())).all()


def test_the_rep_plot_shows_a_swing():
    from matplotlib.figure import Figure

    from hinge_sim.viz.repplot import RepPlot
    rep = swing(MAN, fps=50)
    plot = RepPlot(Figure())
    plot.update(rep)
    x, y = plot.lines["compression"].get_data()
    np.testing.assert_array_equal(x, rep.t)
    np.testing.assert_array_equal(y, np.abs(rep.disc["compression"]))


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(period=0.5), ValueError, "period = 0.5 s is outside the valid range 0.8 to 2 s"),
    (dict(bell=60), ValueError, "bell = 60 kg is outside the valid range 0 to 48 kg"),
    (dict(arm=200), ValueError, "arm = 200 deg is outside the valid range 30 to 180 deg"),
    (dict(arm="high"), TypeError, "arm = 'high'"),
    (dict(fps=5), ValueError, "fps = 5"),
    (dict(bracing=2), ValueError, "bracing = 2"),
    (dict(bottom={"knee": 25, "hip": 70}), ValueError, "bottom = "),
    (dict(bottom={"knee": 25, "hip": 70, "lumbar": 5, "arm": -90}), ValueError,
     "bottom arm = -90 deg is outside the valid range -60 to 180 deg"),
    (dict(top={"knee": 5, "hip": 200, "lumbar": 0, "arm": 90}), ValueError, "top hip = 200"),
    (dict(body="tall"), TypeError, "body = 'tall'"),
])
def test_bad_input_names_the_parameter_its_value_and_the_range(kwargs, error, words):
    args = dict(body=MAN)
    args.update(kwargs)
    with pytest.raises(error) as info:
        swing(**args)
    assert words in str(info.value)
