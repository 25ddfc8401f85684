"""Hedging and verification language: the corpus, the hand coding, constructed sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from claimtrail.io.claims import load_claims
from claimtrail.io.corpus import load_corpus
from claimtrail.text.furniture import body_spans
from claimtrail.text.hedges import (
    HEDGE_KINDS,
    RULES,
    Hedge,
    find_hedges,
    hedge_agreement,
    hedges_near,
)
from claimtrail.text.numbers import fold_case

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return load_corpus(ROOT)


@pytest.fixture(scope="module")
def texts(corpus: pd.DataFrame) -> dict[str, str]:
    return dict(zip(corpus["article_id"], corpus["text"], strict=True))


# (article, context in the text, hedge words inside it, kind)
CORPUS_HEDGES = [
    ("000", "It was not immediately possible to independently verify the video",
     "It was not immediately possible to independently verify", "verification"),
    ("001", "its authenticity could not be confirmed", "could not be confirmed", "verification"),
    ("001", "is thought to have come", "is thought to have", "uncertainty"),
    ("001", "an estimated 5,000 to 7,000", "an estimated", "estimate"),
    ("001", "estimated that some 2,000", "estimated", "estimate"),
    ("001", "alleged Daesh members", "alleged", "attribution"),
    ("001", "attributed Daesh", "attributed", "attribution"),
    ("002", "could be up to 4,000", "could be", "uncertainty"),
    ("003", "probably higher than his estimate", "probably higher", "uncertainty"),
    ("004", "reportedly filmed", "reportedly", "attribution"),
    ("004", "an estimated 50,000", "an estimated", "estimate"),
]  # fmt: skip


@pytest.mark.parametrize(("article", "context", "words", "kind"), CORPUS_HEDGES)
def test_corpus_hedges(texts, article: str, context: str, words: str, kind: str) -> None:
    text = texts[article]
    start = text.index(context)
    inside = [
        h for h in find_hedges(text, body_spans(text)) if start <= h.start < start + len(context)
    ]
    assert [(h.words, h.kind) for h in inside] == [(words, kind)]


def test_hedges_quote_the_raw_text(texts) -> None:
    for text in texts.values():
        for hedge in find_hedges(text):
            assert text[hedge.start : hedge.end] == hedge.words
            assert hedge.kind in HEDGE_KINDS


def test_body_spans_restrict_the_search() -> None:
    text = "Headline: toll may rise\n\nAt least 40 people reportedly died in the attack."
    body = [(text.index("At least"), len(text))]
    assert [h.words for h in find_hedges(text)] == ["may rise", "reportedly"]
    assert [h.words for h in find_hedges(text, body)] == ["reportedly"]


@pytest.fixture(scope="module")
def near(corpus: pd.DataFrame, texts) -> list[tuple[str, str | None, list[Hedge]]]:
    """(claim id, coded hedge, hedges_near) for every claim of data/claims.csv."""
    rows = []
    for claim in load_claims(ROOT, corpus).itertuples(index=False):
        coded = None if pd.isna(claim.hedge) else claim.hedge
        found = hedges_near(texts[claim.article_id], int(claim.start), int(claim.end))
        rows.append((claim.claim_id, coded, found))
    return rows


def test_every_coded_hedge_is_found(near) -> None:
    missing = [
        (claim_id, coded, [h.words for h in found])
        for claim_id, coded, found in near
        if coded and not any(coded.lower() in h.words.lower() for h in found)
    ]
    assert missing == []


def test_agreement_with_the_hand_coding(near) -> None:
    agreement = hedge_agreement([c for _, c, _ in near], [f for _, _, f in near])
    assert agreement["n"] == 17 and agreement["n_coded"] == 9
    assert agreement["recall"] == 1.0
    assert agreement["extra"] == 0.0
    # One claim differs: C12 "approximately 1,700 Russians" is an estimate hedge here, a
    # qualifier ("about") in the coding, which lists only "probably higher".
    assert agreement["exact"] == pytest.approx(16 / 17)
    surplus = {
        claim_id: [
            h.words for h in found if h.kind != "attribution" and not (coded and coded in h.words)
        ]
        for claim_id, coded, found in near
    }
    assert {k: v for k, v in surplus.items() if v} == {"C12": ["approximately"]}


def test_a_following_sentence_counts_only_when_it_refers_back(texts) -> None:
    text = texts["003"]
    start = text.index("approximately 1,700 Russians")
    words = [h.words for h in hedges_near(text, start, start + 28)]
    assert "probably higher" in words
    wire = (
        "At least 40 people died, police said. That figure could not be independently "
        "verified. The number of injured may be 12.\n\nIt is unclear who fired."
    )
    first = wire.index("40 people")
    assert [h.kind for h in hedges_near(wire, first, first + 9)] == ["verification"]
    second = wire.index("12")
    assert [h.words for h in hedges_near(wire, second, second + 2)] == ["may be"]


def test_hedges_near_accepts_precomputed_sentences() -> None:
    text = "Officials estimated 40 dead. Up to 60 may be missing."
    sentences = [(0, 28), (29, len(text))]
    start = text.index("60")
    assert [h.words for h in hedges_near(text, start, start + 2, sentences)] == ["may be"]
    assert [h.words for h in hedges_near(text, 20, 22, sentences)] == ["estimated"]


# (sentence, [(words, kind)])
SENTENCES = [
    ("The figures could not be independently verified.",
     [("could not be independently verified", "verification")]),
    ("Reuters could not independently verify the footage.",
     [("could not independently verify", "verification")]),
    ("Police were unable to confirm the toll.", [("were unable to confirm", "verification")]),
    ("Casualties have not been independently confirmed.",
     [("have not been independently confirmed", "verification")]),
    ("Unconfirmed reports put the toll at 30.", [("Unconfirmed", "verification")]),
    ("The estimated number of fighters is 300.", [("estimated", "estimate")]),
    ("Its estimated strength is 4,000.", [("estimated", "estimate")]),
    ("Officials estimated that 40 died.", [("estimated", "estimate")]),
    ("The group has approximately 900 members.", [("approximately", "estimate")]),
    ("Some 30 people were reportedly killed.", [("reportedly", "attribution")]),
    ("The leader is said to have 500 men.", [("is said to", "attribution")]),
    ("The group claimed 300 fighters, according to the statement.",
     [("claimed", "attribution"), ("according to", "attribution")]),
    ("The toll may rise further.", [("may rise", "uncertainty")]),
    ("The real toll may well have been higher.", [("may well have been", "uncertainty")]),
    ("He is believed to command 2,000 fighters.", [("is believed to", "uncertainty")]),
    ("It was unclear how many died.", [("It was unclear", "uncertainty")]),
    ("They possibly number 3,000.", [("possibly", "uncertainty")]),
    ("The true figure is probably far higher.", [("probably far higher", "uncertainty")]),
    ("Up to 200 could have been killed.", [("could have been", "uncertainty")]),
    # Negatives.
    ("The estimated time of arrival is noon.", []),
    ("In May 2015, 40 fighters died.", []),
    ("May 5 was quiet; 12 were wounded.", []),
    ("Smirnov said to reporters that 40 died.", []),
    ("The threat could soon spread.", []),
    ("At least 13 people were killed, police said.", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_constructed_sentences(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(h.words, h.kind) for h in find_hedges(sentence)] == expected


def test_empty_text_has_no_hedges() -> None:
    assert find_hedges("") == [] and hedges_near("", 0, 0) == []


def test_rules_read_in_any_case_find_in_the_folded_text_what_they_find_ignoring_case() -> None:
    """A rule that reads any case is written in lower case and searches the folded text: it
    finds there what its pattern finds in the text ignoring case, at the same places."""
    text = (
        "The Toll COULD NOT BE CONFIRMED. It Was Not Possible To Verify it. An ESTIMATED 300 "
        "died, REPORTEDLY; it is UNCLEAR. İt Might Be Higher, Approximately 40, Allegedly."
    )
    folded = fold_case(text)
    tried = 0
    for rule in RULES:
        if not rule.any_case:
            continue
        tried += 1
        ignoring_case = re.compile(rule.pattern.pattern, re.IGNORECASE)
        assert [m.span() for m in rule.pattern.finditer(folded)] == [
            m.span() for m in ignoring_case.finditer(text)
        ], rule.pattern.pattern
    assert tried >= 8
    kinds = {h.kind for h in find_hedges(text)}
    assert kinds == {"verification", "estimate", "attribution", "uncertainty"}
