"""Library code behind the book's pages: findings, generated downloads, citations, figures."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # tests draw off screen
from matplotlib.colors import to_rgb  # noqa: E402
from prov.model import ProvDocument  # noqa: E402

from claimtrail.analysis.comparisons import family, series_panels  # noqa: E402
from claimtrail.analysis.estimates import compare_estimates  # noqa: E402
from claimtrail.extraction.devset import score_development  # noqa: E402
from claimtrail.extraction.evaluation import (  # noqa: E402
    DEVELOPMENT_TARGETS,
    HELD_OUT,
    Evaluation,
    score_passages,
)
from claimtrail.io.record import load_record  # noqa: E402
from claimtrail.publish.downloads import write_generated_outputs  # noqa: E402
from claimtrail.publish.findings import (  # noqa: E402
    _false_hits,
    _lower,
    extraction_findings,
    findings,
)
from claimtrail.publish.plot_extraction import plot_measure_scores, plot_scaling  # noqa: E402
from claimtrail.publish.plot_series import PLACE_STYLES, plot_series  # noqa: E402
from claimtrail.publish.plotstyle import MIN_TEXT_PX, WIDTH_IN, palette_problems, smallest_text_px  # noqa: E402
from claimtrail.publish.render import markdown_escape  # noqa: E402


def test_findings_carry_numbers_and_references(repo_root: Path) -> None:
    found = findings(repo_root)
    assert len(found) >= 6
    for finding in found:
        item = finding.markdown()
        number = r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|no)\b"
        assert re.search(number, finding.text, re.IGNORECASE), finding.text
        assert "{ref}`" in item
    text = " ".join(f.text for f in found)
    assert "x100" in text and "231" in text and "share an origin" in text
    assert "no trend" not in text


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


def test_place_styles_differ_without_colour() -> None:
    """Lines of a panel differ by marker even where two colours print as one grey, and
    their colours stay apart for colour-blind readers (simulated)."""
    assert palette_problems([colour for colour, _ in PLACE_STYLES]) == []
    markers = [marker for _, marker in PLACE_STYLES]
    assert len(set(markers)) == len(markers)
    greys = [round(_luminance(colour), 1) for colour, _ in PLACE_STYLES]
    assert len(set(zip(greys, markers, strict=True))) == len(PLACE_STYLES)


def test_series_figure_draws_every_figure_of_a_family(repo_root: Path) -> None:
    record = load_record(repo_root)
    frame = compare_estimates(record).frame
    key = family(frame[frame["id"] == "C09"].iloc[0], record.nesting)
    panels = series_panels(frame, record.nesting, key)
    figure = plot_series(panels)
    assert len(figure.axes) == len(panels)
    drawn = {t.get_text() for ax in figure.axes for t in ax.texts}
    expected = {i for _, rows in panels for i in rows["id"]}
    assert expected <= drawn  # every point carries its id
    assert figure.get_figwidth() <= 7.5  # drawn at the width the book shows it


def test_front_page_reports_the_extractor_out_of_sample(repo_root: Path) -> None:
    """The front page gives the development-report and held-out scores, never the score on
    the articles the extractor was built from."""
    text = findings(repo_root)[-1].text
    development = score_development(repo_root).evaluation
    held_out = score_passages(repo_root / HELD_OUT)
    assert f"precision {development.precision:.2f}" in text
    assert f"precision {held_out.precision:.2f}" in text
    assert "17 of the 17" not in text and "hit(s)" not in text


def _evaluation(matched: int, extracted: int, gold: int) -> Evaluation:
    return Evaluation(gold=gold, extracted=extracted, matched=matched)


def test_false_hits_and_lower_scores_read_as_sentences() -> None:
    assert _false_hits(0, 0) == "It has no false hit."
    assert _false_hits(1, 1).startswith("The one false hit is")
    assert _false_hits(10, 10).startswith("All ten false hits are")
    assert _false_hits(10, 6).startswith("Ten false hits, six of them")
    assert _lower(_evaluation(9, 10, 10), _evaluation(8, 10, 10)) == "lower: "
    # lower in one score only is not "lower"
    assert _lower(_evaluation(9, 10, 10), _evaluation(9, 9, 10)) == ""


def test_extraction_findings_follow_the_scores(repo_root: Path) -> None:
    development = score_development(repo_root)
    held_out = score_passages(repo_root / HELD_OUT)
    seed = development.evaluation  # any evaluation with as-of pairs will do
    throughput = {
        "benchmark texts": {"ratio": 39.6},
        "development reports": {"ratio": 30.2},
    }
    scaling = [
        {"megabytes": 16, "documents": 10, "peak_rss_mb": 280.0},
        {"megabytes": 1024, "documents": 4000, "peak_rss_mb": 290.4},
    ]
    found = extraction_findings(development, seed, held_out, throughput, scaling)
    text = " ".join(f.text for f in found)
    assert f"{development.toll.found} of the {development.toll.stating} reports" in text
    # one decimal: a ratio just under the floor is not rounded up to it
    assert "39.6 times as fast" in text and "below the floor of 40" in text
    assert "30.2 times on the development reports" in text
    assert "290 MB at its peak on 1,024 MB (4,000 documents)" in text
    assert all(f.section.startswith("extraction-") for f in found)
    throughput["benchmark texts"]["ratio"] = 40.0
    again = extraction_findings(development, seed, held_out, throughput, scaling)
    assert "above the floor of 40" in " ".join(f.text for f in again)


def test_extraction_figures_follow_the_rules(repo_root: Path) -> None:
    rows = score_development(repo_root).evaluation.by_measure()
    for figure in (
        plot_measure_scores(rows, DEVELOPMENT_TARGETS),
        plot_scaling([{"megabytes": 16, "seconds": 1.0, "peak_rss_mb": 280.0}]),
    ):
        assert tuple(figure.get_size_inches())[0] == WIDTH_IN
        assert smallest_text_px(figure) >= MIN_TEXT_PX
    figure = plot_measure_scores(rows, DEVELOPMENT_TARGETS)
    texts = [t.get_text() for ax in figure.axes for t in ax.texts]
    assert "none extracted" in texts  # a measure never extracted says so
