"""The book's figures. Functions here only draw what they are given and return the Axes.

Figures must stay readable in grayscale and for colour-blind readers: marker shapes and
line styles carry the meaning, and colours come from the Okabe-Ito palette.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import networkx as nx
import numpy as np
import pandas as pd

from claimtrail.publish.plotstyle import DPI, OKABE_ITO, WIDTH_IN, new_figure

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
    """Publication dates of the corpus (a :func:`claimtrail.io.corpus.describe_corpus` table)."""
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
    :func:`claimtrail.io.corpus.describe_corpus` table, one column per entry of
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


def _relay_panel(ax, graph) -> None:
    """Draw one article's relay chains left to right on ``ax`` (see
    :func:`plot_relay_chains`)."""
    layers = _layers(graph)
    position = _barycentre_positions(graph, layers)
    height = max(-y for _, y in position.values()) + 1
    for source, target, data in graph.edges(data=True):
        (x0, y0), (x1, y1) = position[source], position[target]
        ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops={
                "arrowstyle": "-|>",
                "shrinkA": 7,
                "shrinkB": 7,
                **EDGE_STYLE[data["relation"]],
            },
            zorder=3,
        )
    for node, (x, y) in position.items():
        data = graph.nodes[node]
        style = NODE_STYLE["article" if node.startswith("article:") else data["type"]]
        ax.plot(
            [x],
            [y],
            marker=style["marker"],
            color=style["color"],
            markersize=10,
            markeredgecolor="black",
            linestyle="",
            zorder=4,
        )
        started = sorted(
            {c for _, _, d in graph.out_edges(node, data=True) for c in d["claims"]}
            - {c for _, _, d in graph.in_edges(node, data=True) for c in d["claims"]}
        )
        label = data["label"] + (f"\n({' '.join(started)})" if started else "")
        ax.annotate(
            label,
            (x, y),
            xytext=(0, 9),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=10,
            color="0.05",
            # labels on an opaque ground below the arrows and markers: one drawing order,
            # so the pixels where a line crosses a label are the same on every run
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
            zorder=2,
        )
    last = max(layers.values())
    ax.set_xlim(-0.7, last + 0.7)
    ax.set_ylim(-height + 0.2, 0.2)
    ax.axis("off")


def _ordered_subgraph(graph: nx.DiGraph, edges: list[tuple[str, str]]) -> nx.DiGraph:
    """The subgraph of ``edges``, its nodes and edges in ``graph``'s own order, with copies
    of their data (networkx's edge_subgraph lists the nodes of a small subgraph in the
    order of a set, which changes from run to run, and with it the drawing order)."""
    keep = set(edges)
    nodes = {node for edge in edges for node in edge}
    sub = nx.DiGraph()
    sub.add_nodes_from((node, dict(graph.nodes[node])) for node in graph.nodes if node in nodes)
    sub.add_edges_from((u, v, dict(d)) for u, v, d in graph.edges(data=True) if (u, v) in keep)
    return sub


def plot_relay_chains(graph) -> plt.Figure:
    """The relay chains of a :func:`claimtrail.analysis.provenance.relay_graph`, one panel per
    article, information flowing left to right: speakers, then the agencies, reporters
    or officials who passed the figure on, then the outlets, then the page we hold.

    Shapes give the node type (circle person, square organisation, diamond outlet,
    pentagon article); each speaker is labelled with the claims that start there. Copied
    text and cited wire sources between articles are drawn in
    :func:`plot_independence`, not here.
    """
    articles = sorted(n for n in graph.nodes if n.startswith("article:"))
    panels = []
    for article in articles:
        mine = {c for _, _, d in graph.in_edges(article, data=True) for c in d["claims"]}
        edges = [
            (u, v)
            for u, v, d in graph.edges(data=True)
            if d["relation"] in ("relayed", "published") and mine & set(d["claims"])
        ]
        sub = _ordered_subgraph(graph, edges) if edges else graph.subgraph([article]).copy()
        for _, _, d in sub.edges(data=True):
            d["claims"] = [c for c in d["claims"] if c in mine]
        panels.append((article, sub))
    heights = [0.55 * max(Counter(_layers(g).values()).values()) + 0.9 for _, g in panels]
    fig, axes = plt.subplots(
        len(panels),
        1,
        figsize=(WIDTH_IN, sum(heights)),
        dpi=DPI,
        layout="constrained",
        height_ratios=heights,
        squeeze=False,
    )
    for ax, (article, sub) in zip(axes[:, 0], panels, strict=True):
        _relay_panel(ax, sub)
        ax.set_title(f"Article {graph.nodes[article]['label']}", loc="left", fontsize=11)
    return fig


def plot_grades_grid(grades: pd.DataFrame) -> plt.Figure:
    """The claims on the Admiralty grid: source reliability (rows, A to F) by information
    credibility (columns, 1 to 6), each cell listing its claim ids and shaded by how many
    it holds (a single light-to-dark blue, so that the shade reads in grayscale too)."""
    letters, digits = list("ABCDEF"), [1, 2, 3, 4, 5, 6]
    cells: dict[tuple[str, int], list[str]] = {}
    for row in grades.itertuples():
        cells.setdefault((row.reliability, int(row.credibility)), []).append(row.claim_id)
    counts = np.array([[len(cells.get((r, c), [])) for c in digits] for r in letters])
    fig, ax = new_figure(4.6)
    ax.imshow(counts, cmap="Blues", vmin=0, vmax=max(counts.max(), 1) * 1.6, aspect="auto")
    for i, letter in enumerate(letters):
        for j, digit in enumerate(digits):
            ids = cells.get((letter, digit), [])
            ax.text(
                j,
                i,
                "\n".join(" ".join(ids[k : k + 2]) for k in range(0, len(ids), 2)),
                ha="center",
                va="center",
                fontsize=10,
                color="0.05",
            )
    meaning_rows = [
        "A completely",
        "B usually",
        "C fairly",
        "D not usually",
        "E unreliable",
        "F cannot judge",
    ]
    meaning_cols = [
        "1 confirmed",
        "2 probably",
        "3 possibly",
        "4 doubtful",
        "5 improbable",
        "6 cannot judge",
    ]
    ax.set_yticks(range(6), meaning_rows)
    ax.set_xticks(range(6), meaning_cols)
    ax.tick_params(axis="x", labelsize=10, rotation=0)
    ax.xaxis.tick_top()
    ax.set_ylabel("reliability of the source")
    ax.set_xlabel("credibility of the figure")
    ax.xaxis.set_label_position("top")
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks(np.arange(-0.5, 6), minor=True)
    ax.set_yticks(np.arange(-0.5, 6), minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    return fig


def _shared_words(part: str) -> str:
    """A short label for one thing two articles share: "wire: Reuters", "copied text"."""
    kind, _, detail = part.partition(": ")
    return f"wire: {detail}" if kind == "common wire source" else kind


def plot_independence(articles: list[str], links: pd.DataFrame) -> plt.Figure:
    """Which articles share an origin: a matrix of article pairs, a shaded cell naming
    what the two share (copied text, a wire source both cite, the same statement), an
    empty white cell for a pair with nothing in common."""
    index = {a: i for i, a in enumerate(articles)}
    size = len(articles)
    shade = np.zeros((size, size))
    fig, ax = new_figure(4.8)
    for row in links.itertuples():
        i, j = index[row.article_a], index[row.article_b]
        if not row.independent:
            shade[i, j] = shade[j, i] = 1
            text = "\n".join(_shared_words(part) for part in row.shared.split("; "))
            for a, b in ((i, j), (j, i)):
                ax.text(b, a, text, ha="center", va="center", fontsize=9.5, color="0.05")
    for k in range(size):
        shade[k, k] = np.nan
    ax.imshow(shade, cmap="Oranges", vmin=0, vmax=2.2, aspect="auto")
    ax.set_xticks(range(size), articles)
    ax.set_yticks(range(size), articles)
    ax.xaxis.tick_top()
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks(np.arange(-0.5, size), minor=True)
    ax.set_yticks(np.arange(-0.5, size), minor=True)
    ax.grid(which="minor", color="0.6", linewidth=0.8)
    ax.tick_params(which="minor", length=0)
    return fig


def plot_copied_passages(
    passages: list, lengths: dict[str, int], published: dict[str, str]
) -> plt.Figure:
    """Where copied passages sit in the two articles that share them: each article a bar
    as long as its text, the copied spans shaded, and a line joining each passage in the
    earlier article to its copy in the later one."""
    pairs = sorted(
        {tuple(sorted((p.doc_a, p.doc_b), key=lambda a: published[a])) for p in passages}
    )
    fig, axes = plt.subplots(
        len(pairs),
        1,
        figsize=(WIDTH_IN, 1.9 * len(pairs) + 0.4),
        dpi=DPI,
        layout="constrained",
        squeeze=False,
    )
    for ax, (earlier, later) in zip(axes[:, 0], pairs, strict=True):
        rows = {earlier: 1.0, later: 0.0}
        for doc, y in rows.items():
            ax.barh(y, lengths[doc], height=0.28, color="0.9", edgecolor="0.4")
            ax.text(
                -lengths[doc] * 0.01,
                y,
                f"article {doc}\n({published[doc]})",
                ha="right",
                va="center",
                fontsize=10,
            )
        for p in passages:
            if {p.doc_a, p.doc_b} != {earlier, later}:
                continue
            spans = {p.doc_a: (p.start_a, p.end_a), p.doc_b: (p.start_b, p.end_b)}
            for doc, (start, end) in spans.items():
                ax.barh(
                    rows[doc],
                    end - start,
                    left=start,
                    height=0.28,
                    color=OKABE_ITO[5],
                    hatch="///",
                    edgecolor="black",
                )
            (e0, e1), (l0, l1) = spans[earlier], spans[later]
            ax.fill(
                [e0, e1, l1, l0],
                [0.86, 0.86, 0.14, 0.14],
                color=OKABE_ITO[5],
                alpha=0.25,
                linewidth=0,
            )
        ax.set_ylim(-0.4, 1.4)
        ax.set_yticks([])
        ax.set_xlabel("position in the raw text (characters)")
        ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _p: f"{v:,.0f}"))
        for spine in ("top", "right", "left"):
            ax.spines[spine].set_visible(False)
    return fig
