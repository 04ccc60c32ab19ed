"""The course hangs together: navigation is current, every strategy of the
article maps to a lesson, and every lesson is built the same way."""
import json

import pytest

from tools import course

pytestmark = pytest.mark.checkout


def lesson(stem):
    return json.loads((course.NOTEBOOKS / f"{stem}.ipynb").read_text())


def source(cell):
    return "".join(cell["source"])


def test_navigation_and_contents_are_current():
    assert course.main(["--check"]) == 0


def test_every_strategy_points_to_a_lesson_of_the_course():
    assert len(course.STRATEGIES) >= 25
    for strategy, stem, activity in course.STRATEGIES:
        assert stem in course.STEMS, strategy
        assert activity


def test_nav_line_links_neighbours():
    line = course.nav_markdown("05_tempo")
    assert "04_ground_and_bar.ipynb" in line and "06_breathing_and_bracing.ipynb" in line
    assert "contents.ipynb" in line
    with pytest.raises(ValueError, match="not in the course"):
        course.nav_markdown("99_nowhere")


WRITTEN = [s for s in course.STEMS if (course.NOTEBOOKS / f"{s}.ipynb").exists()]


@pytest.mark.parametrize("stem", WRITTEN)
def test_notebook_is_committed_without_outputs(stem):
    for cell in lesson(stem)["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, stem


@pytest.mark.parametrize("stem", [s for s in WRITTEN if s[0].isdigit()])
def test_lesson_teaches_predict_try_explain_and_checks_its_claims(stem):
    cells = lesson(stem)["cells"]
    text = "\n".join(source(c) for c in cells)
    assert "You will learn" in text, "objectives at the top"
    assert "Prediction(" in text or "Estimate(" in text, "a prediction before the panel"
    assert "Quiz(" in text, "a self-check with feedback"
    assert "Cues" in source(cells[-2]), "a summary of cues at the end"
    checks = [c for c in cells if "check" in c["metadata"].get("tags", [])]
    assert checks and all(c["metadata"]["jupyter"]["source_hidden"] for c in checks)
    assert all("assert " in source(c) for c in checks)


@pytest.mark.parametrize("stem", [s for s in WRITTEN if s[0].isdigit()])
def test_question_cells_hide_their_answers(stem):
    """The code of a question names its answer, so its source starts hidden."""
    for cell in lesson(stem)["cells"]:
        text = source(cell)
        if cell["cell_type"] == "code" and any(f"{w}(" in text for w in ("Prediction", "Quiz", "Estimate")):
            assert cell["metadata"].get("jupyter", {}).get("source_hidden"), text[:60]
