"""Lesson 9's kettlebell swing as a learner meets it: JupyterLab in chromium, Run All, lock in
the swing prediction, and the Swing player it opens plays the cycle at real speed."""
from playback_watch import play_and_count, wait_ready
from test_lab_lesson import open_lesson

ROOT = ".hinge-swing-player"


def test_the_swing_prediction_opens_a_player_that_plays_the_cycle(lab, run_notebook, new_page,
                                                                 screenshots):
    p = open_lesson(lab, run_notebook, new_page, "09_hinge_to_sport.ipynb")
    page = p.page
    prediction = page.locator(".hinge-prediction").filter(has_text="kettlebell swing").first
    prediction.scroll_into_view_if_needed()
    prediction.locator("label", has_text="About the same, or the swing").locator(
        "input[type=radio]").check()
    prediction.locator("button", has_text="Lock in").click()
    prediction.locator(".hinge-feedback").filter(has_text="Right.").wait_for()
    player = page.locator(ROOT).first
    player.wait_for()
    answer = prediction.locator(".hinge-reveal")
    answer.filter(has_text="McGill & Marshall").wait_for()
    player.scroll_into_view_if_needed()
    label = page.locator(f"{ROOT} .hinge-player-label").first
    assert label.inner_text() == "0.00 s · backswing"
    page.locator(f"{ROOT} .hinge-player-play").first.click()  # the frames are made on play
    wait_ready(page, ROOT)
    page.locator(f"{ROOT} .hinge-player-play").first.click()  # pause, then back to the top
    page.locator(f"{ROOT} .hinge-player-slider").first.press("Home")
    label.filter(has_text="0.00 s").wait_for()
    times = [round(k / 30, 6) for k in range(33)] + [1.1]  # the player's 30 frames/s
    count = play_and_count(page, ROOT, times)
    print(count)
    page.screenshot(path=screenshots / "lesson9-swing.png")
    assert count.ok(), str(count)
    assert label.inner_text() == "1.10 s · upswing"
    assert p.errors == [], f"the page logged errors: {p.errors}"
