"""Figures of estimates over time: small multiples, drawn at the width the book shows them.

Lines join the figures of one quantity only (the same population, place and kind of
count) in time order; a reader sees the other quantities of the panel beside them, never
merged into them. Each line has its own colour and marker, its line style gives the kind
of count, a hollow marker is a reference figure and a filled one a corpus claim. A figure
known only to the month or the year is drawn across that span; a closed range is a
vertical bar; an open bound is an arrow. Claims carry their ids in bold; reference
figures carry theirs where there is room (every figure is in the tables beside the
drawing); lines are labelled in the right margin, or in a short key under a busy panel.
"""

from __future__ import annotations

import math
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from claimtrail.publish.plotstyle import MARKERS, SERIES_COLOURS

WIDTH_INCHES = 7.3
PANEL_INCHES = 2.9
FONT_SIZE = 10
# Colour and marker go together, so a line stays apart in grayscale and for colour-blind
# readers (the book's series palette, checked by plotstyle.palette_problems).
PLACE_STYLES = tuple(zip(SERIES_COLOURS, MARKERS, strict=True))
BASIS_LINES = {
    "fighting": "-",
    "cumulative": "--",
    "suspected": ":",
    "watched": "-",
    "event": "-",
}


def _x(row: pd.Series | dict, column: str) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp]:
    """First day, middle and end of the span a figure is drawn over."""
    if column == "reported":
        day = pd.Timestamp(row["reported"])
        return day, day, day
    first = pd.Timestamp(row["earliest"])
    last = pd.Timestamp(row["latest"]) + pd.Timedelta(days=1)
    return first, first + (last - first) / 2, last


def _plain_number(value: float, _position: object) -> str:
    return f"{value:,.0f}" if value >= 1 else f"{value:g}"


def _draw_point(ax: Axes, row: dict, colour: str, marker: str, x_column: str) -> None:
    first, middle, last = _x(row, x_column)
    y = row["point"]
    if x_column != "reported" and row["as_of_precision"] != "day":
        ax.plot([first, last], [y, y], color=colour, linewidth=6, alpha=0.3, solid_capstyle="butt")
    lower, upper = row["lower"], row["upper"]
    if 0 < lower < upper < math.inf:
        ax.plot([middle, middle], [lower, upper], color=colour, linewidth=1.6)
    if upper == math.inf:
        ax.annotate(
            "",
            xy=(middle, lower * 1.9),
            xytext=(middle, lower),
            arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.4},
        )
    if lower == 0:
        ax.annotate(
            "",
            xy=(middle, upper / 1.9),
            xytext=(middle, upper),
            arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.4},
        )
    reference = row["source"] == "reference"
    ax.plot(
        [middle],
        [y],
        marker=marker,
        markersize=8,
        markerfacecolor="white" if reference else colour,
        markeredgecolor=colour,
        markeredgewidth=1.8,
        linestyle="",
        zorder=3,
    )


def _place_labels(ax: Axes, labels: list, placed: list, *, optional: bool) -> None:
    """Move labels apart vertically until none overlaps another or a placed one and each
    stays inside the panel (deterministic, greedy); an ``optional`` label that finds no
    free place is hidden."""
    renderer = ax.figure.canvas.get_renderer()
    panel = ax.get_window_extent(renderer)
    for text in sorted(labels, key=lambda t: (t.xy[0], t.xy[1])):
        offset, anchor = text.get_position(), text.xyann
        for step in range(6 if optional else 20):  # a reference id stays near its point
            box = text.get_window_extent(renderer).expanded(1.02, 1.1)
            inside = panel.y0 <= box.y0 and box.y1 <= panel.y1
            if inside and not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            shift = (step // 2 + 1) * (1 if step % 2 == 0 else -1)
            if text.anncoords == "offset points":
                text.set_position((offset[0], offset[1] + 7 * shift))
            else:
                text.xyann = (anchor[0], anchor[1] * 1.3**shift)
        else:
            if optional:
                text.set_visible(False)
            else:
                placed.append(text.get_window_extent(renderer))


DIRECT_LABELS = 4  # at most this many lines in a panel are labelled in the margin


def plot_series(
    panels: list[tuple[str, pd.DataFrame]],
    *,
    x: str = "earliest",
    ylabel: str = "number of people (log scale)",
) -> plt.Figure:
    """Draw ``panels`` (title, rows of :func:`claimtrail.analysis.comparisons.panel`) one above the
    other, sharing the time axis. ``x`` is "earliest" (as-of date) or "reported" (the date
    each figure was published: an event's revisions).

    Each line of a panel has its own colour and marker (with line style for the kind of
    count); a panel of up to ``DIRECT_LABELS`` lines labels them in the right margin, a
    busier one in a short key beneath it."""
    plt.rcParams.update({"font.size": FONT_SIZE})
    heights = [
        PANEL_INCHES
        + (
            0.0
            if rows["series"].nunique() <= DIRECT_LABELS
            else 0.3 * math.ceil(rows["series"].nunique() / 2)
        )
        for _, rows in panels
    ]
    fig, axes = plt.subplots(
        len(panels),
        1,
        figsize=(WIDTH_INCHES, sum(heights) + 0.5),
        layout="constrained",
        sharex=True,
        squeeze=False,
        height_ratios=heights,
    )
    all_x = [_x(r, x)[2] for _, rows in panels for r in rows.to_dict("records")]
    first_day, last_day = min(all_x), max(all_x)
    direct = any(rows["series"].nunique() <= DIRECT_LABELS for _, rows in panels)
    margin = (last_day - first_day) * (0.3 if direct else 0.04) + pd.Timedelta(days=30)
    for index, (ax, (title, rows)) in enumerate(zip(axes[:, 0], panels, strict=True)):
        claim_labels, reference_labels, line_labels, handles = [], [], [], []
        groups = list(rows.groupby("series", sort=False))
        groups.sort(key=lambda g: (g[1]["series_label"].iloc[0], g[0]))
        for (_, members), (colour, marker) in zip(groups, _cycle(len(groups)), strict=True):
            ordered = members.sort_values(["reported" if x == "reported" else "earliest", "id"])
            records = ordered.to_dict("records")
            linestyle = BASIS_LINES[records[0]["basis"]]
            xs = [_x(r, x)[1] for r in records]
            ax.plot(
                xs,
                [r["point"] for r in records],
                color=colour,
                linestyle=linestyle,
                linewidth=1.4,
                zorder=2,
            )
            for record in records:
                _draw_point(ax, record, colour, marker, x)
                (claim_labels if record["source"] == "corpus" else reference_labels).append(
                    ax.annotate(
                        record["id"],
                        (_x(record, x)[1], record["point"]),
                        xytext=(5, 4),
                        textcoords="offset points",
                        fontsize=FONT_SIZE - 1,
                        color="0.15",
                        fontweight="bold" if record["source"] == "corpus" else "normal",
                        in_layout=False,
                    )
                )
            label = records[0]["series_label"]
            handles.append(
                plt.Line2D(
                    [],
                    [],
                    color=colour,
                    marker=marker,
                    linestyle=linestyle,
                    label=label,
                    markerfacecolor="white",
                )
            )
            line_labels.append(
                ax.annotate(
                    textwrap.fill(label, 20),
                    (last_day + pd.Timedelta(days=20), records[-1]["point"]),
                    va="center",
                    fontsize=FONT_SIZE - 1,
                    color=colour,
                    fontweight="bold",
                    in_layout=False,
                )
            )
        ax.set_xlim(first_day - pd.Timedelta(days=30), last_day + margin)
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        ax.yaxis.set_major_formatter(FuncFormatter(_plain_number))
        ax.yaxis.set_minor_formatter(NullFormatter())
        low = min(min(rows["point"]), min(rows["lower"].replace(0, math.inf)))
        high = max(max(rows["point"]), max(rows["upper"].replace(math.inf, 0)))
        ax.set_ylim(low / 2.5, high * 3)
        ax.set_title(title, loc="left", fontsize=FONT_SIZE + 1)
        ax.grid(axis="both", linestyle=":", color="0.8")
        ax.set_ylabel(ylabel if len(panels) == 1 else "people (log)")
        if len(groups) > DIRECT_LABELS:
            for text in line_labels:
                text.remove()
            line_labels = []
            ax.legend(
                handles=handles,
                loc="upper center",
                bbox_to_anchor=(0.5, -0.42 if index == len(panels) - 1 else -0.12),
                ncols=2,
                fontsize=FONT_SIZE - 1,
                frameon=False,
            )
        fig.canvas.draw()
        placed: list = []
        _place_labels(ax, line_labels, placed, optional=False)
        _place_labels(ax, claim_labels, placed, optional=False)
        _place_labels(ax, reference_labels, placed, optional=True)
    bottom = axes[-1, 0]
    bottom.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    bottom.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    bottom.set_xlabel(
        "date the figure was published" if x == "reported" else "as-of date of the figure"
    )
    return fig


def _cycle(count: int) -> list[tuple[str, str]]:
    """(colour, marker) for ``count`` lines, repeating the styles when there are more."""
    return [PLACE_STYLES[i % len(PLACE_STYLES)] for i in range(count)]
