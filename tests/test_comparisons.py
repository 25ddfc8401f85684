"""Comparisons of estimates: nesting, verdicts, series, neighbours and implied sums, on
constructed figures and on the corpus."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from test_populations import NESTING

from claimtrail.claims import CLAIM_COLUMNS
from claimtrail.comparisons import (
    AGREEMENT_FACTOR,
    WINDOW_DAYS,
    comparisons,
    figure_text,
    implied_sums,
    interval,
    neighbours,
    panel,
    point,
    relation,
    series,
    series_panels,
    timeline_frame,
)
from claimtrail.estimates import compare_estimates
from claimtrail.record import load_record
from claimtrail.reference import REFERENCE_SCHEMA

NA = float("nan")
EVENTS = NESTING.__class__(
    [*NESTING.entries.values(), NESTING.entries[("place", "ANY")].__class__("event", "EV", "e")]
)


def claim(claim_id: str, **values) -> dict:
    row = dict.fromkeys(CLAIM_COLUMNS, pd.NA)
    row.update(
        claim_id=claim_id,
        article_id="900",
        quote=f"quote {claim_id}",
        measure="fighters",
        basis="fighting",
        population="RU",
        place="ANY",
        low=NA,
        best=NA,
        high=NA,
        qualifier="none",
        as_of="2015-06-01",
        as_of_precision="day",
        speaker="S",
        origin="Russian government",
        multiplier=NA,
    )
    row.update(values)
    return row


def reference(ref_id: str, **values) -> dict:
    row = dict.fromkeys(REFERENCE_SCHEMA.columns, pd.NA)
    row.update(
        ref_id=ref_id,
        measure="fighters",
        basis="fighting",
        population="RU",
        place="ANY",
        low=NA,
        best=NA,
        high=NA,
        qualifier="none",
        as_of="2015-06-01",
        as_of_precision="day",
        speaker="Ministry",
        quote=f"reference {ref_id}",
        origin="Russian government",
    )
    row.update(values)
    return row


def frame_of(
    claims: list[dict], references: list[dict], published: dict[str, str] | None = None
) -> pd.DataFrame:
    published = published or {"900": "2016-01-01"}
    corpus = pd.DataFrame({"article_id": list(published), "published": list(published.values())})
    return timeline_frame(
        pd.DataFrame(claims, columns=list(CLAIM_COLUMNS)),
        pd.DataFrame(references, columns=list(REFERENCE_SCHEMA.columns)),
        corpus,
        EVENTS,
    )


def verdicts(frame: pd.DataFrame) -> dict[tuple[str, str], str]:
    table = comparisons(frame, EVENTS)
    return {(r.claim_id, r.comparator_id): r.verdict for r in table.itertuples()}


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


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ({}, {}, "same"),
        ({"population": "RU+CIS"}, {"population": "RU-NC"}, "contains"),
        ({"place": "IQ"}, {"place": "SY+IQ"}, "contained"),
        # population wider, place narrower: neither holds the other
        ({"population": "RU+CIS", "place": "IQ"}, {"place": "SY+IQ"}, None),
        ({"population": "RU"}, {"population": "CA"}, None),
        ({}, {"basis": "cumulative"}, None),  # another kind of count
        ({}, {"measure": "killed", "basis": "cumulative"}, None),
        (
            {"measure": "killed", "basis": "event", "event": "EV"},
            {"measure": "killed", "basis": "event", "event": "EV", "population": "CA"},
            "same event",
        ),
    ],
)
def test_relation(a: dict, b: dict, expected: str | None) -> None:
    base = {"measure": "fighters", "basis": "fighting", "population": "RU", "place": "ANY"}
    base["event"] = NA
    assert relation({**base, **a}, {**base, **b}, EVENTS) == expected


def test_relation_any_basis_for_a_source_statement() -> None:
    a = {"measure": "fighters", "basis": "fighting", "population": "RU", "place": "IQ"}
    b = {**a, "basis": "cumulative", "place": "ANY"}
    a["event"] = b["event"] = NA
    assert relation(a, b, EVENTS) is None
    assert relation(a, b, EVENTS, any_basis=True) == "contained"


def test_agreement_at_the_factor_boundary() -> None:
    factor = AGREEMENT_FACTOR**2  # widened by the factor on both sides, the ranges just meet
    frame = frame_of(
        [claim("C01", best=1000.0)],
        [reference("R01", best=1000.0 * factor), reference("R02", best=1000.0 * factor * 1.01)],
    )
    assert verdicts(frame) == {("C01", "R01"): "agrees", ("C01", "R02"): "disagrees"}


def test_window_boundary_separates_agreement_from_change() -> None:
    day = pd.Timestamp("2015-06-01")
    inside = (day + pd.Timedelta(days=WINDOW_DAYS)).strftime("%Y-%m-%d")
    outside = (day + pd.Timedelta(days=WINDOW_DAYS + 1)).strftime("%Y-%m-%d")
    frame = frame_of(
        [claim("C01", best=1000.0)],
        [reference("R01", best=5000.0, as_of=inside), reference("R02", best=5000.0, as_of=outside)],
    )
    table = comparisons(frame, EVENTS).set_index("comparator_id")
    assert table.loc["R01", "verdict"] == "disagrees"
    assert table.loc["R02", "verdict"] == "later figure"
    assert "a rise by a factor of at least 5.0" in table.loc["R02", "detail"]


def test_parts_and_wholes_within_the_window_only() -> None:
    frame = frame_of(
        [claim("C01", best=7000.0, place="SY")],
        [
            reference("R01", low=2000.0, high=3000.0, qualifier="range", place="SY+IQ"),
            reference("R05", best=4000.0, place="SY+IQ"),  # smaller, but within the tolerance
            reference("R02", best=9000.0, place="SY+IQ", as_of="2015-06-20"),
            reference("R03", best=100.0, place="SY+IQ", as_of="2017-01-01"),  # too far: unsaid
            reference("R04", best=100.0, population="RU-NC", place="SY"),
        ],
    )
    table = comparisons(frame, EVENTS).set_index("comparator_id")
    assert table.loc["R01", "verdict"] == "part exceeds whole"
    assert table.loc["R01", "relation"] == "contained"
    assert table.loc["R02", "verdict"] == "consistent with nesting"
    assert table.loc["R05", "verdict"] == "consistent with nesting"
    assert table.loc["R04", "relation"] == "contains"
    assert table.loc["R04", "verdict"] == "consistent with nesting"
    assert "R03" not in table.index


def test_truncation_is_named() -> None:
    frame = frame_of(
        [claim("C01", measure="injured", basis="event", event="EV", population="ALL", best=23.0)],
        [
            reference(
                "R01",
                measure="injured",
                basis="event",
                event="EV",
                population="ALL",
                low=231.0,
                qualifier="at_least",
                published="2015-06-02",
            )
        ],
    )
    row = comparisons(frame, EVENTS).iloc[0]
    assert (row["relation"], row["verdict"]) == ("same event", "disagrees")
    assert "23 looks truncated" in row["detail"]


def test_event_revisions_after_publication_are_not_held_against_a_claim() -> None:
    event = {"measure": "killed", "basis": "event", "event": "EV", "population": "ALL"}
    frame = frame_of(
        [claim("C01", best=80.0, **event)],
        [
            reference("R01", best=80.0, published="2015-12-31", **event),
            reference("R02", best=300.0, published="2016-01-01", **event),  # the article's day
            reference("R03", best=300.0, published="2017-02", as_of="2017-02", **event),
        ],
    )
    assert verdicts(frame) == {
        ("C01", "R01"): "agrees",
        ("C01", "R02"): "later revision",
        ("C01", "R03"): "later revision",
    }


def test_source_statement_and_its_retellings() -> None:
    frame = frame_of(
        [
            claim("C01", best=1700.0, qualifier="about", place="IQ", statement="R01"),
            claim("C02", article_id="901", best=1700.0, qualifier="about", statement="R01"),
        ],
        [reference("R01", best=1700.0, qualifier="about", basis="cumulative")],
        {"900": "2016-01-01", "901": "2016-02-01"},
    )
    table = comparisons(frame, EVENTS)
    # each claim meets its statement, never the other retelling of it
    assert sorted(zip(table["claim_id"], table["comparator_id"], strict=True)) == [
        ("C01", "R01"),
        ("C02", "R01"),
    ]
    details = dict(zip(table["claim_id"], table["detail"], strict=True))
    assert details["C02"] == (
        "the retelling changed the kind of count (cumulative became fighting)"
    )
    assert details["C01"] == (
        "the retelling changed the kind of count (cumulative became fighting); "
        "the place (anywhere became Iraq)"
    )


def test_implied_sum_of_two_places() -> None:
    frame = frame_of(
        [
            claim("C01", best=50000.0, population="ALL", place="SY"),
            claim("C02", best=30000.0, population="ALL", place="IQ"),
            claim("C03", best=10.0, population="RU", place="SY"),
        ],
        [
            reference(
                "R01", low=20000.0, high=31500.0, qualifier="range", population="ALL", place="SY+IQ"
            )
        ],
    )
    sums = implied_sums(frame, EVENTS)
    assert [s["id"] for s in sums] == ["C01+C02"]
    assert (sums[0]["place"], sums[0]["best"], figure_text(sums[0])) == ("SY+IQ", 80000.0, "80,000")
    table = comparisons(frame, EVENTS)
    rows = table[table["claim_id"] == "C01+C02"].set_index("comparator_id")
    assert (rows.loc["R01", "relation"], rows.loc["R01", "verdict"]) == ("same", "disagrees")
    assert rows.loc["C03", "verdict"] == "consistent with nesting"


def test_series_marks_changes_and_retellings() -> None:
    frame = frame_of(
        [claim("C01", best=1700.0, as_of="2015-04-10", statement="R01")],
        [
            reference("R01", best=1700.0, as_of="2015-04-10"),
            reference("R02", best=2400.0, as_of="2015-09-18"),
            reference("R00", best=1700.0, as_of="2015-02-01"),
        ],
    )
    rows = series(frame, EVENTS)
    assert list(rows["id"]) == ["R00", "C01", "R01", "R02"]
    change = dict(zip(rows["id"], rows["change"], strict=True))
    assert change["R00"] == "first in the record"
    assert change["C01"] == "retells R01"
    assert change["R02"] == "a rise by a factor of at least 1.4"


def test_neighbours_prefer_the_same_quantity() -> None:
    frame = frame_of(
        [claim("C01", best=2000.0, as_of="2015-06-01")],
        [
            reference("R01", best=1000.0, as_of="2015-01-01"),
            reference("R02", best=1500.0, as_of="2015-05-01", place="IQ"),  # nearer, but a part
            reference("R03", best=5000.0, as_of="2016-01-01", population="RU+CIS"),
        ],
    )
    row = neighbours(frame, EVENTS).iloc[0]
    assert row["earlier"].startswith("R01") and row["earlier_change"].startswith("a rise")
    assert row["later"].endswith("a whole holding it") and row["later_change"] == ""


def test_panels_join_only_one_quantity() -> None:
    frame = frame_of(
        [claim("C01", best=2000.0)],
        [
            reference("R01", best=1000.0, place="IQ"),
            reference("R02", best=1500.0, place="IQ", as_of="2015-09-01"),
            reference("R03", best=300.0, population="RU-NC", basis="cumulative"),
        ],
    )
    panels = series_panels(frame, EVENTS, "fighters|population|RU+CIS")
    assert [title for title, _ in panels] == [
        "citizens of Russia",
        "residents of the North Caucasus",
    ]
    rows = panels[0][1].set_index("id")
    assert rows.loc["R01", "series"] == rows.loc["R02", "series"] != rows.loc["C01", "series"]
    assert list(rows["series_label"]) == ["anywhere", "Iraq", "Iraq"]  # one population, one kind
    title, mixed = panel(frame, EVENTS, "all", measure="fighters", populations=["RU", "RU-NC"])
    labels = dict(zip(mixed["id"], mixed["series_label"], strict=True))
    assert labels["R03"] == "residents of the North Caucasus, anywhere, all who went"
    assert labels["R01"] == "citizens of Russia, Iraq, fighting"


def test_corpus_comparisons(repo_root: Path) -> None:
    record = load_record(repo_root)
    estimates = compare_estimates(record)
    table = estimates.comparisons.set_index(["claim_id", "comparator_id"])
    assert table.loc[("C08", "R23"), "verdict"] == "disagrees"
    assert "looks truncated" in table.loc[("C08", "R23"), "detail"]
    assert table.loc[("C03", "R97"), "verdict"] == "part exceeds whole"
    assert table.loc[("C15", "R15"), "verdict"] == "consistent with nesting"
    assert table.loc[("C15+C16", "R15"), "verdict"] == "disagrees"
    assert table.loc[("C04", "C03"), "verdict"] == "consistent with nesting"
    # the same Smirnov statement is no longer two populations: both retell R03
    assert table.loc[("C09", "R03"), "verdict"] == table.loc[("C12", "R03"), "verdict"]
