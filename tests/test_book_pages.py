"""Library code behind the book's pages: findings, generated downloads, citations, figures."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # tests draw off screen
from matplotlib.colors import to_rgb  # noqa: E402
from prov.model import ProvDocument  # noqa: E402

from claimtrail.book_outputs import write_generated_outputs  # noqa: E402
from claimtrail.claims import load_claims  # noqa: E402
from claimtrail.comparisons import PANELS, panel_of, timeline_frame  # noqa: E402
from claimtrail.corpus import load_corpus  # noqa: E402
from claimtrail.findings import findings  # noqa: E402
from claimtrail.plots import plot_timeline  # noqa: E402
from claimtrail.reference import load_reference  # noqa: E402
from claimtrail.render import markdown_escape  # noqa: E402


def test_findings_carry_numbers_and_references(repo_root: Path) -> None:
    found = findings(repo_root)
    assert len(found) >= 6
    for finding in found:
        item = finding.markdown()
        assert re.search(r"\d", finding.text), finding.text
        assert "{ref}`" in item
    text = " ".join(f.text for f in found)
    assert "x100" in text and "231" in text and "not independent" in text


def test_markdown_escape_makes_syntax_inert() -> None:
    escaped = markdown_escape("[a](http://x) *b* <i>c</i> {ref}`d` $e$")
    assert escaped == r"\[a\]\(http://x\) \*b\* \<i\>c\</i\> \{ref\}\`d\` \$e\$"


def test_generated_outputs(repo_root: Path, tmp_path: Path) -> None:
    written = write_generated_outputs(repo_root, tmp_path)
    assert {p.name for p in written} == {
        "extracted-claims.csv",
        "claimtrail-provenance.json",
        "claimtrail-provenance.provn",
    }
    rows = list(csv.DictReader((tmp_path / "extracted-claims.csv").open(encoding="utf-8")))
    assert len(rows) == 17 and rows[0]["low"] == "220"
    content = (tmp_path / "claimtrail-provenance.json").read_text(encoding="utf-8")
    assert len(ProvDocument.deserialize(content=content, format="json").get_records()) > 50
    again = tmp_path / "again"
    write_generated_outputs(repo_root, again)
    for path in written:  # byte-identical on a second run: reproducible downloads
        assert (again / path.name).read_bytes() == path.read_bytes()


def _luminance(colour: str) -> float:
    r, g, b = to_rgb(colour)
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_timeline_groups_differ_without_colour(repo_root: Path) -> None:
    """In grayscale, groups of a panel still differ by line style, marker or lightness."""
    corpus = load_corpus(repo_root)
    frame = timeline_frame(load_claims(repo_root, corpus), load_reference(repo_root))
    frame["panel"] = [panel_of(r) for r in frame.to_dict("records")]
    figure = plot_timeline(frame, PANELS)
    for ax in figure.axes:
        legend = ax.get_legend()
        if legend is None or legend.get_title().get_text() != "group (population | place)":
            continue
        styles = [
            (h.get_linestyle(), h.get_marker(), round(_luminance(h.get_color()), 1))
            for h in legend.legend_handles
        ]
        assert len(set(styles)) == len(styles), styles
