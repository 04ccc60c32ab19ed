"""Drag the lifter's hip on the Explorer's figure in JupyterLab, or move it with the keys:
the hinge-depth slider follows and the gauges change."""
import re

from test_lab_explorer import write_notebook

from hinge_sim.ui import Explorer
from hinge_sim.ui.grab import png_size
from hinge_sim.viz.grab import data_to_pixel


def slider_value(scope, label):
    """The readout of the slider labelled ``label`` in ``scope`` (a page or a panel)."""
    row = scope.locator(".widget-slider").filter(has_text=re.compile(label, re.I)).first
    return float(row.locator(".widget-readout").inner_text())


def open_explorer(lab, run_notebook, new_page, screen):
    """The Explorer on a page; (page wrapper, where its hip is on the screen, CSS px per PNG px)."""
    same = Explorer()  # the page's Explorer, drawn the same: where its hip is on the PNG
    size = png_size(same.png)
    hip = data_to_pixel(same.stick.ax, same.result.points["hip"], size)
    write_notebook(lab.root / "grab.ipynb", "from hinge_sim.ui import Explorer\n\nExplorer()")
    p = new_page(screen)
    run_notebook(p.page, "grab.ipynb")
    figure = p.page.locator("img.hinge-figure").first
    figure.wait_for()
    figure.scroll_into_view_if_needed()
    box = figure.bounding_box()
    scale = box["width"] / size[0]
    return p, (box["x"] + hip[0] * scale, box["y"] + hip[1] * scale), scale


def hips_back(start, scale, steps=5):
    """Points of a drag that takes the hips back and down: a deeper hinge."""
    return [(start[0] - 6 * k * scale, start[1] + 2 * k * scale) for k in range(1, steps + 1)]


def test_drag_the_hip_to_hinge(lab, run_notebook, new_page, screenshots):
    p, start, scale = open_explorer(lab, run_notebook, new_page, "laptop")
    page = p.page
    depth = slider_value(page, "hinge depth")
    readout = page.locator(".hinge-readout").first.inner_text()
    page.mouse.move(*start)
    page.mouse.down()
    for point in hips_back(start, scale):
        page.mouse.move(*point)
        page.wait_for_timeout(120)
    page.mouse.up()
    page.wait_for_function(
        "(old) => document.querySelector('.hinge-readout').innerText !== old", arg=readout)
    assert slider_value(page, "hinge depth") > depth + 5
    page.screenshot(path=screenshots / "explorer-grabbed-laptop.png")
    assert page.locator(".hinge-message").first.inner_text().strip() == ""
    assert p.errors == [], p.errors


def test_a_finger_drags_the_hip_on_a_tablet(lab, run_notebook, new_page, screenshots):
    """At 1024 px, by touch: the figure fits the width and a finger on the hip hinges."""
    p, start, scale = open_explorer(lab, run_notebook, new_page, "tablet")
    page = p.page
    assert page.locator("img.hinge-figure").first.bounding_box()["width"] <= 1024
    depth = slider_value(page, "hinge depth")
    cdp = page.context.new_cdp_session(page)

    def touch(kind, point):
        points = [] if kind == "touchEnd" else [{"x": point[0], "y": point[1]}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", start)
    for point in hips_back(start, scale):
        touch("touchMove", point)
        page.wait_for_timeout(120)
    touch("touchEnd", None)
    page.wait_for_function(
        "([label, old]) => [...document.querySelectorAll('.widget-slider')].some(s => "
        "s.innerText.includes(label) && parseFloat(s.querySelector('.widget-readout')"
        ".innerText) > old + 5)", arg=["hinge depth", depth])
    page.screenshot(path=screenshots / "explorer-grabbed-tablet.png")
    assert p.errors == [], p.errors


LIVE = ".hinge-live-text[role='status']"
STATUS = ".hinge-keys-status[role='status']"


def wait_for_depth(page, value):
    page.wait_for_function(
        "([label, v]) => [...document.querySelectorAll('.widget-slider')].some(s => "
        "s.innerText.includes(label) && parseFloat(s.querySelector('.widget-readout')"
        ".innerText) === v)", arg=["hinge depth", value])


def test_pose_the_hip_from_the_keyboard(lab, run_notebook, new_page, screenshots):
    """Shift+Tab from the first control reaches the figure, which shows a focus ring and
    says its keys; H chooses the hip (ringed on the figure), the arrows move the hinge-depth
    slider a step a press, and the gauges and the live words follow. JupyterLab's own
    command keys (B, K, L, arrows) do not act on the notebook meanwhile."""
    p, _, _ = open_explorer(lab, run_notebook, new_page, "laptop")
    page = p.page
    figure = page.locator("img.hinge-figure").first
    cells = page.locator(".jp-Cell").count()
    src = figure.get_attribute("src")
    page.locator(".hinge-explorer select").first.focus()  # the first control after the figure
    page.keyboard.press("Shift+Tab")
    assert figure.evaluate("(f) => f === document.activeElement"), "Shift+Tab missed the figure"
    assert figure.evaluate("(f) => getComputedStyle(f).outlineStyle") != "none", "no focus ring"
    assert figure.get_attribute("role") == "application"
    assert "H for the hip" in figure.get_attribute("aria-label")
    depth = slider_value(page, "hinge depth")
    readout = page.locator(".hinge-readout").first.inner_text()
    words = page.locator(LIVE).first.inner_text()
    page.wait_for_function("(old) => document.querySelector('img.hinge-figure').src !== old",
                           arg=src)  # focused: the chosen handle (the hip at first) is ringed
    page.keyboard.press("h")
    page.wait_for_function("(sel) => document.querySelector(sel).innerText.includes('Hip chosen')",
                           arg=STATUS)
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    wait_for_depth(page, depth + 3)
    page.keyboard.press("ArrowDown")
    wait_for_depth(page, depth + 2)
    page.wait_for_function("([sel, text]) => document.querySelector(sel).innerText.includes(text)",
                           arg=[LIVE, f"hips flexed {depth + 2:.0f}°"])
    assert page.locator(".hinge-readout").first.inner_text() != readout
    assert page.locator(LIVE).first.inner_text() != words
    status = page.locator(STATUS).first
    assert status.is_visible() and f"hinge depth {depth + 2:.0f}°" in status.inner_text()
    assert figure.evaluate("(f) => f === document.activeElement")  # focus stays on the figure
    figure.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "explorer-keys-hip-laptop.png")
    page.keyboard.press("b")  # the bar now; not JupyterLab's "insert a cell below"
    page.wait_for_function("(sel) => document.querySelector(sel).innerText.includes('Bar chosen')",
                           arg=STATUS)
    assert page.locator(".jp-Cell").count() == cells
    assert page.locator(".hinge-message").first.inner_text().strip() == ""
    assert p.errors == [], p.errors
