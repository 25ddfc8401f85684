"""Write outputs without destroying anything: checked before any work, atomic for files.

:func:`check_output` refuses, before a command reads anything, an output that is a folder,
one of the inputs (or a text an input folder holds), a block device or a socket.
:func:`output_stream` then writes a regular file atomically (readers see the old file or
the whole new one, never half; a symbolic link is followed and its target replaced; the
file gets the mode a new file gets, or keeps its own), and writes to a character device
or a named pipe as a stream (``-o /dev/null`` must not replace /dev/null with a file).
CSV cells a spreadsheet would execute are neutralised by :func:`csv_cell`.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from claimtrail.io.errors import DataError

# OWASP's rule for CSV injection: a cell starting with one of these is a formula to a
# spreadsheet; a leading apostrophe makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _new_file_mode() -> int:
    """The mode a new file gets here: 0o666 less the process's umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _is_stream(mode: int) -> bool:
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def check_output(path: Path | str, inputs: Iterable[Path | str] = ()) -> None:
    """Raise :class:`DataError` if writing to ``path`` could destroy something.

    Refused: a folder; a block device or a socket; the same file as one of ``inputs``,
    or a ``.txt`` file inside an input folder (it would be read as an input). Allowed: a
    new file in an existing folder, a regular file (or a link to one), a character device
    such as /dev/null, a named pipe.
    """
    target = Path(path)
    resolved = target.resolve()
    for given in inputs:
        source = Path(given)
        if (
            resolved.suffix.lower() == ".txt"
            and source.is_dir()
            and resolved.is_relative_to(source.resolve())
        ):
            raise DataError(f"{target}: output is a text inside the input folder {source}")
    try:
        found = target.stat()  # follows symbolic links
    except FileNotFoundError:
        return  # a new file (atomic_writer makes its folder)
    except OSError as exc:
        raise DataError(f"{target}: output cannot be checked: {exc.strerror}") from None
    if stat.S_ISDIR(found.st_mode):
        raise DataError(f"{target}: output is a folder; give a file name")
    if not (stat.S_ISREG(found.st_mode) or _is_stream(found.st_mode)):
        raise DataError(f"{target}: output is not a regular file, a character device or a pipe")
    for given in inputs:
        try:
            same = stat.S_ISREG(found.st_mode) and _same_file(Path(given).stat(), found)
        except OSError:
            continue  # an input that cannot be read is reported by the command itself
        if same:
            raise DataError(f"{target}: output is the input {given}; choose another file")


@contextmanager
def atomic_writer(path: Path | str, newline: str | None = "") -> Iterator[TextIO]:
    """Open a temporary file beside ``path`` for writing text; on success, replace ``path``.

    A symbolic link is followed: its target is replaced and the link kept. The new file
    has the mode of the file it replaces, or the mode a new file gets (0o666 less the
    umask). If the block raises (or the process is told to stop), the temporary file is
    removed and ``path`` is left untouched.
    """
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def output_stream(path: Path | str, newline: str | None = "") -> Iterator[TextIO]:
    """Write to ``path``: atomically if it is (or will be) a regular file, as a stream if
    it is a character device or a named pipe. Call :func:`check_output` first."""
    try:
        streamed = _is_stream(Path(path).stat().st_mode)
    except FileNotFoundError:
        streamed = False
    if not streamed:
        with atomic_writer(path, newline) as stream:
            yield stream
        return
    with open(path, "w", encoding="utf-8", newline=newline) as stream:
        yield stream


def csv_cell(value: object, raw: bool = False) -> object:
    """A value as written to CSV: whole floats as integers (220, not 220.0), None as empty,
    and text a spreadsheet would run as a formula ("=HYPERLINK(...)", "@SUM(...)",
    "+cmd") with an apostrophe before it, unless ``raw``.

    >>> csv_cell(220.0), csv_cell(None), csv_cell("=1+1"), csv_cell("=1+1", raw=True)
    (220, '', "'=1+1", '=1+1')
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and not raw and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
