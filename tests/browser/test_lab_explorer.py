"""The Explorer in JupyterLab in a real browser: run all cells, move a slider, see it change.

The same steps run on a one-slider notebook first: it proves the harness sees a
changed figure at all, so a failure on the Explorer is the Explorer's.
"""
import re

import nbformat
import pytest

ONE_SLIDER = """\
import io
import ipywidgets as w
from matplotlib.figure import Figure

fig = Figure(figsize=(3, 2))
line, = fig.add_subplot(ylim=(0, 10)).plot([0, 1], [0, 2])

def png():
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()

knee = w.IntSlider(value=2, min=0, max=10, description="knee")
image = w.Image(value=png(), format="png").add_class("hinge-figure")
readout = w.HTML(f"knee {knee.value}").add_class("hinge-readout")
message = w.HTML("").add_class("hinge-message")

def update(change):
    line.set_ydata([0, change.new])
    image.value = png()
    readout.value = f"knee {change.new}"

knee.observe(update, "value")
w.VBox([knee, image, readout, message])
"""

NOTEBOOKS = {
    "one_slider": [ONE_SLIDER],
    "explorer": ["#md # The Explorer in the browser",
                 "from hinge_sim.ui import Explorer\n\nExplorer()"],
}
ERROR_OUTPUT = ('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
                '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')


def write_notebook(path, *sources):
    """Write a notebook of code cells (markdown when a source starts with '#md')."""
    cells = [nbformat.v4.new_markdown_cell(s[3:].strip()) if s.startswith("#md")
             else nbformat.v4.new_code_cell(s) for s in sources]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, str(path))
    return path


def knee_handle(page):
    """The handle of the slider whose description mentions the knee."""
    slider = page.locator(".widget-slider").filter(
        has=page.locator(".widget-label", has_text=re.compile("knee", re.I)))
    return slider.first.locator(".noUi-handle")


@pytest.mark.parametrize("name", list(NOTEBOOKS))
def test_slider_changes_figure_and_readout(name, lab, run_notebook, new_page, screenshots):
    write_notebook(lab.root / f"{name}.ipynb", *NOTEBOOKS[name])
    p = new_page("laptop")
    page = p.page
    run_notebook(page, f"{name}.ipynb")

    figure = page.locator("img.hinge-figure").first
    figure.wait_for()
    figure.scroll_into_view_if_needed()
    readout = page.locator(".hinge-readout").first
    before_src, before_text = figure.get_attribute("src"), readout.inner_text()
    page.screenshot(path=screenshots / f"{name}-laptop-before.png")

    handle = knee_handle(page)
    handle.focus()
    handle.press("ArrowRight")
    page.wait_for_function("(old) => document.querySelector('img.hinge-figure').src !== old",
                           arg=before_src)
    page.wait_for_function(
        "(old) => document.querySelector('.hinge-readout').innerText !== old", arg=before_text)
    assert figure.get_attribute("src") != before_src
    assert readout.inner_text() != before_text
    if name == "explorer":  # off the preset: the menu no longer names it (ipywidgets
        # writes the options' spaces as no-break spaces)
        menu = page.locator(".widget-dropdown").filter(
            has=page.locator("label", has_text=re.compile("^posture$"))).locator("select")
        shown = "s.options[s.selectedIndex].text.replace(/\\s/g, ' ')"
        page.wait_for_function(f"(s) => {shown} === '(own pose)'", arg=menu.element_handle())
        assert menu.evaluate(f"(s) => {shown}") == "(own pose)"
        assert menu.evaluate("(s) => s.options.length") == 7  # the six presets, then it
        menu.screenshot(path=screenshots / "explorer-own-pose-menu.png")

    assert page.locator(ERROR_OUTPUT).count() == 0, page.locator(ERROR_OUTPUT).first.inner_text()
    assert page.locator(".hinge-message").first.inner_text().strip() == ""
    assert p.errors == [], f"the page logged errors: {p.errors}"

    page.screenshot(path=screenshots / f"{name}-laptop-after.png")
    # the same notebook on a 1920x1080 projector with the page zoomed to 150 %
    big = new_page("projector").page
    run_notebook(big, f"{name}.ipynb")
    big.locator("img.hinge-figure").first.wait_for()
    big.locator("img.hinge-figure").first.scroll_into_view_if_needed()
    big.screenshot(path=screenshots / f"{name}-projector.png")
