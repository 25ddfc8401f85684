"""Shared fixtures: the repository root and a writable copy of the corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def repo_root() -> Path:
    """The repository root (read-only use: tests never write to data/)."""
    return ROOT


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A temporary repository root holding a copy of data/articles.csv and data/raw/."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "raw", data / "raw")
    shutil.copy(ROOT / "data" / "articles.csv", data / "articles.csv")
    return tmp_path
