"""The evidence each grade rests on, and the grades: who supports or contradicts a claim
and whether they are independent of it, each source's record, and how each figure reached
the page.

- **Independence per claim.** A comparator is independent of a claim when their chains do
  not meet at a common origin: its ``origin`` differs from the claim's, and, for another
  corpus claim, its article is not the claim's nor linked to it by copied text. A claim
  the page attributes to no one has no known origin; a figure then counts as independent
  only in company: confirming it takes figures of two different origins.
- **A source's record.** Its own reference figures set against figures of other origins
  for the same population, place and time, or the same event: each figure confirmed
  (some agree, none disagree), contradicted (some disagree, none agree), or neither.
- **The relay.** How the figure reached the page, judged apart from the grade: the
  intermediaries between the speaker and the first outlet (named or not), a republished
  page, and text the article copies from another without saying so.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from claimtrail.analysis.comparisons import WINDOW_DAYS, agreement_verdict, gap_days, relation
from claimtrail.analysis.estimates import Estimates
from claimtrail.analysis.grading import FigureEvidence, SourceEvidence, figure_grade, source_grade
from claimtrail.analysis.provenance import is_named
from claimtrail.analysis.reuse import Passage
from claimtrail.io.claims import chain_links
from claimtrail.io.record import Record
from claimtrail.text.attribution import republished_source

GRADE_COLUMNS = (
    "claim_id",
    "source",
    "reliability",
    "credibility",
    "grade",
    "relay",
    "independent",
    "same_origin",
    "contradicting",
    "rules",
    "reasons",
)
INDEPENDENCE_COLUMNS = (
    "claim_id",
    "comparator_id",
    "verdict",
    "independence",
    "comparator_origin",
    "comparator_chain",
)
# Verdicts that bear on a claim's truth (the rest give context over time).
_BEARING = ("agrees", "disagrees", "consistent with nesting", "part exceeds whole")


def _origin(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def figure_chains(record: Record) -> dict[str, str]:
    """Each figure's chain in words: a claim's coded chain, a reference figure's speaker
    and the outlet that published it."""
    chains = dict(zip(record.claims["claim_id"], record.claims["chain"], strict=True))
    for row in record.reference.to_dict("records"):
        chains[row["ref_id"]] = f"{row['speaker']} > {row['publisher']}"
    return chains


def linked_articles(passages: Iterable[Passage]) -> set[frozenset[str]]:
    """Pairs of articles one of which copies text from the other."""
    return {frozenset((p.doc_a, p.doc_b)) for p in passages}


def independence(record: Record, estimates: Estimates, passages: Iterable[Passage]) -> pd.DataFrame:
    """For every claim and every comparator that bears on its truth: whether the
    comparator is ``independent``, of the ``same origin``, or of ``unknown`` independence
    (the claim or the comparator attributed to no one; a corpus claim of the same or a
    copying article), with the comparator's origin and chain (``INDEPENDENCE_COLUMNS``)."""
    frame = estimates.frame.set_index("id", drop=False)
    chains = figure_chains(record)
    linked = linked_articles(passages)
    rows = []
    table = estimates.comparisons
    for r in table[
        table["verdict"].isin(_BEARING) & ~table["claim_id"].str.contains("+", regex=False)
    ].itertuples():
        claim, other = frame.loc[r.claim_id], frame.loc[r.comparator_id]
        rows.append(
            {
                "claim_id": r.claim_id,
                "comparator_id": r.comparator_id,
                "verdict": r.verdict,
                "independence": _independence(claim, other, linked),
                "comparator_origin": _origin(other["origin"]) or "unattributed",
                "comparator_chain": chains[r.comparator_id],
            }
        )
    return pd.DataFrame(rows, columns=list(INDEPENDENCE_COLUMNS))


def _independence(claim: pd.Series, other: pd.Series, linked: set[frozenset[str]]) -> str:
    theirs = _origin(other["origin"])
    if theirs is None:
        return "unknown"
    if other["source"] == "corpus" and (
        other["article_id"] == claim["article_id"]
        or frozenset((other["article_id"], claim["article_id"])) in linked
    ):
        return "unknown"
    ours = _origin(claim["origin"])
    if ours is None:
        return "unknown origin of the claim"
    return "same origin" if theirs == ours else "independent"


def figure_evidence(
    record: Record, estimates: Estimates, table: pd.DataFrame
) -> dict[str, FigureEvidence]:
    """The :class:`FigureEvidence` of every claim, from the independence ``table``."""
    origins = dict(zip(estimates.frame["id"], estimates.frame["origin"], strict=True))
    inconsistent = {
        c
        for flag, claims in zip(estimates.flags["flag"], estimates.flags["claims"], strict=True)
        if flag == "internal inconsistency"
        for c in claims.split()
    }
    relations = {
        (r.claim_id, r.comparator_id): r.relation for r in estimates.comparisons.itertuples()
    }
    evidence = {}
    for claim_id in record.claims["claim_id"]:
        rows = table[table["claim_id"] == claim_id]
        usable = rows[rows["independence"].isin(("independent", "unknown origin of the claim"))]

        def ids(frame: pd.DataFrame, *verdicts: str) -> tuple[str, ...]:
            return tuple(frame.loc[frame["verdict"].isin(verdicts), "comparator_id"])

        def origin_count(chosen: tuple[str, ...]) -> int:
            return len({origins[i] for i in chosen})

        exceeding = rows[rows["verdict"] == "part exceeds whole"]
        as_part = tuple(
            i for i in exceeding["comparator_id"] if relations[(claim_id, i)] == "contained"
        )
        independent = ids(usable, "agrees")
        evidence[claim_id] = FigureEvidence(
            origin_known=_origin(origins[claim_id]) is not None,
            independent=independent,
            independent_origins=origin_count(independent),
            consistent=ids(usable, "consistent with nesting"),
            contradicting=ids(usable, "disagrees", "part exceeds whole"),
            same_origin=ids(rows[rows["independence"] == "same origin"], "agrees"),
            exceeds=as_part,
            inconsistent=claim_id in inconsistent,
        )
    return evidence


def source_records(record: Record, estimates: Estimates) -> pd.DataFrame:
    """Each source's record: its reference figures confirmed or contradicted by figures
    of other origins for the same population, place and time (within ``WINDOW_DAYS``) or
    the same event. Figures of sources whose access is unknown (unnamed experts) judge
    nothing and are not judged. Columns: source, judged, confirmed, contradicted (ids)."""
    frame = estimates.frame
    sources = dict(zip(record.reference["ref_id"], record.reference["source"], strict=True))
    unknown = set(record.sources.loc[record.sources["access"] == "unknown", "source"])
    references = [
        r
        for r in frame[frame["source"] == "reference"].to_dict("records")
        if sources[r["id"]] not in unknown
    ]
    verdicts: dict[str, list[str]] = {}
    for figure in references:
        for other in references:
            if other["id"] == figure["id"] or other["origin"] == figure["origin"]:
                continue
            relation_ = relation(figure, other, record.nesting)
            if (
                relation_ == "same"
                and gap_days(figure, other) <= WINDOW_DAYS
                or (relation_ == "same event")
            ):
                verdicts.setdefault(figure["id"], []).append(agreement_verdict(figure, other))
    rows = []
    for code in record.sources["source"]:
        mine = [i for i, s in sources.items() if s == code and i in verdicts]
        confirmed = [i for i in mine if "agrees" in verdicts[i] and "disagrees" not in verdicts[i]]
        contradicted = [
            i for i in mine if "disagrees" in verdicts[i] and "agrees" not in verdicts[i]
        ]
        rows.append(
            {
                "source": code,
                "judged": " ".join(mine),
                "confirmed": " ".join(confirmed),
                "contradicted": " ".join(contradicted),
            }
        )
    return pd.DataFrame(rows)


def source_grades(record: Record, estimates: Estimates) -> pd.DataFrame:
    """One letter per source, with the rules that produced it and its record."""
    records = source_records(record, estimates).set_index("source")
    rows = []
    for row in record.sources.to_dict("records"):
        history = records.loc[row["source"]]
        result = source_grade(
            SourceEvidence(
                row["source"],
                row["access"],
                row["interest"],
                tuple(history["confirmed"].split()),
                tuple(history["contradicted"].split()),
            )
        )
        rows.append(
            {
                "source": row["source"],
                "name": row["name"],
                "reliability": result.letter,
                "access": row["access"],
                "interest": row["interest"],
                "confirmed": history["confirmed"],
                "contradicted": history["contradicted"],
                "rules": " ".join(result.rules),
                "reasons": "; ".join(result.reasons),
            }
        )
    return pd.DataFrame(rows)


def relay(
    row: dict, article: dict, copied_from: dict[str, list[str]], outlets: dict[str, str]
) -> str:
    """How one claim reached the page, in words: no source named; the intermediaries
    between its speaker and the first outlet (the unnamed marked); a republished page;
    passages its article copies from another without naming it. "first-hand" when none
    of these holds."""
    chain = chain_links(row["chain"])
    original = republished_source(article["republished_from"])
    first_outlet = original or str(article["outlet"])
    speaker = row["speaker"] if isinstance(row["speaker"], str) else None
    start = chain.index(speaker) + 1 if speaker in chain else 0
    end = chain.index(first_outlet) if first_outlet in chain else len(chain) - 1
    between = chain[start:end]
    parts = []
    if speaker is None:
        parts.append("unattributed (the page names no source)")
    named = [n for n in between if is_named(n)]
    unnamed = [n for n in between if not is_named(n)]
    if named or unnamed:
        who = named + [f"{n} (unnamed)" for n in unnamed]
        parts.append(f"relayed by {', '.join(who)}")
    if original:
        parts.append(f"republished from {original}")
    for earlier in copied_from.get(row["article_id"], []):
        parts.append(
            f"the article copies article {earlier} ({outlets.get(earlier, 'outlet unknown')}) "
            "without naming it"
        )
    return "; ".join(parts) or "first-hand: the outlet reports the named source directly"


def uncredited_copies(record: Record, passages: Iterable[Passage]) -> dict[str, list[str]]:
    """{article: earlier articles it copies passages from without naming their outlet}."""
    articles = record.corpus.set_index("article_id")
    published = articles["published"].to_dict()
    found: dict[str, set[str]] = {}
    for p in passages:
        earlier, later = sorted((p.doc_a, p.doc_b), key=lambda a: str(published[a]))
        outlet = articles.loc[earlier, "outlet"]
        if not (isinstance(outlet, str) and outlet in articles.loc[later, "text"]):
            found.setdefault(later, set()).add(earlier)
    return {a: sorted(e) for a, e in found.items()}


def grade_claims(record: Record, estimates: Estimates, passages: Iterable[Passage]) -> pd.DataFrame:
    """Every claim's grade (``GRADE_COLUMNS``): its source's letter, its figure's digit,
    the relay judged apart, the figures weighed and the rules that fired."""
    passages = list(passages)
    table = independence(record, estimates, passages)
    figures = figure_evidence(record, estimates, table)
    letters = source_grades(record, estimates).set_index("source")
    articles = record.corpus.set_index("article_id")
    outlets = articles["outlet"].fillna("outlet unknown").to_dict()
    copied = uncredited_copies(record, passages)
    rows = []
    for row in record.claims.to_dict("records"):
        code = row["source"] if isinstance(row["source"], str) else None
        if code is None:
            source = source_grade(SourceEvidence(None))
            letter, source_rules = source.letter, " ".join(source.rules)
            source_reasons = "; ".join(source.reasons)
        else:
            graded = letters.loc[code]
            letter, source_rules, source_reasons = (
                graded["reliability"],
                graded["rules"],
                graded["reasons"],
            )
        evidence = figures[row["claim_id"]]
        credibility = figure_grade(evidence)
        how = relay(row, articles.loc[row["article_id"]].to_dict(), copied, outlets)
        rows.append(
            {
                "claim_id": row["claim_id"],
                "source": code or "",
                "reliability": letter,
                "credibility": credibility.digit,
                "grade": f"{letter}{credibility.digit}",
                "relay": how,
                "independent": " ".join(evidence.independent + evidence.consistent),
                "same_origin": " ".join(evidence.same_origin),
                "contradicting": " ".join(evidence.contradicting + evidence.exceeds),
                "rules": " ".join((source_rules, *credibility.rules)),
                "reasons": "; ".join((source_reasons, *credibility.reasons)),
            }
        )
    return pd.DataFrame(rows, columns=list(GRADE_COLUMNS))
