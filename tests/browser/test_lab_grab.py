"""Drag the lifter's hip on the Explorer's figure in JupyterLab: the hinge-depth slider
follows and the gauges change."""
import re

from test_lab_explorer import write_notebook

from hinge_sim.ui import Explorer
from hinge_sim.ui.grab import png_size
from hinge_sim.viz.grab import data_to_pixel


def slider_value(page, label):
    row = page.locator(".widget-slider").filter(
        has=page.locator(".widget-label", has_text=re.compile(label, re.I))).first
    return float(row.locator(".widget-readout").inner_text())


def test_drag_the_hip_to_hinge(lab, run_notebook, new_page, screenshots):
    same = Explorer()  # the page's Explorer, drawn the same: where its hip is on the PNG
    size = png_size(same.png)
    hip = data_to_pixel(same.stick.ax, same.result.points["hip"], size)
    write_notebook(lab.root / "grab.ipynb", "from hinge_sim.ui import Explorer\n\nExplorer()")
    p = new_page("laptop")
    page = p.page
    run_notebook(page, "grab.ipynb")
    figure = page.locator("img.hinge-figure").first
    figure.wait_for()
    figure.scroll_into_view_if_needed()
    box = figure.bounding_box()
    scale = box["width"] / size[0]
    start = (box["x"] + hip[0] * scale, box["y"] + hip[1] * scale)
    depth = slider_value(page, "hinge depth")
    readout = page.locator(".hinge-readout").first.inner_text()

    page.mouse.move(*start)
    page.mouse.down()
    for step in range(1, 6):  # hips back and down: a deeper hinge
        page.mouse.move(start[0] - 6 * step * scale, start[1] + 2 * step * scale)
        page.wait_for_timeout(120)
    page.mouse.up()
    page.wait_for_function(
        "(old) => document.querySelector('.hinge-readout').innerText !== old", arg=readout)
    assert slider_value(page, "hinge depth") > depth + 5
    page.screenshot(path=screenshots / "explorer-grabbed-laptop.png")
    assert page.locator(".hinge-message").first.inner_text().strip() == ""
    assert p.errors == [], p.errors
