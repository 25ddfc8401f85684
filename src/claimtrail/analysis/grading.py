"""The grading rubric as code: source reliability (A-F) and information credibility (1-6).

The two scales are judged apart, as the Admiralty system intends (STANAG 2511; FM 2-22.3,
appendix B; UK JWP 2-00):

- **reliability** rates the *source* that first gave a figure, not the page that prints
  it: its access to what it counts, its interest in the number, and its record against
  independent figures. It is a property of the source: one letter per source.
- **credibility** rates the *figure*: whether sources independent of it (chains that do
  not meet at a common origin) confirm it, contradict it or say nothing. Repetition by
  the same origin is not confirmation; hedges and age do not lower it (a hedge is the
  speaker's own uncertainty, age is shown as currency).

Each scale is a tuple of :class:`Rule` tried in order: the first base rule that applies
sets the grade, then modifiers move it one step (reliability only). Every rule carries the
authorities it rests on (:data:`AUTHORITIES`) or says that it is the project's convention.
How a figure reached the page (relays, republishing, copying) is judged apart and shown
beside the grade, never folded into it.

Examples:
    >>> source_grade(SourceEvidence("UNAMA", "direct", "disinterested", ("R24",), ())).letter
    'B'
    >>> figure_grade(FigureEvidence(origin_known=True, independent=("R22",))).digit
    1
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
# Credibility from best supported to worst: a figure that cannot be judged (6) has no
# support, but one that the record contradicts (5) has evidence against it.
SUPPORT_ORDER = (1, 2, 3, 4, 6, 5)
# A source's record moves its letter when at least this many of its figures were judged.
RECORD_MINIMUM = 2

AUTHORITIES = {
    "STANAG 2511": "NATO, STANAG 2511 Intelligence Reports (2003), source reliability and "
    "information credibility scales; as transcribed by V. Dragos, "
    "http://eturwg.c4i.gmu.edu/?q=node/128",
    "FM 2-22.3": "US Army, FM 2-22.3 Human Intelligence Collector Operations (6 September "
    "2006), appendix B, Source and Information Reliability Matrix; as reproduced at "
    "https://www.liquisearch.com/intelligence_collection_management/"
    "ratings_by_the_collection_department",
    "JWP 2-00": "UK Ministry of Defence, JWP 2-00 Intelligence Support to Joint Operations "
    "(2003): each descriptor considered in isolation; as cited in 'Admiralty code', "
    "https://en-academic.com/dic.nsf/enwiki/3648600",
    "Heuer 1999": "R. J. Heuer, Psychology of Intelligence Analysis (CIA, 1999), ch. 10: the "
    "mind is oversensitive to consistency and insufficiently sensitive to reliability",
    "ECC 2016": "Every Casualty Worldwide, Standards for Casualty Recording (2016), p. 25: "
    "corroboration checks internal coherence, then crosschecks against independent "
    "sources; https://everycasualty.org/knowledge-base/corroboration-in-casualty-recording/",
    "Airwars": "Airwars, civilian harm grading: 'fair' needs two or more credible sources, a "
    "single-source claim is 'weak'; https://airwars.org/about/methodology",
    "circular reporting": "Circular reporting: one source seen as several "
    "(https://en.wikipedia.org/wiki/Circular_reporting); US Intelligence Warning "
    "Terminology, 'circular intelligence'",
}


@dataclass(frozen=True)
class SourceEvidence:
    """What the rubric reads about a source: its code (None for a figure attributed to no
    one), its ``access`` and ``interest`` (see :mod:`claimtrail.io.sources`), and the ids of
    its figures that independent figures ``confirmed`` and ``contradicted``."""

    source: str | None
    access: str = "unknown"
    interest: str = "unknown"
    confirmed: tuple[str, ...] = ()
    contradicted: tuple[str, ...] = ()


@dataclass(frozen=True)
class FigureEvidence:
    """What the rubric reads about a figure.

    ``origin_known`` is false for a figure attributed to no one. ``independent`` lists
    agreeing figures of the same population, place and time (or the same event) whose
    origin differs from the claim's (for a claim of unknown origin, every agreeing
    figure), and ``independent_origins`` how many origins they come from. ``consistent``
    lists independent figures of its parts or wholes that it does not contradict.
    ``contradicting`` lists independent figures that disagree with it or that it exceeds
    as a part; ``same_origin`` agreeing figures of its
    own origin (weighed as nothing); ``exceeds`` figures of a whole it is larger than,
    whoever gave them; ``inconsistent`` whether its own text contradicts it.
    """

    origin_known: bool = True
    independent: tuple[str, ...] = ()
    independent_origins: int = 0
    consistent: tuple[str, ...] = ()
    contradicting: tuple[str, ...] = ()
    same_origin: tuple[str, ...] = ()
    exceeds: tuple[str, ...] = ()
    inconsistent: bool = False

    def __post_init__(self) -> None:
        if self.independent and not self.independent_origins:
            object.__setattr__(self, "independent_origins", 1)


@dataclass(frozen=True)
class Rule:
    """One row of the rubric: on ``scale``, when ``applies``, set the grade (``base``) or
    move it one step (``up`` or ``down``), for the reason ``when``, on ``authorities``."""

    rule_id: str
    scale: str  # "reliability" or "credibility"
    kind: str  # "base", "up" or "down"
    result: str  # the grade a base rule sets, or "one step better" / "one step worse"
    when: str
    authorities: tuple[str, ...]
    applies: Callable[[SourceEvidence], bool] | Callable[[FigureEvidence], bool]


def _shown_disinterested(e: SourceEvidence) -> bool:
    return e.interest == "disinterested"


RELIABILITY_RULES: tuple[Rule, ...] = (
    Rule(
        "S1",
        "reliability",
        "base",
        "F",
        "no source is named for the figure: there is no basis to judge one",
        ("FM 2-22.3",),
        lambda e: e.source is None,
    ),
    Rule(
        "S2",
        "reliability",
        "base",
        "F",
        "the source is named but nothing is known of its access to what it counts",
        ("FM 2-22.3",),
        lambda e: e.access == "unknown",
    ),
    Rule(
        "S3",
        "reliability",
        "base",
        "B",
        "the source counts what it handles or observes itself and has no known stake in the number",
        ("FM 2-22.3", "JWP 2-00"),
        lambda e: e.access == "direct" and _shown_disinterested(e),
    ),
    Rule(
        "S4",
        "reliability",
        "base",
        "C",
        "the source counts what it handles itself but has a stake in the number, or "
        "estimates what it cannot observe with no stake in it",
        ("FM 2-22.3", "JWP 2-00"),
        lambda e: e.access == "direct" or _shown_disinterested(e),
    ),
    Rule(
        "S5",
        "reliability",
        "base",
        "D",
        "the source estimates what it cannot observe and has a stake in the number (a "
        "party to the conflict counting enemies or their losses, a government citing a "
        "threat), or no absence of a stake is shown",
        ("FM 2-22.3", "JWP 2-00"),
        lambda e: True,
    ),
    Rule(
        "S6",
        "reliability",
        "down",
        "one step worse",
        f"its record: of at least {RECORD_MINIMUM} of its figures judged against "
        "independent figures, more were contradicted than confirmed",
        ("FM 2-22.3",),
        lambda e: (
            len(e.confirmed) + len(e.contradicted) >= RECORD_MINIMUM
            and len(e.contradicted) > len(e.confirmed)
        ),
    ),
    Rule(
        "S7",
        "reliability",
        "up",
        "one step better",
        f"its record: at least {RECORD_MINIMUM} of its figures judged against independent "
        "figures, and every one confirmed",
        ("FM 2-22.3",),
        lambda e: len(e.confirmed) >= RECORD_MINIMUM and not e.contradicted,
    ),
)


def _supported(e: FigureEvidence) -> bool:
    return bool(e.independent or e.consistent)


CREDIBILITY_RULES: tuple[Rule, ...] = (
    Rule(
        "K1",
        "credibility",
        "base",
        "5",
        "its own text contradicts it (internal inconsistency)",
        ("FM 2-22.3", "ECC 2016"),
        lambda e: e.inconsistent,
    ),
    Rule(
        "K2",
        "credibility",
        "base",
        "5",
        "independent figures contradict it and none supports it",
        ("FM 2-22.3",),
        lambda e: bool(e.contradicting) and not _supported(e),
    ),
    Rule(
        "K3",
        "credibility",
        "base",
        "4",
        "independent figures conflict over it: some contradict it, some support it "
        "(the project's convention for 'no definitive conclusion')",
        ("ECC 2016",),
        lambda e: bool(e.contradicting),
    ),
    Rule(
        "K4",
        "credibility",
        "base",
        "4",
        "it is larger than a figure of the same time for a whole that holds it, beyond the "
        "imprecision of estimates: implausible beside related figures, whoever gave them",
        ("FM 2-22.3",),
        lambda e: bool(e.exceeds),
    ),
    Rule(
        "K5",
        "credibility",
        "base",
        "1",
        "a figure independent of it agrees (for a figure attributed to no one, figures of "
        "two independent origins): confirmed by other sources",
        ("STANAG 2511", "FM 2-22.3", "ECC 2016", "Airwars"),
        lambda e: bool(e.independent) and (e.origin_known or e.independent_origins >= 2),
    ),
    Rule(
        "K6",
        "credibility",
        "base",
        "2",
        "a figure attributed to no one agrees with figures of a single origin, which may be "
        "its own: probably true, but independence cannot be guaranteed",
        ("STANAG 2511",),
        lambda e: bool(e.independent),
    ),
    Rule(
        "K7",
        "credibility",
        "base",
        "3",
        "independent figures for its parts or wholes are consistent with it, and none for "
        "the same people agrees or disagrees: agrees with some other information",
        ("FM 2-22.3",),
        lambda e: bool(e.consistent),
    ),
    Rule(
        "K8",
        "credibility",
        "base",
        "6",
        "nothing independent bears on it: only figures of its own origin, or none "
        "(repetition by one origin is not confirmation)",
        ("FM 2-22.3", "STANAG 2511", "Heuer 1999", "circular reporting"),
        lambda e: True,
    ),
)
RULES: tuple[Rule, ...] = RELIABILITY_RULES + CREDIBILITY_RULES
NOTES = (
    "No rule gives A: 'completely reliable' needs a long record of reliability that a "
    "handful of figures cannot establish (STANAG 2511: 'tried and trusted').",
    "The record moves a letter one step at most, never to A and never from F: a source "
    "with no basis for judgement has no record to weigh.",
    "The two scales are judged apart and are not averaged; studies find analysts let one "
    "colour the other (Baker et al. 1968; Irwin and Mandel 2019), which is why the rules "
    "of each read different evidence.",
)


@dataclass(frozen=True)
class Result:
    """A grade on one scale with the rules that produced it."""

    value: str | int
    rules: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def letter(self) -> str:
        """The reliability letter."""
        return str(self.value)

    @property
    def digit(self) -> int:
        """The credibility digit."""
        return int(self.value)


def _reason(rule: Rule) -> str:
    return f"{rule.rule_id}: {rule.when}"


def source_grade(evidence: SourceEvidence) -> Result:
    """The source's reliability letter: the first base rule that applies, then the
    record's modifiers (never to A, never from F)."""
    base = next(r for r in RELIABILITY_RULES if r.kind == "base" and r.applies(evidence))
    position, used = RELIABILITY.index(base.result), [base]
    if base.result != "F":
        for rule in (r for r in RELIABILITY_RULES if r.kind != "base"):
            if rule.applies(evidence):
                step = 1 if rule.kind == "down" else -1
                position = min(max(position + step, 1), len(RELIABILITY) - 2)
                used.append(rule)
    return Result(RELIABILITY[position], tuple(r.rule_id for r in used), tuple(map(_reason, used)))


def figure_grade(evidence: FigureEvidence) -> Result:
    """The figure's credibility digit: the first credibility rule that applies."""
    rule = next(r for r in CREDIBILITY_RULES if r.applies(evidence))
    return Result(int(rule.result), (rule.rule_id,), (_reason(rule),))


def rubric() -> list[dict[str, str]]:
    """The rubric as table rows: rule, scale, kind, result, condition, authorities."""
    return [
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
