"""The one error class of claimtrail's data checks, and how to report a pandera failure."""

from __future__ import annotations

import math
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pandas as pd
import pandera.pandas as pa

from claimtrail.io.csvrows import RowProblem, read_rows, undecodable


class DataError(ValueError):
    """Bad input data: the message names the file, the row, the field and what was expected."""


class CorpusError(DataError):
    """The corpus (data/articles.csv and data/raw/) failed validation."""


def where(path: Path | str, row: int | None = None, field: str | None = None) -> str:
    """Format a location: ``data/articles.csv, row 3, field 'sha256'`` (rows count from 1)."""
    parts = [str(path)]
    if row is not None:
        parts.append(f"row {row}")
    if field is not None:
        parts.append(f"field '{field}'")
    return ", ".join(parts)


def read_table(
    path: Path | str, columns: tuple[str, ...], what: str, error: type[DataError] = DataError
) -> pd.DataFrame:
    """Read a CSV as strings (empty cells become <NA>, nothing else is converted) and check
    that it has ``columns``; raise ``error`` naming the file, and the row and line where a
    row is to blame, for a missing or unreadable file, a missing column, broken quoting, a
    row with the wrong number of fields, bytes that are not UTF-8, a UTF-16 or empty file.
    Every such problem is listed, one per line."""
    path = Path(path)
    if not path.is_file():
        raise error(f"{path}: {what} is missing")
    rows, problems, header = [], [], None
    for row in read_rows(path, required=columns):
        if isinstance(row, RowProblem):
            place = where(path, row.number) + (f" (line {row.line})" if row.number else "")
            problems.append(f"{place}: {row.problem}")
            continue
        header = header or tuple(row.values)
        bad = [name for name, value in row.values.items() if undecodable(value)]
        problems += [f"{where(path, row.number, name)}: not valid UTF-8" for name in bad]
        rows.append(row.values)
    if problems:
        raise error("\n".join(problems))
    frame = pd.DataFrame(rows, columns=list(header or columns), dtype="string")
    return frame.replace("", pd.NA)


def validate_frame(
    schema: pa.DataFrameSchema,
    frame: pd.DataFrame,
    path: Path | str,
    error: type[DataError] = DataError,
) -> pd.DataFrame:
    """Validate ``frame`` against ``schema``; on failure raise ``error`` naming file, row, field.

    Every failure is listed, one per line, rows counted from 1 as in a spreadsheet of
    the data (the header is not a row).
    """
    try:
        return schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        lines = []
        for case in exc.failure_cases.itertuples(index=False):
            row = None if pd.isna(case.index) else int(case.index) + 1
            field = None if pd.isna(case.column) else str(case.column)
            lines.append(
                f"{where(path, row, field)}: failed {case.check} (found {case.failure_case!r})"
            )
        raise error("\n".join(sorted(set(lines)))) from None


_URL_FORBIDDEN = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")


def url_problem(value: str) -> str | None:
    """What is wrong with ``value`` as the web address of a source, or None.

    An address is http or https with a host, holds no white space, quotes, angle
    brackets, backslash, backtick or control character, and is unchanged when parsed and
    written back (so what is shown is what a browser follows).

    >>> url_problem("https://example.org/a?b=1"), url_problem("javascript:alert(1)")
    (None, 'is not an http(s) address with a host')
    """
    bad = _URL_FORBIDDEN.search(value)
    if bad:
        return f"holds a character not allowed in an address ({bad.group()!r})"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        return f"is not a web address: {exc}"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "is not an http(s) address with a host"
    if urlunsplit(parts) != value:
        return "is not written as a parsed address writes back"
    return None


_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_WHOLE_NUMBER = re.compile(r"\d+")


def number_problems(
    frame: pd.DataFrame, path: Path | str, columns: tuple[str, ...], whole: bool = False
) -> list[str]:
    """One line per cell of ``columns`` that is not a plain non-negative decimal number
    (a whole one if ``whole``) of finite size: "inf", "NaN", "1e3", "-5", "5,000" and
    "1" followed by 400 zeros are refused before anything is converted, so a bad cell is
    named once and blames no other. Empty cells are left to the schema."""
    pattern = _WHOLE_NUMBER if whole else _PLAIN_NUMBER
    kind = "a whole number" if whole else "a plain number"
    lines = []
    for column in columns:
        for row, value in enumerate(frame[column], start=1):
            if pd.isna(value):
                continue
            if pattern.fullmatch(value) is None or not math.isfinite(float(value)):
                lines.append(f"{where(path, row, column)}: {value!r} is not {kind} (digits)")
    return lines
