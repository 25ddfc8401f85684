"""Who gives the figures and who prints them: ``data/sources.csv`` and ``data/outlets.csv``.

A *source* is the body that first gave a figure (the FSB, the Russian Ministry of Defence,
UNAMA); claims and reference figures name theirs by code. Each source carries what the
grading rubric weighs, every value with the evidence and citations it rests on:

- ``access``: ``direct`` when the source counts what it handles or observes itself (its
  own case files, the casualties it documented), ``indirect`` when it estimates what it
  cannot observe (fighters abroad, the enemy's strength), ``unknown``;
- ``interest``: ``interested`` when it has a stake in the number (a party to the conflict
  counting enemies it killed or the enemy's strength, a government citing a threat),
  ``disinterested`` when none is known and its position gives none, ``unknown``.

An *outlet* is a publication whose page carries a claim; its profile (owner, published
assessments of its reporting) is context for how a figure reached the page, never the
grade of the source.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from claimtrail.io.errors import DataError, read_table, where

SOURCE_COLUMNS = (
    "source",
    "name",
    "kind",
    "access",
    "access_evidence",
    "interest",
    "interest_evidence",
    "assessments",
    "citations",
)
OUTLET_COLUMNS = ("outlet", "domain", "owner", "description", "assessments", "citations")
ACCESS = ("direct", "indirect", "unknown")
INTEREST = ("interested", "disinterested", "unknown")
_CODE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")


def sources_path(root: Path | str) -> Path:
    """``data/sources.csv`` under the repository root."""
    return Path(root) / "data" / "sources.csv"


def outlets_path(root: Path | str) -> Path:
    """``data/outlets.csv`` under the repository root."""
    return Path(root) / "data" / "outlets.csv"


def check_sources(frame: pd.DataFrame, path: Path | str) -> None:
    """Raise DataError naming row and field for every bad row: codes unique and well
    formed, a name, access and interest from their vocabularies, each with its evidence."""
    problems = []
    seen: dict[str, int] = {}
    for position, row in enumerate(frame.to_dict("records"), start=1):

        def fail(field: str, problem: str, position: int = position) -> None:
            problems.append(f"{where(path, position, field)}: {problem}")

        code = row["source"]
        if not isinstance(code, str) or not _CODE.match(code):
            fail("source", f"expected an upper-case code such as FSB, found {code!r}")
        elif code in seen:
            fail("source", f"{code} is already defined in row {seen[code]}")
        else:
            seen[code] = position
        if not isinstance(row["name"], str):
            fail("name", "is empty; a name is required")
        for field, allowed in (("access", ACCESS), ("interest", INTEREST)):
            if row[field] not in allowed:
                fail(field, f"expected one of {', '.join(allowed)}, found {row[field]!r}")
            if not isinstance(row[f"{field}_evidence"], str):
                fail(f"{field}_evidence", f"is empty; every {field} value needs its evidence")
    if problems:
        raise DataError("\n".join(problems))


def load_sources(root: Path | str) -> pd.DataFrame:
    """Read and check ``data/sources.csv`` under ``root``."""
    path = sources_path(root)
    frame = read_table(path, SOURCE_COLUMNS, "the source table")
    check_sources(frame, path)
    return frame


def load_outlets(root: Path | str) -> pd.DataFrame:
    """Read ``data/outlets.csv`` under ``root``; every outlet named once, with citations."""
    path = outlets_path(root)
    frame = read_table(path, OUTLET_COLUMNS, "the outlet table")
    problems = [
        f"{where(path, position, field)}: {problem}"
        for position, row in enumerate(frame.to_dict("records"), start=1)
        for field, problem in (
            ("outlet", "is empty" if not isinstance(row["outlet"], str) else None),
            ("citations", "is empty" if not isinstance(row["citations"], str) else None),
        )
        if problem
    ]
    duplicated = frame["outlet"][frame["outlet"].duplicated()]
    problems += [
        f"{where(path, int(i) + 1, 'outlet')}: {o} appears twice" for i, o in duplicated.items()
    ]
    if problems:
        raise DataError("\n".join(problems))
    return frame
