"""The population and place table: nesting, its checks, and the repository's table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from claimtrail.io.errors import DataError
from claimtrail.io.populations import (
    Entry,
    Nesting,
    check_entries,
    load_nesting,
)

NESTING = Nesting(
    [
        Entry("population", "ALL", "people"),
        Entry("population", "RU+CIS", "citizens of Russia and the CIS", ("ALL",)),
        Entry("population", "RU", "citizens of Russia", ("RU+CIS",)),
        Entry("population", "RU-NC", "residents of the North Caucasus", ("RU",)),
        Entry("population", "CA", "citizens of Central Asia", ("ALL",)),
        Entry("population", "TJ", "citizens of Tajikistan", ("CA", "RU+CIS")),
        Entry("place", "ANY", "anywhere"),
        Entry("place", "SY+IQ", "Syria and Iraq", ("ANY",), ("SY", "IQ")),
        Entry("place", "SY", "Syria", ("SY+IQ",)),
        Entry("place", "IQ", "Iraq", ("SY+IQ",)),
    ]
)


@pytest.mark.parametrize(
    ("kind", "a", "b", "expected"),
    [
        ("population", "RU", "RU", "same"),
        ("population", "RU+CIS", "RU-NC", "contains"),  # through RU: transitive
        ("population", "RU-NC", "ALL", "contained"),
        ("population", "TJ", "CA", "contained"),  # two parents: both hold it
        ("population", "TJ", "RU+CIS", "contained"),
        ("population", "RU", "CA", None),  # siblings do not nest
        ("population", "RU", "TJ", None),
        ("place", "SY", "IQ", None),
        ("place", "SY+IQ", "IQ", "contains"),
    ],
)
def test_relation(kind: str, a: str, b: str, expected: str | None) -> None:
    assert NESTING.relation(kind, a, b) == expected


def test_whole_of_parts() -> None:
    assert NESTING.whole_of("place", ["IQ", "SY"]) == "SY+IQ"
    assert NESTING.whole_of("place", ["SY"]) is None
    assert NESTING.whole_of("population", ["RU", "TJ"]) is None


def _table(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["kind", "code", "label", "parents", "parts"])
    frame["short"] = pd.NA
    frame["definition"] = pd.NA
    frame["evidence"] = pd.NA
    return frame


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("people", "ALL", "x", pd.NA, pd.NA)], "row 1, field 'kind'"),
        ([("population", "all", "x", pd.NA, pd.NA)], "row 1, field 'code'"),
        (
            [("population", "A", "x", pd.NA, pd.NA), ("population", "A", "y", pd.NA, pd.NA)],
            "row 2, field 'code': population A is already defined in row 1",
        ),
        ([("population", "A", pd.NA, pd.NA, pd.NA)], "row 1, field 'label'"),
        ([("population", "A", "x", "B", pd.NA)], "row 1, field 'parents': 'B' is not"),
        (
            [("place", "A", "x", pd.NA, pd.NA), ("population", "B", "y", "A", pd.NA)],
            "row 2, field 'parents': 'A' is not a population code",
        ),
        (
            [("place", "A", "x", "B", pd.NA), ("place", "B", "y", "A", pd.NA)],
            "part of itself",
        ),
        (
            [("place", "W", "w", pd.NA, "P Q"), ("place", "P", "p", "W", pd.NA)],
            "row 1, field 'parts': 'Q' is not a place code",
        ),
        (
            [
                ("place", "W", "w", pd.NA, "P Q"),
                ("place", "P", "p", "W", pd.NA),
                ("place", "Q", "q", pd.NA, pd.NA),
            ],
            "part Q must list W among its parents",
        ),
    ],
)
def test_bad_tables_are_named(rows: list[tuple], message: str) -> None:
    with pytest.raises(DataError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_entries(_table(rows), "populations.csv")


def test_repository_table(repo_root: Path) -> None:
    nesting = load_nesting(repo_root)
    assert nesting.relation("population", "RU+CIS", "RU-NC") == "contains"
    assert nesting.relation("place", "ANY", "AF-KBL") == "contains"
    assert nesting.whole_of("place", ["SY", "IQ"]) == "SY+IQ"
    roots = {
        kind: [c for c in nesting.codes(kind) if not nesting.entry(kind, c).parents]
        for kind in ("population", "place")
    }
    assert roots == {"population": ["ALL"], "place": ["ANY"]}
