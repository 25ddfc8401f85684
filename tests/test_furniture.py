"""Body and furniture spans on all five articles and on constructed pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimtrail.io.corpus import load_corpus
from claimtrail.text import furniture
from claimtrail.text.furniture import SEGMENT_KINDS, body_spans, segment_article
from claimtrail.text.numbers import fold_case

# (article, text that must be furniture, text that must be body)
EXPECTED = [
    ("000", "in Telegram", "more than 220 potential suicide bombers"),
    ("000", "Vestnik Kavkaza\n", "Daesh called on its group members"),
    ("001", "Disclaimer: The contents of this article", "an estimated 5,000 to 7,000 fighters"),
    ("001", "For media inquiries", "killing 80 people and injuring 23"),
    ("001", "Theme: [Terrorism](#)", "he stressed."),
    ("002", "Top 12 Moments", "about 1,700 Russian citizens"),
    ("002", "1.4 million fans", "could be up to 4,000"),
    ("002", "Powered by WordPress Popup", "Officials in Tajikistan"),
    ("002", "Browse By", "In December, the Russian government"),
    ("003", "Leave a Comment", "approximately 1,700 Russians"),
    ("004", "Contact the author at", "an estimated 50,000 fighters"),
    ("004", "<https://www.themoscowtimes.com", "by Islamic State fighters."),
]


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    corpus = load_corpus(Path(__file__).resolve().parents[1])
    return dict(zip(corpus["article_id"], corpus["text"], strict=True))


def _kind_at(text: str, offset: int) -> str | None:
    for segment in segment_article(text):
        if segment.start <= offset < segment.end:
            return segment.kind
    return None


@pytest.mark.parametrize(("article", "furniture", "body"), EXPECTED)
def test_furniture_and_body(texts: dict[str, str], article: str, furniture: str, body: str) -> None:
    text = texts[article]
    assert _kind_at(text, text.index(furniture)) == "furniture"
    assert _kind_at(text, text.index(body)) == "body"


@pytest.mark.parametrize("article", ["000", "001", "002", "003", "004"])
def test_segments_cover_every_non_blank_character(texts: dict[str, str], article: str) -> None:
    text = texts[article]
    segments = segment_article(text)
    covered = set()
    for segment in segments:
        assert segment.kind in SEGMENT_KINDS
        assert text[segment.start : segment.end] == text[segment.start : segment.end].strip()
        covered.update(range(segment.start, segment.end))
    uncovered = "".join(c for i, c in enumerate(text) if i not in covered)
    assert uncovered.strip() == ""
    starts = [s.start for s in segments]
    assert starts == sorted(starts)


def test_headline_byline_dateline(texts: dict[str, str]) -> None:
    text = texts["004"]
    kinds = {text[s.start : s.end]: s.kind for s in segment_article(text)}
    assert kinds["Islamic State to Putin: We Are on Our Way to Russia"] == "headline"
    assert kinds["By [Allison Quinn](#)"] == "byline"
    assert kinds["September 03, 2014"] == "dateline"
    assert kinds["Message to Putin"] == "body"  # a sub-heading inside the body


def test_constructed_page() -> None:
    text = (
        "Share this\nHeadline of the story\nBy Jane Doe\nMarch 3, 2015\n\n"
        "Officials said at least 13 people were killed in the attack on Monday.\n"
        "A subheading\nThe toll could rise, police said in a statement on Tuesday.\n"
        "Newsletter\nCopyright 2015 Example News\n"
    )
    kinds = [(text[s.start : s.end], s.kind) for s in segment_article(text)]
    assert kinds == [
        ("Share this", "furniture"),
        ("Headline of the story", "headline"),
        ("By Jane Doe", "byline"),
        ("March 3, 2015", "dateline"),
        ("Officials said at least 13 people were killed in the attack on Monday.", "body"),
        ("A subheading", "body"),
        ("The toll could rise, police said in a statement on Tuesday.", "body"),
        ("Newsletter", "furniture"),
        ("Copyright 2015 Example News", "furniture"),
    ]
    assert [text[s:e] for s, e in body_spans(text)][0].startswith("Officials said")


def test_text_without_prose_has_no_body() -> None:
    assert body_spans("Browse By\nPowered by WordPress\n") == []
    assert segment_article("") == []


FURNITURE_LINES = [
    "Browse By",
    "BROWSE BY",
    "In TELEGRAM",
    "Share This Article",
    "Click Here for the Top 12 Moments",
    "1.4 million FANS of the show on Facebook",
    "This site Contains Copyrighted Material the use of which",
    "By John Smith",
    "BY JOHN SMITH.",
    "Updated On 3 August 2016",
    "UPDATED ON Tuesday",
    "Vestnik Kavkaza, Aug. 2, 2016",
    "2016-08-02",
    "İn Telegram, ſhare this",
    "KOPYRIGHT 2016",
    "A sentence of prose that has nine words in it.",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_a_line_is_marked_from_its_folding_as_from_the_line_ignoring_case(line: str) -> None:
    """The patterns read the line's folding; each finds there what it finds in the line
    ignoring case, so the kind is what the patterns ignoring case give."""
    if any(p.search(line) for p in furniture.FURNITURE_PATTERNS):
        expected = "furniture"
    elif re.match(furniture._BYLINE.pattern, line, re.IGNORECASE):
        expected = "byline"
    elif re.match(furniture._DATELINE.pattern, line, re.IGNORECASE):
        expected = "dateline"
    else:
        expected = None
    assert furniture._marked_kind(fold_case(line)) == expected


def test_the_lines_cover_every_kind() -> None:
    kinds = {furniture._marked_kind(fold_case(line)) for line in FURNITURE_LINES}
    assert kinds == {"furniture", "byline", "dateline", None}
