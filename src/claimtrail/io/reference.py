"""Figures from outside the corpus, ``data/reference/estimates.csv``: schema and loading.

Each row is a published figure with its citation (speaker, publisher, date, address and
the verbatim sentence). These are context and a check on the corpus; they are never
mixed with corpus claims without a visible marker (the ``source`` column of
:func:`claimtrail.analysis.comparisons.timeline_frame`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from claimtrail.io.claims import (
    FIGURE_COLUMNS,
    ISO_DATE,
    SOURCE_CODE,
    as_of_problems,
    bounds_problems,
    coding_problems,
)
from claimtrail.io.errors import (
    DataError,
    number_problems,
    read_table,
    url_problem,
    validate_frame,
    where,
)
from claimtrail.io.populations import load_nesting
from claimtrail.text.timeref import date_bounds


def _text(nullable: bool = True, **kwargs) -> pa.Column:
    return pa.Column(pd.StringDtype(), nullable=nullable, **kwargs)


REFERENCE_SCHEMA = pa.DataFrameSchema(
    {
        "ref_id": _text(False, checks=pa.Check.str_matches(r"^R\d{2,}$"), unique=True),
        **FIGURE_COLUMNS,
        "speaker": _text(False),
        "source": _text(False, checks=pa.Check.str_matches(SOURCE_CODE)),
        "publisher": _text(False),
        "published": _text(checks=pa.Check.str_matches(ISO_DATE)),
        "url": _text(False, checks=pa.Check.str_matches(r"^https?://")),
        "quote": _text(False),
        "confirmed": _text(False, checks=pa.Check.isin(("yes", "no"))),
        "origin": _text(False),
        "notes": _text(),
    },
    strict=True,
    ordered=True,
)


def reference_path(root: Path | str) -> Path:
    """``data/reference/estimates.csv`` under the repository root."""
    return Path(root) / "data" / "reference" / "estimates.csv"


def _row_problems(row: pd.Series, today: date) -> list[tuple[str, str]]:
    """(field, problem) for the rules beyond the schema that one row breaks."""
    problems = bounds_problems(row)
    problems += as_of_problems(row["as_of"], row["published"], today)
    problem = url_problem(row["url"])
    if problem:
        problems.append(("url", problem))
    if not pd.isna(row["published"]) and date_bounds(row["published"])[0] > today:
        problems.append(("published", f"{row['published']} is in the future (today is {today})"))
    return problems


def load_reference(root: Path | str, today: date | None = None) -> pd.DataFrame:
    """Read and validate the reference figures; every bad cell raises one DataError line
    naming file, row and field. Beyond the schema: bounds as for claims, the address a
    real http(s) address, the as-of date not after the publication nor ``today`` (default:
    the current date) nor before 1950."""
    today = today or date.today()
    path = reference_path(root)
    frame = read_table(path, tuple(REFERENCE_SCHEMA.columns), "the reference table")
    numbers = number_problems(frame, path, ("low", "best", "high"))
    if numbers:  # the other columns are still checked, the numbers not converted
        try:
            validate_frame(
                REFERENCE_SCHEMA.remove_columns(["low", "best", "high"]),
                frame.drop(columns=["low", "best", "high"]),
                path,
            )
        except DataError as exc:
            numbers += str(exc).splitlines()
        raise DataError("\n".join(numbers))
    frame = validate_frame(REFERENCE_SCHEMA, frame, path)
    nesting = load_nesting(root)
    lines = [
        f"{where(path, position, field)} ({row['ref_id']}): {problem}"
        for position, (_, row) in enumerate(frame.iterrows(), start=1)
        for field, problem in _row_problems(row, today) + coding_problems(row, nesting)
    ]
    if lines:
        raise DataError("\n".join(lines))
    return frame
