"""Lesson 0 (notebooks/00_start_here.ipynb): every claim its text makes holds in the
model, with the set-up its own cells make, and Run All reveals no answer."""
import json

import pytest

import hinge_sim as hs
from hinge_sim import progress
from hinge_sim.ui import Explorer
from hinge_sim.ui.quiz import Estimate, Prediction, Quiz
from tools.course import NOTEBOOKS

pytestmark = pytest.mark.checkout
CELLS = {c["id"]: c for c in json.loads((NOTEBOOKS / "00_start_here.ipynb").read_text())["cells"]}


def text(cell_id):
    return "".join(CELLS[cell_id]["source"])


@pytest.fixture(autouse=True)
def store(tmp_path):
    progress.use(tmp_path)
    yield tmp_path
    progress.use(None)


def run_all():
    """Run every code cell; return the namespace and every lesson step the cells built."""
    import ast
    ns, built = {}, []
    for cell in (c for c in CELLS.values() if c["cell_type"] == "code"):
        tree = ast.parse("".join(cell["source"]))
        last = tree.body[-1]
        if isinstance(last, ast.Expr):  # what the cell would display
            tree.body[-1] = ast.Assign([ast.Name("_shown", ast.Store())], last.value)
            ast.fix_missing_locations(tree)
        ns.pop("_shown", None)
        exec(compile(tree, cell["id"], "exec"), ns)
        built.append(ns.get("_shown"))
    return ns, [b for b in built if isinstance(b, (Prediction, Estimate, Quiz))]


def test_run_all_reveals_no_answer_and_locking_reveals_it():
    """'Nothing under the question shows the answer until you do.'"""
    ns, steps = run_all()
    assert len(steps) == 5
    for step in steps:
        assert step.feedback == ""
        if not isinstance(step, Quiz):
            assert not step.revealed and step.reveal_output is None
    back_or_hips = steps[0]
    back_or_hips.choose("The hips")
    back_or_hips.lock()
    assert back_or_hips.revealed and "hip moment" in back_or_hips.reveal_output


def test_hips_carry_the_largest_moment_and_the_knee_a_flexor_one():
    """'The hips hold up everything above them, so their moment is the largest ...
    the net knee moment is a flexor one.'"""
    ns, _ = run_all()
    res = ns["res"]
    assert bool(res.balanced)
    assert res.moments["hip"] > res.moments["l5s1"] > 0
    assert res.moments["knee"] < 0
    assert "knee moment" in ns["joint_moments"]() and "(flexor)" in ns["joint_moments"]()


def test_the_explorer_tour_shows_what_the_text_says():
    """Tour tasks 1 to 5: rounded back changes a gauge's zone, Freeze ghost, lb, Reset."""
    assert "Controls, below the figure" in text("00-10")
    tour = Explorer()
    shear_line = lambda ex: next(line for line in ex.readout.splitlines() if "shear" in line)  # noqa: E731
    tour.set(posture="rounded back")
    assert "caution" in shear_line(tour)
    tour.freeze()
    tour.set(posture="textbook hinge")
    assert tour.message == "" and "safe" in shear_line(tour)
    kg_reading = float(tour.result.disc["compression"])
    tour.set(units="lb")
    assert "88 lb" in tour.readout
    assert abs(float(tour.result.disc["compression"]) - kg_reading) < 0.01 * kg_reading
    tour.reset()
    assert tour.controls["units"].value == "kg"
    assert tour.controls["posture"].value == "textbook hinge"


def test_units_paragraph():
    """'40 kg is 88 lb ... For the 75 kg lifter above, one body weight is 736 N.'"""
    assert "40 kg is 88 lb" in text("00-14") and "one body weight is 736 N" in text("00-14")
    assert round(hs.units.kg_to_lb(40)) == 88
    assert round(float(hs.units.body_weights(736, 75)), 3) == 1.0


def test_the_disc_carries_several_body_weights_for_half_a_body_weight_of_bar():
    """'several body weights for a bar that weighs about half the lifter'."""
    ns, steps = run_all()
    estimate = steps[2]
    assert estimate.answer == round(ns["compression_bw"], 1)
    assert 3 <= ns["compression_bw"] <= 6
    assert 0.45 <= 40 / 75 <= 0.6
    assert f"{ns['compression']:.0f} N" in estimate.question.value


def test_more_knee_bend_turns_the_knee_moment_into_an_extensor_one():
    """'Bend the knees more and it turns into an extensor moment, the quadriceps' job.'"""
    ns, _ = run_all()
    assert "turns into an extensor moment" in text("00-05")
    more = hs.analyze(ns["body"], hs.Posture(knee=45, hip=85, lumbar=5), ns["load"])
    assert bool(more.balanced) and more.moments["knee"] > 0 > ns["res"].moments["knee"]

