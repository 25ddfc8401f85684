"""Estimates over time: comparability groups, changes within a group, and computed flags.

Two figures are comparable only when they count the same thing: the same measure, the
same population and the same place (the *comparability group*). Figures from different
groups are never merged; at most they are flagged when a text sets them side by side.

Each flag returned here carries the ids and verbatim quotes that triggered it and a
reason in words, so a reader can check it against the text.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from claimtrail.furniture import body_spans
from claimtrail.timeref import date_bounds

GROUP_KEY = ("measure", "population", "place")
STALE_AFTER_DAYS = 180
DISAGREEMENT_WINDOW_DAYS = 92
DISAGREEMENT_FACTOR = 1.5
MULTIPLIER_TOLERANCE = 1.5
FLAG_COLUMNS = ("flag", "claims", "quotes", "reason")


def group_label(row: pd.Series | dict) -> str:
    """The comparability group of a claim or reference row: "measure | population | place"."""
    place = row["place"] if isinstance(row["place"], str) and row["place"] else "place not stated"
    return f"{row['measure']} | {row['population']} | {place}"


def interval(row: pd.Series | dict) -> tuple[float, float]:
    """The range of values a figure allows: open bounds run to 0 or to infinity.

    "about N" and a bare N are the point N; "more than N" is [N, inf); "up to N" is [0, N].
    """
    best = row["best"]
    low = row["low"] if not pd.isna(row["low"]) else best
    high = row["high"] if not pd.isna(row["high"]) else best
    return (0.0 if pd.isna(low) else float(low), math.inf if pd.isna(high) else float(high))


def point(row: pd.Series | dict) -> float:
    """One value to place a figure on a chart: best, else the middle of a closed range,
    else its one stated bound."""
    if not pd.isna(row["best"]):
        return float(row["best"])
    if not pd.isna(row["low"]) and not pd.isna(row["high"]):
        return math.sqrt(float(row["low"]) * float(row["high"]))
    bound = row["low"] if not pd.isna(row["low"]) else row["high"]
    return float(bound)


def timeline_frame(claims: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Corpus claims and reference figures in one frame, each row marked by ``source``.

    Columns: source (corpus|reference), id, article_id, group, measure, population, place,
    low, best, high, qualifier, as_of, as_of_precision, earliest, latest (the days the
    as-of date allows), point, lower, upper (the interval; open bounds are 0 or inf),
    quote, speaker. Sorted by group, then earliest date, then id.
    """
    corpus_rows = claims.assign(source="corpus", id=claims["claim_id"])
    reference_rows = reference.assign(source="reference", id=reference["ref_id"], article_id=pd.NA)
    keep = [
        "source",
        "id",
        "article_id",
        "measure",
        "population",
        "place",
        "low",
        "best",
        "high",
        "qualifier",
        "as_of",
        "as_of_precision",
        "quote",
        "speaker",
        "origin",
    ]
    frame = pd.concat([corpus_rows[keep], reference_rows[keep]], ignore_index=True)
    frame["group"] = [group_label(r) for r in frame.to_dict("records")]
    bounds = [date_bounds(v) for v in frame["as_of"]]
    frame["earliest"] = [b[0] for b in bounds]
    frame["latest"] = [b[1] for b in bounds]
    records = frame.to_dict("records")
    frame["point"] = [point(r) for r in records]
    intervals = [interval(r) for r in records]
    frame["lower"] = [i[0] for i in intervals]
    frame["upper"] = [i[1] for i in intervals]
    return frame.sort_values(["group", "earliest", "id"], ignore_index=True)


def _gap_days(first: tuple[date, date], second: tuple[date, date]) -> int:
    """Fewest days between two date ranges (0 when they overlap)."""
    if first[1] < second[0]:
        return (second[0] - first[1]).days
    if second[1] < first[0]:
        return (first[0] - second[1]).days
    return 0


def _change(previous: pd.Series, current: pd.Series) -> str:
    """How a figure compares with the previous one of its group, in words."""
    if previous["upper"] < current["lower"]:
        return f"up, x{current['lower'] / previous['upper']:.1f} at least"
    if current["upper"] < previous["lower"]:
        return f"down, x{current['upper'] / previous['lower']:.2f} at most"
    return "consistent (ranges overlap)"


def group_changes(frame: pd.DataFrame) -> pd.DataFrame:
    """For each group with two figures or more, the figures in time order with the change.

    ``change`` compares each figure's interval with the previous one's: "up" or "down" by
    at least the stated factor when they do not overlap, else "consistent".
    ``days_since_previous`` is the fewest days between the two as-of dates.
    """
    parts = []
    for _, group in frame.groupby("group", sort=True):
        if len(group) < 2:
            continue
        group = group.sort_values(["earliest", "id"]).reset_index(drop=True)
        changes, days = [""], [pd.NA]
        for i in range(1, len(group)):
            previous, current = group.iloc[i - 1], group.iloc[i]
            changes.append(_change(previous, current))
            days.append(
                _gap_days(
                    (previous["earliest"], previous["latest"]),
                    (current["earliest"], current["latest"]),
                )
            )
        parts.append(group.assign(change=changes, days_since_previous=days))
    columns = [
        "group",
        "source",
        "id",
        "as_of",
        "low",
        "best",
        "high",
        "qualifier",
        "change",
        "days_since_previous",
    ]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]


def _flag(flag: str, rows: list[pd.Series], reason: str) -> dict:
    return {
        "flag": flag,
        "claims": " ".join(str(r["id"]) for r in rows),
        "quotes": " | ".join(f"{r['id']}: \u201c{r['quote']}\u201d" for r in rows),
        "reason": reason,
    }


def _fmt(value: float) -> str:
    return "inf" if math.isinf(value) else f"{value:,.0f}"


def multiplier_flags(claims: pd.DataFrame, frame: pd.DataFrame) -> list[dict]:
    """Internal inconsistency: a stated multiplier against the ratio of the figures it relates.

    Flagged when the ratio of the two figures differs from the stated multiplier by more
    than a factor of ``MULTIPLIER_TOLERANCE``.
    """
    rows = frame.set_index("id")
    flags = []
    for claim in claims.dropna(subset=["multiplier"]).itertuples():
        for other in str(claim.related_claims).split():
            ratio = rows.loc[claim.claim_id, "point"] / rows.loc[other, "point"]
            if max(ratio, claim.multiplier) / min(ratio, claim.multiplier) > MULTIPLIER_TOLERANCE:
                quoted = [rows.loc[claim.claim_id], rows.loc[other]]
                flags.append(
                    _flag(
                        "internal inconsistency",
                        [
                            {"id": "text", "quote": claim.multiplier_quote},
                            *[{"id": r.name, "quote": r["quote"]} for r in quoted],
                        ],
                        f"the text says x{claim.multiplier:g} ('{claim.multiplier_quote}'), but "
                        f"{_fmt(quoted[0]['point'])} / {_fmt(quoted[1]['point'])} = x{ratio:g}",
                    )
                )
    return flags


def staleness_flags(claims: pd.DataFrame, corpus: pd.DataFrame, frame: pd.DataFrame) -> list[dict]:
    """Staleness: a figure printed at least ``STALE_AFTER_DAYS`` after its own as-of date.

    The earlier term of a stated comparison (a claim another claim relates to) is history,
    not a stale figure, and is not flagged. Newer figures of the same group known by the
    article's date (corpus or reference) are named in the reason.
    """
    published = dict(zip(corpus["article_id"], corpus["published"], strict=True))
    related = {c for value in claims["related_claims"].dropna() for c in value.split()}
    flags = []
    for row in frame[frame["source"] == "corpus"].itertuples():
        if row.id in related or pd.isna(published[row.article_id]):
            continue
        first_day, last_day = date_bounds(published[row.article_id])
        age = (first_day - row.latest).days
        if age < STALE_AFTER_DAYS:
            continue
        newer = frame[
            (frame["group"] == row.group)
            & (frame["earliest"] > row.latest)
            & (frame["latest"] <= last_day)
        ]
        newer_text = (
            "; ".join(
                f"{n['id']} ({n['as_of']}: {figure_text(n)})" for n in newer.to_dict("records")
            )
            or "none in the corpus or the reference table"
        )
        flags.append(
            _flag(
                "stale",
                [frame.loc[row.Index]],
                f"as of {row.as_of}, printed in an article of {published[row.article_id]}: "
                f"at least {age} days old; newer figures of the same group by then: {newer_text}",
            )
        )
    return flags


def _overlaps_within(a: tuple[float, float], b: tuple[float, float], factor: float) -> bool:
    """True when two intervals overlap once each is widened by ``factor``."""
    return a[0] / factor <= b[1] * factor and b[0] / factor <= a[1] * factor


def _looks_truncated(short: float, long: float) -> bool:
    """23 and 231: the smaller figure's digits begin the larger one's."""
    return long > short and str(int(long)).startswith(str(int(short)))


def comparable_figures(frame: pd.DataFrame) -> dict[str, dict[str, list[dict]]]:
    """For each corpus claim, the other figures it can be checked against, split by verdict.

    Candidates are the figures of the same comparability group dated within
    ``DISAGREEMENT_WINDOW_DAYS``: reference figures, and corpus claims of other articles.
    A candidate ``agrees`` when the two intervals overlap once each is widened by
    ``DISAGREEMENT_FACTOR``, else it ``disagrees``. Returns {claim id: {"agree": [...],
    "disagree": [...]}} with timeline rows as dicts.
    """
    records = frame.to_dict("records")
    verdicts = {}
    for claim in (r for r in records if r["source"] == "corpus"):
        dates, span = (claim["earliest"], claim["latest"]), (claim["lower"], claim["upper"])
        near = [
            r
            for r in records
            if r["group"] == claim["group"]
            and (r["source"] == "reference" or r["article_id"] != claim["article_id"])
            and _gap_days(dates, (r["earliest"], r["latest"])) <= DISAGREEMENT_WINDOW_DAYS
        ]
        agree = [
            r for r in near if _overlaps_within(span, (r["lower"], r["upper"]), DISAGREEMENT_FACTOR)
        ]
        verdicts[claim["id"]] = {"agree": agree, "disagree": [r for r in near if r not in agree]}
    return verdicts


def disagreement_flags(frame: pd.DataFrame) -> list[dict]:
    """Disagreement with the record: a corpus figure that a reference figure of its group,
    dated within ``DISAGREEMENT_WINDOW_DAYS``, does not support (see
    :func:`comparable_figures`). A figure whose digits begin the reference figure's (23 and
    231) is named as a possible truncation."""
    rows = frame.set_index("id")
    flags = []
    for claim_id, verdict in comparable_figures(frame).items():
        against = [r for r in verdict["disagree"] if r["source"] == "reference"]
        if not against:
            continue
        claim = {**rows.loc[claim_id].to_dict(), "id": claim_id}
        details = [
            f"{r['id']} ({r['speaker']}, {r['as_of']}: {figure_text(r)})"
            + (
                " - the corpus figure looks truncated"
                if _looks_truncated(claim["point"], r["point"])
                else ""
            )
            for r in against
        ]
        agree = [r["id"] for r in verdict["agree"] if r["source"] == "reference"]
        reason = f"{figure_text(claim)} disagrees with " + "; ".join(details)
        if agree:
            reason += f"; agrees with {', '.join(agree)}"
        flags.append(_flag("disagrees with the record", [claim], reason))
    return flags


def _paragraph_of(spans: list[tuple[int, int]], start: int) -> int:
    """Index of the body line (paragraph) among ``spans`` holding offset ``start``, or -1."""
    for number, (s, e) in enumerate(spans):
        if s <= start < e:
            return number
    return -1


def population_flags(claims: pd.DataFrame, corpus: pd.DataFrame) -> list[dict]:
    """Population mismatch: figures set side by side that count different people.

    Two cases: (1) a text puts two figures of the same measure in one paragraph but they
    count different populations (a claim another one says it is part of is exempt);
    (2) two articles report the same statement (same speaker, measure and figure) but
    code a different population or place, so a retelling changed who is counted.
    """
    paragraphs = {
        a: body_spans(t) for a, t in zip(corpus["article_id"], corpus["text"], strict=True)
    }
    records = []
    for row in claims.to_dict("records"):
        row["id"], row["point"] = row["claim_id"], point(row)
        row["paragraph"] = _paragraph_of(paragraphs[row["article_id"]], row["start"])
        records.append(row)
    linked = {
        frozenset((r["id"], other))
        for r in records
        if isinstance(r["related_claims"], str)
        for other in r["related_claims"].split()
    }
    flags = []
    for i, a in enumerate(records):
        for b in records[i + 1 :]:
            if a["measure"] != b["measure"] or frozenset((a["id"], b["id"])) in linked:
                continue
            if (a["article_id"], a["paragraph"]) == (b["article_id"], b["paragraph"]):
                if a["population"] != b["population"]:
                    flags.append(
                        _flag(
                            "population mismatch",
                            [a, b],
                            "side by side in one paragraph, but they count different people: "
                            f"{a['population']} vs {b['population']}",
                        )
                    )
            elif (
                a["article_id"] != b["article_id"]
                and isinstance(a["speaker"], str)
                and a["speaker"] == b["speaker"]
                and a["point"] == b["point"]
                and (a["population"], a["place"]) != (b["population"], b["place"])
            ):
                flags.append(
                    _flag(
                        "population mismatch",
                        [a, b],
                        f"the same statement by {a['speaker']} ({_fmt(a['point'])}) counts "
                        f"{a['population']} in {a['place']} in article {a['article_id']} but "
                        f"{b['population']} in {b['place']} in article {b['article_id']}",
                    )
                )
    return flags


def all_flags(claims: pd.DataFrame, corpus: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Every computed flag, one row each: flag, claims (ids), quotes, reason."""
    frame = timeline_frame(claims, reference)
    flags = (
        multiplier_flags(claims, frame)
        + staleness_flags(claims, corpus, frame)
        + disagreement_flags(frame)
        + population_flags(claims, corpus)
    )
    return pd.DataFrame(flags, columns=list(FLAG_COLUMNS))


PANELS = (
    "Fighters from Russia and the former USSR",
    "Islamic State fighters, all nationalities",
    "Killed, injured and tracked",
)


def panel_of(row: pd.Series | dict) -> str:
    """Which of ``PANELS`` a timeline row is drawn in (by measure and population)."""
    if row["measure"] != "fighters":
        return PANELS[2]
    return PANELS[1] if row["population"] == "all IS fighters" else PANELS[0]


_QUALIFIER_WORDS = {
    "none": "{best}",
    "about": "about {best}",
    "more_than": "more than {low}",
    "at_least": "at least {low}",
    "up_to": "up to {high}",
    "fewer_than": "fewer than {high}",
    "nearly": "nearly {best}",
    "range": "{low} to {high}",
    "vague": "{low} or more (vague)",
}


def figure_text(row: pd.Series | dict) -> str:
    """A figure in words from its bounds and qualifier: "5,000 to 7,000", "more than 220"."""
    values = {b: "" if pd.isna(row[b]) else f"{row[b]:,.0f}" for b in ("low", "best", "high")}
    return _QUALIFIER_WORDS[row["qualifier"]].format(**values)
