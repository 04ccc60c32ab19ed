"""Disc loads against an independent muscle-driven model: OpenSim 4.6 (issue 12's audit).

The OpenSim model (Beaucage-Gauvreau et al. 2019's lifting full-body model as
adapted in the pose2sim repository) is not shipped: ``make test`` takes it out of
pose2sim's wheel and ``HINGE_SIM_OSIM_MODEL`` names it (``tools/opensim_check``).
Without it, or without ``opensim``, these tests skip with a message; under ``CI``
they fail instead.
Tolerances come from the audit in issue 12: net moments within 23 % (it found
9-23 % from mass distribution) and 21-30 N of L4/L5 compression per N m of
moment in the muscle model (as tests/test_published.py reads it).
"""
import os

import numpy as np
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.checkout, pytest.mark.opensim]

MOMENT_TOLERANCE = 0.23
"""Net moments may differ by mass distribution (audit: 9-23 %)."""

COMPRESSION_PER_MOMENT = (21.0, 30.0)
"""N of L4/L5 compression per N m in the muscle model, loaded hinges (audit)."""

COMPRESSION_PER_MOMENT_TOLERANCE = 0.15
"""hinge-sim's compression per N m against the muscle model's, in the loaded
hinges: the single extensor the audit found 19-23 % low in heavy pulls fails it."""

LOADED = 100.0
"""Net L5/S1 moment (N m) above which a posture counts as a loaded hinge."""


def _needs(what):
    if os.environ.get("CI"):
        pytest.fail(f"{what}; CI runs the OpenSim check (make test fetches the model)")
    pytest.skip(what)


@pytest.fixture(scope="module")
def model():
    try:
        import opensim  # noqa: F401
    except ImportError:
        _needs("opensim is not installed (pip install opensim)")
    from tools.opensim_check import MODEL_ENV, model_path
    path = model_path()
    if path is None:
        _needs(f"{MODEL_ENV} is not set: point it at Model_Pose2Sim_muscles_flex.osim "
               "(python -m tools.opensim_check.fetch PATH makes it; make test does)")
    return path


@pytest.fixture(scope="module")
def rows(model):
    from tools.opensim_check.compare import compare
    return compare(model)


def test_reaction_without_muscles_is_the_weight_above(model):
    """With no muscle force the L5/S1 reaction carries exactly the weight above it."""
    from tools.opensim_check.compare import hinge_side
    from tools.opensim_check.osim import GRAVITY, OsimLifter
    lifter = OsimLifter(model, bar_weight=40 * GRAVITY)
    points = hinge_side("textbook hinge", "RDL", 40.0, float(lifter.masses.sum()), "oblique")[0]
    lifter.pose(points)
    reaction = lifter.reactions(np.zeros(len(lifter.muscles)))["l5s1"]
    weight = GRAVITY * lifter.masses[lifter.above["l5s1"]].sum() + 40 * GRAVITY
    np.testing.assert_allclose(reaction, [0.0, weight, 0.0], atol=1e-6 * weight)


def test_the_muscles_hold_every_posture(rows):
    for r in rows:
        assert r["residual"] < 0.5, f"{r['posture']}: {r['residual']:.2f} N m left unheld"


POSTURES = ("standing", "textbook hinge", "rounded back", "squatty hinge", "deadlift set-up")
HINGES = POSTURES[1:]


def _known(reason):
    return pytest.mark.xfail(strict=True, reason=reason)


STANDING_L4L5 = _known("OpenSim's weight above stands further forward: 9-10 N m more at both "
                       "levels, 35 against 26 N m at L4/L5 (26 %); at L5/S1, 45 against 35, it "
                       "is 21 %, inside the audit's range")
HINGE_L4L5 = _known("at L4/L5 hinge-sim gives 20.2-22.8 N of compression per N m, the muscle "
                    "model 24.1-28.1 (15-22 % below): the muscle model's muscles act on "
                    "4.0-4.3 cm against hinge-sim's 4.5-5.2 cm, and its couplers load them with "
                    "97-107 % of the L4/L5 moment (67-81 % at L5/S1), where hinge-sim's passive "
                    "tissues take 3-29 %; docs/model.md 9.1")


def _row(rows, posture):
    return next(r for r in rows if r["posture"] == posture)


@pytest.mark.parametrize("posture, level", [
    *[(p, "l5s1") for p in POSTURES],
    *[pytest.param(p, "l4l5", marks=STANDING_L4L5) if p == "standing" else (p, "l4l5")
      for p in POSTURES]])
def test_net_moments_agree(rows, posture, level):
    r = _row(rows, posture)
    ratio = r[f"moment_{level}"] / r[f"moment_osim_{level}"]
    assert abs(ratio - 1) <= MOMENT_TOLERANCE, (
        f"{posture} {level}: hinge-sim {r[f'moment_{level}']:.0f} N m, "
        f"OpenSim {r[f'moment_osim_{level}']:.0f} N m")


def test_the_hinges_are_loaded(rows):
    assert [r["posture"] for r in rows if r["moment_osim_l5s1"] > LOADED] == list(HINGES)


@pytest.mark.parametrize("posture", HINGES)
def test_muscle_model_compression_per_moment_is_the_audits(rows, posture):
    """Our posing and static optimisation reproduce the audit's muscle model."""
    r = _row(rows, posture)
    per = r["compression_osim_l4l5"] / r["moment_osim_l4l5"]
    low, high = COMPRESSION_PER_MOMENT
    assert low <= per <= high, f"{per:.1f} N per N m, audit: {low}-{high}"


@pytest.mark.parametrize("line", ["oblique", "chord"])
@pytest.mark.parametrize("posture, level", [
    *[(p, "l5s1") for p in HINGES],
    *[pytest.param(p, "l4l5", marks=HINGE_L4L5) for p in HINGES]])
def test_compression_per_moment_matches_the_muscle_model(rows, posture, level, line):
    r = _row(rows, posture)
    ours = r[f"compression_{line}_{level}"] / r[f"moment_{level}"]
    theirs = r[f"compression_osim_{level}"] / r[f"moment_osim_{level}"]
    assert abs(ours / theirs - 1) <= COMPRESSION_PER_MOMENT_TOLERANCE, (
        f"{posture} {level} ({line}): {ours:.1f} against {theirs:.1f} N per N m")


@pytest.fixture(scope="module")
def carried(model):
    from tools.opensim_check.levels import levels
    return {(r["posture"], r["level"]): r for r in levels(model)}


def test_the_muscle_lines_give_opensims_own_joint_reaction_and_moments(model):
    """The path segments crossing each level, summed, are OpenSim's load: with the
    weight above they give its joint reaction's compression, and their moment is
    the one its muscle lengths give at that level's coordinate alone."""
    from tools.opensim_check.compare import hinge_side, in_disc_frame
    from tools.opensim_check.levels import muscle_split
    from tools.opensim_check.osim import GRAVITY, OsimLifter
    lifter = OsimLifter(model, bar_weight=100 * GRAVITY)
    points, disc, _ = hinge_side("deadlift set-up", "deadlift", 100.0,
                                 float(lifter.masses.sum()), "oblique")
    lifter.pose(points)
    activation, _, _ = lifter.activations()
    forces = activation * lifter.capacity
    arms, _ = lifter.derivatives(("L5_S1_Flex_Ext", "L4_L5_Flex_Ext"), coupled=False)
    reaction = lifter.reactions(forces)
    for (level, suffix), by_length in zip((("l5s1", ""), ("l4l5", "_l4l5")), forces @ arms):
        angle = disc[f"disc_angle{suffix}"]
        split = muscle_split(lifter, forces, level, angle)
        weight = GRAVITY * lifter.masses[lifter.above[level]].sum() + 100 * GRAVITY
        assert weight * np.cos(np.deg2rad(angle)) + split["compression"] == pytest.approx(
            in_disc_frame(reaction[level][:2], angle)[0], rel=1e-9)
        assert split["moment"] == pytest.approx(by_length, rel=1e-3)


@pytest.mark.parametrize("posture", HINGES)
def test_the_muscle_models_l4l5_excess_is_its_coupling_not_its_arms(carried, posture):
    """In the muscle model, compression per N m is higher at L4/L5 than at L5/S1
    although its muscles' arm is no shorter there: its couplers leave the
    muscles at least 15 points more of the net moment at L4/L5."""
    low, high = carried[(posture, "l5s1")], carried[(posture, "l4l5")]
    assert high["osim_per_moment"] > low["osim_per_moment"]
    assert high["osim_arm"] >= low["osim_arm"]
    assert high["osim_held"] > low["osim_held"] + 0.15


@pytest.mark.parametrize("posture", HINGES)
def test_the_muscle_models_muscles_act_on_shorter_arms(carried, posture):
    """At both levels the muscle model's muscles press more per N m they hold
    (their moment over their compression, 3.8-4.3 cm) than hinge-sim's one
    extensor with antagonists (4.5-5.2 cm)."""
    for level in ("l5s1", "l4l5"):
        r = carried[(posture, level)]
        arms = (level, r["osim_arm"], r["hinge_arm"])
        assert 0.035 < r["osim_arm"] < 0.045 and 0.04 < r["hinge_arm"] < 0.06, arms
        assert r["hinge_arm"] > r["osim_arm"] + 0.003, arms


def test_held_level_by_level_the_muscle_model_presses_more_or_cannot_hold(model, rows):
    """With every level's own moment on the muscles (couplers idle), the rounded
    back presses more at both levels than with the couplers; in the other
    loaded hinges the muscles cannot hold every level alone."""
    from tools.opensim_check.levels import each_level
    alone = {r["posture"]: r for r in each_level(model)}
    coupled = _row(rows, "rounded back")
    assert alone["standing"]["short"] < 1e-3 and alone["rounded back"]["short"] < 1e-3
    for level in ("l5s1", "l4l5"):
        assert alone["rounded back"][f"per_moment_{level}"] > (
            coupled[f"compression_osim_{level}"] / coupled[f"moment_osim_{level}"])
    for posture in ("textbook hinge", "squatty hinge", "deadlift set-up"):
        assert alone[posture]["short"] > 5.0, posture


def test_both_models_are_posed_alike(rows):
    """The frames match: the L5 and L4 vertebral axes of the two models agree within 5 deg."""
    for r in rows:
        for v in ("l5", "l4"):
            assert abs(r[f"axis_{v}"] - r[f"axis_osim_{v}"]) < 5.0, (r["posture"], v)


def test_shear_is_anterior_in_both_models(rows):
    for r in rows:
        for key in ("osim", "oblique", "chord"):
            assert r[f"shear_{key}_l5s1"] > 0, f"{r['posture']} {key}: {r[f'shear_{key}_l5s1']}"


def test_rounding_changes_shear_as_in_the_muscle_model_with_extensors_along_the_trunk(rows):
    """The muscle model's extensors follow the trunk and it has no passive tissue.

    hinge-sim's ``chord`` reading shares that mechanism and must move shear the
    same way from the textbook hinge to the rounded back.
    """
    by = {r["posture"]: r for r in rows}
    hinge, rounded = by["textbook hinge"], by["rounded back"]
    muscle = np.sign(rounded["shear_osim_l5s1"] - hinge["shear_osim_l5s1"])
    chord = np.sign(rounded["shear_chord_l5s1"] - hinge["shear_chord_l5s1"])
    assert muscle == chord


def test_docs_show_these_figures(rows, carried):
    """docs/model.md section 9.1 prints the tables this comparison makes."""
    from pathlib import Path

    from tools.opensim_check import levels
    from tools.opensim_check.compare import table
    doc = (Path(__file__).resolve().parents[1] / "docs" / "model.md").read_text()
    for level in ("l5s1", "l4l5"):
        assert table(rows, level) in doc, f"docs/model.md's {level} table is out of date"
    assert levels.table(list(carried.values())) in doc, "docs/model.md's load-carrying table"
