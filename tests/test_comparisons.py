"""Comparability groups, changes and flags, on constructed claims and on the corpus."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from claimtrail.claims import CLAIM_COLUMNS, load_claims
from claimtrail.comparisons import (
    all_flags,
    disagreement_flags,
    figure_text,
    group_changes,
    group_label,
    interval,
    multiplier_flags,
    point,
    population_flags,
    staleness_flags,
    timeline_frame,
)
from claimtrail.corpus import load_corpus
from claimtrail.reference import REFERENCE_SCHEMA, load_reference

NA = float("nan")


def _claim(claim_id: str, **values) -> dict:
    row = dict.fromkeys(CLAIM_COLUMNS, pd.NA)
    row.update(
        claim_id=claim_id,
        article_id="900",
        start=0,
        end=5,
        quote=f"quote {claim_id}",
        measure="fighters",
        population="citizens of X",
        place="Y",
        low=NA,
        best=NA,
        high=NA,
        qualifier="none",
        as_of="2015",
        as_of_precision="year",
        speaker="S",
        multiplier=NA,
    )
    row.update(values)
    return row


def _reference(ref_id: str, **values) -> dict:
    row = dict.fromkeys(REFERENCE_SCHEMA.columns, pd.NA)
    row.update(
        ref_id=ref_id,
        measure="fighters",
        population="citizens of X",
        place="Y",
        low=NA,
        best=NA,
        high=NA,
        qualifier="none",
        as_of="2015",
        as_of_precision="year",
        speaker="Ministry",
        quote=f"reference {ref_id}",
    )
    row.update(values)
    return row


def _frames(claims: list[dict], references: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    return pd.DataFrame(claims), pd.DataFrame(references, columns=list(REFERENCE_SCHEMA.columns))


@pytest.mark.parametrize(
    ("values", "expected_interval", "expected_point"),
    [
        ({"best": 1700.0}, (1700.0, 1700.0), 1700.0),
        ({"low": 220.0}, (220.0, math.inf), 220.0),
        ({"high": 4000.0}, (0.0, 4000.0), 4000.0),
        ({"low": 5000.0, "high": 7000.0}, (5000.0, 7000.0), math.sqrt(5000 * 7000)),
        ({"best": 3000.0, "high": 3000.0}, (3000.0, 3000.0), 3000.0),
    ],
)
def test_interval_and_point(values: dict, expected_interval: tuple, expected_point: float) -> None:
    row = {"low": NA, "best": NA, "high": NA, **values}
    assert interval(row) == expected_interval
    assert point(row) == pytest.approx(expected_point)


def test_group_label_never_merges_populations() -> None:
    a = group_label({"measure": "fighters", "population": "citizens of Russia", "place": "Iraq"})
    b = group_label(
        {"measure": "fighters", "population": "citizens of Russia and the CIS", "place": "Iraq"}
    )
    assert a != b
    assert group_label({"measure": "killed", "population": "p", "place": pd.NA}).endswith(
        "place not stated"
    )


def test_group_changes_in_time_order() -> None:
    claims, refs = _frames(
        [
            _claim("C02", best=3000.0, as_of="2016-01", as_of_precision="month"),
            _claim("C01", best=1000.0, as_of="2015-01", as_of_precision="month"),
        ],
        [_reference("R01", best=900.0, as_of="2017", as_of_precision="year")],
    )
    changes = group_changes(timeline_frame(claims, refs))
    assert list(changes["id"]) == ["C01", "C02", "R01"]
    assert changes["change"].tolist()[1] == "up, x3.0 at least"
    assert changes["change"].tolist()[2].startswith("down")
    assert changes["days_since_previous"].tolist()[1] == 335


def test_single_figure_groups_have_no_changes() -> None:
    claims, refs = _frames([_claim("C01", best=10.0)], [])
    assert group_changes(timeline_frame(claims, refs)).empty


def test_multiplier_inconsistency() -> None:
    claims, refs = _frames(
        [
            _claim(
                "C01",
                best=10000.0,
                multiplier=10.0,
                multiplier_quote="increased tenfold",
                related_claims="C02",
            ),
            _claim("C02", best=100.0),
        ],
        [],
    )
    flags = multiplier_flags(claims, timeline_frame(claims, refs))
    assert len(flags) == 1
    assert "x10" in flags[0]["reason"] and "x100" in flags[0]["reason"]
    assert "increased tenfold" in flags[0]["quotes"]


def test_consistent_multiplier_is_not_flagged() -> None:
    claims, refs = _frames(
        [
            _claim(
                "C01",
                best=1000.0,
                multiplier=10.0,
                multiplier_quote="tenfold",
                related_claims="C02",
            ),
            _claim("C02", best=100.0),
        ],
        [],
    )
    assert multiplier_flags(claims, timeline_frame(claims, refs)) == []


def test_staleness() -> None:
    corpus = pd.DataFrame({"article_id": ["900"], "published": ["2016-08-02"]})
    claims, refs = _frames(
        [
            _claim("C01", best=5.0, as_of="2015-10", as_of_precision="month"),
            _claim("C02", best=6.0, as_of="2016-05", as_of_precision="month", population="other"),
            _claim(
                "C03",
                best=7.0,
                as_of="2014",
                as_of_precision="year",
                population="z",
                related_claims=pd.NA,
            ),
            _claim(
                "C04",
                best=8.0,
                population="z",
                as_of="2016",
                as_of_precision="year",
                multiplier=NA,
                related_claims="C03",
            ),
        ],
        [_reference("R01", best=9.0, as_of="2016-01", as_of_precision="month")],
    )
    flags = staleness_flags(claims, corpus, timeline_frame(claims, refs))
    assert [f["claims"] for f in flags] == ["C01"]  # C02 is recent, C03 is a comparison base
    assert "276 days" in flags[0]["reason"] and "R01" in flags[0]["reason"]


def test_disagreement_and_truncation() -> None:
    claims, refs = _frames(
        [
            _claim("C01", measure="injured", best=23.0, as_of="2016-07-23", as_of_precision="day"),
            _claim("C02", measure="killed", best=80.0, as_of="2016-07-23", as_of_precision="day"),
        ],
        [
            _reference(
                "R01",
                measure="injured",
                low=231.0,
                qualifier="at_least",
                as_of="2016-07-23",
                as_of_precision="day",
            ),
            _reference(
                "R02", measure="killed", best=80.0, as_of="2016-07-23", as_of_precision="day"
            ),
            _reference("R03", measure="killed", best=500.0, as_of="2018", as_of_precision="year"),
        ],
    )
    flags = disagreement_flags(timeline_frame(claims, refs))
    assert [f["claims"] for f in flags] == ["C01"]  # R03 is too far in time to compare
    assert "looks truncated" in flags[0]["reason"]


def test_population_mismatch_cases() -> None:
    text = "First paragraph with 300 and 4,000 here.\nSecond paragraph, 1,700 said.\n"
    corpus = pd.DataFrame({"article_id": ["900", "901"], "text": [text, text]})
    claims, _ = _frames(
        [
            _claim("C01", start=21, end=24, best=300.0, population="citizens of T"),
            _claim(
                "C02",
                start=29,
                end=34,
                high=4000.0,
                qualifier="up_to",
                population="citizens of Central Asia",
            ),
            _claim("C03", start=59, end=64, best=1700.0, place="Iraq"),
            _claim("C04", article_id="901", start=59, end=64, best=1700.0, place="Syria and Iraq"),
        ],
        [],
    )
    flags = population_flags(claims, corpus)
    assert [f["claims"] for f in flags] == ["C01 C02", "C03 C04"]
    claims.loc[1, "related_claims"] = "C01"  # a stated part-of relation is exempt
    assert [f["claims"] for f in population_flags(claims, corpus)] == ["C03 C04"]


def test_corpus_flags(repo_root: Path) -> None:
    corpus = load_corpus(repo_root)
    flags = all_flags(load_claims(repo_root, corpus), corpus, load_reference(repo_root))
    by_flag = flags.groupby("flag")["claims"].apply(list).to_dict()
    assert by_flag["internal inconsistency"] == ["text C05 C06"]
    assert "C08" in by_flag["disagrees with the record"]
    assert "C02" in by_flag["stale"]
    assert "C09 C12" in by_flag["population mismatch"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"qualifier": "range", "low": 5000.0, "high": 7000.0}, "5,000 to 7,000"),
        ({"qualifier": "more_than", "low": 220.0}, "more than 220"),
        ({"qualifier": "up_to", "high": 4000.0}, "up to 4,000"),
        ({"qualifier": "vague", "low": 200.0}, "200 or more (vague)"),
        ({"qualifier": "about", "best": 1700.0}, "about 1,700"),
        ({"qualifier": "none", "best": 23.0}, "23"),
    ],
)
def test_figure_text(values: dict, expected: str) -> None:
    assert figure_text({"low": NA, "best": NA, "high": NA, **values}) == expected
