"""Time one panel update from Python: model + artists + PNG encode.

Run: ``.venv/bin/python benchmarks/panels.py``. Prints p50 / p95 in ms over
200 Explorer slider changes (default and projector style), Tempo player
frames, and Compare changes. Targets (issue): Explorer p95 under 40 ms.
"""
import time

import numpy as np

from hinge_sim.ui import Compare, Explorer, TempoPlayer


def timed(label, change, n=200):
    change(0)  # warm-up
    ms = []
    for i in range(1, n + 1):
        t = time.perf_counter()
        change(i)
        ms.append((time.perf_counter() - t) * 1000)
    p50, p95 = np.percentile(ms, [50, 95])
    print(f"{label:<44} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   (n={n})")


def main():
    for style in ("default", "projector"):
        ex = Explorer(style=style)
        timed(f"Explorer hip slider, {style}", lambda i: ex.controls["hip"].__setattr__(
            "value", 60 + i % 40))
        ex = Explorer(style=style, overlays=("com", "midfoot", "hip_to_bar", "moments"),
                      ghost="standing")
        timed(f"Explorer, all overlays + ghost, {style}", lambda i: ex.controls["hip"].__setattr__(
            "value", 60 + i % 40))
    tp = TempoPlayer()
    n = tp.controls["frame"].max
    timed("TempoPlayer frame (play at 20 fps: 50 ms budget)",
          lambda i: tp.controls["play"].__setattr__("value", i % n))
    timed("TempoPlayer new tempo (simulate + full redraw)",
          lambda i: tp.controls["tempo"].__setattr__("value", f"{2 + i % 3}-1-1-0"), n=30)
    cmp = Compare()
    timed("Compare load slider", lambda i: cmp.controls["load"].__setattr__("value", 20 + i % 60),
          n=50)


if __name__ == "__main__":
    main()
