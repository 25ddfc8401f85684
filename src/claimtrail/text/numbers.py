"""Parse the numeric expressions of English news text.

Works on strings only (standard library, no I/O). Three entry points:

* :func:`parse_number` reads one bare number: ``"1,700"``, ``"two dozen"``, ``"2.5 million"``.
* :func:`parse_expression` reads a whole string as one expression: ``"up to 4,000"``.
* :func:`find_numbers` finds every numeric expression in free text, with offsets.

:func:`fold_case` lower-cases a text so that fast case-sensitive search can stand in for
case-insensitive matching (find_numbers and the other modules use it).

Each expression gets a *qualifier*, one of :data:`QUALIFIERS`, and UCDP-GED-style bounds:
``low`` and ``high`` are bounds the source gives, ``best`` is the figure it asserts, and a
bound the source leaves open stays ``None``.

=============  =====================================================  ==================
qualifier      words                                                  bounds
=============  =====================================================  ==================
none           a bare number: "17 warlords"                           best=N
about          about, approximately, around, roughly, some, circa,    best=N
               "N or so"
more_than      more than, over, upwards of, in excess of, above,      low=N
               well/just over, "N-plus", "N+"
at_least       at least, no fewer/less than, a minimum of, "N or      low=N
               more"
up_to          up to, as many as, a maximum of, at most, no more      high=N
               than, "N or fewer"
fewer_than     fewer than, less than, under, below                    high=N
nearly         nearly, almost, close to, just under, just shy of      best=N, high=N
range          "X to Y", "X-Y", "X–Y", "X or Y", "between X and Y",   low=X, high=Y
               "from X to Y"
vague          hundreds, dozens, scores of, tens of thousands,        low=floor
               several hundred, a few dozen, several
multiplier     tenfold, 10-fold, doubled, tripled, halved, twice as   multiplier=M
               many, three times more
=============  =====================================================  ==================

Rules and decisions:

* Never invent precision. A vague quantity gets only ``low``, the smallest value its words
  can literally denote; ``best`` and ``high`` stay ``None``. A plural counts at least two
  ("dozens" = 24, "scores of" = 40, "hundreds" = 200, "thousands" = 2,000, "tens of" = 20),
  "several" at least three ("several hundred" = 300), "a few" and "a couple" at least two
  ("a few dozen" = 24). A following scale multiplies ("tens of thousands" = 20,000,
  "several hundred thousand" = 300,000); bare "several" and "scores" are vague quantities too
  (3 and 40). Bare "a few" and "many" are not returned.
* A range is kept only when it ascends ("5 to 3" gives two numbers). A scale word after
  the upper end is shared when the lower end is smaller than its bare figure: "2 to 3
  million" = 2,000,000-3,000,000. "X and Y" is a range only after "between". Qualifier
  words before a range stay in ``text`` but the qualifier is "range".
  "from X to Y" is read as a range, also where the source means a change over time.
* "estimated" / "reported" after "a(n)" is a hedge, not a qualifier: it is covered by
  ``text`` and reported in ``hedge``; "an estimated 50,000" is qualifier "none".
* Words before a vague quantity or a multiplier ("up to hundreds") are not absorbed.
* The words of one expression may be split by spaces and one line break, never a blank line.
* Digits use English separators: commas group thousands, a dot is the decimal point, so
  "10.000" reads as 10.0. A no-break, narrow no-break or thin space before three digits
  groups thousands too ("5 000" written with U+00A0 is 5,000).
* Invisible characters (zero-width spaces and joiners, direction marks, a soft hyphen) are
  read as absent, so they neither split nor hide a figure; offsets and ``text`` stay those
  of the text as written.
* A figure too large for a float (about 1.8e308) is not returned.
* Not numbers: ordinals ("3rd", "the first"), digits glued to letters ("A320", "9mm",
  "Su-24", "COVID-19"), clock times and slashed dates ("10:30", "7/23/2016"), "a" or "an"
  alone ("A year"), number words inside other words ("someone", "often", "weight"), and
  "one" followed by "of" / "another" or preceded by "no" ("one of their languages").
* Years, days of the month, ages and durations are returned; the caller decides what is a
  claim. Two flags help: ``looks_like_year`` (bare four digits from 1800 to 2100, e.g.
  "2016") and ``hyphen_compound`` (glued by a hyphen to a following word, as in
  "9-year-old", "nine-minute", also "5,000-strong").
"""

import math
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from claimtrail.text.shapes import (
    LOWER_WORD_CHARACTERS,
    WHITE_SPACE,
    has_digit_beyond_ascii,
    holds_any,
    shape,
)

QUALIFIERS: tuple[str, ...] = (
    "none",
    "about",
    "more_than",
    "at_least",
    "up_to",
    "fewer_than",
    "nearly",
    "range",
    "vague",
    "multiplier",
)


@dataclass(frozen=True, slots=True)
class NumberExpression:
    """One numeric expression found in a string; offsets index that string.

    >>> find_numbers("up to 4,000 fighters")[0].high
    4000.0
    """

    start: int
    end: int
    text: str
    low: float | None
    best: float | None
    high: float | None
    qualifier: str
    vague: str | None
    multiplier: float | None
    value_start: int
    value_end: int
    hyphen_compound: bool
    looks_like_year: bool
    hedge: str | None


_SMALL_VALUES: dict[str, float] = {
    word: float(value)
    for value, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split(),
        start=1,
    )
}
_SMALL_VALUES |= {
    word: float(10 * tens)
    for tens, word in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2
    )
}
_SCALES: dict[str, float] = {
    "dozen": 12.0,
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
_VAGUE_UNITS: dict[str, float] = {"ten": 10.0, "score": 20.0, **_SCALES}
_VAGUE_FLOORS: dict[str, float] = {"several": 3.0, "few": 2.0, "couple": 2.0}
_VERB_MULTIPLIERS: dict[str, float] = {
    "doubl": 2.0,
    "tripl": 3.0,
    "trebl": 3.0,
    "quadrupl": 4.0,
    "quintupl": 5.0,
    "halv": 0.5,
}
_TIMES_WORDS: dict[str, float] = {"twice": 2.0, "thrice": 3.0, "half": 0.5}

_QUALIFIER_PHRASES: dict[str, tuple[str, ...]] = {
    "about": (
        "about",
        "approximately",
        "approx.",
        "around",
        "roughly",
        "some",
        "circa",
        "an approximate",
        "in the region of",
        "on the order of",
    ),
    "more_than": (
        "more than",
        "over",
        "upwards of",
        "in excess of",
        "above",
        "greater than",
        "well over",
        "just over",
        "well above",
    ),
    "at_least": (
        "at least",
        "no fewer than",
        "not fewer than",
        "no less than",
        "not less than",
        "a minimum of",
    ),
    "up_to": (
        "up to",
        "as many as",
        "as much as",
        "a maximum of",
        "at most",
        "no more than",
        "not more than",
    ),
    "fewer_than": ("fewer than", "less than", "under", "below", "well under", "well below"),
    "nearly": ("nearly", "almost", "close to", "just under", "just shy of", "just short of"),
}
_QUALIFIER_OF_PHRASE: dict[str, str] = {
    phrase: qualifier for qualifier, phrases in _QUALIFIER_PHRASES.items() for phrase in phrases
}
_QUALIFIER_OF_POSTFIX: dict[str, str] = {
    "or more": "at_least",
    "or so": "about",
    "or fewer": "up_to",
    "or less": "up_to",
    "-plus": "more_than",
    "+": "more_than",
}


# Whitespace, but no blank line. Atomic: what follows it never starts with whitespace, so
# its longest match is the only one that can succeed, and a long run of blanks is read once
# (backtracking into the run made a number followed by n blanks cost n**2 or more).
_SP = r"(?>[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"


def _phrase_pattern(phrase: str) -> str:
    """Regex for a phrase whose spaces may be any run of whitespace."""
    return _SP.join(re.escape(word) for word in phrase.split())


def _alternation(words: list[str]) -> str:
    """Non-capturing alternation, longest first."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


def _first_letter_alternation(snippets: list[str]) -> str:
    """Alternation of regex snippets grouped by first letter, longest first in each group."""
    by_first: dict[str, list[str]] = {}
    for snippet in sorted(set(snippets), key=len, reverse=True):
        by_first.setdefault(snippet[0], []).append(snippet[1:])
    return "(?:" + "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in by_first.items()) + ")"


_WORD_START = r"(?<![\w-])"
_WORD_END = r"(?!['’]\w)"
_UNIT = _alternation(list(_SMALL_VALUES)[:9])
_TEEN = _alternation(list(_SMALL_VALUES)[9:19])
_TENS = _alternation(list(_SMALL_VALUES)[19:])
_SMALL_CORE = rf"(?:{_TENS}(?:[-\s]{_UNIT})?|{_TEEN}|{_UNIT})"
_SMALL = rf"{_SMALL_CORE}\b"
_HUNDRED = (
    rf"(?:(?:{_SMALL}|an?)(?:-|{_SP}))?hundred\b"
    rf"(?:(?:{_SP}and)?(?:-|{_SP}){_SMALL}(?!(?:-|{_SP})(?:hundred|dozen)\b))?"
)
_GROUP = rf"(?:{_HUNDRED}|{_SMALL})"
_SCALED = rf"(?:{_GROUP}|an?)(?:-|{_SP})(?:thousand|million|billion|trillion)\b"
_WORD_NUMBER = (
    rf"{_WORD_START}(?:{_SCALED}(?:(?:{_SP}and)?{_SP}{_SCALED})*(?:(?:{_SP}and)?{_SP}{_GROUP})?"
    rf"|half(?:-|{_SP})an?(?:-|{_SP})(?:dozen|hundred|thousand|million|billion)\b"
    rf"|(?:an?|one|three){_SP}quarters?{_SP}of{_SP}an?{_SP}(?:dozen|hundred|thousand|million|billion)\b"
    rf"|(?:{_SMALL}|an?)(?:-|{_SP})dozen\b"
    rf"|{_GROUP}){_WORD_END}"
)
_DIGIT_START = r"(?<![\w.,:/])(?<![^\W\d_]-)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\w|[.,:/]\d)"
_DIGIT_NUMBER = (
    rf"{_DIGIT_START}{_DIGITS}(?:{_SP}(?:dozen|hundred|thousand|million|billion|trillion)\b)?"
)
_NUMBER = rf"(?:{_DIGIT_NUMBER}|{_WORD_NUMBER})"

_FOLD = (
    rf"{_DIGIT_START}\d+(?:\.\d+)?[-\s]?fold\b"
    rf"|{_WORD_START}(?:{_SMALL_CORE}|hundred|thousand)-?fold\b"
    rf"|\b{_alternation([stem for stem in _VERB_MULTIPLIERS if stem != 'halv'])}(?:ed|es|ing)\b"
    r"|\bhalv(?:ed|ing)\b"
)
_TIMES_WORD_VALUE = rf"{_WORD_START}(?:twice|thrice|half)"
_TIMES_NUMBER_VALUE = rf"{_NUMBER}{_SP}times"
_TIMES_TAIL = (
    rf"{_SP}(?:as{_SP}(?:many|much|large|high|big|great)|more|higher|larger|greater|bigger)\b"
)
_TIMES = rf"(?P<tval>{_TIMES_WORD_VALUE}|{_TIMES_NUMBER_VALUE}){_TIMES_TAIL}"
_VAGUE = (
    rf"{_WORD_START}(?:"
    rf"(?:tens|dozens|scores|hundreds){_SP}of{_SP}(?:thousands|millions|billions)"
    rf"|(?:several|a{_SP}few|a{_SP}couple(?:{_SP}of)?){_SP}(?:dozen|hundred|thousand|million|billion)"
    rf"(?:{_SP}(?:thousand|million|billion))?"
    r"|dozens|hundreds|thousands|millions|billions|scores|several"
    rf"|tens(?={_SP}of\b)"
    r")\b"
)
_QUALIFIER = _alternation([_phrase_pattern(p) for p in _QUALIFIER_OF_PHRASE])
_COUNT = (
    rf"(?:{_WORD_START}(?P<qual>{_QUALIFIER}){_SP})?"
    rf"(?:\b(?P<hedge>an?{_SP}(?:estimated|reported)){_SP})?"
    rf"(?:\b(?P<lead>between|from){_SP})?"
    rf"(?P<n1>{_NUMBER})"
    rf"(?:(?P<conn>[-–]|{_SP}[-–]{_SP}|{_SP}(?:to|and|or){_SP})(?P<n2>{_NUMBER}))?"
    rf"(?P<post>{_SP}or{_SP}(?:more|so|fewer|less)\b|-plus\b|\+(?!\d))?"
)
# Every expression begins with a digit, a number-word stem ("ten" of "tenfold") or one of the
# start words. Checking that first, grouped by letter, lets most positions fail fast.
_START_STEMS = (*_SMALL_VALUES, "hundred", "thousand", *_VERB_MULTIPLIERS)
_START_WORDS = (
    *(phrase.split()[0].rstrip(".") for phrase in _QUALIFIER_OF_PHRASE),
    *"a an half twice thrice several dozens scores millions billions between from".split(),
)
_START = _first_letter_alternation(
    [re.escape(stem) for stem in _START_STEMS] + [re.escape(word) + r"\b" for word in _START_WORDS]
)
_FOLD_JOIN = re.compile(r"[-\s]$")
_NEVER = "(?!)"  # a branch that cannot match: its group is kept, so reading it gives None


def _expression(fold: bool = True, times_word: bool = True, times_number: bool = True) -> str:
    """The pattern of an expression, the branches that need a word left out (as
    :data:`_NEVER`) where that word is known to be absent: "fold" or a verb of
    multiplying; "twice", "thrice" or "half"; "times"."""
    values = [
        v
        for v, kept in ((_TIMES_WORD_VALUE, times_word), (_TIMES_NUMBER_VALUE, times_number))
        if kept
    ]
    times = rf"(?P<tval>{'|'.join(values)}){_TIMES_TAIL}" if values else _NEVER
    return (
        rf"(?:(?P<fold>{_FOLD if fold else _NEVER})|(?P<times>{times})"
        rf"|(?P<vague>{_VAGUE})|{_COUNT})"
    )


_EXPRESSION = _expression()
# The pattern is written in lower case, without re.IGNORECASE, to search fold_case(text):
# it finds there what it would find in the text ignoring case, much faster. Its second
# look-ahead holds wherever an expression does (its first digit or number word comes
# within eight words: "in the region of an estimated", "a couple of"), so most places that
# pass the first fail before the long alternatives. Its words are read possessively: a
# word is followed by a hyphen or white space or by nothing the look-ahead can use.
_CORE = _first_letter_alternation(
    [
        re.escape(word)
        for word in (
            *_SMALL_VALUES,
            *_SCALES,
            "score",
            "several",
            *_TIMES_WORDS,
            *_VERB_MULTIPLIERS,
        )
    ]
)
_MASTER_HEAD = rf"(?<!\w)(?=\d|{_START})(?=(?:[a-z.]++(?:-|\s++)){{0,8}}(?:\d|{_CORE}))"
_MASTER_FOLDED_RE = re.compile(_MASTER_HEAD + _EXPRESSION)
_FOLD_WORDS = ("fold", *_VERB_MULTIPLIERS)


@cache
def _master(fold: bool, times_word: bool, times_number: bool) -> re.Pattern[str]:
    """:data:`_MASTER_FOLDED_RE` without the branches whose words are absent (see
    :func:`_expression`): in a text without them it finds the same, and most texts lack
    them, so most searches run a pattern a third smaller."""
    return re.compile(_MASTER_HEAD + _expression(fold, times_word, times_number))


def _master_for(folded: str) -> re.Pattern[str]:
    """The master pattern for searching ``folded``, with only the branches it can match."""
    return _master(
        holds_any(folded, _FOLD_WORDS),
        holds_any(folded, _TIMES_WORDS),
        "times" in folded,
    )


# The second look-ahead's "terminal" (a digit or a number word) follows a character that is
# no ASCII letter, digit or "_" (white space or a hyphen in the lead-in, or the character
# before the start), or opens the text: finding the next one and the lead-in before it tells
# where the master pattern can next match (see _earliest_start). The pattern starts with a
# set of characters, which the regex engine skips to at C speed (\W is much slower to test).
_TERMINAL_AFTER_RE = re.compile(rf"[^a-z0-9_](?:\d|{_CORE})")
_TERMINAL_AT_RE = re.compile(rf"\d|{_CORE}")
# The same in the shape of the folded text, where every such character is a space (digits
# outside ASCII, which \d matches and the shape does not keep, are read without the shape).
_TERMINAL_IN_SHAPE_RE = re.compile(rf" (?:\d|{_CORE})".encode("ascii"))
# The characters of a lead-in: the look-ahead's words ([a-z.]) and what joins them ("-" and
# the characters \s matches, all of which are below U+3001).
_LEAD_IN_CHARS = "abcdefghijklmnopqrstuvwxyz.-" + WHITE_SPACE
# Characters that show nothing: zero-width spaces and joiners, direction marks and
# embeddings, the word joiner, a byte-order mark, a soft hyphen. A figure is read as if
# they were not there ("5\u200e,000" is 5,000), its offsets and text those of the text.
_INVISIBLE_RE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# A no-break, narrow no-break or thin space between a digit and three more is a thousands
# separator ("5 000" with U+00A0 is 5,000): read as a comma (the same length). The space
# comes first (the digit before it is looked behind for), so the engine skips to one.
_THOUSANDS_SPACE_RE = re.compile("[\u00a0\u202f\u2009](?<=\\d.)(?=\\d{3}(?!\\d))")
_NUMBER_RE = re.compile(_NUMBER, re.IGNORECASE)
_DIGIT_PARTS_RE = re.compile(r"([\d,.]+)(?:\s+([a-z]+))?", re.IGNORECASE)
_WORD_RE = re.compile(r"[a-z]+", re.IGNORECASE)
_YEAR_RE = re.compile(r"\d{4}")
_COMPOUND_RE = re.compile(r"-[^\W\d_]")
_AFTER_ONE_RE = re.compile(r"\s+(?:of|another)\b", re.IGNORECASE)
_BEFORE_ONE_RE = re.compile(r"\bno\s+$", re.IGNORECASE)


def fold_case(text: str) -> str:
    """``text`` in lower case, with "İ", "ı" and "ſ" as "i", "i" and "s".

    The result is as long as ``text``, with word, digit and space characters where
    ``text`` has them, and an ASCII letter only where ``text`` has a letter that
    re.IGNORECASE equates with it (it also reads "ſ", "K", "ı", "İ" as s, k, i, i). So a
    pattern written in lower case finds in it, case-sensitively, what it finds in ``text``
    with re.IGNORECASE, at the same offsets, and plain string search can stand in for a
    case-insensitive one: both are much faster.

    >>> fold_case("Some 2,000 ſoldiers")
    'some 2,000 soldiers'
    """
    return text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")


@lru_cache(maxsize=8)
def fold_text(text: str) -> str:
    """:func:`fold_case` of a whole text, cached: several steps of the extractor search it."""
    return fold_case(text)


def _words(text: str) -> list[str]:
    """Lower-cased alphabetic words of ``text``."""
    return [word.lower() for word in _WORD_RE.findall(text)]


def _normalise(text: str) -> str:
    """Lower-case ``text`` and collapse its whitespace."""
    return " ".join(text.lower().split())


def _word_value(text: str) -> tuple[float, float]:
    """Value of a number-word phrase and the scale of its last word (1 if none)."""
    total = current = 0.0
    factor = last_scale = 1.0
    for word in _words(text):
        if word == "half":
            factor = 0.5
        elif word in ("quarter", "quarters"):
            factor, current = 0.25 * (current or 1.0), 0.0
        elif word in _SMALL_VALUES:
            current += _SMALL_VALUES[word]
            last_scale = 1.0
        elif word in ("dozen", "hundred"):
            current = (current or 1.0) * _SCALES[word]
            last_scale = _SCALES[word]
        elif word in _SCALES:
            total += (current or 1.0) * _SCALES[word]
            current = 0.0
            last_scale = _SCALES[word]
    return factor * (total + current), last_scale


def _atom_value(text: str) -> tuple[float, float]:
    """Value of one matched number and the scale of its last word (1 if none)."""
    if not text[0].isdigit():
        return _word_value(text)
    digits, scale_word = _DIGIT_PARTS_RE.fullmatch(text).groups()
    scale = _SCALES[scale_word.lower()] if scale_word else 1.0
    return float(digits.replace(",", "")) * scale, scale


def parse_number(words: str) -> float | None:
    """Value of a single bare number, or None if ``words`` is not exactly one.

    >>> parse_number("2.5 million"), parse_number("a hundred"), parse_number("nonsense")
    (2500000.0, 100.0, None)
    """
    text = words.strip()
    if not text or _NUMBER_RE.fullmatch(text) is None:
        return None
    return _atom_value(text)[0]


def _is_year(number_text: str) -> bool:
    """True for a bare four-digit integer from 1800 to 2100."""
    return _YEAR_RE.fullmatch(number_text) is not None and 1800 <= int(number_text) <= 2100


def _make(
    text: str,
    offset: int,
    span: tuple[int, int],
    value_span: tuple[int, int],
    qualifier: str,
    *,
    low: float | None = None,
    best: float | None = None,
    high: float | None = None,
    vague: str | None = None,
    multiplier: float | None = None,
    looks_like_year: bool = False,
    hedge: str | None = None,
) -> NumberExpression:
    """Build a NumberExpression over ``text[span[0]:span[1]]``, its offsets moved by
    ``offset`` (where ``text`` begins in the string searched)."""
    start, end = span
    return NumberExpression(
        start=start + offset,
        end=end + offset,
        text=text[start:end],
        low=low,
        best=best,
        high=high,
        qualifier=qualifier,
        vague=vague,
        multiplier=multiplier,
        value_start=value_span[0] + offset,
        value_end=value_span[1] + offset,
        hyphen_compound=_COMPOUND_RE.match(text, end) is not None,
        looks_like_year=looks_like_year,
        hedge=hedge,
    )


def _fold_expression(text: str, match: re.Match[str], offset: int) -> NumberExpression:
    """Expression for "tenfold", "10-fold", "doubled", "halved"."""
    word = match.group("fold").lower()
    stem = next((s for s in _VERB_MULTIPLIERS if word.startswith(s)), None)
    if stem is not None:
        value = _VERB_MULTIPLIERS[stem]
    else:
        # the one hyphen or space of any kind _FOLD allows before "fold"
        value = _atom_value(_FOLD_JOIN.sub("", word.removesuffix("fold")))[0]
    return _make(text, offset, match.span(), match.span(), "multiplier", multiplier=value)


def _times_expression(text: str, match: re.Match[str], offset: int) -> NumberExpression:
    """Expression for "twice as many", "three times more"."""
    word = match.group("tval")
    value = _TIMES_WORDS.get(word.lower())
    if value is None:
        value = _atom_value(word[: word.lower().rindex("times")].rstrip())[0]
    return _make(text, offset, match.span(), match.span("tval"), "multiplier", multiplier=value)


def _vague_floor(words: list[str]) -> float:
    """Smallest value the words of a vague quantity literally denote."""
    first, *rest = (word for word in words if word not in ("a", "of"))
    floor = _VAGUE_FLOORS.get(first) or 2.0 * _VAGUE_UNITS[first.removesuffix("s")]
    for word in rest:
        floor *= _VAGUE_UNITS[word.removesuffix("s")]
    return floor


def _vague_expression(text: str, match: re.Match[str], offset: int) -> NumberExpression:
    """Expression for "hundreds", "tens of thousands", "several hundred"."""
    words = _words(match.group("vague"))
    return _make(
        text,
        offset,
        match.span(),
        match.span(),
        "vague",
        low=_vague_floor(words),
        vague=" ".join(words),
    )


def _range_bounds(match: re.Match[str]) -> tuple[float, float] | None:
    """(low, high) of a matched "X to Y" if it is a real ascending range, else None."""
    lead = (match.group("lead") or "").lower()
    if match.group("conn").strip().lower() == "and" and lead != "between":
        return None
    low, low_scale = _atom_value(match.group("n1"))
    high, high_scale = _atom_value(match.group("n2"))
    if low_scale == 1.0 and high_scale > 1.0 and low < high / high_scale:
        low *= high_scale
    return (low, high) if low < high else None


def _bounds(qualifier: str, value: float) -> dict[str, float]:
    """low/best/high keyword arguments for a single number under ``qualifier``."""
    if qualifier in ("more_than", "at_least"):
        return {"low": value}
    if qualifier in ("up_to", "fewer_than"):
        return {"high": value}
    if qualifier == "nearly":
        return {"best": value, "high": value}
    return {"best": value}


def _hedge(match: re.Match[str]) -> str | None:
    """The hedge word ("estimated") of a count match, if any."""
    hedge = match.group("hedge")
    return _words(hedge)[-1] if hedge else None


def _is_pronoun_one(text: str, match: re.Match[str]) -> bool:
    """True for "one of", "one another", "no one": not a count."""
    start, end = match.span("n1")
    if match.group("n1").lower() != "one":
        return False
    return (
        _AFTER_ONE_RE.match(text, end) is not None
        or _BEFORE_ONE_RE.search(text, max(0, start - 4), start) is not None
    )


def _count_expression(
    text: str, match: re.Match[str], offset: int
) -> tuple[NumberExpression | None, int]:
    """Expression for a (qualified) number or range, and where to resume the search."""
    n1_start, n1_end = match.span("n1")
    if match.group("n2") is not None:
        bounds = _range_bounds(match)
        if bounds is not None:
            expression = _make(
                text,
                offset,
                match.span(),
                (n1_start, match.end("n2")),
                "range",
                low=bounds[0],
                high=bounds[1],
                looks_like_year=_is_year(match.group("n1")) and _is_year(match.group("n2")),
                hedge=_hedge(match),
            )
            return expression, match.end()
    if _is_pronoun_one(text, match):
        return None, n1_end
    keep_prefix = match.group("lead") is None
    start = match.start() if keep_prefix else n1_start
    post = match.group("post") if match.group("n2") is None else None
    end = match.end() if post else n1_end
    qualifier = "none"
    if keep_prefix and match.group("qual"):
        qualifier = _QUALIFIER_OF_PHRASE[_normalise(match.group("qual"))]
    elif post:
        qualifier = _QUALIFIER_OF_POSTFIX[_normalise(post)]
    expression = _make(
        text,
        offset,
        (start, end),
        (n1_start, n1_end),
        qualifier,
        looks_like_year=_is_year(match.group("n1")),
        hedge=_hedge(match) if keep_prefix else None,
        **_bounds(qualifier, _atom_value(match.group("n1"))[0]),
    )
    return expression, end


def _expression_at(
    text: str, match: re.Match[str], offset: int
) -> tuple[NumberExpression | None, int]:
    """Expression for one master-regex match, and where to resume the search."""
    if match.group("fold") is not None:
        return _fold_expression(text, match, offset), match.end()
    if match.group("times") is not None:
        return _times_expression(text, match, offset), match.end()
    if match.group("vague") is not None:
        return _vague_expression(text, match, offset), match.end()
    return _count_expression(text, match, offset)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberExpression]:
    """Every numeric expression in ``text[start:end]`` (default: all of ``text``), in order
    and non-overlapping, read as if that part were cut out; offsets index ``text``.

    Years, dates, ages and durations are included; see the module docstring.

    >>> [(e.text, e.qualifier) for e in find_numbers("killed at least 13, dozens hurt")]
    [('at least 13', 'at_least'), ('dozens', 'vague')]
    >>> [(e.start, e.text) for e in find_numbers("One. Then 12 more.", 5)]
    [(10, '12')]
    """
    scope = text[start:end]
    if scope.isascii() or _INVISIBLE_RE.search(scope) is None:  # they are not ASCII
        # The part of the text's folding: that of the part, bar a final sigma ("σ" or
        # "ς" as the letter after it goes), which no pattern reads.
        folded = fold_text(text)
        terminals = _terminal_shape(folded)
        part = None if terminals is None else terminals[start:end]
        return _find(scope, start, folded[start:end], part)
    # Read the part without its invisible characters, then give the offsets of the text.
    kept = [i for i, char in enumerate(scope) if not _INVISIBLE_RE.match(char)]
    return [
        replace(
            e,
            start=start + kept[e.start],
            end=start + kept[e.end - 1] + 1,
            text=scope[kept[e.start] : kept[e.end - 1] + 1],
            value_start=start + kept[e.value_start],
            value_end=start + kept[e.value_end - 1] + 1,
        )
        for e in _find(_INVISIBLE_RE.sub("", scope), 0)
    ]


def _find(
    scope: str, offset: int, folded: str | None = None, terminals: bytes | None = None
) -> list[NumberExpression]:
    """:func:`find_numbers` in ``scope``, its offsets moved by ``offset``. ``folded``: the
    scope's :func:`fold_case`, when already at hand, with its :func:`_terminal_shape` as
    ``terminals`` (None: the terminals are looked for in ``folded`` itself)."""
    if folded is None:
        folded = fold_case(scope)
        terminals = _terminal_shape(folded)
    if not folded.isascii():  # the spaces that may separate thousands are not ASCII
        folded = _THOUSANDS_SPACE_RE.sub(",", folded)
    expressions: list[NumberExpression] = []
    position = 0
    master = None
    while (earliest := _earliest_start(folded, terminals, position)) is not None and (
        match := (master := master or _master_for(folded)).search(folded, earliest)
    ) is not None:
        # The groups of the match are read in lower case (every use of them ignores case);
        # the expression's text is taken from ``scope`` as written, at the same offsets.
        expression, position = _expression_at(scope, match, offset)
        if expression is not None and _finite(expression):
            expressions.append(expression)
    return expressions


def _terminal_shape(folded: str) -> bytes | None:
    """The shape of ``folded`` in which terminals are looked for (see :mod:`.shapes`), or
    None when it holds a digit outside ASCII (which the shape does not keep)."""
    if has_digit_beyond_ascii(folded):
        return None
    return shape(folded, LOWER_WORD_CHARACTERS)


def _earliest_start(folded: str, terminals: bytes | None, position: int) -> int | None:
    """The first offset from ``position`` on where an expression of ``folded`` may start
    (the master pattern finds none before it), or None when none can. ``terminals``: the
    :func:`_terminal_shape` of ``folded``.

    An expression needs a digit or a number word (its "terminal") at its start or after
    its lead-in, a few words of letters and dots joined by hyphens or white space ("at
    least", "a couple of"); the terminal follows a character that is no ASCII letter,
    digit or "_". So no expression starts after ``position`` without a terminal there,
    and none starts before the lead-in characters that run up to the first terminal.
    """
    if position == 0 and _TERMINAL_AT_RE.match(folded):
        return 0
    if terminals is None:
        ahead = _TERMINAL_AFTER_RE.search(folded, max(position - 1, 0))
    else:  # a terminal after a space of the shape: the same and perhaps a few more
        ahead = _TERMINAL_IN_SHAPE_RE.search(terminals, max(position - 1, 0))
    if ahead is None:
        return None
    terminal = ahead.start() + 1
    return position + len(folded[position:terminal].rstrip(_LEAD_IN_CHARS))


def _finite(expression: NumberExpression) -> bool:
    """Whether every value of ``expression`` is a finite number (not one too large for a
    float, read as infinity)."""
    for value in (expression.low, expression.best, expression.high, expression.multiplier):
        if value is not None and not math.isfinite(value):
            return False
    return True


def parse_expression(text: str) -> NumberExpression | None:
    """The one numeric expression that makes up all of ``text`` (bar outer whitespace).

    >>> e = parse_expression("5,000 to 7,000")
    >>> (e.qualifier, e.low, e.best, e.high)
    ('range', 5000.0, None, 7000.0)
    """
    expressions = find_numbers(text)
    if len(expressions) != 1:
        return None
    expression = expressions[0]
    leading = len(text) - len(text.lstrip())
    if expression.start != leading or expression.end != len(text.rstrip()):
        return None
    return expression
