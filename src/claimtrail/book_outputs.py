"""Files the book publishes for download that are generated, not kept in the repository."""

from __future__ import annotations

import csv
from pathlib import Path

from claimtrail.claims import load_claims
from claimtrail.corpus import load_corpus
from claimtrail.extract import OUTPUT_COLUMNS, corpus_articles, extract_claims
from claimtrail.furniture import body_spans
from claimtrail.outputs import atomic_writer, csv_cell
from claimtrail.provenance import build_graph, to_prov
from claimtrail.reuse import find_copied_passages


def write_generated_outputs(root: Path | str, folder: Path | str) -> dict[Path, str]:
    """Write the extractor's output on the corpus and the PROV graph (JSON and PROV-N)
    into ``folder``, atomically; return {path: description}."""
    root, folder = Path(root), Path(folder)
    corpus = load_corpus(root)
    claims = load_claims(root, corpus)
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
        extracted: "the extractor's claims on data/raw (claimtrail extract)",
        prov_json: "the provenance graph, W3C PROV-JSON (claimtrail provenance)",
        prov_n: "the provenance graph, W3C PROV-N",
    }
