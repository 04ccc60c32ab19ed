"""Playback in Voila: every frame at real speed, with the kernel idle and busy.

A RepMovie in a notebook served by Voila, beside a button whose callback keeps
the kernel asleep for 20 s; and the workshop dashboard's Tempo player (served
as ``make workshop`` serves it), whose frames the kernel makes once when the
page asks. Frames are counted with ``playback_watch``.
"""
import inspect
import json
import re

import nbformat
import pytest
from conftest import voila_server
from playback_watch import play_and_count, wait_ready
from test_voila_dashboard import STEP_TABS
from workshop_server import workshop

from hinge_sim.ui import TempoPlayer

MOVIE = """\
import json, time
import ipywidgets as widgets
import hinge_sim as hs
from hinge_sim.ui.playback import RepMovie
body = hs.presets.lifter("average man")
rep = hs.simulate(body, hs.presets.posture("standing"), hs.presets.posture("textbook hinge"),
                  "2-0-1-0", hs.presets.load("RDL", 40), fps=60)
movie = RepMovie(rep)
status = widgets.HTML("idle")
status.add_class("busy-status")
busy = widgets.Button(description="keep the kernel busy for 20 s")

def sleep(_):
    status.value = "busy"
    time.sleep(20)
    status.value = "idle"

busy.on_click(sleep)
times = widgets.HTML(json.dumps(movie.frame_times.tolist()))
times.add_class("frame-times")
widgets.VBox([movie.widget, busy, status, times])
"""
#: Voila 0.5.13's page links Font Awesome from a CDN this machine cannot reach; the
#: workshop server removes the link (tools/workshop/app.py), plain Voila does not.
FONT_CDN = re.compile(r"^https://cdn\.jsdelivr\.net/.*font-?awesome", re.I)


def real_errors(p):
    """The page's console errors, less the one failed Font Awesome stylesheet load."""
    return [(text, url) for text, url in p.errors
            if not (FONT_CDN.match(url) and text.startswith("Failed to load resource"))]


@pytest.fixture(scope="module")
def voila_movie(tmp_path_factory, jupyter_env, browser):
    folder = tmp_path_factory.mktemp("movie")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(MOVIE)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, str(folder / "movie.ipynb"))
    server = voila_server(folder / "movie.ipynb", tmp_path_factory, jupyter_env)
    yield server
    server.stop()


def test_rep_movie_in_voila_every_frame_idle_and_busy(voila_movie, new_page, screenshots):
    p = new_page("laptop")
    page = p.page
    page.goto(voila_movie.url("/"))
    root = ".hinge-rep-movie"
    wait_ready(page, root, timeout=120_000)
    times = json.loads(page.locator(".frame-times").inner_text())
    idle = play_and_count(page, root, times)
    print("Voila, kernel idle:", idle)
    page.screenshot(path=screenshots / "voila-movie-laptop.png")
    page.locator(f"{root} input[type=range]").fill("0")  # back to the start
    page.get_by_role("button", name="keep the kernel busy").click()
    page.locator(".busy-status", has_text="busy").wait_for()
    busy = play_and_count(page, root, times)
    print("Voila, kernel busy:", busy)
    assert page.locator(".busy-status").inner_text() == "busy"  # asleep all along
    assert idle.ok(), str(idle)
    assert busy.ok(), str(busy)
    assert real_errors(p) == [], p.errors


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory, jupyter_env, browser):
    yield from workshop(tmp_path_factory, jupyter_env, pool=1)


def test_dashboard_tempo_player_plays_at_real_speed(dashboard, new_page, screenshots):
    p = new_page("projector")
    page = p.page
    page.goto(dashboard.url("/"))
    root = ".hinge-tempo-player"
    page.locator(STEP_TABS).nth(2).click()  # the dashboard's third step: the Tempo player
    wait_ready(page, root, timeout=120_000)  # the kernel made the frames the page asked for
    n = int(page.locator(f"{root} input[type=range]").get_attribute("max")) + 1
    fps = inspect.signature(TempoPlayer).parameters["fps"].default
    assert n == round(5.0 * fps) + 1  # 3-1-1-0: 5 s
    page.locator(root).scroll_into_view_if_needed()
    count = play_and_count(page, root, [k / fps for k in range(n)])
    print("dashboard Tempo player:", count)
    page.locator(root).screenshot(path=screenshots / "voila-tempo-player-projector.png")
    assert count.ok(), str(count)
    # a pause tells the kernel: the words below the figure follow the frame
    slider = page.locator(f"{root} input[type=range]")
    slider.focus()
    page.keyboard.press("Home")
    readout = page.locator(f"{root} .hinge-readout")
    readout.filter(has_text=re.compile(r"^0\.00 s")).wait_for()
    assert p.errors == [], p.errors
