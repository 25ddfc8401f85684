"""Comparisons of estimates: nesting, verdicts, series, neighbours and implied sums, on
constructed figures and on the corpus."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from test_populations import NESTING

from claimtrail.analysis.comparisons import (
    AGREEMENT_FACTOR,
    COMPARISON_COLUMNS,
    WINDOW_DAYS,
    _months,
    comparisons,
    family,
    figure_text,
    gap_days,
    implied_sums,
    interval,
    looks_truncated,
    neighbours,
    overlaps_within,
    panel,
    point,
    relation,
    series,
    series_panels,
    timeline_frame,
)
from claimtrail.analysis.estimates import compare_estimates
from claimtrail.io.claims import CLAIM_COLUMNS
from claimtrail.io.populations import Entry, Nesting
from claimtrail.io.record import load_record
from claimtrail.io.reference import REFERENCE_SCHEMA

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
    assert set(table["verdict"]) == {"source statement"}
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


def _days_from(day: str, days: int) -> str:
    return (pd.Timestamp(day) + pd.Timedelta(days=days)).strftime("%Y-%m-%d")


def test_figures_beyond_the_window_say_how_far_and_which_way_in_words() -> None:
    frame = frame_of(
        [claim("C01", best=2000.0, as_of="2015-06-01")],
        [
            reference("R01", best=1000.0, as_of=_days_from("2015-06-01", -200)),
            reference("R02", best=500.0, as_of=_days_from("2015-06-01", 200)),
            reference("R03", low=1500.0, high=2500.0, qualifier="range", as_of="2016-06-01"),
        ],
    )
    table = comparisons(frame, EVENTS).set_index("comparator_id")
    assert table.loc["R01", "verdict"] == "earlier figure"
    assert table.loc["R01", "detail"] == (
        "7 months earlier; from it to C01: a rise by a factor of at least 2.0"
    )
    assert table.loc["R02", "verdict"] == "later figure"
    assert table.loc["R02", "detail"] == (
        "7 months later; from C01 to it: a fall by a factor of at least 4.0"
    )
    assert table.loc["R03", "detail"] == (
        "12 months later; from C01 to it: ranges overlap: no change shown"
    )


def test_a_statement_retold_as_given() -> None:
    frame = frame_of(
        [claim("C01", best=1700.0, qualifier="about", statement="R01")],
        [reference("R01", best=1700.0, qualifier="about")],
    )
    row = comparisons(frame, EVENTS).iloc[0]
    assert (row["comparator_id"], row["relation"]) == ("R01", "same")
    assert (row["verdict"], row["detail"]) == ("source statement", "retold as the source gave it")


def test_neighbours_leave_out_the_claims_own_statement_and_its_retellings() -> None:
    frame = frame_of(
        [
            claim("C01", best=2000.0, as_of="2015-06-01", statement="R01"),
            claim("C02", article_id="901", best=1900.0, as_of="2015-05-01", statement="R01"),
        ],
        [
            reference("R00", best=1000.0, as_of="2014-06-01"),
            reference("R01", best=2000.0, as_of="2015-05-01"),
        ],
        {"900": "2016-01-01", "901": "2016-02-01"},
    )
    rows = neighbours(frame, EVENTS).set_index("claim_id")
    assert rows.loc["C01", "earlier"] == "R00 (1,000, 2014-06-01)"
    assert rows.loc["C01", "earlier_change"] == "a rise by a factor of at least 2.0"


def test_a_figure_of_the_same_day_is_neither_earlier_nor_later() -> None:
    frame = frame_of([claim("C01", best=2000.0)], [reference("R01", best=1000.0)])
    row = neighbours(frame, EVENTS).iloc[0]
    assert row.to_dict() == {
        "claim_id": "C01",
        "earlier": "",
        "earlier_change": "",
        "later": "",
        "later_change": "",
    }


def test_neighbours_on_either_side_with_the_change_in_the_order_of_time() -> None:
    frame = frame_of(
        [claim("C01", best=1000.0, population="RU+CIS", as_of="2015-06-01")],
        [
            reference("R01", best=300.0, population="RU", as_of="2015-01-01"),  # a part
            reference("R02", best=3000.0, population="RU+CIS", as_of="2016-01-01"),
            reference("R03", best=5000.0, population="ALL", as_of="2015-02-01"),  # a whole
        ],
    )
    row = neighbours(frame, EVENTS).iloc[0]
    # a whole is preferred to a part, however much nearer the part
    assert row["earlier"] == "R03 (5,000, 2015-02-01): a whole holding it"
    assert row["later"] == "R02 (3,000, 2016-01-01)"
    assert row["later_change"] == "a rise by a factor of at least 3.0"
    only_a_part = frame[frame["id"] != "R03"]
    row = neighbours(only_a_part, EVENTS).iloc[0]
    assert row["earlier"] == "R01 (300, 2015-01-01): a part of what it counts"
    assert row["earlier_change"] == ""


def test_family_of_a_figure() -> None:
    frame = frame_of(
        [
            claim("C01", best=1.0, population="RU-NC"),
            claim("C02", best=1.0, population="ALL", place="SY"),
            claim("C03", best=1.0, measure="killed", basis="event", event="EV", population="RU"),
        ],
        [],
    )
    families = {r["id"]: family(r, EVENTS) for r in frame.to_dict("records")}
    assert families == {
        "C01": "fighters|population|RU+CIS",
        "C02": "fighters|place|SY+IQ",
        "C03": "killed|event|EV",
    }


def test_an_events_panel_holds_that_events_tolls_of_one_measure() -> None:
    event = {"basis": "event", "event": "EV"}
    frame = frame_of(
        [
            claim("C01", best=80.0, measure="killed", population="ALL", **event),
            claim("C02", best=20.0, measure="killed", population="RU", **event),
            claim("C03", best=200.0, measure="injured", population="ALL", **event),
            claim("C04", best=5.0, measure="killed", basis="cumulative", population="ALL"),
        ],
        [reference("R01", best=90.0, measure="killed", population="ALL", **event)],
    )
    panels = series_panels(frame, EVENTS, "killed|event|EV")
    assert [title for title, _ in panels] == ["killed in e"]
    rows = panels[0][1]
    assert sorted(rows["id"]) == ["C01", "C02", "R01"]
    assert dict(zip(rows["id"], rows["series_label"], strict=True)) == {
        "C01": "people",
        "C02": "citizens of Russia",
        "R01": "people",
    }
    assert set(rows["series"]) == {"killed in e"}
    [(title, rows)] = series_panels(frame, EVENTS, "injured|event|EV")  # a single figure
    assert (title, list(rows["id"])) == ("injured in e", ["C03"])


def test_panels_keep_only_the_places_and_kinds_of_count_asked_for() -> None:
    frame = frame_of(
        [claim("C01", best=2000.0)],
        [
            reference("R01", best=1000.0, place="IQ"),
            reference("R02", best=1500.0, place="SY"),
            reference("R03", best=300.0, place="IQ", basis="cumulative"),
        ],
    )
    _, rows = panel(frame, EVENTS, "Iraq", measure="fighters", places=["IQ"])
    assert dict(zip(rows["id"], rows["series_label"], strict=True)) == {
        "R01": "Iraq, fighting",
        "R03": "Iraq, all who went",
    }
    _, rows = panel(frame, EVENTS, "all who went", measure="fighters", bases=["cumulative"])
    assert list(rows["id"]) == ["R03"]


def test_series_lists_quantities_by_name() -> None:
    frame = frame_of(
        [claim("C01", best=1700.0, as_of="2015-01-01")],
        [reference("R01", best=300.0, population="CA", as_of="2015-06-01")],
    )
    rows = series(frame, EVENTS)
    assert list(rows["quantity"]) == [
        "fighters (fighting): citizens of Central Asia anywhere",
        "fighters (fighting): citizens of Russia anywhere",
    ]
    # a claim that retells a statement of another quantity starts its own series
    frame = frame_of(
        [claim("C01", best=1700.0, statement="R01")],
        [reference("R01", best=1700.0, basis="cumulative")],
    )
    rows = series(frame, EVENTS)
    assert dict(zip(rows["id"], rows["change"], strict=True)) == {
        "R01": "first in the record",
        "C01": "first in the record",
    }


def test_an_events_tolls_in_the_order_they_were_published() -> None:
    event = {"measure": "killed", "basis": "event", "event": "EV", "population": "ALL"}
    frame = frame_of(
        [claim("C01", best=100.0, as_of="2015-11-13", **event)],
        [
            # the revised toll is dated to the event, but was published later
            reference("R02", best=130.0, as_of="2015-11-13", published="2015-12-01", **event),
            reference("R01", best=80.0, as_of="2015-11-20", published="2015-11-20", **event),
        ],
        {"900": "2015-11-25"},
    )
    rows = series(frame, EVENTS)
    assert list(rows["quantity"].unique()) == ["killed in e"]
    assert list(zip(rows["id"], rows["change"], strict=True)) == [
        ("R01", "first in the record"),
        ("C01", "a report of the event, not a revision"),
        ("R02", "a rise by a factor of at least 1.6"),
    ]
    assert rows.iloc[1].to_dict() == {
        "quantity": "killed in e",
        "source": "corpus",
        "id": "C01",
        "as_of": "2015-11-13",
        "reported_on": "2015-11-25",
        "figure": "100",
        "speaker": "S",
        "change": "a report of the event, not a revision",
    }


def test_implied_sums_in_words_over_the_span_of_their_parts() -> None:
    """The sum's figure, dates, bounds and place are its parts' together, never its first
    part's: each row below turns on one of them."""
    parts = {"population": "ALL"}
    rows = [
        # C01 retells RS: the sum does not
        claim("C01", best=50.0, qualifier="about", place="SY", statement="RS", **parts),
        claim("C02", best=30.0, place="IQ", as_of="2015-01-01", **parts),
        claim(
            "C03",
            article_id="901",
            low=5000.0,
            high=7000.0,
            qualifier="range",
            place="SY",
            as_of="2015-01-01",
            **parts,
        ),
        claim("C04", article_id="901", best=1000.0, place="IQ", **parts),
        claim(
            "C05",
            article_id="902",
            low=220.0,
            qualifier="more_than",
            place="SY",
            as_of="2016-06-01",
            **parts,
        ),
        claim("C06", article_id="902", best=100.0, place="IQ", as_of="2016-06-01", **parts),
    ]
    whole = {"population": "ALL", "place": "SY+IQ"}
    references = [
        reference("RS", best=50.0, qualifier="about", population="ALL", place="SY"),
        reference("RE", best=805.0, as_of="2014-11-01", **whole),  # 61 days before C02
        reference("RL", best=16000.0, as_of="2015-08-31", **whole),  # 91 days after C04
        reference("RW", best=200.0, as_of="2016-06-01", **whole),
        reference("RX", best=150.0, as_of="2016-06-01", population="RU", place="SY+IQ"),
    ]
    published = dict.fromkeys(["900", "901", "902"], "2016-08-01")
    table = comparisons(frame_of(rows, references, published), EVENTS)
    found = {
        (r.claim_id, r.comparator_id): (r.verdict, r.detail)
        for r in table.itertuples()
        if "+" in r.claim_id and r.comparator_id.startswith("R")
    }
    assert found[("C01+C02", "RE")] == ("disagrees", "80 against 805: 80 looks truncated")
    assert found[("C01+C02", "RS")] == (
        "consistent with nesting",
        "RS counts people in Syria, part of C01+C02's people in Syria and Iraq: the part is "
        "no larger than the whole",
    )
    assert found[("C03+C04", "RE")] == ("disagrees", "6,000 to 8,000 against 805")
    assert found[("C03+C04", "RL")] == ("agrees", "6,000 to 8,000 against 16,000: ranges meet")
    assert found[("C05+C06", "RW")] == ("agrees", "at least 320 against 200: ranges meet")
    assert found[("C05+C06", "RX")] == (
        "consistent with nesting",
        "RX counts citizens of Russia in Syria and Iraq, part of C05+C06's people in Syria "
        "and Iraq: the part is no larger than the whole",
    )


def test_implied_sum_of_two_populations() -> None:
    nesting = Nesting(
        [
            Entry("population", "ALL", "people"),
            Entry(
                "population", "R+C", "citizens of Russia and Central Asia", ("ALL",), ("RU", "CA")
            ),
            Entry("population", "RU", "citizens of Russia", ("R+C",)),
            Entry("population", "CA", "citizens of Central Asia", ("R+C",)),
            Entry("place", "ANY", "anywhere"),
            Entry("place", "SY", "Syria", ("ANY",)),
        ]
    )
    claims = [
        claim("C01", best=300.0, population="RU", place="SY"),
        claim("C02", best=200.0, population="CA", place="SY"),
    ]
    frame = timeline_frame(
        pd.DataFrame(claims, columns=list(CLAIM_COLUMNS)),
        pd.DataFrame(
            [reference("R01", best=1000.0, population="ALL", place="SY")],
            columns=list(REFERENCE_SCHEMA.columns),
        ),
        pd.DataFrame({"article_id": ["900"], "published": ["2016-01-01"]}),
        nesting,
    )
    [total] = implied_sums(frame, nesting)
    assert (total["id"], total["population"], total["place"]) == ("C01+C02", "R+C", "SY")
    row = (
        comparisons(frame, nesting).set_index(["claim_id", "comparator_id"]).loc[("C01+C02", "R01")]
    )
    assert (row["relation"], row["verdict"]) == ("contained", "consistent with nesting")
    assert row["detail"] == (
        "C01+C02 counts citizens of Russia and Central Asia in Syria, part of R01's people in "
        "Syria: the part is no larger than the whole"
    )


def test_a_comparison_row_carries_the_comparators_figure() -> None:
    frame = frame_of(
        [claim("C01", best=1000.0)],
        [
            reference("R02", low=1000.0, high=2000.0, qualifier="range", place="SY+IQ"),
            reference("R01", best=1200.0, as_of="2015-05-20"),
        ],
    )
    table = comparisons(frame, EVENTS)
    assert list(table.index) == [0, 1]  # numbered in the order of the comparator's date
    rows = table.to_dict("records")
    assert rows[0] == {
        "claim_id": "C01",
        "comparator_id": "R01",
        "comparator_source": "reference",
        "relation": "same",
        "comparator_as_of": "2015-05-20",
        "low": pytest.approx(NA, nan_ok=True),
        "best": 1200.0,
        "high": pytest.approx(NA, nan_ok=True),
        "verdict": "agrees",
        "detail": "1,000 against 1,200: ranges meet",
    }
    assert (rows[1]["low"], rows[1]["high"], rows[1]["comparator_source"]) == (
        1000.0,
        2000.0,
        "reference",
    )
    assert math.isnan(rows[1]["best"])


def test_a_claim_with_nothing_to_meet_has_an_empty_table() -> None:
    table = comparisons(frame_of([claim("C01", best=1000.0)], []), EVENTS)
    assert table.empty and list(table.columns) == list(COMPARISON_COLUMNS)


def test_part_and_whole_at_the_factor_and_window_boundaries() -> None:
    bound = AGREEMENT_FACTOR**2 * 1000.0  # the part's lowest value the tolerance allows
    inside = _days_from("2015-06-01", WINDOW_DAYS)
    outside = _days_from("2015-06-01", WINDOW_DAYS + 1)
    frame = frame_of(
        [claim("C01", best=1000.0, place="SY+IQ")],
        [
            reference("R01", best=bound, place="SY"),
            reference("R02", best=bound * 1.01, place="SY"),
            reference("R03", best=10.0, place="IQ", as_of=inside),
            reference("R04", best=10.0, place="IQ", as_of=outside),
        ],
    )
    assert verdicts(frame) == {
        ("C01", "R01"): "consistent with nesting",
        ("C01", "R02"): "part exceeds whole",
        ("C01", "R03"): "consistent with nesting",
    }


def test_equal_figures_months_apart_show_no_change() -> None:
    frame = frame_of(
        [claim("C01", best=1000.0)],
        [
            reference("R01", best=1000.0, as_of="2014-06-01"),
            reference("R02", best=1000.0, as_of="2016-06-01"),
        ],
    )
    details = comparisons(frame, EVENTS)["detail"]
    assert list(details) == [
        "12 months earlier; from it to C01: ranges overlap: no change shown",
        "12 months later; from C01 to it: ranges overlap: no change shown",
    ]


def test_a_sum_never_meets_its_own_parts() -> None:
    frame = frame_of(
        [
            claim("C01", best=50.0, population="ALL", place="SY"),
            claim("C02", best=30.0, population="ALL", place="IQ"),
        ],
        [],
    )
    assert [s["id"] for s in implied_sums(frame, EVENTS)] == ["C01+C02"]
    assert comparisons(frame, EVENTS).empty


def test_parts_are_summed_in_every_group_of_an_article() -> None:
    frame = frame_of(
        [
            claim("C01", best=50.0, population="ALL", place="SY"),  # alone: no sum
            claim("C02", best=30.0, population="RU", place="SY"),
            claim("C03", best=20.0, population="RU", place="IQ"),
        ],
        [],
    )
    assert [s["id"] for s in implied_sums(frame, EVENTS)] == ["C02+C03"]


def test_a_later_revision_says_when_it_was_published() -> None:
    event = {"measure": "killed", "basis": "event", "event": "EV", "population": "ALL"}
    frame = frame_of(
        [claim("C01", best=80.0, **event)],
        [reference("R01", best=300.0, published="2016-01-01", **event)],
    )
    row = comparisons(frame, EVENTS).iloc[0]
    assert (row["verdict"], row["detail"]) == (
        "later revision",
        "published 2016-01-01, after the claim's article (2016-01-01): not held against it",
    )


@pytest.mark.parametrize(
    ("days", "words"),
    [(0, "0 days"), (15, "15 days"), (30, "1 month"), (45, "1 month"), (61, "2 months")],
)
def test_a_gap_in_days_or_months(days: int, words: str) -> None:
    assert _months(days) == words


def test_an_events_toll_meets_only_its_own_event_whatever_the_basis() -> None:
    toll, figure = frame_of(
        [claim("C01", measure="killed", basis="event", event="EV", best=80.0)],
        [reference("R01", measure="killed", best=80.0)],
    ).to_dict("records")
    assert relation(toll, figure, EVENTS, any_basis=True) is None
    assert relation(figure, toll, EVENTS, any_basis=True) is None


def test_boundaries_of_gaps_overlaps_and_truncation() -> None:
    day = pd.Timestamp("2015-06-01")
    overlapping = {"earliest": day, "latest": day + pd.Timedelta(days=30)}
    inside = {"earliest": day + pd.Timedelta(days=3), "latest": day + pd.Timedelta(days=4)}
    assert gap_days(overlapping, inside) == gap_days(inside, overlapping) == 0
    assert overlaps_within((100.0, 100.0), (400.0, 400.0), 2.0)  # 100 * 2 == 400 / 2
    assert not overlaps_within((100.0, 100.0), (401.0, 401.0), 2.0)
    assert not looks_truncated(231.0, 231.0)  # a figure does not truncate itself
    assert looks_truncated(23.0, 231.0)


def test_a_sum_of_a_point_and_a_range_is_a_range_without_a_best_figure() -> None:
    frame = frame_of(
        [
            claim("C01", best=50000.0, place="SY"),
            claim("C02", low=20000.0, high=30000.0, qualifier="range", place="IQ"),
        ],
        [],
    )
    (total,) = implied_sums(frame, EVENTS)
    assert (total["low"], total["high"], total["qualifier"]) == (70000.0, 80000.0, "range")
    assert pd.isna(total["best"])


def test_tables_are_numbered_afresh_after_sorting() -> None:
    frame = frame_of(
        [claim("C01", best=1100.0, as_of="2015-06-03"), claim("C02", best=1000.0)],
        [reference("R01", best=1200.0, as_of="2015-05-20")],
    )
    assert list(frame["id"]) == ["R01", "C02", "C01"]  # in as-of order
    assert list(frame.index) == [0, 1, 2]
    table = comparisons(frame, EVENTS)
    assert list(table["claim_id"][:2]) == ["C01", "C01"]
    assert list(table.index) == list(range(len(table)))


def test_a_panel_applies_every_filter_it_is_given() -> None:
    frame = frame_of(
        [
            claim("C01", best=1000.0, population="RU", place="SY"),
            claim("C02", best=1000.0, population="RU", place="IQ"),
            claim("C03", best=1000.0, population="RU", place="SY", basis="suspected"),
        ],
        [],
    )
    _, rows = panel(frame, EVENTS, "t", measure="fighters", places=["SY"], bases=["fighting"])
    assert list(rows["id"]) == ["C01"]


def test_dates_as_their_windows_allow() -> None:
    """An as-of month runs from its first day to its last; an article is taken as published
    at the first day it may have been, an outside figure at the last (so that "published
    before the article" is never a guess)."""
    frame = frame_of(
        [claim("C01", best=1.0, as_of="2015-06", as_of_precision="month")],
        [reference("R01", best=1.0, published="2015-07")],
        published={"900": "2015-08"},
    ).set_index("id")
    row, ref = frame.loc["C01"], frame.loc["R01"]
    assert (row["earliest"], row["latest"]) == (date(2015, 6, 1), date(2015, 6, 30))
    assert (row["reported"], ref["reported"]) == (date(2015, 8, 1), date(2015, 7, 31))
    assert frame.loc["R01", "statement"] is None and frame.loc["R01", "article_id"] is None


def test_overlap_at_the_factor_on_either_side() -> None:
    assert overlaps_within((400.0, 400.0), (100.0, 100.0), 2.0)  # 400 / 2 == 100 * 2
    assert not overlaps_within((401.0, 401.0), (100.0, 100.0), 2.0)


def test_an_open_sum_keeps_no_best_figure() -> None:
    frame = frame_of(
        [
            claim("C01", best=50000.0, place="SY"),
            claim("C02", low=20000.0, qualifier="at_least", place="IQ"),
        ],
        [],
    )
    (total,) = implied_sums(frame, EVENTS)
    assert (total["low"], total["qualifier"]) == (70000.0, "at_least")
    assert pd.isna(total["best"]) and pd.isna(total["high"])


def test_an_open_sum_after_a_range_keeps_no_upper_bound() -> None:
    frame = frame_of(
        [
            claim("C01", low=10.0, high=20.0, qualifier="range", place="SY"),
            claim("C02", low=5.0, qualifier="at_least", place="IQ"),
        ],
        [],
    )
    (total,) = implied_sums(frame, EVENTS)
    assert (total["low"], total["qualifier"]) == (15.0, "at_least")
    assert pd.isna(total["high"])


def test_a_group_without_a_whole_does_not_stop_the_next() -> None:
    frame = frame_of(
        [
            claim("C01", best=50.0, population="CA", place="SY"),
            claim("C02", best=60.0, population="CA", place="ANY"),  # SY and ANY make no whole
            claim("C03", best=30.0, population="RU", place="SY"),
            claim("C04", best=20.0, population="RU", place="IQ"),
        ],
        [],
    )
    assert [s["id"] for s in implied_sums(frame, EVENTS)] == ["C03+C04"]
