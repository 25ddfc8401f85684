"""Estimates compared as an analyst compares them: nested populations, series, revisions.

Two figures are *comparable* when they count the same measure, the same kind of count
(``basis``: people fighting now, everyone who went, suspects, one event's toll, ...) and
populations and places that nest: one's population and place equal, contain or are
contained in the other's (:class:`claimtrail.io.populations.Nesting`). The relation is
always stated: ``same``, ``contains`` (the comparator counts a part of what the claim
counts), ``contained`` (the claim counts a part of the comparator's), or ``same event``
for the tolls of one event, which are revisions of one count, not a trend.

For every corpus claim, :func:`comparisons` lists every comparable figure of the corpus
and of the reference table with a verdict:

- within ``WINDOW_DAYS`` of each other, figures of the same population and place
  ``agree`` when their ranges meet once each is widened by ``AGREEMENT_FACTOR``, else
  they ``disagree``; a part and its whole are ``consistent with nesting`` unless the part
  is larger than the whole even with that tolerance (``part exceeds whole``);
- further apart in time, a comparator is an ``earlier figure`` or a ``later figure``,
  with the change in words ("a rise by a factor of at least 1.3");
- an event's revisions are judged only when they had certainly been published before
  the claim's article appeared; the rest are ``later revision``;
- the reference figure that records the statement a claim retells is its ``source
  statement``, with what the retelling changed.

Sums the text implies are compared too: figures one article gives for the parts of a
whole (Syria and Iraq) are added and set against figures for the whole.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from claimtrail.io.populations import Nesting
from claimtrail.text.timeref import date_bounds

WINDOW_DAYS = 92
AGREEMENT_FACTOR = 1.5
COMPARISON_COLUMNS = (
    "claim_id",
    "comparator_id",
    "comparator_source",
    "relation",
    "comparator_as_of",
    "low",
    "best",
    "high",
    "verdict",
    "detail",
)
# Verdicts that speak for or against a claim (the rest give context over time).
SUPPORTING = ("agrees", "consistent with nesting")
CONTRADICTING = ("disagrees", "part exceeds whole")


def interval(row: pd.Series | dict) -> tuple[float, float]:
    """The range of values a figure allows: open bounds run to 0 or to infinity.

    "about N" and a bare N are the point N; "more than N" is [N, inf); "up to N" is [0, N].
    """
    best = row["best"]
    low = row["low"] if not pd.isna(row["low"]) else best
    high = row["high"] if not pd.isna(row["high"]) else best
    return (0.0 if pd.isna(low) else float(low), math.inf if pd.isna(high) else float(high))


def point(row: pd.Series | dict) -> float:
    """One value to place a figure on a chart: best, else the geometric middle of a closed
    range, else its one stated bound."""
    if not pd.isna(row["best"]):
        return float(row["best"])
    if not pd.isna(row["low"]) and not pd.isna(row["high"]):
        return math.sqrt(float(row["low"]) * float(row["high"]))
    bound = row["low"] if not pd.isna(row["low"]) else row["high"]
    return float(bound)


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


def timeline_frame(
    claims: pd.DataFrame, reference: pd.DataFrame, corpus: pd.DataFrame, nesting: Nesting
) -> pd.DataFrame:
    """Corpus claims and reference figures in one frame, each row marked by ``source``.

    Columns: source (corpus|reference), id, article_id, measure, basis, event, population,
    place (codes) and population_label, place_label, low, best, high, qualifier, as_of,
    as_of_precision, earliest, latest (the days the as-of date allows), reported_on (the
    article's publication date for a claim; the page's for a reference figure, else its
    as-of date) and reported: for a claim the first day its article may have appeared,
    for a reference figure the day by which it was certainly public (the last day of
    ``reported_on``), so that "published before the article" is never a guess; point,
    lower, upper (the interval; open bounds are 0 or inf), quote, speaker, origin,
    statement (None when the claim retells no recorded statement; article_id is None for
    a reference figure). Sorted by measure,
    basis, earliest date and id.
    """
    published = dict(zip(corpus["article_id"], corpus["published"], strict=True))
    corpus_rows = claims.assign(
        source="corpus",
        id=claims["claim_id"],
        reported_on=[published[a] for a in claims["article_id"]],
    )
    reference_rows = reference.assign(
        source="reference",
        id=reference["ref_id"],
        article_id=pd.NA,
        statement=pd.NA,
        reported_on=reference["published"].fillna(reference["as_of"]),
    )
    keep = [
        "source",
        "id",
        "article_id",
        "measure",
        "basis",
        "event",
        "population",
        "place",
        "low",
        "best",
        "high",
        "qualifier",
        "as_of",
        "as_of_precision",
        "reported_on",
        "quote",
        "speaker",
        "origin",
        "statement",
    ]
    frame = pd.concat([corpus_rows[keep], reference_rows[keep]], ignore_index=True)
    for column in ("article_id", "statement"):
        frame[column] = pd.Series(
            [v if isinstance(v, str) else None for v in frame[column]], dtype=object
        )
    frame["reported"] = [
        date_bounds(day)[0 if source == "corpus" else 1]
        for source, day in zip(frame["source"], frame["reported_on"], strict=True)
    ]
    frame["population_label"] = [nesting.label("population", c) for c in frame["population"]]
    frame["place_label"] = [nesting.label("place", c) for c in frame["place"]]
    frame["place_words"] = [
        label if not nesting.entry("place", code).parents else f"in {label}"
        for code, label in zip(frame["place"], frame["place_label"], strict=True)
    ]
    bounds = [date_bounds(v) for v in frame["as_of"]]
    frame["earliest"] = [b[0] for b in bounds]
    frame["latest"] = [b[1] for b in bounds]
    records = frame.to_dict("records")
    frame["point"] = [point(r) for r in records]
    intervals = [interval(r) for r in records]
    frame["lower"] = [i[0] for i in intervals]
    frame["upper"] = [i[1] for i in intervals]
    return frame.sort_values(["measure", "basis", "earliest", "id"], ignore_index=True)


def relation(a: dict, b: dict, nesting: Nesting, *, any_basis: bool = False) -> str | None:
    """How figure ``a`` stands to figure ``b``: "same", "contains" (b's population and
    place are parts of a's), "contained" (a's are parts of b's), "same event", or None
    when they are not comparable.

    Figures are comparable only with the same measure and basis (``any_basis`` drops the
    basis test, for a claim and the statement it retells); the tolls of one event only
    with each other.
    """
    if a["measure"] != b["measure"]:
        return None
    if not any_basis and a["basis"] != b["basis"]:
        return None
    if a["basis"] == "event" or b["basis"] == "event":
        same = a["basis"] == b["basis"] and a["event"] == b["event"]
        return "same event" if same else None
    population = nesting.relation("population", a["population"], b["population"])
    place = nesting.relation("place", a["place"], b["place"])
    if population is None or place is None:
        return None
    if population == place or place == "same":
        return population
    return place if population == "same" else None


def one_statement(claim: dict, other: dict) -> bool:
    """True when ``other`` is ``claim`` itself or another retelling of the statement it
    retells: one statement, not two figures."""
    return other["id"] == claim["id"] or bool(
        claim["statement"] and other["statement"] == claim["statement"]
    )


def gap_days(a: dict, b: dict) -> int:
    """Fewest days between two figures' as-of dates (0 when their spans overlap)."""
    if a["latest"] < b["earliest"]:
        return (b["earliest"] - a["latest"]).days
    if b["latest"] < a["earliest"]:
        return (a["earliest"] - b["latest"]).days
    return 0


def overlaps_within(a: tuple[float, float], b: tuple[float, float], factor: float) -> bool:
    """True when two intervals overlap once each is widened by ``factor``."""
    return a[0] / factor <= b[1] * factor and b[0] / factor <= a[1] * factor


def looks_truncated(short: float, long: float) -> bool:
    """23 and 231: the smaller figure's digits begin the larger one's."""
    return long > short and str(int(long)).startswith(str(int(short)))


def _at_least(factor: float) -> str:
    """A factor rounded down to one decimal, so that "at least" stays true."""
    return f"{math.floor(factor * 10) / 10:.1f}"


def change(earlier: dict, later: dict) -> str:
    """How the later figure compares with the earlier, in words: a rise or fall by a
    factor the two ranges guarantee (rounded down), or no change when they overlap."""
    if earlier["upper"] < later["lower"]:
        return f"a rise by a factor of at least {_at_least(later['lower'] / earlier['upper'])}"
    if later["upper"] < earlier["lower"]:
        return f"a fall by a factor of at least {_at_least(earlier['lower'] / later['upper'])}"
    return "ranges overlap: no change shown"


def _months(days: int) -> str:
    months = round(days / 30.44)
    if months < 1:
        return f"{days} days"
    return f"{months} month{'s' if months != 1 else ''}"


def _describe(figure: dict) -> str:
    return f"{figure['id']} ({figure_text(figure)}, {figure['as_of']})"


@dataclass(frozen=True)
class Verdict:
    """A comparison's verdict (a fixed phrase) and its detail in words."""

    verdict: str
    detail: str


def _agreement(claim: dict, other: dict) -> Verdict:
    claim_range, other_range = (claim["lower"], claim["upper"]), (other["lower"], other["upper"])
    if overlaps_within(claim_range, other_range, AGREEMENT_FACTOR):
        return Verdict("agrees", f"{figure_text(claim)} against {figure_text(other)}: ranges meet")
    detail = f"{figure_text(claim)} against {figure_text(other)}"
    if looks_truncated(claim["point"], other["point"]):
        detail += f": {figure_text(claim)} looks truncated"
    return Verdict("disagrees", detail)


def agreement_verdict(a: dict, b: dict) -> str:
    """ "agrees" when two figures' ranges meet once each is widened by
    ``AGREEMENT_FACTOR``, else "disagrees"."""
    return _agreement(a, b).verdict


def _nesting_check(claim: dict, other: dict, relation_: str) -> Verdict:
    part, whole = (other, claim) if relation_ == "contains" else (claim, other)
    words = (
        f"{part['id']} counts {part['population_label']} {part['place_words']}, part of "
        f"{whole['id']}'s {whole['population_label']} {whole['place_words']}"
    )
    if part["lower"] / AGREEMENT_FACTOR > whole["upper"] * AGREEMENT_FACTOR:
        return Verdict(
            "part exceeds whole",
            f"{words}: the part ({figure_text(part)}) is larger than the whole "
            f"({figure_text(whole)})",
        )
    return Verdict("consistent with nesting", f"{words}: the part is no larger than the whole")


def _over_time(claim: dict, other: dict, days: int) -> Verdict:
    if other["earliest"] < claim["earliest"]:
        return Verdict(
            "earlier figure",
            f"{_months(days)} earlier; from it to {claim['id']}: {change(other, claim)}",
        )
    return Verdict(
        "later figure", f"{_months(days)} later; from {claim['id']} to it: {change(claim, other)}"
    )


def retelling_changes(claim: dict, source: dict) -> list[str]:
    """What a claim changed of the statement it retells, in words: the figure, the kind of
    count, the population, the place, the date (empty when it retells it as given)."""
    changes = []
    if figure_text(claim) != figure_text(source):
        changes.append(f"the figure ({figure_text(source)} became {figure_text(claim)})")
    if claim["basis"] != source["basis"]:
        changes.append(f"the kind of count ({source['basis']} became {claim['basis']})")
    for kind in ("population", "place"):
        if claim[kind] != source[kind]:
            changes.append(
                f"the {kind} ({source[f'{kind}_label']} became {claim[f'{kind}_label']})"
            )
    if claim["as_of"] != source["as_of"]:
        changes.append(f"the date ({source['as_of']} is coded {claim['as_of']})")
    return changes


def _source_statement(claim: dict, source: dict) -> Verdict:
    changes = retelling_changes(claim, source)
    if not changes:
        return Verdict("source statement", "retold as the source gave it")
    return Verdict("source statement", "the retelling changed " + "; ".join(changes))


def judge(claim: dict, other: dict, relation_: str) -> Verdict | None:
    """The verdict on one comparable pair (a corpus claim and another figure), or None when
    the pair says nothing: a part and a whole more than ``WINDOW_DAYS`` apart."""
    if other["source"] == "reference" and other["id"] == claim["statement"]:
        return _source_statement(claim, other)
    if relation_ == "same event":
        if other["reported"] >= claim["reported"]:
            return Verdict(
                "later revision",
                f"published {other['reported_on']}, after the claim's article "
                f"({claim['reported_on']}): not held against it",
            )
        return _agreement(claim, other)
    days = gap_days(claim, other)
    if relation_ == "same":
        return _over_time(claim, other, days) if days > WINDOW_DAYS else _agreement(claim, other)
    return _nesting_check(claim, other, relation_) if days <= WINDOW_DAYS else None


def _comparison_row(claim_id: str, other: dict, relation_: str, verdict: Verdict) -> dict:
    return {
        "claim_id": claim_id,
        "comparator_id": other["id"],
        "comparator_source": other["source"],
        "relation": relation_,
        "comparator_as_of": other["as_of"],
        "low": other["low"],
        "best": other["best"],
        "high": other["high"],
        "verdict": verdict.verdict,
        "detail": verdict.detail,
    }


def comparisons(frame: pd.DataFrame, nesting: Nesting) -> pd.DataFrame:
    """Every corpus claim against the figures that bear on it, and every implied sum
    against the figures for its whole: one row per pair (columns ``COMPARISON_COLUMNS``).

    A claim meets every figure of its own quantity (at any time), every part or whole
    dated within ``WINDOW_DAYS``, every revision of its event, and its source statement
    (whatever kind of count the retelling made of it); not other retellings of that
    statement, which are one statement, not two figures.
    """
    records = frame.to_dict("records")
    rows = []
    for claim in (r for r in records if r["source"] == "corpus"):
        rows += _compared(claim, [r for r in records if not one_statement(claim, r)], nesting)
    for total in implied_sums(frame, nesting):
        parts = total["id"].split("+")
        rows += _compared(total, [r for r in records if r["id"] not in parts], nesting)
    table = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))
    return table.sort_values(["claim_id", "comparator_as_of", "comparator_id"], ignore_index=True)


def _compared(claim: dict, others: list[dict], nesting: Nesting) -> list[dict]:
    rows = []
    for other in others:
        is_source = other["id"] == claim["statement"]
        relation_ = relation(claim, other, nesting, any_basis=is_source)
        verdict = judge(claim, other, relation_) if relation_ else None
        if verdict is not None:
            rows.append(_comparison_row(claim["id"], other, relation_, verdict))
    return rows


def implied_sums(frame: pd.DataFrame, nesting: Nesting) -> list[dict]:
    """Figures one article gives for the parts of a whole, added up: one figure per whole.

    Parts are claims of one article with the same measure, basis and population whose
    places are exactly the ``parts`` of a place entry (or the same place and populations
    that are the parts of a population entry). The sum's id joins the parts' ("C15+C16");
    its bounds add the parts' intervals; its as-of spans theirs.
    """
    sums = []
    corpus = frame[frame["source"] == "corpus"]
    for _, group in corpus.groupby(["article_id", "measure", "basis"]):
        for kind, other_kind in (("place", "population"), ("population", "place")):
            for _, same in group.groupby(other_kind):
                if len(same) < 2 or same[kind].nunique() != len(same):
                    continue
                whole = nesting.whole_of(kind, same[kind])
                if whole is None:
                    continue
                parts = same.sort_values("id").to_dict("records")
                sums.append(_sum(parts, kind, whole, nesting))
    return sums


def _sum(parts: list[dict], kind: str, whole: str, nesting: Nesting) -> dict:
    lower = sum(p["lower"] for p in parts)
    upper = sum(p["upper"] for p in parts)
    first = parts[0]
    closed = not math.isinf(upper)
    total = {
        **first,
        "id": "+".join(p["id"] for p in parts),
        kind: whole,
        f"{kind}_label": nesting.label(kind, whole),
        "place_words": f"in {nesting.label('place', whole)}"
        if kind == "place"
        else first["place_words"],
        "statement": None,
        "earliest": min(p["earliest"] for p in parts),
        "latest": max(p["latest"] for p in parts),
        "lower": lower,
        "upper": upper,
        "point": sum(p["point"] for p in parts),
    }
    if closed and lower == upper:
        total.update(low=pd.NA, best=lower, high=pd.NA, qualifier="none")
    elif closed:
        total.update(low=lower, best=pd.NA, high=upper, qualifier="range")
    else:
        total.update(low=lower, best=pd.NA, high=pd.NA, qualifier="at_least")
    return total


def series(frame: pd.DataFrame, nesting: Nesting) -> pd.DataFrame:
    """Each quantity's figures in as-of order, corpus and reference together, with the
    change from the figure before; an event's tolls in the order they were published.

    A quantity is one measure, kind of count, population and place (or one event). A claim
    that retells a statement already in the series is marked as a retelling, and a claim
    about an event is a retelling of the revisions, not a revision itself: neither is
    counted as a change. Columns: quantity, source, id, as_of, reported_on, figure (in
    words), speaker, change.
    """
    parts = []
    labels = [quantity_label(r, nesting) for r in frame.to_dict("records")]
    for key, group in frame.groupby(labels, sort=True):
        event = group["basis"].iloc[0] == "event"
        order = ["reported", "id"] if event else ["earliest", "id"]
        previous = None
        for row in group.sort_values(order).to_dict("records"):
            if row["statement"] and row["statement"] in set(group["id"]):
                words = f"retells {row['statement']}"
            elif event and row["source"] == "corpus":
                words = "a report of the event, not a revision"
            else:
                words = change(previous, row) if previous else "first in the record"
                previous = row
            parts.append(
                {
                    "quantity": key,
                    "source": row["source"],
                    "id": row["id"],
                    "as_of": row["as_of"],
                    "reported_on": row["reported_on"],
                    "figure": figure_text(row),
                    "speaker": row["speaker"],
                    "change": words,
                }
            )
    return pd.DataFrame(parts)


def quantity_label(row: pd.Series | dict, nesting: Nesting) -> str:
    """A quantity in words: "fighters (fighting): citizens of Russia in Iraq"."""
    if row["basis"] == "event":
        return f"{row['measure']} in {nesting.label('event', row['event'])}"
    return f"{row['measure']} ({row['basis']}): {row['population_label']} {row['place_words']}"


# Neighbours are sought first among figures of the same quantity, then of a whole that
# holds it, then of a part of it.
_PREFERENCE = {"same": 0, "contained": 1, "contains": 2}


def neighbours(frame: pd.DataFrame, nesting: Nesting) -> pd.DataFrame:
    """Where each corpus claim sits on its series: the nearest earlier and the nearest
    later figure of its own quantity by as-of date or, when the record has none there, of
    a whole that holds it, else of a part of it (said so). Retellings of the claim's own
    statement are left out.

    Columns: claim_id, earlier, earlier_change, later, later_change: the figure with its
    id and date in words, and the change to or from it (only for the same quantity);
    empty when the record holds nothing comparable on that side.
    """
    records = frame.to_dict("records")
    rows = []
    for claim in (r for r in records if r["source"] == "corpus"):
        pool = []
        for r in records:
            if one_statement(claim, r) or r["id"] == claim["statement"]:
                continue
            relation_ = relation(claim, r, nesting)
            if relation_ in ("same", "contains", "contained"):
                pool.append((r, relation_))
        earlier = [p for p in pool if p[0]["latest"] < claim["earliest"]]
        later = [p for p in pool if p[0]["earliest"] > claim["latest"]]
        row = {"claim_id": claim["id"]}
        for side, found in (("earlier", earlier), ("later", later)):
            chosen = min(
                found,
                key=lambda p: (_PREFERENCE[p[1]], gap_days(claim, p[0]), p[0]["id"]),
                default=None,
            )
            row[side], row[f"{side}_change"] = _neighbour(claim, chosen, side)
        rows.append(row)
    return pd.DataFrame(rows)


def _neighbour(claim: dict, chosen: tuple[dict, str] | None, side: str) -> tuple[str, str]:
    if chosen is None:
        return "", ""
    other, relation_ = chosen
    words = _describe(other)
    if relation_ != "same":
        part = "a part of what it counts" if relation_ == "contains" else "a whole holding it"
        return f"{words}: {part}", ""
    return words, change(other, claim) if side == "earlier" else change(claim, other)


def family(row: pd.Series | dict, nesting: Nesting) -> str:
    """The family of populations a figure is drawn with: the event for an event toll;
    else its measure and the widest entry above its population below the root (or, for
    a figure of everyone, the widest place above its place below the root)."""
    if row["basis"] == "event":
        return f"{row['measure']}|event|{row['event']}"
    if nesting.entry("population", row["population"]).parents:
        return f"{row['measure']}|population|{_top(nesting, 'population', row['population'])}"
    return f"{row['measure']}|place|{_top(nesting, 'place', row['place'])}"


def _top(nesting: Nesting, kind: str, code: str) -> str:
    """The widest entry holding ``code`` below the root: the first of its ancestors whose
    parents are all roots (``code`` itself when it is a root)."""
    if not nesting.entry(kind, code).parents:
        return code
    return min(
        a
        for a in nesting.ancestors(kind, code)
        if nesting.entry(kind, a).parents
        and all(not nesting.entry(kind, p).parents for p in nesting.entry(kind, a).parents)
    )


BASIS_WORDS = {
    "fighting": "fighting",
    "cumulative": "all who went",
    "suspected": "suspects",
    "watched": "watched",
    "event": "",
}


def panel(
    frame: pd.DataFrame,
    nesting: Nesting,
    title: str,
    *,
    measure: str,
    populations: list[str] | None = None,
    places: list[str] | None = None,
    bases: list[str] | None = None,
    event: str | None = None,
) -> tuple[str, pd.DataFrame]:
    """One panel of a figure: the figures of ``measure`` for the given populations, places,
    kinds of count or event (None: any), each row with its ``series`` (the quantity it
    belongs to, so that lines join only one quantity) and ``series_label`` (its place,
    with its population and kind of count when the panel holds more than one)."""
    keep = frame["measure"] == measure
    for column, values in (("population", populations), ("place", places), ("basis", bases)):
        if values is not None:
            keep &= frame[column].isin(values)
    if event is not None:
        keep &= frame["event"] == event
    rows = frame[keep]
    records = rows.to_dict("records")
    several_populations = rows["population"].nunique() > 1
    several_bases = rows["basis"].nunique() > 1
    labels = []
    for r in records:
        if r["basis"] == "event":
            labels.append(nesting.short("population", r["population"]))
            continue
        words = [nesting.short("place", r["place"])]
        if several_populations:
            words.insert(0, nesting.short("population", r["population"]))
        if several_bases:
            words.append(BASIS_WORDS[r["basis"]])
        labels.append(", ".join(words))
    return title, rows.assign(
        series=[quantity_label(r, nesting) for r in records], series_label=labels
    )


def series_panels(
    frame: pd.DataFrame, nesting: Nesting, key: str
) -> list[tuple[str, pd.DataFrame]]:
    """The figures of one family (see :func:`family`) as panels (see :func:`panel`): one
    per measure for an event, else one per population with figures, in the order of the
    population table (wider first)."""
    measure, kind, _ = key.split("|")
    rows = frame[[family(r, nesting) == key for r in frame.to_dict("records")]]
    if kind == "event":
        event = rows["event"].iloc[0]
        return [
            panel(frame, nesting, f"{m} in {nesting.label('event', event)}", measure=m, event=event)
            for m in sorted(rows["measure"].unique())
        ]
    present = set(rows["population"])
    return [
        panel(
            rows,
            nesting,
            nesting.label("population", code),
            measure=measure,
            populations=[code],
        )
        for code in nesting.codes("population")
        if code in present
    ]
