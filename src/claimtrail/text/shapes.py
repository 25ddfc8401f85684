"""Cheap tests of what a text holds: its shape, digits outside ASCII, a word of a few,
where a word occurs.

The shape: where a pattern may start, found without testing classes of characters.

Several rules look for a word after a break ("said" after a character that is no ASCII
letter, digit or "_"). Written as a pattern that starts with a class of characters
(``[^a-zA-Z0-9_]said``), the regex engine tests every character of the text against the
class, and each test takes indirect jumps that the processor mispredicts: it was the
largest single cost of the extractor. The shape is the same text as ASCII bytes, one byte
per character (so offsets are the same), with the ASCII word characters a rule reads kept
as they are and every other character a space. A break is then a space, a literal that
the engine finds with a plain loop, so the same search in the shape is much cheaper. A
search in the shape finds every place the pattern can start, and perhaps more; the caller
confirms each place in the text itself.

>>> shape("gen. smirnov’s 2 men", LOWER_WORD_CHARACTERS)
b'gen  smirnov s 2 men'
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import AnyStr

# Every character str.isspace() and the pattern \s hold (none is above U+3000).
WHITE_SPACE = "".join(char for char in map(chr, range(0x3001)) if char.isspace())
LOWER_WORD_CHARACTERS = string.ascii_lowercase + string.digits + "_"
WORD_CHARACTERS = string.ascii_letters + string.digits + "_"


@lru_cache(maxsize=4)
def _table(kept: str) -> bytes:
    """A translation table for bytes: those of ``kept`` kept, every other byte a space."""
    keep = kept.encode("ascii")
    return bytes(byte if byte in keep else ord(" ") for byte in range(256))


@lru_cache(maxsize=16)
def _ascii(text: str) -> bytes:
    """``text`` as ASCII bytes of the same length, "?" for each character outside ASCII
    (cached: the shapes of a text and the test for its digits share it)."""
    return text.encode("ascii", "replace")


@lru_cache(maxsize=16)
def shape(text: str, kept: str) -> bytes:
    """``text`` as bytes of the same length: each character of ``kept`` (ASCII ones) as it
    is, every other character a space (cached: the rules of a text share it)."""
    return _ascii(text).translate(_table(kept))


@lru_cache(maxsize=16)
def has_digit_beyond_ascii(text: str) -> bool:
    """Whether ``text`` holds a decimal digit outside ASCII ("٣", "３"), which ``\\d``
    matches in a text but the shape makes a space.

    >>> has_digit_beyond_ascii("3 men"), has_digit_beyond_ascii("٣ men, “quoted”")
    (False, True)
    """
    if text.isascii():
        return False
    return any(text[at].isdecimal() for at in occurrences(_ascii(text), b"?"))


def occurrences(text: AnyStr, word: AnyStr) -> Iterator[int]:
    """Every offset where ``word`` occurs in ``text``, overlapping ones included."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``words`` (as a substring): a quick test before a
    pattern that needs one is tried (a plain loop, cheaper than ``any`` over a generator).

    >>> holds_any("police said", ("told", "said")), holds_any("police", ("said",))
    (True, False)
    """
    for word in words:
        if word in text:
            return True
    return False
