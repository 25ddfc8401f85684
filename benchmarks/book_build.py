"""Benchmark the book build: a cold build (empty book/_build) against a warm rebuild with
nothing changed (notebook outputs cached by jupyter-cache). The target: warm at least
5 times faster than cold. Writes benchmarks/results/book_build.json.

Run from the repository root: `python benchmarks/book_build.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from claimtrail.io.outputs import atomic_writer

ROOT = Path(__file__).resolve().parents[1]
RESULT = ROOT / "benchmarks" / "results" / "book_build.json"


def timed_build() -> float:
    """Seconds for one `make book`, which must succeed."""
    started = time.perf_counter()
    subprocess.run(["make", "book"], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=3, help="cold/warm pairs (default 3)")
    runs = options.parse_args().runs
    cold, warm = [], []
    for _ in range(runs):
        shutil.rmtree(ROOT / "book" / "_build", ignore_errors=True)
        cold.append(timed_build())
        warm.append(timed_build())
    result = {
        "runs": runs,
        "cold_seconds": [round(s, 2) for s in cold],
        "warm_seconds": [round(s, 2) for s in warm],
        "cold_median": round(statistics.median(cold), 2),
        "warm_median": round(statistics.median(warm), 2),
        "speedup": round(statistics.median(cold) / statistics.median(warm), 1),
    }
    with atomic_writer(RESULT) as stream:
        stream.write(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
