"""The book's headline findings, computed from the data, each with the section that proves it.

Every number in a finding comes from the analysis functions run here on the repository's
data; :func:`findings` returns them for the front page, :func:`estimate_findings` the
ones chapter 2 opens with. Each :class:`Finding` renders as MyST Markdown with references
to the chapter sections and figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from claimtrail.claims import extraction_gold
from claimtrail.comparisons import figure_text
from claimtrail.estimates import Estimates, compare_estimates
from claimtrail.evaluation import Evaluation, evaluate
from claimtrail.extract import corpus_articles, extract_claims
from claimtrail.furniture import body_spans
from claimtrail.grading import SUPPORT_ORDER
from claimtrail.provenance import article_links, grade_claims, wire_sources
from claimtrail.record import Record, load_record
from claimtrail.render import markdown_escape
from claimtrail.reuse import find_copied_passages

OFFICIAL = "Russian government"


@dataclass(frozen=True)
class Finding:
    """One finding: a sentence with its numbers, and where the book proves it."""

    text: str
    section: str
    figure: str | None = None

    def markdown(self) -> str:
        """The finding as a MyST list item with its references; the text is escaped, since
        it quotes the articles."""
        where = f"{{ref}}`{self.section}`"
        if self.figure:
            where += f", {{numref}}`{self.figure}`"
        return f"- {markdown_escape(self.text)} ({where})"


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _plural(count: int, one: str, many: str | None = None) -> str:
    """ "one figure", "two figures", "26 figures": numbers to ten in words."""
    number = _WORDS[count] if count < len(_WORDS) else f"{count:,}"
    return f"{number} {one if count == 1 else (many or one + 's')}"


def _sentence(text: str) -> str:
    """``text`` with its first letter capitalised."""
    return text[:1].upper() + text[1:]


def _ids(ids: list[str]) -> str:
    """ "C09", "C09 and C12", "C02, C09 and C12"."""
    ids = list(ids)
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1]


def _figure(row: pd.Series | dict) -> str:
    return f"{figure_text(row)} ({row['id']}, {row['as_of']})"


def russia_series(frame: pd.DataFrame, basis: str) -> pd.DataFrame:
    """Figures for citizens of Russia fighting with IS (any place) of one kind of count,
    in as-of order."""
    rows = frame[
        (frame["measure"] == "fighters") & (frame["population"] == "RU") & (frame["basis"] == basis)
    ]
    return rows.sort_values(["earliest", "id"])


def _by_year(rows: pd.DataFrame) -> str:
    """ "2015: about 800 (R34) to about 2,400 (R06)" for each year of as-of dates."""
    parts = []
    for year, group in rows.groupby(rows["earliest"].map(lambda d: d.year), sort=True):
        low = group.loc[group["point"].idxmin()]
        high = group.loc[group["point"].idxmax()]
        if low["id"] == high["id"]:
            parts.append(f"{year}: {figure_text(low)} ({low['id']})")
        else:
            parts.append(
                f"{year}: {figure_text(low)} ({low['id']}) to {figure_text(high)} ({high['id']})"
            )
    return "; ".join(parts)


def _russia_finding(frame: pd.DataFrame) -> Finding:
    fighting, went = russia_series(frame, "fighting"), russia_series(frame, "cumulative")
    official = fighting[fighting["origin"] == OFFICIAL]
    went_official = went[went["origin"] == OFFICIAL]
    both = pd.concat([fighting, went])
    other = both[both["origin"] != OFFICIAL]
    return Finding(
        "Russian officials' figures for citizens of Russia fighting with the Islamic State, "
        f"year by year: {_by_year(official)}. Their counts of everyone who went rose from "
        f"{_figure(went_official.iloc[0])} to {_figure(went_official.iloc[-1])}. Of the "
        f"{_plural(len(both), 'figure')} for Russians in the record, all but "
        f"{len(other)} trace back to Russian officials; the others come from "
        + _ids([f"{r['origin']} ({_figure(r)})" for _, r in other.iterrows()])
        + ". Agreement among official figures is not corroboration.",
        "estimates-russia",
        "fig-fighters-russia",
    )


def _corpus_russia_finding(record: Record, estimates: Estimates) -> Finding:
    frame, nesting = estimates.frame, record.nesting
    soviet = [c for c in nesting.codes("population") if "FSU" in nesting.ancestors("population", c)]
    from_fsu = frame[
        (frame["source"] == "corpus")
        & (frame["measure"] == "fighters")
        & frame["population"].isin(soviet)
    ].sort_values("id")
    shared = from_fsu.dropna(subset=["statement"]).groupby("statement")["id"].apply(list)
    retold = [
        f"{_ids(ids)} retell one statement ({s})" for s, ids in shared.items() if len(ids) > 1
    ]
    labels = sorted(set(from_fsu["population_label"]))
    return Finding(
        f"The corpus gives {_plural(len(from_fsu), 'figure')} for fighters from the former "
        f"Soviet Union ({_ids(list(from_fsu['id']))}). They count "
        f"{_plural(len(labels), 'population')} ({'; '.join(labels)}), all parts of the "
        "citizens of the former Soviet Union, so each is compared with the figures for its "
        "parts and its wholes" + (f"; {'; '.join(retold)}" if retold else "") + ".",
        "estimates-nesting",
    )


def estimate_findings(record: Record, estimates: Estimates) -> list[Finding]:
    """What chapter 2 found, each finding computed from the comparisons and flags."""
    flags, table = estimates.flags, estimates.comparisons
    rows = estimates.frame.set_index("id", drop=False)
    found = [_russia_finding(estimates.frame), _corpus_russia_finding(record, estimates)]
    inconsistent = flags[flags["flag"] == "internal inconsistency"]
    for flag in inconsistent.itertuples():
        later, earlier = flag.claims.split()
        found.append(
            Finding(
                f"{later} and {earlier} (article {rows.loc[later, 'article_id']}, "
                f"{rows.loc[later, 'speaker']}): {flag.reason}.",
                "estimates-flags",
            )
        )
    exceeds = flags[flags["flag"] == "part exceeds whole"]
    if not exceeds.empty:
        found.append(
            Finding(
                _sentence(
                    f"{_plural(len(exceeds), 'figure')} of the corpus "
                    f"{'is' if len(exceeds) == 1 else 'are'} larger than a contemporaneous "
                    "figure for a whole that holds it, even allowing for the imprecision of "
                    "estimates: "
                )
                + "; ".join(
                    f"{r.claims} ({figure_text(rows.loc[r.claims])}, "
                    f"{rows.loc[r.claims, 'speaker']}) against {r.evidence} "
                    f"({figure_text(rows.loc[r.evidence])}, {rows.loc[r.evidence, 'speaker']})"
                    for r in exceeds.itertuples()
                )
                + ".",
                "estimates-flags",
            )
        )
    sums = table[table["claim_id"].str.contains("+", regex=False)]
    for total, compared in sums.groupby("claim_id"):
        parts = total.split("+")
        against = compared[compared["verdict"] == "disagrees"]
        if against.empty:
            continue
        agree = compared[compared["verdict"] == "agrees"]
        article = rows.loc[parts[0], "article_id"]
        found.append(
            Finding(
                f"Article {article}'s figures for "
                + " and ".join(
                    f"{rows.loc[p, 'place_label']} ({p}, {figure_text(rows.loc[p])})" for p in parts
                )
                + f" add up to {against['detail'].iloc[0].split(' against ')[0]}, which "
                + "disagrees with "
                + _ids(
                    [
                        f"{r.comparator_id} ({figure_text(rows.loc[r.comparator_id])})"
                        for r in against.itertuples()
                    ]
                )
                + (
                    f" and agrees with {_ids(list(agree['comparator_id']))}: the estimates of "
                    "the time range too widely to settle it."
                    if not agree.empty
                    else "."
                ),
                "estimates-sums",
            )
        )
    truncated = table[table["detail"].str.contains("looks truncated", regex=False)]
    for claim_id, hits in truncated.groupby("claim_id"):
        first = rows.loc[hits["comparator_id"].iloc[0]]
        found.append(
            Finding(
                f"{claim_id}'s {figure_text(rows.loc[claim_id])} {rows.loc[claim_id, 'measure']} "
                f"(article {rows.loc[claim_id, 'article_id']}) disagrees with every toll "
                f"published before its article, and its digits begin the {first['speaker']}'s "
                f"{figure_text(first)} ({first['id']}): a truncation.",
                "estimates-revisions",
                "fig-kabul",
            )
        )
    related = {c for v in record.claims["related_claims"].dropna() for c in v.split()}
    ages = estimates.currency[~estimates.currency["claim_id"].isin(related)]
    oldest = ages.sort_values(["age_days", "claim_id"]).iloc[-1]
    stale = flags[flags["flag"] == "stale"]
    found.append(
        Finding(
            (
                _sentence(
                    f"{_plural(len(stale), 'figure')} {'is' if len(stale) == 1 else 'are'} "
                    "stale by the record as it stood at publication"
                )
                if len(stale)
                else "No figure is stale by the record as it stood at publication"
            )
            + f": the oldest, {oldest['claim_id']}, was printed {oldest['age_days']} days "
            "after its as-of date, "
            + (
                f"when newer figures existed ({_ids(oldest['newer'].split())})."
                if oldest["newer"]
                else "but no newer figure for the same or a containing population had been "
                "published by then."
            ),
            "estimates-record",
        )
    )
    return found


def findings(root: Path | str) -> list[Finding]:
    """Compute the headline findings from the data under ``root``."""
    record = load_record(root)
    corpus, claims = record.corpus, record.claims
    estimates = compare_estimates(record)
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    passages = find_copied_passages(texts, body_spans={k: body_spans(v) for k, v in texts.items()})
    links = article_links(
        corpus,
        claims,
        passages,
        wire_sources(texts, corpus.set_index("article_id")["outlet"].to_dict()),
    )
    grades = grade_claims(record, estimates).merge(claims, on="claim_id")
    result = _extraction(corpus, claims)
    dated = int((corpus["date_precision"] == "day").sum())
    dependent = links[~links["independent"]]
    ranked = grades.assign(support=grades["credibility"].map(SUPPORT_ORDER.index)).sort_values(
        ["support", "reliability", "claim_id"]
    )
    best, worst = ranked.iloc[0], ranked.iloc[-1]
    confirmed = int((grades["credibility"] == 1).sum())
    return [
        Finding(
            f"The corpus is {len(corpus)} articles; only {dated} print a full date, the "
            f"other {len(corpus) - dated} are dated from what their text says.",
            "corpus-dates",
            "fig-publication-dates",
        ),
        *estimate_findings(record, estimates),
        Finding(
            f"{len(dependent)} of {len(links)} pairs of articles are not independent, so "
            "their agreement is not corroboration: "
            + "; ".join(
                f"{r.article_a} and {r.article_b} share {r.shared}" for r in dependent.itertuples()
            )
            + ".",
            "provenance-independence",
            "fig-provenance-graph",
        ),
        Finding(
            f"{confirmed} of {len(claims)} claims is confirmed by an independent source; the "
            f"best supported, {best['claim_id']} (\u201c{best['quote']}\u201d), grades "
            f"{best['grade']}, the weakest, {worst['claim_id']} (\u201c{worst['quote']}\u201d), "
            f"grades {worst['grade']}.",
            "provenance-grades",
        ),
        Finding(
            f"The automatic extractor finds {result.matched} of the {result.gold} hand-coded "
            f"claims with {len(result.false_hits)} false hit(s) (precision "
            f"{result.precision:.2f}, recall {result.recall:.2f}).",
            "extraction-corpus",
        ),
    ]


def _extraction(corpus: pd.DataFrame, claims: pd.DataFrame) -> Evaluation:
    found = [
        row
        for article in corpus_articles(corpus.to_dict("records"))
        for row in extract_claims(article)
    ]
    return evaluate(extraction_gold(claims), found)
