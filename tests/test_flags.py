"""Flags on corpus claims: each fires where it should and not where it should not."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from test_comparisons import EVENTS, claim, frame_of, reference

from claimtrail.comparisons import comparisons
from claimtrail.estimates import compare_estimates
from claimtrail.flags import (
    MULTIPLIER_TOLERANCE,
    STALE_AFTER_DAYS,
    all_flags,
    currency,
    multiplier_flags,
    population_flags,
    record_flags,
    retelling_flags,
    staleness_flags,
)
from claimtrail.record import load_record

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


def test_the_earlier_term_of_a_stated_comparison_is_not_stale() -> None:
    rows = [
        claim("C01", best=10000.0, related_claims="C02", as_of="2016-04-01"),
        claim("C02", best=100.0, as_of="2015-04-01"),
    ]
    refs = [reference("R01", best=3000.0, as_of="2015-10-08", published="2015-10-08")]
    frame = frame_of(rows, refs, {"900": "2016-08-02"})
    assert staleness_flags(_claims(rows), frame, EVENTS) == []
    ages = currency(_claims(rows), frame, EVENTS).set_index("claim_id")
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
