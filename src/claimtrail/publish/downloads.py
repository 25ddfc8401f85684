"""Files the book publishes for download: generated outputs, the derived tables, and the
data behind each table and figure.

Pages link to downloads at :data:`SITE_DOWNLOADS`; the files are written to
:func:`downloads_folder`, which the book's ``house_style`` extension copies to the site.
The derived tables offered on the data page are :data:`DERIVED_TABLES`: to offer another
one, add a :class:`DerivedTable` whose ``build`` computes it from the repository root.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from claimtrail.analysis.comparisons import COMPARISON_COLUMNS
from claimtrail.analysis.estimates import compare_estimates
from claimtrail.analysis.flags import FLAG_COLUMNS
from claimtrail.analysis.provenance import build_graph, to_prov
from claimtrail.analysis.reuse import Passage, article_passages
from claimtrail.analysis.support import grade_claims, source_grades
from claimtrail.extraction.extract import OUTPUT_COLUMNS, corpus_articles, extract_claims
from claimtrail.io.corpus import describe_corpus, furniture_table, load_corpus, raw_dir
from claimtrail.io.outputs import atomic_writer, csv_cell
from claimtrail.io.record import Record, load_record
from claimtrail.publish.links import CLAIM_TEXT_FIELDS, backlinks, claim_mentions
from claimtrail.publish.tables import Download, csv_download

# Files served beside the pages: book/_build/extra is copied to the site root.
EXTRA = Path("book") / "_build" / "extra"
# The downloads' address from a page (every page is one folder below the site root).
SITE_DOWNLOADS = "../downloads"
# The repository's own data files, offered as they are.
DATA_FILES = {
    "data/articles.csv": "one row per article: outlet, dates with precision and evidence",
    "data/claims.csv": "one row per hand-coded estimate claim",
    "data/populations.csv": "the populations, places and events figures count, and how they nest",
    "data/sources.csv": "the sources that first gave the figures: access, interest, assessments",
    "data/outlets.csv": "the outlets whose pages carry the claims: owners and published ratings",
    "data/reference/estimates.csv": "published figures from outside the corpus, with citations",
    "data/reference/article_context.md": "cited facts used to date and attribute the articles",
    "data/fakes-dev/reports.csv": "the development reports, from FA-KES (Abu Salem et al., "
    "2019; CC BY 4.0), unchanged",
    "data/fakes-dev/annotation.jsonl": "the frozen hand annotation of 60 development reports",
}


def downloads_folder(root: Path | str) -> Path:
    """Where files for download are written under the repository ``root``."""
    return Path(root) / EXTRA / "downloads"


def download(frame: pd.DataFrame, root: Path | str, name: str) -> Download:
    """Write ``frame`` as ``name.csv`` for download beside the pages (see
    :func:`claimtrail.publish.tables.csv_download`) and return its link."""
    return csv_download(frame, downloads_folder(root), name, SITE_DOWNLOADS)


@dataclass(frozen=True)
class DerivedTable:
    """A table the analysis derives, offered on the data page: the file ``name`` (no
    extension), what it holds, and the function that computes it from the root."""

    name: str
    description: str
    build: Callable[[Path], pd.DataFrame]


def _corpus_table(root: Path) -> pd.DataFrame:
    return describe_corpus(load_corpus(root))


def _furniture(root: Path) -> pd.DataFrame:
    return furniture_table(load_corpus(root))


def reference_users(root: Path | str) -> pd.DataFrame:
    """One row per reference figure that claims use: the figure's id and the claims' ids
    (space-separated), from the statements claims retell, the figures they are compared
    with, and the ids their coded text mentions."""
    record = load_record(root)
    table = compare_estimates(record).comparisons
    pairs = claim_mentions(record.claims, (*CLAIM_TEXT_FIELDS, "statement"))
    pairs += [
        (part, r.comparator_id)
        for r in table[table["comparator_source"] == "reference"].itertuples()
        for part in r.claim_id.split("+")
    ]
    users = backlinks(pairs)
    return pd.DataFrame(
        {"ref_id": list(users), "claims": [" ".join(c) for c in users.values()]},
        columns=["ref_id", "claims"],
    )


def _comparisons(root: Path) -> pd.DataFrame:
    return compare_estimates(load_record(root)).comparisons[list(COMPARISON_COLUMNS)]


def _flags(root: Path) -> pd.DataFrame:
    return compare_estimates(load_record(root)).flags[list(FLAG_COLUMNS)]


def _passages(record: Record) -> list[Passage]:
    texts = dict(zip(record.corpus["article_id"], record.corpus["text"], strict=True))
    return article_passages(texts)


def _grades(root: Path) -> pd.DataFrame:
    record = load_record(root)
    return grade_claims(record, compare_estimates(record), _passages(record))


def _source_grades(root: Path) -> pd.DataFrame:
    record = load_record(root)
    return source_grades(record, compare_estimates(record))


DERIVED_TABLES: tuple[DerivedTable, ...] = (
    DerivedTable(
        "corpus",
        "one row per article: publication date bounds from the evidence, page parts",
        _corpus_table,
    ),
    DerivedTable("page-furniture", "every line of page furniture with its raw offsets", _furniture),
    DerivedTable(
        "comparisons",
        "every claim, and every sum of parts an article implies, against the figures that "
        "bear on it: the relation, the verdict and its detail",
        _comparisons,
    ),
    DerivedTable("flags", "the flags on claims, with their reasons and evidence ids", _flags),
    DerivedTable(
        "grades",
        "every claim's grade: its source's reliability, the figure's credibility, the relay, "
        "the figures weighed and the rules that fired",
        _grades,
    ),
    DerivedTable(
        "source-grades",
        "one reliability letter per source, with its record and the rules that fired",
        _source_grades,
    ),
    DerivedTable(
        "reference-users",
        "each reference figure and the claims whose coding cites it",
        reference_users,
    ),
)


@dataclass(frozen=True)
class Offered:
    """A file offered for download: its link, what it holds, its size and SHA-256."""

    name: str
    href: str
    description: str
    size: int
    sha256: str


def _offered(path: Path, href: str, description: str) -> Offered:
    data = path.read_bytes()
    return Offered(path.name, href, description, len(data), hashlib.sha256(data).hexdigest())


def write_downloads(
    root: Path | str, derived: Sequence[DerivedTable] = DERIVED_TABLES
) -> list[Offered]:
    """Write every file the data page offers into :func:`downloads_folder`: the data
    files (copied byte for byte), the raw articles, the generated outputs and the
    ``derived`` tables; return them in that order."""
    root = Path(root)
    folder = downloads_folder(root)
    offered = []
    for name, description in DATA_FILES.items():
        target = folder / Path(name).name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / name, target)
        offered.append(_offered(target, f"{SITE_DOWNLOADS}/{target.name}", description))
    for source in sorted(raw_dir(root).glob("*.txt")):
        target = folder / "raw" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        offered.append(
            _offered(target, f"{SITE_DOWNLOADS}/raw/{source.name}", "a raw article as obtained")
        )
    for path, description in write_generated_outputs(root, folder).items():
        offered.append(_offered(path, f"{SITE_DOWNLOADS}/{path.name}", description))
    for table in derived:
        written = download(table.build(root), root, table.name)
        offered.append(_offered(written.path, written.href, table.description))
    return offered


def write_generated_outputs(root: Path | str, folder: Path | str) -> dict[Path, str]:
    """Write the extractor's output on the corpus and the PROV graph (JSON and PROV-N)
    into ``folder``, atomically; return {path: description}."""
    root, folder = Path(root), Path(folder)
    record = load_record(root)
    corpus, claims = record.corpus, record.claims
    by_file = corpus.assign(stem=[Path(f).stem for f in corpus["file"]])
    extracted = folder / "extracted-claims.csv"
    with atomic_writer(extracted) as stream:
        writer = csv.DictWriter(stream, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for article in corpus_articles(by_file.to_dict("records"), id_column="stem"):
            for row in extract_claims(article):
                writer.writerow({k: csv_cell(row[k]) for k in OUTPUT_COLUMNS})
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    passages = article_passages(texts)
    document = to_prov(build_graph(corpus, claims, passages))
    prov_json, prov_n = (
        folder / "claimtrail-provenance.json",
        folder / "claimtrail-provenance.provn",
    )
    with atomic_writer(prov_json) as stream:
        stream.write(document.serialize(format="json", indent=2) + "\n")
    with atomic_writer(prov_n) as stream:
        stream.write(document.get_provn() + "\n")
    return {
        extracted: "the extractor's claims on data/raw (claimtrail extract)",
        prov_json: "the provenance graph, W3C PROV-JSON (claimtrail provenance)",
        prov_n: "the provenance graph, W3C PROV-N",
    }
