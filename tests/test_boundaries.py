# ruff: noqa: E501 - the tables of expected explanations read best one case a line
"""Boundary tests: every threshold at, just below and just above its value, and every
phrase of the rule modules' phrase lists, so that a one-character change to a rule fails
a test (measured by mutation testing: benchmarks/results/mutation.json)."""

from __future__ import annotations

import csv
import datetime as dt
import math

import pytest

from claimtrail.extraction.evaluation import evaluate
from claimtrail.io.claims import EARLIEST_AS_OF, as_of_problems
from claimtrail.text.hedges import find_hedges, hedges_near
from claimtrail.text.numbers import (
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
from claimtrail.text.timeref import date_bounds, find_time_expressions, resolve

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
        ("on Sunday", "2016-07-31", "2016-07-31"),  # a Sunday: that very day
        ("last Sunday", "2016-07-31", "2016-07-24"),  # a Sunday: the one before
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
    assert as_of_problems("1949", None, today) == [("as_of", "1949 is before 1950: a typo?")]
    assert as_of_problems("2020-05-05", None, today) == []
    assert as_of_problems("2020-05-06", None, today) == [
        ("as_of", "2020-05-06 is in the future (today is 2020-05-05)")
    ]
    assert as_of_problems("2016-09", "2016-08", today) == [
        ("as_of", "2016-09 is after the publication of its source (2016-08)")
    ]
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


# --- every explanation a time rule gives (shown to readers as the evidence for a date) ----

REF = "2016-08-10"
EXPLANATIONS = [
    ("September 03, 2014", "2016-01-01", "2014-09-03", "a date stating its own year, independent of the reference (reference 2016-01-01)"),
    ("on July 23", "2016-08-02", "2016-07-23", "July 23 of the latest year whose July is not after the reference month (reference 2016-08-02)"),
    ("on February 29", "2016-03-10", "2016-02-29", "February 29 of the latest year whose February is not after the reference month (reference 2016-03-10)"),
    ("last October", "2016-08-02", "2015-10", "the most recent October strictly before the reference month (reference 2016-08-02)"),
    ("this October", "2016-08-02", "2016-10", "October of the reference year (reference 2016-08-02)"),
    ("next October", "2016-08-02", "2016-10", "the first October strictly after the reference month (reference 2016-08-02)"),
    ("in April", "2016-08-02", "2016-04", "the most recent April not after the reference month (reference 2016-08-02)"),
    ("LAST WEEK", REF, "2016-08", "the calendar week (Monday to Sunday) before the one holding the reference (reference 2016-08-10)"),
    ("this month", REF, "2016-08", "the calendar month holding the reference (reference 2016-08-10)"),
    ("next year", REF, "2017", "the calendar year after the one holding the reference (reference 2016-08-10)"),
    ("3 days ago", REF, "2016-08-07", "3 day(s) before the reference day (reference 2016-08-10)"),
    ("2 WEEKS AGO", REF, "2016-07", "approximate: the Monday-Sunday week holding the day 2 week(s) before the reference, never a single day (reference 2016-08-10)"),
    ("2 months ago", REF, "2016-06", "approximate: the calendar month 2 month(s) before the reference month, no day (reference 2016-08-10)"),
    ("a year ago", REF, "2015-08", "approximate: the calendar month 1 year(s) before the reference month, no day (reference 2016-08-10)"),
    ("YESTERDAY", REF, "2016-08-09", "the day before the reference day (reference 2016-08-10)"),
    ("Today", REF, "2016-08-10", "the reference day itself (reference 2016-08-10)"),
    ("ON SUNDAY", REF, "2016-08-07", "the most recent Sunday on or before the reference day (reference 2016-08-10)"),
    ("Sunday", REF, "2016-08-07", "the most recent Sunday on or before the reference day (reference 2016-08-10)"),
    ("on Wednesday", REF, "2016-08-10", "the most recent Wednesday on or before the reference day (reference 2016-08-10)"),
    ("last Wednesday", REF, "2016-08-03", "the most recent Wednesday strictly before the reference day (reference 2016-08-10)"),
    ("NEXT SUNDAY", REF, "2016-08-14", "the first Sunday strictly after the reference day (reference 2016-08-10)"),
    ("Sunday", "2016-08", "2016", "the most recent Sunday on or before the reference day (reference 2016-08, known only to the month: every day in it was considered)"),
    ("overnight", REF, "2016-08", "the night before the reference day: that day and the day before (reference 2016-08-10)"),
]  # fmt: skip


@pytest.mark.parametrize(("words", "reference", "date", "rule"), EXPLANATIONS)
def test_every_time_rule_explains_itself(words: str, reference: str, date: str, rule: str) -> None:
    found = resolve(words, reference)
    assert (found.date, found.rule) == (date, f"'{words}' = {rule}")


def test_a_29_february_needs_a_leap_year_only_when_the_year_is_given() -> None:
    assert [w for *_, w in find_time_expressions("on February 29")] == ["on February 29"]
    assert find_time_expressions("on February 29, 2015") == [(3, 20, "February 29, 2015")] or (
        [w for *_, w in find_time_expressions("on February 29, 2015")] != ["on February 29, 2015"]
    )
    assert [w for *_, w in find_time_expressions("February 29, 2016")] == ["February 29, 2016"]
    assert "February 29, 2015" not in [w for *_, w in find_time_expressions("February 29, 2015")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Russia Today said", []),
        ("Russia \t Today said", []),
        ("RT_News Today said", []),
        ("Today said", ["Today"]),  # at the start of the text: no name before it
        ("russia Today said", ["Today"]),  # the word before is not capitalised
        ("Russia. Today said", ["Today"]),
        ("on Monday on Tuesday", ["on Monday", "on Tuesday"]),  # adjacent, both kept
        ("in May it may rain on sunday", ["in May"]),
    ],
)
def test_today_after_a_name_and_capitalised_names(text: str, found: list[str]) -> None:
    assert [w for *_, w in find_time_expressions(text)] == found


def test_expressions_that_touch_are_both_kept() -> None:
    text = "yesterdayToday"
    assert find_time_expressions("Monday,Tuesday") == [(0, 6, "Monday"), (7, 14, "Tuesday")]
    assert find_time_expressions(text) == []  # glued to a word: not an expression


# --- evaluation: every field compared and every difference told ----------------------------


def test_each_field_is_compared_and_each_difference_named() -> None:
    from claimtrail.extraction.evaluation import field_differences

    gold = {
        "claim_id": "C1", "article": "a", "start": 0, "end": 10, "measure": "killed",
        "low": None, "best": 5, "high": None, "qualifier": "none", "as_of": "2016-01",
        "as_of_precision": "month", "speaker": "Sergei Smirnov",
    }  # fmt: skip
    agreeing = {**gold, "start": 2, "end": 12, "speaker": "Sergey Smirnov"}
    result = evaluate([gold], [agreeing])
    assert result.matched == 1 and result.misses == [] and result.false_hits == []
    accuracy = result.field_accuracy()
    assert {k: v for k, v in accuracy.items() if k != "scope"} == dict.fromkeys(
        ("measure", "bounds", "qualifier", "as_of", "speaker"), 1.0
    )
    assert math.isnan(accuracy["scope"])  # the coding has no scope: not scored
    assert field_differences(result) == []
    for field, value, coded, extracted in [
        ("measure", "injured", "killed", "injured"),
        ("qualifier", "about", "none", "about"),
        ("as_of", "2016-02", "2016-01 month", "2016-02 month"),
        ("as_of_precision", "year", "2016-01 month", "2016-01 year"),
        ("speaker", "police", "Sergei Smirnov", "police"),
    ]:
        result = evaluate([gold], [{**agreeing, field: value}])
        name = "as_of" if field.startswith("as_of") else field
        assert result.field_accuracy()[name] == 0.0
        assert field_differences(result) == [
            {"claim": "C1", "field": name, "coded": coded, "extracted": extracted}
        ]
    result = evaluate([gold], [{**agreeing, "measure": "injured", "best": 6, "low": 2}])
    reason = "extracted with measure injured instead of killed, low 2.0 instead of None; best 6.0 instead of 5.0"
    assert [m["reason"] for m in result.misses] == [reason]
    assert [f["reason"] for f in result.false_hits] == [reason]
    assert field_differences(result) == [
        {"claim": "C1", "field": "measure", "coded": "killed", "extracted": "injured"}
    ]  # bounds are told in the reason, not as a field
    assert result.pairs == 1


def test_fields_the_coding_leaves_out_are_not_compared() -> None:
    from claimtrail.extraction.evaluation import field_differences

    gold = {"article": "a", "start": 0, "end": 10, "measure": "killed", "best": 5}
    found = {**gold, "qualifier": "about", "speaker": "x", "as_of": "2016"}
    result = evaluate([gold], [found])
    assert field_differences(result, key="article") == []
    assert {k for k, v in result.field_pairs.items() if v} == {"measure", "bounds"}


def test_equal_overlaps_pair_the_first_extracted_claim() -> None:
    result = evaluate([_claim(0, 10)], [_claim(5, 15, best=6), _claim(5, 15)])
    assert result.paired[0][1]["best"] == 6 and result.matched == 0
    assert result.pairs == 1 and len(result.false_hits) == 2


# --- numbers: offsets, scales shared by ranges, years of ranges ---------------------------


def test_offsets_of_a_part_and_of_invisible_characters() -> None:
    [found] = find_numbers("xx killed 12 people", 3)
    assert (found.start, found.end, found.value_start, found.value_end) == (10, 12, 10, 12)
    text = "ab killed 1\u200b000 people"
    [found] = find_numbers(text, 3)
    assert (found.start, found.end, found.text) == (10, 15, "1\u200b000")
    assert (found.value_start, found.value_end) == (10, 15)
    [found] = find_numbers("at\u200b least 1\u200b000", 0)
    assert (found.start, found.end, found.value_start, found.value_end) == (0, 15, 10, 15)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("two to three dozen", 24.0, 36.0),
        ("five to six hundred", 500.0, 600.0),
        ("3 to 3 million", 3.0, 3e6),  # the lower end is not smaller than the bare figure
        ("2 to 3 million", 2e6, 3e6),
    ],
)
def test_a_scale_after_a_range_is_shared_only_below_the_bare_figure(
    text: str, low: float, high: float
) -> None:
    found = parse_expression(text)
    assert (found.qualifier, found.low, found.high) == ("range", low, high)


def test_a_range_is_a_year_only_when_both_ends_are() -> None:
    assert find_numbers("2014 to 2016")[0].looks_like_year is True
    assert find_numbers("5 to 2016")[0].looks_like_year is False


def test_a_postfix_or_a_hedge_is_dropped_with_a_rejected_range() -> None:
    first = find_numbers("7 to 5 or more")[0]
    assert (first.text, first.qualifier) == ("7", "none")
    first = find_numbers("an estimated between 7 and 5")[0]
    assert (first.text, first.hedge) == ("7", None)


@pytest.mark.parametrize(("text", "count"), [("no one", 0), ("no  one", 0), ("no   one", 1)])
def test_no_one_looks_back_four_characters(text: str, count: int) -> None:
    assert len(find_numbers(text)) == count


# --- hedges ---------------------------------------------------------------------------------


def test_an_estimated_needs_a_quantity_whatever_its_case() -> None:
    assert [h.words for h in find_hedges("AN ESTIMATED 50,000 fighters")] == ["AN ESTIMATED"]
    assert find_hedges("An estimated time of arrival") == []
    # a determiner counts within eight characters before "estimated"
    assert find_hedges("their   estimated time") == []
    assert [h.words for h in find_hedges("their    estimated time")] == ["estimated"]


def test_a_claim_ending_with_its_sentence_takes_no_hedge_from_the_next() -> None:
    text = "At least 40 were killed. Officials could be wrong."
    assert hedges_near(text, 9, 24) == []
    assert [h.words for h in hedges_near(text, 9, 26)] == ["could be"]  # it runs into it
    joined = "At least 40 were killed. That number could\nbe higher."
    assert [h.words for h in hedges_near(joined, 9, 11)] == ["could\nbe"]
    spans = ((0, 24), (25, 50))
    assert [h.words for h in hedges_near(text, 30, 34, sentences=spans)] == ["could be"]


def test_hedge_agreement_counts() -> None:
    from claimtrail.text.hedges import Hedge, hedge_agreement

    could = Hedge(0, 8, "could be", "uncertainty")
    said = Hedge(0, 8, "reportedly", "attribution")
    result = hedge_agreement(
        ["could be", None, None, "probably; could be", " ; "],
        [[could], [could], [said], [could], []],
    )
    assert result == {
        "recall": 0.5,
        "exact": 0.6,
        "extra": 1 / 3,
        "n": 5.0,
        "n_coded": 2.0,
    }
    assert hedge_agreement([], []) == {
        "recall": 1.0, "exact": 1.0, "extra": 0.0, "n": 0.0, "n_coded": 0.0
    }  # fmt: skip
    with pytest.raises(ValueError):
        hedge_agreement(["x"], [])


# --- render ---------------------------------------------------------------------------------


def test_passages_table_markup() -> None:
    from claimtrail.analysis.reuse import Passage
    from claimtrail.publish.render import passages_table

    table = passages_table(
        [Passage("a", "b", 0, 9, 0, 9, 0.9, 2)], {"a": "one A two", "b": "one B two"}
    )
    assert table.endswith(
        '<table class="copied-passages"><thead><tr><th>article a</th><th>article b</th>'
        "<th>words</th><th>score</th></tr></thead><tbody><tr><td>a 0-9<br>one <del>A</del> two"
        "</td><td>b 0-9<br>one <ins>B</ins> two</td><td>2</td><td>0.900</td></tr></tbody>"
        "</table>"
    )


def test_word_diff_never_drops_common_words_as_junk() -> None:
    from claimtrail.publish.render import word_diff

    a = " ".join(["the"] * 150 + ["X"] + ["the"] * 150)
    left, right = word_diff(a, a.replace("X", "Y"))
    assert left.count("<del>") == 1 and right.count("<ins>") == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("## 002 b\nx\n\n\n## 001 a\ny\n\n", "### 001 a\ny\n### 002 b\nx"),
        ("# Title\nIntro.\n", "Intro."),
        ("Intro only\n\n", "Intro only"),
        ("# T\n## 010 c\n\nz\n## 009 d\nw", "### 009 d\nw\n### 010 c\n\nz"),
    ],
)
def test_article_context_markdown_edges(text: str, expected: str) -> None:
    from claimtrail.publish.render import article_context_markdown

    assert article_context_markdown(text) == expected


# --- grading, claims ------------------------------------------------------------------------


def test_the_rubric_rows_name_every_part() -> None:
    from claimtrail.analysis.grading import RULES, rubric

    assert rubric() == [
        {
            "rule": r.rule_id,
            "scale": r.scale,
            "kind": r.kind,
            "result": r.result,
            "when": r.when,
            "authorities": "; ".join(r.authorities),
        }
        for r in RULES
    ]
    assert any(len(r.authorities) > 1 for r in RULES)


def test_the_extraction_standard_takes_the_date_the_text_supports() -> None:
    import pandas as pd

    from claimtrail.io.claims import extraction_gold

    claims = pd.DataFrame(
        [{"article_id": "001", "as_of": "2015-10", "as_of_precision": "month",
          "text_as_of": "2016", "text_as_of_precision": "year"}]
    )  # fmt: skip
    [row] = extraction_gold(claims)
    assert (row["article"], row["as_of"], row["as_of_precision"]) == ("001", "2016", "year")


def test_lower_case_names_are_refused_beside_capitalised_ones() -> None:
    assert find_time_expressions("In May they said in may") == [(0, 6, "In May")]
    assert find_time_expressions("On Monday and on monday") == [(0, 9, "On Monday")]


def test_a_capitalised_word_with_an_underscore_names_today() -> None:
    assert find_time_expressions("A_b Today") == []  # "A_b" is one word holding a capital
    assert find_time_expressions("a_b Today") == [(4, 9, "Today")]


def test_a_year_covers_all_its_days() -> None:
    assert date_bounds("2015") == (dt.date(2015, 1, 1), dt.date(2015, 12, 31))


def test_sentences_given_are_used_as_given() -> None:
    text = "At least 40 were killed. Officials could be wrong."
    assert [h.words for h in hedges_near(text, 9, 11, sentences=((0, 50),))] == ["could be"]


def test_every_pair_is_counted_and_equal_bounds_not_told() -> None:
    gold = [_claim(0, 10, high=9), _claim(20, 30)]
    found = [_claim(0, 10, best=6, high=9), _claim(20, 30)]
    result = evaluate(gold, found)
    assert result.pairs == 2 and result.matched == 1
    assert [m["reason"] for m in result.misses] == ["extracted with best 6.0 instead of 5.0"]


def test_two_passages_make_two_rows_and_common_words_still_align() -> None:
    from claimtrail.analysis.reuse import Passage
    from claimtrail.publish.render import passages_table, word_diff

    texts = {"a": "one A two", "b": "one B two"}
    table = passages_table([Passage("a", "b", 0, 9, 0, 9, 0.9, 2)] * 2, texts)
    assert "</tr><tr>" in table and table.count("<tr>") == 3
    a = " ".join(["the"] * 150 + ["X"] + ["the"] * 150)
    left, _ = word_diff(a, a.replace("X", "Y"))
    assert left.startswith("the the") and left.count("the") == 300


def test_article_sections_sort_by_id_and_keep_their_spaces() -> None:
    from claimtrail.publish.render import article_context_markdown

    text = "## 101 x\nfirst  \n## 001 b\nsecond\n## 001 a\nthird  "
    assert article_context_markdown(text) == (
        "### 001 b\nsecond\n### 001 a\nthird  \n### 101 x\nfirst  "
    )
    assert article_context_markdown("## 002 b\nTAX\n## 001 a\nMAX") == (
        "### 001 a\nMAX\n### 002 b\nTAX"
    )


def test_a_date_that_is_not_a_string_is_named() -> None:
    from claimtrail.text.timeref import precision_of

    with pytest.raises(ValueError, match="^None is not a real ISO date"):
        precision_of(None)
    with pytest.raises(ValueError, match="^5 is not a real ISO date"):
        precision_of(5)


# --- claims: offsets at the edges of the text and of the body, and every message ----------


def _claims_rows(repo_root):
    return list(csv.DictReader((repo_root / "data" / "claims.csv").open(encoding="utf-8")))


def _write_rows(path, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_claim_offsets_at_the_edges_of_the_body_and_the_text(repo_root, tmp_path) -> None:
    from claimtrail.io.claims import ClaimsError, check_claims, read_claims
    from claimtrail.io.corpus import load_corpus
    from claimtrail.io.populations import load_nesting
    from claimtrail.text.furniture import body_spans

    corpus = load_corpus(repo_root)
    rows = _claims_rows(repo_root)
    text = corpus.set_index("article_id").loc[rows[0]["article_id"], "text"]
    first, last = body_spans(text)[0][0], body_spans(text)[-1][1]
    edits = [
        {"start": first, "end": first + 10},  # starts where the body starts: fine
        {"start": last - 10, "end": last},  # ends where the body ends: fine
        {"start": 40, "end": 40},  # empty
        {"start": len(text) - 5, "end": len(text)},  # ends with the text, outside the body
    ]
    for row, edit in zip(rows[:4], edits, strict=True):
        row.update(
            {
                "article_id": rows[0]["article_id"],
                "start": str(edit["start"]),
                "end": str(edit["end"]),
                "quote": text[edit["start"] : edit["end"]] or "x",
                "chain": rows[0]["chain"],
            }
        )
    path = tmp_path / "claims.csv"
    _write_rows(path, rows)
    with pytest.raises(ClaimsError) as caught:
        check_claims(read_claims(path), corpus, path, load_nesting(repo_root))
    lines = str(caught.value).splitlines()
    assert not [line for line in lines if ", row 1," in line or ", row 2," in line]
    assert [line.split(": ", 1)[0] for line in lines if ", row 3," in line] == [
        f"{path}, row 3, field 'end' ({rows[2]['claim_id']})"
    ]
    assert f"offsets 40:40 do not lie in a text of {len(text)} chars" in str(caught.value)
    assert [line.split(": ", 1)[0] for line in lines if ", row 4," in line] == [
        f"{path}, row 4, field 'start' ({rows[3]['claim_id']})"
    ]


def test_every_claims_message(repo_root, tmp_path) -> None:
    from claimtrail.io.claims import ClaimsError, check_claims, load_claims, read_claims
    from claimtrail.io.corpus import load_corpus
    from claimtrail.io.populations import load_nesting

    rows = _claims_rows(repo_root)
    path = tmp_path / "claims.csv"
    rows[0].update({"start": "1.5", "measure": "bogus"})
    _write_rows(path, rows)
    with pytest.raises(ClaimsError) as caught:
        read_claims(path)
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{path}, row 1, field 'start': '1.5' is not a whole number (digits)"
    assert len(lines) == 2 and lines[1].startswith(f"{path}, row 1, field 'measure'")

    rows = _claims_rows(repo_root)
    single = next(i for i, r in enumerate(rows) if r["qualifier"] == "none")
    rows[single]["low"] = "1"
    rows[single]["related_claims"] = "C98 C99"
    _write_rows(path, rows)
    corpus = load_corpus(repo_root)
    with pytest.raises(ClaimsError) as caught:
        check_claims(read_claims(path), corpus, path, load_nesting(repo_root))
    where = f"{path}, row {single + 1}"
    cid = rows[single]["claim_id"]
    assert str(caught.value).splitlines() == [
        f"{where}, field 'low' ({cid}): qualifier 'none' must leave empty low",
        f"{where}, field 'related_claims' ({cid}): unknown claim(s) C98, C99",
    ]
    assert load_claims(repo_root, corpus) is not None  # the real table passes

    rows = _claims_rows(repo_root)
    rows[0]["measure"] = "bogus"
    _write_rows(path, rows)
    with pytest.raises(ClaimsError, match=f"^{path}, row 1, field 'measure'"):
        read_claims(path)

    rows = _claims_rows(repo_root)
    rows[0].update({"as_of": "2015-13", "as_of_precision": "month"})
    _write_rows(path, rows)
    with pytest.raises(ClaimsError, match="'2015-13' is not a real ISO date"):
        check_claims(read_claims(path), corpus, path, load_nesting(repo_root))

    rows = _claims_rows(repo_root)
    ranged = next(i for i, r in enumerate(rows) if r["qualifier"] == "range")
    rows[ranged]["low"], rows[ranged]["high"] = rows[ranged]["high"], rows[ranged]["low"]
    rows[single].update({"multiplier": "2", "multiplier_quote": ""})
    _write_rows(path, rows)
    with pytest.raises(ClaimsError) as caught:
        check_claims(read_claims(path), corpus, path, load_nesting(repo_root))
    assert sorted(line.split(": ", 1)[1] for line in str(caught.value).splitlines()) == [
        "a multiplier needs its words, verbatim from the text",
        "bounds must satisfy low <= best <= high",
    ]


def test_a_missing_claims_table_is_named(tmp_path) -> None:
    from claimtrail.io.claims import ClaimsError, read_claims

    with pytest.raises(ClaimsError, match=r"claims.csv: the claims table is missing$"):
        read_claims(tmp_path / "claims.csv")


def test_rubric_blocks_markup() -> None:
    from claimtrail.publish.render import rubric_html

    rules = [
        {"rule": "S1", "scale": "source", "kind": "base", "result": "B", "when": "a < b",
         "authorities": "NATO & co"},
        {"rule": "C2", "scale": "credibility", "kind": "step", "result": "-1", "when": "x",
         "authorities": "y"},
    ]  # fmt: skip
    assert rubric_html(rules) == (
        '<section class="ct-card" id="rule-s1"><p class="ct-card-title">'
        '<a class="ct-self" href="#rule-s1">S1</a> sets source B</p><p>a &lt; b</p>'
        "<p><em>Rests on:</em> NATO &amp; co</p></section>"
        '<section class="ct-card" id="rule-c2"><p class="ct-card-title">'
        '<a class="ct-self" href="#rule-c2">C2</a> moves credibility -1</p><p>x</p>'
        "<p><em>Rests on:</em> y</p></section>"
    )


def test_references_list_escapes_text_and_addresses() -> None:
    from claimtrail.publish.render import references_html

    html = references_html(
        {"A & B": 'See https://x.org/a?b=1&c=2 and "https://y.org/"><img src=x>" <done>'}
    )
    assert html == (
        '<ul class="ct-refs"><li><strong>A &amp; B</strong>: See '
        '<a class="ct-url" href="https://x.org/a?b=1&amp;c=2">https://x.org/a?b=1&amp;c=2</a>'
        ' and &quot;<a class="ct-url" href="https://y.org/">https://y.org/</a>&quot;&gt;'
        "&lt;img src=x&gt;&quot; &lt;done&gt;</li></ul>"
    )
    assert references_html({}) == '<ul class="ct-refs"></ul>'
    assert references_html({"a": "x", "b": "y"}) == (
        '<ul class="ct-refs"><li><strong>a</strong>: x</li><li><strong>b</strong>: y</li></ul>'
    )
