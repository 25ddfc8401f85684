"""The one error class of claimtrail's data checks, and how to report a pandera failure."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from claimtrail.csvrows import RowProblem, read_rows, undecodable


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
