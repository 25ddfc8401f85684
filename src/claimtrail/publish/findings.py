"""The book's headline findings, computed from the data, each with the section that proves it.

Every number in a finding comes from the analysis functions run here on the repository's
data; :func:`findings` returns them for the front page; :func:`estimate_findings`,
:func:`provenance_findings` and :func:`extraction_findings` those chapters 2, 3 and 4
open with. Each :class:`Finding` renders as MyST Markdown with references
to the chapter sections and figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from claimtrail.analysis.comparisons import figure_text
from claimtrail.analysis.estimates import Estimates, compare_estimates
from claimtrail.analysis.provenance import article_links, wire_sources
from claimtrail.analysis.reuse import article_passages
from claimtrail.analysis.support import grade_claims
from claimtrail.extraction.devset import DevelopmentScore, score_development
from claimtrail.extraction.evaluation import (
    DEVELOPMENT_TARGETS,
    HELD_OUT,
    TARGETS,
    Evaluation,
    score_passages,
)
from claimtrail.io.record import Record, load_record
from claimtrail.publish.render import markdown_escape

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


def _number(count: int) -> str:
    """A count as a reader expects it: to ten in words, above in digits."""
    return _WORDS[count] if count < len(_WORDS) else f"{count:,}"


def _plural(count: int, one: str, many: str | None = None) -> str:
    """ "one figure", "two figures", "26 figures"."""
    return f"{_number(count)} {one if count == 1 else (many or one + 's')}"


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


def _shared_phrase(part: str) -> str:
    """What two articles share, as a verb phrase: "both cite Reuters"."""
    kind, _, detail = part.partition(": ")
    if kind == "common wire source":
        return f"both cite {detail}"
    if kind == "same statement":
        return f"report the same statement ({detail})"
    return f"share {kind} ({detail})"


def provenance_findings(
    record: Record, estimates: Estimates, links: pd.DataFrame, grades: pd.DataFrame
) -> list[Finding]:
    """What chapter 3 found: which articles share an origin, and what the grades say."""
    claims = record.claims.set_index("claim_id")
    table = estimates.comparisons
    articles_of = claims["article_id"].to_dict()
    pairs = list(zip(table["claim_id"], table["comparator_id"], strict=True))
    statements = claims["statement"].dropna()
    pairs += [
        (a, b) for a in statements.index for b in statements.index if statements[a] == statements[b]
    ]
    compared = {
        frozenset((articles_of[a], articles_of[b]))
        for a, b in pairs
        if a in articles_of and b in articles_of and articles_of[a] != articles_of[b]
    }
    dependent = links[~links["independent"]]
    described = []
    for r in dependent.itertuples():
        words = f"{r.article_a} and {r.article_b} " + " and ".join(
            _shared_phrase(part) for part in r.shared.split("; ")
        )
        if frozenset((r.article_a, r.article_b)) not in compared:
            words += ", though no claim of one is compared with a claim of the other"
        described.append(words)
    found = [
        Finding(
            _sentence(
                f"{_number(len(dependent))} of the "
                f"{_plural(len(links), 'pair')} of articles share an origin, so their "
                "agreement is not corroboration: "
            )
            + "; ".join(described)
            + ".",
            "provenance-independence",
            "fig-independence",
        )
    ]
    confirmed = grades[grades["credibility"] == 1]
    if not confirmed.empty:
        found.append(
            Finding(
                _sentence(
                    f"{_plural(len(confirmed), 'claim')} of {len(grades)} "
                    f"{'is' if len(confirmed) == 1 else 'are'} confirmed by independent "
                    "sources"
                    + (
                        ", though the page names no source: "
                        if (confirmed["source"] == "").all()
                        else ": "
                    )
                )
                + "; ".join(
                    f"{r.claim_id} (\u201c{claims.loc[r.claim_id, 'quote']}\u201d, article "
                    f"{articles_of[r.claim_id]}) by {_ids(r.independent.split())}"
                    for r in confirmed.itertuples()
                )
                + ".",
                "provenance-grades",
                "fig-grades",
            )
        )
    worst = grades[grades["credibility"] == 5]
    if not worst.empty:
        found.append(
            Finding(
                "The least supported are improbable (5): "
                + "; ".join(
                    f"{r.claim_id} (\u201c{claims.loc[r.claim_id, 'quote']}\u201d, "
                    f"{r.reasons.split('; ')[-1].split(': ', 1)[1]})"
                    for r in worst.itertuples()
                )
                + ".",
                "provenance-grades",
                "fig-grades",
            )
        )
    unjudged = grades[grades["credibility"] == 6]
    by_letter = grades.groupby("reliability")["claim_id"].apply(list)
    found.append(
        Finding(
            f"For {_plural(len(unjudged), 'claim')} nothing independent bears on the figure "
            f"(credibility 6): {_ids(list(unjudged['claim_id']))}. The letters rate the "
            "source that first gave each figure, from its access to what it counts, its "
            "stake in the number and its record, not how the page attributes it: "
            + "; ".join(f"{letter} for {_ids(ids)}" for letter, ids in by_letter.items())
            + ".",
            "provenance-sources",
        )
    )
    return found


def findings(root: Path | str) -> list[Finding]:
    """Compute the headline findings from the data under ``root``."""
    record = load_record(root)
    corpus, claims = record.corpus, record.claims
    estimates = compare_estimates(record)
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    passages = article_passages(texts)
    links = article_links(
        corpus,
        claims,
        passages,
        wire_sources(texts, corpus.set_index("article_id")["outlet"].to_dict()),
    )
    grades = grade_claims(record, estimates, passages)
    dated = int((corpus["date_precision"] == "day").sum())
    return [
        Finding(
            f"The corpus is {_plural(len(corpus), 'article')}; only {_number(dated)} "
            f"print{'s' if dated == 1 else ''} a full date, the other "
            f"{_number(len(corpus) - dated)} are dated from what their text says.",
            "corpus-dates",
            "fig-publication-dates",
        ),
        *estimate_findings(record, estimates),
        *provenance_findings(record, estimates, links, grades),
        _extractor_finding(score_development(root), score_passages(Path(root) / HELD_OUT)),
    ]


def _scores(result: Evaluation) -> str:
    """ "precision 0.96 (95% interval 0.93-0.98) and recall 0.97 (0.94-0.98)"."""
    intervals = result.intervals()
    p_low, p_high = intervals["precision"]
    r_low, r_high = intervals["recall"]
    return (
        f"precision {result.precision:.2f} (95% interval {p_low:.2f}-{p_high:.2f}) and "
        f"recall {result.recall:.2f} ({r_low:.2f}-{r_high:.2f})"
    )


def _false_hits(count: int, annotated: int) -> str:
    """ "All ten false hits are numbers ...", "Ten false hits, six of them numbers ..."."""
    if count == 0:
        return "It has no false hit."
    if annotated == count:
        every = "The one false hit is" if count == 1 else f"All {_number(count)} false hits are"
        return f"{every} numbers the annotation lists as not claims."
    return (
        f"{_sentence(_plural(count, 'false hit'))}, {_number(annotated)} of them numbers the "
        "annotation lists as not claims."
    )


def _lower(development: Evaluation, held_out: Evaluation) -> str:
    """ "lower: " when both held-out scores are below the development ones, else ""."""
    lower = held_out.precision < development.precision and held_out.recall < development.recall
    return "lower: " if lower else ""


def _extractor_finding(development: DevelopmentScore, held_out: Evaluation) -> Finding:
    """The front page's word on the extractor: its scores on real wire reports and on text
    it was never tuned on, never its score on the articles it was built from."""
    dev = development.evaluation
    return Finding(
        f"On {_number(len({g['article'] for g in dev.gold_rows}))} real wire reports "
        f"annotated by hand ({dev.gold} claims), the automatic extractor scores "
        f"{_scores(dev)}; those reports guided its rules, and on written passages never used "
        f"to change it the scores are {_lower(dev, held_out)}{_scores(held_out)}.",
        "extraction-development",
        "fig-extraction-measures",
    )


def extraction_findings(
    development: DevelopmentScore,
    seed: Evaluation,
    held_out: Evaluation,
    throughput: dict[str, dict],
    scaling: list[dict],
) -> list[Finding]:
    """What chapter 4 found: the extractor on the development reports (scores, bounds,
    as-of dates, death tolls, false hits), on text it was never tuned on, on the seed
    articles, and its recorded speed and memory (``throughput`` and ``scaling`` as
    benchmarks/extraction.py records them)."""
    dev, toll, targets = development.evaluation, development.toll, DEVELOPMENT_TARGETS
    summary = development.summary()
    annotated = sum(f["reason"].startswith("annotated as") for f in development.false_hits)
    met = dev.precision >= targets["precision"] and dev.recall >= targets["recall"]
    found = [
        Finding(
            f"On {_number(len({g['article'] for g in dev.gold_rows}))} real wire reports "
            f"annotated by hand ({dev.gold} claims) the extractor finds {dev.matched} with the "
            f"right span, measure and bounds: {_scores(dev)}, "
            f"{'meeting' if met else 'short of'} the targets of {targets['precision']:.2f} "
            f"and {targets['recall']:.2f}. " + _false_hits(len(development.false_hits), annotated),
            "extraction-development",
            "fig-extraction-measures",
        ),
        Finding(
            f"Where it finds a claim, its bounds are right in {summary['bounds']:.0%} of "
            f"cases, and its as-of date in {summary['as_of']:.0%} of the "
            f"{summary['as_of_pairs']} matched claims whose report dates the event.",
            "extraction-differences",
        ),
        Finding(
            f"The death toll FA-KES records for a report is among the extractor's killed "
            f"figures in {toll.found} of the {toll.stating} reports whose body states it "
            f"({toll.share:.1%}), with {toll.mean_death_figures:.1f} distinct death figures "
            f"per report on average.",
            "extraction-tolls",
        ),
        Finding(
            f"The development reports guided the rules, so they flatter it. On written "
            f"passages never used to change the extractor ({held_out.gold} claims) the scores "
            f"are {_scores(held_out)}: expect more misses on new kinds of text.",
            "extraction-passages",
        ),
        Finding(
            f"On the five seed articles, which it was built from, it finds {seed.matched} of "
            f"the {seed.gold} hand-coded claims with "
            f"{_plural(len(seed.false_hits), 'false hit')}; the as-of date agrees for "
            f"{seed.field_accuracy()['as_of']:.0%} of them.",
            "extraction-corpus",
        ),
    ]
    bench, reports = throughput["benchmark texts"], throughput["development reports"]
    floor = TARGETS["throughput_floor"]
    largest, smallest = scaling[-1], scaling[0]
    found += [
        Finding(
            f"In the recorded benchmark run it was {bench['ratio']:.1f} times as fast as "
            f"quantulum3 on the benchmark texts ({'above' if bench['ratio'] >= floor else 'below'}"
            f" the floor of {floor:.0f}) and {reports['ratio']:.1f} times on the development "
            f"reports; quantulum3 finds numbers, not claims, and gives no measure, bounds or "
            f"speaker.",
            "extraction-speed",
        ),
        Finding(
            f"Memory stays flat as the corpus grows: {largest['peak_rss_mb']:.0f} MB at its "
            f"peak on {largest['megabytes']:,.0f} MB ({int(largest['documents']):,} documents) "
            f"against {smallest['peak_rss_mb']:.0f} MB on {smallest['megabytes']:,.0f} MB.",
            "extraction-speed",
            "fig-extraction-scaling",
        ),
    ]
    return found
