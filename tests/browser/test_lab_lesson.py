"""A lesson as a learner meets it: JupyterLab in chromium, Run All, then lock in
a prediction (which opens its answer) and answer a quiz with the mouse."""
import shutil

from test_lab_explorer import ERROR_OUTPUT

from tools.course import NOTEBOOKS


def open_lesson(lab, run_notebook, new_page, name):
    """A copy of lesson ``name`` run top to bottom in JupyterLab, with no error shown."""
    shutil.copy(NOTEBOOKS / name, lab.root / name)
    p = new_page("laptop")
    run_notebook(p.page, name)
    errors = p.page.locator(ERROR_OUTPUT)
    assert errors.count() == 0, errors.first.inner_text()
    return p


def test_lesson_runs_and_its_prediction_and_quiz_answer(lab, run_notebook, new_page, screenshots):
    p = open_lesson(lab, run_notebook, new_page, "00_start_here.ipynb")
    page = p.page

    prediction = page.locator(".hinge-prediction").first
    prediction.scroll_into_view_if_needed()
    prediction.locator("input[type=radio]").first.check()
    prediction.locator("button", has_text="Lock in").click()
    feedback = prediction.locator(".hinge-feedback")
    feedback.filter(has_text="Right.").or_(feedback.filter(has_text="Not quite.")).wait_for()
    prediction.locator(".hinge-reveal").wait_for()
    assert prediction.locator("input[type=radio]:disabled").count() > 0, "a locked prediction stays"
    page.screenshot(path=screenshots / "lesson0-prediction.png")

    quiz = page.locator(".hinge-quiz").first
    quiz.scroll_into_view_if_needed()
    quiz.locator("input[type=radio]").nth(1).check()
    quiz.locator(".hinge-feedback").filter(has_text="Right.").or_(
        quiz.locator(".hinge-feedback").filter(has_text="Not quite.")).wait_for()
    assert p.errors == [], f"the page logged errors: {p.errors}"
