"""Browser speed: slider (or figure) key press to new figure pixels, in JupyterLab.

Run on demand (not part of the test suite; needs /usr/bin/chromium):
``.venv/bin/python benchmarks/browser.py [--n 50] [--style default|projector]``.

It starts JupyterLab and Debian's chromium with the fixtures of the browser
tests (``tests/browser/conftest.py``), opens two notebooks side by side, and
in alternating blocks of ten presses times, for each key press on a slider:

- *src*: key down to the figure's ``<img>`` getting its new ``src`` (a
  MutationObserver), i.e. the kernel has drawn and the PNG has arrived;
- *pixels*: key down to that image's ``load`` event (decoded, ready to paint).

The two notebooks are the Explorer (knee slider up, then hinge depth down: every
press a pose, and so labels, not drawn before) and the floor: one IntSlider
driving a tiny matplotlib Figure rendered to PNG into an ``ipywidgets.Image``
(the browser tests' one-slider notebook). A third page makes the Explorer's
presses on its focused figure instead of its sliders (K, then the right arrow;
H, then the left: ``hinge_sim.ui.keys``). It prints p50 / p95 of each, the
Explorer / floor ratio (target under 1.5) and the figure-keys / slider ratio,
with the machine's load average.
"""
import argparse
import json
import os
import pathlib
import re
import sys

import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
import conftest as browser_fixtures  # noqa: E402  (the browser tests' fixtures, as a plugin)
from test_lab_explorer import ONE_SLIDER, knee_handle, write_notebook  # noqa: E402

BLOCK = 10  # presses per block; the two notebooks alternate blocks
PAUSE_MS = 150  # idle time after each change, so a press never queues behind the last one
INSTRUMENT = """() => {
    const img = document.querySelector('img.hinge-figure');
    const log = window.__hingeTimes = {keys: [], src: [], load: []};
    document.addEventListener('keydown', () => log.keys.push(performance.now()), true);
    new MutationObserver(() => log.src.push(performance.now()))
        .observe(img, {attributes: true, attributeFilter: ['src']});
    img.addEventListener('load', () => log.load.push(performance.now()));
}"""


def slider_handle(page, label):
    """The handle of the first slider whose description matches ``label`` (regex)."""
    slider = page.locator(".widget-slider").filter(
        has=page.locator(".widget-label", has_text=re.compile(label, re.I)))
    return slider.first.locator(".noUi-handle")


def floor_presses(n):
    """Up five, down five, ... on the one-slider notebook's 0-10 slider (starts at 2)."""
    return [("knee", "ArrowRight" if (i // 5) % 2 == 0 else "ArrowLeft") for i in range(n)]


def explorer_presses(n):
    """Knee bend up, then hinge depth down: each press a pose not shown before."""
    return [("knee", "ArrowRight")] * (n // 2) + [("hinge depth", "ArrowLeft")] * (n - n // 2)


def keys_presses(n):
    """The Explorer's presses made on its figure: knee up (K), then hip down (H)."""
    return [("figure k", "ArrowRight")] * (n // 2) + [("figure h", "ArrowLeft")] * (n - n // 2)


def wait_for_load(page, count):
    page.wait_for_function("(n) => window.__hingeTimes.load.length > n", arg=count,
                           timeout=30_000)


def target(page, label):
    """What ``label`` presses: a slider's handle, or the figure with its handle chosen."""
    if label == "knee":
        return knee_handle(page)
    if not label.startswith("figure "):
        return slider_handle(page, label)
    figure, choose = page.locator("img.hinge-figure").first, label.split()[1]
    if getattr(page, "_hinge_chosen", None) != choose:  # untimed: choose the handle
        count = page.evaluate("() => window.__hingeTimes.load.length")
        figure.focus()
        figure.press(choose)
        wait_for_load(page, count)  # the ring drawn where the handle is
        page.wait_for_timeout(PAUSE_MS)
        page._hinge_chosen = choose
    return figure


def press_and_time(page, label, key):
    """Press ``key`` on a slider or the figure; returns (ms to new src, ms to decoded image)."""
    handle = target(page, label)
    count = page.evaluate("() => window.__hingeTimes.load.length")
    handle.focus()
    handle.press(key)
    page.wait_for_function("(n) => window.__hingeTimes.load.length > n", arg=count,
                           timeout=30_000)
    times = page.evaluate("() => window.__hingeTimes")
    key_down = times["keys"][-1]
    page.wait_for_timeout(PAUSE_MS)
    return times["src"][count] - key_down, times["load"][count] - key_down


def summary(ms):
    return dict(zip(("p50", "p95"), np.percentile(ms, [50, 95]).round(1).tolist()))


def test_browser_speed(lab, run_notebook, new_page, screenshots):
    n, style = int(os.environ["HINGE_BENCH_N"]), os.environ["HINGE_BENCH_STYLE"]
    write_notebook(lab.root / "floor.ipynb", ONE_SLIDER)
    write_notebook(lab.root / "explorer.ipynb",
                   f"from hinge_sim.ui import Explorer\n\nExplorer(style={style!r})")
    write_notebook(lab.root / "keys.ipynb",
                   f"from hinge_sim.ui import Explorer\n\nExplorer(style={style!r})")
    pages = {}
    for name in ("floor", "explorer", "keys"):
        page = new_page("laptop").page
        run_notebook(page, f"{name}.ipynb")
        page.locator("img.hinge-figure").first.wait_for()
        page.locator("img.hinge-figure").first.scroll_into_view_if_needed()
        page.evaluate(INSTRUMENT)
        pages[name] = page
    plans = {"floor": floor_presses(n), "explorer": explorer_presses(n), "keys": keys_presses(n)}
    results = {name: {"src": [], "pixels": []} for name in pages}
    load_before = os.getloadavg()
    for start in range(0, n, BLOCK):
        for name, page in pages.items():
            for label, key in plans[name][start:start + BLOCK]:
                src, pixels = press_and_time(page, label, key)
                results[name]["src"].append(src)
                results[name]["pixels"].append(pixels)
    load_after = os.getloadavg()
    for name, page in pages.items():
        page.screenshot(path=screenshots / f"speed-{name}.png")
        assert page.locator(".hinge-message").count() == 0 or \
            page.locator(".hinge-message").first.inner_text().strip() == "", name
    table = {name: {k: summary(v) for k, v in r.items()} for name, r in results.items()}
    ratio = {k: round(table["explorer"]["pixels"][k] / table["floor"]["pixels"][k], 2)
             for k in ("p50", "p95")}
    keys_ratio = {k: round(table["keys"]["pixels"][k] / table["explorer"]["pixels"][k], 2)
                  for k in ("p50", "p95")}
    print(f"\nJupyterLab, chromium, Explorer style {style!r}, {n} key presses each")
    print(f"load average before {load_before[0]:.2f} {load_before[1]:.2f}, "
          f"after {load_after[0]:.2f} {load_after[1]:.2f}")
    print(f"{'':34}{'src p50':>9}{'p95':>8}{'pixels p50':>12}{'p95':>8}  (ms)")
    for name, words in (("floor", "one-slider tiny figure (floor)"), ("explorer", "Explorer"),
                        ("keys", "Explorer, keys on the figure")):
        t = table[name]
        print(f"{words:34}{t['src']['p50']:9.1f}{t['src']['p95']:8.1f}"
              f"{t['pixels']['p50']:12.1f}{t['pixels']['p95']:8.1f}")
    print(f"ratio Explorer / floor, key press to pixels: p50 {ratio['p50']:.2f}, "
          f"p95 {ratio['p95']:.2f} (target under 1.5)")
    print(f"ratio figure keys / slider keys, key press to pixels: p50 {keys_ratio['p50']:.2f}, "
          f"p95 {keys_ratio['p95']:.2f}")
    print(json.dumps({"style": style, "n": n, "load": [load_before, load_after],
                      "table": table, "ratio": ratio, "keys_ratio": keys_ratio}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="key presses per notebook")
    parser.add_argument("--style", default="default", choices=("default", "projector"))
    args = parser.parse_args()
    if args.n < 2:
        parser.error(f"--n = {args.n} is below the valid minimum 2")
    os.environ["HINGE_BENCH_N"], os.environ["HINGE_BENCH_STYLE"] = str(args.n), args.style
    return pytest.main([__file__, "-q", "-s", "-p", "no:cacheprovider",
                        "-o", "python_files=browser.py", "--rootdir", str(ROOT)],
                       plugins=[browser_fixtures])


if __name__ == "__main__":
    sys.exit(main())
