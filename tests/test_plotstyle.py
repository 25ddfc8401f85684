"""Figure rules: drawn at the size shown, readable text, colours that survive colour
vision deficiency and grayscale."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # tests draw off screen
import pytest  # noqa: E402

from claimtrail.io.corpus import describe_corpus, load_corpus  # noqa: E402
from claimtrail.publish.plots import plot_page_composition, plot_publication_dates  # noqa: E402
from claimtrail.publish.plotstyle import (  # noqa: E402
    DPI,
    MIN_TEXT_PX,
    OKABE_ITO,
    SERIES_COLOURS,
    WIDTH_IN,
    palette_problems,
    series_styles,
    simulate,
    smallest_text_px,
)


def test_house_palettes_survive_colour_vision_deficiency() -> None:
    assert palette_problems(list(OKABE_ITO)) == []
    assert palette_problems(list(SERIES_COLOURS)) == []


def test_a_red_green_palette_fails_the_check() -> None:
    problems = palette_problems(["#D62728", "#2CA02C", "#1F77B4"])
    assert any(p.startswith(("deuteranomaly", "protanomaly")) for p in problems)


def test_simulation_keeps_grey_and_moves_red() -> None:
    grey, red = simulate(["#808080", "#FF0000"], "deuteranomaly")
    assert grey == pytest.approx([0.502, 0.502, 0.502], abs=0.01)
    assert abs(red[0] - red[1]) < 0.5  # red and green channels pulled together


def test_series_differ_without_colour() -> None:
    styles = series_styles(len(SERIES_COLOURS))
    assert len({s[0] for s in styles}) == len(styles)
    assert len({(s[1], s[2]) for s in styles}) == len(styles)
    with pytest.raises(ValueError):
        series_styles(len(SERIES_COLOURS) + 1)


@pytest.mark.parametrize("draw", [plot_publication_dates, plot_page_composition])
def test_corpus_figures_follow_the_rules(repo_root: Path, draw) -> None:
    figure = draw(describe_corpus(load_corpus(repo_root)))
    width, _ = figure.get_size_inches()
    assert (width, figure.dpi) == (WIDTH_IN, DPI)
    assert smallest_text_px(figure) >= MIN_TEXT_PX


def test_date_legend_lists_only_windows_that_occur(repo_root: Path) -> None:
    figure = plot_publication_dates(describe_corpus(load_corpus(repo_root)))
    labels = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert labels == ["known to the day", "a window of days", "known to the month"]
