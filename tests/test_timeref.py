"""timeref: relative and absolute time expressions resolve to dates no more precise than known."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrail.text.timeref import (
    PRECISIONS,
    TimeRef,
    dateline,
    find_time_expressions,
    precision_of,
    resolve,
)

# (expression, reference, expected date, expected precision)
RESOLVED = [
    # corpus: article 001, Global Research, 2 August 2016 (a Tuesday)
    ("last October", "2016-08-02", "2015-10", "month"),
    ("back in April", "2016-08-02", "2016-04", "month"),
    ("in March", "2016-08-02", "2016-03", "month"),
    ("on July 23", "2016-08-02", "2016-07-23", "day"),
    ("last year", "2016-08-02", "2015", "year"),
    ("A year ago", "2016-04", "2015-04", "month"),
    ("August 02, 2016", "2016-08-02", "2016-08-02", "day"),
    ("1 August 2016", "2016-08-02", "2016-08-01", "day"),
    # corpus: article 000, dated only to August 2016
    ("last October", "2016-08", "2015-10", "month"),
    ("on August 8", "2016-08", "2016-08-08", "day"),
    ("on Sunday", "2016-08", "2016", "year"),
    # corpus: articles 002 and 003, dated only to 2015
    ("last year", "2015", "2014", "year"),
    ("in 2001", "2015", "2001", "year"),
    # corpus: article 004, The Moscow Times, 3 September 2014 (a Wednesday)
    ("September 03, 2014", "2014-09-03", "2014-09-03", "day"),
    ("on Wednesday", "2014-09-03", "2014-09-03", "day"),  # the day of the article
    ("On Tuesday", "2014-09-03", "2014-09-02", "day"),
    ("on Monday", "2014-09-03", "2014-09-01", "day"),
    ("In June", "2014-09-03", "2014-06", "month"),
    ("In early July", "2014-09-03", "2014-07", "month"),
    # calendar units around 2 August 2016
    ("last month", "2016-08-02", "2016-07", "month"),
    ("this month", "2016-08-02", "2016-08", "month"),
    ("next month", "2016-08-02", "2016-09", "month"),
    ("earlier this month", "2016-08-02", "2016-08", "month"),
    ("later this month", "2016-08-02", "2016-08", "month"),
    ("this year", "2016-08-02", "2016", "year"),
    ("earlier this year", "2016-08-02", "2016", "year"),
    ("next year", "2016-08", "2017", "year"),
    ("last month", "2016-01-15", "2015-12", "month"),
    ("this month", "2015", "2015", "year"),
    # weeks run Monday to Sunday: 1-7 August 2016 is in one month, 29 Aug - 4 Sep is not
    ("this week", "2016-08-02", "2016-08", "month"),
    ("last week", "2016-08-02", "2016-07", "month"),
    ("next week", "2016-08-02", "2016-08", "month"),
    ("this week", "2016-08-31", "2016", "year"),
    # named months
    ("last October", "2016-11-05", "2016-10", "month"),
    ("last August", "2016-08-02", "2015-08", "month"),
    ("this October", "2016-08-02", "2016-10", "month"),
    ("next October", "2016-08-02", "2016-10", "month"),
    ("next March", "2016-08-02", "2017-03", "month"),
    ("in April", "2016-02", "2015-04", "month"),
    ("in August", "2016-08-02", "2016-08", "month"),
    ("in December", "2016-08-02", "2015-12", "month"),
    ("in mid-July 2015", "2016-08-02", "2015-07", "month"),
    ("July 2015", "2016-08-02", "2015-07", "month"),
    ("in late 2015", "2016-08-02", "2015", "year"),
    # days of a month without a year
    ("July 23", "2016-08-02", "2016-07-23", "day"),
    ("23 July", "2016-08-02", "2016-07-23", "day"),
    ("the 23rd of July", "2016-08-02", "2016-07-23", "day"),
    ("Sept. 3", "2016-08-02", "2015-09-03", "day"),
    ("on February 29", "2016-06", "2016-02-29", "day"),
    # counted back
    ("a year ago", "2016-04-10", "2015-04", "month"),
    ("two years ago", "2016-04", "2014-04", "month"),
    ("three months ago", "2016-08-02", "2016-05", "month"),
    ("a week ago", "2016-08-02", "2016-07", "month"),
    ("two days ago", "2016-08-02", "2016-07-31", "day"),
    ("10 days ago", "2016-08-02", "2016-07-23", "day"),
    ("a year ago", "2015", "2014", "year"),
    # the day itself and weekdays
    ("yesterday", "2016-08-02", "2016-08-01", "day"),
    ("today", "2016-08-02", "2016-08-02", "day"),
    ("today", "2016-08", "2016-08", "month"),
    ("yesterday", "2016-08", "2016", "year"),
    ("on Sunday", "2016-08-02", "2016-07-31", "day"),
    ("Friday", "2016-08-02", "2016-07-29", "day"),
    ("on Tuesday", "2016-08-02", "2016-08-02", "day"),
    ("last Tuesday", "2016-08-02", "2016-07-26", "day"),
    ("overnight", "2016-11-21", "2016-11", "month"),
    ("overnight", "2016-12-01", "2016", "year"),
    ("last Sunday", "2016-08-02", "2016-07-31", "day"),
    ("next Sunday", "2016-08-02", "2016-08-07", "day"),
    ("next Tuesday", "2016-08-02", "2016-08-09", "day"),
    # case and spacing do not matter
    ("LAST   OCTOBER", "2016-08-02", "2015-10", "month"),
    ("  in may ", "2016-08-02", "2016-05", "month"),
]


@pytest.mark.parametrize(("expression", "reference", "date", "precision"), RESOLVED)
def test_resolve(expression: str, reference: str, date: str, precision: str) -> None:
    result = resolve(expression, reference)
    assert result is not None
    assert (result.date, result.precision) == (date, precision)
    assert result.expression == expression.strip()


# (expression, reference): not understood, or no honest date follows
UNRESOLVED = [
    ("Last month", "2015"),  # December 2014 to November 2015
    ("in April", "2015"),  # April 2014 or April 2015
    ("In December", "2015"),  # corpus: article 002
    ("on Sunday", "2016-01"),  # 27 December 2015 to 31 January 2016
    ("yesterday", "2016-01"),
    ("this week", "2015-12-31"),  # 28 December 2015 to 3 January 2016
    ("on February 29", "2015-06"),  # 2015 is not a leap year
    ("February 30, 2016", "2016-08-02"),
    ("the last year", "2016-08-02"),  # the past twelve months, not 2015
    ("may", "2016-08-02"),
    ("in 2015 or so", "2016-08-02"),
    ("whenever", "2016-08-02"),
    ("", "2016-08-02"),
    ("last year", "0001"),  # year 0 does not exist
    ("two days ago", "0001-01-01"),
]


@pytest.mark.parametrize(("expression", "reference"), UNRESOLVED)
def test_resolve_gives_none(expression: str, reference: str) -> None:
    assert resolve(expression, reference) is None


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@pytest.mark.parametrize("reference", [f"2016-08-{day:02d}" for day in range(1, 8)])
@pytest.mark.parametrize("named", WEEKDAYS)
def test_every_weekday_in_a_text_of_every_weekday(reference: str, named: str) -> None:
    """One rule: "on Tuesday" is the most recent Tuesday on or before the reference day
    (the very day in a Tuesday report), "last Tuesday" strictly before it, "next Tuesday"
    strictly after it. 1-7 August 2016 run Monday to Sunday."""
    day = dt.date.fromisoformat(reference)
    target = WEEKDAYS.index(named)
    back = (day.weekday() - target) % 7
    on = day - dt.timedelta(days=back)
    for words, expected in [
        (f"on {named}", on),
        (named, on),
        (f"last {named}", on - dt.timedelta(days=7) if back == 0 else on),
        (f"next {named}", day + dt.timedelta(days=(target - day.weekday() - 1) % 7 + 1)),
    ]:
        result = resolve(words, reference)
        assert result is not None and result.date == expected.isoformat(), words
        assert result.precision == "day"
    assert resolve(f"on {named}", reference).date <= reference


@pytest.mark.parametrize(
    ("expression", "reference", "fragments"),
    [
        ("last October", "2016-08-02", ["'last October' = ", "strictly before", "2016-08-02"]),
        ("A year ago", "2016-04", ["approximate", "known only to the month"]),
        ("on Sunday", "2016-08", ["on or before", "known only to the month"]),
        ("last Sunday", "2016-08-02", ["strictly before"]),
        ("in 2015", "2016-08-02", ["independent of the reference"]),
    ],
)
def test_rule_explains_the_reading(expression: str, reference: str, fragments: list[str]) -> None:
    result = resolve(expression, reference)
    assert result is not None
    for fragment in fragments:
        assert fragment in result.rule


def test_rule_of_a_day_reference_does_not_claim_coarseness() -> None:
    result = resolve("last month", "2016-08-02")
    assert result is not None
    assert "known only" not in result.rule


@pytest.mark.parametrize(
    ("date", "precision"),
    [("2016", "year"), ("2016-08", "month"), ("2016-08-02", "day"), ("2016-02-29", "day")],
)
def test_precision_of(date: str, precision: str) -> None:
    assert precision_of(date) == precision
    assert precision in PRECISIONS


BAD_DATES = [
    "2016-8",
    "16",
    "2016-13",
    "2016-00",
    "2015-02-29",
    "2016-08-32",
    "2016-08-02T10:00",
    " 2016",
    "",
    "August 2016",
    "2016/08/02",
]


@pytest.mark.parametrize("bad", BAD_DATES)
def test_precision_of_rejects_malformed_dates(bad: str) -> None:
    with pytest.raises(ValueError, match=repr(bad).replace("(", r"\(")):
        precision_of(bad)


@pytest.mark.parametrize("bad", ["2016/08/02", "2016-13", "last week", "2016-02-30"])
def test_resolve_rejects_malformed_reference(bad: str) -> None:
    with pytest.raises(ValueError, match=repr(bad)):
        resolve("last year", bad)


def test_resolve_rejects_reference_even_when_words_are_unknown() -> None:
    with pytest.raises(ValueError, match="'yesterday'"):
        resolve("whenever", "yesterday")


def test_resolve_rejects_non_string_reference() -> None:
    with pytest.raises(ValueError, match="None"):
        resolve("last year", None)  # type: ignore[arg-type]


def test_timeref_precision_must_agree_with_date() -> None:
    with pytest.raises(ValueError, match="'day'"):
        TimeRef("2016-08", "day", "last month", "a wrong precision")


def test_timeref_is_frozen() -> None:
    result = resolve("last year", "2016-08-02")
    assert result is not None
    with pytest.raises(AttributeError):
        result.date = "2014"  # type: ignore[misc]


FOUND = [
    # corpus: article 001
    (
        '"There are an estimated 5,000 to 7,000 fighters," Putin said last October after '
        "Russia launched its bombing campaign",
        ["last October"],
    ),
    (
        "Zamir Kabulov said back in April, estimating that the number of Daesh fighters in "
        'Afghanistan has increased tenfold since last year. "A year ago there were a hundred."',
        ["back in April", "last year", "A year ago"],
    ),
    (
        "killing 80 people and injuring 23 on July 23. That terrorist act was claimed by Daesh.",
        ["on July 23"],
    ),
    (
        "Global Research, August 02, 2016\n\n[Alahednews](#) 1 August 2016\n\nRegion: Russia",
        ["August 02, 2016", "1 August 2016"],
    ),
    # corpus: articles 000, 002 and 004
    ("a meeting between the presidents of Russia and Turkey on August 8.", ["on August 8"]),
    ("told reporters Friday after a session. Formed in 2001, the SCO", ["Friday", "in 2001"]),
    (
        "Russia's Defense Ministry sent several attack helicopters to Baghdad on Monday to "
        "help. In early July, it provided five Su-24 fighter aircraft to the country.",
        ["on Monday", "In early July"],
    ),
    # what is not a date
    ("Officials may act; a march may follow in may.", []),
    ("They staged a march in March.", ["in March"]),
    ("about 1,700 Russian citizens, up to 4,000 and 220 bombers", []),
    ("over the last year and in the last month", []),
    ("the 2015-16 season and July 23-24", []),
    ("February 30, 2016", []),
    ("Russia Today reported today. USA Today agreed.", ["today"]),
    ("They left Moscow. Today they are in Raqqa.", ["Today"]),
    ("on Sundays and Fridayish", []),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_find_time_expressions(text: str, expected: list[str]) -> None:
    found = find_time_expressions(text)
    assert [words for _, _, words in found] == expected
    for start, end, words in found:
        assert text[start:end] == words


def test_find_gives_exact_offsets_in_order() -> None:
    text = "On Tuesday, two days ago and in June 2015, then yesterday."
    assert find_time_expressions(text) == [
        (0, 10, "On Tuesday"),
        (12, 24, "two days ago"),
        (29, 41, "in June 2015"),
        (48, 57, "yesterday"),
    ]


def test_find_prefers_the_longest_expression() -> None:
    text = "Dated September 03, 2014 and in early July 2015."
    assert [words for _, _, words in find_time_expressions(text)] == [
        "September 03, 2014",
        "in early July 2015",
    ]


def test_everything_found_resolves() -> None:
    expressions = [
        "Last month", "on Sunday", "a week ago", "earlier this year", "23 July", "in 2015",
        "next Friday", "this week", "in mid-July", "today", "three months ago",
    ]  # fmt: skip
    found = find_time_expressions(", then ".join(expressions) + ".")
    assert [words for _, _, words in found] == expressions
    for words in expressions:
        assert resolve(words, "2016-08-02") is not None, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu Aug 1 2013 40 Syrians die in ammo depot blast.", "2013-08-01"),
        ("Thursday 01 September 2016 20:22 Syrian Coalition urges", "2016-09-01"),
        ("Published October 31 2014 Activists in Syria reported", "2014-10-31"),
        ("Posted on April 4 2017 by Asharq Al-Awsat English", "2017-04-04"),
        ("Date of publication 27 June 2016 Civilian massacre", "2016-06-27"),
        ("Bomb kills 15 in Homs NGO AFP Thursday 6 Mar 2014 At least 15", "2014-03-06"),
        ("03-11-2014 ISIL Beheads 8 Syria Militants", "2014-11-03"),
        ("01.10.2014 A double terrorist attack", "2014-10-01"),
        ("08.04.2017(updated 1954 08.04.2017) Get short URL", "2017-04-08"),
        ("Last updated at Jul 282016 QAMISHLI Syria A massive bomb", "2016-07-28"),
        ("Killed on 5 May 2015 in a raid, the army said.", None),
        ("Since 15 March 2011 the war has killed 300000 people.", None),
        ("31-02-2016 is no date.", None),
        ("No date here at all.", None),
    ],
)
def test_dateline(text: str, expected: str | None) -> None:
    found = dateline(text)
    assert (found[2] if found else None) == expected
    if found:
        assert (
            found[2] == expected and text[found[0] : found[1]].strip() == text[found[0] : found[1]]
        )


def test_dateline_only_near_the_start() -> None:
    text = "x " * 200 + "Thu Aug 1 2013 was a day."
    assert dateline(text) is None
    assert dateline(text, within=500) is not None
