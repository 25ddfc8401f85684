"""Files the book publishes for download that are generated, not kept in the repository."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from claimtrail.comparisons import COMPARISON_COLUMNS
from claimtrail.estimates import compare_estimates
from claimtrail.extract import OUTPUT_COLUMNS, corpus_articles, extract_claims
from claimtrail.flags import FLAG_COLUMNS
from claimtrail.furniture import body_spans
from claimtrail.outputs import atomic_writer, csv_cell
from claimtrail.provenance import build_graph, to_prov
from claimtrail.record import load_record
from claimtrail.reuse import find_copied_passages


def _write_table(path: Path, frame: pd.DataFrame, columns: tuple[str, ...]) -> None:
    with atomic_writer(path) as stream:
        writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in frame.to_dict("records"):
            writer.writerow({k: "" if pd.isna(row[k]) else csv_cell(row[k]) for k in columns})


def write_generated_outputs(root: Path | str, folder: Path | str) -> dict[Path, str]:
    """Write the derived tables (comparisons, flags), the extractor's output on the corpus
    and the PROV graph (JSON and PROV-N) into ``folder``, atomically; return {path:
    description}."""
    root, folder = Path(root), Path(folder)
    record = load_record(root)
    corpus, claims = record.corpus, record.claims
    estimates = compare_estimates(record)
    comparisons_csv, flags_csv = folder / "comparisons.csv", folder / "flags.csv"
    _write_table(comparisons_csv, estimates.comparisons, COMPARISON_COLUMNS)
    _write_table(flags_csv, estimates.flags, FLAG_COLUMNS)
    by_file = corpus.assign(stem=[Path(f).stem for f in corpus["file"]])
    extracted = folder / "extracted-claims.csv"
    with atomic_writer(extracted) as stream:
        writer = csv.DictWriter(stream, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for article in corpus_articles(by_file.to_dict("records"), id_column="stem"):
            for row in extract_claims(article):
                writer.writerow({k: csv_cell(row[k]) for k in OUTPUT_COLUMNS})
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    passages = find_copied_passages(texts, body_spans={k: body_spans(v) for k, v in texts.items()})
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
        comparisons_csv: "every corpus claim (and implied sum) against the figures that bear "
        "on it, with the relation and the verdict",
        flags_csv: "the flags on corpus claims, with their reasons and evidence ids",
        extracted: "the extractor's claims on data/raw (claimtrail extract)",
        prov_json: "the provenance graph, W3C PROV-JSON (claimtrail provenance)",
        prov_n: "the provenance graph, W3C PROV-N",
    }
