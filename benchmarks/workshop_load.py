"""A class on one laptop: 30 simulated students on the workshop server (127.0.0.1).

Run: ``.venv/bin/python benchmarks/workshop_load.py [--students 30] [--spread 60]``.
Not a test: the numbers depend on the machine and on what else runs on it.

1. Starts ``python -m tools.workshop`` (its own HOME, a free port, a fresh token).
2. Students arrive one by one, evenly over ``--spread`` seconds (0: all at once). Each
   opens the dashboard and asks for the widgets' state over the kernel websocket, as
   the page does (:mod:`tools.workshop.student`); its *first figure* time runs from the
   page request to the Explorer's PNG in hand. A browser adds its own script start-up
   to this (6 to 10 s in chromium on a busy 2-core machine; in a classroom each
   student's own laptop does that work).
3. All students drag a slider at once, ``--drags`` times each with a short pause; the
   *slider latency* runs from the new value sent to the new figure received.
4. Memory of each kernel process (resident, and unique to it), then every student
   leaves (the page's close beacon) and the kernels still running are counted after
   ``--settle`` seconds (the pre-heated pool stays, by design).

The class starts once the pool's kernels have run the dashboard and gone idle.
"""
import argparse
import asyncio
import json
import os
import pathlib
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time

import psutil
from tornado.httpclient import AsyncHTTPClient

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.processes import free_port, kernel_processes  # noqa: E402
from tools.workshop.launch import POOL_FILLED, command  # noqa: E402
from tools.workshop.student import Student  # noqa: E402


def start_server(home, port, token, pool, log):
    """Start the launcher in the background; return the process once its pool is full."""
    env = dict(os.environ, HOME=str(home), JUPYTER_PLATFORM_DIRS="1",
               MPLCONFIGDIR=str(home / "mpl"), PYTHONPATH=str(ROOT))
    argv = command(port, token, "--no-qr")
    if pool is not None:
        argv.append(f"--VoilaConfiguration.default_pool_size={pool}")
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    end = time.monotonic() + 180
    while POOL_FILLED not in pathlib.Path(log.name).read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > end:
            raise SystemExit(f"server did not start; see {log.name}")
        time.sleep(0.5)
    return proc


def wait_until_heated(proc, quiet=3, limit=300):
    """Wait until the pool has run the dashboard: kernels idle for ``quiet`` 1-s samples.

    The launcher's "pool is filled" log line comes when the pool's kernels have started,
    before they have run the notebook; an instructor starts the server before the class.
    """
    end, calm = time.monotonic() + limit, 0
    while calm < quiet and time.monotonic() < end:
        kernels = kernel_processes(proc.pid)
        for k in kernels:
            k.cpu_percent(None)
        time.sleep(1)
        busy = sum(k.cpu_percent(None) for k in kernels if k.is_running())
        calm = calm + 1 if busy < 10 else 0


async def arrive(base, token, delay):
    """One student: wait ``delay`` s, open the page, get the widgets; (student, seconds)."""
    await asyncio.sleep(delay)
    s = Student(base, token, timeout=300)
    start = time.monotonic()
    code = await s.open_page()
    if code != 200:
        return s, None, code
    await s.connect()
    await s.request_states()
    figure = s.figures()[0]
    if ("value",) not in s.states[figure][2]:
        raise RuntimeError("the widget state came without the figure's PNG")
    return s, time.monotonic() - start, code


async def drag(s, times, rng):
    """Move the Explorer's first slider ``times`` times; return the latencies (s)."""
    slider, figure = s.models("FloatSliderModel")[0], s.figures()[0]
    state = s.states[slider][1]
    low, high, step = state["min"], state["max"], state["step"]
    value, out = state["value"], []
    for _ in range(times):
        value = value + step if value + step <= high else low
        out.append(await s.set_value(slider, value, figure))
        await asyncio.sleep(rng.uniform(0.2, 0.6))
    return out


def spread(values):
    """Median, 90th percentile and largest of ``values`` (s), as text."""
    v = sorted(values)
    p90 = v[min(len(v) - 1, int(round(0.9 * (len(v) - 1))))]
    return f"median {statistics.median(v):.2f} s, 90 % {p90:.2f} s, max {v[-1]:.2f} s"


async def lesson(base, token, args, proc):
    """Arrivals, dragging, memory, departures; prints the figures."""
    # tornado's client queues all but 10 requests by default: let every student in
    AsyncHTTPClient.configure(None, max_clients=2 * args.students)
    gap = args.spread / max(args.students - 1, 1)
    arrivals = await asyncio.gather(*(arrive(base, token, i * gap)
                                      for i in range(args.students)))
    seated = [s for s, t, code in arrivals if t is not None]
    firsts = [t for _, t, _ in arrivals if t is not None]
    refused = [code for _, t, code in arrivals if t is None]
    print(f"first figure ({len(firsts)} students, arriving over {args.spread:g} s): "
          f"{spread(firsts)}; within 5 s: {sum(t < 5 for t in firsts)}/{len(firsts)}"
          + (f"; refused: {refused}" if refused else ""))

    latencies = await asyncio.gather(*(drag(s, args.drags, random.Random(i))
                                       for i, s in enumerate(seated)))
    flat = [x for row in latencies for x in row]
    print(f"slider latency, {len(seated)} students dragging at once: {spread(flat)}")

    kernels = kernel_processes(proc.pid)
    rss = [k.memory_info().rss / 2**20 for k in kernels]
    uss = [k.memory_full_info().uss / 2**20 for k in kernels]
    server = psutil.Process(proc.pid).memory_info().rss / 2**20
    print(f"kernels running: {len(kernels)} (students {len(seated)} + pool); per kernel "
          f"resident {statistics.median(rss):.0f} MB, unique {statistics.median(uss):.0f} MB "
          f"(median); server process {server:.0f} MB; "
          f"total {sum(rss) / 1024 + server / 1024:.1f} GB resident")

    codes = [await s.leave() for s in seated]
    await asyncio.sleep(args.settle)
    left = len(kernel_processes(proc.pid))
    print(f"after every student left ({args.settle:g} s): {left} kernels running "
          f"(pre-heated, kept for late arrivals); close beacons answered {sorted(set(codes))}")


def main():
    """Parse the options, run one lesson, stop the server."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--students", type=int, default=30, choices=range(1, 101), metavar="1-100")
    p.add_argument("--spread", type=float, default=60.0, help="arrival window (s)")
    p.add_argument("--drags", type=int, default=10, choices=range(1, 101), metavar="1-100")
    p.add_argument("--settle", type=float, default=15.0, help="wait after leaving (s)")
    p.add_argument("--pool", type=int, default=None, help="pre-heated kernels (default: "
                   "notebooks/workshop/workshop.json)")
    args = p.parse_args()
    if not 0 <= args.spread <= 600:
        p.error(f"--spread {args.spread} is out of range (valid: 0 to 600 s)")
    settings = json.loads((ROOT / "notebooks/workshop/workshop.json").read_text())
    args.pool_size = (args.pool if args.pool is not None
                      else settings["VoilaConfiguration"]["default_pool_size"])
    with tempfile.TemporaryDirectory() as tmp:
        home = pathlib.Path(tmp)
        port, token = free_port(), secrets.token_urlsafe(16)
        with open(home / "server.log", "w") as log:
            print(f"{os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB; "
                  f"load average {os.getloadavg()[0]:.1f} before the start")
            start = time.monotonic()
            proc = start_server(home, port, token, args.pool, log)
            wait_until_heated(proc)
            print(f"server start to a heated pool of {args.pool_size}: "
                  f"{time.monotonic() - start:.0f} s")
            try:
                asyncio.run(asyncio.wait_for(
                    lesson(f"http://127.0.0.1:{port}", token, args, proc),
                    timeout=args.spread + 600))
            finally:
                os.killpg(proc.pid, 15)
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, 9)


if __name__ == "__main__":
    main()
