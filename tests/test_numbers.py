"""Tests for claimtrail.text.numbers: parsing numeric expressions of news text."""

import random
import re
import sys

import pytest

from claimtrail.text import numbers
from claimtrail.text.numbers import (
    QUALIFIERS,
    NumberExpression,
    find_numbers,
    fold_case,
    parse_expression,
    parse_number,
)


def only(text: str) -> NumberExpression:
    """The single expression find_numbers returns for ``text``."""
    found = find_numbers(text)
    assert len(found) == 1, [e.text for e in found]
    return found[0]


def summary(expression: NumberExpression) -> tuple:
    """(text, qualifier, low, best, high) of an expression."""
    e = expression
    return (e.text, e.qualifier, e.low, e.best, e.high)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("1,700", 1700.0),
        ("5,000", 5000.0),
        ("50,000", 50000.0),
        ("1,000,000", 1_000_000.0),
        ("17", 17.0),
        ("0", 0.0),
        ("2.5 million", 2_500_000.0),
        ("1.4 million", 1_400_000.0),
        ("3 thousand", 3000.0),
        ("10.000", 10.0),
        ("a hundred", 100.0),
        ("one hundred", 100.0),
        ("hundred and fifty", 150.0),
        ("a hundred and fifty", 150.0),
        ("two hundred fifty", 250.0),
        ("two thousand", 2000.0),
        ("two thousand and five", 2005.0),
        ("three hundred thousand", 300_000.0),
        ("one million two hundred thousand", 1_200_000.0),
        ("seventeen", 17.0),
        ("twenty-three", 23.0),
        ("twenty three", 23.0),
        ("ninety-nine", 99.0),
        ("a dozen", 12.0),
        ("two dozen", 24.0),
        ("half a dozen", 6.0),
        ("half a million", 500_000.0),
        ("a quarter of a million", 250_000.0),
        ("three quarters of a million", 750_000.0),
        ("one quarter of a thousand", 250.0),
        ("a million", 1_000_000.0),
        ("A Thousand", 1000.0),
        ("  eleven  ", 11.0),
    ],
)
def test_parse_number(words: str, value: float) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    "words",
    [
        "nonsense",
        "",
        "a",
        "an",
        "hundreds",
        "about 5",
        "5 to 7",
        "someone",
        "first",
        "3rd",
        "tenfold",
    ],
)
def test_parse_number_rejects(words: str) -> None:
    assert parse_number(words) is None


CORPUS_CASES = [
    (
        "keep track of more than 220 potential suicide bombers",
        ("more than 220", "more_than", 220.0, None, None),
    ),
    (
        "There are an estimated 5,000 to 7,000 fighters",
        ("an estimated 5,000 to 7,000", "range", 5000.0, None, 7000.0),
    ),
    ("estimated that some 2,000 fighters", ("some 2,000", "about", None, 2000.0, None)),
    ("including 17 warlords, had", ("17", "none", None, 17.0, None)),
    ("\"There are now 10,000 'ISIS' fighters", ("10,000", "none", None, 10000.0, None)),
    ("A year ago there were a hundred,", ("a hundred", "none", None, 100.0, None)),
    ("information on about 1,700 Russian citizens", ("about 1,700", "about", None, 1700.0, None)),
    (
        "added that approximately 1,700 Russians",
        ("approximately 1,700", "about", None, 1700.0, None),
    ),
    ("could be up to 4,000, he added", ("up to 4,000", "up_to", None, None, 4000.0)),
    ("at least five militants who return", ("at least five", "at_least", 5.0, None, None)),
    (
        "with an estimated 50,000 fighters in the country",
        ("an estimated 50,000", "none", None, 50000.0, None),
    ),
    ("beheaded two U.S. journalists", ("two", "none", None, 2.0, None)),
    ("Join the 1.4 million fans", ("1.4 million", "none", None, 1_400_000.0, None)),
    ("Click here for the Top 12 Moments", ("12", "none", None, 12.0, None)),
]

WIRE_CASES = [
    ("Gunmen killed at least 13 people.", ("at least 13", "at_least", 13.0, None, None)),
    ("the death toll rose to 120", ("120", "none", None, 120.0, None)),
    ("some 400 people were injured", ("some 400", "about", None, 400.0, None)),
    ("nearly 3,000 troops", ("nearly 3,000", "nearly", None, 3000.0, 3000.0)),
    ("almost 90 villagers", ("almost 90", "nearly", None, 90.0, 90.0)),
    ("close to 600 fighters", ("close to 600", "nearly", None, 600.0, 600.0)),
    ("just under 2,000 refugees", ("just under 2,000", "nearly", None, 2000.0, 2000.0)),
    ("fewer than 50 survivors", ("fewer than 50", "fewer_than", None, None, 50.0)),
    ("less than 1,000 fighters", ("less than 1,000", "fewer_than", None, None, 1000.0)),
    ("under 300 soldiers", ("under 300", "fewer_than", None, None, 300.0)),
    (
        "between 200 and 300 militants",
        ("between 200 and 300", "range", 200.0, None, 300.0),
    ),
    ("as many as 1,000 people", ("as many as 1,000", "up_to", None, None, 1000.0)),
    ("over 500 were arrested", ("over 500", "more_than", 500.0, None, None)),
    ("upwards of 10,000 fighters", ("upwards of 10,000", "more_than", 10000.0, None, None)),
    ("in excess of 700 dead", ("in excess of 700", "more_than", 700.0, None, None)),
    ("no fewer than 40 bodies", ("no fewer than 40", "at_least", 40.0, None, None)),
    ("a minimum of 12 casualties", ("a minimum of 12", "at_least", 12.0, None, None)),
    ("no more than 60 rebels", ("no more than 60", "up_to", None, None, 60.0)),
    ("roughly 1,200 families", ("roughly 1,200", "about", None, 1200.0, None)),
    ("around 70 people", ("around 70", "about", None, 70.0, None)),
    ("approx. 45 people", ("approx. 45", "about", None, 45.0, None)),
    ("500 or so fighters", ("500 or so", "about", None, 500.0, None)),
    ("30 or more civilians", ("30 or more", "at_least", 30.0, None, None)),
    ("40-plus bodies", ("40-plus", "more_than", 40.0, None, None)),
    ("More than a dozen died", ("More than a dozen", "more_than", 12.0, None, None)),
    ("nearly two dozen soldiers", ("nearly two dozen", "nearly", None, 24.0, 24.0)),
    ("Over a hundred were hurt", ("Over a hundred", "more_than", 100.0, None, None)),
    ("5,000-7,000 fighters", ("5,000-7,000", "range", 5000.0, None, 7000.0)),
    ("5,000–7,000 fighters", ("5,000–7,000", "range", 5000.0, None, 7000.0)),
    ("from 10 to 20 attackers", ("from 10 to 20", "range", 10.0, None, 20.0)),
    ("two or three gunmen", ("two or three", "range", 2.0, None, 3.0)),
    ("2 to 3 million refugees", ("2 to 3 million", "range", 2e6, None, 3e6)),
    ("between two and three thousand", ("between two and three thousand", "range", 2e3, None, 3e3)),
    ("500 to 1 million people", ("500 to 1 million", "range", 500.0, None, 1e6)),
    ("a reported 300 people", ("a reported 300", "none", None, 300.0, None)),
    ("paid $5 million", ("5 million", "none", None, 5e6, None)),
    ("30% of the fighters", ("30", "none", None, 30.0, None)),
    ("Seventeen warlords", ("Seventeen", "none", None, 17.0, None)),
    ("twenty-three people", ("twenty-three", "none", None, 23.0, None)),
    ("three hundred thousand people", ("three hundred thousand", "none", None, 3e5, None)),
    ("at 12 Main Street", ("12", "none", None, 12.0, None)),
    ("in 2015", ("2015", "none", None, 2015.0, None)),
    ("One militant was killed", ("One", "none", None, 1.0, None)),
]


@pytest.mark.parametrize(("text", "expected"), CORPUS_CASES + WIRE_CASES)
def test_find_single_expression(text: str, expected: tuple) -> None:
    assert summary(only(text)) == expected


@pytest.mark.parametrize(
    ("text", "vague", "low"),
    [
        ("hundreds of residents", "hundreds", 200.0),
        ("Hundreds of people fled", "hundreds", 200.0),
        ("dozens of fighters", "dozens", 24.0),
        ("thousands of refugees", "thousands", 2000.0),
        ("millions of dollars", "millions", 2e6),
        ("scores of bodies", "scores", 40.0),
        ("scores wounded", "scores", 40.0),
        ("several attack helicopters", "several", 3.0),
        ("several people died", "several", 3.0),
        ("tens of fighters", "tens", 20.0),
        ("tens of thousands of refugees", "tens of thousands", 20000.0),
        ("hundreds of thousands fled", "hundreds of thousands", 200000.0),
        ("several hundred fighters", "several hundred", 300.0),
        ("several thousand troops", "several thousand", 3000.0),
        ("several dozen militants", "several dozen", 36.0),
        ("a few dozen militants", "a few dozen", 24.0),
        ("a few hundred people", "a few hundred", 200.0),
        ("a couple of hundred men", "a couple of hundred", 200.0),
        ("several hundred thousand people", "several hundred thousand", 300000.0),
    ],
)
def test_vague_quantities_keep_only_a_floor(text: str, vague: str, low: float) -> None:
    e = only(text)
    assert (e.qualifier, e.vague, e.low, e.best, e.high) == ("vague", vague, low, None, None)


@pytest.mark.parametrize(
    ("text", "multiplier", "value_text"),
    [
        ("has increased tenfold since", 10.0, "tenfold"),
        ("a ten-fold rise", 10.0, "ten-fold"),
        ("a 10-fold rise", 10.0, "10-fold"),
        ("a threefold increase", 3.0, "threefold"),
        ("the number doubled", 2.0, "doubled"),
        ("numbers have tripled", 3.0, "tripled"),
        ("it quadrupled", 4.0, "quadrupled"),
        ("the force was halved", 0.5, "halved"),
        ("twice as many fighters", 2.0, "twice"),
        ("three times as many recruits", 3.0, "three times"),
        ("10 times more attacks", 10.0, "10 times"),
        ("half as many deaths", 0.5, "half"),
    ],
)
def test_multipliers(text: str, multiplier: float, value_text: str) -> None:
    e = only(text)
    assert (e.qualifier, e.multiplier, e.low, e.best, e.high) == (
        "multiplier",
        multiplier,
        None,
        None,
        None,
    )
    assert text[e.value_start : e.value_end] == value_text


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "killing 80 people and injuring 23 on July 23.",
            [("80", 80.0), ("23", 23.0), ("23", 23.0)],
        ),
        ("two soldiers and three civilians", [("two", 2.0), ("three", 3.0)]),
        ("won 5 to 3 after", [("5", 5.0), ("3", 3.0)]),
        ("between 300 and 200 people", [("300", 300.0), ("200", 200.0)]),
        ("aged 5 and 6", [("5", 5.0), ("6", 6.0)]),
        ("rose from 120 to 100", [("120", 120.0), ("100", 100.0)]),
        (
            "Five killed, 7,000. Then 1,700, then",
            [("Five", 5.0), ("7,000", 7000.0), ("1,700", 1700.0)],
        ),
        ("August 02, 2016", [("02", 2.0), ("2016", 2016.0)]),
        (
            "There are now 10,000. A year ago there were a hundred",
            [("10,000", 1e4), ("a hundred", 100.0)],
        ),
    ],
)
def test_several_numbers_in_order(text: str, values: list[tuple[str, float]]) -> None:
    assert [(e.text, e.best) for e in find_numbers(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "someone often tone weight anyone Tennessee",
        "A year ago",
        "an attack, a raid",
        "at 10:30 a.m.",
        "on 7/23/2016",
        "the 3rd battalion and the 1st",
        "the first time",
        "one of their working languages",
        "they killed one another",
        "no one was hurt",
        "an A320 and a Su-24",
        "COVID-19 cases",
        "a 9mm pistol",
        "the 1990s",
        "a quarter of the population",
        "in as many weeks",
        "the Thousand Oaks",
        "manifold problems",
    ],
)
def test_non_numbers(text: str) -> None:
    assert [e.text for e in find_numbers(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5,000 – 7,000 fighters", [("5,000 – 7,000", "range")]),
        (
            "between two hundred and three hundred",
            [("between two hundred and three hundred", "range")],
        ),
        ("one or two of them", [("one or two", "range")]),
        ("in 2014 or 2015", [("2014 or 2015", "range")]),
        ("5 -7 degrees", [("5", "none"), ("7", "none")]),
        ("killed five\n\nTo seven people", [("five", "none"), ("seven", "none")]),
        ("five\nto seven", [("five\nto seven", "range")]),
        ("about\n\n5 people", [("5", "none")]),
        ("no one and one", [("one", "none")]),
        ("for one's own", []),
    ],
)
def test_range_and_line_break_edges(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.text, e.qualifier) for e in find_numbers(text)] == expected


def test_glued_designation_is_skipped_but_count_is_kept() -> None:
    assert [e.text for e in find_numbers("an A320 and five Su-24 jets")] == ["five"]


@pytest.mark.parametrize(
    ("text", "number", "compound"),
    [
        ("a 9-year-old boy", "9", True),
        ("a nine-minute video", "nine", True),
        ("the five-month air campaign", "five", True),
        ("a 24-hour curfew", "24", True),
        ("a 5,000-strong force", "5,000", True),
        ("5-7-year-olds", "5-7", True),
        ("two-thirds of the fighters", "two", True),
        ("nine minutes", "nine", False),
        ("they won 5-3", "5", False),
        ("the 2014-15 season", "2014", False),
        ("5,000-7,000 fighters", "5,000-7,000", False),
        ("40-plus bodies", "40-plus", False),
    ],
)
def test_hyphen_compound(text: str, number: str, compound: bool) -> None:
    e = find_numbers(text)[0]
    assert (e.text, e.hyphen_compound) == (number, compound)


@pytest.mark.parametrize(
    ("text", "is_year"),
    [
        ("in 2015", True),
        ("Formed in 2001,", True),
        ("around 1999", True),
        ("2014-2016", True),
        ("2,015 people", False),
        ("3000 people", False),
        ("1700 people", False),
        ("215 people", False),
        ("1,800 to 2,000", False),
    ],
)
def test_looks_like_year(text: str, is_year: bool) -> None:
    assert only(text).looks_like_year is is_year


@pytest.mark.parametrize(
    "text",
    [
        "Russian security services now keep track of more than 220 potential suicide bombers.",
        "There are an estimated 5,000 to 7,000 fighters; some 2,000 fighters, 17 warlords.",
        "Kabul: killing 80 people and injuring 23 on July 23. Hundreds of residents fled.",
        "Numbers increased tenfold; between two and three thousand; a 9-year-old; 1.4 million.",
        "  about 1,700,\tup to 4,000 — nearly 3,000 (or so) 500 or so 40-plus at 10:30 a.m.",
    ],
)
def test_offsets_slice_back_to_text(text: str) -> None:
    found = find_numbers(text)
    assert found
    previous_end = 0
    for e in found:
        assert e.text == text[e.start : e.end]
        assert previous_end <= e.start <= e.value_start < e.value_end <= e.end
        assert e.qualifier in QUALIFIERS
        previous_end = e.end


def test_offsets_of_a_qualified_number() -> None:
    text = "He said about 1,700 Russians."
    e = only(text)
    assert (e.start, e.end, e.value_start, e.value_end) == (8, 19, 14, 19)
    assert text[e.value_start : e.value_end] == "1,700"


def test_range_value_span_excludes_qualifier_and_hedge() -> None:
    text = "an estimated 5,000 to 7,000 fighters"
    e = only(text)
    assert text[e.value_start : e.value_end] == "5,000 to 7,000"
    assert e.hedge == "estimated"


def test_lead_word_without_range_is_not_absorbed() -> None:
    e = only("fighters from 2014 onwards")
    assert (e.text, e.qualifier) == ("2014", "none")


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("an estimated 50,000 fighters", "estimated"),
        ("An Estimated 50,000 fighters", "estimated"),
        ("a reported 300 dead", "reported"),
        ("some 2,000 fighters", None),
        ("Shoigu estimated 2,000 fighters", None),
    ],
)
def test_hedge(text: str, hedge: str | None) -> None:
    assert only(text).hedge == hedge


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about 1,700", ("about 1,700", "about", None, 1700.0, None)),
        ("5,000 to 7,000", ("5,000 to 7,000", "range", 5000.0, None, 7000.0)),
        ("up to 4,000", ("up to 4,000", "up_to", None, None, 4000.0)),
        ("hundreds", ("hundreds", "vague", 200.0, None, None)),
        ("tenfold", ("tenfold", "multiplier", None, None, None)),
        (" a hundred ", ("a hundred", "none", None, 100.0, None)),
        ("an estimated 50,000", ("an estimated 50,000", "none", None, 50000.0, None)),
    ],
)
def test_parse_expression(text: str, expected: tuple) -> None:
    e = parse_expression(text)
    assert e is not None
    assert summary(e) == expected


@pytest.mark.parametrize(
    "text",
    ["nonsense", "", "about 1,700 people", "5 and 7", "two soldiers and three", "7,000."],
)
def test_parse_expression_rejects_anything_but_one_whole_expression(text: str) -> None:
    assert parse_expression(text) is None


def test_parse_expression_offsets_are_into_the_given_string() -> None:
    e = parse_expression("  nearly 3,000")
    assert e is not None
    assert (e.start, e.end, e.value_start) == (2, 14, 9)


def test_qualifier_vocabulary() -> None:
    assert QUALIFIERS == (
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


def test_expression_is_frozen() -> None:
    e = only("17 warlords")
    with pytest.raises(AttributeError):
        e.best = 18.0  # type: ignore[misc]


def test_no_numbers_in_empty_text() -> None:
    assert find_numbers("") == []


def test_case_does_not_matter() -> None:
    lower = "killed more than 200 and some twenty-five others, dozens hurt"
    mixed = "KiLLed MoRe ThAn 200 AnD SoMe TwEnTy-FiVe OtHeRs, DoZeNs hurt"
    expected = [(7, 20, "more_than", 200.0, None), (25, 41, "about", None, 25.0),
                (50, 56, "vague", 24.0, None)]  # fmt: skip
    for text in (lower, lower.upper(), lower.title(), mixed):
        assert [
            (e.start, e.end, e.qualifier, e.low, e.best) for e in find_numbers(text)
        ] == expected


def test_fold_case_lines_up_with_case_insensitive_matching() -> None:
    """fold_case keeps every character in place and of its kind (word, digit, space), and
    gives an ASCII letter only where re.IGNORECASE matches that letter in the text."""
    text = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    folded = fold_case(text)
    assert len(folded) == len(text)
    for kind in (r"\w", r"\d", r"\s"):
        spans = [m.span() for m in re.finditer(kind, text)]
        assert spans == [m.span() for m in re.finditer(kind, folded)], kind
    letters = [m.start() for m in re.finditer("[a-z]", text, re.IGNORECASE)]
    assert letters == [m.start() for m in re.finditer("[a-z]", folded)]
    assert all(re.fullmatch(folded[i], text[i], re.IGNORECASE) for i in letters)
    assert (
        fold_case("Some 2,000 ſoldiers in İdlib, KHARKIV")
        == "some 2,000 soldiers in idlib, kharkiv"
    )


@pytest.mark.parametrize("join", ["", "-", " ", "\t", "\n", "\xa0", "\u2009", "\u202f"])
def test_a_fold_after_any_one_space_or_hyphen(join: str) -> None:
    (found,) = find_numbers(f"up 333{join}fold")
    assert (found.qualifier, found.multiplier) == ("multiplier", 333.0)


# The fast paths of find_numbers must find what the plain definitions find.
MIXED_TEXTS = [
    "About 300 fighters joined. Nobody else came.",
    "Some ١٢ people and ３ more were hurt; twenty-one fled.",
    "İSTANBUL: ſeven ſoldiers and 5\u00a0000 civilians, ΟΔΟΣ 12 people.",
    "Three hundred men; \u200bfifty\u200b more. Then 4,000.",
    "no digits here at all, only words",
    "XX marks the spot; zero (O) and l are not digits",
]


# Words and joins that lead in to expressions, break lead-ins or look like numbers.
_PIECES = (
    "at least|more than|a couple of|an estimated|between|from|up to|some|approx.|in the region of"
    "|half|twice|tens of|several|dozens|one|tension|tenfold|sixth|scored|3|4,000|2.5|1990s|u.s."
    "|x.ten|a|the|people|killed|-|--|,|;|(|)|'|’|é|_|\u00a0|\u2009|\n|\t| |  |hundred|thousand"
    "|million|times|as many|or more|doubled|thrice|halved|3-fold|“|٣|x٣|١2"
).split("|")


def _generated_texts(count: int, seed: int = 5) -> list[str]:
    """Texts of random pieces, joined by nothing, a space or a hyphen."""
    draw = random.Random(seed)
    return [
        "".join(
            draw.choice(_PIECES) + draw.choice(("", " ", " ", "-"))
            for _ in range(draw.randint(1, 25))
        )
        for _ in range(count)
    ]


@pytest.mark.parametrize("text", MIXED_TEXTS + _generated_texts(300))
def test_the_earliest_start_hides_no_match_of_the_master_pattern(text: str) -> None:
    """From every position, the master pattern finds from the earliest start what it finds
    from the position itself, and nothing where there is no earliest start."""
    folded = numbers.fold_case(text)
    terminals = numbers._terminal_shape(folded)
    for position in range(len(folded) + 1):
        plain = numbers._MASTER_FOLDED_RE.search(folded, position)
        for shape in {None, terminals}:  # terminals found in the text, and in its shape
            earliest = numbers._earliest_start(folded, shape, position)
            if earliest is None:
                assert plain is None, (text, position)
            else:
                assert earliest >= position
                found = numbers._MASTER_FOLDED_RE.search(folded, earliest)
                assert (found and found.span()) == (plain and plain.span()), (text, position)


@pytest.mark.parametrize("text", MIXED_TEXTS + _generated_texts(300, seed=6))
def test_the_master_pattern_for_a_text_finds_what_the_full_one_finds(text: str) -> None:
    """The pattern without the branches whose words a text lacks finds in it, from every
    position, what the full pattern finds."""
    folded = numbers.fold_case(text)
    master = numbers._master_for(folded)
    for position in range(len(folded) + 1):
        plain = numbers._MASTER_FOLDED_RE.search(folded, position)
        found = master.search(folded, position)
        assert _groups(found) == _groups(plain), (text, position)


def _groups(match: re.Match[str] | None) -> dict[str, tuple[int, int]] | None:
    """The span of the match and of each group that took part in it."""
    if match is None:
        return None
    spans = {name: match.span(name) for name, value in match.groupdict().items() if value}
    return {"": match.span(), **spans}


def test_the_master_pattern_leaves_out_only_branches_whose_words_are_absent() -> None:
    assert numbers._master_for("3 people") is numbers._master(False, False, False)
    assert numbers._master_for("tripled to 3") is numbers._master(True, False, False)
    assert numbers._master_for("half as many") is numbers._master(False, True, False)
    assert numbers._master_for("3 times more") is numbers._master(False, False, True)
    assert numbers._master(True, True, True).pattern == numbers._MASTER_FOLDED_RE.pattern


def test_the_lead_in_characters_hold_every_white_space_character() -> None:
    spaces = {chr(i) for i in range(sys.maxunicode + 1) if re.match(r"\s", chr(i))}
    assert spaces <= set(numbers._LEAD_IN_CHARS)


@pytest.mark.parametrize("text", MIXED_TEXTS)
def test_a_part_is_read_as_if_cut_out_of_the_text(text: str) -> None:
    """A part is read through the text's cached folding; the result is that of the part
    cut out and read on its own, its offsets moved."""
    for start in range(0, len(text), 3):
        for end in range(start, len(text) + 1, 5):
            alone = [
                (e.start + start, e.end + start, e.text, e.low, e.best, e.high)
                for e in find_numbers(text[start:end])
            ]
            within = [
                (e.start, e.end, e.text, e.low, e.best, e.high)
                for e in find_numbers(text, start, end)
            ]
            assert within == alone, (start, end)


def test_a_number_too_large_for_a_float_is_left_out() -> None:
    """A figure read as infinity is no figure; the next one is still found."""
    found = find_numbers("killed " + "9" * 400 + " people and 5 more, a 1e999-fold rise")
    assert [(e.text, e.best) for e in found] == [("5", 5.0)]
