"""Lesson 0 (notebooks/00_start_here.ipynb) run cell by cell as Run All would: no
answer before Lock in, and the Explorer tour does what the text says. Its claims
about the model are checked in tests/test_lessons.py (the lesson's own calls)."""
import json

import pytest

from hinge_sim import progress
from hinge_sim.ui import Explorer
from hinge_sim.ui.grab import png_size
from hinge_sim.ui.quiz import Estimate, Prediction, Quiz
from hinge_sim.viz.grab import data_to_pixel
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
    assert back_or_hips.revealed and back_or_hips.reveal_output is not None



def test_the_explorer_tour_shows_what_the_text_says():
    """Tour tasks 1 to 7: rounded back turns the shear gauge to caution, Freeze ghost, the
    textbook hinge is safe, 40 kg reads 88 lb with the loads unchanged, Reset goes back to the
    start, dragging the hip back and down deepens the hinge and moves the gauges, and so do
    the arrow keys on the focused figure. (The lesson's other claims are checked in
    tests/test_lessons.py.)"""
    assert "Controls, below the figure" in text("00-10")
    tour = Explorer(dpi=30)

    def shear_line(ex):
        return next(line for line in ex.readout.splitlines() if "shear" in line)

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
    assert "strength" in text("00-10") and "strength" in tour.controls
    size, ax = png_size(tour.png), tour.stick.ax
    depth, compression = tour.controls["hip"].value, float(tour.result.disc["compression"])
    x, y = data_to_pixel(ax, tour.result.points["hip"], size)
    assert tour.grab.press(x, y) == "hip"
    tour.grab.move(x - 20, y + 8)  # back and down (pixels of the picture)
    tour.grab.release()
    assert tour.controls["hip"].value > depth + 5
    assert float(tour.result.disc["compression"]) != compression
    # task 7: the figure focused from the keyboard, the hip ringed, three right arrows
    assert "Shift+Tab" in text("00-10") and "right arrow three times" in text("00-10")
    depth, gauges = tour.controls["hip"].value, tour.readout
    tour.keys.focus(True)
    assert tour.keys.chosen == "hip" and tour.stick.chosen.get_visible()
    for _ in range(3):
        tour.keys.press("ArrowRight")
    assert tour.controls["hip"].value == depth + 3 and tour.readout != gauges
    assert f"hinge depth {depth + 3:.0f}°" in tour.keys.widget.status
