"""Extraction time on pathological texts: does it grow linearly with the text?

Run from the repository root (`python benchmarks/pathological.py`). Writes
benchmarks/results/pathological.json.

Each family below is a text a scraper or a hostile user can produce: a number followed by
a long run of blanks, chains such as "1-1-1-...", long lists of numbers, reporting verbs,
quotation marks, time words or hedges repeated in one endless sentence, and so on. Every
family is generated at three sizes, each double the one before, and extracted from
(``extract_claims``, one process, the median of three runs, each on a fresh copy so no
cache helps). Linear growth means the time doubles with the size: the recorded ``growth``
is the ratio of each time to the one before (2 is linear, 4 quadratic), and ``exponent``
the slope of log time over log size across the three sizes (1 linear, 2 quadratic).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from claimtrail.extraction.extract import Article, extract_claims
from claimtrail.io.outputs import atomic_writer

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
SIZES = (25_000, 50_000, 100_000)
RUNS = 3


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


FAMILIES: dict[str, Callable[[int], str]] = {
    "number, then blanks": lambda n: "Officials said 5" + " " * n + "people were killed.",
    "number word, then blanks": lambda n: "Officials said five" + " " * n + "people died.",
    "hyphen chain 1-1-1": lambda n: "Police said " + _repeat("1-", n) + "1 people were killed.",
    "list of numbers": lambda n: "Police said " + _repeat("12, ", n) + "and 40 people died.",
    "number words": lambda n: "Police said " + _repeat("twenty one ", n) + "people died.",
    "reporting verbs": lambda n: _repeat("officials said 12 fighters joined, ", n) + "he said.",
    "'said' repeated": lambda n: "Police " + _repeat("said ", n) + "5 people were killed.",
    "auxiliaries before a verb": lambda n: _repeat("Police has has has said 5 people died ", n),
    "quotations": lambda n: _repeat('"5 fighters," he said, "', n) + '" they said.',
    "time words": lambda n: _repeat("on Monday 5 people were killed last week, in April ", n),
    "'Today' repeated": lambda n: _repeat("Today 5 people were killed ", n) + ".",
    "'according to' repeated": lambda n: _repeat("according to police 5 fighters ", n),
    "hedges": lambda n: _repeat("an estimated 5 fighters could be ", n) + ".",
    "measure words": lambda n: _repeat("5 people joined ", n) + ".",
    "full stops": lambda n: "Police said 5 people " + "." * n,
    "semicolons": lambda n: _repeat("5 people were killed; ", n) + ".",
    "titled names": lambda n: _repeat("President Abc Def said 5 fighters ", n) + ".",
    "relays": lambda n: _repeat("he told Reuters 5 fighters, ", n) + ".",
    "quotation marks only": lambda n: "5 people " + '"' * n,
    "mixed clauses": lambda n: _repeat(
        'Officials said on Monday that "at least 5 people" were killed, according to police; ',
        n,
    ),
}


def _seconds(text: str) -> float:
    """Wall time of one extraction."""
    start = time.perf_counter()
    extract_claims(Article("bench", text, "2016-01-01"))
    return time.perf_counter() - start


def measure(make: Callable[[int], str], sizes: tuple[int, ...], runs: int) -> dict:
    """Median seconds at each size, growth from size to size and the fitted exponent."""
    seconds = []
    for size in sizes:
        # a distinct ending per run: the per-text caches of the extractor never help
        times = [_seconds(make(size) + f" Run {run}.") for run in range(runs)]
        seconds.append(statistics.median(times))
    growth = [later / earlier for earlier, later in itertools.pairwise(seconds)]
    exponent = math.log(seconds[-1] / seconds[0]) / math.log(sizes[-1] / sizes[0])
    return {
        "seconds": [round(s, 4) for s in seconds],
        "growth": [round(g, 2) for g in growth],
        "exponent": round(exponent, 2),
        "microseconds_per_char": round(1e6 * seconds[-1] / sizes[-1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=3, default=SIZES)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--output", type=Path, default=RESULTS / "pathological.json")
    args = parser.parse_args()
    families = {}
    for name, make in FAMILIES.items():
        families[name] = measure(make, tuple(args.sizes), args.runs)
        print(f"{name:28s} {families[name]}", file=sys.stderr, flush=True)
    exponents = [row["exponent"] for row in families.values()]
    results = {
        "sizes": list(args.sizes),
        "runs": args.runs,
        "largest_exponent": max(exponents),
        "median_exponent": statistics.median(exponents),
        "families": families,
    }
    print(json.dumps(results, indent=2))
    with atomic_writer(args.output) as stream:
        stream.write(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
