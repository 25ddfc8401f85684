"""Names and noun phrases: how a text writes its words."""

from __future__ import annotations

import re

import pytest

from claimtrail.text import names

LOWER_CASE_TEXTS = [
    "officials said; Officials say. well-known and well- known, ab-Cd, ab-cD x-ray",
    "éofficials Xofficials 3officials _officials officials3 officials_ officialsé",
    "a-b-c--d -e f- officials-officials, the the-the, ΟΔΟΣ officials",
    "officials",
    "",
]


@pytest.mark.parametrize("text", LOWER_CASE_TEXTS)
def test_a_word_is_written_in_lower_case_where_the_pattern_finds_it(text: str) -> None:
    """The places a word occurs, read in their runs, say what a scan of the whole text
    for lower-case words says."""
    written = set(names._LOWER_WORD.findall(text))
    words = set(re.findall(r"[\w-]+", text)) | written | {"officials", "b", "d", "-e", "x-ray"}
    for word in words:
        assert names._written_in_lower_case(text, word) == (word in written), word


PHRASES = [
    "",
    "   ",
    " \u2003“Gen. Smirnov,”\u00a0 ",
    "(-the ministry's [chief]:; ",
    "Smirnov has also\t\n",
    "a\u2028b\u3000c  ",
    "'single'",
]


@pytest.mark.parametrize("words", PHRASES)
def test_junk_is_stripped_as_white_space_and_the_junk_characters(words: str) -> None:
    lead = re.escape("\"'“”‘’,:;[(-")
    trail = re.escape("\"'“”‘’,:;]-")
    expected = re.fullmatch(rf"[\s{lead}]*(.*?)[\s{trail}]*", words, re.DOTALL).group(1)
    assert names._strip_junk(words) == expected


@pytest.mark.parametrize("words", PHRASES)
def test_tokens_are_read_from_the_end(words: str) -> None:
    tokens = [(m.start(), names.fold_case(m.group())) for m in re.finditer(r"\S+", words)]
    assert list(names._tokens_from_end(words)) == tokens[::-1]
