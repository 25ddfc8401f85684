"""The development reports (data/fakes-dev): the FA-KES reports, the annotated sample and
its hand annotation, checked on load.

The sample is chosen by the ids alone (:func:`development_sample`), so that which reports
were annotated depends on nothing the extractor does. :func:`load_annotation` refuses an
annotation whose quote is not the text at its offsets or whose bounds break the codebook.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimtrail.errors import DataError, where

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
    """The annotated claims as rows for :func:`claimtrail.evaluation.evaluate` (with
    ``article``), in report order."""
    return [
        {**claim, "article": report["id"]} for report in annotation for claim in report["claims"]
    ]
