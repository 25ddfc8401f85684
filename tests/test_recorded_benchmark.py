"""The accuracy the benchmark recorded is what the code and data give now.

Chapter 4 computes its accuracy figures itself; the recorded benchmark results are shown
only for timings. This test keeps the recorded accuracy honest: a change to the extractor
or the data that moves a score must come with a new benchmark run."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from claimtrail.extraction.devset import score_development
from claimtrail.extraction.evaluation import (
    DEVELOPMENT_TARGETS,
    HELD_OUT,
    score_passages,
    score_seed,
)


def _recorded(root: Path) -> dict:
    return json.loads((root / "benchmarks" / "results" / "extraction.json").read_text())


def _same(recorded: object, fresh: object) -> bool:
    if isinstance(fresh, float) and math.isnan(fresh):
        return recorded is None
    if isinstance(fresh, float):
        return recorded == pytest.approx(round(fresh, 4), abs=1e-4)
    return recorded == fresh


def test_recorded_development_scores_match_a_fresh_run(repo_root: Path) -> None:
    recorded = _recorded(repo_root)["accuracy"]
    score = score_development(repo_root)
    fresh = score.summary()
    assert recorded["development reports"].keys() == fresh.keys()
    for key, value in fresh.items():
        assert _same(recorded["development reports"][key], value), key
    by_measure = {row["measure"]: row for row in recorded["development reports by measure"]}
    for row in score.evaluation.by_measure():
        for key in ("claims", "extracted", "matched", "precision", "recall"):
            assert _same(by_measure[row["measure"]][key], row[key]), (row["measure"], key)


def test_recorded_seed_and_passage_scores_match_a_fresh_run(repo_root: Path) -> None:
    recorded = _recorded(repo_root)["accuracy"]
    results = {
        "corpus": score_seed(repo_root),
        "development passages": score_passages(repo_root / "tests/data/extraction_passages.jsonl"),
        "held-out passages": score_passages(repo_root / HELD_OUT),
    }
    for name, result in results.items():
        entry = recorded[name]
        assert (entry["claims"], entry["extracted"], entry["matched"]) == (
            result.gold,
            result.extracted,
            result.matched,
        ), name
        for field, value in result.field_accuracy().items():
            assert _same(entry["field_accuracy"][field], value), (name, field)


def test_recorded_development_scores_meet_the_targets(repo_root: Path) -> None:
    recorded = _recorded(repo_root)["accuracy"]["development reports"]
    for name in ("precision", "recall", "bounds", "as_of", "death_toll"):
        assert recorded[name] >= DEVELOPMENT_TARGETS[name], name
    assert recorded["death_figures"] <= DEVELOPMENT_TARGETS["death_figures"]
