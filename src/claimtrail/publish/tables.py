"""The book's house table style: static tables for reading, explorers for long tables, and
CSV files for download beside them. Functions here only show what they are given.

Each column is shown by its kind (:class:`Column`): counts with thousands separators,
an absent value as an empty cell (never NaN, <NA> or None), text never cut off and
always HTML-escaped, claim and reference ids linked to their anchors. A table has a
numbered caption with an anchor, no index column, and sits in its own box that scrolls
sideways when the table is wider than the page (the page itself never does); the book's
style sheet (``book/_static/claimtrail.css``) wraps its cells in print.

>>> frame = pd.DataFrame({"who": ["a <b>", None], "n": [5000.0, float("nan")]})
>>> table = house_table(frame, [Column("who", "speaker"), Column("n", "people", "count")],
...                     number="1.1", caption="Two rows.", anchor="table-example")
>>> "5,000" in table and "NaN" not in table and "a &lt;b&gt;" in table
True
"""

from __future__ import annotations

import csv
import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

import pandas as pd
from pandas.io.formats.style import Styler

from claimtrail.io.outputs import atomic_writer, csv_cell
from claimtrail.publish.links import ID_PATTERN, id_href

Kind = Literal["count", "decimal", "text", "date", "id", "url", "code", "download"]
KINDS: tuple[str, ...] = ("count", "decimal", "text", "date", "id", "url", "code", "download")
NUMERIC_KINDS = ("count", "decimal")
_ANCHOR = re.compile(r"^[a-z][a-z0-9-]*$")
_URL = re.compile(r"^https?://\S+$")


class Html(str):
    """An HTML fragment that a notebook displays as HTML (no IPython import needed)."""

    def _repr_html_(self) -> str:
        return str(self)


class Markdown(str):
    """MyST Markdown that a notebook displays as Markdown (no IPython import needed)."""

    def _repr_markdown_(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Column:
    """One column of a table: the frame's column ``key``, the ``header`` the reader sees,
    its ``kind``, the ``digits`` of a decimal, and ``wide`` for long text (a wider
    minimum width, so that it wraps into a readable column rather than a narrow one)."""

    key: str
    header: str
    kind: Kind = "text"
    digits: int = 1
    wide: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"column {self.key!r}: unknown kind {self.kind!r}; one of {KINDS}")


@dataclass(frozen=True)
class Download:
    """A file written for download: where it is and the address pages link to."""

    path: Path
    href: str
    rows: int


def is_absent(value: object) -> bool:
    """True for None, NaN, NaT, <NA> and the empty string.

    >>> [is_absent(v) for v in (None, float("nan"), pd.NA, pd.NaT, "", 0, "x")]
    [True, True, True, True, True, False, False]
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value == ""


def _count(value: object) -> str:
    number = float(value)  # type: ignore[arg-type]
    if not number.is_integer():
        raise ValueError(f"{value!r} is not a whole number: show it as a decimal")
    return f"{int(number):,}"


def _date(value: object) -> str:
    if isinstance(value, datetime | pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return html.escape(str(value))


def _ids(value: object) -> str:
    """Every claim or reference id in the value as a link; any other text escaped."""
    text = str(value)
    parts, last = [], 0
    for match in ID_PATTERN.finditer(text):
        parts.append(html.escape(text[last : match.start()]))
        identifier = match.group(0)
        parts.append(f'<a class="ct-id" href="{id_href(identifier)}">{identifier}</a>')
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def cell_html(value: object, kind: Kind, digits: int = 1) -> str:
    """One cell's content as HTML: formatted by its kind, escaped, empty when absent.

    >>> [cell_html(v, "count") for v in (5000.0, 231, "1700", None)]
    ['5,000', '231', '1,700', '']
    >>> cell_html(37.14, "decimal"), cell_html(date(2016, 8, 2), "date")
    ('37.1', '2016-08-02')
    >>> print(cell_html("C05 and R18", "id"))  # doctest: +ELLIPSIS
    <a class="ct-id" href="../book/claims.html#C05">C05</a> and <a ...#R18">R18</a>
    >>> cell_html("../downloads/raw/000_a.txt", "download")
    '<a class="ct-file" href="../downloads/raw/000_a.txt" download><code>000_a.txt</code></a>'
    >>> cell_html("a & b\\nc", "text")
    'a &amp; b<br>c'
    """
    if is_absent(value):
        return ""
    if kind == "count":
        return _count(value)
    if kind == "decimal":
        return f"{float(value):,.{digits}f}"  # type: ignore[arg-type]
    if kind == "date":
        return _date(value)
    if kind == "id":
        return _ids(value)
    text = html.escape(str(value))
    if kind == "url" and _URL.match(str(value)):
        return f'<a class="ct-url" href="{text}">{text}</a>'
    if kind == "code":
        return f"<code>{text}</code>"
    if kind == "download":
        name = html.escape(str(value).rsplit("/", 1)[-1])
        return f'<a class="ct-file" href="{text}" download><code>{name}</code></a>'

    return text.replace("\n", "<br>")


def _classes(column: Column) -> str:
    return f"ct-{column.kind}" + (" ct-wide" if column.wide else "")


def _check(frame: pd.DataFrame, columns: Sequence[Column], anchor: str) -> None:
    if not _ANCHOR.match(anchor):
        raise ValueError(f"anchor {anchor!r}: use lowercase letters, digits and hyphens")
    missing = [c.key for c in columns if c.key not in frame.columns]
    if missing:
        raise KeyError(f"table {anchor}: no column {missing} in the frame")
    headers = [c.header for c in columns]
    if len(set(headers)) != len(headers):
        raise ValueError(f"table {anchor}: headers repeat: {headers}")


def _shown(frame: pd.DataFrame, columns: Sequence[Column]) -> pd.DataFrame:
    """The frame's columns under their headers, as objects (so no value is coerced)."""
    return pd.DataFrame(
        {c.header: frame[c.key].astype(object).tolist() for c in columns},
        index=range(len(frame)),
    )


def _caption(number: str, caption: str, anchor: str, download: Download | None) -> str:
    link = (
        f' <a class="ct-download" href="{html.escape(download.href)}" download>'
        f"Download this table (CSV, {download.rows:,} rows)</a>"
        if download
        else ""
    )
    return (
        f'<p class="ct-caption" id="{anchor}-caption">'
        f'<a class="ct-number" href="#{anchor}">Table {html.escape(number)}</a> '
        f"{html.escape(caption)}{link}</p>"
    )


def house_table(
    frame: pd.DataFrame,
    columns: Sequence[Column],
    number: str,
    caption: str,
    anchor: str,
    download: Download | None = None,
) -> Html:
    """A static HTML table for reading (pandas Styler): ``columns`` of ``frame`` in order,
    no index, cells formatted by kind, captioned "Table ``number``" with the id
    ``anchor``, in a box that scrolls sideways on its own; ``download`` links its CSV."""
    _check(frame, columns, anchor)
    shown = _shown(frame, columns)
    styler = Styler(shown, cell_ids=False, uuid=anchor)
    styler.hide(axis="index")
    styler.format(
        {c.header: (lambda v, c=c: cell_html(v, c.kind, c.digits)) for c in columns},
    )
    styler.format_index(escape="html", axis=1)
    styler.set_td_classes(
        pd.DataFrame(
            [[_classes(c) for c in columns]] * len(shown),
            index=shown.index,
            columns=shown.columns,
        )
    )
    styler.set_table_styles(
        [
            {"selector": f"th.col{i}", "props": "text-align: right;"}
            for i, c in enumerate(columns)
            if c.kind in NUMERIC_KINDS
        ]
    )
    styler.set_table_attributes('class="ct-table"')
    table = styler.to_html()
    return Html(
        f'<div class="ct-table-block" id="{anchor}">'
        + _caption(number, caption, anchor, download)
        + f'<div class="ct-scroll" role="region" tabindex="0" aria-labelledby="{anchor}-caption">'
        + table
        + "</div></div>"
    )


def explorer(
    frame: pd.DataFrame,
    columns: Sequence[Column],
    number: str,
    caption: str,
    anchor: str,
    download: Download | None = None,
) -> Html:
    """A searchable, sortable table (itables, offline: the page must also show the
    output of ``itables.init_notebook_mode(all_interactive=False, connected=False)``,
    which bundles DataTables into the page). Cells are formatted and escaped as in
    :func:`house_table`; formatted counts still sort as numbers."""
    from itables import to_html_datatable

    _check(frame, columns, anchor)
    shown = _shown(frame, columns)
    for c in columns:
        # The book links ids in static HTML when it is built; an explorer's cells are
        # drawn in the browser, so ids in its text are linked here.
        kind = "id" if c.kind == "text" else c.kind
        shown[c.header] = [cell_html(v, kind, c.digits) for v in shown[c.header]]
    numeric = [i for i, c in enumerate(columns) if c.kind in NUMERIC_KINDS]
    table = to_html_datatable(
        shown,
        table_id=f"{anchor}-table",
        connected=False,
        allow_html=True,
        showIndex=False,
        classes="display compact ct-explorer",
        paging=len(shown) > 50,
        scrollX=True,
        autoWidth=False,
        display_logo_when_loading=False,
        layout={"topStart": None, "topEnd": "search", "bottomStart": "info", "bottomEnd": None},
        columnDefs=[
            {"targets": numeric, "className": "dt-right"},
            {"targets": [i for i in range(len(columns)) if i not in numeric], "type": "string"},
            {"targets": [i for i, c in enumerate(columns) if c.wide], "className": "ct-wide"},
        ],
        maxBytes=0,
    )
    return Html(
        f'<div class="ct-table-block ct-explorer-block" id="{anchor}">'
        + _caption(number, caption, anchor, download)
        + table
        + "</div>"
    )


def csv_download(frame: pd.DataFrame, folder: Path | str, name: str, site_folder: str) -> Download:
    """Write ``frame`` (its own columns, no index) to ``folder/name.csv`` for download and
    return where pages find it (``site_folder`` is the folder's address from a page).

    The file is written atomically, UTF-8 with ``\\n`` line ends, an absent value as an
    empty field, so the same frame always gives the same bytes."""
    if not _ANCHOR.match(name):
        raise ValueError(f"file name {name!r}: use lowercase letters, digits and hyphens")
    path = Path(folder) / f"{name}.csv"
    with atomic_writer(path) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False):
            writer.writerow(["" if is_absent(v) else csv_cell(v) for v in row])
    return Download(path=path, href=f"{site_folder}/{name}.csv", rows=len(frame))


def data_link(download: Download, what: str) -> Html:
    """A line offering the data behind a figure (or anything else) for download.

    >>> print(data_link(Download(Path("f.csv"), "f.csv", 5), "Figure 1.1"))  # doctest: +ELLIPSIS
    <p ...><a ... href="f.csv" download>Data behind Figure 1.1 (CSV, 5 rows)</a></p>
    """
    return Html(
        f'<p class="ct-data-link"><a class="ct-download" href="{html.escape(download.href)}" '
        f"download>Data behind {html.escape(what)} (CSV, {download.rows:,} rows)</a></p>"
    )
