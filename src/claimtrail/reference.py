"""Figures from outside the corpus, ``data/reference/estimates.csv``: schema and loading.

Each row is a published figure with its citation (speaker, publisher, date, address and
the verbatim sentence). These are context and a check on the corpus; they are never
mixed with corpus claims without a visible marker (the ``source`` column of
:func:`claimtrail.comparisons.timeline_frame`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from claimtrail.claims import BASES, MEASURES, bounds_problems, coding_problems
from claimtrail.errors import DataError, read_table, validate_frame, where
from claimtrail.numbers import QUALIFIERS
from claimtrail.populations import load_nesting
from claimtrail.timeref import PRECISIONS

_ISO = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _text(nullable: bool = True, **kwargs) -> pa.Column:
    return pa.Column(pd.StringDtype(), nullable=nullable, **kwargs)


def _count() -> pa.Column:
    return pa.Column(float, pa.Check.ge(0), nullable=True, coerce=True)


REFERENCE_SCHEMA = pa.DataFrameSchema(
    {
        "ref_id": _text(False, checks=pa.Check.str_matches(r"^R\d{2,}$"), unique=True),
        "measure": _text(False, checks=pa.Check.isin(MEASURES)),
        "basis": _text(False, checks=pa.Check.isin(sorted({b for v in BASES.values() for b in v}))),
        "event": _text(),
        "population": _text(False),
        "place": _text(False),
        "low": _count(),
        "best": _count(),
        "high": _count(),
        "qualifier": _text(False, checks=pa.Check.isin(QUALIFIERS)),
        "as_of": _text(False, checks=pa.Check.str_matches(_ISO)),
        "as_of_precision": _text(False, checks=pa.Check.isin(PRECISIONS)),
        "speaker": _text(False),
        "publisher": _text(False),
        "published": _text(checks=pa.Check.str_matches(_ISO)),
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


def load_reference(root: Path | str) -> pd.DataFrame:
    """Read and validate the reference figures; a bad row raises DataError naming it."""
    path = reference_path(root)
    frame = read_table(path, tuple(REFERENCE_SCHEMA.columns), "the reference table")
    frame = validate_frame(REFERENCE_SCHEMA, frame, path)
    nesting = load_nesting(root)
    lines = [
        f"{where(path, position, field)} ({row['ref_id']}): {problem}"
        for position, (_, row) in enumerate(frame.iterrows(), start=1)
        for field, problem in bounds_problems(row) + coding_problems(row, nesting)
    ]
    if lines:
        raise DataError("\n".join(lines))
    return frame
