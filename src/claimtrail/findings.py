"""The book's headline findings, computed from the data, each with the section that proves it.

Every number in a finding comes from the analysis functions run here on the repository's
data; :func:`findings` returns MyST Markdown with references to the chapter sections
and figures, for the front page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from claimtrail.claims import load_claims
from claimtrail.comparisons import all_flags, figure_text, timeline_frame
from claimtrail.corpus import load_corpus
from claimtrail.evaluation import Evaluation, evaluate
from claimtrail.extract import corpus_articles, extract_claims
from claimtrail.furniture import body_spans
from claimtrail.grading import SUPPORT_ORDER
from claimtrail.provenance import article_links, grade_claims, wire_sources
from claimtrail.reference import load_reference
from claimtrail.render import markdown_escape
from claimtrail.reuse import find_copied_passages


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


def findings(root: Path | str) -> list[Finding]:
    """Compute the headline findings from the data under ``root``."""
    corpus = load_corpus(root)
    claims = load_claims(root, corpus)
    reference = load_reference(root)
    frame = timeline_frame(claims, reference)
    flags = all_flags(claims, corpus, reference)
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    passages = find_copied_passages(texts, body_spans={k: body_spans(v) for k, v in texts.items()})
    links = article_links(
        corpus,
        claims,
        passages,
        wire_sources(texts, corpus.set_index("article_id")["outlet"].to_dict()),
    )
    grades = grade_claims(claims, corpus, reference).merge(claims, on="claim_id")
    result = _extraction(corpus, claims)

    dated = int((corpus["date_precision"] == "day").sum())
    from_russia = frame[
        (frame["source"] == "corpus")
        & (frame["measure"] == "fighters")
        & frame["population"].str.contains("Russia|North Caucasus")
    ].sort_values("earliest")
    first, last = from_russia.iloc[0], from_russia.iloc[-1]
    inconsistent = flags[flags["flag"] == "internal inconsistency"].iloc[0]
    truncated = flags[flags["reason"].str.contains("truncated")].iloc[0]
    stale = flags[flags["flag"] == "stale"].iloc[0]
    dependent = links[~links["independent"]]
    ranked = grades.assign(support=grades["credibility"].map(SUPPORT_ORDER.index)).sort_values(
        ["support", "reliability", "claim_id"]
    )
    best, worst = ranked.iloc[0], ranked.iloc[-1]
    confirmed = int((grades["credibility"] == 1).sum())
    return [
        Finding(
            f"The corpus is {len(corpus)} articles; only {dated} print a full date, the "
            f"other {len(corpus) - dated} are dated from what their text says, to the month "
            "or the year.",
            "corpus-dates",
            "fig-publication-dates",
        ),
        Finding(
            f"The {len(claims)} estimate claims fall into "
            f"{frame.loc[frame['source'] == 'corpus', 'group'].nunique()} comparability "
            f"groups; the {len(from_russia)} figures for fighters from Russia, from "
            f"{figure_text(first)} ({first['population']}) to {figure_text(last)} "
            f"({last['population']}), count {from_russia['group'].nunique()} different "
            "populations, so they show no trend.",
            "estimates-groups",
            "fig-estimates-timeline",
        ),
        Finding(
            f"{inconsistent['reason'][0].upper()}{inconsistent['reason'][1:]}: a claim "
            "contradicted by its own figures.",
            "estimates-flags",
        ),
        Finding(
            f"{truncated['quotes']}: {truncated['reason']}.",
            "estimates-flags",
        ),
        Finding(
            f"{stale['quotes']} is stale: {stale['reason']}.",
            "estimates-flags",
        ),
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
    return evaluate(claims.rename(columns={"article_id": "article"}).to_dict("records"), found)
