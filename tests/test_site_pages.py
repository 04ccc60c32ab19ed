"""The course website's pages, links and static rendering, as pure functions (tools/site)."""
import base64
import json
import re
import urllib.parse

import pytest

from hinge_sim import course, progress
from tools.site import handout, pages, static
from tools.site.build import NOTEBOOKS, launch_cell, page_notebook

pytestmark = pytest.mark.checkout
HUB = pages.Launch(repo="coach/hinge-sim", branch="spring", hub="https://hub.example.org/")


def lesson(stem):
    return json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text())


def test_pages_are_the_contents_then_every_lesson_in_course_order():
    assert pages.pages() == ["contents", *course.STEMS]
    for stem in pages.pages():
        assert (NOTEBOOKS / f"{stem}.ipynb").is_file(), stem


def test_toc_roots_at_the_contents_and_lists_the_lessons_in_order():
    toc = pages.toc(pages.pages())
    assert toc["root"] == "contents"
    assert [c["file"] for c in toc["chapters"]] == course.STEMS
    with pytest.raises(ValueError, match="contents"):
        pages.toc(["01_what_not_to_do"])
    with pytest.raises(ValueError, match="99_nothing"):
        pages.toc(["contents", "99_nothing"])


def test_every_link_between_notebooks_points_to_a_page_of_the_site():
    linked = set()
    for stem in pages.pages():
        for cell in lesson(stem)["cells"]:
            if cell["cell_type"] == "markdown":
                linked |= set(re.findall(r"\]\(([\w.-]+)\.ipynb\)", "".join(cell["source"])))
    assert linked, "the lessons link to one another"
    assert linked <= set(pages.pages()), linked - set(pages.pages())


def test_binder_opens_the_learners_copy_that_postbuild_prepares():
    url = pages.binder_url("05_tempo", HUB)
    assert url == ("https://mybinder.org/v2/gh/coach/hinge-sim/spring"
                   "?urlpath=lab/tree/my-course/05_tempo.ipynb")
    assert pages.binder_url("05_tempo").startswith(
        f"https://mybinder.org/v2/gh/{pages.PLACEHOLDER_REPO}/main?")


def test_hub_link_is_an_nbgitpuller_link_to_the_lesson():
    url = urllib.parse.urlsplit(pages.hub_url("02_knee_bend", HUB))
    assert (url.scheme, url.netloc, url.path) == (
        "https", "hub.example.org", "/hub/user-redirect/git-pull")
    query = urllib.parse.parse_qs(url.query)
    assert query == {"repo": ["https://github.com/coach/hinge-sim"], "branch": ["spring"],
                     "urlpath": ["lab/tree/hinge-sim/notebooks/02_knee_bend.ipynb"]}
    with pytest.raises(ValueError, match="hub"):
        pages.hub_url("02_knee_bend", pages.Launch())


def test_launch_links_per_page_with_and_without_a_hub():
    names = [name for name, _, _ in pages.launch_links("00_start_here", HUB)]
    assert names == ["Binder", "Your course hub", "On your computer"]
    names = [name for name, _, _ in pages.launch_links("00_start_here")]
    assert names == ["Binder", "On your computer"]
    assert pages.local_url("00_start_here") == "http://localhost:8888/lab/tree/00_start_here.ipynb"
    cell = launch_cell("00_start_here", HUB)["source"]
    assert cell.count('class="hinge-launch-link"') == 3
    assert 'href="handouts/00_start_here.pdf"' in cell
    assert "handouts/" not in launch_cell("instructor_guide", HUB, handout=False)["source"]


@pytest.mark.parametrize("field, value", [("repo", "no-slash"), ("repo", "a/b c"),
                                          ("branch", "main; rm"), ("hub", "hub.example.org"),
                                          ("binder", "ftp://binder"), ("hub", "https://h?x=1")])
def test_bad_launch_settings_name_the_setting(field, value):
    with pytest.raises(ValueError, match=rf"{field} = "):
        pages.Launch(**{field: value})


def test_unknown_page_is_refused_with_the_list():
    with pytest.raises(ValueError, match="choose from"):
        pages.binder_url("12_missing")


def test_config_loads_nothing_from_a_cdn_and_offers_no_sources():
    config = pages.book_config(HUB)
    text = json.dumps(config)
    assert "cdn" not in text.lower() and "jsdelivr" not in text and "unpkg" not in text
    sphinx = config["sphinx"]["config"]
    assert sphinx["nb_ipywidgets_js"] == {}
    assert not sphinx["mathjax_path"].startswith(("http", "//"))
    assert sphinx["html_copy_source"] is False
    assert sphinx["html_theme_options"]["use_download_button"] is False
    assert config["execute"]["execute_notebooks"] == "off"


def test_prediction_steps_are_read_from_the_code_and_every_lesson_has_some():
    everything = {}
    for stem in course.STEMS:
        steps = pages.prediction_steps(lesson(stem))
        assert set(steps.values()) <= {"prediction", "estimate"}
        assert all(progress.lesson_of(k) == stem for k in steps), stem
        everything.update(steps)
    assert "prediction" in everything.values() and "estimate" in everything.values()
    keys = {k for stem in course.STEMS for k in course.notebook_keys(NOTEBOOKS / f"{stem}.ipynb")}
    assert set(everything) < keys, "quizzes are not opened"


def test_opened_progress_saves_each_step_as_shown(tmp_path):
    data = pages.opened_progress({"05_tempo/peak": "prediction", "00_start_here/bw": "estimate"})
    (tmp_path / progress.FILENAME).write_text(json.dumps(data))
    with progress.using(tmp_path):
        assert progress.step("05_tempo/peak")["state"] == "skipped"
        assert progress.step("00_start_here/bw")["kind"] == "estimate"
    with pytest.raises(ValueError, match="quiz"):
        pages.opened_progress({"05_tempo/q": "quiz"})


# -- static rendering of widget views -------------------------------------------------------
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\nfake").decode()
ANSWER_FEEDBACK = "Right: shear doubles because"
EXPLAIN = "The peak is 4200 N because"


def model(name, children=(), classes=(), layout=None, buffers=None, **state):
    st = {"_dom_classes": list(classes), **state}
    if children:
        st["children"] = [f"IPY_MODEL_{c}" for c in children]
    if layout:
        st["layout"] = f"IPY_MODEL_{layout}"
    out = {"model_name": name, "state": st}
    if buffers:
        out["buffers"] = buffers
    return out


def opened_prediction():
    """The widget state of a prediction opened as the build opens it, with a panel."""
    return {
        "q": model("VBoxModel", ["css", "text", "radio", "buttons", "feedback", "reveal"],
                   ["hinge-question", "hinge-prediction", "hinge-predict"]),
        "css": model("HTMLModel", layout="none", value="<style>.x{}</style>"),
        "none": model("LayoutModel", display="none"),
        "text": model("HTMLModel", value="<b>Which load changes most?</b>"),
        "radio": model("RadioButtonsModel", _options_labels=["Compression", "Shear"],
                       value=None),
        "buttons": model("HBoxModel", ["lock"]),
        "lock": model("ButtonModel", description="Lock in"),
        "feedback": model("HTMLModel", classes=["hinge-feedback"],
                          value=f"You skipped. The answer: Shear. {ANSWER_FEEDBACK}"),
        "reveal": model("VBoxModel", ["explain", "panel"], ["hinge-reveal"]),
        "explain": model("HTMLModel", classes=["hinge-explain"], value=EXPLAIN),
        "panel": model("VBoxModel", ["slider", "image", "words"]),
        "slider": model("FloatSliderModel", description="back rounding (°)", value=0.0),
        "image": model("ImageModel", classes=["hinge-figure"], format="png",
                       buffers=[{"path": ["value"], "encoding": "base64", "data": PNG}]),
        "words": model("HTMLModel", value="Compression 3100 N"),
    }


def test_a_prediction_shows_its_options_and_folds_its_panel_without_the_answer():
    page = static.output_html("q", opened_prediction())
    assert "Which load changes most?" in page
    assert "<li>Compression</li>" in page and "<li>Shear</li>" in page
    assert ANSWER_FEEDBACK not in page and EXPLAIN not in page and "The answer" not in page
    assert "<style>" not in page and "Lock in" not in page
    fold = page[page.index("<details"):page.index("</details>")]
    assert f"data:image/png;base64,{PNG}" in fold
    assert "Compression 3100 N" in fold
    assert "back rounding (°)" in fold, "the live note names the panel's controls"


def test_a_panel_alone_shows_its_figure_and_the_live_note():
    state = opened_prediction()
    page = static.output_html("panel", state)
    assert "<details" not in page and f"base64,{PNG}" in page
    assert static.LIVE_NOTE in page
    assert static.png_bytes(f"data:image/png;base64,{PNG}").startswith(b"\x89PNG")


def test_hidden_views_and_controls_draw_nothing():
    state = opened_prediction()
    assert static.output_html("css", state) == ""
    assert static.output_html("slider", state) == ""


def test_static_notebook_drops_the_state_and_the_code_that_names_the_answer():
    notebook = {"metadata": {"widgets": {static.WIDGET_STATE: {"state": opened_prediction()}}},
                "cells": [
                    {"cell_type": "code", "metadata": {}, "source": "Prediction('?', {}, 'a')",
                     "outputs": [{"output_type": "display_data",
                                  "data": {static.WIDGET_VIEW: {"model_id": "q"},
                                           "text/plain": "VBox()"}}]},
                    {"cell_type": "code", "metadata": {}, "source": "Explorer()", "outputs": []},
                    {"cell_type": "code", "metadata": {"tags": ["progress"]}, "source": "x",
                     "outputs": []}]}
    page = static.static_notebook(notebook)
    assert "widgets" not in page["metadata"]
    assert len(page["cells"]) == 2
    assert "remove-input" in page["cells"][0]["metadata"]["tags"]
    assert page["cells"][0]["source"] == static.QUESTION_SOURCE
    assert "remove-input" not in page["cells"][1]["metadata"].get("tags", [])
    (out,) = page["cells"][0]["outputs"]
    assert set(out["data"]) == {"text/html"}
    assert ANSWER_FEEDBACK not in json.dumps(page)
    assert notebook["metadata"]["widgets"], "the executed notebook is left as it was"


def test_questions_and_the_worksheet_ask_without_answering():
    notebook = {"metadata": {"widgets": {static.WIDGET_STATE: {"state": opened_prediction()}}},
                "cells": [{"cell_type": "markdown", "metadata": {},
                           "source": "# 5 · Tempo\n\n**You will learn** to pause"},
                          {"cell_type": "code", "metadata": {}, "source": "",
                           "outputs": [{"output_type": "display_data",
                                        "data": {static.WIDGET_VIEW: {"model_id": "q"}}}]}]}
    (q,) = static.questions(notebook)
    assert q == {"kind": "prediction", "question": "<b>Which load changes most?</b>",
                 "options": ["Compression", "Shear"]}
    sheet = handout.worksheet_html("05_tempo", notebook, HUB)
    assert "Which load changes most?" in sheet and sheet.count('class="box"') == 2
    assert "You will learn" in sheet
    assert ANSWER_FEEDBACK not in sheet and EXPLAIN not in sheet
    assert "http" not in sheet.replace(pages.binder_url("05_tempo", HUB), "")


def test_the_contents_page_gets_launch_links_and_the_handouts():
    executed = lesson("contents")
    page = page_notebook("contents", executed, HUB, ["00_start_here", "05_tempo"])
    text = json.dumps(page)
    assert "site-launch" in text and "handouts/05_tempo.pdf" in text
    assert not any("progress" in c["metadata"].get("tags", []) for c in page["cells"])
    assert "Your progress" not in text and "hinge-progress.json" not in text
    assert page["cells"][1]["id"] == "site-launch", "the launch links follow the introduction"
