"""data/reference/estimates.csv: loads; bad rows fail naming file, row and field."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from claimtrail.errors import DataError
from claimtrail.reference import load_reference, reference_path


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
    ],
)
def test_bad_row_is_named(tmp_path: Path, repo_root: Path, changes: dict, pattern: str) -> None:
    root = _copy_with(tmp_path, repo_root, 0, **changes)
    with pytest.raises(DataError, match=pattern):
        load_reference(root)


def test_missing_table_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"estimates\.csv: the reference table is missing"):
        load_reference(tmp_path)
