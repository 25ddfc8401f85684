"""The populations and places that figures count, and how they nest: ``data/populations.csv``.

Every claim and reference figure names its population and its place (and an event toll
its event) by a code of this table. Each entry lists its parent(s): residents of the North
Caucasus are part of the citizens of Russia, who are part of the citizens of Russia and
the CIS; Iraq is part of Syria and Iraq, which is part of "anywhere". An entry may have
several parents (Tajikistan is both a Central Asian and a CIS state), so the entries form
a directed acyclic graph, one per kind. An entry that is exactly the union of others
lists them as ``parts`` (Syria and Iraq = Syria + Iraq): figures for the parts can then be
summed and compared with figures for the whole.

Examples:
    >>> nesting = Nesting([
    ...     Entry("place", "ANY", "anywhere"),
    ...     Entry("place", "SY+IQ", "Syria and Iraq", ("ANY",), ("SY", "IQ")),
    ...     Entry("place", "SY", "Syria", ("SY+IQ",)),
    ...     Entry("place", "IQ", "Iraq", ("SY+IQ",)),
    ... ])
    >>> nesting.relation("place", "SY+IQ", "IQ")
    'contains'
    >>> nesting.relation("place", "IQ", "ANY")
    'contained'
    >>> nesting.relation("place", "SY", "IQ") is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from claimtrail.io.errors import DataError, read_table, where

KINDS = ("population", "place", "event")
NESTING_COLUMNS = ("kind", "code", "label", "short", "parents", "parts", "definition", "evidence")
_CODE = re.compile(r"^[A-Z][A-Z0-9]*([+-][A-Z0-9]+)*$")


@dataclass(frozen=True)
class Entry:
    """One population or place: its code, its words, and the entries it is part of."""

    kind: str
    code: str
    label: str
    parents: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    definition: str = ""
    evidence: str = ""
    short: str = ""


class Nesting:
    """The population and place entries, with the part-of relation closed transitively."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = {(e.kind, e.code): e for e in entries}
        self._ancestors: dict[tuple[str, str], frozenset[str]] = {}
        for key in self.entries:
            self._ancestors[key] = self._walk_up(*key)

    def _walk_up(self, kind: str, code: str) -> frozenset[str]:
        seen, todo = {code}, [code]
        while todo:
            for parent in self.entries[(kind, todo.pop())].parents:
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return frozenset(seen)

    def entry(self, kind: str, code: str) -> Entry:
        """The entry of ``kind`` with ``code``; KeyError when there is none."""
        return self.entries[(kind, code)]

    def label(self, kind: str, code: str) -> str:
        """The entry's words: "citizens of Russia", "Syria and Iraq"."""
        return self.entry(kind, code).label

    def short(self, kind: str, code: str) -> str:
        """The entry's words for a figure's labels ("Russia+CIS"), else its label."""
        entry = self.entry(kind, code)
        return entry.short or entry.label

    def codes(self, kind: str) -> list[str]:
        """Every code of ``kind``, in table order."""
        return [code for k, code in self.entries if k == kind]

    def ancestors(self, kind: str, code: str) -> frozenset[str]:
        """``code`` and every entry it is part of, directly or through others."""
        return self._ancestors[(kind, code)]

    def relation(self, kind: str, a: str, b: str) -> str | None:
        """How ``a`` stands to ``b``: "same", "contains" (b is part of a), "contained"
        (a is part of b), or None when neither holds the other."""
        if a == b:
            return "same"
        if a in self.ancestors(kind, b):
            return "contains"
        if b in self.ancestors(kind, a):
            return "contained"
        return None

    def whole_of(self, kind: str, parts: Iterable[str]) -> str | None:
        """The entry that is exactly the union of ``parts`` (listed as its ``parts``), if any."""
        wanted = sorted(parts)
        for (k, code), entry in self.entries.items():
            if k == kind and entry.parts and sorted(entry.parts) == wanted:
                return code
        return None


def nesting_path(root: Path | str) -> Path:
    """``data/populations.csv`` under the repository root."""
    return Path(root) / "data" / "populations.csv"


def _codes(cell: object) -> tuple[str, ...]:
    return tuple(str(cell).split()) if isinstance(cell, str) else ()


def check_entries(frame: pd.DataFrame, path: Path | str) -> list[Entry]:
    """The table's rows as entries; raise DataError naming row and field for every problem.

    Rules: kind is population, place or event; codes are short upper-case codes, unique within
    their kind; a label is given; every parent and part is an entry of the same kind; an
    entry is never its own ancestor; each part lists the whole among its parents.
    """
    problems: list[str] = []
    entries: list[Entry] = []
    positions: dict[tuple[str, str], int] = {}
    for position, row in enumerate(frame.to_dict("records"), start=1):

        def fail(field: str, problem: str, position: int = position) -> None:
            problems.append(f"{where(path, position, field)}: {problem}")

        kind, code = row["kind"], row["code"]
        if kind not in KINDS:
            fail("kind", f"expected one of {', '.join(KINDS)}, found {kind!r}")
            continue
        if not isinstance(code, str) or not _CODE.match(code):
            fail("code", f"expected an upper-case code such as RU or SY+IQ, found {code!r}")
            continue
        if (kind, code) in positions:
            fail("code", f"{kind} {code} is already defined in row {positions[(kind, code)]}")
            continue
        if not isinstance(row["label"], str):
            fail("label", "is empty; a label is required")
        positions[(kind, code)] = position
        entries.append(
            Entry(
                kind,
                code,
                str(row["label"]),
                _codes(row["parents"]),
                _codes(row["parts"]),
                row["definition"] if isinstance(row["definition"], str) else "",
                row["evidence"] if isinstance(row["evidence"], str) else "",
                row["short"] if isinstance(row["short"], str) else "",
            )
        )
    known = set(positions)
    for entry in entries:
        position = positions[(entry.kind, entry.code)]
        for field, codes in (("parents", entry.parents), ("parts", entry.parts)):
            for code in codes:
                if (entry.kind, code) not in known:
                    problems.append(
                        f"{where(path, position, field)}: {code!r} is not a {entry.kind} code"
                    )
    if not problems:
        problems += _cycles(entries, positions, path)
    if not problems:
        for entry in entries:
            for part in entry.parts:
                parent_list = next(e for e in entries if (e.kind, e.code) == (entry.kind, part))
                if entry.code not in parent_list.parents:
                    problems.append(
                        f"{where(path, positions[(entry.kind, entry.code)], 'parts')}: part "
                        f"{part} must list {entry.code} among its parents"
                    )
    if problems:
        raise DataError("\n".join(problems))
    return entries


def _cycles(
    entries: list[Entry], positions: dict[tuple[str, str], int], path: Path | str
) -> list[str]:
    """A problem for every entry that is, through its parents, part of itself."""
    parents = {(e.kind, e.code): e.parents for e in entries}
    problems = []
    for kind, code in parents:
        todo, seen = list(parents[(kind, code)]), set()
        while todo:
            current = todo.pop()
            if current == code:
                problems.append(
                    f"{where(path, positions[(kind, code)], 'parents')}: {kind} {code} is, "
                    "through its parents, part of itself"
                )
                break
            if current not in seen:
                seen.add(current)
                todo.extend(parents[(kind, current)])
    return problems


def load_nesting(root: Path | str) -> Nesting:
    """Read and check ``data/populations.csv`` under ``root``."""
    path = nesting_path(root)
    frame = read_table(path, NESTING_COLUMNS, "the population and place table")
    return Nesting(check_entries(frame, path))
