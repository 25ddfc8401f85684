"""Version, source revision and citation: the same build inputs give the same stamp."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

from claimtrail.publish.apparatus import citation, project_version, source_revision, tree_stamp


def test_citation_file_matches_the_package_version(repo_root: Path) -> None:
    cff = yaml.safe_load((repo_root / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == project_version(repo_root)
    assert cff["license"] == "MIT"


def test_revision_is_the_commit_when_git_is_there(repo_root: Path) -> None:
    head = subprocess.run(
        ["git", "-C", str(repo_root), "rev-parse", "--short=10", "HEAD"],
        capture_output=True,
        text=True,
    )
    if head.returncode == 0:
        assert source_revision(repo_root) == head.stdout.strip()


def test_revision_without_git_is_a_stable_stamp_of_the_sources(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("x = 1\n")
    (tmp_path / "pyproject.toml").write_text('[project]\nversion = "9.9"\n')
    first = source_revision(tmp_path)
    assert first.startswith("tree-") and first == source_revision(tmp_path)
    copy = tmp_path / "copy"
    shutil.copytree(tmp_path / "src", copy / "src")
    shutil.copy(tmp_path / "pyproject.toml", copy / "pyproject.toml")
    assert tree_stamp(copy) == first
    (copy / "src" / "a.py").write_text("x = 2\n")
    assert tree_stamp(copy) != first


def test_citation_names_version_and_revision(repo_root: Path) -> None:
    cite = citation(repo_root)
    assert cite["version"] in cite["text"] and cite["revision"] in cite["text"]
    assert cite["bibtex"].startswith("@book{claimtrail,") and cite["revision"] in cite["bibtex"]
