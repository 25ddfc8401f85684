"""Extraction in linear time: pathological texts, and the rewritten steps against the
patterns they replace.

The one timed test here gives a generous bound; how the time grows with the size of such
texts is measured in benchmarks/pathological.py (results in benchmarks/results/).
"""

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrail.extraction.extract import Article, extract_claims
from claimtrail.text.hedges import Hedge, _longest_first, find_hedges
from claimtrail.text.names import _cut_trailing_words, _strip_junk
from claimtrail.text.numbers import find_numbers
from claimtrail.text.sentences import MAX_SENTENCE_CHARS, sentence_spans
from claimtrail.text.timeref import find_time_expressions

# The patterns the rewritten steps replace, as oracles.
_OLD_EDGE_JUNK = re.compile(r"^[\s\"'“”‘’,:;\[(-]+|[\s\"'“”‘’,:;\]-]+$")
_OLD_TRAILING_WORDS = re.compile(
    r"(?:\s+(?:has|have|had|also|further|later|earlier|previously|then|once|again|recently"
    r"|reportedly|in\s+turn|on\s+\w+day|last\s+\w+))+$",
    re.IGNORECASE,
)


def _pathological(size: int) -> str:
    """One text holding every kind of input that used to take quadratic time or worse."""
    parts = [
        "Officials said 5" + " " * size + "people were killed.",
        "Police said " + "1-" * (size // 2) + "1 people were killed.",
        "Police said " + "12, " * (size // 4) + "and 40 people died.",
        "Police " + "said " * (size // 5) + "5 people were killed.",
        "on Monday 5 people were killed last week, in April " * (size // 50),
        "Today 5 people were killed " * (size // 27),
        "an estimated 5 fighters could be according to police " * (size // 54),
        '"5 fighters," he said, "' * (size // 24),
        "Police has has has said 5 people died " * (size // 38),
        "5 people " + "." * size,
    ]
    return "\n\n".join(parts)


def test_pathological_text_is_extracted_within_a_generous_bound():
    text = _pathological(20_000)  # about 200,000 characters; about 2 s on one core
    started = time.perf_counter()
    rows = extract_claims(Article("hostile", text, "2016-01-01"))
    elapsed = time.perf_counter() - started
    assert rows  # it did read the figures
    assert elapsed < 60, f"{elapsed:.1f} s for {len(text):,} characters"


def test_a_number_followed_by_a_long_run_of_blanks_is_still_read():
    found = find_numbers("Officials said five" + " " * 50_000 + "hundred people")
    assert [(e.text.split(), e.best) for e in found] == [(["five", "hundred"], 500.0)]
    found = find_numbers("five\n \nhundred")  # a blank line still ends an expression
    assert [e.best for e in found] == [5.0, 100.0]


def test_no_sentence_is_longer_than_the_limit_and_words_are_not_cut():
    words = "tens of thousands of fighters joined the group in the region " * 200
    text = words.strip() + "."
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    assert " ".join(text[s:e] for s, e in spans) == text  # cut only at single spaces
    blanks = "5" + " " * 5_000 + "people"
    assert [blanks[s:e] for s, e in sentence_spans(blanks)] == ["5", "people"]


def test_sentences_up_to_the_limit_are_kept_whole():
    text = ("word " * (MAX_SENTENCE_CHARS // 5))[: MAX_SENTENCE_CHARS - 1] + "."
    assert sentence_spans(text) == ((0, len(text)),)


def test_a_run_of_full_stops_ends_a_sentence_once():
    text = "Police said 5 people were killed..... Then 12 more."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Police said 5 people were killed.....",
        "Then 12 more.",
    ]


def test_today_after_a_name_is_not_a_date_however_long_the_text_before():
    text = "x " * 50_000 + "Russia Today reported it. Today 5 were killed."
    assert [w for _, _, w in find_time_expressions(text)] == ["Today"]


_PHRASE_WORDS = st.sampled_from(
    "has HAS have also in turn tuRN on Monday monDAY last week year. x Smirnov said hasty "
    "haſ ON 5 , ; : ' \" “ ” ‘ ’ [ ] ( -".split()
)
_PHRASES = st.lists(
    st.tuples(_PHRASE_WORDS, st.sampled_from([" ", "  ", "\t", "\n", ""])), max_size=10
).map(lambda parts: "".join(word + gap for word, gap in parts))


@settings(max_examples=400, deadline=None)
@given(_PHRASES)
def test_edge_junk_is_stripped_as_the_old_pattern_did(phrase):
    assert _strip_junk(phrase) == _OLD_EDGE_JUNK.sub("", phrase)


@settings(max_examples=400, deadline=None)
@given(_PHRASES)
def test_trailing_words_are_cut_as_the_old_pattern_did(phrase):
    phrase = phrase.rstrip()
    assert _cut_trailing_words(phrase) == _OLD_TRAILING_WORDS.sub("", phrase)


def test_trailing_words_examples():
    assert _cut_trailing_words("Gen. Smirnov has also") == "Gen. Smirnov"
    assert _cut_trailing_words("the minister in turn") == "the minister"
    assert _cut_trailing_words("Shoigu on Monday") == "Shoigu"
    assert _cut_trailing_words("Shoigu on Mondays,") == "Shoigu on Mondays,"
    assert _cut_trailing_words("has") == "has"  # the first word stays
    assert _cut_trailing_words("officials " + "has " * 10_000 + "x") == (
        "officials " + "has " * 10_000 + "x"
    )


def _brute_longest_first(hedges):
    kept = []
    for hedge in sorted(hedges, key=lambda h: (h.start - h.end, h.start)):
        if all(hedge.end <= k.start or k.end <= hedge.start for k in kept):
            kept.append(hedge)
    return sorted(kept, key=lambda h: h.start)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=25))
def test_overlapping_hedges_keep_the_longest_as_before(spans):
    hedges = [Hedge(start, start + length, "w", "estimate") for start, length in spans]
    assert _longest_first(hedges) == _brute_longest_first(hedges)


def test_find_hedges_returns_a_new_list_each_time():
    text = "The toll could be higher."
    first = find_hedges(text)
    first.clear()
    assert [h.words for h in find_hedges(text)] == ["could be"]
