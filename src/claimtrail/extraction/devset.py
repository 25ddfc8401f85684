"""The development reports (data/fakes-dev): the FA-KES reports, the annotated sample,
its hand annotation checked on load, and the extractor's scores on them.

The sample is chosen by the ids alone (:func:`development_sample`), so that which reports
were annotated depends on nothing the extractor does. :func:`load_annotation` refuses an
annotation whose quote is not the text at its offsets or whose bounds break the codebook.
:func:`score_development` scores the extractor against the annotation and checks the
dataset's death tolls (:func:`death_toll_check`); chapter 4, the benchmark and a test use
it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimtrail.extraction.evaluation import NO_OVERLAP, Evaluation, evaluate, overlap
from claimtrail.extraction.extract import Article, extract_claims, headline_span
from claimtrail.io.errors import DataError, where
from claimtrail.text.numbers import find_numbers

FOLDER = Path("data") / "fakes-dev"
SAMPLE_SIZE = 60
SCOPES = ("event", "cumulative")
REPORT_COLUMNS = ("id", "published", "source", "nb_civilians", "nb_noncivilians", "title", "text")
# Which bounds each qualifier sets (codebook rule 2); a range sets low and high.
_BOUNDS = {
    "none": {"best"},
    "about": {"best"},
    "more_than": {"low"},
    "at_least": {"low"},
    "vague": {"low"},
    "up_to": {"high"},
    "fewer_than": {"high"},
    "nearly": {"best", "high"},
    "range": {"low", "high"},
}


@dataclass(frozen=True)
class Report:
    """One development report: id, date and outlet token as the dataset gives them, the
    dataset's death toll of the event (civilians plus non-civilians), headline and text."""

    id: str
    published: str
    source: str
    death_toll: int
    title: str
    text: str


def development_sample(ids: Iterable[str], size: int = SAMPLE_SIZE) -> list[str]:
    """The ``size`` ids whose SHA-256 (of the id's UTF-8, in hex) sorts first, in that order.

    >>> development_sample(["a", "b", "c"], 2)
    ['c', 'b']
    """
    return sorted(ids, key=lambda i: hashlib.sha256(i.encode("utf-8")).hexdigest())[:size]


def load_reports(root: Path | str) -> list[Report]:
    """Every report of data/fakes-dev/reports.csv, in file order."""
    path = Path(root) / FOLDER / "reports.csv"
    with open(path, encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        missing = [c for c in REPORT_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{path}: missing column(s) {', '.join(missing)}")
        reports = []
        for number, row in enumerate(reader, start=1):
            try:
                toll = int(row["nb_civilians"]) + int(row["nb_noncivilians"])
            except ValueError:
                field = "nb_civilians" if not row["nb_civilians"].isdigit() else "nb_noncivilians"
                raise DataError(f"{where(path, number, field)}: not a whole number") from None
            reports.append(
                Report(row["id"], row["published"], row["source"], toll, row["title"], row["text"])
            )
    return reports


def _check_claim(claim: dict, text: str, location: str) -> None:
    """Raise DataError unless the claim's quote, bounds, as-of and scope are well formed."""
    if text[claim["start"] : claim["end"]] != claim["quote"]:
        raise DataError(f"{location}, field 'quote': not the text at {claim['start']}")
    qualifier = claim["qualifier"]
    given = {k for k in ("low", "best", "high") if claim.get(k) is not None}
    if _BOUNDS.get(qualifier) != given:
        raise DataError(f"{location}, field 'qualifier': {qualifier!r} with bounds {sorted(given)}")
    if claim["scope"] not in SCOPES:
        raise DataError(f"{location}, field 'scope': {claim['scope']!r} is not one of {SCOPES}")
    if (claim["as_of"] is None) != (claim["as_of_precision"] is None):
        raise DataError(f"{location}, field 'as_of': date and precision go together")


def load_annotation(root: Path | str, reports: Iterable[Report] | None = None) -> list[dict]:
    """The annotated reports of data/fakes-dev/annotation.jsonl (``id``, ``claims``,
    ``not_claims``), each quote checked against the report's text."""
    root = Path(root)
    path = root / FOLDER / "annotation.jsonl"
    texts = {r.id: r.text for r in (reports if reports is not None else load_reports(root))}
    annotated = []
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        report = json.loads(line)
        if report["id"] not in texts:
            raise DataError(f"{path}, line {line_number}, field 'id': no report {report['id']!r}")
        text = texts[report["id"]]
        for kind in ("claims", "not_claims"):
            for index, item in enumerate(report[kind], start=1):
                location = f"{path}, line {line_number}, {kind} {index}"
                if kind == "claims":
                    _check_claim(item, text, location)
                elif text[item["start"] : item["end"]] != item["quote"]:
                    raise DataError(f"{location}, field 'quote': not the text at {item['start']}")
        annotated.append(report)
    return annotated


def gold_claims(annotation: Iterable[dict]) -> list[dict]:
    """The annotated claims as rows for :func:`claimtrail.extraction.evaluation.evaluate` (with
    ``article``), in report order."""
    return [
        {**claim, "article": report["id"]} for report in annotation for claim in report["claims"]
    ]


def articles(reports: Iterable[Report]) -> list[Article]:
    """The reports as articles to extract from, with their headlines (so that a headline
    repeated in the text gives one row)."""
    return [Article(r.id, r.text, r.published, title=r.title) for r in reports]


def _stated_values(report: Report) -> set[float]:
    """Every value a number of the report's body states (after a repeated headline)."""
    headline = headline_span(report.text, report.title)
    numbers = find_numbers(report.text, headline[1] if headline else 0)
    return {v for e in numbers for v in (e.low, e.best, e.high) if v is not None}


@dataclass(frozen=True)
class TollCheck:
    """The FA-KES death toll against the extractor's killed figures: ``stating`` reports
    whose body states the toll (a number of the body, after the headline, with that
    value; toll zero not counted), ``found`` of them with the toll among the values of
    their killed figures, and the mean number of distinct killed figures per report."""

    reports: int
    stating: int
    found: int
    mean_death_figures: float
    missed: tuple[str, ...]

    @property
    def share(self) -> float:
        """found / stating."""
        return self.found / self.stating if self.stating else math.nan


def death_toll_check(reports: Iterable[Report], rows: Iterable[dict]) -> TollCheck:
    """Check the extracted ``rows`` against the dataset's death toll of each report."""
    killed: dict[str, list[dict]] = {}
    for row in rows:
        if row["measure"] == "killed":
            killed.setdefault(row["article"], []).append(row)
    reports = list(reports)
    stating, found, figures, missed = 0, 0, [], []
    for report in reports:
        if report.death_toll == 0 or report.death_toll not in _stated_values(report):
            continue
        stating += 1
        own = killed.get(report.id, [])
        figures.append(len({(r["low"], r["best"], r["high"]) for r in own}))
        values = {r[k] for r in own for k in ("low", "best", "high") if r[k] is not None}
        if report.death_toll in values:
            found += 1
        else:
            missed.append(report.id)
    mean = sum(figures) / len(figures) if figures else math.nan
    return TollCheck(len(reports), stating, found, mean, tuple(missed))


# The kinds of number the annotation lists as not claims, in words (the data folder's
# README defines them).
NOT_CLAIM_KINDS = {
    "dateline": "dateline",
    "date": "date",
    "year": "year",
    "duration": "duration",
    "age": "age",
    "object": "object counted (rockets, airstrikes, villages, distances)",
    "headline": "headline figure the body repeats",
    "people_other": "people counted for no codebook measure",
    "furniture": "furniture",
    "rhetoric": "rhetoric",
}


def explain_false_hits(false_hits: Iterable[dict], annotation: Iterable[dict]) -> list[dict]:
    """The false hits, each one that overlaps a number the annotation lists as not a claim
    given that as its reason ("a dateline, not a claim")."""
    not_claims = {report["id"]: report["not_claims"] for report in annotation}
    explained = []
    for hit in false_hits:
        listed = [n for n in not_claims.get(hit["article"], []) if overlap(n, hit) > 0]
        if listed and hit["reason"] == NO_OVERLAP:
            kinds = " and ".join(
                sorted({NOT_CLAIM_KINDS.get(n["kind"], n["kind"]) for n in listed})
            )
            hit = {**hit, "reason": f"annotated as {kinds}, not a claim"}
        explained.append(hit)
    return explained


@dataclass(frozen=True)
class DevelopmentScore:
    """The extractor on the development reports: the evaluation against the annotation
    (with false hits explained), and the death-toll check over every report."""

    evaluation: Evaluation
    false_hits: list[dict]
    toll: TollCheck
    rows: list[dict]

    def summary(self) -> dict[str, float | int]:
        """The figures the targets are about, rounded to 4 places (the benchmark records
        these and a test recomputes them)."""
        result = self.evaluation
        accuracy = result.field_accuracy()
        low, high = result.intervals()["precision"]
        r_low, r_high = result.intervals()["recall"]
        return {
            "claims": result.gold,
            "extracted": result.extracted,
            "matched": result.matched,
            "precision": round(result.precision, 4),
            "precision_low": round(low, 4),
            "precision_high": round(high, 4),
            "recall": round(result.recall, 4),
            "recall_low": round(r_low, 4),
            "recall_high": round(r_high, 4),
            "bounds": round(accuracy["bounds"], 4),
            "as_of": round(accuracy["as_of"], 4),
            "as_of_pairs": result.field_pairs["as_of"],
            "scope": round(accuracy["scope"], 4),
            "toll_reports": self.toll.reports,
            "toll_stating": self.toll.stating,
            "toll_found": self.toll.found,
            "death_toll": round(self.toll.share, 4),
            "death_figures": round(self.toll.mean_death_figures, 4),
        }


def score_development(root: Path | str) -> DevelopmentScore:
    """Run the extractor over every development report and score it: against the
    annotation of the sample, and the death toll over all reports."""
    reports = load_reports(root)
    annotation = load_annotation(root, reports)
    rows = [row for article in articles(reports) for row in extract_claims(article)]
    sample = {report["id"] for report in annotation}
    result = evaluate(gold_claims(annotation), [r for r in rows if r["article"] in sample])
    return DevelopmentScore(
        result,
        explain_false_hits(result.false_hits, annotation),
        death_toll_check(reports, rows),
        rows,
    )
