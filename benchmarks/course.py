"""How long each lesson takes to run top to bottom in a fresh kernel.

Run on demand: ``.venv/bin/python benchmarks/course.py``. Targets: every
notebook under 20 s, the whole course under 2 minutes (issue "The course").
"""
import os
import pathlib
import time

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[1] / "notebooks"


def run(path):
    """Seconds to execute one notebook in a fresh kernel."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name="python3", shutdown_kernel="immediate",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def main():
    paths = sorted(NOTEBOOKS.glob("*.ipynb")) + sorted(NOTEBOOKS.glob("workshop/*.ipynb"))
    print(f"load average {os.getloadavg()[0]:.2f}")
    total = 0.0
    for path in paths:
        seconds = run(path)
        total += seconds
        flag = "" if seconds < 20 else "  <- over 20 s"
        print(f"{path.relative_to(NOTEBOOKS)!s:40} {seconds:6.1f} s{flag}")
    print(f"{'whole course':40} {total:6.1f} s (target under 120 s)")


if __name__ == "__main__":
    main()
