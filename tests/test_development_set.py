"""The development reports and their frozen hand annotation."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from claimtrail.extraction.devset import (
    FOLDER,
    Report,
    death_toll_check,
    development_sample,
    gold_claims,
    load_annotation,
    load_reports,
    score_development,
)
from claimtrail.io.errors import DataError

# The annotation was frozen before the extractor was changed for these reports; a change
# to it must be a deliberate, separately recorded decision.
ANNOTATION_SHA256 = "7c5e114f100692bb232a7e3432ca32c85294ff8e4449b4ce4d8fd49eef40d613"
REPORTS_SHA256 = "b86fdb62f58cbb6884a1688a16266dddc49fbb8e092d4d6f0dc9facf62be7212"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_files_are_the_frozen_ones(repo_root: Path) -> None:
    assert _sha256(repo_root / FOLDER / "annotation.jsonl") == ANNOTATION_SHA256
    assert _sha256(repo_root / FOLDER / "reports.csv") == REPORTS_SHA256


def test_the_annotated_reports_are_the_sample(repo_root: Path) -> None:
    reports = load_reports(repo_root)
    annotation = load_annotation(repo_root, reports)
    assert len(reports) == 347
    assert [r["id"] for r in annotation] == development_sample(r.id for r in reports)
    assert len(annotation) == 60


def test_annotation_loads_and_codes_every_claim(repo_root: Path) -> None:
    gold = gold_claims(load_annotation(repo_root))
    assert len(gold) == 250
    assert {g["scope"] for g in gold} == {"event", "cumulative"}
    assert all(g["as_of_precision"] in (None, "day", "month", "year") for g in gold)


def test_sample_depends_on_ids_only() -> None:
    ids = [str(n) for n in range(100)]
    assert development_sample(ids, 5) == development_sample(reversed(ids), 5)
    assert development_sample(ids, 5) == development_sample(ids, 10)[:5]


def _copy(tmp_path: Path, repo_root: Path, edit) -> Path:
    folder = tmp_path / FOLDER
    folder.mkdir(parents=True)
    (folder / "reports.csv").write_bytes((repo_root / FOLDER / "reports.csv").read_bytes())
    lines = (repo_root / FOLDER / "annotation.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    edit(first["claims"][0])
    (folder / "annotation.jsonl").write_text(json.dumps(first) + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda c: c.update(start=c["start"] + 1), "quote"),
        (lambda c: c.update(qualifier="at_least"), "qualifier"),
        (lambda c: c.update(scope="daily"), "scope"),
        (lambda c: c.update(as_of_precision=None), "as_of"),
    ],
)
def test_a_bad_annotation_is_named(tmp_path: Path, repo_root: Path, edit, field: str) -> None:
    root = _copy(tmp_path, repo_root, edit)
    with pytest.raises(DataError, match=rf"line 1, claims 1, field '{field}'"):
        load_annotation(root)


def _report(rid: str, toll: int, text: str, title: str = "") -> Report:
    return Report(rid, "2016-01-01", "test", toll, title, text)


def test_death_toll_check() -> None:
    reports = [
        _report("a", 12, "Twelve die. Shelling killed 12 people and injured 5."),
        _report("b", 7, "Seven people were wounded; 3 died."),  # 7 stated, not as killed
        _report("c", 4, "Nothing said of the toll here."),  # the body does not state it
        _report(
            "d", 9, "9 killed in Homs. 9 killed in Homs. Nine people died.", "9 killed in Homs"
        ),
        _report("e", 0, "No one died."),
    ]
    rows = [
        {"article": "a", "measure": "killed", "low": None, "best": 12.0, "high": None},
        {"article": "a", "measure": "injured", "low": None, "best": 5.0, "high": None},
        {"article": "b", "measure": "injured", "low": None, "best": 7.0, "high": None},
        {"article": "b", "measure": "killed", "low": None, "best": 3.0, "high": None},
        {"article": "d", "measure": "killed", "low": 9.0, "best": None, "high": None},
    ]
    check = death_toll_check(reports, rows)
    assert (check.reports, check.stating, check.found) == (5, 3, 2)
    assert check.missed == ("b",) and check.share == 2 / 3
    assert check.mean_death_figures == 1.0


def test_development_scores_are_computed_from_the_data(repo_root: Path) -> None:
    score = score_development(repo_root)
    summary = score.summary()
    assert summary["claims"] == 250 and summary["toll_reports"] == 347
    assert summary["precision_low"] <= summary["precision"] <= summary["precision_high"]
    annotated_kinds = [h for h in score.false_hits if h["reason"].startswith("annotated as")]
    assert all("not a claim" in h["reason"] for h in annotated_kinds)
