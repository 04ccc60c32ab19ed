"""hinge-sim's disc loads and the OpenSim model's, posture by posture, in one frame.

Each posture is solved by hinge-sim for a lifter of the OpenSim model's mass;
the OpenSim model is posed to its segment chords (:mod:`.osim`), its muscles
share the load and its L5/S1 and L4/L5 joint reactions are resolved in
hinge-sim's own disc mid-planes (normal ``u = (sin phi, cos phi)``, anterior
``n = (cos phi, -sin phi)``): compression ``R . u``, shear ``-R . n``
(anterior shear of the upper vertebra positive), ``R`` the force from below
on the vertebra above the disc.
"""
import numpy as np

from hinge_sim import Body
from hinge_sim.model import presets
from hinge_sim.model.analysis import analyze

from .osim import GRAVITY, LEVELS, OsimLifter, tilt

STATURE = 1.77
"""Stature given to hinge-sim's lifter (m) [A]: its shoulder then stands at
1.41 m, the height of the OpenSim model's acromion (1.407 m) in its default pose."""

CASES = (("standing", "RDL", 40.0), ("textbook hinge", "RDL", 40.0),
         ("rounded back", "RDL", 40.0), ("squatty hinge", "RDL", 40.0),
         ("deadlift set-up", "deadlift", 100.0))
"""(posture, exercise, bar mass in kg): the named postures with a 40 kg bar and
the deadlift set-up (:func:`~hinge_sim.model.presets.deadlift_setup`) with 100 kg."""

LINES = ("oblique", "chord")
"""Both readings of hinge-sim's extensor line (``Body(extensor_line=...)``)."""


def in_disc_frame(force, angle_deg):
    """Compression and shear (N) of a force from below, in a disc of normal ``angle_deg``."""
    phi = np.deg2rad(angle_deg)
    return (force[0] * np.sin(phi) + force[1] * np.cos(phi),
            -(force[0] * np.cos(phi) - force[1] * np.sin(phi)))


def hinge_side(name, exercise, kg, mass, line):
    """hinge-sim's posture points and disc loads for one case (one frame)."""
    body = Body(stature=STATURE, mass=mass, sex="male", extensor_line=line)
    load = presets.load(exercise, kg)
    posture = (presets.deadlift_setup(body, load) if name == "deadlift set-up"
               else presets.posture(name))
    res = analyze(body, posture, load)
    points = {k: np.asarray(v, float).reshape(-1) for k, v in res.points.items()
              if np.asarray(v).size == 2}
    disc = {k: float(np.asarray(v)) for k, v in res.disc.items() if k != "geometry"}
    spine = np.asarray(res.points["lumbar"], float).reshape(5, 2)
    disc.update(axis_l5=float(np.rad2deg(tilt(spine[1] - spine[0]))),
                axis_l4=float(np.rad2deg(tilt(spine[2] - spine[1]))))
    return points, disc, bool(np.all(res.balanced))


def compare(path, cases=CASES):
    """One row per case: hinge-sim (both extensor lines) and the OpenSim model.

    Returns
    -------
    list of dict
        ``posture``, ``bar_kg``, ``balanced`` (hinge-sim's verdict);
        ``residual`` (N m, load the muscles leave unheld); ``max_activation``;
        for each level in ``("l5s1", "l4l5")``: ``compression_osim_<level>``,
        ``shear_osim_<level>`` and, for each extensor line,
        ``compression_<line>_<level>``, ``shear_<line>_<level>`` (N);
        ``disc_angle_<level>`` (deg, hinge-sim's disc normal from vertical);
        ``moment_<level>`` and ``moment_osim_<level>`` (net extensor moment, N m);
        ``axis_l5``, ``axis_l4`` and ``axis_osim_l5``, ``axis_osim_l4``: tilt of
        the L5 and L4 vertebral axes (joint centre to joint centre, deg from
        vertical) in each model.
    """
    rows = []
    for name, exercise, kg in cases:
        lifter = OsimLifter(path, bar_weight=kg * GRAVITY)
        mass = float(lifter.masses.sum())
        points, disc, balanced = hinge_side(name, exercise, kg, mass, LINES[0])
        lifter.pose(points)
        activation, residual, _ = lifter.activations()
        reaction = lifter.reactions(activation * lifter.capacity)
        marks = lifter.landmarks()
        row = {"posture": name, "bar_kg": kg, "balanced": balanced,
               "axis_l5": disc["axis_l5"], "axis_l4": disc["axis_l4"],
               "axis_osim_l5": float(np.rad2deg(tilt(marks["l4l5"] - marks["l5s1"]))),
               "axis_osim_l4": float(np.rad2deg(tilt(marks["l3l4"] - marks["l4l5"]))),
               "residual": float(np.abs(residual).max()),
               "max_activation": float(activation.max())}
        for line in LINES:
            loads = disc if line == LINES[0] else hinge_side(name, exercise, kg, mass, line)[1]
            for level in LEVELS:
                suffix = "" if level == "l5s1" else f"_{level}"
                row[f"compression_{line}_{level}"] = loads[f"compression{suffix}"]
                row[f"shear_{line}_{level}"] = loads[f"shear{suffix}"]
        for level in LEVELS:
            suffix = "" if level == "l5s1" else f"_{level}"
            angle = disc[f"disc_angle{suffix}"]
            row[f"disc_angle_{level}"] = angle
            row[f"moment_{level}"] = disc[f"moment{suffix}"]
            row[f"moment_osim_{level}"] = lifter.net_moment(level)
            c, v = in_disc_frame(reaction[level][:2], angle)
            row[f"compression_osim_{level}"], row[f"shear_osim_{level}"] = c, v
        rows.append(row)
    return rows


def table(rows, level="l5s1"):
    """The rows as a Markdown table at one level (N, N m)."""
    head = ("| posture | net moment hinge-sim / OpenSim (N m) | compression oblique / chord / "
            "OpenSim (N) | OpenSim compression per N m | shear oblique / chord / OpenSim (N) |")
    lines = [head, "|" + "---|" * 5]
    for r in rows:
        c = [r[f"compression_{k}_{level}"] for k in (*LINES, "osim")]
        v = [r[f"shear_{k}_{level}"] for k in (*LINES, "osim")]
        m = (r[f"moment_{level}"], r[f"moment_osim_{level}"])
        lines.append(f"| {r['posture']} ({r['bar_kg']:.0f} kg) | {m[0]:.0f} / {m[1]:.0f} | "
                     f"{c[0]:.0f} / {c[1]:.0f} / {c[2]:.0f} | {c[2] / m[1]:.1f} | "
                     f"{v[0]:.0f} / {v[1]:.0f} / {v[2]:.0f} |")
    return "\n".join(lines)
