"""Body and furniture spans on all five articles and on constructed pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrail.io.corpus import load_corpus
from claimtrail.text.furniture import SEGMENT_KINDS, body_spans, segment_article

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
