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


STANDING_L4L5 = _known("OpenSim's upper body stands further forward of L4/L5: 35 against 26 N m "
                       "(at L5/S1 the same shift is 21 %, inside the audit's range)")
HINGE_L4L5 = _known("at L4/L5 hinge-sim gives 19.5-21.8 N of compression per N m, the "
                    "muscle model 24-28 (18-25 % below); open finding for issue 12")


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


def test_docs_show_these_figures(rows):
    """docs/model.md section 9.1 prints the tables this comparison makes."""
    from pathlib import Path

    from tools.opensim_check.compare import table
    doc = (Path(__file__).resolve().parents[1] / "docs" / "model.md").read_text()
    for level in ("l5s1", "l4l5"):
        assert table(rows, level) in doc, f"docs/model.md's {level} table is out of date"
