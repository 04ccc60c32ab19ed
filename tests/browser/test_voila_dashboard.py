"""The workshop dashboard served as ``make workshop`` serves it, in a real browser.

No code on the page, live controls, nothing fetched from outside this machine, and a
closed page frees its kernel. Speed (the first figure within 5 s) is measured by
``benchmarks/workshop_load.py``, not here: on a shared 2-core machine the browser's own
script start-up dominates and varies.
"""
import ast
import json
import pathlib
import re
import time

import pytest
from workshop_server import kernels, start_workshop

ROOT = pathlib.Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "notebooks" / "workshop" / "dashboard.ipynb"
PANELS = ("hinge-explorer", "hinge-compare", "hinge-tempo-player")
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
    server = start_workshop(tmp_path_factory, jupyter_env,
                            "--VoilaConfiguration.default_pool_size=2")
    yield server
    server.stop()


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
        page.locator(f".{panel}").first.wait_for()
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
    for panel in PANELS[1:]:
        page.locator(f".{panel}").first.scroll_into_view_if_needed()
        page.screenshot(path=screenshots / f"dashboard-{panel}.png")


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
