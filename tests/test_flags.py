"""Flags on corpus claims: each fires where it should and not where it should not."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from test_comparisons import EVENTS, claim, frame_of, reference

from claimtrail.analysis.comparisons import comparisons
from claimtrail.analysis.estimates import compare_estimates
from claimtrail.analysis.flags import (
    MULTIPLIER_TOLERANCE,
    STALE_AFTER_DAYS,
    _paragraph_of,
    all_flags,
    currency,
    multiplier_flags,
    population_flags,
    record_flags,
    retelling_flags,
    staleness_flags,
)
from claimtrail.io.record import load_record

NA = float("nan")


def _claims(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows)


def test_multiplier_flag_and_its_tolerance() -> None:
    def flags_for(later: float) -> list[dict]:
        rows = [
            claim(
                "C01",
                best=later,
                multiplier=10.0,
                multiplier_quote="increased tenfold",
                related_claims="C02",
            ),
            claim("C02", best=100.0, as_of="2014-06-01"),
        ]
        return multiplier_flags(_claims(rows), frame_of(rows, []))

    flagged = flags_for(10000.0)
    assert [f["claims"] for f in flagged] == ["C01 C02"]
    assert "x10" in flagged[0]["reason"] and "x100" in flagged[0]["reason"]
    assert flags_for(1000.0 * MULTIPLIER_TOLERANCE) == []  # exactly at the tolerance
    assert len(flags_for(1000.0 * MULTIPLIER_TOLERANCE * 1.01)) == 1


def _stale_case(as_of: str, newer_published: str, population: str = "RU") -> list[dict]:
    rows = [claim("C01", best=1700.0, as_of=as_of)]
    refs = [
        reference(
            "R01",
            best=2400.0,
            as_of="2015-09-18",
            published=newer_published,
            population=population,
        )
    ]
    frame = frame_of(rows, refs, {"900": "2016-08-02"})
    return staleness_flags(_claims(rows), frame, EVENTS)


def test_stale_only_when_newer_figures_existed_at_publication() -> None:
    flagged = _stale_case("2015-04-10", "2015-09-18")
    assert [f["claims"] for f in flagged] == ["C01"]
    assert flagged[0]["evidence"] == "R01"
    assert "R01" in flagged[0]["reason"] and "480 days" in flagged[0]["reason"]
    # a newer figure published after the article does not make it stale
    assert _stale_case("2015-04-10", "2016-08-02") == []
    # a newer figure for a part (the North Caucasus) is not a figure for the whole
    assert _stale_case("2015-04-10", "2015-09-18", population="RU-NC") == []
    # a containing population's newer figure does count
    assert len(_stale_case("2015-04-10", "2015-09-18", population="RU+CIS")) == 1


def test_stale_threshold_boundary() -> None:
    day = pd.Timestamp("2016-08-02")
    at = (day - pd.Timedelta(days=STALE_AFTER_DAYS)).strftime("%Y-%m-%d")
    below = (day - pd.Timedelta(days=STALE_AFTER_DAYS - 1)).strftime("%Y-%m-%d")
    assert len(_stale_case(at, "2015-09-18")) == 0  # the newer figure is not newer than it
    rows = [claim("C01", best=1.0, as_of=at), claim("C02", best=1.0, as_of=below)]
    refs = [reference("R01", best=2.0, as_of="2016-06-01", published="2016-06-01")]
    frame = frame_of(rows, refs, {"900": "2016-08-02"})
    assert [f["claims"] for f in staleness_flags(_claims(rows), frame, EVENTS)] == ["C01"]


def test_currency_and_staleness_claim_by_claim() -> None:
    rows = [
        claim("C00", best=9000.0, population="ALL", as_of="2014-01-01"),  # nothing newer
        claim("C01", best=1500.0, as_of="2015-04-10"),
        claim("C02", best=10.0, population="CA", as_of="2016-07-30"),
        claim("C03", best=5.0, population="TJ", as_of="2016-08-02"),  # the article's own day
    ]
    refs = [
        reference("R01", best=2400.0, as_of="2015-12-01", published="2015-12-01"),
        reference("R02", best=2000.0, speaker="UN", as_of="2015-09-18", published="2015-09-20"),
        # of the same day as C02: not newer than it
        reference("R03", best=20.0, population="CA", as_of="2016-07-30", published="2016-07-31"),
    ]
    frame = frame_of(rows, refs, {"900": "2016-08-02"})
    ages = currency(frame, EVENTS).set_index("claim_id")
    assert ages["newer"].to_dict() == {"C00": "", "C01": "R02 R01", "C02": "", "C03": ""}
    assert ages["age_days"].to_dict() == {"C00": 944, "C01": 480, "C02": 3, "C03": 0}
    assert staleness_flags(_claims(rows), frame, EVENTS) == [
        {
            "flag": "stale",
            "claims": "C01",
            "reason": "as of 2015-04-10, printed in an article of 2016-08-02, 480 days later; "
            "newer figures published by then: R02 (UN, 2015-09-18: 2,000, published "
            "2015-09-20); R01 (Ministry, 2015-12-01: 2,400, published 2015-12-01)",
            "evidence": "R02 R01",
        }
    ]


def test_the_earlier_term_of_a_stated_comparison_is_not_stale() -> None:
    rows = [
        claim("C01", best=10000.0, related_claims="C02", as_of="2016-04-01"),
        claim("C02", best=100.0, as_of="2015-04-01"),
    ]
    refs = [reference("R01", best=3000.0, as_of="2015-10-08", published="2015-10-08")]
    frame = frame_of(rows, refs, {"900": "2016-08-02"})
    assert staleness_flags(_claims(rows), frame, EVENTS) == []
    ages = currency(frame, EVENTS).set_index("claim_id")
    assert ages.loc["C02", "newer"] == "R01"  # the age is still reported
    assert ages.loc["C02", "age_days"] == 489


def test_record_flags_group_by_claim_and_name_agreement() -> None:
    rows = [claim("C01", best=10000.0, population="ALL", place="SY")]
    refs = [
        reference("R01", best=3000.0, population="ALL", place="SY"),
        reference("R02", best=10000.0, population="ALL", place="SY"),
        reference(
            "R03", low=1000.0, high=2000.0, qualifier="range", population="ALL", place="SY+IQ"
        ),
    ]
    table = comparisons(frame_of(rows, refs), EVENTS)
    flagged = {f["flag"]: f for f in record_flags(table)}
    assert flagged["disagrees with the record"]["evidence"] == "R01"
    assert flagged["disagrees with the record"]["reason"].endswith("agrees with R02")
    assert flagged["part exceeds whole"]["evidence"] == "R03"


def test_record_flags_give_every_disagreement_and_agreement() -> None:
    rows = [claim("C01", best=10000.0, population="ALL", place="SY")]
    refs = [
        reference("R01", best=3000.0, population="ALL", place="SY"),
        reference("R02", best=10000.0, population="ALL", place="SY"),
        reference(
            "R03", low=1000.0, high=2000.0, qualifier="range", population="ALL", place="SY+IQ"
        ),
        reference("R04", best=40000.0, population="ALL", place="SY"),
        reference("R05", best=12000.0, population="ALL", place="SY"),
    ]
    flagged = record_flags(comparisons(frame_of(rows, refs), EVENTS))
    assert [(f["flag"], f["claims"], f["evidence"]) for f in flagged] == [
        ("disagrees with the record", "C01", "R01 R04"),
        ("part exceeds whole", "C01", "R03"),
    ]
    assert flagged[0]["reason"] == (
        "R01: 10,000 against 3,000; R04: 10,000 against 40,000; agrees with R02, R05"
    )
    # agreement is named against a disagreement only, not against a part larger than its whole
    assert flagged[1]["reason"] == (
        "R03: C01 counts people in Syria, part of R03's people in Syria and Iraq: the part "
        "(10,000) is larger than the whole (1,000 to 2,000)"
    )


def test_retold_differently_ignores_a_date_alone() -> None:
    rows = [
        claim("C01", best=2000.0, qualifier="about", statement="R01"),
        claim("C02", low=50.0, qualifier="more_than", statement="R02", as_of="2015-06"),
    ]
    rows[1]["as_of_precision"] = "month"
    refs = [
        reference("R01", low=2000.0, qualifier="more_than"),
        reference("R02", low=50.0, qualifier="more_than", as_of="2015-06-02"),
    ]
    flagged = retelling_flags(frame_of(rows, refs))
    assert [f["claims"] for f in flagged] == ["C01"]
    assert "more than 2,000 became about 2,000" in flagged[0]["reason"]


def test_retold_differently_names_every_change() -> None:
    rows = [
        claim("C00", best=5.0, population="CA"),  # retells nothing
        claim("C01", best=2000.0, qualifier="about", population="RU-NC", statement="R01"),
    ]
    refs = [reference("R01", low=2000.0, qualifier="more_than")]
    assert retelling_flags(frame_of(rows, refs)) == [
        {
            "flag": "retold differently",
            "claims": "C01",
            "reason": "R01 (Ministry) is the statement it retells; the retelling changed the "
            "figure (more than 2,000 became about 2,000); the population (citizens of Russia "
            "became residents of the North Caucasus)",
            "evidence": "R01",
        }
    ]


def test_population_mismatch_side_by_side() -> None:
    text = (
        "First paragraph with 300 and 4,000 here, said the officials of the ministry on Friday."
        "\n\nSecond paragraph, where 1,700 were said to be fighting in the ranks of the group."
        "\n\nThird paragraph: 30 in Syria and 50 in Iraq, the monitoring group said on Monday.\n"
    )
    corpus = pd.DataFrame({"article_id": ["900"], "text": [text], "published": ["2016-01-01"]})
    rows = [
        claim("C01", start=21, end=24, best=300.0, population="RU"),
        claim("C02", start=29, end=34, high=4000.0, qualifier="up_to", population="CA"),
        claim("C03", start=112, end=117, best=1700.0, population="TJ"),
        claim("C04", start=188, end=190, best=30.0, population="ALL", place="SY"),
        claim("C05", start=204, end=206, best=50.0, population="ALL", place="IQ"),
    ]
    frame = frame_of(rows, [])
    flags = population_flags(_claims(rows), corpus, frame, EVENTS)
    # RU and CA do not nest; Syria and Iraq are the parts of one whole (summed instead)
    assert [f["claims"] for f in flags] == ["C01 C02"]
    rows[1]["related_claims"] = "C01"  # a stated part-of relation is exempt
    assert population_flags(_claims(rows), corpus, frame, EVENTS) == []


def test_population_mismatch_from_the_first_word_of_a_paragraph_and_not_in_a_headline() -> None:
    text = (
        "Headline with 300 fighters\n\n"
        "4,000 came from Russia, 500 from the North Caucasus and 60 from Central Asia, said "
        "the ministry on Friday.\n\n"
        "In the second paragraph 1,700 are said to be fighting and 2,200 to have gone there.\n"
    )
    corpus = pd.DataFrame({"article_id": ["900"], "text": [text]})

    def at(claim_id: str, quote: str, **values) -> dict:
        start = text.index(quote)
        return claim(claim_id, start=start, end=start + len(quote), **values)

    rows = [
        at("C01", "300", best=300.0, population="CA"),  # in the headline: no paragraph
        at("C02", "4,000", best=4000.0, population="RU"),
        at("C03", "500", best=500.0, population="RU-NC"),  # part of C02's population
        at("C04", "60", best=60.0, population="CA"),
        at("C05", "1,700", best=1700.0, population="RU"),
        at("C06", "2,200", best=2200.0, population="RU", basis="cumulative"),  # nests
    ]
    flags = population_flags(_claims(rows), corpus, frame_of(rows, []), EVENTS)
    assert [f["claims"] for f in flags] == ["C02 C04", "C03 C04"]
    assert flags[0] == {
        "flag": "population mismatch",
        "claims": "C02 C04",
        "reason": "side by side in one paragraph, but they count populations or places that "
        "do not nest: citizens of Russia anywhere (4,000) and citizens of Central Asia "
        "anywhere (60)",
        "evidence": "C02 C04",
    }


def test_no_flags_is_an_empty_table_with_its_columns() -> None:
    rows = [claim("C01", best=300.0, start=0, end=3, related_claims=NA)]
    corpus = pd.DataFrame({"article_id": ["900"], "text": ["300 fighters."]})
    frame = frame_of(rows, [])
    flags = all_flags(_claims(rows), corpus, frame, comparisons(frame, EVENTS), EVENTS)
    assert flags.empty and list(flags.columns) == ["flag", "claims", "reason", "evidence"]


def test_corpus_flags(repo_root: Path) -> None:
    record = load_record(repo_root)
    estimates = compare_estimates(record)
    flags = all_flags(
        record.claims, record.corpus, estimates.frame, estimates.comparisons, record.nesting
    )
    by_flag = flags.groupby("flag")["claims"].apply(list).to_dict()
    assert by_flag["internal inconsistency"] == ["C05 C06"]
    assert "C08" in by_flag["disagrees with the record"]
    assert by_flag["part exceeds whole"] == ["C03"]  # Shoigu's 2,000 against the FSB's 198
    assert "C15 C16" in by_flag["disagrees with the record"]
    assert "population mismatch" not in by_flag  # C09 and C12 now nest; C10 is part of C11


def test_a_paragraph_holds_offsets_up_to_its_end_only() -> None:
    spans = [(0, 10), (12, 20)]
    assert [_paragraph_of(spans, at) for at in (0, 9, 10, 12, 19, 20)] == [0, 0, -1, 1, 1, -1]


def test_record_flags_come_in_claim_order() -> None:
    table = pd.DataFrame(
        [
            {"claim_id": c, "comparator_id": r, "verdict": "disagrees", "detail": "d"}
            for c, r in (("C09", "R01"), ("C02", "R02"), ("C05", "R03"))
        ]
    )
    assert [f["claims"] for f in record_flags(table)] == ["C02", "C05", "C09"]
