"""load_corpus: the real corpus loads; each kind of bad input fails naming file, row, field."""

from __future__ import annotations

import csv
import hashlib
from datetime import date
from pathlib import Path

import pytest

from claimtrail.io.corpus import load_corpus
from claimtrail.io.errors import CorpusError
from claimtrail.text.timeref import date_bounds, precision_of

SEEDS = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))


def _rows(root: Path) -> list[dict[str, str]]:
    with open(root / "data" / "articles.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write_rows(root: Path, rows: list[dict[str, str]]) -> None:
    with open(root / "data" / "articles.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _edit(root: Path, index: int, **changes: str) -> None:
    rows = _rows(root)
    rows[index].update(changes)
    _write_rows(root, rows)


def test_real_corpus_loads(repo_root: Path) -> None:
    corpus = load_corpus(repo_root)
    assert list(corpus["article_id"]) == ["000", "001", "002", "003", "004"]
    assert (corpus["chars"] == corpus["text"].str.len()).all()
    assert (corpus["body_chars"] > 2000).all()
    explicit = corpus.set_index("article_id")["published"]
    assert explicit["001"] == "2016-08-02" and explicit["004"] == "2014-09-03"


@pytest.mark.skipif(not SEEDS, reason="the shared seeds are not beside this checkout")
def test_raw_files_are_byte_identical_to_the_seeds(repo_root: Path) -> None:
    for seed in SEEDS:
        assert (repo_root / "data" / "raw" / seed.name).read_bytes() == seed.read_bytes()


def test_listed_sha256_matches_raw_files(repo_root: Path) -> None:
    for row in _rows(repo_root):
        data = (repo_root / "data" / "raw" / row["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"]


def test_missing_raw_file_is_named(corpus_copy: Path) -> None:
    (corpus_copy / "data" / "raw" / "002_79086d9e5a598e2e.txt").unlink()
    with pytest.raises(CorpusError, match=r"002_79086d9e5a598e2e\.txt.*row 3, field 'file'"):
        load_corpus(corpus_copy)


def test_corrupted_raw_file_is_named(corpus_copy: Path) -> None:
    raw = corpus_copy / "data" / "raw" / "003_29fed247de3de071.txt"
    raw.write_bytes(raw.read_bytes().replace(b"1,700", b"1,900"))
    with pytest.raises(
        CorpusError, match=r"003_29fed247de3de071\.txt: SHA-256.*row 4, field 'sha256'"
    ):
        load_corpus(corpus_copy)


def test_unlisted_raw_file_is_named(corpus_copy: Path) -> None:
    (corpus_copy / "data" / "raw" / "005_extra.txt").write_text("An extra article.\n")
    with pytest.raises(CorpusError, match=r"005_extra\.txt: raw file is not listed"):
        load_corpus(corpus_copy)


def test_non_utf8_file_is_named(corpus_copy: Path) -> None:
    raw = corpus_copy / "data" / "raw" / "000_3e4d276eb408257f.txt"
    raw.write_bytes(raw.read_bytes() + b"\xff\xfe")
    _edit(corpus_copy, 0, sha256=hashlib.sha256(raw.read_bytes()).hexdigest())
    with pytest.raises(CorpusError, match=r"000_3e4d276eb408257f\.txt: not valid UTF-8 at byte"):
        load_corpus(corpus_copy)


def test_duplicate_id_is_named(corpus_copy: Path) -> None:
    rows = _rows(corpus_copy)
    rows.append(dict(rows[0]))
    _write_rows(corpus_copy, rows)
    with pytest.raises(CorpusError, match=r"row 6, field 'article_id'.*listed twice"):
        load_corpus(corpus_copy)


@pytest.mark.parametrize(
    ("changes", "pattern"),
    [
        ({"published": "2015-13"}, r"row 2, field 'published'"),
        ({"published": "2015-02-30"}, r"row 2, field 'published'"),
        ({"published": "Aug 2016"}, r"row 2, field 'published'.*not a real ISO date"),
        ({"published": "2016-08"}, r"row 2, field 'date_precision'.*month precision"),
        ({"date_precision": "week"}, r"row 2, field 'date_precision'.*expected day, month or year"),
        ({"date_evidence": ""}, r"row 2, field 'date_evidence'"),
        ({"sha256": "abc"}, r"row 2, field 'sha256'.*64 lowercase"),
        ({"article_id": "1"}, r"row 2, field 'article_id'.*three digits"),
        ({"file": "999_other.txt"}, r"row 2, field 'file'.*starting '001_'"),
    ],
)
def test_bad_row_names_row_and_field(corpus_copy: Path, changes: dict, pattern: str) -> None:
    _edit(corpus_copy, 1, **changes)
    with pytest.raises(CorpusError, match=pattern):
        load_corpus(corpus_copy)


def test_future_date_is_refused(corpus_copy: Path) -> None:
    with pytest.raises(CorpusError, match=r"row 2, field 'published'.*in the future"):
        load_corpus(corpus_copy, today=date(2016, 8, 1))
    assert len(load_corpus(corpus_copy, today=date(2016, 8, 2))) == 5


def test_missing_column_is_named(corpus_copy: Path) -> None:
    rows = [{k: v for k, v in row.items() if k != "date_evidence"} for row in _rows(corpus_copy)]
    _write_rows(corpus_copy, rows)
    with pytest.raises(CorpusError, match=r"articles\.csv: missing column\(s\) date_evidence"):
        load_corpus(corpus_copy)


def test_load_does_not_write_raw(corpus_copy: Path) -> None:
    raw = corpus_copy / "data" / "raw"
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in raw.iterdir()}
    load_corpus(corpus_copy)
    after = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in raw.iterdir()}
    assert before == after


@pytest.mark.parametrize(
    ("value", "first", "last", "precision"),
    [
        ("2015", date(2015, 1, 1), date(2015, 12, 31), "year"),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29), "month"),
        ("2014-09-03", date(2014, 9, 3), date(2014, 9, 3), "day"),
    ],
)
def test_date_bounds(value: str, first: date, last: date, precision: str) -> None:
    assert date_bounds(value) == (first, last)
    assert precision_of(value) == precision


@pytest.mark.parametrize("value", ["15", "2015-1", "2015/10", "2015-10-32", "2015-00"])
def test_date_bounds_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        date_bounds(value)
