r"""What carries the compression at each level, in both models (``docs/model.md`` 9.1).

The static optimisation of :mod:`.osim` holds the generalised force of the
lumbar *coordinate*: one flexion angle that the model's couplers spread over
six levels. So at a single level the muscles' own moment need not equal the
net moment there; the couplers, acting like rigid passive tissue of either
sign, carry the difference. For each level this module reads the muscle paths
in the pose: every path segment with one end on a body above the level and the
other below it pulls on everything above with the muscle's tension::

        above the level       p_a  o   the segment's force on p_a points to p_b:
        ----------- disc -------\----  compression along the disc normal u,
        below the level          o p_b  moment about the joint centre

and sums, by muscle group, the moment about the joint centre and the
compression along hinge-sim's disc normal. hinge-sim's own split comes from
``Result.disc`` (``muscle_moment``, ``muscle_compression``).

:func:`each_level` asks the opposite question: the muscles alone holding
every level's own moment (six flexion coordinates, couplers carrying nothing).

Usage
-----
1. ``rows = levels(path)`` (one row per case and level)
2. ``print(table(rows))``
3. ``each_level(path)``: compression per N m with every level held by muscles
"""
import numpy as np
import opensim as osim

from .compare import CASES, hinge_side, in_disc_frame
from .osim import GRAVITY, LEVELS, OsimLifter, _vec

FLEXION = ("L5_S1_Flex_Ext", "L4_L5_Flex_Ext", "L3_L4_Flex_Ext", "L2_L3_Flex_Ext",
           "L1_L2_Flex_Ext", "L1_T12_Flex_Ext")
"""The model's six lumbar flexion coordinates, L5/S1 to T12/L1."""

GROUPS = (("IL_", "erector spinae"), ("LTp", "erector spinae"), ("MF_", "multifidus"),
          ("QL_", "quadratus lumborum"), ("LD_", "latissimus dorsi"), ("EO", "abdominal wall"),
          ("IO", "abdominal wall"), ("rect_abd", "abdominal wall"), ("Ps_", "psoas"),
          ("psoas", "psoas"))
"""Muscle-name prefixes of the OpenSim model -> the group reported."""

REPORTED = ("erector spinae", "multifidus", "quadratus lumborum", "abdominal wall", "psoas")
"""Groups whose share of the muscles' compression is tabulated (latissimus dorsi, 0-2 %, is not)."""


def group(name):
    """The group a muscle of the OpenSim model belongs to ("other" when none)."""
    return next((g for prefix, g in GROUPS if name.startswith(prefix)), "other")


def _path(lifter, muscle):
    """(body name, ground position) of each point of the muscle's current path."""
    path = osim.GeometryPath.safeDownCast(muscle.getPath())
    points = path.getCurrentPath(lifter.state)
    return [(points.get(k).getParentFrame().findBaseFrame().getName(),
             _vec(points.get(k).getLocationInGround(lifter.state)))
            for k in range(points.getSize())]


def muscle_split(lifter, forces, level, disc_angle_deg):
    """The muscles' moment and compression at one level of the OpenSim model.

    Parameters
    ----------
    lifter : OsimLifter
        Posed, with the muscle ``forces`` (N) from its static optimisation.
    level : {"l5s1", "l4l5"}
    disc_angle_deg : float
        hinge-sim's disc normal at that level (deg from vertical, forward +).

    Returns
    -------
    dict
        ``moment`` (extensor +, N m) and ``compression`` (N) of all muscles;
        ``angle``: tension-weighted angle of the crossing segments to the disc
        normal (deg); ``by_group``: compression (N) of each group.
    """
    phi = np.deg2rad(disc_angle_deg)
    normal = np.array([np.sin(phi), np.cos(phi)])
    centre = lifter.joint(LEVELS[level])[:2]
    above = {b.getName() for b, up in zip(lifter.bodies, lifter.above[level]) if up}
    moment = compression = pull = turned = 0.0
    by_group = {}
    for muscle, tension in zip(lifter.muscles, forces):
        if tension <= 0.0:
            continue
        points = _path(lifter, muscle)
        for (b0, p0), (b1, p1) in zip(points[:-1], points[1:]):
            if (b0 in above) == (b1 in above):
                continue
            pa, pb = (p0, p1) if b0 in above else (p1, p0)
            force = tension * (pb - pa)[:2] / np.linalg.norm(pb - pa)  # on the body above
            r = pa[:2] - centre
            moment += r[0] * force[1] - r[1] * force[0]  # extensor (backward turn) +
            pressed = -force @ normal
            compression += pressed
            pull += np.hypot(*force)
            turned += np.hypot(*force) * np.degrees(np.arccos(np.clip(
                pressed / np.hypot(*force), -1.0, 1.0)))
            name = group(muscle.getName())
            by_group[name] = by_group.get(name, 0.0) + pressed
    return {"moment": moment, "compression": compression, "angle": turned / pull,
            "by_group": by_group}


def levels(path, cases=CASES):
    """One row per case and level: how each model's muscles carry the load.

    Returns
    -------
    list of dict
        ``posture``, ``bar_kg``, ``level``; ``net`` (N m, the OpenSim model's net
        moment); for the OpenSim model (``osim_``) and hinge-sim (``hinge_``):
        ``held`` (share of the net moment the muscles hold), ``arm`` (their
        moment over their compression, m), ``per_moment`` (their compression
        per N m of net moment); OpenSim's ``osim_angle`` (deg) and
        ``osim_share`` (each group's share of the muscles' compression).
    """
    rows = []
    for name, exercise, kg in cases:
        lifter = OsimLifter(path, bar_weight=kg * GRAVITY)
        points, disc, _ = hinge_side(name, exercise, kg, float(lifter.masses.sum()), "oblique")
        lifter.pose(points)
        activation, _, _ = lifter.activations()
        forces = activation * lifter.capacity
        for level in LEVELS:
            suffix = "" if level == "l5s1" else f"_{level}"
            split = muscle_split(lifter, forces, level, disc[f"disc_angle{suffix}"])
            net, ours = lifter.net_moment(level), disc[f"moment{suffix}"]
            held, pressed = disc[f"muscle_moment{suffix}"], disc[f"muscle_compression{suffix}"]
            row = {"posture": name, "bar_kg": kg, "level": level, "net": net,
                   "osim_held": split["moment"] / net,
                   "osim_arm": split["moment"] / split["compression"],
                   "osim_per_moment": split["compression"] / net,
                   "osim_angle": split["angle"],
                   "osim_share": {g: c / split["compression"] for g, c in
                                  split["by_group"].items()},
                   "hinge_held": held / ours, "hinge_arm": held / pressed,
                   "hinge_per_moment": pressed / ours}
            rows.append(row)
    return rows


def table(rows):
    """The rows as a Markdown table."""
    head = ("| posture | level | muscles hold, OpenSim / hinge-sim (% of net moment) | "
            "muscle arm, OpenSim / hinge-sim (cm) | muscle compression per N m, OpenSim / "
            "hinge-sim | OpenSim lines to the disc normal (deg) | OpenSim muscle compression: "
            "erector spinae / multifidus / quadratus lumborum / abdominal wall / psoas (%) |")
    lines = [head, "|" + "---|" * 7]
    for r in rows:
        shares = " / ".join(f"{100 * r['osim_share'].get(g, 0.0):.0f}" for g in REPORTED)
        level = "L5/S1" if r["level"] == "l5s1" else "L4/L5"
        lines.append(
            f"| {r['posture']} ({r['bar_kg']:.0f} kg) | {level}"
            f" | {100 * r['osim_held']:.0f} / {100 * r['hinge_held']:.0f}"
            f" | {100 * r['osim_arm']:.1f} / {100 * r['hinge_arm']:.1f}"
            f" | {r['osim_per_moment']:.1f} / {r['hinge_per_moment']:.1f}"
            f" | {r['osim_angle']:.0f} | {shares} |")
    return "\n".join(lines)


def _admm(gain, load, iterations=20000):
    """``a`` minimising ``sum(a**2)`` with ``gain @ a = load``, ``0 <= a <= 1`` (ADMM).

    Alternating directions (step 1): the equality-constrained least-squares
    step in closed form, then the clip to the bounds. Slower than
    :func:`.osim._least_squares_activation` but it converges when the load
    cannot be held, to activations that leave the least load unheld.
    """
    solve = np.linalg.pinv(gain @ gain.T)
    z = u = np.zeros(gain.shape[1])
    for _ in range(iterations):
        v = 0.5 * (z - u)
        x = v - gain.T @ (solve @ (gain @ v - load))
        z = np.clip(x + u, 0.0, 1.0)
        u = u + x - z
    return z


def each_level(path, cases=CASES):
    """Compression per N m with the muscles alone holding every level's moment.

    Returns
    -------
    list of dict
        ``posture``; ``short`` (N m, the most any level's moment is left
        unheld; 0 when the muscles can hold every level); ``per_moment_<level>``
        for ``l5s1`` and ``l4l5`` (N of the joint reaction's compression per N m).
    """
    rows = []
    for name, exercise, kg in cases:
        lifter = OsimLifter(path, bar_weight=kg * GRAVITY)
        points, disc, _ = hinge_side(name, exercise, kg, float(lifter.masses.sum()), "oblique")
        lifter.pose(points)
        lifter.capacity = lifter.strength()
        coupled, coupled_load = lifter.derivatives()
        own, own_load = lifter.derivatives(FLEXION, coupled=False)
        arms = np.hstack([coupled[:, 1:], own])  # lateral bending, axial rotation, six levels
        load = np.concatenate([coupled_load[1:], own_load])
        gain = (arms * lifter.capacity[:, None]).T
        activation = _admm(gain, load)
        reaction = lifter.reactions(activation * lifter.capacity)
        row = {"posture": name, "short": float(np.abs(load - gain @ activation).max())}
        for level in LEVELS:
            suffix = "" if level == "l5s1" else f"_{level}"
            compression = in_disc_frame(reaction[level][:2], disc[f"disc_angle{suffix}"])[0]
            row[f"per_moment_{level}"] = compression / lifter.net_moment(level)
        rows.append(row)
    return rows
