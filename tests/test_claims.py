"""data/claims.csv: the real table validates; each kind of bad row fails with row and field."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from claimtrail.io.claims import ClaimsError, chain_links, claims_path, load_claims
from claimtrail.io.corpus import load_corpus
from claimtrail.io.populations import nesting_path


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return load_corpus(Path(__file__).resolve().parents[1])


def _rows(root: Path) -> list[dict[str, str]]:
    with open(claims_path(root), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def claims_copy(tmp_path: Path, repo_root: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "claims.csv").write_bytes(claims_path(repo_root).read_bytes())
    nesting = nesting_path(repo_root)
    (tmp_path / "data" / nesting.name).write_bytes(nesting.read_bytes())
    return tmp_path


def _edit(root: Path, index: int, **changes: str) -> None:
    rows = _rows(root)
    rows[index].update(changes)
    with open(claims_path(root), "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_real_claims_validate(repo_root: Path, corpus: pd.DataFrame) -> None:
    claims = load_claims(repo_root, corpus)
    assert len(claims) == 17
    assert claims["claim_id"].is_unique
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    for row in claims.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.quote


def test_every_article_has_a_claim(repo_root: Path, corpus: pd.DataFrame) -> None:
    claims = load_claims(repo_root, corpus)
    assert set(claims["article_id"]) == set(corpus["article_id"])


def test_non_claims_are_absent(repo_root: Path, corpus: pd.DataFrame) -> None:
    """Years, durations, aircraft counts and furniture numbers are not claims."""
    claims = load_claims(repo_root, corpus)
    quotes = " | ".join(claims["quote"])
    for not_a_claim in (
        "nine-minute",
        "9-minute",
        "2,000 aircraft",
        "two aircraft",
        "Top 12",
        "1.4 million",
        "Su-24",
        "five-month",
        "2001",
        "August 8",
    ):
        assert not_a_claim not in quotes


@pytest.mark.parametrize(
    ("index", "changes", "pattern"),
    [
        (0, {"measure": "wounded"}, r"row 1, field 'measure'"),
        (1, {"claim_id": "C01"}, r"field 'claim_id'"),
        (0, {"start": "602"}, r"row 1, field 'quote'.*not the raw text"),
        (0, {"end": "999999"}, r"row 1, field 'end'.*do not lie"),
        (0, {"article_id": "009"}, r"row 1, field 'article_id'.*not in the corpus"),
        (1, {"low": "8000"}, r"row 2, field 'best'.*low <= best <= high"),
        (1, {"qualifier": "about"}, r"row 2, field 'best'.*qualifier 'about' needs best"),
        (0, {"low": "many"}, r"row 1, field 'low'"),
        (0, {"as_of_precision": "month"}, r"row 1, field 'as_of_precision'"),
        (0, {"as_of": "2016-13"}, r"row 1, field 'as_of'"),
        (0, {"chain": "Alexander Bortnikov > TASS"}, r"row 1, field 'chain'.*Vestnik Kavkaza"),
        (0, {"speaker_role": "spokesman"}, r"row 1, field 'speaker_role'"),
        (5, {"related_claims": "C99"}, r"row 6, field 'related_claims'.*C99"),
        (4, {"multiplier_quote": "grew a hundredfold"}, r"row 5, field 'multiplier_quote'"),
        (0, {"population": "Russians"}, r"row 1, field 'population'.*not a population code"),
        (0, {"place": ""}, r"row 1, field 'place'"),
        (0, {"basis": "fighting"}, r"row 1, field 'basis'.*a tracked figure is one of watched"),
        (6, {"event": ""}, r"row 7, field 'event'.*an event toll names its event"),
        (6, {"event": "KABUL-2016"}, r"row 7, field 'event'.*not an event code"),
    ],
)
def test_bad_row_is_named(
    claims_copy: Path, corpus: pd.DataFrame, index: int, changes: dict, pattern: str
) -> None:
    _edit(claims_copy, index, **changes)
    with pytest.raises(ClaimsError, match=pattern):
        load_claims(claims_copy, corpus)


def test_quote_in_furniture_is_refused(claims_copy: Path, corpus: pd.DataFrame) -> None:
    text = corpus.set_index("article_id").loc["002", "text"]
    start = text.index("1.4 million fans")
    _edit(claims_copy, 8, start=str(start), end=str(start + 16), quote="1.4 million fans")
    with pytest.raises(ClaimsError, match=r"row 9, field 'start'.*not inside the article body"):
        load_claims(claims_copy, corpus)


def test_missing_column_is_named(claims_copy: Path, corpus: pd.DataFrame) -> None:
    rows = [{k: v for k, v in row.items() if k != "hedge"} for row in _rows(claims_copy)]
    with open(claims_path(claims_copy), "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(ClaimsError, match=r"missing column\(s\) hedge"):
        load_claims(claims_copy, corpus)


def test_chain_links() -> None:
    assert chain_links("Vladimir Putin > Alahednews > Global Research") == [
        "Vladimir Putin",
        "Alahednews",
        "Global Research",
    ]
