"""The coded record in one object: the corpus, its claims, the reference figures, the
population and place table, and the sources and outlets, each validated and then checked
against the others."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from claimtrail.io.claims import ClaimsError, claims_path, load_claims
from claimtrail.io.corpus import load_corpus
from claimtrail.io.errors import DataError, where
from claimtrail.io.populations import Nesting, load_nesting
from claimtrail.io.reference import load_reference, reference_path
from claimtrail.io.sources import load_outlets, load_sources


@dataclass(frozen=True)
class Record:
    """Everything the analysis reads: articles (with texts), claims, reference figures and
    the nesting of populations and places."""

    corpus: pd.DataFrame
    claims: pd.DataFrame
    reference: pd.DataFrame
    nesting: Nesting
    sources: pd.DataFrame
    outlets: pd.DataFrame


def check_statements(claims: pd.DataFrame, reference: pd.DataFrame, path: Path | str) -> None:
    """Every claim's ``statement`` names a reference figure of the same measure; raise
    ClaimsError naming row and field otherwise."""
    measures = dict(zip(reference["ref_id"], reference["measure"], strict=True))
    lines = []
    for position, row in enumerate(claims.to_dict("records"), start=1):
        statement = row["statement"]
        if pd.isna(statement):
            continue
        if statement not in measures:
            problem = f"{statement} is not a reference figure"
        elif measures[statement] != row["measure"]:
            problem = f"{statement} counts {measures[statement]}, not {row['measure']}"
        else:
            continue
        lines.append(f"{where(path, position, 'statement')} ({row['claim_id']}): {problem}")
    if lines:
        raise ClaimsError("\n".join(lines))


def check_source_codes(
    claims: pd.DataFrame, reference: pd.DataFrame, sources: pd.DataFrame, root: Path | str
) -> None:
    """Every claim's and reference figure's ``source`` is a code of the source table (a
    claim the text attributes to no one has none); raise DataError naming row and field."""
    known = set(sources["source"])
    lines = []
    for path, frame, key in (
        (claims_path(root), claims, "claim_id"),
        (reference_path(root), reference, "ref_id"),
    ):
        for position, row in enumerate(frame.to_dict("records"), start=1):
            code = row["source"]
            if isinstance(code, str) and code not in known:
                lines.append(
                    f"{where(path, position, 'source')} ({row[key]}): {code} is not a source "
                    "of data/sources.csv"
                )
            elif not isinstance(code, str) and row.get("speaker_role") != "unattributed":
                lines.append(
                    f"{where(path, position, 'source')} ({row[key]}): only an unattributed "
                    "figure has no source"
                )
    if lines:
        raise DataError("\n".join(lines))


def load_record(root: Path | str) -> Record:
    """Load and cross-check the whole record under the repository root ``root``."""
    corpus = load_corpus(Path(root))
    claims = load_claims(root, corpus)
    reference = load_reference(root)
    sources = load_sources(root)
    check_statements(claims, reference, claims_path(root))
    check_source_codes(claims, reference, sources, root)
    return Record(corpus, claims, reference, load_nesting(root), sources, load_outlets(root))
