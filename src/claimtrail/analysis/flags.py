"""Flags on corpus claims, each with its reason in words and the ids of its evidence.

- **internal inconsistency**: a stated multiplier ("increased tenfold") against the ratio
  of the figures it relates, beyond a factor of ``MULTIPLIER_TOLERANCE``;
- **stale**: a figure printed at least ``STALE_AFTER_DAYS`` after its own as-of date
  when newer figures for the same or a containing population had been published before
  the article appeared (the record as it stood at publication), named in the flag; the
  earlier term of a stated comparison is history, not stale;
- **disagrees with the record**: a comparison whose verdict is "disagrees" (the same
  population and place at about the same time, or a revision of the same event published
  before the article), the possible truncation named;
- **part exceeds whole**: a part larger than its whole at about the same time, including
  an article's implied sum of parts against the whole;
- **retold differently**: a claim whose source statement gave another figure, population
  or place than the page prints;
- **population mismatch**: two figures of one measure set side by side in one paragraph
  that count populations or places that do not nest, so they cannot be compared.
"""

from __future__ import annotations

import pandas as pd

from claimtrail.analysis.comparisons import (
    CONTRADICTING,
    figure_text,
    one_statement,
    point,
    relation,
    retelling_changes,
)
from claimtrail.io.populations import Nesting
from claimtrail.text.furniture import body_spans

STALE_AFTER_DAYS = 180
MULTIPLIER_TOLERANCE = 1.5
FLAG_COLUMNS = ("flag", "claims", "reason", "evidence")


def _flag(flag: str, claims: list[str], reason: str, evidence: list[str]) -> dict:
    return {
        "flag": flag,
        "claims": " ".join(claims),
        "reason": reason,
        "evidence": " ".join(dict.fromkeys(evidence)),
    }


def _fmt(value: float) -> str:
    return f"{value:,.0f}"


def multiplier_flags(claims: pd.DataFrame, frame: pd.DataFrame) -> list[dict]:
    """Internal inconsistency: a stated multiplier against the ratio of the figures it
    relates, flagged when they differ by more than a factor of ``MULTIPLIER_TOLERANCE``."""
    rows = frame.set_index("id")
    flags = []
    for claim in claims.dropna(subset=["multiplier"]).itertuples():
        for other in str(claim.related_claims).split():
            ratio = rows.loc[claim.claim_id, "point"] / rows.loc[other, "point"]
            if max(ratio, claim.multiplier) / min(ratio, claim.multiplier) > MULTIPLIER_TOLERANCE:
                flags.append(
                    _flag(
                        "internal inconsistency",
                        [claim.claim_id, other],
                        f"the text says x{claim.multiplier:g} ('{claim.multiplier_quote}'), "
                        f"but its own figures give {_fmt(rows.loc[claim.claim_id, 'point'])} / "
                        f"{_fmt(rows.loc[other, 'point'])} = x{ratio:g}",
                        [claim.claim_id, other],
                    )
                )
    return flags


def currency(frame: pd.DataFrame, nesting: Nesting) -> pd.DataFrame:
    """How old each claim's figure was when its article appeared, and which newer figures
    for the same or a containing population and place (same measure and kind of count)
    had been published by then.

    Columns: claim_id, as_of, printed (the article's date), age_days (fewest days from the
    end of the as-of date to the first day of the article's), newer (ids, in as-of order,
    of figures certainly published before the article's first possible day; retellings of
    the claim's own statement and claims of the same article left out).
    """
    records = frame.to_dict("records")
    rows = []
    for claim in (r for r in records if r["source"] == "corpus"):
        newer = [
            r
            for r in records
            if not one_statement(claim, r)
            and r["id"] != claim["statement"]
            and relation(claim, r, nesting) in ("same", "contained")
            and r["earliest"] > claim["latest"]
            and r["reported"] < claim["reported"]
            and r["article_id"] != claim["article_id"]
        ]
        rows.append(
            {
                "claim_id": claim["id"],
                "as_of": claim["as_of"],
                "printed": claim["reported_on"],
                "age_days": max((claim["reported"] - claim["latest"]).days, 0),
                "newer": " ".join(r["id"] for r in sorted(newer, key=lambda r: r["earliest"])),
            }
        )
    return pd.DataFrame(rows)


def staleness_flags(claims: pd.DataFrame, frame: pd.DataFrame, nesting: Nesting) -> list[dict]:
    """Stale: printed ``STALE_AFTER_DAYS`` or more after its as-of date while newer figures
    for the same or a containing population had been published (see :func:`currency`).
    The earlier term of a stated comparison (a claim another claim relates to) is exempt."""
    related = {c for value in claims["related_claims"].dropna() for c in value.split()}
    rows = frame.set_index("id")
    flags = []
    for row in currency(frame, nesting).itertuples():
        if row.claim_id in related or row.age_days < STALE_AFTER_DAYS or not row.newer:
            continue
        newer = "; ".join(
            f"{i} ({rows.loc[i, 'speaker']}, {rows.loc[i, 'as_of']}: {figure_text(rows.loc[i])}"
            f", published {rows.loc[i, 'reported_on']})"
            for i in row.newer.split()
        )
        flags.append(
            _flag(
                "stale",
                [row.claim_id],
                f"as of {row.as_of}, printed in an article of {row.printed}, {row.age_days} "
                f"days later; newer figures published by then: {newer}",
                row.newer.split(),
            )
        )
    return flags


def record_flags(table: pd.DataFrame) -> list[dict]:
    """Disagreement with the record and parts larger than their wholes, from the verdicts
    of :func:`claimtrail.analysis.comparisons.comparisons` (one flag per claim or implied sum)."""
    flags = []
    for claim_id, rows in table[table["verdict"].isin(CONTRADICTING)].groupby(
        "claim_id", sort=True
    ):
        for verdict, name in (
            ("disagrees", "disagrees with the record"),
            ("part exceeds whole", "part exceeds whole"),
        ):
            hits = rows[rows["verdict"] == verdict]
            if hits.empty:
                continue
            agree = table[(table["claim_id"] == claim_id) & (table["verdict"] == "agrees")]
            reason = "; ".join(f"{r.comparator_id}: {r.detail}" for r in hits.itertuples())
            if verdict == "disagrees" and not agree.empty:
                reason += "; agrees with " + ", ".join(agree["comparator_id"])
            flags.append(_flag(name, claim_id.split("+"), reason, list(hits["comparator_id"])))
    return flags


def retelling_flags(frame: pd.DataFrame) -> list[dict]:
    """Retold differently: the page prints another figure, population or place than the
    statement it retells (``statement``) gave."""
    rows = frame.set_index("id", drop=False)
    flags = []
    for claim in frame[frame["source"] == "corpus"].to_dict("records"):
        if not claim["statement"]:
            continue
        changes = [
            c
            for c in retelling_changes(claim, rows.loc[claim["statement"]].to_dict())
            if not c.startswith("the date")
        ]
        if changes:
            flags.append(
                _flag(
                    "retold differently",
                    [claim["id"]],
                    f"{claim['statement']} ({rows.loc[claim['statement'], 'speaker']}) is the "
                    "statement it retells; the retelling changed " + "; ".join(changes),
                    [claim["statement"]],
                )
            )
    return flags


def _paragraph_of(spans: list[tuple[int, int]], start: int) -> int:
    """Index of the body line (paragraph) among ``spans`` holding offset ``start``, or -1."""
    for number, (s, e) in enumerate(spans):
        if s <= start < e:
            return number
    return -1


def _parts_of_one_whole(a: dict, b: dict, nesting: Nesting) -> bool:
    """True when two figures differ only in population or only in place, and those are
    the parts of one entry (Syria and Iraq): the text gives the parts of a whole."""
    for kind, other in (("place", "population"), ("population", "place")):
        if a[other] == b[other] and nesting.whole_of(kind, (a[kind], b[kind])):
            return True
    return False


def population_flags(
    claims: pd.DataFrame, corpus: pd.DataFrame, frame: pd.DataFrame, nesting: Nesting
) -> list[dict]:
    """Population mismatch: figures of one measure side by side in one paragraph whose
    populations or places do not nest. Exempt: a claim another says it is part of, and
    the parts of one whole (their sum is compared instead)."""
    paragraphs = {
        a: body_spans(t) for a, t in zip(corpus["article_id"], corpus["text"], strict=True)
    }
    rows = frame.set_index("id", drop=False)
    records = []
    for row in claims.to_dict("records"):
        record = rows.loc[row["claim_id"]].to_dict()
        record["paragraph"] = _paragraph_of(paragraphs[row["article_id"]], row["start"])
        record["related"] = set(str(row["related_claims"]).split())
        records.append(record)
    flags = []
    for i, a in enumerate(records):
        for b in records[i + 1 :]:
            if (
                a["measure"] != b["measure"]
                or a["paragraph"] < 0
                or (a["article_id"], a["paragraph"]) != (b["article_id"], b["paragraph"])
                or b["id"] in a["related"]
                or a["id"] in b["related"]
                or relation(a, b, nesting, any_basis=True) is not None
                or _parts_of_one_whole(a, b, nesting)
            ):
                continue
            flags.append(
                _flag(
                    "population mismatch",
                    [a["id"], b["id"]],
                    "side by side in one paragraph, but they count populations or places "
                    f"that do not nest: {a['population_label']} {a['place_words']} "
                    f"({_fmt(point(a))}) and {b['population_label']} {b['place_words']} "
                    f"({_fmt(point(b))})",
                    [a["id"], b["id"]],
                )
            )
    return flags


def all_flags(
    claims: pd.DataFrame,
    corpus: pd.DataFrame,
    frame: pd.DataFrame,
    table: pd.DataFrame,
    nesting: Nesting,
) -> pd.DataFrame:
    """Every flag, one row each (``FLAG_COLUMNS``), from the claims, the timeline frame and
    the comparisons table."""
    flags = (
        multiplier_flags(claims, frame)
        + staleness_flags(claims, frame, nesting)
        + record_flags(table)
        + retelling_flags(frame)
        + population_flags(claims, corpus, frame, nesting)
    )
    return pd.DataFrame(flags, columns=list(FLAG_COLUMNS))
