"""The book's apparatus: its version, the source revision it was built from, and how to
cite it (from ``CITATION.cff``). Functions here read files and git; they change nothing.
"""

from __future__ import annotations

import hashlib
import subprocess
import tomllib
from pathlib import Path

import yaml

# What the fallback stamp hashes when git is not there (an unpacked archive): the files
# that decide what the book says.
STAMPED = ("pyproject.toml", "CITATION.cff", "src", "data", "notebooks", "book")
_SKIPPED_PARTS = {"_build", "__pycache__", ".ipynb_checkpoints"}


def project_version(root: Path | str) -> str:
    """The version in ``pyproject.toml``."""
    with (Path(root) / "pyproject.toml").open("rb") as stream:
        return tomllib.load(stream)["project"]["version"]


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None


def tree_stamp(root: Path | str) -> str:
    """A hash of the files in :data:`STAMPED` (names and bytes, in sorted order): the
    same files give the same stamp, as a commit gives the same hash."""
    root = Path(root)
    digest = hashlib.sha256()
    for top in STAMPED:
        path = root / top
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and not _SKIPPED_PARTS & set(file.relative_to(root).parts):
                digest.update(file.relative_to(root).as_posix().encode() + b"\0")
                digest.update(file.read_bytes())
    return "tree-" + digest.hexdigest()[:10]


def source_revision(root: Path | str) -> str:
    """The git commit the book is built from (short hash), or, without git, a
    :func:`tree_stamp` of the sources."""
    return _git(Path(root), "rev-parse", "--short=10", "HEAD") or tree_stamp(root)


def revision_date(root: Path | str) -> str | None:
    """The date (YYYY-MM-DD) of the commit the book is built from; None without git."""
    return _git(Path(root), "log", "-1", "--format=%cs")


def citation(root: Path | str) -> dict[str, str]:
    """How to cite the book: authors, title, version, revision, year, licence and the
    preferred text and BibTeX entry, from ``CITATION.cff`` and the checkout."""
    root = Path(root)
    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    authors = " and ".join(
        a.get("name") or f"{a['given-names']} {a['family-names']}" for a in cff["authors"]
    )
    version, revision = cff["version"], source_revision(root)
    when = revision_date(root)
    year = when[:4] if when else "n.d."
    text = (
        f"{authors} ({year}). {cff['title']}. Version {version}, "
        f"source revision {revision}. Licence: {cff['license']} (code)."
    )
    bibtex = (
        "@book{claimtrail,\n"
        f"  author = {{{{{authors}}}}},\n"
        f"  title = {{{cff['title']}}},\n"
        f"  year = {{{year}}},\n"
        f"  version = {{{version}}},\n"
        f"  note = {{source revision {revision}}}\n"
        "}"
    )
    return {
        "authors": authors,
        "title": cff["title"],
        "version": version,
        "revision": revision,
        "year": year,
        "license": cff["license"],
        "text": text,
        "bibtex": bibtex,
    }
