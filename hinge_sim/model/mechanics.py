"""Planar inverse dynamics (Newton-Euler on subtrees), time as first axis.

For each joint, the net force and moment that the proximal side exerts on
everything distal to it: F = sum m (a - g), M = sum (r - r_joint) x m (a - g)
+ I alpha_z, with alpha_z = -alpha the counter-clockwise angular acceleration.
"""
import numpy as np

from .chain import TREE
from .constants import GRAVITY

# joint name -> (segment whose origin is the joint, sign turning the
# counter-clockwise moment into "extensor / plantar-flexor positive")
JOINTS = {"ankle": ("shank", 1.0), "knee": ("thigh", -1.0), "hip": ("pelvis", 1.0),
          "l5s1": ("trunk", 1.0), "shoulder": ("arm", -1.0)}


def mass_table(body, load):
    """Masses (kg) and COM inertias (kg m^2) of the moving segments and load."""
    moving = {k: s for k, s in body.segments.items() if k != "foot"}
    masses = {k: s.mass for k, s in moving.items()}
    inertias = {k: s.inertia for k, s in moving.items()}
    masses["load"], inertias["load"] = load.mass, 0.0  # a point mass
    return masses, inertias


def cross(r, f):
    """Z component of the planar cross product."""
    return r[..., 0] * f[..., 1] - r[..., 1] * f[..., 0]


def inverse_dynamics(kin, masses, inertias, alpha, foot_mass, foot_com):
    """Joint moments and forces, ground reaction force and centre of pressure.

    Parameters
    ----------
    kin : dict
        Output of :func:`hinge_sim.chain.kinematics`.
    masses, inertias : dict of float
        Segment masses (kg) and COM inertias (kg m^2).
    alpha : dict of ndarray (N,) or None
        Clockwise angular accelerations (rad/s^2); None for a still posture.
    foot_mass : float
        Mass of both feet (kg), at rest.
    foot_com : ndarray (2,)
        Position of the feet's COM (m).

    Returns
    -------
    moments : dict of ndarray (N,)
        Net joint moments (N m), extensor / plantar-flexor positive.
    forces : dict of ndarray (N, 2)
        Force on the distal side at each joint (N).
    grf : ndarray (N, 2)
        Ground reaction force (N).
    cop_x : ndarray (N,)
        Centre of pressure on the floor (m).
    """
    g = np.array([0.0, -GRAVITY])
    f, tau = {}, {}
    for name, _ in TREE:
        r, _, a = kin["com"][name]
        f[name] = masses[name] * (a - g)
        tau[name] = cross(r, f[name])
        if alpha is not None:
            tau[name] = tau[name] - inertias[name] * alpha[name]
    # subtree sums, leaves first
    F, T = dict(f), dict(tau)
    for name, parent in reversed(TREE):
        if parent is not None:
            F[parent] = F[parent] + F[name]
            T[parent] = T[parent] + T[name]
    moments, forces = {}, {}
    for joint, (seg, sign) in JOINTS.items():
        at = kin["origin"][seg][0]  # the joint's position
        moments[joint] = sign * (T[seg] - cross(at, F[seg]))
        forces[joint] = F[seg]
    f_foot = foot_mass * -g
    grf = F["shank"] + f_foot
    total_moment = T["shank"] + cross(foot_com, f_foot)
    cop_x = total_moment / grf[..., 1]
    return moments, forces, grf, cop_x
