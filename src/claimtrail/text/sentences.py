"""Paragraphs, sentences and quotations of news text: segmented once per text, shared.

Strings in, offsets out (no I/O). :func:`layout` splits a text once and caches the
result, so that numbers, dates, attribution and hedges all read the same sentences:

* a paragraph is a non-blank line; a line that starts with a lower-case letter is joined
  to the one before (a scraper's broken paragraph);
* a sentence ends at ".", "!" or "?" (and closing quotation marks) before an upper-case
  letter or a digit, never inside a quotation, after an abbreviation ("Gen.", "U.S.") or
  an initial; every paragraph ends one; a "sentence" longer than
  :data:`MAX_SENTENCE_CHARS` (a scraped table, a run of blanks) is read in pieces cut at
  white space;
* a quotation is a balanced pair of quotation marks within a paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from claimtrail.text.shapes import occurrences

# Found by string search, far faster than a pattern's scan through the text for a set.
_QUOTE_MARKS = '"“”'
# "[.!?][.!?]*" rather than "[.!?]+": a pattern that starts with a set of characters is
# scanned for it at C speed; one that starts with a repeat is tried at every position. It is
# tried only at the first mark of a run ("....."), the one place where it can match first,
# so a long run is read once, not once per mark.
_SENTENCE_END = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[\"”’')\]]*+(?=\s++[\"“‘'(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\S+)$")
_LONGEST_ABBREVIATION = 12
# A "sentence" longer than this (a scraped table or list, a run of blanks) is read in pieces,
# so that the work and the output for each figure in it stay bounded. The longest sentence
# of the corpus and the test passages has about 600 characters.
MAX_SENTENCE_CHARS = 1000
_ABBREVIATIONS = frozenset(
    "gen lt col maj capt sgt adm mr mrs ms dr prof st sen rep gov no jan feb mar apr jun jul"
    " aug sep sept oct nov dec vs u.s u.n u.k e.g i.e".split()
)
_INITIALS = re.compile(r"^(?:[A-Z]|(?:[A-Za-z]\.)+[A-Za-z])$")


@dataclass(frozen=True)
class Layout:
    """Paragraphs, sentences (with their paragraph) and quotations of one text."""

    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    sentence_paragraph: tuple[int, ...]
    quotations: tuple[tuple[int, int], ...]


@lru_cache(maxsize=64)
def line_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every non-blank line, white space around it excluded (cached: the
    paragraphs and the page furniture are both read from them)."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + len(line) - len(line.lstrip())
            spans.append((start, start + len(stripped)))
        offset += len(line) + 1
    return tuple(spans)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, a line starting with a lower-case letter joined to the one before."""
    spans: list[tuple[int, int]] = []
    for start, end in line_spans(text):
        if spans and text[start].islower():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _quotations(text: str, marks: Iterable[int]) -> list[tuple[int, int]]:
    """Quoted stretches of a paragraph, given the offsets of its quotation marks; none when
    they do not balance."""
    spans, opened, straight = [], [], None
    for i in marks:
        char = text[i]
        if char == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight, i + 1))
                straight = None
        elif char == "“":
            opened.append(i)
        elif char == "”":
            if not opened:
                return []
            first = opened.pop()
            if not opened:
                spans.append((first, i + 1))
    if straight is not None or opened:
        return []
    return sorted(spans)


def _is_abbreviation(text: str, period: int) -> bool:
    """Whether the full stop at ``period`` ends an abbreviation or an initial."""
    word = _LAST_WORD.search(text, max(0, period - _LONGEST_ABBREVIATION), period)
    if word is None:
        return False
    token = word.group(1).lstrip("\"“‘'([")
    return token.lower() in _ABBREVIATIONS or _INITIALS.match(token) is not None


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` (which starts with no white space) in pieces of at most
    :data:`MAX_SENTENCE_CHARS`, each cut at the last white space of its second half if it
    has one, white space between pieces left out."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        half = start + MAX_SENTENCE_CHARS // 2
        space = max(text.rfind(blank, half, limit) for blank in " \t\n")
        cut = space if space > start else limit
        while text[cut - 1].isspace():
            cut -= 1
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def _split(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences of the paragraph ``text[start:end]``, never ending inside a quotation,
    none longer than :data:`MAX_SENTENCE_CHARS`."""
    sentences, begin = [], start
    opened, reach = 0, -1  # quotations opened before the cut; the furthest end among them
    for match in _SENTENCE_END.finditer(text, start, end):
        cut = match.end()
        while opened < len(quotes) and quotes[opened][0] < cut:
            reach = max(reach, quotes[opened][1])
            opened += 1
        if reach > cut:  # inside a quotation
            continue
        if match.group().startswith(".") and match.group().count(".") == 1:
            if _is_abbreviation(text, match.start()):
                continue
        if cut - begin <= MAX_SENTENCE_CHARS:  # begin < cut: a mark ends the sentence
            sentences.append((begin, cut))
        else:
            sentences += _pieces(text, begin, cut)
        begin = cut
        while begin < end and text[begin].isspace():
            begin += 1
    if end - begin > MAX_SENTENCE_CHARS:
        sentences += _pieces(text, begin, end)
    elif begin < end:
        sentences.append((begin, end))
    return sentences


@lru_cache(maxsize=64)
def layout(text: str) -> Layout:
    paragraphs = _paragraphs(text)
    marks = sorted(at for mark in _QUOTE_MARKS for at in occurrences(text, mark))
    sentences, owners, quotations = [], [], []
    for index, (start, end) in enumerate(paragraphs):
        first = bisect_left(marks, start)
        quotes = _quotations(text, marks[first : bisect_left(marks, end, first)]) if marks else []
        quotations += quotes
        for sentence in _split(text, start, end, quotes):
            sentences.append(sentence)
            owners.append(index)
    return Layout(tuple(paragraphs), tuple(sentences), tuple(owners), tuple(quotations))


def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Raw (start, end) of every paragraph: non-blank lines, a line that starts with a
    lower-case letter joined to the one before (a scraper's broken paragraph)."""
    return layout(text).paragraphs


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Raw (start, end) of every sentence, in order; cached per text.

    A sentence ends at ".", "!" or "?" (and closing quotation marks) before an upper-case
    letter or a digit, never inside a quotation, after an abbreviation ("Gen.", "U.S.") or
    an initial; every paragraph ends one.

    >>> text = 'Gen. Smirnov spoke. "We know. Really," he said.'
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Gen. Smirnov spoke.', '"We know. Really," he said.']
    """
    return layout(text).sentences


@lru_cache(maxsize=64)
def _sentence_starts(text: str) -> tuple[int, ...]:
    return tuple(start for start, _ in layout(text).sentences)


def sentence_index(text: str, position: int) -> int:
    """Index in :func:`sentence_spans` of the sentence holding (or preceding) ``position``."""
    return max(bisect_right(_sentence_starts(text), position) - 1, 0)
