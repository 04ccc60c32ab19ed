"""``analyze_angles``: the inverse dynamics from given angles, as a tracked rep uses them.

Checked against an independent engine (MuJoCo's ``mj_inverse``) and against
statics (a still body's ground reaction is its weight, under its centre of
mass), and for the named errors of a public call.
"""
import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.model import analyze_angles
from hinge_sim.model.chain import TREE
from hinge_sim.model.constants import GRAVITY

NAMES = [name for name, _ in TREE]
BODY, LOAD = hs.Body(1.80, 85, "male"), hs.Barbell(60)


def _states(n, seed):
    rng = np.random.default_rng(seed)
    return [{k: rng.uniform(-lim, lim, n) for k in NAMES} for lim in (1.2, 4.0, 30.0)]


def test_a_still_body_stands_on_its_weight_under_its_centre_of_mass():
    theta, _, _ = _states(40, 2)
    res = analyze_angles(BODY, LOAD, theta, knee=20, hip=60, lumbar=10)
    total = BODY.mass + LOAD.mass  # kg, the segment masses sum to the body mass
    np.testing.assert_allclose(res.grf[:, 0], 0.0, atol=1e-9)
    np.testing.assert_allclose(res.grf[:, 1], total * GRAVITY, rtol=1e-12)
    com_x = sum(s["mass"] * s["com"][..., 0] for s in res.segments.values()) / total
    np.testing.assert_allclose(res.cop_x, com_x, atol=1e-12)


def test_moving_states_match_mj_inverse():
    pytest.importorskip("mujoco")
    from test_mujoco import SIGNS, mj_moments
    theta, omega, alpha = _states(30, 5)
    res = analyze_angles(BODY, LOAD, theta, omega, alpha, knee=20, hip=60)
    theirs = mj_moments(BODY, LOAD, theta, omega, alpha)
    for joint in SIGNS:
        np.testing.assert_allclose(res.moments[joint], theirs[joint], rtol=1e-6, atol=1e-6,
                                   err_msg=joint)


def test_problems_clear_balanced_and_shapes_follow_theta():
    theta = {k: np.zeros((2, 3)) for k in NAMES}
    reach = np.array([[True, False, False], [False, False, True]])
    res = analyze_angles(BODY, hs.Dowel(), theta, knee=0, hip=0, problems={"reach": reach})
    assert res.moments["hip"].shape == (2, 3) and res.points["spine"].shape[:2] == (2, 3)
    assert not res.balanced[reach].any()
    assert res.messages() == ["the hands cannot reach the bar from here"]


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(theta={k: 0.0 for k in NAMES[:-1]}), ValueError, "theta = "),
    (dict(theta={**{k: np.zeros(3) for k in NAMES}, "arm": np.zeros(4)}), ValueError,
     "theta['arm'] has shape (4,)"),
    (dict(theta={**{k: 0.0 for k in NAMES}, "knee": 0.0}), ValueError, "theta = "),
    (dict(theta={**{k: 0.0 for k in NAMES}, "hip": "deep"}), ValueError, "theta = "),
    (dict(theta={**{k: 0.0 for k in NAMES}, "trunk": "deep"}), TypeError, "theta['trunk']"),
    (dict(omega={k: 0.0 for k in NAMES}), ValueError, "both omega and alpha"),
    (dict(knee=np.zeros(2)), ValueError, "knee has shape (2,)"),
    (dict(problems={"tired": True}), ValueError, "problems ['tired']"),
    (dict(bracing=2), ValueError, "bracing = 2"),
    (dict(body="tall"), TypeError, "body = 'tall'"),
])
def test_bad_input_names_the_parameter(kwargs, error, words):
    args = dict(body=BODY, load=LOAD, theta={k: 0.0 for k in NAMES}, knee=0, hip=0)
    args.update(kwargs)
    with pytest.raises(error) as info:
        analyze_angles(**args)
    assert words in str(info.value)
