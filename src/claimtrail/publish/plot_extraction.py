"""Chapter 4's figures: the extractor's scores per measure with their intervals, and its
time and memory as the corpus grows.

Both follow the book's figure rules (:mod:`claimtrail.publish.plotstyle`): drawn at the column
width, text of at least 10 px, and meaning carried by marker shape as well as colour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd

from claimtrail.publish.plotstyle import new_figure

# Precision and recall: shape and colour differ, so the two read apart in grayscale.
SCORE_STYLES = (
    ("precision", "o", "#0072B2"),
    ("recall", "s", "#E69F00"),
)


def plot_measure_scores(rows: Sequence[dict], targets: dict[str, float]) -> plt.Figure:
    """Precision and recall per measure, each a point with its 95% Wilson interval and the
    number it rests on, beside the overall targets (dotted lines).

    ``rows`` are :meth:`claimtrail.extraction.evaluation.Evaluation.by_measure` rows; a score with
    nothing to rest on (no extraction, or no annotated claim) is left out and said so.
    """
    figure, axes = new_figure(0.5 * len(rows) + 1.3, ncols=2, sharey=True)
    labels = [f"{row['measure']}" for row in rows]
    positions = list(range(len(rows)))[::-1]
    for ax, (score, marker, colour) in zip(axes, SCORE_STYLES, strict=True):
        base = "extracted" if score == "precision" else "claims"
        what = "extracted figures that match" if base == "extracted" else "annotated claims found"
        for y, row in zip(positions, rows, strict=True):
            value = row[score]
            if value is None or (isinstance(value, float) and math.isnan(value)):
                ax.text(0.02, y, f"none {base}", va="center", fontsize=10, color="0.35")
                continue
            low, high = row[f"{score}_interval"]
            ax.plot([low, high], [y, y], color=colour, linewidth=2, solid_capstyle="butt")
            ax.plot([value], [y], marker=marker, color=colour, markersize=7, linestyle="")
            # the count beside the interval, on the side with room for it
            left = low > 0.35
            ax.annotate(
                f"{row['matched']} of {row[base]}",
                (low if left else high, y),
                xytext=(-6 if left else 6, 0),
                textcoords="offset points",
                ha="right" if left else "left",
                va="center",
                fontsize=10,
                color="0.25",
            )
        ax.axvline(targets[score], color="0.4", linestyle=":", linewidth=1)
        ax.set_xlim(0, 1.02)
        ax.set_title(score, loc="left", fontsize=11)
        ax.set_xlabel(f"share of {what}")
        ax.grid(axis="x", linestyle=":", color="0.85")
    axes[0].set_yticks(positions, labels)
    axes[0].set_ylim(-0.6, len(rows) - 0.4)
    return figure


def plot_scaling(rows: Sequence[dict]) -> plt.Figure:
    """Wall time and peak memory of extraction against corpus size (recorded benchmark rows
    with megabytes, seconds and peak_rss_mb), both on a log size axis."""
    frame = pd.DataFrame(list(rows))
    figure, (left, right) = new_figure(3.0, ncols=2)
    left.plot(frame["megabytes"], frame["seconds"], marker="o", color="#0072B2")
    left.set(xscale="log", yscale="log", xlabel="corpus size (MB)", ylabel="wall time (s)")
    left.set_title("time grows with the corpus", loc="left", fontsize=11)
    right.plot(
        frame["megabytes"], frame["peak_rss_mb"], marker="s", linestyle="--", color="#D55E00"
    )
    right.set(
        xscale="log",
        xlabel="corpus size (MB)",
        ylabel="peak memory (MB)",
        ylim=(0, float(frame["peak_rss_mb"].max()) * 1.3),
    )
    right.set_title("memory stays flat", loc="left", fontsize=11)
    for ax in (left, right):
        ax.grid(linestyle=":", color="0.85")
    return figure
