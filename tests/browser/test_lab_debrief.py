"""Lesson 10's video step as a learner meets it: JupyterLab in chromium, Run All, lock in the
prediction on Alex's loads, and drag the debrief panel's time cursor: the frame, the fitted
figure and the plots (one image) change together, and a lost marker is said in words."""
from test_lab_lesson import open_lesson

ANSWER = "At the bottom, just as the bar starts to rise"


def test_lesson_10_debrief_panel_cursor_moves_the_video(lab, run_notebook, new_page,
                                                        screenshots):
    p = open_lesson(lab, run_notebook, new_page, "10_debrief.ipynb")
    page = p.page

    prediction = page.locator(".hinge-prediction").filter(has_text="L5/S1 compression highest")
    prediction.scroll_into_view_if_needed()
    prediction.locator("label", has_text=ANSWER).locator("input[type=radio]").check()
    prediction.locator("button", has_text="Lock in").click()
    panel = prediction.locator(".hinge-debrief-panel")
    panel.wait_for(timeout=120_000)
    video = panel.locator(".hinge-video-panel")
    image = video.locator("img.hinge-figure")
    image.wait_for()
    readout = video.locator(".hinge-readout")
    video.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "lesson10-debrief-panel.png")

    before_src, before_words = image.get_attribute("src"), readout.inner_text()
    handle = video.locator(".widget-slider .noUi-handle")
    handle.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("([img, src]) => img.getAttribute('src') !== src",
                           arg=[image.element_handle(), before_src])
    assert readout.inner_text() != before_words
    page.screenshot(path=screenshots / "lesson10-debrief-cursor.png")

    # back to where the knee marker was lost: the words say so
    for _ in range(30):
        if "missing" in readout.inner_text():
            break
        page.keyboard.press("ArrowLeft")
        page.wait_for_timeout(150)
    assert "missing" in readout.inner_text(), readout.inner_text()
    page.screenshot(path=screenshots / "lesson10-debrief-flagged.png")
    assert panel.locator(".hinge-table").count() >= 2  # velocity and loads tables
    assert p.errors == [], f"the page logged errors: {p.errors}"
