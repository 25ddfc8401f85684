"""Where the extractor's time goes: instructions per article, stage by stage.

Run from the repository root (`python benchmarks/stage_costs.py`; needs valgrind).
Writes benchmarks/results/stage_costs.json.

The extractor runs over distinct copies of the corpus texts (as in the throughput
benchmark) under valgrind's callgrind, which counts instructions: unlike seconds, the
count is the same from run to run, so small changes can be compared. Each run counts a
whole process, so every configuration is run with 2 and with 6 copies of the corpus and
the difference is divided by the 20 extra articles: start-up and imports cancel out.

The configurations take the extractor apart from the top: all of it; without
attribution (speaker and chain); without as-of dates and hedges too; with every number
found but none read as a count; with no number found (sentences and body only). The
differences between neighbours are the stages' costs.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

from claimtrail.io.outputs import atomic_writer

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
EXTRA_ARTICLES = 20  # 4 more copies of the 5 corpus texts
# (configuration, the stage whose cost is its difference from the configuration before)
CONFIGURATIONS = (
    ("full", None),
    ("no attribution", "attribution (speaker and chain)"),
    ("no attribution, as-of or hedges", "as-of dates and hedges"),
    ("numbers found, none counted", "counting rules (noun, measure, place)"),
    ("no numbers", "finding numbers"),
)
BASE_STAGE = "sentences, body and the loop over them"


def run_configuration(configuration: str, copies: int) -> None:
    """Extract from ``copies`` distinct copies of the corpus with stages stubbed out."""
    from claimtrail.extraction import extract
    from claimtrail.io.corpus import load_corpus

    stubs = [name for name, _ in CONFIGURATIONS].index(configuration)
    if stubs >= 1:
        extract.speaker_and_chain = lambda *args, **kwargs: (None, ())
    if stubs >= 2:
        extract._as_of = lambda *args: None
        extract.hedges_near = lambda *args: []
    if stubs >= 3:
        extract._counted = lambda *args: None
    if stubs >= 4:
        extract.find_numbers = lambda *args: []
    originals = [row["text"] for row in load_corpus(ROOT).to_dict("records")]
    texts = [text + f"\n\nEnd note {k}." for k in range(copies) for text in originals]
    for number, text in enumerate(texts):
        extract.extract_claims(extract.Article(str(number), text, "2016-08-02"))


def instructions(configuration: str, copies: int) -> int:
    """Instructions of one whole run, counted by callgrind."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--run",
        configuration,
        str(copies),
    ]
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", finished.stderr).group(1))


def main() -> None:
    per_article = {}
    for configuration, _ in CONFIGURATIONS:
        extra = instructions(configuration, 6) - instructions(configuration, 2)
        per_article[configuration] = extra / EXTRA_ARTICLES
        print(f"{configuration:35s} {per_article[configuration] / 1e6:6.2f} M", flush=True)
    stages = {}
    for (before, _), (configuration, stage) in itertools.pairwise(CONFIGURATIONS):
        stages[stage] = per_article[before] - per_article[configuration]
    stages[BASE_STAGE] = per_article[CONFIGURATIONS[-1][0]]
    total = per_article["full"]
    results = {
        "instructions_per_article": round(total),
        "stages": {
            stage: {"instructions": round(count), "share": round(count / total, 3)}
            for stage, count in stages.items()
        },
    }
    print(json.dumps(results, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    with atomic_writer(RESULTS / "stage_costs.json") as stream:
        stream.write(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--run"]:
        run_configuration(sys.argv[2], int(sys.argv[3]))
    else:
        main()
