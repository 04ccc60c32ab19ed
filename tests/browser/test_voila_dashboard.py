"""The workshop dashboard served by Voila, in a real browser: no code, live controls."""
import ast
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "notebooks" / "workshop" / "dashboard.ipynb"
PANELS = ("hinge-explorer", "hinge-compare", "hinge-tempo-player")
CODE = ".jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .cm-editor, .CodeMirror, .jp-InputPrompt"


def demo_order():
    """The ``DEMO_ORDER`` list assigned in the dashboard's code."""
    for cell in json.loads(DASHBOARD.read_text())["cells"]:
        for node in ast.walk(ast.parse("".join(cell["source"]))) if cell["cell_type"] == "code" else ():
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "DEMO_ORDER":
                return ast.literal_eval(node.value)
    raise AssertionError("the dashboard defines no DEMO_ORDER")


def page_errors(p):
    """Errors the page logged, less failed loads of resources from outside this machine
    (Voila's template links a web font stylesheet; these machines have no internet)."""
    return [(text, url) for text, url in p.errors
            if not (text.startswith("Failed to load resource") and "127.0.0.1" not in url)]


def test_dashboard_runs_without_code_and_responds(voila_dashboard, new_page, screenshots):
    p = new_page("projector")
    page = p.page
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
    assert page_errors(p) == [], f"the page logged errors: {page_errors(p)}"
    page.screenshot(path=screenshots / "dashboard-projector-changed.png")
    for panel in PANELS[1:]:
        page.locator(f".{panel}").first.scroll_into_view_if_needed()
        page.screenshot(path=screenshots / f"dashboard-{panel}.png")
