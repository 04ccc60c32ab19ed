"""The learning loop in JupyterLab, started the way ``make course`` starts it
(``tools/learner.py`` on a learner's copy): Run All shows no answer until a
prediction is locked in; the locked answer survives a kernel restart and a
return visit; walking lessons 0 to 2 by the navigation links never holds more
than 3 kernels; closing a tab stops its kernel; the checkout stays unchanged."""
import json
import secrets
import subprocess
import sys
import time

import pytest
from conftest import ROOT, Server, run_all_cells, serving
from playwright.sync_api import expect

from tools.jupyter.saving import RESUME
from tools.processes import free_port

LESSON = "00_start_here.ipynb"


def lesson_hip_line():
    """Words the first prediction reveals about the hips, from the lesson's own call."""
    from hinge_sim.lessons import start_here
    res = start_here.bottom()
    return f"{float(res.moments['hip']):.0f} N·m against"


KEY = "00_start_here/hips-or-back"
WIDGET_ERROR = "text=Error displaying widget"


def git_status():
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def course(tmp_path_factory, jupyter_env, browser):
    """JupyterLab on a learner's copy, started by ``python -m tools.learner``."""
    folder = tmp_path_factory.mktemp("learner") / "my-course"
    port, token = free_port(), secrets.token_hex(16)
    argv = [sys.executable, "-m", "tools.learner", f"--folder={folder}", "--no-browser",
            "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}"]
    before = git_status()
    server = Server(argv, port, token, jupyter_env, ROOT, folder.parent / "lab.log")
    server.folder, server.git_before = folder, before
    yield from serving(server)


def kernels(server):
    return len(server.api("/api/kernels"))


def wait_until(check, timeout=30, what="the condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.25)
    pytest.fail(f"{what} did not happen in {timeout} s")


def tab(page, name):
    return page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=name)


def test_it_opens_on_the_contents_page_with_progress_and_no_news(course, new_page, screenshots):
    page = new_page("laptop").page
    page.goto(course.url("/"))   # where make course opens the browser
    tab(page, "contents.ipynb").wait_for()
    page.get_by_text("not started").first.wait_for()
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()
    page.wait_for_timeout(2000)
    page.screenshot(path=screenshots / "course-contents.png")
    assert page.locator(".jp-toast-message, .Toastify__toast").count() == 0, "no news pop-up"
    assert "jp-mod-dirty" not in tab(page, "contents.ipynb").get_attribute("class")


def test_predict_then_see_survives_restart_and_return(course, new_page, screenshots):
    p = new_page("laptop")
    page = p.page
    url = course.url(f"/lab/tree/{LESSON}?reset")   # this lesson alone in the workspace
    page.goto(url)
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()
    page.wait_for_timeout(1500)
    assert "jp-mod-dirty" not in tab(page, LESSON).get_attribute("class"), \
        "opening a lesson does not mark it modified"

    run_all_cells(page, url, LESSON, screenshots, course.log_tail)
    predict = page.locator(".hinge-predict")
    # a cell's prompt shows its number before its widgets are drawn: wait for them
    expect(predict).to_have_count(3, timeout=30_000)
    assert page.locator(".hinge-reveal:visible").count() == 0, "Run All reveals nothing"
    hip_line = lesson_hip_line()
    assert page.get_by_text(hip_line).count() == 0, f"{hip_line!r} shows before a prediction"
    page.screenshot(path=screenshots / "course-before-lock.png", full_page=True)

    first = predict.first
    first.scroll_into_view_if_needed()
    first.locator("label", has_text="The hips").locator("input").check()
    first.locator("button", has_text="Lock in").click()
    first.locator(".hinge-reveal").get_by_text(hip_line).wait_for()
    assert predict.nth(1).locator(".hinge-reveal:visible").count() == 0, "the others stay shut"
    first.screenshot(path=screenshots / "course-locked.png")
    saved = json.loads((course.folder / "hinge-progress.json").read_text())["steps"][KEY]
    assert saved["state"] == "locked" and saved["choice"] == "The hips"

    # restart the kernel and run again: the locked answer comes back
    (session,) = [s for s in course.api("/api/sessions") if s["path"] == LESSON]
    course.api(f"/api/kernels/{session['kernel']['id']}/restart", method="POST")
    run_all_cells(page, url, LESSON, screenshots, course.log_tail)
    first = page.locator(".hinge-predict").first
    first.locator(".hinge-reveal").get_by_text(hip_line).wait_for()
    assert first.locator("input[type=radio]:checked:disabled").count() == 1
    assert page.locator(".hinge-reveal:visible").count() == 1

    # save, stop the kernel, come back: one line to pick up, no widget errors
    page.keyboard.press("Control+s")
    wait_until(lambda: "jp-mod-dirty" not in tab(page, LESSON).get_attribute("class"),
               what="the save")
    course.api(f"/api/sessions/{session['id']}", method="DELETE")
    page.goto(url)
    page.get_by_text(RESUME).wait_for()
    page.wait_for_timeout(1500)
    page.screenshot(path=screenshots / "course-return.png")
    assert page.locator(WIDGET_ERROR).count() == 0
    assert page.get_by_text(RESUME).count() == 1
    run_all_cells(page, url, LESSON, screenshots, course.log_tail)
    page.locator(".hinge-predict").first.locator(".hinge-reveal").get_by_text(hip_line).wait_for()
    assert p.errors == [] or all("widget" not in e[0].lower() for e in p.errors), p.errors


def test_walking_the_course_holds_at_most_three_kernels(course, new_page, screenshots):
    page = new_page("laptop").page
    page.goto(course.url("/lab/tree/contents.ipynb"))
    counts = []
    page.locator(".jp-RenderedMarkdown a", has_text="0 · Start here").first.click()
    for name, link in [("00_start_here", "1 · What not to do"),
                       ("01_what_not_to_do", "2 · Knee bend"), ("02_knee_bend", None)]:
        tab(page, f"{name}.ipynb").wait_for()
        wait_until(lambda: any(s["path"] == f"{name}.ipynb" for s in course.api("/api/sessions")),
                   what=f"a kernel for {name}")
        page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']:visible").wait_for()
        counts.append(kernels(course))
        if link:
            page.locator(".jp-RenderedMarkdown a:visible", has_text=link).first.click()
    page.screenshot(path=screenshots / "course-walk.png")
    print(f"kernels while walking lessons 0 to 2: {counts}")
    assert max(counts) <= 3, counts

    # closing a lesson's tab stops its kernel
    held = kernels(course)
    tab(page, "02_knee_bend.ipynb").locator(".lm-TabBar-tabCloseIcon").click()
    wait_until(lambda: not any(s["path"] == "02_knee_bend.ipynb"
                               for s in course.api("/api/sessions")), what="the kernel shutdown")
    assert kernels(course) == held - 1


def test_the_checkout_is_unchanged(course):
    assert git_status() == course.git_before
    for path in ("my-course/hinge-progress.json", "my-course/00_start_here.ipynb",
                 "notebooks/hinge-progress.json"):   # the last: lessons run from the checkout
        ignored = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
        assert ignored.returncode == 0, f"git ignores {path}"
