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


FOCUSABLE = (".hinge-explorer img.hinge-figure, .hinge-explorer .noUi-handle, "
             ".hinge-explorer select, .hinge-explorer button, .hinge-explorer input")
TAB_WALK = """(sel) => {
    const all = [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null);
    return all.map(e => e.outerHTML.slice(0, 80));
}"""


def test_tab_reaches_every_explorer_control(lab, run_notebook, new_page, screenshots):
    """Keyboard only: from the figure (the panel's first stop), Tab visits every shown
    control in the panel, each showing a focus ring."""
    write_notebook(lab.root / "tab.ipynb", "from hinge_sim.ui import Explorer\n\nExplorer()")
    p = new_page("laptop")
    page = p.page
    run_notebook(page, "tab.ipynb")
    page.locator(LIVE).first.wait_for()
    shown = page.evaluate(TAB_WALK, FOCUSABLE)
    assert len(shown) > 15, shown
    assert "hinge-figure" in shown[0], shown[:2]  # the figure takes focus too, first
    page.locator(FOCUSABLE).nth(1).focus()
    page.keyboard.press("Shift+Tab")  # back to the figure, by the keyboard
    reached, unringed = set(), []
    for _ in range(3 * len(shown)):
        here = page.evaluate("""(sel) => {
            const e = document.activeElement;
            if (!e || !e.matches(sel)) return null;
            const s = getComputedStyle(e);
            return [e.outerHTML.slice(0, 80), s.outlineStyle !== 'none' || s.boxShadow !== 'none'];
        }""", FOCUSABLE)
        if here is not None:
            reached.add(here[0])
            if not here[1]:
                unringed.append(here[0])
        page.keyboard.press("Tab")
    missing = [e for e in shown if e not in reached]
    assert not missing, f"{len(missing)} controls Tab never reaches: {missing[:5]}"
    assert not unringed, f"focused without a visible ring: {unringed[:5]}"
    assert p.errors == [], p.errors


def test_a_dark_jupyterlab_theme_darkens_the_figure(lab, run_notebook, new_page, screenshots):
    write_notebook(lab.root / "dark.ipynb", "from hinge_sim.ui import Explorer\n\nExplorer()")
    p = new_page("laptop")
    page = p.page
    run_notebook(page, "dark.ipynb")
    figure = page.locator("img.hinge-figure").first
    figure.wait_for()
    assert figure.evaluate("(f) => getComputedStyle(f).filter") == "none"
    try:
        theme(page, "JupyterLab Dark")
        page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'")
        assert "invert" in figure.evaluate("(f) => getComputedStyle(f).filter")
        figure.scroll_into_view_if_needed()
        page.screenshot(path=screenshots / "explorer-dark-laptop.png")
    finally:  # the theme is a saved setting of the lab the other tests share
        theme(page, "JupyterLab Light")
        page.wait_for_function("() => document.body.dataset.jpThemeLight === 'true'")
    assert p.errors == [], p.errors


def theme(page, name):
    """Choose a JupyterLab theme from the Settings menu, as a learner would."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Settings").click()
    page.locator(".lm-Menu-itemLabel", has_text="Theme").first.hover()
    page.locator(".lm-Menu-itemLabel").get_by_text(name, exact=True).click()
