"""The book's figures. Functions here only draw what they are given and return the Axes.

Figures must stay readable in grayscale and for colour-blind readers: marker shapes and
line styles carry the meaning, and colours come from the Okabe-Ito palette.
"""

from __future__ import annotations

from datetime import date, timedelta

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from claimtrail.plotstyle import OKABE_ITO, new_figure

# How each kind of date window is drawn: a point for a day, a plain bar for a window of
# days the evidence states, hatched bars for a month or a year. Shapes and hatching
# carry the meaning; colours only repeat it.
WINDOW_STYLE = {
    "day": {"label": "known to the day", "colour": OKABE_ITO[4], "hatch": ""},
    "days": {"label": "a window of days", "colour": OKABE_ITO[4], "hatch": ""},
    "month": {"label": "known to the month", "colour": OKABE_ITO[1], "hatch": "////"},
    "year": {"label": "known to the year", "colour": OKABE_ITO[0], "hatch": ".."},
}


def plot_date_spans(
    labels: list[str],
    earliest: list[date],
    latest: list[date],
    windows: list[str],
) -> plt.Figure:
    """Draw each dated item at its earliest-to-latest possible days, one row each.

    ``windows`` says what each span is (see :data:`WINDOW_STYLE`): a day is a diamond; a
    window of days a solid bar; a month or a year a hatched bar spanning it, so a date
    known only to the month is visibly not a point in time. Each row is labelled on the
    right with its dates in words; the legend lists only the kinds that occur.
    """
    fig, ax = new_figure(0.55 * len(labels) + 1.3)
    for row, (first, last, window) in enumerate(zip(earliest, latest, windows, strict=True)):
        style = WINDOW_STYLE[window]
        if window == "day":
            ax.plot([first], [row], marker="D", color=style["colour"], markersize=9)
            text = f"{first:%-d %b %Y}"
        else:
            ax.barh(
                row,
                (last + timedelta(days=1)) - first,
                left=first,
                height=0.5,
                color=style["colour"],
                edgecolor="black",
                hatch=style["hatch"],
            )
            text = (
                f"{first:%b %Y}"
                if window == "month"
                else f"{first:%Y}"
                if window == "year"
                else f"{first:%-d}\u2013{last:%-d %b %Y}"
            )
        ax.annotate(
            text,
            (last + timedelta(days=1), row),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_ylim(len(labels) - 0.4, -0.6)
    ax.set_xlim(min(earliest) - timedelta(days=45), max(latest) + timedelta(days=150))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.grid(axis="x", linestyle=":", color="0.6")
    handles = [
        plt.Line2D([], [], marker="D", linestyle="", color=WINDOW_STYLE["day"]["colour"])
        if kind == "day"
        else plt.Rectangle(
            (0, 0),
            1,
            1,
            facecolor=WINDOW_STYLE[kind]["colour"],
            edgecolor="black",
            hatch=WINDOW_STYLE[kind]["hatch"],
        )
        for kind in WINDOW_STYLE
        if kind in windows
    ]
    ax.legend(
        handles,
        [WINDOW_STYLE[kind]["label"] for kind in WINDOW_STYLE if kind in windows],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.2),
        ncols=len(handles),
        frameon=False,
    )
    return fig


def plot_publication_dates(table: pd.DataFrame) -> plt.Figure:
    """Publication dates of the corpus (a :func:`claimtrail.corpus.describe_corpus` table)."""
    labels = [
        f"{a} {o if isinstance(o, str) else '(outlet unknown)'}"
        for a, o in zip(table["article"], table["outlet"], strict=True)
    ]
    fig = plot_date_spans(
        labels, list(table["earliest"]), list(table["latest"]), list(table["window"])
    )
    fig.axes[0].set_xlabel("publication date: every day the evidence allows")
    return fig


PAGE_PARTS = {
    "body chars": {"label": "article body", "colour": OKABE_ITO[4], "hatch": ""},
    "heading chars": {
        "label": "headline, byline and dateline",
        "colour": OKABE_ITO[1],
        "hatch": "....",
    },
    "furniture chars": {"label": "page furniture", "colour": OKABE_ITO[0], "hatch": "////"},
}


def plot_page_composition(table: pd.DataFrame) -> plt.Figure:
    """One stacked bar per article: the characters of its saved page by part (a
    :func:`claimtrail.corpus.describe_corpus` table, one column per entry of
    :data:`PAGE_PARTS`). Each part has its own colour and hatching; the table's share of
    the page that is not the article body is written at the end of each bar.
    """
    labels = [f"{a} {o}" for a, o in zip(table["article"], table["outlet"], strict=True)]
    fig, ax = new_figure(0.5 * len(table) + 1.5)
    left = np.zeros(len(table))
    rows = np.arange(len(table))
    for part, style in PAGE_PARTS.items():
        values = table[part].to_numpy(dtype=float)
        ax.barh(
            rows,
            values,
            left=left,
            height=0.6,
            color=style["colour"],
            hatch=style["hatch"],
            edgecolor="black",
            linewidth=0.6,
            label=style["label"],
        )
        left += values
    for row, total, share in zip(rows, left, table["non-body %"], strict=True):
        ax.annotate(
            f"{share:.1f}% not body",
            (total, row),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    ax.set_yticks(rows, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, left.max() * 1.22)
    ax.xaxis.set_major_formatter(mticker.StrMethodFormatter("{x:,.0f}"))
    ax.set_xlabel("characters of the saved page")
    ax.grid(axis="x", linestyle=":", color="0.6")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=3, frameon=False)
    return fig


MEASURE_MARKERS = {
    "fighters": "o",
    "killed": "X",
    "injured": "^",
    "tracked": "s",
    "detained": "P",
    "recruited": "v",
    "returned": "D",
}
GROUP_LINESTYLES = ("-", "--", "-.", ":")
# Yellow is left out of the group colours: it does not read on white.
GROUP_COLOURS = tuple(c for c in OKABE_ITO if c != "#F0E442")


def _lightness(colour: str) -> int:
    """A colour's grey level in tenths (what a grayscale print shows)."""
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return round(10 * (0.299 * red + 0.587 * green + 0.114 * blue))


def group_styles(count: int) -> list[tuple[str, str]]:
    """(colour, line style) for ``count`` groups, chosen so that no two groups share both
    their line style and their grey level: they stay apart in a grayscale print.

    Colours and line styles advance together (7 colours and 4 styles run through all 28
    pairs), skipping a pair whose style and grey level are already taken."""
    styles, seen = [], set()
    for i in range(len(GROUP_COLOURS) * len(GROUP_LINESTYLES)):
        colour, linestyle = (
            GROUP_COLOURS[i % len(GROUP_COLOURS)],
            GROUP_LINESTYLES[i % len(GROUP_LINESTYLES)],
        )
        if (linestyle, _lightness(colour)) not in seen:
            seen.add((linestyle, _lightness(colour)))
            styles.append((colour, linestyle))
    if count > len(styles):
        raise ValueError(f"{count} groups in one panel: at most {len(styles)} can be told apart")
    return styles[:count]


def _label_points(ax: Axes, rows: pd.DataFrame) -> None:
    """Label each point with its id; points that coincide share one label ("C05 R18")."""
    spots: dict[tuple[str, float], list[str]] = {}
    for _, row in rows.iterrows():
        middle = (
            pd.Timestamp(row["earliest"])
            + (pd.Timestamp(row["latest"]) + pd.Timedelta(days=1) - pd.Timestamp(row["earliest"]))
            / 2
        )
        key = (f"{middle:%Y-%m}", round(float(np.log10(row["point"])), 1))
        spots.setdefault(key, []).append((middle, row["point"], row["id"]))
    for members in spots.values():
        middle, y, _ = members[0]
        ax.annotate(
            " ".join(m[2] for m in members),
            (middle, y),
            xytext=(6, 3),
            textcoords="offset points",
            fontsize=7,
            color="0.1",
        )


def _draw_figure(ax: Axes, row: pd.Series, colour: str, linestyle: str) -> None:
    """One figure: a marker at its value, a span over its as-of dates, bars for its bounds."""
    reference = row["source"] == "reference"
    first = pd.Timestamp(row["earliest"])
    last = pd.Timestamp(row["latest"]) + pd.Timedelta(days=1)
    middle = first + (last - first) / 2
    y = row["point"]
    if row["as_of_precision"] != "day":
        ax.plot(
            [first, last],
            [y, y],
            color=colour,
            linewidth=5,
            alpha=0.35,
            solid_capstyle="butt",
            linestyle=linestyle,
        )
    lower, upper = row["lower"], row["upper"]
    if lower > 0 and upper < float("inf") and lower < upper:
        ax.plot([middle, middle], [lower, upper], color=colour, linewidth=1.5, linestyle=linestyle)
    if upper == float("inf"):
        ax.annotate(
            "",
            xy=(middle, lower * 2.2),
            xytext=(middle, lower),
            arrowprops={"arrowstyle": "-|>", "color": colour, "linestyle": linestyle},
        )
    if lower == 0:
        ax.annotate(
            "",
            xy=(middle, upper / 2.2),
            xytext=(middle, upper),
            arrowprops={"arrowstyle": "-|>", "color": colour, "linestyle": linestyle},
        )
    ax.plot(
        [middle],
        [y],
        marker=MEASURE_MARKERS[row["measure"]],
        markersize=8 if reference else 9,
        markerfacecolor="white" if reference else colour,
        markeredgecolor=colour,
        markeredgewidth=1.6,
        linestyle="",
    )


def plot_timeline(frame: pd.DataFrame, panels: tuple[str, ...]) -> plt.Figure:
    """The estimates timeline: one panel per entry of ``panels`` (rows carry ``panel``).

    x is the as-of date (a translucent span where it is known only to the month or the
    year); y is the count on a log scale. A closed range is a vertical bar; an open bound
    is an arrow ("more than" up, "up to" down). The marker shape gives the measure; the
    colour and line style give the comparability group; filled markers are corpus
    claims, hollow ones reference figures. Each point is labelled with its id.
    """
    fig, axes = plt.subplots(
        len(panels), 1, figsize=(11, 3.6 * len(panels)), layout="constrained", sharex=True
    )
    for ax, panel in zip(axes, panels, strict=True):
        rows = frame[frame["panel"] == panel]
        handles = []
        groups = list(rows.groupby("group", sort=True))
        for (group, members), (colour, linestyle) in zip(
            groups, group_styles(len(groups)), strict=True
        ):
            for _, row in members.iterrows():
                _draw_figure(ax, row, colour, linestyle)
            handles.append(
                plt.Line2D(
                    [],
                    [],
                    color=colour,
                    linestyle=linestyle,
                    linewidth=2,
                    marker=MEASURE_MARKERS[members["measure"].iloc[0]],
                    label=group.split(" | ", 1)[1],
                )
            )
        _label_points(ax, rows)
        ax.set_yscale("log")
        ax.set_ylabel("count (log scale)")
        ax.set_title(panel, loc="left", fontsize=11)
        ax.grid(axis="both", linestyle=":", color="0.75")
        ax.legend(
            handles=handles,
            fontsize=7,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            title="group (population | place)",
            title_fontsize=7,
            frameon=False,
        )
    style = [
        plt.Line2D([], [], marker="o", color="0.3", linestyle="", label="corpus claim"),
        plt.Line2D(
            [],
            [],
            marker="o",
            markerfacecolor="white",
            color="0.3",
            linestyle="",
            label="reference figure",
        ),
        *[
            plt.Line2D([], [], marker=m, color="0.3", linestyle="", label=k)
            for k, m in MEASURE_MARKERS.items()
            if k in set(frame["measure"])
        ],
    ]
    fig.legend(
        handles=style, fontsize=7, loc="outside lower right", ncols=len(style), frameon=False
    )
    axes[-1].xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    axes[-1].xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    axes[-1].set_xlabel("as-of date: when the figure was true or stated")
    return fig


NODE_STYLE = {
    "person": {"marker": "o", "color": OKABE_ITO[1]},
    "organisation": {"marker": "s", "color": OKABE_ITO[0]},
    "outlet": {"marker": "D", "color": OKABE_ITO[2]},
    "article": {"marker": "p", "color": OKABE_ITO[6]},
}
EDGE_STYLE = {
    "relayed": {"linestyle": "-", "color": "0.35"},
    "published": {"linestyle": "-", "color": "0.35"},
    "copied from": {"linestyle": "--", "color": OKABE_ITO[5]},
    "cites": {"linestyle": ":", "color": OKABE_ITO[4]},
}


def _layers(graph) -> dict[str, int]:
    """Column of each node: articles last, every other node right of all its sources."""
    import networkx as nx

    flow = graph.edge_subgraph(
        [(u, v) for u, v, d in graph.edges(data=True) if d["relation"] != "copied from"]
    ).copy()
    flow.add_nodes_from(graph.nodes)
    layer: dict[str, int] = {}
    for node in nx.topological_sort(flow):
        layer[node] = max((layer[p] + 1 for p in flow.predecessors(node)), default=0)
    last = max(layer.values()) + 1
    return {n: (last if n.startswith("article:") else layer[n]) for n in graph.nodes}


def _barycentre_positions(graph, layers: dict[str, int]) -> dict[str, tuple[float, float]]:
    """(x, y) of every node: x is its layer; within a layer, nodes are ordered by the mean
    row of the nodes they point to (right to left), which keeps most edges from crossing."""
    columns: dict[int, list[str]] = {}
    for node in sorted(graph.nodes):
        columns.setdefault(layers[node], []).append(node)
    height = max(len(c) for c in columns.values())
    row: dict[str, float] = {}
    for column in sorted(columns, reverse=True):
        nodes = columns[column]
        if column == max(columns):
            order = nodes
        else:

            def centre(node: str) -> float:
                targets = [row[t] for t in graph.successors(node) if t in row]
                return sum(targets) / len(targets) if targets else height

            order = sorted(nodes, key=lambda n: (centre(n), n))
        spacing = height / len(order)
        for index, node in enumerate(order):
            row[node] = (index + 0.5) * spacing
    return {n: (layers[n], -row[n]) for n in graph.nodes}


def plot_relay_graph(graph) -> plt.Figure:
    """Draw a :func:`claimtrail.provenance.relay_graph` left to right, speakers first.

    Shapes give the node type (circle person, square organisation, diamond outlet,
    pentagon article); solid edges are relays and publication, dashed edges copied text,
    dotted edges a wire source an article cites. Node labels carry the claim ids that
    start there.
    """
    layers = _layers(graph)
    position = _barycentre_positions(graph, layers)
    height = max(-y for _, y in position.values()) + 1
    fig, ax = plt.subplots(figsize=(11, 0.45 * height + 1.5), layout="constrained")
    for source, target, data in graph.edges(data=True):
        (x0, y0), (x1, y1) = position[source], position[target]
        style = EDGE_STYLE[data["relation"]]
        bend = 0.25 if data["relation"] == "copied from" else 0.0
        ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops={
                "arrowstyle": "-|>",
                "shrinkA": 7,
                "shrinkB": 7,
                "connectionstyle": f"arc3,rad={bend}",
                **style,
            },
        )
    for node, (x, y) in position.items():
        data = graph.nodes[node]
        style = NODE_STYLE["article" if node.startswith("article:") else data["type"]]
        ax.plot(
            [x],
            [y],
            marker=style["marker"],
            color=style["color"],
            markersize=11,
            markeredgecolor="black",
            linestyle="",
        )
        started = sorted(
            {c for _, _, d in graph.out_edges(node, data=True) for c in d["claims"]}
            - {c for _, _, d in graph.in_edges(node, data=True) for c in d["claims"]}
        )
        label = data["label"] + (f" ({' '.join(started)})" if started else "")
        first, last = x == 0, node.startswith("article:")
        ax.annotate(
            label,
            (x, y),
            xytext=(-9 if first else 9 if last else 0, 0 if first or last else 8),
            textcoords="offset points",
            ha="right" if first else "left" if last else "center",
            va="center" if first or last else "bottom",
            fontsize=7.5,
            color="0.05",
        )
    handles = [
        plt.Line2D([], [], linestyle="", markeredgecolor="black", markersize=9, label=kind, **style)
        for kind, style in NODE_STYLE.items()
    ]
    handles += [
        plt.Line2D([], [], label=kind, **style)
        for kind, style in EDGE_STYLE.items()
        if kind != "published"
    ]
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False
    )
    ax.set_xlim(-1.6, max(layers.values()) + 1.2)
    ax.set_ylim(-height, 0.3)
    ax.axis("off")
    return fig


def plot_scaling(rows: list[dict]) -> plt.Figure:
    """Wall time and peak memory of extraction against corpus size (recorded benchmark rows
    with megabytes, seconds and peak_rss_mb), both on a log size axis."""
    frame = pd.DataFrame(rows)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4), layout="constrained")
    left.plot(frame["megabytes"], frame["seconds"], marker="o", color=OKABE_ITO[4])
    left.set(
        xscale="log",
        yscale="log",
        xlabel="corpus size (MB)",
        ylabel="wall time (s)",
        title="time grows with the corpus",
    )
    right.plot(
        frame["megabytes"], frame["peak_rss_mb"], marker="s", linestyle="--", color=OKABE_ITO[5]
    )
    right.set(
        xscale="log",
        xlabel="corpus size (MB)",
        ylabel="peak memory (MB)",
        title="memory stays flat",
        ylim=(0, float(frame["peak_rss_mb"].max()) * 1.3),
    )
    for ax in (left, right):
        ax.grid(linestyle=":", color="0.7")
    return fig
