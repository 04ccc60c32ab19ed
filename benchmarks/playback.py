"""Playback speed in the browser: frames shown per second, FramePlayer against the old Stack.

Run on demand (not part of the test suite; needs /usr/bin/chromium):
``.venv/bin/python benchmarks/playback.py [--repeats 3]``.

It starts JupyterLab and Voila with the fixtures of the browser tests
(``tests/browser/conftest.py``) on one notebook that shows the same rep's
frames (3 s at 30 frames/s, 91 frames) two ways:

- *FramePlayer*: :class:`hinge_sim.ui.playback.RepMovie`, the browser holds the
  frames and draws each at its time (``requestAnimationFrame``);
- *Stack*: the way RepMovie played before: each frame an ``ipywidgets.Image``
  in an ``ipywidgets.Stack``, a ``Play`` timer jslinked to the shown child.

Each is played ``--repeats`` times, alternating, in each server; a
MutationObserver records every frame shown. It prints the frames shown (of
90), the time taken against the rep's 2.97 s, the frames shown per second,
and the FramePlayer / Stack ratio of frames per second, with the load average.
"""
import argparse
import json
import os
import pathlib
import sys

import nbformat
import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
import conftest as browser_fixtures  # noqa: E402  (the browser tests' fixtures, as a plugin)
from playback_watch import play_and_count, wait_ready  # noqa: E402

NOTEBOOK = """\
import json
import ipywidgets as widgets
import hinge_sim as hs
from hinge_sim.ui.playback import RepMovie
body = hs.presets.lifter("average man")
rep = hs.simulate(body, hs.presets.posture("standing"), hs.presets.posture("textbook hinge"),
                  "2-0-1-0", hs.presets.load("RDL", 40), fps=60)
movie = RepMovie(rep)
# the old way, from the same frames: a Stack of Images driven by a jslinked Play
images = [widgets.Image(value=png, format="png") for png in movie.pngs]
for k, image in enumerate(images):
    image.add_class(f"hinge-frame-{k}")
stack = widgets.Stack(images, selected_index=0)
play = widgets.Play(value=0, min=0, max=len(images) - 1, interval=movie.interval_ms)
widgets.jslink((play, "value"), (stack, "selected_index"))
old = widgets.VBox([play, stack])
old.add_class("old-stack")
times = widgets.HTML(json.dumps(movie.frame_times.tolist()))
times.add_class("frame-times")
widgets.VBox([movie.widget, old, times])
"""
STACK_WATCH = """() => {
    window.hingeShown = [];
    const root = document.querySelector('.old-stack');
    let last = null;
    const look = () => {
        const img = [...root.querySelectorAll('img')].find(i => i.offsetParent !== null);
        const k = img && [...img.classList].find(c => c.startsWith('hinge-frame-'));
        if (k && k !== last) {
            last = k;
            window.hingeShown.push([Number(k.slice(12)), performance.now()]);
        }
    };
    new MutationObserver(look).observe(root, {childList: true, subtree: true, attributes: true,
                                              attributeFilter: ['class', 'src', 'style']});
    look();
}"""


def play_stack(page, times):
    """Play the old Stack from frame 0 to its end; (frames shown of n - 1, s, frames/s)."""
    buttons = page.locator(".old-stack .widget-play button")  # play/pause, stop, repeat
    buttons.nth(1).click()  # stop: back at frame 0
    page.wait_for_timeout(300)
    page.evaluate(STACK_WATCH)
    buttons.first.click()
    n = len(times)
    page.wait_for_function("(n) => window.hingeShown.some(s => s[0] === n - 1)", arg=n,
                           timeout=60_000)
    shown = page.evaluate("() => window.hingeShown")
    first = next(t for k, t in shown if k == 1)
    last = next(t for k, t in shown if k == n - 1)
    distinct = {k for k, _ in shown} - {0}
    elapsed = (last - first) / 1000.0
    return len(distinct), elapsed, (len(distinct) - 1) / elapsed


def play_frames(page, times):
    page.locator(".hinge-rep-movie input[type=range]").fill("0")
    count = play_and_count(page, ".hinge-rep-movie", times)
    return count.shown, count.elapsed, count.per_s


def measure(page, repeats):
    wait_ready(page, ".hinge-rep-movie", timeout=120_000)
    page.locator(".old-stack img").first.wait_for()
    times = json.loads(page.locator(".frame-times").inner_text())
    results = {"FramePlayer": [], "Stack": []}
    for _ in range(repeats):
        results["FramePlayer"].append(play_frames(page, times))
        results["Stack"].append(play_stack(page, times))
    return times, results


def report(where, times, results):
    duration = times[-1] - times[1]
    print(f"\n{where}: {len(times) - 1} frames to show in {duration:.2f} s")
    print(f"{'':14}{'shown':>8}{'time (s)':>10}{'frames/s':>10}  (median of runs)")
    medians = {}
    for name, runs in results.items():
        shown, elapsed, per_s = np.median(np.asarray(runs), axis=0)
        medians[name] = per_s
        print(f"{name:14}{shown:8.0f}{elapsed:10.2f}{per_s:10.1f}")
    ratio = medians["FramePlayer"] / medians["Stack"]
    print(f"ratio FramePlayer / Stack, frames shown per second: {ratio:.2f}")
    return {"where": where, "runs": results, "ratio": round(ratio, 2)}


def write(path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(NOTEBOOK)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, str(path))


def test_playback_speed(lab, run_notebook, new_page, tmp_path_factory, jupyter_env):
    repeats = int(os.environ["HINGE_BENCH_REPEATS"])
    load_before = os.getloadavg()
    write(lab.root / "playback.ipynb")
    page = new_page("laptop").page
    run_notebook(page, "playback.ipynb")
    out = [report("JupyterLab", *measure(page, repeats))]
    folder = tmp_path_factory.mktemp("bench")
    write(folder / "playback.ipynb")
    voila = browser_fixtures.voila_server(folder / "playback.ipynb", tmp_path_factory,
                                          jupyter_env)
    try:
        page = new_page("laptop").page
        page.goto(voila.url("/"))
        out.append(report("Voila", *measure(page, repeats)))
    finally:
        voila.stop()
    load_after = os.getloadavg()
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} "
          f"({os.cpu_count()} cores)")
    print(json.dumps(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="plays of each, per server")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error(f"--repeats = {args.repeats} is below the valid minimum 1")
    os.environ["HINGE_BENCH_REPEATS"] = str(args.repeats)
    return pytest.main([__file__, "-q", "-s", "--tb=short", "-p", "no:cacheprovider",
                        "-o", "python_files=playback.py", "--rootdir", str(ROOT)],
                       plugins=[browser_fixtures])


if __name__ == "__main__":
    sys.exit(main())
