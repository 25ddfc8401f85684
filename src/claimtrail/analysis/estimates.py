"""The comparison of estimates in one call: everything chapter 2, the grades and the front
page read about how the corpus figures stand to each other and to the record."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from claimtrail.analysis.comparisons import comparisons, neighbours, series, timeline_frame
from claimtrail.analysis.flags import all_flags, currency
from claimtrail.io.record import Record


@dataclass(frozen=True)
class Estimates:
    """The timeline frame (corpus and reference figures), the comparisons table, each
    quantity's series, each claim's neighbours on its series, its currency at
    publication, and the flags."""

    frame: pd.DataFrame
    comparisons: pd.DataFrame
    series: pd.DataFrame
    neighbours: pd.DataFrame
    currency: pd.DataFrame
    flags: pd.DataFrame


def compare_estimates(record: Record) -> Estimates:
    """Compare every corpus claim with the record (see :mod:`claimtrail.analysis.comparisons`)."""
    frame = timeline_frame(record.claims, record.reference, record.corpus, record.nesting)
    table = comparisons(frame, record.nesting)
    return Estimates(
        frame=frame,
        comparisons=table,
        series=series(frame, record.nesting),
        neighbours=neighbours(frame, record.nesting),
        currency=currency(frame, record.nesting),
        flags=all_flags(record.claims, record.corpus, frame, table, record.nesting),
    )
