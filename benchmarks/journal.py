"""Time journal saves at 20,000 records (and the limit, :data:`hinge_sim.journal.MAX_ROWS`).

Run: ``.venv/bin/python benchmarks/journal.py [rows ...]``. For each size it
builds a journal file of that many records in a temporary folder and prints,
in ms (p50 / p95):

- open, first time: reading and checking the whole file (what a new process,
  or a file rewritten by a spreadsheet, costs; also part of such a save);
- save, same process: ``add`` when the file is as this process last saw it
  (read and compared, not checked again; then written and flushed to disk);
- save after another process: ``add`` when another program added a record
  since (simulated in this process by forgetting that save): the new rows
  are checked, with the end line that counts them all.

Each as wall time (p50 / p95) and the CPU time the process used (p50): on a
busy machine the wall time includes waiting for a core, the CPU time does
not (and leaves out waiting for the disk).

Also the file size and the machine's load average (other work on the 2
cores shows in the numbers). docs/journal.md quotes the figures.
"""
import os
import sys
import tempfile
import time

import numpy as np

from hinge_sim import journal as J
from hinge_sim.journal import store
from hinge_sim.journal.fileformat import Parsed, encode_row

RECORD = dict(date="2024-05-02", athlete="Anna", exercise="RDL", load_kg=40.0, reps=8,
              tempo="3-1-1-0", rib_cage=3, spine=4, hip_drive=3, coach_rating=3,
              hip_to_bar_m=0.31, bar_drift_m=0.04, targets="ribs down at the bottom",
              notes="felt it in the hamstrings; next time slower on the way down")


def build(path, rows):
    """Write a journal of ``rows`` records straight away (no save per record)."""
    fields = J.validate(RECORD)
    parsed = Parsed(J.SCHEMA, [], [], 0)
    for i in range(rows):
        rec = J.Record(f"{i:012x}", 1, "2024-05-02T10:00:00+00:00", False, fields)
        line, check = encode_row(rec)
        parsed.revisions.append(rec)
        parsed.lines.append(line)
        parsed.total = (parsed.total + check) % 2 ** 64
    with open(path, "wb") as f:
        f.write(parsed.encode())


def timed(fn, n=20):
    """p50 and p95 of the wall time, and the p50 of the CPU time this process used (ms)."""
    wall, cpu = [], []
    for _ in range(n):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return (*np.percentile(wall, [50, 95]), np.median(cpu))


def main(sizes):
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            path = os.path.join(folder, f"bench{rows}.csv")
            build(path, rows)
            size = os.path.getsize(path) / 1e6
            opened = timed(lambda: (store._SEEN.clear(), J.Journal(path)), n=3)
            a = J.Journal(path)
            same = timed(lambda: a.add(**RECORD))

            def after_another():
                real = os.path.realpath(path)
                before = store._SEEN[real]
                J.Journal(path).add(**RECORD)  # "another process" adds a record
                store._SEEN[real] = before  # ... which this process did not see
                t, c = time.perf_counter(), time.process_time()
                a.add(**RECORD)
                return (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
            runs = np.array([after_another() for _ in range(20)])
            other = (*np.percentile(runs[:, 0], [50, 95]), np.median(runs[:, 1]))
            print(f"{rows:>6} records, {size:3.1f} MB: wall p50 / p95 (CPU p50) in ms")
            for label, (p50, p95, cpu) in (("open, first time", opened),
                                           ("save, same process", same),
                                           ("save after another process", other)):
                print(f"    {label:<28} {p50:6.0f} / {p95:6.0f}  ({cpu:5.0f})")
            os.remove(path)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 20_000, J.MAX_ROWS - 100])
