"""Automatic extraction of estimate claims from raw news text.

The rules follow the codebook (book/codebook.md), applied to the article body only. Each
text is segmented once (:mod:`claimtrail.text.sentences`); its sentences are shared by the
numbers, dates, attribution and hedges read from it.

1. Every numeric expression of the body is found (:func:`claimtrail.text.numbers.find_numbers`).
2. Years, dates ("July 23", "09-07-2016"), the text's dateline, clock times ("at 1459"),
   durations and ages ("nine-minute", "9-year-old", "under the age of eight", "Ahmed,
   24,"), money, percentages and multipliers are dropped: they are not counts.
3. The counted noun is the head of the noun phrase after the number ("potential suicide
   bombers", "Su-24 fighter aircraft" -> aircraft; "13 of its fighters" -> fighters). A
   head that names people (:data:`claimtrail.text.measures.PERSON_NOUNS`, from WordNet) makes
   a claim; any other head (aircraft, wars, videos) does not. With no noun after the
   number, the claim needs a verb, predicate or toll that gives its measure ("injuring
   23", "at least eight died", "the toll rose to 61"), a "number of <people>" in its
   sentence, an earlier figure of its sentence whose noun it leaves out ("killed 28 and
   wounded 30"), or a copula ("A year ago there were a hundred").
4. The measure comes from the word that governs the counted phrase
   (:mod:`claimtrail.text.measures`). A generic noun ("people") with no measure is not a claim.
5. The as-of date is read against the date of the text: the date it prints for itself
   (its dateline, :func:`claimtrail.text.timeref.dateline`), else the publication date given.
   A cumulative toll ("since March 2011", "in the past three days", "the war has killed")
   is as of when it is current: the time of the statement, else the date of the text. An
   event toll takes a time expression of its sentence: one attached to a reporting verb
   ("said Thursday") dates the statement and is the reference for the others; then the
   nearest other time after the number, then before it; else the time of the sentence
   before (or after) it in the same paragraph, if that sentence holds no figure of its
   own; else the statement's time; else the date of the text.
6. A headline repeated at the start of the text (the ``title``, when given) gives one
   row: a headline figure is dropped when the body states the same count (same measure,
   same number); one the body does not state is kept.
7. Speaker and relay chain come from :mod:`claimtrail.text.attribution`, hedges from
   :mod:`claimtrail.text.hedges`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from claimtrail.text import measures
from claimtrail.text.attribution import speaker_and_chain
from claimtrail.text.furniture import body_spans, link_list_start, segment_article
from claimtrail.text.hedges import hedges_near
from claimtrail.text.numbers import NumberExpression, find_numbers, fold_case, fold_text
from claimtrail.text.sentences import sentence_spans
from claimtrail.text.timeref import (
    TimeRef,
    date_bounds,
    dateline,
    find_time_expressions,
    precision_of,
    resolve,
)

OUTPUT_COLUMNS = (
    "article",
    "start",
    "end",
    "quote",
    "measure",
    "population",
    "place",
    "low",
    "best",
    "high",
    "qualifier",
    "as_of",
    "as_of_precision",
    "scope",
    "speaker",
    "chain",
    "hedge",
)
SCOPES = ("event", "cumulative")

_HYPOTHETICAL = re.compile(r"\b(?:even if|if|unless|whether)\b[^.;]{0,60}$")  # folded text
# How far back from a number a match of _HYPOTHETICAL can start: its longest word and 60
# more characters, and one character before it, for the word boundary.
_HYPOTHETICAL_REACH = len("whether") + 60 + 1
_NOT_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:%|percent\b|per cent\b|a\.m\.|p\.m\.|o'clock\b|gmt\b|"
    r"(?:(?:square|sq\.?|cubic)\s+)?(?:mile|km|kilomet|metre|meter|kg|ton|tonne|dollar|euro|rouble|ruble|pound|second|minute|hour|day|week|month|year|"
    r"decade|centur)\w*\b)|\s+(?:years?\s+old|years?\s+of\s+age)\b)",
    re.IGNORECASE,
)
# A number right after one of these words (or a currency sign) is a label, an age, a
# date or money: "route 5", "resolution 2254", "aged 24", "under the age of eight",
# "July 23", "$5". Tested on the last word before the number, which is cheap.
_NOT_COUNT_WORDS = frozenset(
    """route resolution page no. number article flight room chapter section street highway
    paragraph unit brigade division age aged ages url views updated january february march
    april may june july august september october november december jan jan. feb feb. mar
    mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec
    dec.""".split()
)
_CURRENCY = frozenset("$€£")
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_STREET_AFTER = re.compile(
    r"^\s+(?:[A-Z]\w+\s+){0,2}(?:street|st\.|avenue|road|lane)\b", re.IGNORECASE
)
# The tests above in one pattern each side, for speed.
_NOT_COUNT_AFTER_ANY = re.compile(
    "|".join(
        f"(?:{p.pattern.removeprefix('^')})"
        for p in (_NOT_COUNT_AFTER, _DATE_AFTER, _STREET_AFTER, re.compile(r"^\s*:\d"))
    ),
    re.IGNORECASE,
)
# Day-month-year digits ("09-07-2016", "24.08.2013"): a date, never a count.
_NUMERIC_DATE = re.compile(r"\d{1,2}([-./])\d{1,2}\1\d{2,4}")
# A clock time written without a colon after "at" ("Wed 01 Oct 2014 at 1459").
_CLOCK_BEFORE = re.compile(r"\bat\s*$", re.IGNORECASE)
_CLOCK_DIGITS = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
# An age in apposition to a name: "Ahmed, 24, said", "Ahmed 24 said" (commas lost).
_AGE_APPOSITION = re.compile(r"[A-Z][a-z]+,?\s+$")
_AGE_AFTER = re.compile(r"^,?\s+(?:said|says|told|who|from|a\s|an\s)")
_WORD = re.compile(r"[\w'’.-]+|[^\w\s]")
_NP_STOP = frozenset(
    """of from in on at to for with by who which that and or but as than had has have was were
    is are be been being will would could can said says say including among after before
    during since into over under while when where whose near across monday tuesday wednesday
    thursday friday saturday sunday yesterday today overnight tonight""".split()
)
_VERB_ENDINGS = ("ing", "ed")
# Person nouns that also modify a following noun ("fighter aircraft", "soldier's"): the
# noun phrase goes on past them; any other person noun ends it ("militants remain").
_MODIFIER_NOUNS = frozenset("fighter soldier militant rebel police terrorist army".split())
_MEASURE_VERB = re.compile(r"(?:kill|injur|wound|behead|execut|detain|arrest)(?:e|es|s|ing)?$")
_OF_DETERMINER = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|whom|them|those|these)\b", re.IGNORECASE
)
_NUMBER_OF = re.compile(r"\bnumber of\b(?:\s+the\b)?((?:\s+[\w'’.-]+){1,8})", re.IGNORECASE)
_COPULA_BEFORE = re.compile(r"\bthere\s+(?:are|were|is|was)\s+(?:now\s+|only\s+)?$", re.I)
# _REPORTING and _CUMULATIVE are written in lower case and search folded text (fold_case):
# there they find what they would find in the text ignoring case, faster.
_REPORTING = re.compile(
    r"\b(?:said|says|stated|told|announced|estimated|reported|added|declared|confirmed|wrote)\b"
)
_NOW_BEFORE = re.compile(r"\bnow\b[^.;]{0,25}$", re.IGNORECASE)
# A running total over a period: current when stated, not at the period's start.
_CUMULATIVE = re.compile(
    r"\b(?:since|so\s+far|to\s+date|(?:in|over|during|within|throughout)\s+(?:the\s+)?"
    r"(?:past|last|previous)\s+(?:(?:\w+|\d+)\s+)?(?:hours?|days?|weeks?|months?|years?)|"
    r"in\s+(?:the\s+)?(?:first\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"several)\s+(?:hours?|days?|weeks?|months?|years?)|"
    r"(?:war|conflict|uprising|crisis|revolution|campaign|offensive|battle|bombardment|"
    r"siege|escalation)\s+(?:has|have|had)\s+(?:so\s+far\s+)?(?:killed|claimed|left|cost|"
    r"caused)|(?:-year|year-old)\s+(?:war|conflict)|"
    r"(?:war|conflict|uprising|crisis|revolution)\s+(?:which|that)\s+(?:began|started|erupted|"
    r"broke\s+out))\b"
)
# Time expressions that start a period ("since Wednesday", "since March 2011").
_PERIOD_START = re.compile(r"\b(?:since|from|until|till)\s+$", re.IGNORECASE)
_STRONG = re.compile(r"-strong\b")
_STRONG_PHRASE = re.compile(r"-strong(?:\s+[a-z]+)?")
_WORD_CHAR = re.compile(r"\w")
_OF = re.compile(r"\s+of\b")
_PLACE = re.compile(r"\s+(?:in|inside)\s+((?:the\s+)?(?:[A-Z][\w'’-]+\s*){1,4})")
_TITLE_PARTS = re.compile(r"\s+[-|–]\s+")


@dataclass(frozen=True)
class Article:
    """One text to extract from: id, raw text, publication date (ISO, partial) if known,
    the outlet and republication source when known (for the relay chain), and the
    headline when known (a headline repeated in the text gives one row)."""

    id: str
    text: str
    published: str | None = None
    outlet: str | None = None
    republished_from: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class _Counted:
    """A number that counts people: its head noun, phrase end and words, and the
    measure its governing word gives (None when none does, "" for a verb of no measure)."""

    head: str
    phrase_end: int
    phrase: str
    governed: str | None
    quote_start: int


def _after_label(before: str) -> bool:
    """Whether the text before a number ends with a label word or a currency sign."""
    stripped = before.rstrip()
    if not stripped:
        return False
    if stripped[-1] in _CURRENCY:
        return True
    words = stripped.lower().rsplit(None, 2)
    return words[-1] in _NOT_COUNT_WORDS or words[-2:] == ["age", "of"]


def _is_not_count(text: str, expr: NumberExpression) -> bool:
    """True for numbers that are dates, times, ages, measurements, money or labels."""
    if expr.qualifier == "multiplier" or expr.looks_like_year:
        return True
    if expr.hyphen_compound and not _STRONG.match(text[expr.value_end : expr.value_end + 8]):
        return True
    after, before = text[expr.end : expr.end + 24], text[max(0, expr.start - 24) : expr.start]
    if _NOT_COUNT_AFTER_ANY.match(after) or _after_label(before):
        return True
    value = text[expr.value_start : expr.value_end]
    if value.isdigit() and _CLOCK_BEFORE.search(before) and _CLOCK_DIGITS.fullmatch(value):
        return True
    if "-" in text[expr.start - 6 : expr.end + 8] or "." in text[expr.start - 6 : expr.end + 8]:
        date = _NUMERIC_DATE.search(text, max(0, expr.start - 6), expr.end + 8)
        if date and date.start() <= expr.value_start and expr.value_end <= date.end():
            return True
    return (
        expr.qualifier == "none"
        and value.isdigit()
        and _AGE_APPOSITION.search(before) is not None
        and _AGE_AFTER.match(after) is not None
        and not before.rstrip().endswith(("Killed", "Kill", "Kills", "Dead"))
    )


def _noun_phrase(text: str, end: int, limit: int) -> tuple[str | None, int, str]:
    """The head noun after a number, the phrase's end offset and the phrase's words.

    The phrase runs until a stop word, a verb form ("fighting", "joined"), punctuation
    other than quotes and hyphens, a person noun (unless it can modify a noun:
    "fighter"), or five words; its head is its last word, so "Su-24 fighter aircraft" is
    headed by "aircraft" and "25,000 militants remain" by "militants". "N of the/its/them
    ..." counts the noun after "of": "13 of its fighters" is headed by "fighters".
    """
    of = _OF_DETERMINER.match(text, end, limit)
    if of is not None:
        if of.group().split()[-1].lower() in measures.PRONOUNS:
            return of.group().split()[-1].lower(), of.end(), text[end : of.end()].strip()
        head, head_end, _ = _noun_phrase(text, of.end(), limit)
        if head is not None:
            return head, head_end, text[end:head_end].strip()
    words: list[tuple[str, int]] = []
    skip_to = end  # past a parenthesis inside the phrase: "one SARC (Syrian ...) staff member"
    for match in _WORD.finditer(text, end, limit):
        token = match.group()
        word = token.strip("'’\"“”")
        if not word:
            continue
        full_stop = word.endswith(".") and len(word) > 4  # "bombers." ends a sentence; "U.S." not
        lower = word.lower()[:-1] if full_stop else word.lower()
        if word == "(":
            close = text.find(")", match.end(), min(limit, match.end() + 60))
            if close > 0 and words:
                skip_to = close + 1
            continue
        if match.start() < skip_to:
            continue
        if not _WORD_CHAR.match(word) or lower in _NP_STOP or word[0].isdigit():
            break
        if _MEASURE_VERB.match(lower):
            break  # "kill 10 injure scores": a verb, no noun
        if words and lower.endswith(_VERB_ENDINGS) and lower not in measures.PERSON_NOUNS:
            break
        if not words and lower in ("a", "an", "the"):
            break  # "6,000 a year earlier": no noun counted here
        words.append((lower, match.end() - (1 if full_stop else 0)))
        if len(words) == 5 or (
            lower in measures.PERSON_NOUNS
            and lower not in _MODIFIER_NOUNS
            and not _next_is_person(text, match.end(), limit)
        ):
            break
        if lower in measures.MEASURE_WORDS and lower not in ("dead", "wounded", "injured"):
            break
    if not words:
        return None, end, ""
    # A run that reached no person noun ends at the first measure word ("dead and wounded
    # members" is headed by "members", "40 dead in clashes" by "dead").
    head, head_end = words[-1]
    if head not in measures.PERSON_NOUNS:
        for word, word_end in words:
            if word in measures.MEASURE_WORDS:
                head, head_end = word, word_end
                break
    return ("fighters" if head == "strong" else head), head_end, text[end:head_end].strip()


def _next_is_person(text: str, end: int, limit: int) -> bool:
    """Whether the word after ``end`` is a person noun too: "Russian citizens", "Syrian
    soldiers" are headed by their last noun."""
    match = _WORD.search(text, end, limit)
    return match is not None and match.group().lower().rstrip(".") in measures.PERSON_NOUNS


def _place(text: str, start: int, limit: int) -> str:
    """The place named just after the counted phrase ("in Syria"), or ""."""
    match = _PLACE.match(text, start, limit)
    return match.group(1).strip() if match else ""


@lru_cache(maxsize=32)
def _time_expressions(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """:func:`find_time_expressions`, cached: a sentence is read for its statement times
    and for the as-of date of each of its claims."""
    return tuple(find_time_expressions(sentence))


@lru_cache(maxsize=16)
def _reporting_words(sentence: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the reporting verbs of a sentence (cached: claims share it)."""
    spans = [match.span() for match in _REPORTING.finditer(fold_case(sentence))]
    return [start for start, _ in spans], [end for _, end in spans]


def _reports_between(sentence: str, start: int, end: int) -> bool:
    """Whether a reporting verb of ``sentence`` lies within ``sentence[start:end]``.

    Called between the end of a time expression and the start of a figure, neither glued
    to a word, so a verb there is one in the sentence.
    """
    starts, ends = _reporting_words(sentence)
    i = bisect_left(starts, start)
    return i < len(starts) and ends[i] <= end


@lru_cache(maxsize=1024)
def _resolve(words: str, reference: str) -> TimeRef | None:
    """:func:`~claimtrail.text.timeref.resolve`, cached: a sentence asks for the same words for
    each of its figures."""
    return resolve(words, reference)


def _statement_times(
    text: str, sentence: tuple[int, int], position: int | None, reference: str
) -> list[tuple[int, TimeRef]]:
    """Times attached to a reporting verb in a sentence: "said last October", or, when a
    claim ``position`` is given, "Last month, the envoy confirmed that" before it."""
    s0, s1 = sentence
    found = []
    sentence_text = text[s0:s1]
    for start, end, words in _time_expressions(sentence_text):
        before = text[max(s0, s0 + start - 25) : s0 + start]
        between = bool(position) and _reports_between(sentence_text, end, position - s0)
        if _REPORTING.search(fold_case(before)) or between:
            resolved = _resolve(words, reference)
            if resolved is not None:
                found.append((s0 + start, resolved))
    return found


# Words that always point into the week of the text, whoever speaks: resolved against the
# date of the text, not against a statement's time.
_DAY_WORDS = re.compile(
    r"(?:(?:on|last|next)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"yesterday|today|overnight",
    re.IGNORECASE,
)
_JOINED = re.compile(r"\s+(?:and|or|to|-)\s+(?:(?:early|late)\s+)?$", re.IGNORECASE)


def _joined(first: TimeRef, second: TimeRef) -> TimeRef:
    """The finest unit holding two times named together ("late Saturday and early
    Sunday"): the month when both days lie in one month, else the year."""
    if first.date == second.date:
        return first
    a0, a1 = date_bounds(first.date)
    b0, b1 = date_bounds(second.date)
    start, end = min(a0, b0), max(a1, b1)
    if (start.year, start.month) == (end.year, end.month):
        date = f"{start.year:04d}-{start.month:02d}"
    else:
        date = f"{start.year:04d}" if start.year == end.year else first.date
    words = f"{first.expression} and {second.expression}"
    return TimeRef(date, precision_of(date), words, "two times named together")


def _event_times(
    text: str, sentence: tuple[int, int], skip: set[int], base: str, reference: str
) -> list[tuple[int, TimeRef]]:
    """The times of a sentence that date an event (not its statement, not the start of a
    period: "since Wednesday"), with their offsets. Weekdays and "yesterday" are read
    against the date of the text (``reference``), others against ``base``; two times
    named together are one span."""
    s0, s1 = sentence
    found: list[tuple[int, int, TimeRef]] = []
    for t0, t1, words in _time_expressions(text[s0:s1]):
        if s0 + t0 in skip or _PERIOD_START.search(text[max(s0, s0 + t0 - 8) : s0 + t0]):
            continue
        event = _resolve(words, reference if _DAY_WORDS.fullmatch(words.strip()) else base)
        if event is None:
            continue
        if found and _JOINED.fullmatch(text[s0 + found[-1][1] : s0 + t0]):
            found[-1] = (found[-1][0], t1, _joined(found[-1][2], event))
        else:
            found.append((t0, t1, event))
    return [(s0 + t0, event) for t0, _, event in found]


@dataclass
class _Text:
    """One article as the rules read it: its body sentences, the date the text goes by,
    and the span of a repeated headline."""

    article: Article
    sentences: list[tuple[int, int]]
    lines: list[tuple[int, int]]
    reference: str | None
    dateline: tuple[int, int] | None
    headline: tuple[int, int] | None
    figures: list[int]  # how many figures each sentence holds


def _as_of(doc: _Text, index: int, start: int, cumulative: bool) -> TimeRef | None:
    """The as-of date of a figure at ``start`` in sentence ``index`` (module rule 5)."""
    reference = doc.reference
    if reference is None:
        return None
    text = doc.article.text
    own = TimeRef(reference, precision_of(reference), "", "the date of the text")
    s0, _ = doc.sentences[index]
    statements = _statement_times(text, doc.sentences[index], start, reference)
    if not statements and index > 0:
        statements = _statement_times(text, doc.sentences[index - 1], None, reference)
    statement = statements[0][1] if statements else None
    if cumulative or _NOW_BEFORE.search(text[max(s0, start - 30) : start]):
        return statement or own
    base = statement.date if statement else reference
    attached = {position for position, _ in statements}
    others = _event_times(text, doc.sentences[index], attached, base, reference)
    after = [event for position, event in others if position > start]
    before = [event for position, event in others if position < start][::-1]
    if after or before:
        return (after + before)[0]
    if statements and statements[0][0] >= s0:
        return statement  # the sentence's own statement time: "reported on Thursday that"
    for neighbour in (index - 1, index + 1):
        if (
            0 <= neighbour < len(doc.sentences)
            and doc.lines[neighbour] == doc.lines[index]
            and doc.figures[neighbour] == 0
        ):
            events = _event_times(text, doc.sentences[neighbour], set(), base, reference)
            if events:
                return events[0][1]
    return statement or own


@lru_cache(maxsize=16)
def _number_of(sentence: str) -> str | None:
    """Head noun of the first "number of <people>" in a sentence, if any (cached: the
    figures of a sentence share it)."""
    counted = _NUMBER_OF.search(sentence)
    if counted is None:
        return None
    return _noun_phrase(counted.group(1), 0, len(counted.group(1)))[0]


def _counted(
    text: str,
    folded: str,
    expr: NumberExpression,
    sentence: tuple[int, int],
    previous: str | None,
) -> _Counted | None:
    """The counted noun and governing measure of a number that counts people, or None
    (module docstring, rule 3)."""
    s0, s1 = sentence
    start, end = expr.start, expr.end
    if text.startswith("-strong", expr.value_end):
        phrase = _STRONG_PHRASE.match(text[expr.value_end : s1]).group()
        return _Counted("fighters", expr.value_end + len(phrase), phrase.lstrip("-"), None, start)
    left = folded[max(s0, start - 160) : start]
    toll = measures.toll(left)
    if toll:
        verb = re.search(r"\b\w+(?:\s+\w+){0,2}\s*\Z", left)
        quote_start = start - len(verb.group()) if verb else start
        return _Counted("toll", end, "", toll, quote_start)
    governed = measures.governing_verb(left)
    after = end
    if expr.qualifier == "vague":
        skip = _OF.match(text, end, s1)
        after = skip.end() if skip and not _OF_DETERMINER.match(text, end, s1) else end
    if not governed and measures.predicate(folded, end, s1):
        return _Counted("people", end, "", None, start)  # "12 received wounds", "eight died"
    head, phrase_end, phrase = _noun_phrase(text, after, s1)
    quote_start = start
    if governed:
        verb = re.search(r"\b[a-z]+\s+\Z", left)
        if head is None and verb:
            quote_start = start - len(verb.group())
    if head is not None:
        if head in measures.PERSON_NOUNS or head in measures.MEASURE_WORDS:
            return _Counted(head, phrase_end, phrase, governed, quote_start)
        return None
    if governed and not measures.needs_noun(left):
        return _Counted("people", end, "", governed, quote_start)
    counted_head = _number_of(text[s0:s1])
    if counted_head in measures.PERSON_NOUNS:
        return _Counted(counted_head, end, "", None, start)
    if previous is not None:
        return _Counted(previous, end, "", None, start)
    if _COPULA_BEFORE.search(text, max(s0, start - 30), start):
        return _Counted("people", end, "", None, start)
    return None


def _measure(
    counted: _Counted, folded: str, sentence: tuple[int, int], start: int, previous: str | None
) -> str | None:
    """The measure of a counted phrase (:mod:`claimtrail.text.measures`, rules 1-7)."""
    s0, s1 = sentence
    head_start = counted.phrase_end - len(counted.head)
    if counted.head in measures.MEASURE_WORDS:
        if measures.both(folded, head_start):
            return "casualties"  # "48 killed and injured", "tens of dead and wounded members"
        return measures.MEASURE_WORDS[counted.head]  # "killed 6, 12 wounded": the head wins
    if counted.governed:
        return counted.governed
    said = measures.predicate(folded, counted.phrase_end, s1)
    if said == "fighters" and counted.head in measures.NOUN_MEASURES:
        return measures.NOUN_MEASURES[counted.head]  # "1,200 recruits had joined"
    if said is not None:
        return said or None  # "" is a predicate of no measure: "60000 are missing"
    clause_end = folded.find(";", counted.phrase_end, s1)
    clause_end = s1 if clause_end < 0 else clause_end
    left, right = folded[max(s0, start - 40) : start], folded[counted.phrase_end : clause_end]
    if previous and measures.is_part(left, right):
        return previous
    left_state = measures.left_state(left, right)
    if left_state:
        return left_state
    if counted.governed == "":
        return measures.noun_measure(counted.head)
    said = measures.distant_predicate(right)
    if said:
        return said
    cue = measures.cue_before(folded[s0:start])
    return cue or measures.noun_measure(counted.head)


def _figures(
    doc: _Text, index: int, folded: str, numbers: Iterable[NumberExpression]
) -> Iterator[tuple[NumberExpression, _Counted, str]]:
    """The figures of sentence ``index`` that count people, from the ``numbers`` in it:
    number, counted phrase, measure."""
    text = doc.article.text
    s0, s1 = doc.sentences[index]
    previous_head: str | None = None
    previous_measure: str | None = None
    for expr in numbers:
        if doc.dateline and doc.dateline[0] <= expr.start < doc.dateline[1]:
            continue
        if _is_not_count(text, expr):
            continue
        counted = _counted(text, folded, expr, (s0, s1), previous_head)
        if counted is None:
            continue
        previous_head = counted.head
        if _HYPOTHETICAL.search(folded[max(s0, expr.start - _HYPOTHETICAL_REACH) : expr.start]):
            continue
        measure = _measure(counted, folded, (s0, s1), expr.start, previous_measure)
        if measure is None:
            continue
        previous_measure = measure
        yield expr, counted, measure


@lru_cache(maxsize=64)
def _is_cumulative(sentence: str) -> bool:
    """Whether a sentence states a running total (cached: claims share sentences)."""
    return _CUMULATIVE.search(fold_case(sentence)) is not None


def _row(doc: _Text, index: int, expr: NumberExpression, counted: _Counted, measure: str) -> dict:
    """The output row of one figure."""
    article = doc.article
    text = article.text
    s0, s1 = doc.sentences[index]
    cumulative = _is_cumulative(text[s0:s1])
    as_of = _as_of(doc, index, expr.start, cumulative)
    speaker, chain = speaker_and_chain(
        text,
        expr.start,
        expr.end,
        outlet=article.outlet,
        republished_from=article.republished_from,
    )
    quote_end = max(expr.end, counted.phrase_end)
    return {
        "article": article.id,
        "start": counted.quote_start,
        "end": quote_end,
        "quote": text[counted.quote_start : quote_end],
        "measure": measure,
        "population": counted.phrase or counted.head,
        "place": _place(text, counted.phrase_end, s1),
        "low": expr.low,
        "best": expr.best,
        "high": expr.high,
        "qualifier": expr.qualifier,
        "as_of": as_of.date if as_of else None,
        "as_of_precision": as_of.precision if as_of else None,
        "scope": "cumulative" if cumulative else "event",
        "speaker": speaker,
        "chain": " > ".join(chain),
        "hedge": "; ".join(h.words for h in hedges_near(text, expr.start, expr.end)),
    }


def _body_sentences(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(sentence, body line) for every sentence that starts in a line of the body, up to a
    list of related links run into the text."""
    lines = body_spans(text) or [
        (segment.start, segment.end)
        for segment in segment_article(text)
        if segment.kind != "furniture"
    ]  # a text too short to have a prose body (a one-line report) is all body
    starts = [start for start, _ in lines]
    links = link_list_start(text)
    found = []
    for sentence in sentence_spans(text):
        i = bisect_right(starts, sentence[0]) - 1
        if i >= 0 and sentence[0] < lines[i][1]:
            if links is not None and sentence[1] > links:
                if sentence[0] < links:
                    found.append(((sentence[0], links), lines[i]))
                break
            found.append((sentence, lines[i]))
    return found


def headline_span(text: str, title: str | None) -> tuple[int, int] | None:
    """Where the headline ``title`` is repeated at the start of ``text``, or None.

    The title is looked for in the first 400 characters, whole or as its first part
    before a " - " or " | " (sites append their own name: "... - Region - World").

    >>> headline_span("Sun 05 Jul 2015 22 dead in raids. Six civilians died.", "22 dead in raids")
    (16, 32)
    """
    if not title:
        return None
    head = text[:400]
    for candidate in (title.strip(), _TITLE_PARTS.split(title.strip())[0]):
        found = head.find(candidate) if len(candidate) >= 12 else -1
        if found >= 0:
            return found, found + len(candidate)
    return None


def _values(row: dict) -> set[float]:
    return {row[k] for k in ("low", "best", "high") if row[k] is not None}


def _drop_headline_repeats(rows: list[dict], headline: tuple[int, int] | None) -> list[dict]:
    """Rows without the headline's figures that the body states again (module rule 6)."""
    if headline is None:
        return rows
    in_headline = [headline[0] <= r["start"] < headline[1] for r in rows]
    body = [r for r, inside in zip(rows, in_headline, strict=True) if not inside]
    return [
        r
        for r, inside in zip(rows, in_headline, strict=True)
        if not inside
        or not any(b["measure"] == r["measure"] and _values(b) & _values(r) for b in body)
    ]


def corpus_articles(corpus: Iterable[Mapping], id_column: str = "article_id") -> list[Article]:
    """Articles from rows of a loaded corpus (:func:`claimtrail.io.corpus.load_corpus`
    records): id, text, published, outlet and republished_from, missing values as None."""

    def value(row: Mapping, key: str) -> str | None:
        item = row.get(key)
        return item if isinstance(item, str) and item else None

    return [
        Article(
            row[id_column],
            row["text"],
            value(row, "published"),
            value(row, "outlet"),
            value(row, "republished_from"),
        )
        for row in corpus
    ]


def text_date(article: Article) -> str | None:
    """The date relative dates of the article are read against: its dateline, else the
    publication date given."""
    printed = dateline(article.text)
    return printed[2] if printed else article.published


def extract_claims(article: Article) -> list[dict]:
    """Every estimate claim in the article body, as rows with ``OUTPUT_COLUMNS``."""
    located = _body_sentences(article.text)
    printed = dateline(article.text)
    doc = _Text(
        article,
        [sentence for sentence, _ in located],
        [line for _, line in located],
        printed[2] if printed else article.published,
        printed[:2] if printed else None,
        headline_span(article.text, article.title),
        [],
    )
    # Folded from the first body sentence on (the same length and offsets as the text): a
    # part of the text's cached folding (the same as folding the part, bar a final sigma,
    # which no rule reads).
    first = doc.sentences[0][0] if doc.sentences else len(article.text)
    last = doc.sentences[-1][1] if doc.sentences else len(article.text)
    folded = " " * first + fold_text(article.text)[first:last]
    # Numbers are read sentence by sentence (a sentence's end bounds every look-ahead).
    found = [
        list(_figures(doc, index, folded, find_numbers(article.text, s0, s1)))
        for index, (s0, s1) in enumerate(doc.sentences)
    ]
    doc.figures = [len(figures) for figures in found]
    rows = [_row(doc, index, *figure) for index, figures in enumerate(found) for figure in figures]
    return _drop_headline_repeats(rows, doc.headline)


Result = tuple[str, list[dict], str | None]


def extract_safely(article: Article) -> Result:
    """Worker function (picklable): (article id, claims, error message or None).

    An exception inside one document is returned as its error, so one bad document
    never stops a run over many.
    """
    try:
        return article.id, extract_claims(article), None
    except Exception as exc:  # noqa: BLE001 - reported per document, run continues
        return article.id, [], f"{type(exc).__name__}: {exc}"


def _extract_batch(batch: list[Article]) -> list[Result]:
    """:func:`extract_safely` over a batch (one task for a worker process)."""
    return [extract_safely(article) for article in batch]


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of ``size`` items (the last one shorter), read lazily."""
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_local(
    articles: Iterable[Article], workers: int = 1, batch_size: int = 16
) -> Iterator[Result]:
    """Extract from a stream of articles, in input order, with ``workers`` processes.

    With one worker everything runs here. With more, batches of ``batch_size`` articles
    go to a process pool, and at most two batches per worker are in flight: the next
    batch is read only when the oldest one's results are taken, so neither the input
    read ahead nor the results waiting grow with the number of documents.
    """
    if workers <= 1:
        yield from map(extract_safely, articles)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    in_flight: deque[Future[list[Result]]] = deque()
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context)
    try:
        for batch in _batches(articles, batch_size):
            in_flight.append(pool.submit(_extract_batch, batch))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
    except BaseException:  # stopped (Ctrl-C, SIGTERM, the reader gone): leave no worker
        # The pool has no public way to stop its workers before Python 3.14.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
            process.join(timeout=10)
        raise
    pool.shutdown()


def run_dask(
    articles: Iterator[Article],
    scheduler: str | None = None,
    workers: int = 2,
    batch_size: int = 2000,
    timeout: float = 600,
) -> Iterator[Result]:
    """Extract through Dask: each batch of articles becomes a dask.bag mapped over partitions.

    ``scheduler`` is the address of a running Dask scheduler ("tcp://host:8786") for a
    real cluster; without one a local cluster of ``workers`` processes is started.
    Results come back in input order; batches keep memory flat on long inputs. A batch
    whose results do not come within ``timeout`` seconds (its workers lost, the cluster
    gone) or whose computation fails is reported as failed, document by document.
    """
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(scheduler or cluster, timeout=timeout)
    try:
        for batch in _batches(articles, batch_size):
            bag = db.from_sequence(batch, npartitions=min(max(workers, 1) * 4, len(batch)))
            future = client.compute(bag.map(extract_safely))
            try:
                results = future.result(timeout=timeout)
            except Exception as exc:  # noqa: BLE001 - the batch fails, the run goes on
                future.cancel()
                reason = f"Dask: {type(exc).__name__}: {exc}".rstrip(": ")
                if isinstance(exc, TimeoutError):
                    reason = f"Dask: no result within {timeout:g} s (workers lost?)"
                results = [(article.id, [], reason) for article in batch]
            yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
