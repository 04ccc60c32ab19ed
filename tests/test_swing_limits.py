"""Extreme swings: the frames whose forces the floor or the lifter cannot give, by hand.

The ground force is worked out again from the segments' centres of mass alone (their
positions, differentiated twice), not from the inverse dynamics that made it.
"""
import types

import numpy as np
import pytest

from hinge_sim import Body
from hinge_sim.model import constants
from hinge_sim.model.demands import beyond, strength_shares
from hinge_sim.model.strength import shoulder_capable, shoulder_strength
from hinge_sim.model.swing import swing
from hinge_sim.ui.swing_player import SwingPlayer, limit_words

FPS = 1000  # frames/s, the most the model takes: the positions' differences agree to under 1 N


def ground_force_by_hand(rep):
    """sum m (a + g) over every segment and the bell, from their positions (N); interior frames."""
    dt = rep.t[1] - rep.t[0]
    force = 0.0
    for seg in rep.segments.values():
        com = seg["com"]
        acc = (com[2:] - 2 * com[1:-1] + com[:-2]) / dt ** 2
        force = force + seg["mass"] * (acc + np.array([0.0, constants.GRAVITY]))
    return force


@pytest.fixture(scope="module")
def heavy():
    """A 48 kg bell at the fastest cycle, 0.8 s."""
    return swing(Body(), bell=48, period=0.8, fps=FPS)


def test_the_vertical_ground_force_is_the_weight_plus_mass_times_acceleration(heavy):
    by_hand = ground_force_by_hand(heavy)
    np.testing.assert_allclose(by_hand, heavy.grf[1:-1], atol=0.5)  # N
    weight = constants.GRAVITY * sum(s["mass"] for s in heavy.segments.values())
    assert weight == pytest.approx(constants.GRAVITY * (75 + 48), rel=1e-9)  # lifter and bell
    # the swing needs the floor to pull at some frames, and pushes more than the weight at others
    assert by_hand[:, 1].min() < -500 and by_hand[:, 1].max() > 3 * weight


def test_lift_off_is_flagged_exactly_where_the_floor_would_have_to_pull(heavy):
    fy = ground_force_by_hand(heavy)[:, 1]
    flag = heavy.beyond["lift-off"][1:-1]
    clear = np.abs(fy) > 0.5  # N: the hand sum's own error, at a crossing
    assert flag.any() and (~flag).any()
    np.testing.assert_array_equal(flag[clear], fy[clear] < 0)
    # no centre of pressure without a push on the floor: those frames are not balanced
    assert not heavy.balanced[heavy.beyond["lift-off"]].any()
    assert heavy.balanced[~heavy.beyond["lift-off"] & (heavy.grf[:, 1] > 50)].any()


def test_slip_is_flagged_where_the_sideways_push_beats_the_shoes_grip():
    rep = swing(Body(), bell=24, period=1.1, fps=FPS)
    f = ground_force_by_hand(rep)
    need = np.abs(f[:, 0]) / f[:, 1]  # the friction the frame needs (no lift-off here)
    assert (f[:, 1] > 0).all()
    flag = rep.beyond["slip"][1:-1]
    clear = np.abs(need - constants.SHOE_FLOOR_FRICTION) > 1e-3
    assert flag.any() and (~flag).any()
    np.testing.assert_array_equal(flag[clear], need[clear] > constants.SHOE_FLOOR_FRICTION)


def test_the_default_swing_asks_nothing_the_floor_or_the_lifter_cannot_give():
    rep = swing(Body(), fps=100)
    assert not any(flag.any() for flag in rep.beyond.values())
    f = rep.grf
    assert f[:, 1].min() > 0 and (np.abs(f[:, 0]) / f[:, 1]).max() < constants.SHOE_FLOOR_FRICTION


def test_shoulder_strength_is_rated_either_way_against_its_own_mean():
    body = Body()
    flex, sd = shoulder_strength(body)["flexion"]
    assert flex == pytest.approx(2 * 68.6) and sd == pytest.approx(0.29 * flex)
    ext, ext_sd = shoulder_strength(body)["extension"]
    assert ext == pytest.approx(1.25 * flex)
    # the normal distribution by hand: 1 % of the population beyond 2.3263 SD
    assert float(shoulder_capable(body, -flex)) == pytest.approx(0.5)
    assert float(shoulder_capable(body, ext)) == pytest.approx(0.5)
    assert float(shoulder_capable(body, -(flex + 2.3263 * sd))) == pytest.approx(0.01, abs=1e-5)
    women = shoulder_strength(Body(1.62, 60, "female"))["flexion"][0]
    assert women == pytest.approx(flex / 2)


def test_a_moment_almost_no_one_holds_is_flagged_and_one_most_hold_is_not():
    body = Body()
    flex, sd = shoulder_strength(body)["flexion"]
    moments = {"l5s1": np.array([100.0, 100.0, 100.0]), "hip": np.array([50.0, 50.0, 50.0]),
               "knee": np.zeros(3), "ankle": np.zeros(3),
               "shoulder": -np.array([flex, flex + 2.2 * sd, flex + 2.5 * sd])}
    result = types.SimpleNamespace(grf=np.array([[0.0, 800.0]] * 3), moments=moments)
    flags = beyond(body, result)
    np.testing.assert_array_equal(flags["strength"], [False, False, True])
    assert not flags["lift-off"].any() and not flags["slip"].any()
    assert strength_shares(body, moments)["shoulder"][2] < constants.STRENGTH_FLAG_SHARE


def test_the_swing_player_says_plainly_what_the_heavy_fast_swing_cannot_do(heavy):
    sp = SwingPlayer(bell=48, period=0.8, dpi=50)
    rep = sp.rep
    assert sp.message == ""  # shown, not refused
    pull = -rep.grf[:, 1].min()
    assert ("A 48 kg bell at a 0.80 s swing would pull the lifter off the floor and off "
            "balance" in sp.warning) and f"up to {pull:.0f} N" in sp.warning
    assert "The feet would slide" in sp.warning
    assert "It needs more strength than nearly all men of a working population have" in sp.warning
    assert "shoulders stronger than 99.9 % of them have (at " in sp.warning
    assert "the same path set in advance" in sp.warning  # says it is the model's motion
    top = int(np.flatnonzero(rep.beyond["lift-off"])[0])
    sp.goto(float(rep.t[top]))
    assert "Here the floor would have to pull the feet down" in sp.readout
    calm = np.flatnonzero(~np.any(np.stack(list(rep.beyond.values())), axis=0))
    if calm.size:
        sp.goto(float(rep.t[calm[0]]))
        assert "Here" not in sp.readout


def test_the_lessons_swing_player_warns_of_nothing():
    sp = SwingPlayer(dpi=50)
    assert sp.warning == "" and "Here" not in sp.readout
    assert limit_words(sp.rep, sp.body, sp.load_kg) == []


def test_the_rep_plot_hatches_the_flagged_frames_and_clears_them_for_a_possible_swing(heavy):
    from matplotlib.figure import Figure

    from hinge_sim.viz import RepPlot
    plot = RepPlot(Figure())
    plot.update(heavy)
    spans = [a for a in plot.beyond if hasattr(a, "get_paths")]
    assert len(spans) == 2 and plot.beyond[-1].get_text().strip() == "not possible"
    flagged = np.any(np.stack(list(heavy.beyond.values())), axis=0)
    assert plot.beyond[-1].get_position()[0] == pytest.approx(heavy.t[flagged][0])
    plot.update(swing(Body(), fps=50))
    assert plot.beyond == []
