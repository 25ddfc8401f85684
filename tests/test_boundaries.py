"""Boundary tests: every threshold at, just below and just above its value, and every
phrase of the rule modules' phrase lists, so that a one-character change to a rule fails
a test (measured by mutation testing: benchmarks/results/mutation.json)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrail.claims import EARLIEST_AS_OF, as_of_problems
from claimtrail.evaluation import evaluate
from claimtrail.hedges import find_hedges, hedges_near
from claimtrail.numbers import (
    _QUALIFIER_OF_PHRASE,
    _QUALIFIER_OF_POSTFIX,
    _SCALES,
    _SMALL_VALUES,
    _TIMES_WORDS,
    _VAGUE_FLOORS,
    _VERB_MULTIPLIERS,
    find_numbers,
    parse_expression,
    parse_number,
)
from claimtrail.timeref import date_bounds, find_time_expressions, resolve

# --- numbers: every phrase of every list -------------------------------------------------

EXPECTED_BOUNDS = {
    "about": ("best",),
    "more_than": ("low",),
    "at_least": ("low",),
    "up_to": ("high",),
    "fewer_than": ("high",),
    "nearly": ("best", "high"),
}


@pytest.mark.parametrize(("phrase", "qualifier"), sorted(_QUALIFIER_OF_PHRASE.items()))
def test_every_qualifier_phrase(phrase: str, qualifier: str) -> None:
    expression = parse_expression(f"{phrase} 4,000")
    assert expression is not None and expression.qualifier == qualifier
    given = {name: getattr(expression, name) for name in ("low", "best", "high")}
    assert {k for k, v in given.items() if v is not None} == set(EXPECTED_BOUNDS[qualifier])
    assert all(v in (None, 4000.0) for v in given.values())
    upper = parse_expression(f"{phrase.upper()} 4,000")  # any case
    assert upper is not None and upper.qualifier == qualifier


@pytest.mark.parametrize(("postfix", "qualifier"), sorted(_QUALIFIER_OF_POSTFIX.items()))
def test_every_postfix(postfix: str, qualifier: str) -> None:
    text = f"4,000{postfix}" if postfix in ("+", "-plus") else f"4,000 {postfix}"
    expression = parse_expression(text)
    assert expression is not None and expression.qualifier == qualifier
    assert expression.text == text


@pytest.mark.parametrize(("word", "value"), sorted(_SMALL_VALUES.items()))
def test_every_number_word(word: str, value: float) -> None:
    assert parse_number(word) == value
    assert parse_number(f"{word} thousand") == value * 1000


@pytest.mark.parametrize(("word", "value"), sorted(_SCALES.items()))
def test_every_scale(word: str, value: float) -> None:
    assert parse_number(f"2 {word}") == 2 * value
    assert parse_number(f"a {word}") == value


@pytest.mark.parametrize(("stem", "value"), sorted(_VERB_MULTIPLIERS.items()))
def test_every_multiplier_verb(stem: str, value: float) -> None:
    [found] = find_numbers(f"The number {stem}ed last year.")
    assert (found.qualifier, found.multiplier) == ("multiplier", value)


@pytest.mark.parametrize(("word", "value"), sorted(_TIMES_WORDS.items()))
def test_every_times_word(word: str, value: float) -> None:
    [found] = find_numbers(f"There were {word} as many fighters.")
    assert found.multiplier == value


@pytest.mark.parametrize(("word", "floor"), sorted(_VAGUE_FLOORS.items()))
def test_every_vague_floor(word: str, floor: float) -> None:
    text = f"{word} hundred" if word == "several" else f"a {word} hundred"
    [found] = find_numbers(text)
    assert (found.qualifier, found.low, found.best, found.high) == (
        "vague",
        floor * 100,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("text", "year"),
    [("1799", False), ("1800", True), ("2100", True), ("2101", False), ("02016", False)],
)
def test_year_flag_at_its_bounds(text: str, year: bool) -> None:
    [found] = find_numbers(text)
    assert found.looks_like_year is year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 to 7", ("range", 5.0, 7.0)),
        ("7 to 7", ("none", None, None)),  # not ascending: not a range
        ("7 to 5", ("none", None, None)),
        ("between 5 and 7", ("range", 5.0, 7.0)),
        ("5 and 7", ("none", None, None)),  # "and" only after "between"
        ("2 to 3 million", ("range", 2e6, 3e6)),
        ("900 to 3 million", ("range", 900.0, 3e6)),
        ("3 million to 4", ("none", None, None)),
    ],
)
def test_range_rules_at_their_edges(text: str, expected: tuple) -> None:
    first = find_numbers(text)[0]
    assert (first.qualifier, first.low, first.high) == expected


def test_an_estimated_is_a_hedge_not_a_qualifier() -> None:
    [found] = find_numbers("an estimated 50,000")
    assert (found.qualifier, found.hedge, found.best) == ("none", "estimated", 50000.0)
    [found] = find_numbers("a reported 12")
    assert found.hedge == "reported"


def test_pronoun_one_is_not_a_count() -> None:
    assert find_numbers("one of them") == [] and find_numbers("no one came") == []
    assert [e.best for e in find_numbers("one fighter")] == [1.0]


# --- time references ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "reference", "date"),
    [
        ("last October", "2016-10-02", "2015-10"),  # strictly before the reference month
        ("last October", "2016-11-02", "2016-10"),
        ("next October", "2016-10-02", "2017-10"),
        ("next October", "2016-09-30", "2016-10"),
        ("in October", "2016-10-02", "2016-10"),  # the reference month itself
        ("in November", "2016-10-02", "2015-11"),
        ("on Sunday", "2016-07-31", "2016-07-24"),  # a Sunday: the one before
        ("2 days ago", "2016-03-01", "2016-02-28"),
        ("yesterday", "2016-01-01", "2015-12-31"),
    ],
)
def test_time_rules_at_their_edges(words: str, reference: str, date: str) -> None:
    assert resolve(words, reference).date == date


def test_a_week_across_two_years_has_no_honest_date() -> None:
    assert resolve("last week", "2016-01-06") is None  # 28 Dec 2015 to 3 Jan 2016
    assert resolve("last week", "2016-01-13").date == "2016-01"


def test_names_must_be_capitalised_to_be_dates() -> None:
    assert find_time_expressions("they may march in may") == []
    assert [w for *_, w in find_time_expressions("in May")] == ["in May"]


# --- claims ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "published", "late"),
    [("2016-08-02", "2016-08-02", False), ("2016-08-03", "2016-08-02", True),
     ("2016-08", "2016-08-02", False), ("2016-09", "2016-08", True), ("2016", "2016-08", False)],
)  # fmt: skip
def test_as_of_after_publication_at_the_day(as_of: str, published: str, late: bool) -> None:
    problems = as_of_problems(as_of, published, dt.date(2030, 1, 1))
    assert bool(problems) is late


def test_as_of_earliest_and_today_at_their_bounds() -> None:
    today = dt.date(2020, 5, 5)
    assert as_of_problems(EARLIEST_AS_OF, None, today) == []
    assert as_of_problems(str(int(EARLIEST_AS_OF) - 1), None, today)
    assert as_of_problems("2020-05-05", None, today) == []
    assert as_of_problems("2020-05-06", None, today)
    assert date_bounds("2020-05")[1] == dt.date(2020, 5, 31)


# --- hedges ------------------------------------------------------------------------------


def test_hedges_of_the_next_sentence_only_within_the_paragraph() -> None:
    same = "At least 40 were killed. That number could be higher."
    assert [h.words for h in hedges_near(same, 9, 11)] == ["could be"]
    apart = "At least 40 were killed.\nThat number could be higher."
    assert hedges_near(apart, 9, 11) == []
    unrelated = "At least 40 were killed. Officials could be wrong."
    assert hedges_near(unrelated, 9, 11) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("an estimated 50,000 fighters", ["an estimated"]),
        ("the estimated number of fighters", ["estimated"]),
        ("the estimated time of arrival", []),
        ("Shoigu estimated that", ["estimated"]),
        ("It may be higher.", ["may be"]),
        ("In May 40 died.", []),
        ("He is said to have left.", ["is said to"]),
        ("He said to reporters.", []),
        ("It could not be independently confirmed.", ["could not be independently confirmed"]),
    ],
)
def test_hedge_rules_at_their_edges(text: str, found: list[str]) -> None:
    assert [h.words for h in find_hedges(text)] == found


# --- evaluation --------------------------------------------------------------------------


def _claim(start: int, end: int, **values: object) -> dict:
    return {"article": "a", "start": start, "end": end, "measure": "killed", "best": 5, **values}


@pytest.mark.parametrize(
    ("found", "matched"),
    [((0, 10), 1), ((9, 20), 1), ((10, 20), 0), ((-5, 0), 0)],  # touching is no overlap
)
def test_spans_must_overlap_by_a_character_to_match(found: tuple, matched: int) -> None:
    result = evaluate([_claim(0, 10)], [_claim(*found)])
    assert result.matched == matched


def test_the_most_overlapping_claim_is_paired() -> None:
    result = evaluate([_claim(0, 10)], [_claim(8, 20, best=6), _claim(2, 12)])
    assert result.matched == 1 and result.paired[0][1]["start"] == 2
