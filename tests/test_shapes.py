"""The shape of a text: one byte per character, the kept word characters as they are."""

from __future__ import annotations

import re
import sys

import pytest

from claimtrail.text.shapes import (
    LOWER_WORD_CHARACTERS,
    WHITE_SPACE,
    WORD_CHARACTERS,
    has_digit_beyond_ascii,
    shape,
)

TEXTS = [
    "",
    "At least 13 people were killed, police said.",
    "İSTANBUL — “Gen. Smirnov’s” ſoldiers: ١٢ or ３ men?",
    "emoji 😀 and a lone surrogate \ud800 keep their places; tab\tand\nnewline",
    "e\u0301 combining, \u00a0no-break, ? a question mark",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("kept", [LOWER_WORD_CHARACTERS, WORD_CHARACTERS])
def test_each_character_is_itself_if_kept_else_a_space(text: str, kept: str) -> None:
    shaped = shape(text, kept)
    assert len(shaped) == len(text)
    assert shaped.decode("ascii") == "".join(c if c in kept else " " for c in text)


@pytest.mark.parametrize("text", TEXTS)
def test_a_digit_beyond_ascii_is_what_the_digit_class_matches_outside_ascii(text: str) -> None:
    expected = any(re.match(r"\d", c) and not c.isascii() for c in text)
    assert has_digit_beyond_ascii(text) == expected


def test_white_space_is_every_character_the_pattern_matches_as_white_space() -> None:
    everything = (chr(i) for i in range(sys.maxunicode + 1))
    assert set(WHITE_SPACE) == {c for c in everything if re.match(r"\s", c)}
