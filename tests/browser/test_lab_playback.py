"""A RepMovie in JupyterLab: the browser plays every frame at real speed.

The movie's FramePlayer holds the frames; a MutationObserver on its canvas
records each frame drawn and when (``playback_watch``). The count is set
against the frames the rep holds, and the time taken against the rep's, with
the kernel idle and with the kernel busy in a ``time.sleep`` cell.
"""
import inspect
import json

import nbformat
import pytest
from conftest import run_all_cells
from playback_watch import play_and_count, wait_ready

from hinge_sim.ui import TempoPlayer

MOVIE = """\
import hinge_sim as hs
from hinge_sim.ui.playback import RepMovie
body = hs.presets.lifter("average man")
rep = hs.simulate(body, hs.presets.posture("standing"), hs.presets.posture("textbook hinge"),
                  "2-0-1-0", hs.presets.load("RDL", 40), fps=60)
movie = RepMovie(rep)
movie
"""
TIMES_CELL = "import json\nprint(json.dumps(movie.frame_times.tolist()))"
BUSY = "import time; time.sleep(20)"
ROOT = ".hinge-rep-movie"


def write(lab, name, *cells):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, str(lab.root / name))


@pytest.fixture(scope="module", autouse=True)
def warm_lab(lab, browser, screenshots):
    """Open and run a one-line notebook first: on a loaded machine the first Run All in a
    fresh JupyterLab was lost (prompts stayed ``[ ]``), which is no part of playback."""
    write(lab, "warm.ipynb", "1 + 1")
    context = browser.new_context()
    page = context.new_page()
    try:
        run_all_cells(page, lab.url("/lab/tree/warm.ipynb?reset"), "warm.ipynb", screenshots,
                      lab.log_tail)
    except pytest.fail.Exception as lost:
        print("warm-up:", str(lost).splitlines()[0])
    finally:
        context.close()


def frame_times(page):
    """The movie's frame times (s), as the kernel printed them."""
    text = page.locator(".jp-OutputArea-output pre").filter(has_text="[").first.inner_text()
    return json.loads(text)


def test_rep_movie_shows_every_frame_at_real_speed(lab, run_notebook, new_page, screenshots):
    write(lab, "movie.ipynb", MOVIE, TIMES_CELL)
    p = new_page("laptop")
    page = p.page
    run_notebook(page, "movie.ipynb")
    wait_ready(page, ROOT)
    assert page.locator(f"{ROOT} input[type=range]").count() == 1  # scrubbing
    times = frame_times(page)
    assert len(times) == 91  # 3 s at 60 frames/s thinned to 30
    count = play_and_count(page, ROOT, times)
    print(count)
    page.screenshot(path=screenshots / "movie-laptop-end.png")
    assert count.ok(), str(count)
    assert page.locator(f"{ROOT} .hinge-player-label").inner_text() == "3.00 s · rising"
    assert p.errors == [], p.errors


def run_new_cell(page, code):
    """Add a cell below the last one, type ``code`` in it and run it (not waiting for it)."""
    page.locator(".jp-Notebook .jp-CodeCell").last.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")  # a new cell below, in command mode
    page.keyboard.press("Enter")
    page.keyboard.type(code)
    page.keyboard.press("Shift+Enter")


def test_rep_movie_plays_on_time_while_the_kernel_is_busy(lab, run_notebook, new_page):
    write(lab, "busy.ipynb", MOVIE, TIMES_CELL)
    p = new_page("laptop")
    page = p.page
    run_notebook(page, "busy.ipynb")
    wait_ready(page, ROOT)
    run_new_cell(page, BUSY)  # the kernel sleeps while the rep plays
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='busy']").wait_for()
    times = frame_times(page)
    assert page.locator(".jp-Notebook-ExecutionIndicator").get_attribute("data-status") == "busy"
    count = play_and_count(page, ROOT, times)
    print("kernel busy:", count)
    assert page.locator(".jp-Notebook-ExecutionIndicator").get_attribute("data-status") == "busy"
    assert count.ok(), str(count)
    assert p.errors == [], p.errors


def test_rep_movie_by_keyboard_and_the_kernel_follows(lab, run_notebook, new_page, screenshots):
    write(lab, "keys.ipynb", MOVIE)
    p = new_page("projector")
    page = p.page
    run_notebook(page, "keys.ipynb")
    wait_ready(page, ROOT)
    picture = page.locator(f"{ROOT} canvas.hinge-player-frame")
    picture.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert picture.get_attribute("data-frame") == "2"
    label = page.locator(f"{ROOT} .hinge-player-label")
    assert label.inner_text() == "0.07 s · lowering"
    slider = page.locator(f"{ROOT} input[type=range]")
    slider.focus()
    page.keyboard.press("End")
    assert picture.get_attribute("data-frame") == "90"
    outline = slider.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"  # focus is visible
    page.screenshot(path=screenshots / "movie-projector-focus.png")
    page.keyboard.press("Space")  # from the end: plays from the start
    page.wait_for_function("() => document.querySelector('.hinge-player-play')"
                           ".textContent.includes('pause')")
    page.wait_for_function("() => Number(document.querySelector('canvas.hinge-player-frame')"
                           ".dataset.frame) > 5")  # under way
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('.hinge-player-play')"
                           ".textContent.includes('play')")
    paused = int(picture.get_attribute("data-frame"))
    assert 0 < paused < 90
    run_new_cell(page, "print('index', movie.player.index)")  # the kernel follows a pause
    out = page.locator(".jp-OutputArea-output pre", has_text="index").first
    out.wait_for()
    assert out.inner_text().strip() == f"index {paused}"
    assert p.errors == [], p.errors


TEMPO = """\
from hinge_sim.ui import TempoPlayer
tp = TempoPlayer(tempo="1-0-1-0")
tp
"""


def test_tempo_player_in_lab_plays_the_frames_it_made_once(lab, run_notebook, new_page,
                                                           screenshots):
    write(lab, "tempo.ipynb", TEMPO)
    p = new_page("laptop")
    page = p.page
    run_notebook(page, "tempo.ipynb")
    root = ".hinge-tempo-player"
    wait_ready(page, root)  # the page asked, the kernel made the frames
    n = int(page.locator(f"{root} input[type=range]").get_attribute("max")) + 1
    fps = inspect.signature(TempoPlayer).parameters["fps"].default
    assert n == round(2 * fps) + 1  # 2 s at the player's own frame rate
    page.locator(root).scroll_into_view_if_needed()
    count = play_and_count(page, root, [k / fps for k in range(n)])
    print("Tempo player:", count)
    page.screenshot(path=screenshots / "tempo-player-laptop.png")
    assert count.ok(), str(count)
    readout = page.locator(f"{root} .hinge-readout")
    readout.filter(has_text="2.00 s of 2.0 s").wait_for()  # the end reached the kernel
    # a new tempo: the kernel's still at once, then the new rep's frames
    box = page.locator(f"{root} input[type=text]").first
    box.fill("1-1-1-0")
    box.press("Enter")
    page.wait_for_function("(root) => document.querySelector(root + ' input[type=range]')"
                           ".max === '60'", arg=root)
    wait_ready(page, root)
    assert p.errors == [], p.errors
