"""The workshop dashboard served as ``make workshop`` serves it, in a real browser.

No code on the page, live controls, nothing fetched from outside this machine, a
closed page frees its kernel, and each step (tab) fits one screen, from 1920 x 1080
down to a 1280 x 720 projector zoomed to 150 %, with no text box or button cut.
Speed (the first figure within 5 s) is measured by ``benchmarks/workshop_load.py``,
not here: on a shared 2-core machine the browser's own script start-up dominates
and varies.
"""
import ast
import contextlib
import json
import pathlib
import re
import time

import pytest
from conftest import SCREENS
from test_lab_grab import slider_value
from workshop_server import kernels, workshop

ROOT = pathlib.Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "notebooks" / "workshop" / "dashboard.ipynb"
STEP_TABS = ".hinge-step-tabs > .lm-TabBar .lm-TabBar-tab"
PANELS = ("hinge-explorer", "hinge-compare", "hinge-tempo-player")  # the steps, in order
#: Screens each step must fit: CSS viewport and zoom (device pixels per CSS pixel).
FIT = {
    "1920x1080": dict(viewport={"width": 1920, "height": 1080}, device_scale_factor=1),
    "1920x1080-zoom150": SCREENS["projector"],
    "1280x720-zoom150": dict(viewport={"width": 853, "height": 480}, device_scale_factor=1.5),
    "tablet-1024": dict(viewport={"width": 1024, "height": 768}, device_scale_factor=2),
}
# How tall the page and the shown step are, what is cut, and where the figure sits.
# Voila scrolls a box inside the page, not the document: the step's bottom edge is
# how far the room would have to scroll.
MEASURE = """(panelClass) => {
  const shown = e => e.offsetParent !== null;
  const panel = [...document.querySelectorAll('.hinge-steps .' + panelClass)].find(shown);
  const step = panel.closest('.widget-tab-contents');
  const cut = e => e.scrollWidth > e.clientWidth;
  const words = e => (e.value || e.textContent).trim();
  const inputs = [...panel.querySelectorAll('input[type=text], textarea')].filter(shown);
  const buttons = [...document.querySelectorAll(
      '.hinge-steps button, .hinge-steps .lm-TabBar-tabLabel')].filter(shown);
  // text sticking out sideways of the tab that holds it (a tab clips it)
  const wide = [...panel.querySelectorAll(
      'table, .widget-label, .widget-readout, input, select, button')].filter(shown)
      .filter(e => e.getBoundingClientRect().right >
                   e.closest('.widget-tab-contents').getBoundingClientRect().right + 1)
      .map(e => words(e).slice(0, 40) + ' ' + e.getBoundingClientRect().right);
  // the figure: an image, or the Tempo player's canvas (its frames played in the browser)
  const img = panel.querySelector('.hinge-figure');
  const box = img.getBoundingClientRect();
  const natural = img.tagName === 'CANVAS' ? [img.width, img.height]
                                           : [img.naturalWidth, img.naturalHeight];
  return {
    page: Math.max(document.documentElement.scrollHeight, document.body.scrollHeight),
    step: step.getBoundingClientRect().bottom + window.scrollY,
    stepScrolls: step.scrollHeight > step.clientHeight + 1,
    wide,
    viewport: [window.innerWidth, window.innerHeight],
    inputs: inputs.map(e => [words(e), e.scrollWidth, e.clientWidth]),
    cutInputs: inputs.filter(cut).map(words),
    buttons: buttons.length,
    cutButtons: buttons.filter(cut).map(words),
    figure: [box.left, box.top, box.right, box.bottom],
    ratio: [natural[0] / natural[1], box.width / box.height],
  };
}"""
CODE = ".jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .cm-editor, .CodeMirror, .jp-InputPrompt"


def demo_order():
    """The ``DEMO_ORDER`` list assigned in the dashboard's code."""
    cells = json.loads(DASHBOARD.read_text())["cells"]
    for cell in (c for c in cells if c["cell_type"] == "code"):
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "DEMO_ORDER":
                return ast.literal_eval(node.value)
    raise AssertionError("the dashboard defines no DEMO_ORDER")


@pytest.fixture(scope="module")
def voila_dashboard(tmp_path_factory, jupyter_env, browser):
    """The workshop server (``python -m tools.workshop``) with a pool of 2 kernels."""
    yield from workshop(tmp_path_factory, jupyter_env, pool=2)


def off_machine(p):
    """Watch ``p``'s requests; the returned list fills with those not to 127.0.0.1."""
    seen = []
    p.page.on("request", lambda r: r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1",
                                                     "data:", "blob:")) or seen.append(r.url))
    return seen


def test_dashboard_runs_without_code_and_responds(voila_dashboard, new_page, screenshots):
    p = new_page("projector")
    page = p.page
    outside = off_machine(p)
    page.goto(voila_dashboard.url("/"))
    page.locator("#rendered_cells").wait_for(state="visible", timeout=120_000)
    for panel in PANELS:
        page.locator(f".{panel}").first.wait_for(state="attached")
    page.screenshot(path=screenshots / "dashboard-projector.png", full_page=True)

    assert page.locator(CODE).count() == 0, "the dashboard shows code"
    text = page.inner_text("body")
    assert "DEMO_ORDER" not in text and "from hinge_sim" not in text

    explorer = page.locator(".hinge-explorer").first
    menu = explorer.locator(".widget-dropdown").filter(
        has=page.locator(".widget-label", has_text=re.compile("posture", re.I))).locator("select")
    order = demo_order()
    shown = [t.replace("\xa0", " ") for t in menu.locator("option").all_inner_texts()]
    assert shown == order

    figure = explorer.locator("img.hinge-figure").first
    readout = explorer.locator(".hinge-readout").first
    before_src, before_text = figure.get_attribute("src"), readout.inner_text()
    menu.select_option(index=1)
    page.wait_for_function("([el, old]) => el.src !== old",
                           arg=[figure.element_handle(), before_src])
    assert readout.inner_text() != before_text
    assert explorer.locator(".hinge-message").first.inner_text().strip() == ""
    assert p.errors == [], f"the page logged errors: {p.errors}"
    assert outside == [], f"the page fetched from outside this machine: {outside}"
    page.screenshot(path=screenshots / "dashboard-projector-changed.png")



@contextlib.contextmanager
def dashboard_page(voila_dashboard, browser, screen):
    """The dashboard open in a fresh browser context of ``screen`` (a ``FIT`` entry),
    its step tabs shown; the context is closed after."""
    context = browser.new_context(**screen)
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(voila_dashboard.url("/"))
        page.locator(STEP_TABS).first.wait_for(timeout=120_000)
        yield page
    finally:
        context.close()

def open_step(page, k):
    """Click the k-th step's tab; wait until its panel and figure show."""
    page.locator(STEP_TABS).nth(k).click()
    panel = page.locator(f".hinge-steps .{PANELS[k]}").first
    panel.wait_for(state="visible")
    figure = panel.locator(".hinge-figure").first  # an image, or the Tempo player's canvas
    figure.wait_for(state="visible")
    page.wait_for_function("(f) => f.tagName === 'CANVAS' ? f.width > 0 && f.height > 0 "
                           ": f.complete && f.naturalWidth > 0", arg=figure.element_handle())


@pytest.mark.parametrize("screen", sorted(FIT))
def test_each_step_fits_one_screen_with_nothing_cut(voila_dashboard, browser, screenshots,
                                                    screen):
    """Issue 14: the page was 4571 px tall at 1920 x 1080, "3-" showed of "3-1-1-0",
    "Freeze gh..." was cut, and the tempo plot's time axis fell off a zoomed screen."""
    with dashboard_page(voila_dashboard, browser, FIT[screen]) as page:
        labels = page.locator(STEP_TABS + " .lm-TabBar-tabLabel")
        titles = [t.strip() for t in labels.all_inner_texts()]
        assert titles == ["1. Explore", "2. Compare", "3. Tempo"]
        inputs = []
        for k, panel in enumerate(PANELS):
            open_step(page, k)
            # every tab of the step's controls, the tallest (Lifter, Differences) too
            groups = page.locator(f".hinge-steps .{panel} .hinge-controls .lm-TabBar-tab")
            assert groups.count() >= 2
            for g in range(groups.count()):
                name = groups.nth(g).inner_text().strip()
                groups.nth(g).click()
                inputs += check_step(page, panel, f"{screen}, step {k + 1} ({panel}), tab {name}")
                page.screenshot(path=screenshots / f"dashboard-{screen}-{k + 1}-{name}.png")
            groups.first.click()
        assert {v for v, _, _ in inputs} == {"3-1-1-0"}, inputs  # the tempo box was checked


def check_step(page, panel, where):
    """The shown step fits the window, nothing cut, the figure whole; its text boxes."""
    m = page.evaluate(MEASURE, panel)
    width, height = m["viewport"]
    assert m["page"] <= height, f"{where}: the page is {m['page']} px tall > {height}"
    assert m["step"] <= height and not m["stepScrolls"], f"{where}: {m}"
    assert m["wide"] == [], f"{where}: wider than its box: {m['wide']}"
    assert m["cutInputs"] == [], f"{where}: text boxes cut: {m['inputs']}"
    assert m["buttons"] >= 4 and m["cutButtons"] == [], f"{where}: {m['cutButtons']}"
    left, top, right, bottom = m["figure"]
    assert left >= 0 and top >= 0 and right <= width and bottom <= height, (where, m)
    assert m["ratio"][1] == pytest.approx(m["ratio"][0], rel=0.02), \
        f"{where}: the figure is squashed: {m['ratio']}"
    return m["inputs"]


@pytest.fixture(scope="module")
def dashboard_figures():
    """The three steps' figures as the dashboard makes them, built here: their text sizes."""
    from hinge_sim.ui import Compare, Explorer, TempoPlayer
    return {
        "hinge-explorer": Explorer(posture="standing", presets=demo_order(), style="projector",
                                   layout="side").fig,
        "hinge-compare": Compare(left=dict(lifter="average man", posture="textbook hinge"),
                                 right=dict(lifter="average man", posture="rounded back"),
                                 style="projector", layout="side").fig,
        "hinge-tempo-player": TempoPlayer(top="standing", bottom="textbook hinge",
                                          tempo="3-1-1-0", style="projector",
                                          layout="side").fig,
    }


SHOWN = """(panelClass) => {
  const panel = [...document.querySelectorAll('.hinge-steps .' + panelClass)]
      .find(e => e.offsetParent !== null);
  const f = panel.querySelector('.hinge-figure');
  return [f.getBoundingClientRect().width, f.tagName === 'CANVAS' ? f.width : f.naturalWidth];
}"""


@pytest.mark.parametrize("screen", [
    "1920x1080", "1920x1080-zoom150",
    pytest.param("1280x720-zoom150", marks=pytest.mark.xfail(
        strict=True, reason="the 1200 px figure shows 425 px wide: its 20 px text is 7 CSS px; "
                            "it needs a figure laid out for that width"))])
def test_figure_text_is_at_least_12_css_px(voila_dashboard, browser, dashboard_figures, screen):
    """Each step's figure as shown: its smallest text (px in the PNG, scaled by the
    width the page shows the PNG at) is at least ``viz.MIN_TEXT_PX`` CSS px."""
    from hinge_sim import viz
    with dashboard_page(voila_dashboard, browser, FIT[screen]) as page:
        sizes = {}
        for k, panel in enumerate(PANELS):
            open_step(page, k)
            shown, natural = page.evaluate(SHOWN, panel)
            fig = dashboard_figures[panel]
            assert natural == round(fig.get_figwidth() * fig.dpi), (panel, natural)
            sizes[panel] = viz.smallest_text(fig, shown)
        small = {p: s for p, s in sizes.items() if s[0] < viz.MIN_TEXT_PX}
        assert small == {}, f"{screen}: text under {viz.MIN_TEXT_PX} CSS px: {sizes}"


def test_the_lifter_is_posed_from_the_keyboard(voila_dashboard, browser, screenshots):
    """In Voila too (``ipyevents`` hears keys only under the mouse): Shift+Tab from Reset
    reaches the Explore step's figure (after the words beside it), K and two right arrows
    bend the knees 2°, and the step still fits a 1280 x 720 projector at 150 % with the
    keys' line shown."""
    with dashboard_page(voila_dashboard, browser, FIT["1280x720-zoom150"]) as page:
        open_step(page, 0)
        panel = page.locator(".hinge-steps .hinge-explorer").first
        figure = panel.locator("img.hinge-figure").first
        knee = slider_value(panel, "knee bend")
        panel.locator(".hinge-controls button", has_text="Reset").first.focus()
        for _ in range(3):  # back past the words under the figure (a scroll box stops Tab)
            page.keyboard.press("Shift+Tab")
            if figure.evaluate("(f) => f === document.activeElement"):
                break
        assert figure.evaluate("(f) => f === document.activeElement"), "Shift+Tab missed it"
        page.keyboard.press("k")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "([el, v]) => [...el.querySelectorAll('.widget-slider')].some(s => "
            "s.innerText.includes('knee bend') && "
            "parseFloat(s.querySelector('.widget-readout').innerText) === v)",
            arg=[panel.element_handle(), knee + 2])
        status = panel.locator(".hinge-keys-status").first
        page.wait_for_function("(el) => el.innerText.includes(' chosen: knee bend')",
                               arg=status.element_handle())
        assert status.is_visible()
        check_step(page, "hinge-explorer", "1280x720-zoom150, the figure focused")
        page.screenshot(path=screenshots / "dashboard-keys-knee-1280x720-zoom150.png")


def running(server, kernel_id):
    """Whether a kernel process of ``kernel_id`` (named by its connection file) runs."""
    return any(kernel_id in " ".join(k.cmdline()) for k in kernels(server))


def test_closing_the_page_frees_its_kernel(voila_dashboard, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(voila_dashboard.url("/"))
    page.locator(".hinge-explorer img.hinge-figure").first.wait_for(timeout=120_000)
    kernel_id = page.evaluate("JSON.parse(document.getElementById("
                              "'jupyter-config-data').textContent).kernelId")
    assert running(voila_dashboard, kernel_id)
    page.close(run_before_unload=True)       # the page's beforeunload beacon
    context.close()
    end = time.monotonic() + 20
    while running(voila_dashboard, kernel_id):
        assert time.monotonic() < end, "the closed page's kernel still runs after 20 s"
        time.sleep(0.5)
    assert "'_xsrf' argument missing" not in voila_dashboard.log_tail(400_000)
