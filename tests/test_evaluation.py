"""The matching rule: same article, overlapping span, same measure, same bounds."""

from __future__ import annotations

import math

import pytest

from claimtrail.extraction.evaluation import evaluate, overlap, same_bounds, wilson_interval

NAN = float("nan")


def _row(article: str, start: int, end: int, measure: str = "killed", **bounds) -> dict:
    return {
        "article": article,
        "start": start,
        "end": end,
        "measure": measure,
        "low": bounds.get("low"),
        "best": bounds.get("best"),
        "high": bounds.get("high"),
    }


def test_same_bounds_treats_empty_as_empty() -> None:
    assert same_bounds({"low": NAN, "best": 3.0, "high": None}, {"low": "", "best": "3"})
    assert not same_bounds({"low": 3.0}, {"best": 3.0})


def test_match_miss_and_false_hit() -> None:
    gold = [_row("a", 0, 10, best=13), _row("a", 20, 30, best=5), _row("b", 0, 5, low=200)]
    found = [
        _row("a", 5, 12, best=13),  # overlaps, same measure and bounds: a match
        _row("a", 22, 28, "injured", best=5),  # overlaps, wrong measure
        _row("b", 40, 45, low=200),  # no overlap
    ]
    result = evaluate(gold, found)
    assert (result.matched, result.extracted, result.gold) == (1, 3, 3)
    assert math.isclose(result.precision, 1 / 3) and math.isclose(result.recall, 1 / 3)
    reasons = sorted(m["reason"] for m in result.misses)
    assert reasons == ["extracted with measure injured instead of killed", "not extracted"]
    assert sorted(f["reason"] for f in result.false_hits) == [
        "extracted with measure injured instead of killed",
        "no hand-coded claim overlaps it",
    ]


def test_other_article_never_matches() -> None:
    result = evaluate([_row("a", 0, 10, best=1)], [_row("b", 0, 10, best=1)])
    assert result.matched == 0 and len(result.false_hits) == 1


def test_field_accuracy_only_over_coded_fields() -> None:
    gold = [{**_row("a", 0, 10, best=1), "qualifier": "none"}]
    found = [{**_row("a", 0, 10, best=1), "qualifier": "about", "as_of": "2016"}]
    accuracy = evaluate(gold, found).field_accuracy()
    assert accuracy["bounds"] == 1.0 and accuracy["qualifier"] == 0.0
    assert math.isnan(accuracy["as_of"])  # the gold codes no as-of date


@pytest.mark.parametrize(
    ("found", "matches"),
    [
        ((10, 20), True),  # the same span
        ((19, 25), True),  # one character shared
        ((20, 25), False),  # touching after: no character shared
        ((5, 10), False),  # touching before
        ((5, 11), True),  # one character shared at the start
        ((0, 40), True),  # containing it
        ((12, 14), True),  # inside it
        ((30, 40), False),  # apart
    ],
)
def test_span_rule_at_its_boundaries(found: tuple[int, int], matches: bool) -> None:
    gold = [_row("a", 10, 20, best=5)]
    result = evaluate(gold, [_row("a", *found, best=5)])
    assert (result.matched == 1) is matches
    assert (overlap(gold[0], _row("a", *found)) > 0) is matches


def test_span_rule_needs_the_same_article() -> None:
    assert evaluate([_row("a", 0, 9, best=1)], [_row("b", 0, 9, best=1)]).matched == 0


def test_wilson_interval() -> None:
    assert wilson_interval(0, 0) == (0.0, 1.0)
    low, high = wilson_interval(10, 10)
    assert high == 1.0 and 0.69 < low < 0.73  # 10/10 is not proof of perfection
    low, high = wilson_interval(50, 100)
    assert math.isclose(low + high, 1.0) and 0.40 < low < 0.41


def test_scores_by_measure_and_as_of_only_where_coded() -> None:
    gold = [
        {**_row("a", 0, 5, best=3), "as_of": "2016-01-01", "as_of_precision": "day"},
        {**_row("a", 10, 15, "injured", best=4), "as_of": None, "as_of_precision": None},
        _row("a", 20, 25, "injured", low=24),
    ]
    found = [
        {**_row("a", 0, 5, best=3), "as_of": "2016-01-02", "as_of_precision": "day"},
        {**_row("a", 10, 15, "injured", best=4), "as_of": "2016-01-02", "as_of_precision": "day"},
        _row("a", 30, 35, "killed", best=9),
    ]
    result = evaluate(gold, found)
    assert result.field_pairs["as_of"] == 1 and result.field_correct["as_of"] == 0
    rows = {r["measure"]: r for r in result.by_measure()}
    assert (rows["killed"]["claims"], rows["killed"]["extracted"], rows["killed"]["matched"]) == (
        1,
        2,
        1,
    )
    assert rows["injured"]["recall"] == 0.5 and rows["injured"]["precision"] == 1.0
    assert rows["injured"]["recall_interval"][0] < 0.5 < rows["injured"]["recall_interval"][1]
