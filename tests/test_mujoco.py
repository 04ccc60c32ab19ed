"""Joint moments against an independent engine: MuJoCo's mj_inverse."""
import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.model.chain import TREE, kinematics
from hinge_sim.model.mechanics import inverse_dynamics, mass_table
from hinge_sim.model.mjcf import mjcf

mujoco = pytest.importorskip("mujoco")

# joint -> (segment, sign from MuJoCo's torque about +y to our convention)
SIGNS = {"ankle": ("shank", -1), "knee": ("thigh", 1), "hip": ("pelvis", -1),
         "l5s1": ("trunk", -1), "shoulder": ("arm", 1)}


def mj_moments(body, load, theta, omega, alpha):
    """Joint moments from MuJoCo's mj_inverse, frame by frame, in our signs."""
    model = mujoco.MjModel.from_xml_string(mjcf(body, load))
    data = mujoco.MjData(model)
    n = len(theta["shank"])
    out = {joint: np.empty(n) for joint in SIGNS}
    for i in range(n):
        for k, arr in (("qpos", theta), ("qvel", omega), ("qacc", alpha)):
            vec = getattr(data, k)
            for name, p in TREE:
                adr = model.joint(name).qposadr[0] if k == "qpos" else model.joint(name).dofadr[0]
                vec[adr] = arr[name][i] - (arr[p][i] if p else 0.0)
        mujoco.mj_inverse(model, data)
        for joint, (seg, sign) in SIGNS.items():
            out[joint][i] = sign * data.qfrc_inverse[model.joint(seg).dofadr[0]]
    return out


@pytest.mark.parametrize("load", [hs.Barbell(40), hs.Kettlebell(24)])
@pytest.mark.parametrize("body", [hs.Body(1.75, 75, "male"), hs.Body(1.62, 58, "female")])
def test_moments_match_mj_inverse_on_random_moving_states(body, load):
    rng = np.random.default_rng(1)
    n = 50
    names = [name for name, _ in TREE]
    theta = {k: rng.uniform(-1.5, 1.5, n) for k in names}
    omega = {k: rng.uniform(-4, 4, n) for k in names}
    alpha = {k: rng.uniform(-30, 30, n) for k in names}
    kin = kinematics(body, load, theta, omega, alpha, np.array([0.0, body.ankle_height]))
    masses, inertias = mass_table(body, load)
    foot = body.segments["foot"]
    ours, *_ = inverse_dynamics(kin, masses, inertias, alpha, foot.mass, np.zeros(2))
    theirs = mj_moments(body, load, theta, omega, alpha)
    for joint in SIGNS:
        np.testing.assert_allclose(ours[joint], theirs[joint], rtol=1e-6, atol=1e-6, err_msg=joint)


def test_a_whole_simulated_rep_matches_mj_inverse():
    """A fast 2-1-X-0 RDL rep: the moments ``simulate`` reports at every frame
    equal MuJoCo's for the same motion (angles from the rep; rates by the
    same finite differences ``simulate`` documents)."""
    body, load, fps = hs.Body(1.80, 85, "male"), hs.Barbell(60), 100
    rep = hs.simulate(body, hs.presets.posture("standing"), hs.presets.posture("textbook hinge"),
                      "2-1-X-0", load, fps=fps)
    theta = {name: rep.segments[name]["angle"] for name, _ in TREE}
    omega = {k: np.gradient(v, 1 / fps, edge_order=2) for k, v in theta.items()}
    alpha = {k: np.gradient(v, 1 / fps, edge_order=2) for k, v in omega.items()}
    theirs = mj_moments(body, load, theta, omega, alpha)
    assert np.ptp(rep.moments["hip"]) > 50, "the rep really moves the hips"
    for joint in SIGNS:
        np.testing.assert_allclose(rep.moments[joint], theirs[joint], rtol=1e-6, atol=1e-6,
                                   err_msg=joint)
