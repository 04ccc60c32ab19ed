"""The Explorer for a keyboard and a screen reader, in JupyterLab: the words view is a live
region that says the new pose and loads after a change made from the keyboard."""
import re

from test_lab_explorer import knee_handle, write_notebook

LIVE = ".hinge-live-text[role='status'][aria-live='polite']"


def test_keyboard_change_is_said_in_the_live_words(lab, run_notebook, new_page, screenshots):
    write_notebook(lab.root / "words.ipynb", "from hinge_sim.ui import Explorer\n\nExplorer()")
    p = new_page("laptop")
    page = p.page
    run_notebook(page, "words.ipynb")
    live = page.locator(LIVE).first
    live.wait_for()
    before = live.inner_text()
    knee = int(re.search(r"knees bent (\d+)°", before).group(1))
    assert "L5/S1 compression" in before and "balance" in before

    handle = knee_handle(page)
    handle.focus()
    outline = handle.evaluate("(h) => getComputedStyle(h).outlineStyle + ' ' + "
                              "getComputedStyle(h).boxShadow")
    assert outline != "none none", "the focused slider handle shows no focus ring"
    handle.press("ArrowRight")
    page.wait_for_function("([sel, old]) => document.querySelector(sel).innerText !== old",
                           arg=[LIVE, before])
    after = live.inner_text()
    assert f"knees bent {knee + 1}°" in after, after
    page.screenshot(path=screenshots / "explorer-words-laptop.png", full_page=True)
    assert p.errors == [], p.errors
