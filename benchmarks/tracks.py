"""Speed of reading and analysing a long tracked set (not a test: numbers vary by machine).

Run: ``.venv/bin/python benchmarks/tracks.py``. Writes a 10-minute track at
60 frames/s (bar, hip, knee, shoulder, foot in pixels, 1 mm noise, a rep every
6 s) as CSV text, then times ``read_track`` and ``analyze_track`` on it.
Target: under 2 s for both together (CPU time is shown too: on a shared
machine the wall time includes waiting for a core).
"""
import io
import time

import numpy as np

from hinge_sim.video import synthetic
from hinge_sim.video.barpath import analyze_track
from hinge_sim.video.tracking import read_track


def long_csv(minutes=10.0, fps=60):
    """CSV text of a long set in pixels (400 px per m), with five tracked points."""
    reps = int(minutes * 60 / 6)
    track, _ = synthetic.bar_track("trapezoid", (2, 1, 1, 2), reps=reps, fps=fps, noise=0.001,
                                   tail=minutes * 60 - 1 - reps * 6 + 2)
    t, bar = track.t, track.points["bar"]
    rng = np.random.default_rng(0)
    cols = {"bar": bar}
    for name, (dx, dy) in {"hip": (-0.25, 0.2), "knee": (-0.05, -0.3), "shoulder": (-0.2, 0.7),
                           "foot": (0.0, -0.8)}.items():
        cols[name] = np.stack([bar[:, 0] + dx, np.full(t.size, 0.8 + dy)], -1) + \
            rng.normal(0, 0.001, (t.size, 2))
    header = ["time_s"] + [f"{n}_{a}_px" for n in cols for a in "xy"]
    data = np.column_stack([t] + [np.column_stack([300 + 400 * v[:, 0], 700 - 400 * v[:, 1]])
                                  for v in cols.values()])
    lines = [",".join(header)] + [f"{r[0]:.4f}," + ",".join(f"{v:.1f}" for v in r[1:])
                                  for r in data]
    return "\n".join(lines) + "\n", len(t)


def main():
    text, frames = long_csv()
    start, cpu = time.perf_counter(), time.process_time()
    track = read_track(io.StringIO(text), scale=1 / 400)
    read, read_cpu = time.perf_counter() - start, time.process_time() - cpu
    reps = analyze_track(track)
    total, total_cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"10-minute track, {frames} frames at 60 frames/s, {len(reps)} reps")
    print(f"read_track:                 {read:6.2f} s wall, {read_cpu:6.2f} s CPU")
    print(f"read_track + analyze_track: {total:6.2f} s wall, {total_cpu:6.2f} s CPU"
          "   (target < 2 s)")


if __name__ == "__main__":
    main()
