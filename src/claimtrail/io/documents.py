"""Read documents to analyse from .txt files, folders of them, .csv and .jsonl files.

Streaming: documents are yielded one at a time, so memory does not grow with their
number; a .txt file or a JSON line too long to hold the longest text allowed is refused
without being read into memory (a CSV row is read whole before its length is checked). A bad
input never stops the stream: it is yielded as an :class:`InputProblem` naming the file
(and row or line, and field) and what is wrong, and the caller reports it. Nothing is
changed on the way: ids, texts and dates are taken as written or refused.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from claimtrail.io.csvrows import RowProblem, read_rows, undecodable
from claimtrail.text.timeref import precision_of

MAX_CHARS = 5_000_000
# A JSON line may spell each character as an escape: a text of n characters takes at most
# 12 n bytes ("\\ud83d\\ude00" for one), plus the rest of the object.
_JSON_BYTES_PER_CHAR = 12
_JSON_OVERHEAD = 64 * 1024
_UTF8_BYTES_PER_CHAR = 4
_NOT_REGULAR = "not a regular file (a pipe, a device or a socket): refused unread"
SUFFIXES = (".txt", ".csv", ".jsonl")
# A lone surrogate: a JSON string may spell one ("\\ud800"), but it is no character and
# cannot be written out as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    fields = (
        ("id", doc_id),
        ("text", text),
        ("published", published or ""),
        ("title", title or ""),
    )
    for name, value in fields:
        if _SURROGATE.search(value):
            return InputProblem(source, f"field {name!r} holds a lone surrogate, not a character")
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


_SIDECAR_BYTES = 64 * 1024  # a date and a headline


def _sidecar(path: Path) -> tuple[str | None, str | None] | InputProblem:
    """(published, title) from the sidecar of a .txt file: a JSON object in the file of the
    same name with the suffix .json ("report.txt" -> "report.json"), both optional."""
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return None, None
    try:
        if not stat.S_ISREG(sidecar.stat().st_mode):
            return InputProblem(str(sidecar), _NOT_REGULAR)
        with sidecar.open("rb") as stream:
            data = stream.read(_SIDECAR_BYTES + 1)
        if len(data) > _SIDECAR_BYTES:
            return InputProblem(str(sidecar), f"a sidecar of more than {_SIDECAR_BYTES:,} bytes")
        record = json.loads(data.decode("utf-8"))
    except OSError as exc:
        return InputProblem(str(sidecar), f"unreadable: {exc.strerror}")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return InputProblem(str(sidecar), f"not a JSON object in UTF-8: {exc}")
    if not isinstance(record, dict):
        return InputProblem(str(sidecar), "the sidecar must hold a JSON object")
    for field in ("published", "title"):
        if record.get(field) is not None and not isinstance(record[field], str):
            return InputProblem(str(sidecar), f"field {field!r} must be a string")
    return record.get("published") or None, record.get("title") or None


def _read_txt(path: Path, max_chars: int) -> Item:
    """A .txt file as one document: id the file's stem; its date and headline from a
    sidecar NAME.json if there is one, else unknown (the caller may know them). A file
    too large to hold ``max_chars`` characters is refused unread, and no more than that
    is ever read (a file's size may be unknown or change)."""
    if _SURROGATE.search(str(path)):
        return InputProblem(str(path), "file name is not valid UTF-8")
    limit = _UTF8_BYTES_PER_CHAR * max_chars
    too_large = f"more than --max-chars {max_chars:,}"
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # opening a pipe waits for a writer
            return InputProblem(str(path), _NOT_REGULAR)
        with path.open("rb") as stream:
            found = os.fstat(stream.fileno())
            if found.st_size > limit:
                return InputProblem(str(path), f"{found.st_size:,} bytes: {too_large}")
            data = stream.read(limit + 1)
    except OSError as exc:
        return InputProblem(str(path), f"unreadable: {exc.strerror}")
    if len(data) > limit:
        return InputProblem(str(path), f"more than {limit:,} bytes: {too_large}")
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


def _read_csv(path: Path, max_chars: int) -> Iterator[Item]:
    """The rows of a CSV file with columns id, text and optional published and title;
    every malformed row (broken quoting, a wrong number of fields, bytes that are not
    UTF-8) is a problem of its own."""
    for row in read_rows(path, required=("id", "text")):
        if isinstance(row, RowProblem):
            where = f"{path}, row {row.number}" if row.number is not None else str(path)
            yield InputProblem(where, row.problem)
            continue
        source = f"{path}, row {row.number}"
        bad = [name for name, value in row.values.items() if undecodable(value)]
        if bad:
            yield InputProblem(source, f"field {bad[0]!r} is not valid UTF-8")
            continue
        published = (row.values.get("published") or "").strip() or None
        title = (row.values.get("title") or "").strip() or None
        yield _checked(row.values["id"], row.values["text"], published, source, max_chars, title)


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
            except RecursionError:
                yield InputProblem(source, "malformed JSON: nested too deeply")
                continue
            except ValueError as exc:  # e.g. an integer of more digits than Python reads
                yield InputProblem(source, f"malformed JSON: {exc}")
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
        if not file.is_dir():
            yield _read_txt(file, max_chars)


def iter_documents(paths: Iterable[Path | str], max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Yield every document (or problem) under ``paths``, in a stable order.

    A folder is searched recursively for .txt files (sorted). A .txt file's id is its
    stem; its date and headline come from a sidecar NAME.json (``published``, ``title``)
    when there is one. .csv files need ``id`` and ``text`` columns and may have
    ``published`` and ``title``; .jsonl files hold one such object per line. Any other
    kind of file is refused, as is anything but a regular file (a pipe or a device would
    never end) and a text longer than ``max_chars`` characters.
    """
    for given in paths:
        path = Path(given)
        suffix = path.suffix.lower()
        if path.is_dir():
            yield from _folder(path, max_chars)
        elif not path.exists():
            yield InputProblem(str(path), "no such file or folder")
        elif not path.is_file():
            yield InputProblem(str(path), _NOT_REGULAR)
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
