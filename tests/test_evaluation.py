"""The matching rule: same article, overlapping span, same measure, same bounds."""

from __future__ import annotations

import math

from claimtrail.evaluation import evaluate, same_bounds

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
