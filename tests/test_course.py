"""The course hangs together: navigation is current, every strategy of the
article maps to a lesson, and every lesson is built the same way."""
import ast
import json
import re

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


LESSONS = [s for s in WRITTEN if s[0].isdigit()]
#: lessons whose claims are checked in tests/test_lessons.py, not in the learner's kernel
CHECKED_IN_TESTS = LESSONS + ["instructor_guide"]
QUESTIONS = ("Prediction", "Quiz", "Estimate")


@pytest.mark.parametrize("stem", LESSONS)
def test_lesson_teaches_predict_try_explain(stem):
    cells = lesson(stem)["cells"]
    text = "\n".join(source(c) for c in cells)
    assert "You will learn" in text, "objectives at the top"
    assert "Prediction(" in text or "Estimate(" in text, "a prediction before the panel"
    assert "Quiz(" in text, "a self-check with feedback"
    assert "Cues" in source(cells[-2]), "a summary of cues at the end"


@pytest.mark.parametrize("stem", CHECKED_IN_TESTS)
def test_no_checks_run_in_the_learners_kernel(stem):
    """A lesson's claims are checked in tests/test_lessons.py: no check cell, no assert."""
    for cell in lesson(stem)["cells"]:
        assert "check" not in cell["metadata"].get("tags", []), source(cell)[:60]
        if cell["cell_type"] == "code":
            assert "assert " not in source(cell), source(cell)[:60]


@pytest.mark.parametrize("stem", LESSONS)
def test_question_cells_hide_their_answers(stem):
    """The code of a question names its answer, so its source starts hidden."""
    for cell in lesson(stem)["cells"]:
        text = source(cell)
        if cell["cell_type"] == "code" and any(f"{w}(" in text for w in QUESTIONS):
            assert cell["metadata"].get("jupyter", {}).get("source_hidden"), text[:60]


def calls(stem):
    """Every Prediction, Quiz and Estimate call of a lesson, parsed (not run)."""
    for cell in lesson(stem)["cells"]:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse(source(cell))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in QUESTIONS:
                yield node


def keyword(node, name):
    return next((k.value for k in node.keywords if k.arg == name), None)


def words(node):
    """The text of a string node, f-string parts included (the formatted values left out)."""
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return ast.literal_eval(node)


def choices(node):
    """(options in order, {option: feedback}, answer) of a Prediction or Quiz call."""
    options = node.args[1]
    keys = [ast.literal_eval(k) for k in options.keys]
    answer = ast.literal_eval(node.args[2] if len(node.args) > 2 else keyword(node, "answer"))
    return keys, dict(zip(keys, (words(v) for v in options.values))), answer


def all_choices():
    return [choices(n) for stem in LESSONS for n in calls(stem) if n.func.id != "Estimate"]


@pytest.mark.parametrize("stem", CHECKED_IN_TESTS[:-1])
def test_every_question_has_a_stable_key_of_its_lesson(stem):
    keys = [ast.literal_eval(keyword(n, "key")) for n in calls(stem)]
    assert all(k.startswith(f"{stem}/") for k in keys), keys
    assert len(keys) == len(set(keys)), "keys are unique"


@pytest.mark.parametrize("stem", CHECKED_IN_TESTS[:-1])
def test_every_prediction_and_estimate_reveals_its_answer_from_the_lesson_module(stem):
    """The answer (panel, numbers, words) is built by a lesson function only on Lock in or Show
    me: the reveal is named, not called, and no explanation sits in a plain cell."""
    import importlib

    cells = lesson(stem)["cells"]
    imported = re.search(r"from hinge_sim\.lessons import (\w+) as lesson",
                         "\n".join(source(c) for c in cells))
    assert imported, "the lesson imports its module as `lesson`"
    module = importlib.import_module(f"hinge_sim.lessons.{imported.group(1)}")
    for node in calls(stem):
        if node.func.id == "Quiz":
            continue
        reveal = keyword(node, "reveal")
        named = isinstance(reveal, ast.Attribute) and reveal.value.id == "lesson"
        assert named, ast.unparse(node)[:80]
        assert callable(getattr(module, reveal.attr)), reveal.attr
    for cell in cells:
        if cell["cell_type"] == "markdown":
            assert "**Explain.**" not in source(cell), source(cell)[:80]


def test_answers_are_spread_over_the_positions():
    """No option position gives the answer away: each of the first three positions holds the
    answer in a fifth of the questions or more, and none in more than two fifths."""
    found = all_choices()
    at = [keys.index(answer) for keys, _, answer in found]
    for position in range(3):
        share = at.count(position) / len(at)
        assert 0.2 <= share <= 0.4, (position, share)


def test_the_answer_is_the_longest_option_in_at_most_a_third_of_questions():
    found = all_choices()
    longest = sum(max(keys, key=len) == answer for keys, _, answer in found)
    assert longest <= len(found) / 3, f"{longest} of {len(found)}"


@pytest.mark.parametrize("stem", LESSONS)
def test_every_feedback_says_why(stem):
    """Feedback explains in a sentence; it never opens on a bare 'Right.' or 'Yes.' (the widget
    already says whether the choice was right)."""
    for node in calls(stem):
        if node.func.id == "Estimate":
            continue
        _, feedback, _ = choices(node)
        for option, why in feedback.items():
            assert len(why.split()) >= 8, (option, why)
            assert not re.match(r"(Right|Yes|Correct|Exactly|Good)\b", why), (option, why)


def reveals():
    """(stem, the lesson module's reveal function) for every prediction and estimate."""
    import importlib

    for stem in CHECKED_IN_TESTS[:-1]:
        text = "\n".join(source(c) for c in lesson(stem)["cells"])
        name = re.search(r"from hinge_sim\.lessons import (\w+) as lesson", text).group(1)
        module = importlib.import_module(f"hinge_sim.lessons.{name}")
        for node in calls(stem):
            if node.func.id != "Quiz":
                yield stem, getattr(module, keyword(node, "reveal").attr)


# reveals that render, encode and track a video first (about 10 s): slow
FROM_VIDEO = {"velocity_answer", "loads_answer"}


@pytest.mark.parametrize("stem, reveal", [
    pytest.param(stem, reveal, marks=[pytest.mark.slow] if reveal.__name__ in FROM_VIDEO else [])
    for stem, reveal in reveals()], ids=lambda v: v if isinstance(v, str) else v.__name__)
def test_locking_in_shows_the_lessons_answer(stem, reveal, tmp_path):
    """A real Prediction locked in with the lesson's reveal shows it, words and all; before
    the lock nothing of it is built."""
    from hinge_sim import progress
    from hinge_sim.lessons import Answer
    from hinge_sim.ui.quiz import Prediction

    progress.use(tmp_path)
    built = []

    def counted():
        built.append(1)
        return reveal()

    try:
        p = Prediction("?", {"a": "because a is what the model shows", "b": "because b is not"},
                       answer="a", key=f"{stem}/probe", reveal=counted)
        assert not built and not p.revealed
        p.choose("a")
        p.lock()
        assert built == [1] and p.revealed
        shown = p.reveal_output
        assert isinstance(shown, Answer) and shown.text.strip()
    finally:
        progress.use(None)


def test_lesson_0_says_how_to_pick_up_after_a_restart():
    """After a kernel restart the panels show JupyterLab's broken-link mark and no line of
    the course's: lesson 0 says what to do, with the menu path the return line names."""
    from tools.jupyter.saving import RESUME
    cells = json.loads((course.NOTEBOOKS / "00_start_here.ipynb").read_text())["cells"]
    words = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert "**To pick up again** after the kernel restarts" in words
    assert "Run → Run All Cells" in RESUME and "**Run → Run All Cells** once more" in words
