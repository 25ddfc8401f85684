"""Independence per claim, sources' records, relays and the grades on the corpus."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from claimtrail.analysis.estimates import compare_estimates
from claimtrail.analysis.reuse import Passage, article_passages
from claimtrail.analysis.support import (
    _independence,
    grade_claims,
    independence,
    relay,
    source_grades,
    uncredited_copies,
)
from claimtrail.io.record import load_record


@pytest.fixture(scope="module")
def corpus_data():
    record = load_record(Path(__file__).resolve().parents[1])
    texts = dict(zip(record.corpus["article_id"], record.corpus["text"], strict=True))
    passages = article_passages(texts)
    return record, compare_estimates(record), passages


def _figure(**values) -> pd.Series:
    base = {"origin": "A", "source": "reference", "article_id": None}
    return pd.Series({**base, **values})


@pytest.mark.parametrize(
    ("claim", "other", "expected"),
    [
        ({"origin": "A"}, {"origin": "B"}, "independent"),
        ({"origin": "A"}, {"origin": "A"}, "same origin"),
        ({"origin": None}, {"origin": "B"}, "unknown origin of the claim"),
        ({"origin": "A"}, {"origin": None}, "unknown"),
        # another corpus claim of the same article, or of an article that copies it
        (
            {"origin": "A", "article_id": "001"},
            {"origin": "B", "source": "corpus", "article_id": "001"},
            "unknown",
        ),
        (
            {"origin": "A", "article_id": "003"},
            {"origin": "B", "source": "corpus", "article_id": "004"},
            "unknown",
        ),
        (
            {"origin": "A", "article_id": "002"},
            {"origin": "B", "source": "corpus", "article_id": "004"},
            "independent",
        ),
    ],
)
def test_independence_of_one_pair(claim: dict, other: dict, expected: str) -> None:
    linked = {frozenset(("003", "004"))}
    assert _independence(_figure(**claim), _figure(**other), linked) == expected


def test_relay_judgements() -> None:
    article = {"republished_from": "Alahednews, 1 August 2016", "outlet": "Global Research"}
    row = {
        "chain": "Vladimir Putin > Alahednews > Global Research",
        "speaker": "Vladimir Putin",
        "article_id": "001",
    }
    assert relay(row, article, {}, {}) == "republished from Alahednews"
    plain = {"republished_from": None, "outlet": "Jews News"}
    relayed = {
        "chain": "law enforcement agencies > Sergey Smirnov > reporters > Jews News",
        "speaker": "Sergey Smirnov",
        "article_id": "002",
    }
    assert relay(relayed, plain, {}, {}) == "relayed by reporters (unnamed)"
    direct = {
        "chain": "Sergey Smirnov > ValueWalk",
        "speaker": "Sergey Smirnov",
        "article_id": "003",
    }
    assert relay(direct, {"republished_from": None, "outlet": "ValueWalk"}, {}, {}).startswith(
        "first-hand"
    )
    copied = relay(
        direct,
        {"republished_from": None, "outlet": "ValueWalk"},
        {"003": ["004"]},
        {"004": "The Moscow Times"},
    )
    assert copied == "the article copies article 004 (The Moscow Times) without naming it"
    nobody = {"chain": "The Moscow Times", "speaker": float("nan"), "article_id": "004"}
    assert relay(
        nobody, {"republished_from": None, "outlet": "The Moscow Times"}, {}, {}
    ).startswith("unattributed")


def test_uncredited_copies_name_the_earlier_article(corpus_data) -> None:
    record, _, passages = corpus_data
    assert uncredited_copies(record, passages) == {"003": ["004"]}
    assert uncredited_copies(record, []) == {}
    fake = [Passage("001", "000", 0, 1, 0, 1, 1.0, 5)]
    # 000 appeared first (August 2016 to the month sorts before 2 August 2016)
    assert uncredited_copies(record, fake) == {"001": ["000"]}


def test_one_letter_per_source(corpus_data) -> None:
    record, estimates, passages = corpus_data
    grades = grade_claims(record, estimates, passages)
    letters = grades[grades["source"] != ""].groupby("source")["reliability"].nunique()
    assert (letters == 1).all()
    by_source = source_grades(record, estimates).set_index("source")["reliability"]
    for row in grades[grades["source"] != ""].itertuples():
        assert row.reliability == by_source[row.source]
    assert set(grades.loc[grades["source"] == "", "reliability"]) == {"F"}


def test_corpus_grades(corpus_data) -> None:
    record, estimates, passages = corpus_data
    grades = grade_claims(record, estimates, passages).set_index("claim_id")
    assert len(grades) == len(record.claims)
    # independently documented facts are confirmed though the page names no source
    assert grades.loc["C07", "credibility"] == 1 and grades.loc["C14", "credibility"] == 1
    assert grades.loc["C08", "credibility"] == 5  # every published toll contradicts it
    assert grades.loc["C05", "credibility"] == 5  # its own text contradicts it
    assert grades.loc["C03", "credibility"] == 4  # larger than the FSB's count of its whole
    # the same statement by the same official gets the same letter on two pages
    assert grades.loc["C09", "reliability"] == grades.loc["C12", "reliability"]
    # repetition by the same origin is not confirmation
    assert grades.loc["C04", "credibility"] == 6 and grades.loc["C02", "credibility"] == 6
    assert all(grades["reasons"].str.len() > 0)


def test_independence_table_shows_chains(corpus_data) -> None:
    record, estimates, passages = corpus_data
    table = independence(record, estimates, passages)
    row = table[(table["claim_id"] == "C05") & (table["comparator_id"] == "R19")].iloc[0]
    assert row["independence"] == "same origin"  # the CSTO relays Russian estimates
    assert row["comparator_chain"].endswith("> Gazeta.Ru")
