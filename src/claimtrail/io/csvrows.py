"""Strict reading of CSV files: every malformed row named, none merged into another.

Strings only (the standard library's csv module, no pandas), streaming. A file is read
as UTF-8 (a UTF-8 byte-order mark is dropped; a UTF-16 file, an empty file or a file
without a header is one problem). Each row is checked on its own: a row whose number of
fields differs from the header's, or whose quoting is broken (an unclosed quotation mark,
text after a closing one), is yielded as a :class:`RowProblem` naming its row and line,
and reading goes on with the next line, so one bad row never swallows the rows after it.
Bytes that are not UTF-8 are kept as surrogate escapes (see :func:`undecodable`) for the
caller to name the field.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# What errors="surrogateescape" makes of each byte that is not UTF-8.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True)
class Row:
    """One well-formed data row: its number (from 1, the header not counted), the line it
    starts on, and its values by column."""

    number: int
    line: int
    values: dict[str, str]


@dataclass(frozen=True)
class RowProblem:
    """A row (or, with ``number`` None, the whole file) that cannot be read, and why."""

    number: int | None
    line: int | None
    problem: str


def undecodable(value: str) -> bool:
    """Whether a value read here held bytes that are not UTF-8.

    >>> undecodable("caf\\udce9"), undecodable("café")
    (True, False)
    """
    return _ESCAPED_BYTE.search(value) is not None


class _Lines:
    """The decoded lines of a binary stream, counted, remembering where one line starts."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.count = 0  # lines read so far
        self.mark: int | None = None  # the line whose start offset is wanted
        self.marked: int | None = None  # that offset, once the line is read

    def __iter__(self) -> Iterator[str]:
        while True:
            offset = self.stream.tell()
            data = self.stream.readline()
            if not data:
                return
            self.count += 1
            if self.count == self.mark:
                self.marked = offset
            yield data.decode("utf-8", "surrogateescape")


def _first_problem(stream: BinaryIO) -> str | None:
    """What makes a whole file unreadable as UTF-8 CSV: UTF-16, or nothing in it."""
    start = stream.read(4)
    if start.startswith(_UTF16_BOMS):
        return "is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"
    if not start.strip():
        stream.seek(0)
        if not stream.read(1 << 16).strip():
            return "is empty: no header, no rows"
    stream.seek(len(_UTF8_BOM) if start.startswith(_UTF8_BOM) else 0)
    return None


def read_rows(path: Path | str, required: tuple[str, ...] = ()) -> Iterator[Row | RowProblem]:
    """Every row of the CSV file ``path`` as a :class:`Row`, or a :class:`RowProblem`.

    The header is the first record; a header that repeats a column name, holds no name or
    lacks a ``required`` column is a problem of the whole file (number None), and so is a
    file that cannot be opened.
    Blank lines are skipped. After a row with broken quoting, reading starts again on the
    line after the one the row started on.
    """
    csv.field_size_limit(sys.maxsize)  # the caller bounds what it keeps
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, also when stopped early
    except OSError as exc:
        yield RowProblem(None, None, f"unreadable: {exc.strerror}")
        return
    with stream:
        problem = _first_problem(stream)
        if problem:
            yield RowProblem(None, None, problem)
            return
        yield from _rows(stream, required)


def _rows(stream: BinaryIO, required: tuple[str, ...]) -> Iterator[Row | RowProblem]:
    lines = _Lines(stream)
    reader = csv.reader(lines, strict=True)
    header: list[str] | None = None
    number = 0
    while True:
        start = lines.count + 1
        lines.mark, lines.marked = start + 1, None
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if header is None:
                yield RowProblem(None, start, f"header on line {start}: malformed CSV ({exc})")
                return
            number += 1
            yield RowProblem(number, start, _quoting_problem(str(exc), start, lines.count))
            if lines.marked is not None:  # the row went on past its first line
                stream.seek(lines.marked)
            lines.count = start
            reader = csv.reader(lines, strict=True)
            continue
        if not fields:
            continue
        if header is None:
            header = fields
            problem = _header_problem(header, required)
            if problem:
                yield RowProblem(None, start, problem)
                return
            continue
        number += 1
        if len(fields) != len(header):
            yield RowProblem(
                number, start, f"has {len(fields)} fields, the header has {len(header)}"
            )
            continue
        yield Row(number, start, dict(zip(header, fields, strict=True)))
    if header is None:
        yield RowProblem(None, None, "is empty: no header, no rows")


def _header_problem(header: list[str], required: tuple[str, ...]) -> str | None:
    """A header naming no column, one column twice, or lacking a required one."""
    seen: set[str] = set()
    for name in header:
        if not name.strip():
            return "the header has an empty column name"
        if name in seen:
            return f"the header names column {name!r} twice"
        seen.add(name)
    missing = [name for name in required if name not in header]
    return f"missing column(s) {', '.join(missing)}" if missing else None


def _quoting_problem(error: str, start: int, last: int) -> str:
    """The message for a row whose quoting the csv module rejects."""
    if error == "unexpected end of data":
        return (
            f"malformed CSV: a quotation mark opened on line {start} is never closed "
            f"(it would take in the {last - start} line(s) after it, read again as rows)"
        )
    return f"malformed CSV on line {start}: {error}"
