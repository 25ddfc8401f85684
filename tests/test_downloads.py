"""Files the data page offers: every one written, checksummed, and stable."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd

from claimtrail.publish.downloads import (
    DERIVED_TABLES,
    DerivedTable,
    downloads_folder,
    reference_users,
    write_downloads,
)


def _repository_copy(repo_root: Path, tmp_path: Path) -> Path:
    shutil.copytree(repo_root / "data", tmp_path / "data")
    return tmp_path


def test_every_offered_file_is_written_with_its_checksum(repo_root: Path, tmp_path: Path) -> None:
    root = _repository_copy(repo_root, tmp_path)
    offered = write_downloads(root)
    folder = downloads_folder(root)
    names = {o.name for o in offered}
    assert {
        "claims.csv",
        "populations.csv",
        "extracted-claims.csv",
        "corpus.csv",
        "comparisons.csv",
        "flags.csv",
        "reference-users.csv",
    } <= names
    assert sum(o.href.startswith("../downloads/raw/") for o in offered) == 5
    for item in offered:
        path = folder / item.href.removeprefix("../downloads/")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == item.sha256
        assert path.stat().st_size == item.size
    again = {o.name: o.sha256 for o in write_downloads(root)}
    assert again == {o.name: o.sha256 for o in offered}  # byte-stable


def test_another_derived_table_can_be_registered(repo_root: Path, tmp_path: Path) -> None:
    root = _repository_copy(repo_root, tmp_path)
    extra = DerivedTable("extra", "a table added later", lambda r: pd.DataFrame({"a": [1]}))
    offered = write_downloads(root, (*DERIVED_TABLES, extra))
    assert offered[-1].name == "extra.csv" and offered[-1].description == "a table added later"


def test_reference_users_come_from_the_claims_coding(repo_root: Path) -> None:
    users = reference_users(repo_root)
    assert list(users.columns) == ["ref_id", "claims"]
    assert users["ref_id"].str.match(r"^R\d{2,}$").all()
    assert users["claims"].str.match(r"^C\d{2,}( C\d{2,})*$").all()
