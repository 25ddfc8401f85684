"""The house table style: formatting by kind, escaping, captions, explorers, CSV files."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from claimtrail.publish.tables import Column, cell_html, csv_download, explorer, house_table

HOSTILE = '<script>alert("x")</script> [link](http://example.com) & more'
FRAME = pd.DataFrame(
    {
        "claim_id": ["C05", "C06"],
        "quote": [HOSTILE, "some 2,000 fighters\nhailing from Russia"],
        "best": pd.array([5000, pd.NA], dtype="Int64"),
        "high": [float("nan"), 7000.0],
        "share": [37.14, None],
        "as_of": [date(2016, 8, 2), "2015-10"],
        "url": ["https://example.org/a?b=1&c=2", None],
        "sha256": ["8ed82017b83de6d6faf748f0d719000aea46d8240fe3f19da9b90e31487ee41c", None],
    }
)
COLUMNS = [
    Column("claim_id", "claim", "id"),
    Column("quote", "quote", wide=True),
    Column("best", "best", "count"),
    Column("high", "high", "count"),
    Column("share", "non-body share (%)", "decimal"),
    Column("as_of", "as of", "date"),
    Column("url", "address", "url"),
    Column("sha256", "SHA-256", "code"),
]


def _cells(markup: str) -> list[str]:
    return re.findall(r"<td[^>]*>(.*?)</td>", markup, re.S)


def test_static_table_formats_by_kind_and_never_shows_missing_markers() -> None:
    table = house_table(FRAME, COLUMNS, number="2.1", caption="Claims.", anchor="table-claims")
    cells = _cells(table)
    assert len(cells) == 16
    assert "5,000" in cells and "7,000" in cells and "37.1" in cells
    assert "2016-08-02" in cells and "2015-10" in cells
    for marker in ("NaN", "&lt;NA&gt;", "<NA>", "None", "nan", "…"):
        assert marker not in table
    assert cells.count("") == 5
    assert "<th" in table and "row_heading" not in table  # no index column
    assert 'id="table-claims"' in table and "Table 2.1" in table
    assert "hailing from Russia" in table and "<br>" in table  # never cut, lines kept


def test_static_table_escapes_text_and_links_ids() -> None:
    table = house_table(FRAME, COLUMNS, number="2.1", caption="<b>x</b>", anchor="table-claims")
    assert "<script>" not in table and "&lt;script&gt;" in table
    assert "&lt;b&gt;x&lt;/b&gt;" in table
    assert '<a class="ct-id" href="../book/claims.html#C05">C05</a>' in table
    assert '<a class="ct-url" href="https://example.org/a?b=1&amp;c=2">' in table
    assert "<code>8ed82017" in table


def test_numeric_headers_align_with_their_numbers() -> None:
    table = house_table(FRAME, COLUMNS, number="2.1", caption="c", anchor="table-claims")
    assert "th.col2" in table and "th.col3" in table and "th.col1 " not in table
    assert 'class="data row0 col2 ct-count"' in table


def test_bad_columns_are_refused() -> None:
    with pytest.raises(KeyError, match="no column"):
        house_table(FRAME, [Column("nope", "x")], number="1", caption="c", anchor="t")
    with pytest.raises(ValueError, match="headers repeat"):
        house_table(
            FRAME, [Column("quote", "x"), Column("url", "x")], number="1", caption="c", anchor="t"
        )
    with pytest.raises(ValueError, match="anchor"):
        house_table(FRAME, COLUMNS, number="1", caption="c", anchor="Bad Anchor")
    with pytest.raises(ValueError, match="unknown kind"):
        Column("quote", "quote", "money")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="whole number"):
        cell_html(2.5, "count")


def test_explorer_is_offline_escaped_and_captioned() -> None:
    table = explorer(FRAME, COLUMNS, number="2.2", caption="All claims.", anchor="claims-explorer")
    assert "unpkg" not in table and "https://www.unpkg.com" not in table  # offline mode
    assert "_itables_" in table and "Table 2.2" in table
    assert "<script>alert" not in table and "&lt;script&gt;" in table
    assert "5,000" in table and "NaN" not in table


def test_csv_download_is_plain_and_byte_stable(tmp_path: Path) -> None:
    first = csv_download(FRAME, tmp_path / "a", "claims-table", "../downloads")
    second = csv_download(FRAME, tmp_path / "b", "claims-table", "../downloads")
    assert first.href == "../downloads/claims-table.csv" and first.rows == 2
    assert first.path.read_bytes() == second.path.read_bytes()
    rows = list(csv.reader(first.path.open(encoding="utf-8")))
    assert rows[0] == list(FRAME.columns)
    assert rows[1][2] == "5000" and rows[1][3] == "" and rows[2][2] == ""
    table = house_table(FRAME, COLUMNS, number="2.1", caption="c", anchor="t", download=first)
    assert 'href="../downloads/claims-table.csv" download' in table
