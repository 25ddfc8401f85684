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
from claimtrail.extraction.evaluation import DEVELOPMENT_TARGETS, evaluate, read_passages
from claimtrail.extraction.extract import Article, corpus_articles, extract_claims
from claimtrail.io.claims import extraction_gold, load_claims
from claimtrail.io.corpus import load_corpus


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
    corpus = load_corpus(repo_root)
    found = [r for a in corpus_articles(corpus.to_dict("records")) for r in extract_claims(a)]
    results = {"corpus": evaluate(extraction_gold(load_claims(repo_root, corpus)), found)}
    for name, file in (
        ("development passages", "extraction_passages.jsonl"),
        ("held-out passages", "extraction_heldout.jsonl"),
    ):
        coded, passages = read_passages(repo_root / "tests" / "data" / file)
        rows = [
            r for p in passages for r in extract_claims(Article(p["id"], p["text"], p["published"]))
        ]
        results[name] = evaluate(coded, rows)
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
