"""The grading rubric: each rule can fire, modifiers move one step, bounds hold."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimtrail.grading import RULES, Evidence, grade, rubric

BASE = Evidence(
    named=True,
    attributed=True,
    relays=0,
    republished=False,
    hedged=False,
    speaker_inconsistent=False,
    independent=(),
    same_origin=(),
    disagreeing=(),
    flags=frozenset(),
)


@pytest.mark.parametrize(
    ("changes", "expected", "rules"),
    [
        ({}, "B6", ("S3", "C6")),
        ({"attributed": False, "named": False}, "F6", ("S1", "C6")),
        ({"named": False}, "D6", ("S2", "C6")),
        ({"relays": 2}, "C6", ("S4", "C6")),
        ({"republished": True}, "C6", ("S3", "S5", "C6")),
        ({"independent": ("R01",)}, "B1", ("S3", "C4")),
        ({"same_origin": ("R01",)}, "B2", ("S3", "C5")),
        ({"same_origin": ("R01",), "hedged": True}, "B3", ("S3", "C5", "C7")),
        ({"independent": ("R01",), "hedged": True}, "B1", ("S3", "C4")),
        ({"disagreeing": ("R02",)}, "B5", ("S3", "C2")),
        ({"disagreeing": ("R02",), "independent": ("R01",)}, "B4", ("S3", "C3")),
        ({"flags": frozenset({"internal inconsistency"})}, "B5", ("S3", "C1")),
        ({"same_origin": ("R01",), "flags": frozenset({"stale"})}, "B3", ("S3", "C5", "C8")),
        (
            {"relays": 1, "republished": True, "speaker_inconsistent": True},
            "E6",
            ("S4", "S5", "S6", "C6"),
        ),
    ],
)
def test_grade(changes: dict, expected: str, rules: tuple[str, ...]) -> None:
    result = grade(replace(BASE, **changes))
    assert result.code == expected
    assert result.rules == rules
    assert len(result.reasons) == len(rules)


def test_modifiers_stop_before_cannot_be_judged() -> None:
    worst = replace(
        BASE,
        named=False,
        relays=3,
        republished=True,
        speaker_inconsistent=True,
        hedged=True,
        disagreeing=("R1",),
        flags=frozenset({"stale", "population mismatch", "internal inconsistency"}),
    )
    result = grade(worst)
    assert result.reliability == "E"  # D, lowered twice, stops at E: never F
    assert result.credibility == 5  # 5 stays 5: never 6


def test_unattributed_is_not_modified() -> None:
    result = grade(replace(BASE, attributed=False, named=False, republished=True))
    assert result.reliability == "F" and "S5" not in result.rules


def test_rubric_lists_every_rule_and_no_rule_gives_a() -> None:
    table = rubric()
    assert [row["rule"] for row in table] == [r.rule_id for r in RULES]
    assert all(row["result"] != "A" for row in table)
    assert {row["scale"] for row in table} == {"reliability", "credibility"}
