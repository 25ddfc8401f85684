"""Read documents to analyse from .txt files, folders of them, .csv and .jsonl files.

Streaming: documents are yielded one at a time, so memory does not grow with their
number; a .txt file or a JSON line too long to hold the longest text allowed is refused
without being read into memory (a CSV row is read whole before its length is checked). A bad
input never stops the stream: it is yielded as an :class:`InputProblem` naming the file
(and row or line, and field) and what is wrong, and the caller reports it. Nothing is
changed on the way: ids, texts and dates are taken as written or refused.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from claimtrail.timeref import precision_of

MAX_CHARS = 5_000_000
# A JSON line may spell each character as an escape: a text of n characters takes at most
# 12 n bytes ("\\ud83d\\ude00" for one), plus the rest of the object.
_JSON_BYTES_PER_CHAR = 12
_JSON_OVERHEAD = 64 * 1024
_UTF8_BYTES_PER_CHAR = 4
SUFFIXES = (".txt", ".csv", ".jsonl")
# What errors="surrogateescape" makes of each byte that is not UTF-8.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True)
class Document:
    """One text to analyse: its id, the text, its publication date if known, where it came
    from, and its headline if known."""

    id: str
    text: str
    published: str | None
    source: str
    title: str | None = None


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read as a document, and why."""

    source: str
    problem: str


Item = Document | InputProblem


def _checked(
    doc_id: str,
    text: str,
    published: str | None,
    source: str,
    max_chars: int,
    title: str | None = None,
) -> Item:
    """The document, or the first thing wrong with it: empty id or text, a text longer
    than ``max_chars``, a publication date that is not a real ISO partial date."""
    if not doc_id.strip():
        return InputProblem(source, "field 'id' is empty")
    if not text.strip():
        return InputProblem(source, "empty text")
    if len(text) > max_chars:
        return InputProblem(
            source, f"text of {len(text):,} characters exceeds --max-chars {max_chars:,}"
        )
    if published is not None:
        try:
            precision_of(published)
        except ValueError:
            return InputProblem(source, f"field 'published': {published!r} is not a real ISO date")
    return Document(doc_id, text, published, source, title or None)


def _sidecar(path: Path) -> tuple[str | None, str | None] | InputProblem:
    """(published, title) from the sidecar of a .txt file: a JSON object in the file of the
    same name with the suffix .json ("report.txt" -> "report.json"), both optional."""
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return None, None
    try:
        record = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return InputProblem(str(sidecar), f"unreadable sidecar: {exc}")
    if not isinstance(record, dict):
        return InputProblem(str(sidecar), "the sidecar must hold a JSON object")
    for field in ("published", "title"):
        if record.get(field) is not None and not isinstance(record[field], str):
            return InputProblem(str(sidecar), f"field {field!r} must be a string")
    return record.get("published") or None, record.get("title") or None


def _read_txt(path: Path, max_chars: int) -> Item:
    """A .txt file as one document: id the file's stem; its date and headline from a
    sidecar NAME.json if there is one, else unknown (the caller may know them). A file
    too large to hold ``max_chars`` characters is refused unread."""
    try:
        size = path.stat().st_size
        if size > _UTF8_BYTES_PER_CHAR * max_chars:
            return InputProblem(str(path), f"{size:,} bytes: more than --max-chars {max_chars:,}")
        data = path.read_bytes()
    except OSError as exc:
        return InputProblem(str(path), f"unreadable: {exc.strerror}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputProblem(str(path), f"not valid UTF-8 at byte {exc.start}")
    sidecar = _sidecar(path)
    if isinstance(sidecar, InputProblem):
        return sidecar
    published, title = sidecar
    checked = _checked(path.stem, text, published, str(path), max_chars, title)
    if isinstance(checked, InputProblem) and published and "published" in checked.problem:
        return InputProblem(str(path.with_suffix(".json")), checked.problem)
    return checked


def _undecodable(value: str | list[str] | None) -> bool:
    """Whether a CSV value read with errors="surrogateescape" held bytes that are not
    UTF-8 (searched in C: a text may run to millions of characters). A row's extra fields
    come as a list, its missing ones as None."""
    values = value if isinstance(value, list) else [value or ""]
    return any(_ESCAPED_BYTE.search(item) for item in values)


def _read_csv(path: Path, max_chars: int) -> Iterator[Item]:
    """The rows of a CSV file with columns id, text and optional published."""
    csv.field_size_limit(sys.maxsize)  # a long text is refused by its length, below
    try:
        stream = open(path, encoding="utf-8", errors="surrogateescape", newline="")
    except OSError as exc:
        yield InputProblem(str(path), f"unreadable: {exc.strerror}")
        return
    with stream:
        reader = csv.DictReader(stream)
        try:
            missing = [c for c in ("id", "text") if c not in (reader.fieldnames or [])]
            if missing:
                yield InputProblem(str(path), f"no column {', '.join(missing)} (needs id and text)")
                return
            for row_number, row in enumerate(reader, start=1):
                source = f"{path}, row {row_number}"
                bad = [name for name, value in row.items() if _undecodable(value)]
                if bad:
                    yield InputProblem(source, f"field {bad[0]!r} is not valid UTF-8")
                    continue
                published = (row.get("published") or "").strip() or None
                title = (row.get("title") or "").strip() or None
                yield _checked(
                    row["id"] or "", row["text"] or "", published, source, max_chars, title
                )
        except csv.Error as exc:
            yield InputProblem(f"{path}, line {reader.line_num}", f"malformed CSV: {exc}")


def _json_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of a binary stream, or None for a line longer than ``limit`` bytes
    (which is read through, not kept)."""
    while line := stream.readline(limit):
        if len(line) == limit and not line.endswith(b"\n"):
            while (rest := stream.readline(limit)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _json_document(record: object, source: str, max_chars: int) -> Item:
    """A document from one decoded JSON line: an object with a string (or integer) id,
    a string text and optionally a string published date."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return InputProblem(source, "needs an object with 'id' and a string 'text'")
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str):
        return InputProblem(source, f"field 'id' must be a string or an integer, not {doc_id!r}")
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        return InputProblem(source, f"field 'published' must be a string, not {published!r}")
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        return InputProblem(source, f"field 'title' must be a string, not {title!r}")
    return _checked(doc_id, record["text"], published or None, source, max_chars, title)


def _read_jsonl(path: Path, max_chars: int) -> Iterator[Item]:
    """The lines of a JSONL file, one object each with id, text and optional published."""
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield InputProblem(str(path), f"unreadable: {exc.strerror}")
        return
    limit = _JSON_BYTES_PER_CHAR * max_chars + _JSON_OVERHEAD
    with stream:
        for line_number, raw in enumerate(_json_lines(stream, limit), start=1):
            source = f"{path}, line {line_number}"
            if raw is None:
                yield InputProblem(source, f"line of more than {limit:,} bytes: too long a text")
                continue
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
            yield _json_document(record, source, max_chars)


def _folder(path: Path, max_chars: int) -> Iterator[Item]:
    """Every .txt file under ``path`` (any case of the suffix), sorted; a sub-folder that
    cannot be listed is named, not skipped in silence."""
    files: list[Path] = []
    problems: list[InputProblem] = []

    def unreadable(error: OSError) -> None:
        problems.append(InputProblem(str(error.filename), f"unreadable folder: {error.strerror}"))

    for folder, _, names in os.walk(path, onerror=unreadable):
        files += [Path(folder, name) for name in names if name.lower().endswith(".txt")]
    yield from problems
    for file in sorted(files):
        if file.is_file():
            yield _read_txt(file, max_chars)


def iter_documents(paths: Iterable[Path | str], max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Yield every document (or problem) under ``paths``, in a stable order.

    A folder is searched recursively for .txt files (sorted). A .txt file's id is its
    stem; its date and headline come from a sidecar NAME.json (``published``, ``title``)
    when there is one. .csv files need ``id`` and ``text`` columns and may have
    ``published`` and ``title``; .jsonl files hold one such object per line. Any other kind of file
    is refused, as is a text longer than ``max_chars`` characters.
    """
    for given in paths:
        path = Path(given)
        suffix = path.suffix.lower()
        if path.is_dir():
            yield from _folder(path, max_chars)
        elif not path.exists():
            yield InputProblem(str(path), "no such file or folder")
        elif suffix == ".csv":
            yield from _read_csv(path, max_chars)
        elif suffix == ".jsonl":
            yield from _read_jsonl(path, max_chars)
        elif suffix == ".txt":
            yield _read_txt(path, max_chars)
        else:
            yield InputProblem(
                str(path), f"not a kind of input read here (expected {', '.join(SUFFIXES)})"
            )
