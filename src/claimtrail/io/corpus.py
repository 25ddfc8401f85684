"""Load and validate the corpus: ``data/articles.csv`` and the raw texts in ``data/raw/``.

This is the only module that reads ``data/raw``; it never writes there. Every check
that fails raises :class:`CorpusError` with the file, the row and the field named.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from claimtrail.io.errors import CorpusError, read_table, url_problem, where
from claimtrail.text.furniture import segment_article, span_lengths
from claimtrail.text.timeref import date_bounds, precision_of

ARTICLE_COLUMNS = (
    "article_id",
    "file",
    "sha256",
    "outlet",
    "headline",
    "author",
    "published",
    "date_precision",
    "date_evidence",
    "republished_from",
    "original_url",
    "notes",
)
REQUIRED_COLUMNS = ("article_id", "file", "sha256", "date_precision")
PRECISIONS = ("day", "month", "year")
_ARTICLE_ID = re.compile(r"^\d{3}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_WINDOW = re.compile(r"\bwithin (\d{1,2}) ?[-\u2013] ?(\d{1,2}) ([A-Z][a-z]+) (\d{4})\b")


def articles_path(root: Path) -> Path:
    """``data/articles.csv`` under the repository root ``root``."""
    return Path(root) / "data" / "articles.csv"


def raw_dir(root: Path) -> Path:
    """``data/raw`` under the repository root ``root``."""
    return Path(root) / "data" / "raw"


def read_articles(root: Path) -> pd.DataFrame:
    """Read ``data/articles.csv`` as strings (empty cells become <NA>), checking its columns."""
    return read_table(articles_path(root), ARTICLE_COLUMNS, "the article list", CorpusError)


def _check_row(path: Path, row: int, record: pd.Series, today: date) -> None:
    def fail(field: str, problem: str) -> CorpusError:
        return CorpusError(f"{where(path, row, field)} (article {record['article_id']}): {problem}")

    for field in REQUIRED_COLUMNS:
        if pd.isna(record[field]):
            raise fail(field, "is empty; a value is required")
    if not _ARTICLE_ID.match(record["article_id"]):
        raise fail("article_id", f"expected three digits, found {record['article_id']!r}")
    name = record["file"]
    if name in (".", "..") or any(c in name for c in "/\\\0") or Path(name).name != name:
        raise fail("file", f"expected a bare file name inside data/raw, found {name!r}")
    if not name.startswith(record["article_id"] + "_"):
        raise fail("file", f"expected a name starting '{record['article_id']}_'")
    if not _SHA256.match(record["sha256"]):
        raise fail("sha256", "expected 64 lowercase hexadecimal digits")
    url = record["original_url"]
    if not pd.isna(url) and url_problem(url):
        raise fail("original_url", url_problem(url))
    precision = record["date_precision"]
    if precision not in PRECISIONS:
        raise fail("date_precision", f"expected day, month or year, found {precision!r}")
    published = record["published"]
    if pd.isna(published):
        return
    try:
        first_day, _ = date_bounds(published)
    except ValueError as exc:
        raise fail("published", str(exc)) from None
    if precision_of(published) != precision:
        raise fail(
            "date_precision",
            f"{published!r} has {precision_of(published)} precision, "
            f"but the row says {precision!r}",
        )
    if first_day > today:
        raise fail("published", f"{published} is in the future (today is {today})")
    if pd.isna(record["date_evidence"]):
        raise fail("date_evidence", "a date needs the words or reasoning it rests on")


def _read_text(path: Path, raw_file: Path, row: int, expected_sha: str) -> str:
    data = raw_file.read_bytes()
    found = hashlib.sha256(data).hexdigest()
    if found != expected_sha:
        raise CorpusError(
            f"{raw_file}: SHA-256 is {found}, but {where(path, row, 'sha256')} expects "
            f"{expected_sha}; the raw file was changed or the list is out of date"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{raw_file}: not valid UTF-8 at byte {exc.start}") from None


def load_corpus(root: Path | str, today: date | None = None) -> pd.DataFrame:
    """Validate the corpus under the repository ``root`` and return one row per article.

    Columns: those of ``data/articles.csv``, plus ``text`` (the raw file decoded as UTF-8,
    unchanged), ``chars`` and the characters of each segment kind (``body_chars``,
    ``furniture_chars``, ...; see :mod:`claimtrail.text.furniture`). Checks: every listed file
    exists and no raw file is unlisted; SHA-256 matches; the text is UTF-8; ids are
    unique; dates parse, their precision agrees with their form, none is after ``today``
    (default: the current date). Raises :class:`CorpusError` on the first failure.
    """
    root = Path(root)
    today = today or date.today()
    path = articles_path(root)
    articles = read_articles(root)
    raw = raw_dir(root)
    for position, record in enumerate(articles.to_dict("records"), start=1):
        _check_row(path, position, pd.Series(record), today)
    duplicated = articles["article_id"][articles["article_id"].duplicated()]
    if not duplicated.empty:
        row = int(duplicated.index[0]) + 1
        raise CorpusError(
            f"{where(path, row, 'article_id')}: {duplicated.iloc[0]} is listed twice; "
            "ids are unique"
        )
    listed = set(articles["file"])
    unlisted = sorted(p.name for p in raw.glob("*") if p.is_file() and p.name not in listed)
    if unlisted:
        raise CorpusError(f"{raw / unlisted[0]}: raw file is not listed in {path}")
    texts = []
    for position, record in enumerate(articles.itertuples(index=False), start=1):
        raw_file = raw / record.file
        if not raw_file.is_file():
            raise CorpusError(f"{raw_file}: listed in {where(path, position, 'file')} but missing")
        texts.append(_read_text(path, raw_file, position, record.sha256))
    corpus = articles.copy()
    corpus["text"] = pd.array(texts, dtype="string")
    corpus["chars"] = [len(t) for t in texts]
    lengths = pd.DataFrame([span_lengths(t) for t in texts]).add_suffix("_chars")
    return pd.concat([corpus, lengths], axis=1)


def evidence_window(evidence: object, published: str) -> tuple[date, date] | None:
    """The days the date evidence narrows ``published`` to, when it states a window
    ("within 1-8 August 2016") that lies inside the coded date; otherwise None.

    >>> evidence_window("Written before the meeting: within 1-8 August 2016.", "2016-08")
    (datetime.date(2016, 8, 1), datetime.date(2016, 8, 8))
    >>> evidence_window("within 1-8 August 2016", "2015-04") is None
    True
    """
    match = _WINDOW.search(evidence) if isinstance(evidence, str) else None
    if match is None:
        return None
    first_day, last_day, month, year = match.groups()
    try:
        window = tuple(
            datetime.strptime(f"{day} {month} {year}", "%d %B %Y").date()
            for day in (first_day, last_day)
        )
    except ValueError:
        return None
    earliest, latest = date_bounds(published)
    if earliest <= window[0] <= window[1] <= latest:
        return window[0], window[1]
    return None


def describe_corpus(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus at a glance: one row per article, for the reader to compare.

    Columns: article, outlet, published (as coded, with its precision), the first and last
    day the date evidence allows (narrower than the coded precision where the evidence
    states a window of days, see :func:`evidence_window`), ``window`` (day, days, month or
    year: what those bounds span), the evidence, republished_from, the characters of the
    page's non-blank lines by part (body; headline, byline and dateline; furniture, see
    :mod:`claimtrail.text.furniture`) and the share that is not body (per cent, one decimal).
    """
    bounds, windows = [], []
    for published, precision, evidence in zip(
        corpus["published"], corpus["date_precision"], corpus["date_evidence"], strict=True
    ):
        if pd.isna(published):
            bounds.append((None, None))
            windows.append(precision)
            continue
        narrowed = evidence_window(evidence, published)
        bounds.append(narrowed or date_bounds(published))
        windows.append("days" if narrowed else precision)
    heading = corpus["headline_chars"] + corpus["byline_chars"] + corpus["dateline_chars"]
    lines = corpus["body_chars"] + heading + corpus["furniture_chars"]
    return pd.DataFrame(
        {
            "article": corpus["article_id"],
            "outlet": corpus["outlet"],
            "published": corpus["published"],
            "precision": corpus["date_precision"],
            "earliest": [b[0] for b in bounds],
            "latest": [b[1] for b in bounds],
            "window": windows,
            "date evidence": corpus["date_evidence"],
            "republished from": corpus["republished_from"],
            "body chars": corpus["body_chars"],
            "heading chars": heading,
            "furniture chars": corpus["furniture_chars"],
            "non-body %": (100 * (lines - corpus["body_chars"]) / lines).round(1),
        }
    )


def furniture_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """Every line of page furniture in the corpus: article, raw start and end offsets, and
    the text (see :func:`claimtrail.text.furniture.segment_article`)."""
    return pd.DataFrame(
        [
            (article, segment.start, segment.end, text[segment.start : segment.end])
            for article, text in zip(corpus["article_id"], corpus["text"], strict=True)
            for segment in segment_article(text)
            if segment.kind == "furniture"
        ],
        columns=["article", "start", "end", "text"],
    )


def book_root(source: Path | str) -> Path:
    """The repository a book is built from: the root at or above its ``source`` folder,
    or, for a book built elsewhere (a test book in a temporary folder), the root at or
    above the working directory."""
    try:
        return find_root(source)
    except CorpusError:
        return find_root()


def find_root(start: Path | str | None = None) -> Path:
    """The repository root: the nearest folder at or above ``start`` (default: the working
    directory) holding ``data/articles.csv``. Lets notebooks run from any folder."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if articles_path(folder).is_file():
            return folder
    raise CorpusError(f"no data/articles.csv at or above {here}")
