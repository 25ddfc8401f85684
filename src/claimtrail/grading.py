"""Grade each claim in the spirit of the Admiralty (NATO) system, with the rules shown.

Two scales, judged separately:

- **source reliability**, A (completely reliable) to F (cannot be judged): how far the
  source of the claim, as the text presents it, can be relied on;
- **information credibility**, 1 (confirmed by independent sources) to 6 (cannot be
  judged): how far the figure itself is supported by other figures.

The rubric is the tuple of :class:`Rule` below: :func:`grade` applies it to the
:class:`Evidence` gathered for one claim and returns the grade with the id and words of
every rule that produced it. A base rule sets the grade (the first that matches);
modifiers then move it one step down the scale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

RELIABILITY = ("A", "B", "C", "D", "E", "F")
CREDIBILITY = (1, 2, 3, 4, 5, 6)
RELIABILITY_MEANING = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY_MEANING = {
    1: "confirmed by independent sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


@dataclass(frozen=True)
class Evidence:
    """What is known about one claim, gathered from the claims table and the analysis.

    ``relays`` counts the intermediaries between the speaker and the outlet that first
    published the text (agencies, "reporters", another speaker relaying); ``republished``
    is true when the page we hold copies another outlet's text. ``independent`` and
    ``same_origin`` list the ids of agreeing figures of a different or the same origin;
    ``disagreeing`` those that do not agree; ``flags`` the names of the claim's flags.
    """

    named: bool
    attributed: bool
    relays: int
    republished: bool
    hedged: bool
    speaker_inconsistent: bool
    independent: tuple[str, ...]
    same_origin: tuple[str, ...]
    disagreeing: tuple[str, ...]
    flags: frozenset[str]


@dataclass(frozen=True)
class Rule:
    """One row of the rubric: on ``scale``, when ``applies``, set or lower the grade."""

    rule_id: str
    scale: str  # "reliability" or "credibility"
    kind: str  # "base" sets the grade, "modifier" lowers it one step
    result: str  # the grade a base rule sets, or "one step lower"
    when: str  # the condition in words
    applies: Callable[[Evidence], bool]


def _unattributed(e: Evidence) -> bool:
    return not e.attributed


def _inconsistent(e: Evidence) -> bool:
    return "internal inconsistency" in e.flags


def _contradicted(e: Evidence) -> bool:
    return bool(e.disagreeing) and not (e.independent or e.same_origin)


def _conflicting(e: Evidence) -> bool:
    return bool(e.disagreeing) and bool(e.independent or e.same_origin)


RULES: tuple[Rule, ...] = (
    Rule(
        "S1",
        "reliability",
        "base",
        "F",
        "no source is named for the figure (unattributed)",
        _unattributed,
    ),
    Rule(
        "S2",
        "reliability",
        "base",
        "D",
        'the source is not named ("officials in Tajikistan", "Putin\'s envoy")',
        lambda e: not e.named,
    ),
    Rule(
        "S3",
        "reliability",
        "base",
        "B",
        "a named source, reported first-hand by the outlet that first published the text",
        lambda e: e.relays == 0,
    ),
    Rule(
        "S4",
        "reliability",
        "base",
        "C",
        "a named source, relayed through intermediaries (agencies, reporters, another speaker)",
        lambda e: e.relays > 0,
    ),
    Rule(
        "S5",
        "reliability",
        "modifier",
        "one step lower",
        "the page we hold republishes another outlet's text (a copy of a copy)",
        lambda e: e.republished,
    ),
    Rule(
        "S6",
        "reliability",
        "modifier",
        "one step lower",
        "the same speaker's figures in the corpus are internally inconsistent",
        lambda e: e.speaker_inconsistent,
    ),
    Rule(
        "C1",
        "credibility",
        "base",
        "5",
        "the text's own figures contradict it (internal inconsistency)",
        _inconsistent,
    ),
    Rule(
        "C2",
        "credibility",
        "base",
        "5",
        "comparable figures dated within three months all disagree with it",
        _contradicted,
    ),
    Rule(
        "C3",
        "credibility",
        "base",
        "4",
        "comparable figures conflict: some agree, some disagree",
        _conflicting,
    ),
    Rule(
        "C4",
        "credibility",
        "base",
        "1",
        "a comparable figure of a different origin agrees (independent corroboration)",
        lambda e: bool(e.independent),
    ),
    Rule(
        "C5",
        "credibility",
        "base",
        "2",
        "agreeing figures share its origin, or its origin is unknown: it was said, but "
        "independence cannot be shown",
        lambda e: bool(e.same_origin),
    ),
    Rule(
        "C6",
        "credibility",
        "base",
        "6",
        "no comparable figure counts the same people at about the same time",
        lambda e: True,
    ),
    Rule(
        "C7",
        "credibility",
        "modifier",
        "one step lower",
        'the figure is hedged ("estimated", "could be", "probably higher") and not '
        "independently confirmed",
        lambda e: e.hedged and not e.independent,
    ),
    Rule(
        "C8",
        "credibility",
        "modifier",
        "one step lower",
        "the figure is stale or its population was changed in a retelling",
        lambda e: bool(e.flags & {"stale", "population mismatch"}),
    ),
)
# Credibility from best supported to worst: a figure that cannot be judged (6) has no
# support, but one that other figures contradict (5) has evidence against it.
SUPPORT_ORDER = (1, 2, 3, 4, 6, 5)
NOTES = (
    "No rule gives A: complete reliability needs a record of accuracy that a handful of "
    "articles cannot establish.",
    "Modifiers never turn a judged grade into 'cannot be judged': reliability stops at E, "
    "credibility at 5, and a 6 or an F is not modified.",
)


@dataclass(frozen=True)
class Grade:
    """A claim's grade ("B2") with the rules that produced it."""

    reliability: str
    credibility: int
    rules: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def code(self) -> str:
        """The grade as one code: reliability letter then credibility digit."""
        return f"{self.reliability}{self.credibility}"


def _apply(scale: str, evidence: Evidence) -> tuple[int, list[Rule]]:
    """Index of the grade on ``scale`` and the rules that produced it."""
    rules = [r for r in RULES if r.scale == scale]
    values = RELIABILITY if scale == "reliability" else tuple(str(c) for c in CREDIBILITY)
    base = next(r for r in rules if r.kind == "base" and r.applies(evidence))
    position, used = values.index(base.result), [base]
    if position == len(values) - 1:
        return position, used
    for rule in rules:
        if rule.kind == "modifier" and rule.applies(evidence):
            position = min(position + 1, len(values) - 2)
            used.append(rule)
    return position, used


def grade(evidence: Evidence) -> Grade:
    """Apply the rubric to one claim's evidence."""
    reliability, reliability_rules = _apply("reliability", evidence)
    credibility, credibility_rules = _apply("credibility", evidence)
    used = reliability_rules + credibility_rules
    return Grade(
        RELIABILITY[reliability],
        CREDIBILITY[credibility],
        tuple(r.rule_id for r in used),
        tuple(f"{r.rule_id}: {r.when}" for r in used),
    )


def rubric() -> list[dict[str, str]]:
    """The rubric as table rows: rule, scale, kind, result, condition."""
    return [
        {"rule": r.rule_id, "scale": r.scale, "kind": r.kind, "result": r.result, "when": r.when}
        for r in RULES
    ]
