"""Speed of the model, reported in one run (not a test: numbers vary by machine).

Run: ``.venv/bin/python benchmarks/speed.py``. Reports one ``analyze`` call,
a 10 s rep at 100 frames/s, one kettlebell swing cycle (most of it the fit of
the lean that keeps it balanced, at a fixed 200 instants), and the per-frame
cost of the inverse dynamics against MuJoCo's ``mj_inverse`` called frame by
frame from Python on the same chain (needs ``pip install mujoco``; the chain
comes from :mod:`hinge_sim.model.mjcf`).
"""
import timeit

import numpy as np

import hinge_sim as hs
from hinge_sim.model.chain import TREE, kinematics
from hinge_sim.model.mechanics import inverse_dynamics, mass_table
from hinge_sim.model.mjcf import mjcf


def best(fn, number, repeat=7):
    """Best time per call (s) over ``repeat`` batches of ``number`` calls."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def main():
    body, load = hs.Body(), hs.Barbell(40)
    posture = hs.Posture(knee=20, hip=85, lumbar=5)
    t_analyze = best(lambda: hs.analyze(body, posture, load), 200)
    top = hs.Posture(knee=5, hip=0)
    t_rep = best(lambda: hs.simulate(body, top, posture, (4, 2, 3, 1), load, fps=100), 20)
    from hinge_sim.model.swing import swing
    t_swing = best(lambda: swing(body, fps=100), 10)

    n = 1000
    rng = np.random.default_rng(0)
    names = [name for name, _ in TREE]
    theta = {k: rng.uniform(-1, 1, n) for k in names}
    omega = {k: rng.uniform(-3, 3, n) for k in names}
    alpha = {k: rng.uniform(-20, 20, n) for k in names}
    masses, inertias = mass_table(body, load)
    foot = body.segments["foot"]
    ankle = np.array([0.0, body.ankle_height])

    def ours():
        kin = kinematics(body, load, theta, omega, alpha, ankle)
        inverse_dynamics(kin, masses, inertias, alpha, foot.mass, np.zeros(2))

    t_ours = best(ours, 10) / n
    print(f"analyze, one posture:            {t_analyze * 1e3:8.3f} ms   (target < 1 ms)")
    print(f"simulate, 10 s rep at 100 fps:   {t_rep * 1e3:8.3f} ms   (target < 10 ms)")
    print(f"swing, 1.1 s cycle at 100 fps:   {t_swing * 1e3:8.3f} ms   "
          f"({t_swing / t_rep:.1f} x the 10 s rep)")
    print(f"inverse dynamics per frame:      {t_ours * 1e6:8.3f} us")
    try:
        import mujoco
    except ImportError:
        print("mujoco not installed: no engine comparison")
        return
    model = mujoco.MjModel.from_xml_string(mjcf(body, load))
    data = mujoco.MjData(model)
    parent = dict(TREE)
    rel = {k: {name: arr[name] - (arr[parent[name]] if parent[name] else 0.0) for name in names}
           for k, arr in (("qpos", theta), ("qvel", omega), ("qacc", alpha))}
    order = [model.joint(name).dofadr[0] for name in names]
    frames = {k: np.stack([v[name] for name in names], 1)[:, np.argsort(order)]
              for k, v in rel.items()}

    def engine():
        for i in range(n):
            data.qpos[:] = frames["qpos"][i]
            data.qvel[:] = frames["qvel"][i]
            data.qacc[:] = frames["qacc"][i]
            mujoco.mj_inverse(model, data)

    t_mj = best(engine, 1, repeat=5) / n
    print(f"mj_inverse per frame (Python loop): {t_mj * 1e6:8.3f} us")
    print(f"ratio ours / MuJoCo:             {t_ours / t_mj:8.3f}   (target <= 1)")


if __name__ == "__main__":
    main()
