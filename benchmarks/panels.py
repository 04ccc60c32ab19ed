"""Time one panel update from Python: model + artists + PNG encode.

Run: ``.venv/bin/python benchmarks/panels.py``. Prints p50 / p95 in ms over
200 Explorer slider changes (default and projector style, with and without
every overlay and a ghost), Tempo player scrubs, new reps and their frames, and
Compare changes, with the machine's load average (other work on the 2 cores
shows in the numbers) and the way the text cache draws on this matplotlib.

Explorer rows are timed twice: "new labels" forgets the cached text bitmaps
before each change (every number on the figure drawn anew, the honest case
for a learner dragging to values not seen yet), "seen labels" keeps them (a
slider dragged back over values already shown). Target (issue): Explorer p95
under 40 ms.
"""
import os
import time

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from hinge_sim.ui import Compare, Explorer, TempoPlayer
from hinge_sim.viz import textcache

ALL = ("com", "midfoot", "hip_to_bar", "moments")


def timed(label, change, n=200, fresh=False):
    change(0)  # warm-up
    ms = []
    for i in range(1, n + 1):
        if fresh:
            textcache.clear()
        t = time.perf_counter()
        change(i)
        ms.append((time.perf_counter() - t) * 1000)
    p50, p95 = np.percentile(ms, [50, 95])
    print(f"{label:<64} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   (n={n})")
    return p50, p95


def main():
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    way = textcache.status(textcache.install(FigureCanvasAgg(Figure()).get_renderer()))
    print(f"matplotlib {matplotlib.__version__}, text cache: {way}")
    for style in ("default", "projector"):
        for name, kw in (("", {}),
                         (", all overlays + ghost", dict(overlays=ALL, ghost="standing"))):
            ex = Explorer(style=style, **kw)
            for fresh in (True, False):
                timed(f"Explorer hip slider, {style}{name}, {'new' if fresh else 'seen'} labels",
                      lambda i: ex.controls["hip"].__setattr__("value", 60 + i % 40), fresh=fresh)
    tp = TempoPlayer()
    n = len(tp.rep.t)
    timed("TempoPlayer paused frame (scrub: the words and the still)",
          lambda i: tp.goto((i % n) / tp.fps))
    timed("TempoPlayer new tempo (simulate + the still the browser shows)",
          lambda i: tp.controls["tempo"].__setattr__("value", f"{2 + i % 3}-1-1-0"), n=30)

    def new_rep_and_frames(i):
        tp.controls["tempo"].__setattr__("value", f"{2 + i % 3}-1-1-0")
        tp.player.fill()  # every frame, once: then the browser plays them by itself

    timed(f"TempoPlayer new tempo + all {n} frames for the browser", new_rep_and_frames, n=5)
    cmp = Compare()
    timed("Compare load slider", lambda i: cmp.controls["load"].__setattr__("value", 20 + i % 60),
          n=50)
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
