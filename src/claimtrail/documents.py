"""Read documents to analyse from .txt files, folders of them, .csv and .jsonl files.

Streaming: documents are yielded one at a time, so memory does not grow with their
number. A bad input never stops the stream: it is yielded as an :class:`InputProblem`
naming the file (and row or line) and what is wrong, and the caller reports it.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

MAX_CHARS = 5_000_000
_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Document:
    """One text to analyse: its id, the text, its publication date if known, where it came from."""

    id: str
    text: str
    published: str | None
    source: str


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read as a document, and why."""

    source: str
    problem: str


Item = Document | InputProblem


def _checked(doc_id: str, text: str, published: str | None, source: str, max_chars: int) -> Item:
    if not text.strip():
        return InputProblem(source, "empty text")
    if len(text) > max_chars:
        return InputProblem(
            source, f"text of {len(text):,} characters exceeds --max-chars {max_chars:,}"
        )
    if published is not None and not _ISO_PARTIAL.match(published):
        return InputProblem(source, f"field 'published': {published!r} is not an ISO date")
    return Document(doc_id, text, published, source)


def _read_txt(path: Path, published: Mapping[str, str], max_chars: int) -> Item:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputProblem(str(path), f"unreadable: {exc.strerror}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputProblem(str(path), f"not valid UTF-8 at byte {exc.start}")
    return _checked(path.stem, text, published.get(path.name), str(path), max_chars)


def _read_csv(path: Path, max_chars: int) -> Iterator[Item]:
    csv.field_size_limit(sys.maxsize)
    try:
        stream = open(path, encoding="utf-8", newline="")
    except OSError as exc:
        yield InputProblem(str(path), f"unreadable: {exc.strerror}")
        return
    with stream:
        try:
            reader = csv.DictReader(stream)
            missing = [c for c in ("id", "text") if c not in (reader.fieldnames or [])]
            if missing:
                yield InputProblem(str(path), f"no column {', '.join(missing)} (needs id and text)")
                return
            for row_number, row in enumerate(reader, start=1):
                source = f"{path}, row {row_number}"
                published = (row.get("published") or "").strip() or None
                yield _checked(row["id"] or "", row["text"] or "", published, source, max_chars)
        except UnicodeDecodeError as exc:
            yield InputProblem(str(path), f"not valid UTF-8 at byte {exc.start}")
        except csv.Error as exc:
            yield InputProblem(f"{path}, line {reader.line_num}", f"malformed CSV: {exc}")


def _read_jsonl(path: Path, max_chars: int) -> Iterator[Item]:
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield InputProblem(str(path), f"unreadable: {exc.strerror}")
        return
    with stream:
        for line_number, raw in enumerate(stream, start=1):
            source = f"{path}, line {line_number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield InputProblem(source, f"not valid UTF-8 at byte {exc.start}")
                continue
            except json.JSONDecodeError as exc:
                yield InputProblem(source, f"malformed JSON: {exc.msg}")
                continue
            if (
                not isinstance(record, dict)
                or not isinstance(record.get("text"), str)
                or ("id" not in record)
            ):
                yield InputProblem(source, "needs an object with 'id' and a string 'text'")
                continue
            published = record.get("published") or None
            yield _checked(str(record["id"]), record["text"], published, source, max_chars)


def iter_documents(
    paths: Iterable[Path | str],
    published: Mapping[str, str] | None = None,
    max_chars: int = MAX_CHARS,
) -> Iterator[Item]:
    """Yield every document (or problem) under ``paths``, in a stable order.

    A folder is searched recursively for .txt files (sorted). A .txt file's id is its
    stem and its date comes from ``published`` (file name -> ISO date) when listed
    there. .csv files need ``id`` and ``text`` columns and may have ``published``;
    .jsonl files hold one such object per line.
    """
    published = published or {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*.txt") if p.is_file()):
                yield _read_txt(file, published, max_chars)
        elif not path.exists():
            yield InputProblem(str(path), "no such file or folder")
        elif path.suffix == ".csv":
            yield from _read_csv(path, max_chars)
        elif path.suffix == ".jsonl":
            yield from _read_jsonl(path, max_chars)
        else:
            yield _read_txt(path, published, max_chars)
