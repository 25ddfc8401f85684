"""data/reference/estimates.csv: loads; bad rows fail naming file, row and field."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from claimtrail.io.errors import DataError
from claimtrail.io.populations import nesting_path
from claimtrail.io.reference import load_reference, reference_path


def test_reference_loads_with_citations(repo_root: Path) -> None:
    reference = load_reference(repo_root)
    assert reference["ref_id"].is_unique and len(reference) >= 20
    assert reference["url"].str.startswith("http").all()
    assert reference["quote"].str.len().min() > 10


def _copy_with(tmp_path: Path, repo_root: Path, index: int, **changes: str) -> Path:
    rows = list(csv.DictReader(reference_path(repo_root).open(encoding="utf-8", newline="")))
    rows[index].update(changes)
    target = reference_path(tmp_path)
    target.parent.mkdir(parents=True)
    nesting = nesting_path(repo_root)
    (tmp_path / "data" / nesting.name).write_bytes(nesting.read_bytes())
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return tmp_path


@pytest.mark.parametrize(
    ("changes", "pattern"),
    [
        ({"measure": "wounded"}, r"row 1, field 'measure'"),
        ({"url": "www.example.com"}, r"row 1, field 'url'"),
        ({"qualifier": "range"}, r"row 1, field 'low'.*qualifier 'range' needs low"),
        ({"confirmed": "maybe"}, r"row 1, field 'confirmed'"),
        ({"population": "citizens of Russia"}, r"row 1, field 'population'.*not a population code"),
        ({"place": "RU+CIS"}, r"row 1, field 'place'.*'RU\+CIS' is not a place code"),
        ({"basis": "event"}, r"row 1, field 'basis'.*fighting, cumulative, suspected"),
        ({"basis": "watched"}, r"row 1, field 'basis'"),
        ({"event": "KABUL-2016-07-23"}, r"row 1, field 'event'.*only an event toll"),
    ],
)
def test_bad_row_is_named(tmp_path: Path, repo_root: Path, changes: dict, pattern: str) -> None:
    root = _copy_with(tmp_path, repo_root, 0, **changes)
    with pytest.raises(DataError, match=pattern):
        load_reference(root)


def test_missing_table_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"estimates\.csv: the reference table is missing"):
        load_reference(tmp_path)
