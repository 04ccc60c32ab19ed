"""The model's segment tree written as MuJoCo MJCF, for independent checks.

Plain text only (MuJoCo itself is not imported): the tests and the benchmark
load it with ``mujoco.MjModel.from_xml_string``. The sagittal plane is MuJoCo's
x-z plane; each hinge turns about +y, which turns z toward x, so a hinge angle
is the relative clockwise angle of :mod:`hinge_sim.chain`. MuJoCo's joint
torque about +y is the clockwise moment, the negative of ours.
"""
from .chain import TREE, com_offsets, joint_offsets
from .constants import GRAVITY
from .mechanics import mass_table

TINY = 1e-9  # kg and kg m^2: MuJoCo needs positive mass and inertia


def mjcf(body, load):
    """MJCF text of ``body`` holding ``load``, the feet welded to the world."""
    masses, inertias = mass_table(body, load)
    joints, coms = joint_offsets(body), com_offsets(body, load)
    children = {}
    for name, parent in TREE:
        children.setdefault(parent, []).append(name)

    def xml(name):
        a, b = joints[name]
        pos = f"0 0 {body.ankle_height}" if name == "shank" else f"{a} 0 {b}"
        ca, cb = coms[name]
        inertia = max(inertias[name], TINY)
        inner = "".join(xml(c) for c in children.get(name, []))
        return (f'<body name="{name}" pos="{pos}"><joint name="{name}" type="hinge" axis="0 1 0"/>'
                f'<inertial pos="{ca} 0 {cb}" mass="{max(masses[name], TINY)}" '
                f'diaginertia="{inertia} {inertia} {inertia}"/>{inner}</body>')

    return (f'<mujoco><option gravity="0 0 {-GRAVITY}"/><worldbody>{xml("shank")}</worldbody>'
            '</mujoco>')
