"""The one error class of claimtrail's data checks, and how to report a pandera failure."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa


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
    that it has ``columns``; raise ``error`` naming the file when it is missing or lacks one."""
    path = Path(path)
    if not path.is_file():
        raise error(f"{path}: {what} is missing")
    frame = pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""])
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise error(f"{path}: missing column(s) {', '.join(missing)}")
    return frame


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
