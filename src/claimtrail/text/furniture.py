"""Separate an article's body from its page furniture, as spans of the raw text.

A scraped news page holds more than the article: navigation ("Browse By"), share and
follow widgets ("in Telegram"), advertisements ("Click here for the Top 12 Moments",
fan counts, "Powered by WordPress Popup"), disclaimers, copyright lines and link
lists. Claims must cite the raw text, so nothing is cut out: every non-blank line is
labelled with one of ``SEGMENT_KINDS`` and reported with its raw (start, end) offsets.

The rule, line by line:

1. A line matching a furniture pattern (``FURNITURE_PATTERNS``) is ``furniture``;
   a line starting "By " is a ``byline``; a line that is a date, or a publisher and a
   date, or an "Updated on" stamp, is a ``dateline``.
2. The body starts at the first prose line (eight words or more ending in sentence
   punctuation, or any line of 25 words or more) and
   ends at the last one. Other lines before it are the ``headline`` (page title and
   headline; a republished page may carry two); other lines after it are
   ``furniture`` (outlet signatures, widgets); lines inside it are ``body``
   (sub-headings, captions and the short lines a scraper split off a paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimtrail.text.numbers import fold_text
from claimtrail.text.sentences import line_spans

SEGMENT_KINDS = ("headline", "byline", "dateline", "body", "furniture")

FURNITURE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^browse by$",
        r"^in (telegram|facebook|twitter|vk|instagram)$",
        r"^(share|tweet|email|print)( this)?( article)?$",
        r"^click here\b",
        r"\bfans of\b.*\bon (fb|facebook)\b",
        r"^powered by\b",
        r"^leave a (comment|reply)$",
        r"^region:",
        r"^theme:",
        r"^the original source of this article is\b",
        r"^copyright\b",
        r"^\[comment on\b",
        r"^\[become a member\b",
        r"^articles by:",
        r"^disclaimer:",
        r"\bcontains copyrighted material\b",
        r"^for media inquiries\b",
        r"^contact the author\b",
        r"^original url:?$",
        r"^<?https?://\S+>?$",
        r"^(follow|subscribe|sign up|related|read more|advertisement)\b",
    )
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
# The patterns are written in lower case and matched, case-sensitively, against the line's
# folding (numbers.fold_case: what they find there is what they find in the line ignoring
# case, faster). Most furniture patterns are anchored at the line start: one pattern tries
# them together. Each other one is given a word it needs, so that a line without the word is
# not searched for it (the words have no i, k or s, which re.IGNORECASE also finds as "ı",
# "K", "ſ").
_FURNITURE_AT_START = re.compile(
    "|".join(p.pattern for p in FURNITURE_PATTERNS if p.pattern.startswith("^"))
)
_NEEDED_WORD = {
    r"\bfans of\b.*\bon (fb|facebook)\b": "fan",
    r"\bcontains copyrighted material\b": "copyr",
}
_FURNITURE_ELSEWHERE = tuple(
    (re.compile(p.pattern), _NEEDED_WORD[p.pattern])
    for p in FURNITURE_PATTERNS
    if not p.pattern.startswith("^")
)
_DATELINE = re.compile(rf"^(?:updated on\b.*|(?:[^.!?]{{0,60}}[,\s])?{_DATE})$")
_BYLINE = re.compile(r"^by\s+[^.!?]{1,60}$")
_SENTENCE_END = re.compile(r"[.!?:][\"'”’)\]]*$")
_PROSE_MIN_WORDS = 8
_LONG_LINE_WORDS = 25
# At least n words (runs of word characters), read no further than the n-th.
_AT_LEAST_WORDS = {
    n: re.compile(rf"(?:\W*+\w++){{{n}}}") for n in (_PROSE_MIN_WORDS, _LONG_LINE_WORDS)
}


@dataclass(frozen=True)
class Segment:
    """One labelled line of a raw text: ``text[start:end]`` is the line without its newline."""

    start: int
    end: int
    kind: str


def _marked_kind(folded: str) -> str | None:
    """The kind a line has on its own (furniture, byline, dateline), or None, from its
    folding (:func:`claimtrail.text.numbers.fold_case`)."""
    if _FURNITURE_AT_START.match(folded):
        return "furniture"
    for pattern, word in _FURNITURE_ELSEWHERE:
        if word in folded and pattern.search(folded):
            return "furniture"
    if _BYLINE.match(folded):
        return "byline"
    if (folded[-1].isdecimal() or folded[0] == "u") and _DATELINE.match(folded):
        return "dateline"  # a dateline ends with a date's digit or starts "updated on"
    return None


def _is_prose(line: str) -> bool:
    """A sentence: eight words or more ending in sentence punctuation, or a long line."""
    return _AT_LEAST_WORDS[_LONG_LINE_WORDS].match(line) is not None or (
        _SENTENCE_END.search(line) is not None
        and _AT_LEAST_WORDS[_PROSE_MIN_WORDS].match(line) is not None
    )


def _prose_bounds(
    text: str, lines: Sequence[tuple[int, int]], marked: list[str | None]
) -> tuple[int, int]:
    """Indexes of the first and the last prose line; (len(lines), -1) when there is none."""

    def prose(i: int) -> bool:
        return marked[i] is None and _is_prose(text[lines[i][0] : lines[i][1]])

    first = next((i for i in range(len(lines)) if prose(i)), None)
    if first is None:
        return len(lines), -1
    return first, next(i for i in range(len(lines) - 1, first - 1, -1) if prose(i))


def _labelled_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every non-blank line (see :func:`segment_article`)."""
    lines = line_spans(text)
    folded = fold_text(text)  # a line's folding is that part of the text's
    marked = [_marked_kind(folded[s:e]) for s, e in lines]
    first, last = _prose_bounds(text, lines, marked)
    labelled = []
    for i, (start, end) in enumerate(lines):
        if marked[i] is not None:
            kind = marked[i]
        elif i < first:
            kind = "headline"
        elif i > last:
            kind = "furniture"
        else:
            kind = "body"
        labelled.append((start, end, kind))
    return labelled


# A list of links run into the text by a scraper: "(1881) Related Syrian Forces Deny ...",
# "agencies Related News Iraqs vote ...". Mid-sentence, after a word, a digit or ")".
_LINK_LIST = re.compile(
    r"Related(?<=[a-z\d)] Related)(?: (?:News|Stories|Articles|Content|Posts))?:? (?=[A-Z])"
)


def link_list_start(text: str, start: int = 0) -> int | None:
    """Where a list of related links starts inside the prose of ``text`` (one-line pages
    carry it after the article), or None.

    >>> link_list_start("Ten died. Source: agencies Related News Six killed in Homs")
    27
    """
    match = _LINK_LIST.search(text, start)
    return match.start() if match else None


def segment_article(text: str) -> list[Segment]:
    """Label every non-blank line of ``text`` as headline, byline, dateline, body or furniture.

    >>> page = "Title\\n\\nA sentence of prose that has nine words in it.\\nPowered by WordPress"
    >>> [s.kind for s in segment_article(page)]
    ['headline', 'body', 'furniture']
    """
    return [Segment(start, end, kind) for start, end, kind in _labelled_lines(text)]


def body_spans(text: str) -> list[tuple[int, int]]:
    """Raw (start, end) spans of the article body, in order."""
    return [(start, end) for start, end, kind in _labelled_lines(text) if kind == "body"]


def span_lengths(text: str) -> dict[str, int]:
    """Characters of ``text`` in each segment kind (line breaks and blank lines excluded)."""
    totals = dict.fromkeys(SEGMENT_KINDS, 0)
    for segment in segment_article(text):
        totals[segment.kind] += segment.end - segment.start
    return totals
