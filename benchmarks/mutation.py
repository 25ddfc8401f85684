"""Mutation testing of the rule modules: how many one-line changes do the unit tests catch?

Run from the repository root (`make mutation`, or `python benchmarks/mutation.py`).
Writes benchmarks/results/mutation.json. Takes hours on two cores.

mutmut (configured in pyproject.toml, [tool.mutmut]) makes every small change its
operators know to the modules listed there (numbers, timeref, claims, comparisons,
flags, grading, evaluation, hedges, render: a ``<`` made ``<=``, a string changed, a number
moved by one, an argument dropped, ...) and runs the unit tests that reach the changed
function against each. A mutant is killed when a test fails (or the run times out: the
change made the code loop), survives when every test passes. The score is killed /
(killed + survived), per module and overall; "no tests" counts as survived. A module whose
run was stopped before every mutant was tried ("not_run") is listed as incomplete, and the
score of the complete modules is given beside the overall one.

``--modules M ...`` runs the mutants of those modules only (their tests still run in
full) and merges their counts into the recorded results: every other module keeps its
recorded counts and survivors, so a module can be measured again, or added, without
hours spent on the others.

Survivors are listed with their diff. Those that cannot change behaviour (an equivalent
mutant: ``x[:n]`` and ``x[:n+1]`` on a string shorter than n, a message's wording) are
explained in benchmarks/mutation_explained.json: a reason per mutant name (or name
pattern); the others are the tests' gaps.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from claimtrail.io.outputs import atomic_writer

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
EXPLAINED = ROOT / "benchmarks" / "mutation_explained.json"
KILLED = {1, 3, 36, 37, -24, 24, 152, 255}  # failed, pytest error, timeouts, type check
SURVIVED = {0, 5, 33}  # passed, no tests


def _mutmut(*args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "mutmut", *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _explanations() -> dict[str, str]:
    return json.loads(EXPLAINED.read_text(encoding="utf-8")) if EXPLAINED.exists() else {}


def _explanation(name: str, explained: dict[str, str]) -> str | None:
    """The reason given for a survivor: the first pattern that matches its name."""
    return next((why for pattern, why in explained.items() if fnmatch.fnmatch(name, pattern)), None)


def collect(only: set[str] | None = None) -> dict:
    """Counts, score and survivors from the mutants/ folder mutmut leaves (of the modules
    in ``only``, when given)."""
    explained = _explanations()
    modules: dict[str, dict] = {}
    survivors = []
    for meta in sorted((ROOT / "mutants" / "src" / "claimtrail").rglob("*.py.meta")):
        module = meta.name.removesuffix(".py.meta")
        if only is not None and module not in only:
            continue
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        counts = Counter(
            "killed" if c in KILLED else "survived" if c in SURVIVED else "other"
            for c in codes.values()
        )
        judged = counts["killed"] + counts["survived"]
        modules[module] = {
            "mutants": len(codes),
            "killed": counts["killed"],
            "survived": counts["survived"],
            "not_run": counts["other"],
            "score": round(counts["killed"] / judged, 4) if judged else None,
        }
        for name, code in sorted(codes.items()):
            if code in SURVIVED:
                diff = _mutmut("show", name).split("\n", 1)[-1].strip()
                survivors.append(
                    {"mutant": name, "diff": diff, "explained": _explanation(name, explained)}
                )
    return summarise(modules, survivors)


def merge(recorded: dict, new: dict) -> dict:
    """The recorded results with the modules of ``new`` replaced or added; the other
    modules keep their recorded counts and survivors (explanations read afresh)."""
    explained = _explanations()
    modules = {**recorded["modules"], **new["modules"]}
    kept = [
        {**s, "explained": _explanation(s["mutant"], explained)}
        for s in recorded["survivors"]
        if s["mutant"].split(".")[-2] not in new["modules"]
    ]
    survivors = sorted(kept + new["survivors"], key=lambda s: s["mutant"])
    return summarise(dict(sorted(modules.items())), survivors)


def summarise(modules: dict[str, dict], survivors: list[dict]) -> dict:
    """Totals over ``modules`` (counts per module) beside the survivors."""
    killed = sum(m["killed"] for m in modules.values())
    survived = sum(m["survived"] for m in modules.values())
    complete = [m for m in modules.values() if not m["not_run"]]
    done_killed = sum(m["killed"] for m in complete)
    done_judged = done_killed + sum(m["survived"] for m in complete)
    return {
        "modules": modules,
        "killed": killed,
        "survived": survived,
        "score": round(killed / (killed + survived), 4) if killed + survived else None,
        "incomplete": sorted(name for name, m in modules.items() if m["not_run"]),
        "score_of_complete_modules": round(done_killed / done_judged, 4) if done_judged else None,
        "survivors_explained": sum(1 for s in survivors if s["explained"]),
        "survivors": survivors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collect-only", action="store_true", help="do not run mutmut")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--keep", action="store_true", help="keep mutmut's mutants/ folder")
    parser.add_argument(
        "--modules",
        nargs="+",
        metavar="MODULE",
        help="run only these modules (numbers, flags, ...) and merge them into the record",
    )
    args = parser.parse_args()
    names = [f"claimtrail.*.{m}.*" for m in args.modules or ()]
    if not args.collect_only:
        subprocess.run(
            [
                *(sys.executable, "-m", "mutmut", "run"),
                *("--max-children", str(args.max_children), *names),
            ],
            cwd=ROOT,
            check=True,
        )
    results = collect(set(args.modules) if args.modules else None)
    if args.modules:
        recorded = json.loads((RESULTS / "mutation.json").read_text(encoding="utf-8"))
        results = merge(recorded, results)
    if not args.keep:  # the copy of the repository mutmut made would be read by the book build
        shutil.rmtree(ROOT / "mutants")
    summary = {k: v for k, v in results.items() if k != "survivors"}
    print(json.dumps(summary, indent=2))
    with atomic_writer(RESULTS / "mutation.json") as stream:
        stream.write(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
