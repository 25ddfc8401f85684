"""Hedging and verification language, with raw offsets.

Strings in, data out. :func:`find_hedges` finds every hedge of a text (or of the body
spans given); :func:`hedges_near` those attached to a claim: in the claim's sentence, and
in the next sentence of the same paragraph when that one refers back to the figure
("According to him, that actual number is probably higher than his estimate.").
:func:`hedge_agreement` compares them with the ``hedge`` column of ``data/claims.csv``.

Each hedge has one of :data:`HEDGE_KINDS`:

============  ==============================================================  ============
kind          words                                                           who hedges
============  ==============================================================  ============
verification  could not be (independently) confirmed/verified, it was not     the reporter
              (immediately) possible to (independently) verify, unable to
              verify, has not been verified, unconfirmed, unverified
estimate      estimated, an estimated, estimating, approximately              the source
attribution   reportedly, allegedly, alleged, attributed, according to,       the reporter
              claimed, purportedly, is said to                                (who says)
uncertainty   could be, might be, may + verb, probably (higher), possibly,    the source
              is thought to (have), believed to, it is unclear
============  ==============================================================  ============

Decisions:

* "estimated" after a determiner is a hedge only when a number or a quantity noun
  follows within two words: "an estimated 50,000", "the estimated number of fighters",
  but not "the estimated time of arrival". As a verb ("Shoigu estimated that") it always
  is.
* "may" is a hedge only as the modal: in lower case and followed by a lower-case word
  ("may be", "may have risen"). "May" the month is capitalised and never a hedge.
* "said to" needs a form of "be" before it ("is said to have"): "said to reporters" is
  not a hedge. "thought to" and "believed to" are hedges with or without "is".
* "claimed" is an attribution hedge in every use, a claim of responsibility included.
* Overlapping matches keep the longest: "could not be confirmed" is one verification
  hedge, not also a "could be".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimtrail.text.numbers import fold_text
from claimtrail.text.sentences import sentence_spans
from claimtrail.text.shapes import holds_any

HEDGE_KINDS = ("verification", "estimate", "attribution", "uncertainty")

_QUANTITY_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty"
    r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens?|hundreds?|thousands?"
    r"|millions?|few|several|number|numbers|total|toll|figure|count|tally|size|strength"
    r"|population|casualties|deaths|dead|cost)\b)",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(r"\b(?:an?|the|its|his|her|their|our)\s+$", re.IGNORECASE)
_FIGURE = r"(?:number|figure|toll|estimate|count|tally|total)s?\b"
_REFERS_BACK = re.compile(
    r"\W*(?:according\s+to\s+\w+,\s*)?"
    rf"(?:(?:that|this|these|those|such)\s+(?:[a-z-]+\s+)?{_FIGURE}"
    rf"|the\s+(?:[a-z-]+\s+)?{_FIGURE}(?!\s+of\b))",
    re.IGNORECASE,
)


def _quantity_follows(text: str, match: re.Match[str]) -> bool:
    """An adjectival "estimated" counts only before a number or a quantity noun."""
    determiner = _DETERMINER_BEFORE.search(text, max(0, match.start() - 8), match.start())
    if determiner is None and not match.group().lower().startswith("an "):
        return True
    return _QUANTITY_AFTER.match(text, match.end()) is not None


@dataclass(frozen=True)
class _Rule:
    """A hedge pattern; every match holds one of the words ``needs`` (in any case if
    ``any_case``, as the pattern reads them): a text without them is not searched. A
    pattern that reads any case is written in lower case and searches the folded text
    (:func:`claimtrail.text.numbers.fold_case`), where it finds what it would find in the
    text ignoring case, faster."""

    kind: str
    pattern: re.Pattern[str]
    needs: tuple[str, ...]
    any_case: bool
    accept: Callable[[str, re.Match[str]], bool] | None = None


def _rule(
    kind: str,
    pattern: str,
    needs: tuple[str, ...],
    flags: int = re.IGNORECASE,
    accept: Callable[[str, re.Match[str]], bool] | None = None,
) -> _Rule:
    any_case = bool(flags & re.IGNORECASE)
    return _Rule(kind, re.compile(pattern, flags & ~re.IGNORECASE), needs, any_case, accept)


_VERIFY = ("confirm", "verif")
RULES: tuple[_Rule, ...] = (
    _rule(
        "verification",
        r"\b(?:could|can|would)(?:\s+not|not|n['’]t)\s+(?:be\s+)?"
        r"(?:(?:immediately|independently)\s+)*(?:be\s+)?(?:confirmed|verified|confirm|verify)\b",
        _VERIFY,
    ),
    _rule(
        "verification",
        r"\bit\s+(?:(?:was|is)\s+not|(?:was|is)n['’]t|has\s+not\s+been)\s+(?:immediately\s+)?"
        r"possible\s+to\s+(?:independently\s+)?(?:verify|confirm)\b",
        _VERIFY,
    ),
    _rule(
        "verification",
        r"\b(?:(?:was|were|is|are|been)\s+unable\s+to\s+(?:independently\s+)?(?:verify|confirm)"
        r"|(?:has|have|had)\s+not\s+been\s+(?:independently\s+)?(?:verified|confirmed)"
        r"|un(?:confirmed|verified))\b",
        _VERIFY,
    ),
    _rule("estimate", r"\ban\s+estimated\b", ("estimated",), accept=_quantity_follows),
    _rule("estimate", r"\bestimat(?:ed|ing)\b", ("estimat",), accept=_quantity_follows),
    _rule("estimate", r"\bapproximately\b", ("approximately",)),
    _rule(
        "attribution",
        r"\b(?:reportedly|allegedly|alleged|attributed|according\s+to|claimed|purportedly"
        r"|(?:is|are|was|were|be|been)\s+said\s+to)\b",
        ("reportedly", "alleged", "attributed", "according", "claimed", "purportedly", "said"),
    ),
    _rule(
        "uncertainty",
        r"\b(?:could|might)\s+(?:well\s+|possibly\s+|even\s+)?(?:be|have\s+been)\b"
        r"|\bprobably(?:\s+(?:much\s+|far\s+)?(?:higher|lower|more|less|greater|fewer|larger"
        r"|smaller))?\b|\bpossibly\b|\bit\s+(?:is|was|remains|remained)\s+(?:still\s+)?unclear\b"
        r"|\b(?:(?:is|are|was|were|be|been)\s+)?(?:widely\s+)?(?:thought|believed)\s+to"
        r"(?:\s+have)?\b",
        ("could", "might", "probably", "possibly", "unclear", "thought", "believed"),
    ),
    _rule(
        "uncertainty",
        r"\bmay\s+(?:(?:well|not|also|still|even)\s+)?(?:have\s+)?[a-z]+\b",
        ("may",),
        flags=0,
    ),
)


@dataclass(frozen=True)
class Hedge:
    """A hedge: ``text[start:end] == words``; kind one of :data:`HEDGE_KINDS`."""

    start: int
    end: int
    words: str
    kind: str


@lru_cache(maxsize=16)
def _matches(text: str, start: int, end: int) -> tuple[Hedge, ...]:
    """Every rule's accepted matches in ``text[start:end]`` (cached: claims share sentences)."""
    scope, folded_text = text[start:end], fold_text(text)
    folded = folded_text[start:end]
    found = []
    for rule in RULES:
        words = folded if rule.any_case else scope
        if not holds_any(words, rule.needs):
            continue
        for match in rule.pattern.finditer(folded_text if rule.any_case else text, start, end):
            if rule.accept is None or rule.accept(text, match):
                at, to = match.span()
                found.append(Hedge(at, to, text[at:to], rule.kind))
    return tuple(found)


def _longest_first(hedges: Iterable[Hedge]) -> list[Hedge]:
    """Drop every hedge overlapping a longer (or earlier) one; sort by position.

    The hedges kept do not overlap, so sorted by start they are sorted by end too: the one
    kept hedge that can overlap a new one is the last that starts before the new one ends.
    """
    kept: list[Hedge] = []
    starts: list[int] = []
    for hedge in sorted(hedges, key=lambda h: (h.start - h.end, h.start)):
        i = bisect_left(starts, hedge.end)
        if i == 0 or kept[i - 1].end <= hedge.start:
            kept.insert(i, hedge)
            starts.insert(i, hedge.start)
    return kept


def find_hedges(text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[Hedge]:
    """Every hedge in ``text``, or only in ``spans`` (e.g. the body spans of
    :func:`claimtrail.text.furniture.body_spans`), in order.

    >>> [(h.words, h.kind) for h in find_hedges("The toll could be higher, police said.")]
    [('could be', 'uncertainty')]
    """
    spans = ((0, len(text)),) if spans is None else tuple(map(tuple, spans))
    return list(_hedges_in(text, spans))


@lru_cache(maxsize=16)
def _hedges_in(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[Hedge, ...]:
    """:func:`find_hedges` (cached: the claims of a sentence share its hedges)."""
    return tuple(_longest_first(h for start, end in spans for h in _matches(text, start, end)))


def hedges_near(
    text: str,
    start: int,
    end: int,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Hedge]:
    """The hedges of the claim ``text[start:end]``: those of its sentence(s), and of the
    next sentence of the paragraph if that one refers back to a figure ("that number",
    "the toll", "According to him, that actual number ...").

    ``sentences`` are sentence spans of ``text`` (default: :func:`sentence_spans`, cached
    per text).
    """
    spans = sentences if sentences is not None else sentence_spans(text)
    if not spans:
        return []
    first = max(bisect_right(spans, start, key=lambda s: s[0]) - 1, 0)
    last = max(bisect_right(spans, max(end - 1, start), key=lambda s: s[0]) - 1, first)
    scope = [(spans[first][0], spans[last][1])]
    following = last + 1
    if following < len(spans):
        gap = text[spans[last][1] : spans[following][0]]
        if "\n" not in gap and _REFERS_BACK.match(text, spans[following][0]):
            scope.append(spans[following])
    return find_hedges(text, scope)


def _covers(found: str, coded: str) -> bool:
    found, coded = found.lower(), coded.lower()
    return coded in found or found in coded


def hedge_agreement(
    coded: Iterable[str | None], found: Iterable[Sequence[Hedge]]
) -> dict[str, float]:
    """Agreement of hedges found near each claim with the coded ``hedge`` words.

    ``coded``: the hedge column, one value per claim (several words separated by ";"; None
    when the coder saw no hedge). Attribution hedges are left out of the comparison: the
    coding records attribution in speaker and chain. Returns ``recall`` (share of claims
    with coded hedges whose every coded word is found), ``exact`` (share of all claims
    whose found hedges and coded words cover each other), ``extra`` (share of claims coded
    without a hedge where one is found) and the counts ``n`` and ``n_coded``.
    """
    recalled = exact = extra = n = n_coded = 0
    for words, hedges in zip(coded, found, strict=True):
        wanted = [w.strip() for w in (words or "").split(";") if w.strip()]
        seen = [h.words for h in hedges if h.kind != "attribution"]
        all_found = all(any(_covers(s, w) for s in seen) for w in wanted)
        no_surplus = all(any(_covers(s, w) for w in wanted) for s in seen)
        n += 1
        n_coded += bool(wanted)
        recalled += bool(wanted) and all_found
        exact += all_found and no_surplus
        extra += not wanted and bool(seen)
    uncoded = n - n_coded
    return {
        "recall": recalled / n_coded if n_coded else 1.0,
        "exact": exact / n if n else 1.0,
        "extra": extra / uncoded if uncoded else 0.0,
        "n": float(n),
        "n_coded": float(n_coded),
    }
