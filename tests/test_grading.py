"""The grading rubric: each rule fires where it should and not where it should not, and the
properties the rubric promises hold."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimtrail.analysis import grading
from claimtrail.analysis.grading import (
    AUTHORITIES,
    CREDIBILITY_RULES,
    RECORD_MINIMUM,
    RELIABILITY_RULES,
    RULES,
    FigureEvidence,
    SourceEvidence,
    figure_grade,
    rubric,
    source_grade,
)

SOURCE = SourceEvidence("X", "indirect", "interested")


@pytest.mark.parametrize(
    ("evidence", "letter", "rules"),
    [
        (SourceEvidence(None), "F", ("S1",)),
        (SourceEvidence("X", "unknown", "disinterested"), "F", ("S2",)),
        (SourceEvidence("X", "direct", "disinterested"), "B", ("S3",)),
        (SourceEvidence("X", "direct", "interested"), "C", ("S4",)),
        (SourceEvidence("X", "direct", "unknown"), "C", ("S4",)),  # disinterest not shown
        (SourceEvidence("X", "indirect", "disinterested"), "C", ("S4",)),
        (SOURCE, "D", ("S5",)),
        (SourceEvidence("X", "indirect", "unknown"), "D", ("S5",)),
        # the record: more contradicted than confirmed moves it down, all confirmed up
        (replace(SOURCE, contradicted=("R1", "R2"), confirmed=("R3",)), "E", ("S5", "S6")),
        (replace(SOURCE, contradicted=("R1",), confirmed=("R3",)), "D", ("S5",)),
        (replace(SOURCE, confirmed=("R1", "R2")), "C", ("S5", "S7")),
        (replace(SOURCE, confirmed=("R1",)), "D", ("S5",)),  # below the minimum
        (replace(SOURCE, contradicted=("R1",)), "D", ("S5",)),  # below the minimum
        # a bad record moves any letter one step, not two
        (SourceEvidence("X", "direct", "disinterested", (), ("R1", "R2")), "C", ("S3", "S6")),
        (SourceEvidence("X", "direct", "interested", (), ("R1", "R2")), "D", ("S4", "S6")),
        # never to A, never beyond E, never from F
        (SourceEvidence("X", "direct", "disinterested", ("R1", "R2")), "B", ("S3", "S7")),
        (SourceEvidence(None, contradicted=("R1", "R2")), "F", ("S1",)),
    ],
)
def test_reliability_rules(evidence: SourceEvidence, letter: str, rules: tuple) -> None:
    result = source_grade(evidence)
    assert (result.letter, result.rules) == (letter, rules)
    assert len(result.reasons) == len(rules)


def test_reliability_never_below_e() -> None:
    bad = SourceEvidence("X", "indirect", "interested", (), ("R1", "R2", "R3"))
    assert source_grade(bad).letter == "E"


def test_a_bad_record_never_makes_a_source_unjudgeable(monkeypatch: pytest.MonkeyPatch) -> None:
    """E ('unreliable') is the floor even if several rules moved a letter down: F means no
    basis to judge, which a record is."""
    down = replace(next(r for r in RELIABILITY_RULES if r.kind == "down"), rule_id="S9")
    monkeypatch.setattr(grading, "RELIABILITY_RULES", (*RELIABILITY_RULES, down, down))
    bad = SourceEvidence("X", "indirect", "interested", (), ("R1", "R2"))
    result = source_grade(bad)
    assert (result.letter, result.rules) == ("E", ("S5", "S6", "S9", "S9"))


def test_agreeing_figures_come_from_at_least_one_origin() -> None:
    assert FigureEvidence(independent=("R1",)).independent_origins == 1
    assert FigureEvidence(independent=("R1", "R2"), independent_origins=2).independent_origins == 2
    assert FigureEvidence().independent_origins == 0


@pytest.mark.parametrize(
    ("evidence", "digit", "rule"),
    [
        (FigureEvidence(inconsistent=True, independent=("R1",)), 5, "K1"),
        (FigureEvidence(contradicting=("R1",)), 5, "K2"),
        (FigureEvidence(contradicting=("R1",), independent=("R2",)), 4, "K3"),
        (FigureEvidence(contradicting=("R1",), consistent=("R2",)), 4, "K3"),
        (FigureEvidence(exceeds=("R1",), independent=("R2",)), 4, "K4"),
        (FigureEvidence(independent=("R1",)), 1, "K5"),
        (
            FigureEvidence(origin_known=False, independent=("R1", "R2"), independent_origins=2),
            1,
            "K5",
        ),
        (
            FigureEvidence(origin_known=False, independent=("R1", "R2"), independent_origins=1),
            2,
            "K6",
        ),
        (FigureEvidence(consistent=("R1",)), 3, "K7"),
        (FigureEvidence(same_origin=("R1", "R2")), 6, "K8"),
        (FigureEvidence(), 6, "K8"),
    ],
)
def test_credibility_rules(evidence: FigureEvidence, digit: int, rule: str) -> None:
    result = figure_grade(evidence)
    assert (result.digit, result.rules) == (digit, (rule,))


def test_every_rule_fires_in_some_case_above() -> None:
    fired = set()
    cases = [
        SourceEvidence(None),
        SourceEvidence("X", "unknown", "unknown"),
        SourceEvidence("X", "direct", "disinterested"),
        SourceEvidence("X", "direct", "interested"),
        replace(SOURCE, contradicted=("R1", "R2")),
        replace(SOURCE, confirmed=("R1", "R2")),
    ]
    for case in cases:
        fired |= set(source_grade(case).rules)
    figures = [
        FigureEvidence(inconsistent=True),
        FigureEvidence(contradicting=("R1",)),
        FigureEvidence(contradicting=("R1",), independent=("R2",)),
        FigureEvidence(exceeds=("R1",)),
        FigureEvidence(independent=("R1",)),
        FigureEvidence(origin_known=False, independent=("R1",)),
        FigureEvidence(consistent=("R1",)),
        FigureEvidence(),
    ]
    for case in figures:
        fired |= set(figure_grade(case).rules)
    assert fired == {r.rule_id for r in RULES}


def _support(digit: int) -> int:
    return (1, 2, 3, 4, 6, 5).index(digit)


BASES = [
    FigureEvidence(),
    FigureEvidence(contradicting=("D1",)),
    FigureEvidence(consistent=("N1",)),
    FigureEvidence(independent=("A1",)),
    FigureEvidence(origin_known=False),
    FigureEvidence(origin_known=False, independent=("A1",)),
    FigureEvidence(exceeds=("W1",)),
    FigureEvidence(inconsistent=True),
]


@pytest.mark.parametrize("base", BASES)
def test_same_origin_agreement_never_raises_credibility(base: FigureEvidence) -> None:
    more = replace(base, same_origin=(*base.same_origin, "S9"))
    assert _support(figure_grade(more).digit) >= _support(figure_grade(base).digit)


@pytest.mark.parametrize("base", BASES)
def test_independent_agreement_never_lowers_credibility(base: FigureEvidence) -> None:
    more = replace(
        base,
        independent=(*base.independent, "A9"),
        independent_origins=base.independent_origins + 1,
    )
    assert _support(figure_grade(more).digit) <= _support(figure_grade(base).digit)


def test_hedges_and_age_are_not_evidence() -> None:
    """The evidence has no field for a hedge or an age: they cannot move a grade."""
    fields = set(FigureEvidence.__dataclass_fields__) | set(SourceEvidence.__dataclass_fields__)
    assert not {f for f in fields if "hedge" in f or "age" in f or "stale" in f}


def test_record_minimum_is_two() -> None:
    assert RECORD_MINIMUM == 2


def test_rubric_rows_carry_their_authorities() -> None:
    rows = rubric()
    assert [r["rule"] for r in rows] == [r.rule_id for r in RULES]
    for rule in RELIABILITY_RULES + CREDIBILITY_RULES:
        assert rule.authorities and set(rule.authorities) <= set(AUTHORITIES)
