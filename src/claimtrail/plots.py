"""The book's figures. Functions here only draw what they are given and return the Axes.

Figures must stay readable in grayscale and for colour-blind readers: marker shapes and
line styles carry the meaning, and colours come from the Okabe-Ito palette.
"""

from __future__ import annotations

from datetime import date, timedelta

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

OKABE_ITO = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)
PRECISION_STYLE = {
    "day": {"marker": "D", "hatch": ""},
    "month": {"marker": "s", "hatch": "////"},
    "year": {"marker": "o", "hatch": ".."},
}


def _new_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def plot_date_spans(
    labels: list[str],
    earliest: list[date],
    latest: list[date],
    precisions: list[str],
    ax: Axes | None = None,
    title: str = "",
) -> Axes:
    """Draw each dated item as a bar from its earliest to its latest possible day.

    A day-precise date is a diamond; a month or a year is a hatched bar spanning it, so
    a date known only to the year is visibly not a point in time.
    """
    ax = _new_axes(ax, (8, 0.6 * len(labels) + 1.4))
    for row, (first, last, precision) in enumerate(zip(earliest, latest, precisions, strict=True)):
        style = PRECISION_STYLE[precision]
        if precision == "day":
            ax.plot([first], [row], marker=style["marker"], color=OKABE_ITO[4], markersize=9)
        else:
            width = (last + timedelta(days=1)) - first
            ax.barh(
                row,
                width,
                left=first,
                height=0.5,
                color=OKABE_ITO[1] if precision == "month" else OKABE_ITO[0],
                edgecolor="black",
                hatch=style["hatch"],
            )
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.grid(axis="x", linestyle=":", color="0.6")
    handles = [
        plt.Line2D([], [], marker="D", linestyle="", color=OKABE_ITO[4], label="day"),
        plt.Rectangle(
            (0, 0), 1, 1, facecolor=OKABE_ITO[1], edgecolor="black", hatch="////", label="month"
        ),
        plt.Rectangle(
            (0, 0), 1, 1, facecolor=OKABE_ITO[0], edgecolor="black", hatch="..", label="year"
        ),
    ]
    ax.legend(handles=handles, title="date precision", loc="lower right", frameon=True)
    if title:
        ax.set_title(title)
    return ax


def plot_publication_dates(table: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Publication dates of the corpus (a :func:`claimtrail.corpus.describe_corpus` table)."""
    labels = [
        f"{a} {o if isinstance(o, str) else '(outlet unknown)'}"
        for a, o in zip(table["article"], table["outlet"], strict=True)
    ]
    ax = plot_date_spans(
        labels,
        list(table["earliest"]),
        list(table["latest"]),
        list(table["precision"]),
        ax=ax,
    )
    ax.set_xlabel("publication date (a bar spans every day the evidence allows)")
    return ax
