"""The course website, built into a temporary folder and opened in chromium.

The build runs the lessons it includes (as ``make site`` runs all of them),
prints their handouts and renders the book; the page is then opened from disk
with every request that leaves the machine aborted and recorded.
"""
import html
import json
import pathlib
import re

import pytest

from tools.site import build, pages, static

pytestmark = [pytest.mark.slow, pytest.mark.checkout]
LESSONS = ["00_start_here", "01_what_not_to_do", "05_tempo"]
LAUNCH = pages.Launch(repo="coach/hinge-sim", branch="main", hub="https://hub.example.org")


@pytest.fixture(scope="module")
def site(tmp_path_factory, browser):   # browser first: skips (or fails in CI) without chromium
    out = tmp_path_factory.mktemp("site") / "html"
    index = build.build(out, LAUNCH, LESSONS, workers=2, log=print)
    return index.parent


def open_offline(new_page, url):
    """Open ``url``; return (page, requests that tried to leave the machine, failed loads)."""
    page = new_page()
    outside, failed = [], []

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()
    page.context.route("**/*", route)
    page.page.on("requestfailed", lambda req: failed.append(req.url))
    page.page.goto(url)
    page.page.wait_for_load_state("load")
    return page, outside, failed


def hidden_texts(executed):
    """Plain text of every verdict and explanation the executed lesson's widgets hold."""
    state = static.widget_state(json.loads(executed.read_text()))
    texts = []
    for m in state.values():
        if set(m["state"].get("_dom_classes", [])) & static.HIDDEN_CLASSES:
            plain = html.unescape(re.sub(r"<[^>]+>", " ", m["state"].get("value", "")))
            plain = " ".join(plain.split())
            if len(plain) > 30:
                texts.append(plain[-60:])
    return texts


def test_contents_to_a_lesson_offline_with_launch_links_pictures_and_handout(
        site, new_page, screenshots):
    page, outside, failed = open_offline(new_page, (site / "index.html").as_uri())
    p = page.page
    p.wait_for_url("**/contents.html")   # index.html sends the browser to the root page
    p.wait_for_load_state("load")
    p.screenshot(path=screenshots / "site-contents.png", full_page=True)
    lesson_link = p.locator("article a", has_text=pages.title("01_what_not_to_do")).first
    lesson_link.click()
    p.wait_for_url("**/01_what_not_to_do.html")
    p.wait_for_load_state("load")
    p.screenshot(path=screenshots / "site-lesson.png")

    links = {a.get_attribute("data-launch"): a.get_attribute("href")
             for a in p.locator("a.hinge-launch-link").all()}
    assert links == {"Binder": pages.binder_url("01_what_not_to_do", LAUNCH),
                     "Your course hub": pages.hub_url("01_what_not_to_do", LAUNCH),
                     "On your computer": pages.local_url("01_what_not_to_do", LAUNCH)}

    for fold in p.locator("details.hinge-after > summary").all():
        fold.click()
    p.locator("img.hinge-figure").first.wait_for()
    sizes = p.evaluate("[...document.querySelectorAll('img.hinge-figure')]"
                       ".map(i => [i.complete, i.naturalWidth, i.getBoundingClientRect().width])")
    assert len(sizes) >= 3, sizes
    assert all(done and natural >= 400 and shown > 200 for done, natural, shown in sizes), sizes
    p.locator("details.hinge-after").first.scroll_into_view_if_needed()
    p.screenshot(path=screenshots / "site-lesson-figure.png")

    text = p.inner_text("article")
    assert p.locator(".hinge-question ol.hinge-options li").count() >= 8
    secrets = hidden_texts(site.parent / (site.name + ".work") / "executed"
                           / "01_what_not_to_do.ipynb")
    assert secrets, "the build opened the predictions, so the state holds their verdicts"
    shown = [s for s in secrets if s in " ".join(text.split())]
    assert not shown, f"answers on the page: {shown}"
    assert "prediction(" not in p.content().lower(), "the code naming the answers is off the page"

    href = p.locator("a.hinge-handout").first.get_attribute("href")
    assert href == pages.handout_name("01_what_not_to_do")
    pdf = (site / href).read_bytes()
    assert pdf.startswith(b"%PDF-") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 1
    assert outside == [], f"requests left the machine: {outside}"
    assert failed == [], f"files the page could not load: {failed}"


def test_every_built_lesson_has_a_handout_and_its_pictures(site, new_page):
    for stem in LESSONS:
        assert (site / pages.handout_name(stem)).stat().st_size > 5_000, stem
        page, outside, failed = open_offline(new_page, (site / f"{stem}.html").as_uri())
        natural = page.page.evaluate(
            "[...document.querySelectorAll('img.hinge-figure')].map(i => i.naturalWidth)")
        assert natural and min(natural) > 0, (stem, natural)
        assert outside == [] and failed == [], (stem, outside, failed)
        page.close()


def test_the_site_holds_no_notebook_sources_or_widget_state(site):
    assert not list(pathlib.Path(site).rglob("*.ipynb"))
    for page in pathlib.Path(site).glob("*.html"):
        text = page.read_text()
        assert static.WIDGET_STATE not in text and "require.js" not in text, page.name
        assert not re.search(r"""(src|href)=["'](https?:)?//""", text.split("<article")[0]), \
            f"{page.name} loads something from elsewhere in its head"
