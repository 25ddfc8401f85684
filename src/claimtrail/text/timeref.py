"""Resolve time expressions in news text to the date they denote, with an honest precision.

A figure in an article is true "as of" some date that is often not the publication date:
"Putin said last October", "a year ago there were a hundred". :func:`resolve` turns such
words into an ISO partial date ("2015", "2015-10", "2015-10-14") against a reference date
(usually the publication date), and :func:`find_time_expressions` finds them in free text.

How precision is decided
    Every rule maps one reference *day* to the span of days the words may denote ("last
    October" -> 1-31 October of some year). A reference known only to the month or year
    stands for each of its days, so the span is widened to cover all of them (every rule is
    monotone in the reference day, so its first and last day suffice). The result is the
    finest calendar unit holding the whole span: the day if it is one day, else the month,
    else the year, else ``None``. A result is therefore never more precise than the words
    and the reference support, and nothing depends on the machine's clock.

Rules for the ambiguous cases (all in English, case-insensitive)
    * "last October": the most recent October strictly before the reference month;
      "next October" the first one after it; "this October" the reference year's.
    * "in April", "back in April", "in early/mid/late July", and days without a year ("on
      July 23", "23 July"): the latest occurrence whose month is not after the reference
      month. Within the reference month the reference year is kept, so "on August 8" in an
      article of 2 August 2016 is 2016-08-08 (news often names a day still to come in the
      same month). "early", "mid" and "late" do not narrow a month.
    * Weekdays ("on Sunday", "Friday"): the most recent such day on or before the
      reference day, so a weekday named in a text of that weekday is that very day (wire
      reports say "killed 58 on Tuesday" on the Tuesday). "last Sunday" is strictly before,
      "next Sunday" strictly after. With a reference known only to the month the weekday
      may fall in the month before, so the result is the year (or ``None`` across a new
      year).
    * Weeks run Monday to Sunday. "this week", "last week" and "next week" are the month if
      the whole week lies in one month, else the year if it lies in one year, else ``None``.
      "earlier" and "later" do not narrow a week, month or year.
    * "N days ago" is exact (a day). "N weeks ago" is approximate: the Monday-Sunday week
      holding the day 7*N days back, hence never a day. "N months ago" and "N years ago"
      are approximate: the calendar month N months (12*N for years) before the reference
      month, never a day ("a year ago" from 2016-04-10 is 2015-04).
    * "yesterday" is the day before the reference day, "today" the reference itself;
      "overnight" is the night before it, so the day before and the reference day: the
      month when both lie in one month.
    * Dates that state their year ("September 03, 2014", "1 August 2016", "July 2015",
      "in 2015") do not depend on the reference.
    * "the last year" (the past twelve months) is not "last year" and is not resolved.

Examples:
    >>> resolve("last October", "2016-08-02").date
    '2015-10'
    >>> resolve("on Sunday", "2016-08-02").date
    '2016-07-31'
    >>> resolve("on Tuesday", "2016-08-02").date
    '2016-08-02'
    >>> resolve("last month", "2015") is None
    True
    >>> find_time_expressions("Putin said last October that 5,000 had left.")
    [(11, 23, 'last October')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

PRECISIONS = ("day", "month", "year")

_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Building blocks of the patterns. Month and weekday names have their own groups so that
# find_time_expressions can insist on a capital letter ("may" and "a march" are not months).
_MONTH = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october"
    r"|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
)
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_COUNT = r"(?P<count>" + "|".join(_COUNT_WORDS) + r"|\d{1,3})"
_ON = r"(?:on\s+)?"
_IN = r"(?:back\s+)?in\s+"
_PHASE = r"(?:(?:early|mid|late)[\s-]+)?"
_MONTH_DAY = rf"{_MONTH}\s+{_DAY}"
_DAY_MONTH = rf"(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}"
_NOT_THE = r"(?<!the\s)"  # "the last year" means the past twelve months
# Not glued to a word, and not the start of a range such as "2015-16" or "July 23-24".
_START = r"(?<!\w)"
_END = r"(?!\w|[-–/]\d)"
# A capitalised "Today" straight after a capitalised word is a name: Russia Today, USA Today.
_NAME_BEFORE = re.compile(r"[A-Z]\w*[ \t]+\Z")

_Span = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class TimeRef:
    """A resolved time expression.

    ``date`` is an ISO partial date whose form agrees with ``precision``; ``expression``
    holds the words resolved and ``rule`` says in plain words how they were read.

    >>> TimeRef("2015-10", "month", "last October", "an example").precision
    'month'
    """

    date: str
    precision: str
    expression: str
    rule: str

    def __post_init__(self) -> None:
        if precision_of(self.date) != self.precision:
            raise ValueError(f"precision {self.precision!r} does not match date {self.date!r}")


def precision_of(date: str) -> str:
    """The precision stated by the form of an ISO partial date.

    >>> precision_of("2016-08")
    'month'
    >>> precision_of("2016-08-32")
    Traceback (most recent call last):
    ...
    ValueError: '2016-08-32' is not a real ISO date of the form YYYY, YYYY-MM or YYYY-MM-DD
    """
    return _parse_date(date)[1]


def resolve(expression: str, reference: str) -> TimeRef | None:
    """Resolve ``expression`` against ``reference`` (an ISO partial date).

    Returns ``None`` when the words are not understood or no honest date follows from them
    (see the module docstring for the rules). Raises ``ValueError`` naming ``reference``
    when it is not an ISO partial date.

    >>> resolve("back in April", "2016-08-02").date
    '2016-04'
    >>> resolve("A year ago", "2016-04-10").date
    '2015-04'
    >>> resolve("on Wednesday", "2014-09-03").date
    '2014-09-03'
    >>> resolve("last Wednesday", "2014-09-03").date
    '2014-08-27'
    >>> resolve("on Sunday", "2016-08").precision
    'year'
    """
    (first_day, last_day), reference_precision = _parse_date(reference)
    words = expression.strip()
    found = _match(words)
    if found is None:
        return None
    rule, match = found
    try:
        first = rule.span(match, first_day)[0]
        last = rule.span(match, last_day)[1]
    except (ValueError, OverflowError):  # no such day (29 February 2015) or beyond year 1-9999
        return None
    unit = _finest_unit(first, last)
    if unit is None:
        return None
    reason = f"'{words}' = {rule.explain(match)} (reference {reference}"
    if reference_precision != "day":
        reason += f", known only to the {reference_precision}: every day in it was considered"
    return TimeRef(unit[0], unit[1], words, reason + ")")


def find_time_expressions(text: str) -> list[tuple[int, int, str]]:
    """Every time expression :func:`resolve` understands in ``text``, as (start, end, words).

    ``text[start:end] == words``; overlapping candidates keep the earliest, then longest.
    Month and weekday names must be capitalised, so "may" and "a march" are not dates.

    >>> find_time_expressions("On Tuesday, as in early July, they may march.")
    [(0, 10, 'On Tuesday'), (15, 28, 'in early July')]
    """
    candidates = [
        match
        for rule in _RULES
        if rule.hint.search(text)
        for match in rule.pattern.finditer(text)
        if _is_plausible(match, text)
    ]
    candidates.sort(key=lambda match: (match.start(), -match.end()))
    found: list[tuple[int, int, str]] = []
    for match in candidates:
        if not found or match.start() >= found[-1][1]:
            found.append((match.start(), match.end(), match.group()))
    return found


_NUMERIC_DATE = re.compile(
    r"(?<![\w.-])(?P<day>\d{1,2})(?P<sep>[-./])(?P<month>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2})(?!\d)"
)
# A day glued to its year by a scraper: "Last updated at Apr 232017".
_GLUED_DATE = re.compile(
    r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"(?P<day>\d{1,2})(?P<year>(?:19|20)\d{2})(?!\d)"
)
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d(?!\d)")
# Words that make a date an event's ("on 5 May 2015", "since 1 March 2011") unless a
# dateline's own word comes before them ("Posted on").
_GOVERNED = re.compile(r"(?:\b(?:on|in|since|from|until|till|by|before|after|of|to)\s+)\Z", re.I)
_DATELINE_WORD = re.compile(r"\b(?:posted|published|updated)\s+(?:on\s+)?\Z", re.I)


def dateline(text: str, within: int = 250) -> tuple[int, int, str] | None:
    """The date a text prints for itself, as (start, end, ISO day), or None.

    It is the first full date (day, month and year: "Thu Aug 1 2013", "16 October 2016",
    "Published October 31 2014", day-month-year digits, "03-11-2014", "01.10.2014", or a
    day glued to its year by a scraper, "Apr 232017")
    that starts in the first ``within`` characters and is not governed by a preposition
    ("on 5 May 2015" dates an event, not the text).

    >>> dateline("Wed 05 Apr 2017 Syria attack kills 70. Then on 6 April 2017 more.")
    (4, 15, '2017-04-05')
    >>> dateline("09-07-2016 Five killed in Aleppo.")
    (0, 10, '2016-07-09')
    >>> dateline("Last updated at Apr 232017 Six killed.")[2]
    '2017-04-23'
    >>> dateline("Talks were held on 5 May 2015 in Geneva.") is None
    True
    """
    head = text[: within + 40]
    candidates = []
    # Every full date ends with its year: try the patterns only just before each year.
    for year in _YEAR_DIGITS.finditer(head):
        reach = max(0, year.start() - 40)
        if reach >= within:
            break
        for pattern in _FULL_DATES:
            for match in pattern.finditer(head, reach, year.end()):
                if match.end() == year.end() and match.start() < within:
                    if pattern not in (_NUMERIC_DATE, _GLUED_DATE) and not _is_plausible(
                        match, head
                    ):
                        continue
                    candidates.append((match.start(), match.end(), match.group()))
    for start, end, words in sorted(candidates):
        before = text[max(0, start - 30) : start]
        governed = words.lower().startswith("on") or _GOVERNED.search(before)
        if governed and not _DATELINE_WORD.search(before + words[:3]):
            continue
        numeric = _NUMERIC_DATE.fullmatch(words) or _GLUED_DATE.fullmatch(words)
        if numeric is None:
            resolved = resolve(words, "2000")
            date = resolved.date if resolved else None
        else:
            day, year = int(numeric["day"]), int(numeric["year"])
            month = numeric["month"]
            month = int(month) if month.isdigit() else _month_number(month)
            try:
                date = dt.date(year, month, day).isoformat()
            except ValueError:
                date = None
        if date is not None:
            if words.lower().startswith("on"):
                start += len(words) - len(words[2:].lstrip())
            return start, end, date
    return None


# --- dates and spans -------------------------------------------------------------------


def date_bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day an ISO partial date covers ("2015" -> 1 Jan to 31 Dec 2015).

    >>> date_bounds("2016-02")
    (datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))
    """
    return _parse_date(value)[0]


_NOT_A_DATE = "{!r} is not a real ISO date of the form YYYY, YYYY-MM or YYYY-MM-DD"


def _parse_date(value: str) -> tuple[_Span, str]:
    """The first and last day an ISO partial date covers, and its precision."""
    if not isinstance(value, str):
        raise ValueError(_NOT_A_DATE.format(value))
    return _parse_iso_date(value)


@lru_cache(maxsize=64)
def _parse_iso_date(value: str) -> tuple[_Span, str]:
    match = _ISO_PARTIAL.fullmatch(value)
    if match is None:
        raise ValueError(_NOT_A_DATE.format(value))
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day is not None:
            return _one_day(dt.date(year, month, day)), "day"
        if month is not None:
            return _month_span(year, month), "month"
        return _year_span(year), "year"
    except ValueError:
        raise ValueError(_NOT_A_DATE.format(value)) from None


def _finest_unit(first: dt.date, last: dt.date) -> tuple[str, str] | None:
    """The finest calendar unit holding ``first`` to ``last``, as (ISO date, precision)."""
    if first == last:
        return first.isoformat(), "day"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}", "month"
    if first.year == last.year:
        return f"{first.year:04d}", "year"
    return None


def _one_day(day: dt.date) -> _Span:
    return day, day


def _month_span(year: int, month: int) -> _Span:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_span(year: int) -> _Span:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _week_span(day: dt.date) -> _Span:
    """The Monday-to-Sunday week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _months_before(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) of the calendar month ``months`` before the one holding ``day``."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    return year, month_index + 1


def _year_not_after(month: int, reference: dt.date) -> int:
    """The year of the latest ``month`` that is not after the reference month."""
    return reference.year if month <= reference.month else reference.year - 1


# --- reading the words -----------------------------------------------------------------


def _month_number(name: str) -> int:
    return [m[:3].lower() for m in _MONTH_NAMES].index(name[:3].lower()) + 1


def _month_name(match: re.Match[str]) -> str:
    return _MONTH_NAMES[_month_number(match["month"]) - 1]


def _weekday_number(match: re.Match[str]) -> int:
    return [w.lower() for w in _WEEKDAY_NAMES].index(match["weekday"].lower())


def _count(match: re.Match[str]) -> int:
    word = match["count"].lower()
    return _COUNT_WORDS[word] if word in _COUNT_WORDS else int(word)


def _day_is_valid(match: re.Match[str]) -> bool:
    """Whether a stated day exists in its month (29 February counts when no year is given)."""
    if match.groupdict().get("day") is None:
        return True
    year = int(match["year"]) if match.groupdict().get("year") else 2000  # a leap year
    return 1 <= int(match["day"]) <= calendar.monthrange(year, _month_number(match["month"]))[1]


def _follows_name(text: str, position: int) -> bool:
    """Whether ``text[:position]`` ends with a word holding a capital, then spaces or tabs.

    Only that word can start such an ending, so the search starts there: searched from the
    start of the text, every "Today" would cost the length of the text before it.
    """
    blank = position
    while blank > 0 and text[blank - 1] in " \t":
        blank -= 1
    word = blank
    while word > 0 and (text[word - 1].isalnum() or text[word - 1] == "_"):
        word -= 1
    return blank < position and _NAME_BEFORE.search(text, word, position) is not None


def _is_plausible(match: re.Match[str], text: str) -> bool:
    """Whether a pattern match in running text is really a date (see find_time_expressions)."""
    groups = match.groupdict()
    names = [groups[key] for key in ("month", "weekday") if groups.get(key)]
    if any(not name[0].isupper() for name in names):
        return False
    word = groups.get("word")
    if word and word[0].isupper() and _follows_name(text, match.start()):
        return False
    return _day_is_valid(match)


# --- the rules ---------------------------------------------------------------------------

_SpanRule = Callable[[re.Match[str], dt.date], _Span]
_Explain = Callable[[re.Match[str]], str]


@dataclass(frozen=True)
class _Rule:
    """A pattern, the days it denotes for one reference day, and how to say so.

    ``hint`` finds a word that every plausible match in running text contains: a quick
    test before the pattern is tried (see :func:`_hint`).
    """

    pattern: re.Pattern[str]
    span: _SpanRule
    explain: _Explain
    hint: re.Pattern[str]


def _rule(body: str, span: _SpanRule, explain: _Explain, hint: re.Pattern[str]) -> _Rule:
    return _Rule(re.compile(_START + body + _END, re.IGNORECASE), span, explain, hint)


def _hint(*words: str, capitalised: bool = False) -> re.Pattern[str]:
    """A pattern finding any of ``words`` (lower case) as re.IGNORECASE reads them, with a
    capital first letter if ``capitalised``, as month and weekday names need.

    Its first letter is matched as written (in both cases unless ``capitalised``), which
    lets the regex engine skip straight to it. None of the words may begin with i, k or s,
    which re.IGNORECASE also matches to other letters ("ſ", "K", "ı", "İ").
    """
    firsts = {
        word: (word[0].upper(),) if capitalised else (word[0], word[0].upper()) for word in words
    }
    return re.compile("|".join(f"{c}(?i:{word[1:]})" for word in words for c in firsts[word]))


_MONTH_HINT = _hint(*"jan feb mar apr may jun jul aug sep oct nov dec".split(), capitalised=True)
_WEEKDAY_HINT = _hint(*(name.lower() for name in _WEEKDAY_NAMES), capitalised=True)
_YEAR_HINT = re.compile("19|20")


def _explicit_date(match: re.Match[str], _reference: dt.date) -> _Span:
    return _one_day(dt.date(int(match["year"]), _month_number(match["month"]), int(match["day"])))


def _explicit_month(match: re.Match[str], _reference: dt.date) -> _Span:
    return _month_span(int(match["year"]), _month_number(match["month"]))


def _explicit_year(match: re.Match[str], _reference: dt.date) -> _Span:
    return _year_span(int(match["year"]))


def _explain_explicit(_match: re.Match[str]) -> str:
    return "a date stating its own year, independent of the reference"


def _day_of_month(match: re.Match[str], reference: dt.date) -> _Span:
    month = _month_number(match["month"])
    return _one_day(dt.date(_year_not_after(month, reference), month, int(match["day"])))


def _explain_day_of_month(match: re.Match[str]) -> str:
    name = _month_name(match)
    day = int(match["day"])
    return f"{name} {day} of the latest year whose {name} is not after the reference month"


def _month_alone(match: re.Match[str], reference: dt.date) -> _Span:
    month = _month_number(match["month"])
    return _month_span(_year_not_after(month, reference), month)


def _explain_month_alone(match: re.Match[str]) -> str:
    return f"the most recent {_month_name(match)} not after the reference month"


def _named_month(match: re.Match[str], reference: dt.date) -> _Span:
    month = _month_number(match["month"])
    which = match["which"].lower()
    if which == "last":
        year = reference.year if month < reference.month else reference.year - 1
    elif which == "next":
        year = reference.year if month > reference.month else reference.year + 1
    else:
        year = reference.year
    return _month_span(year, month)


def _explain_named_month(match: re.Match[str]) -> str:
    name = _month_name(match)
    return {
        "last": f"the most recent {name} strictly before the reference month",
        "this": f"{name} of the reference year",
        "next": f"the first {name} strictly after the reference month",
    }[match["which"].lower()]


_OFFSETS = {"last": -1, "this": 0, "next": 1}


def _calendar_unit(match: re.Match[str], reference: dt.date) -> _Span:
    offset = _OFFSETS[match["which"].lower()]
    unit = match["unit"].lower()
    if unit == "week":
        return _week_span(reference + dt.timedelta(weeks=offset))
    if unit == "month":
        return _month_span(*_months_before(reference, -offset))
    return _year_span(reference.year + offset)


def _explain_calendar_unit(match: re.Match[str]) -> str:
    unit = match["unit"].lower()
    unit = "week (Monday to Sunday)" if unit == "week" else unit
    return {
        "last": f"the calendar {unit} before the one holding the reference",
        "this": f"the calendar {unit} holding the reference",
        "next": f"the calendar {unit} after the one holding the reference",
    }[match["which"].lower()]


def _days_ago(match: re.Match[str], reference: dt.date) -> _Span:
    return _one_day(reference - dt.timedelta(days=_count(match)))


def _explain_days_ago(match: re.Match[str]) -> str:
    return f"{_count(match)} day(s) before the reference day"


def _units_ago(match: re.Match[str], reference: dt.date) -> _Span:
    count = _count(match)
    unit = match["unit"].lower()
    if unit == "week":
        return _week_span(reference - dt.timedelta(weeks=count))
    return _month_span(*_months_before(reference, count * (12 if unit == "year" else 1)))


def _explain_units_ago(match: re.Match[str]) -> str:
    count, unit = _count(match), match["unit"].lower()
    if unit == "week":
        return (
            f"approximate: the Monday-Sunday week holding the day {count} week(s) "
            "before the reference, never a single day"
        )
    return f"approximate: the calendar month {count} {unit}(s) before the reference month, no day"


def _relative_day(match: re.Match[str], reference: dt.date) -> _Span:
    word = match["word"].lower()
    if word == "overnight":
        return reference - dt.timedelta(days=1), reference
    return _one_day(reference - dt.timedelta(days=1 if word == "yesterday" else 0))


def _explain_relative_day(match: re.Match[str]) -> str:
    word = match["word"].lower()
    if word == "overnight":
        return "the night before the reference day: that day and the day before"
    if word == "yesterday":
        return "the day before the reference day"
    return "the reference day itself"


def _weekday(match: re.Match[str], reference: dt.date) -> _Span:
    target = _weekday_number(match)
    which = (match["which"] or "on").lower()
    if which == "next":
        return _one_day(reference + dt.timedelta(days=(target - reference.weekday() - 1) % 7 + 1))
    back = (reference.weekday() - target) % 7
    if back == 0 and which == "last":
        back = 7
    return _one_day(reference - dt.timedelta(days=back))


def _explain_weekday(match: re.Match[str]) -> str:
    name = _WEEKDAY_NAMES[_weekday_number(match)]
    which = (match["which"] or "on").lower()
    if which == "next":
        return f"the first {name} strictly after the reference day"
    if which == "last":
        return f"the most recent {name} strictly before the reference day"
    return f"the most recent {name} on or before the reference day"


_RULES = (
    _rule(rf"{_ON}{_MONTH_DAY},?\s+{_YEAR}", _explicit_date, _explain_explicit, _MONTH_HINT),
    _rule(rf"{_ON}{_DAY_MONTH},?\s+{_YEAR}", _explicit_date, _explain_explicit, _MONTH_HINT),
    _rule(
        rf"(?:{_IN})?{_PHASE}{_MONTH},?\s+{_YEAR}", _explicit_month, _explain_explicit, _MONTH_HINT
    ),
    _rule(rf"{_IN}{_PHASE}{_YEAR}", _explicit_year, _explain_explicit, _YEAR_HINT),
    _rule(rf"{_ON}{_MONTH_DAY}", _day_of_month, _explain_day_of_month, _MONTH_HINT),
    _rule(rf"{_ON}{_DAY_MONTH}", _day_of_month, _explain_day_of_month, _MONTH_HINT),
    _rule(rf"{_IN}{_PHASE}{_MONTH}", _month_alone, _explain_month_alone, _MONTH_HINT),
    _rule(
        rf"{_NOT_THE}(?P<which>last|this|next)\s+{_MONTH}",
        _named_month,
        _explain_named_month,
        _MONTH_HINT,
    ),
    _rule(
        rf"(?:(?:earlier|later)\s+)?{_NOT_THE}(?P<which>last|this|next)\s+(?P<unit>week|month|year)",
        _calendar_unit,
        _explain_calendar_unit,
        _hint("week", "month", "year"),
    ),
    _rule(rf"{_COUNT}\s+days?\s+ago", _days_ago, _explain_days_ago, _hint("ago")),
    _rule(
        rf"{_COUNT}\s+(?P<unit>week|month|year)s?\s+ago",
        _units_ago,
        _explain_units_ago,
        _hint("ago"),
    ),
    _rule(
        r"(?P<word>yesterday|today|overnight)",
        _relative_day,
        _explain_relative_day,
        _hint("yesterday", "today", "overnight"),
    ),
    _rule(rf"(?:(?P<which>on|last|next)\s+)?{_WEEKDAY}", _weekday, _explain_weekday, _WEEKDAY_HINT),
)


# The patterns of a full date (day, month and year), for :func:`dateline`.
_FULL_DATES = (
    *(rule.pattern for rule in _RULES if rule.span is _explicit_date),
    _NUMERIC_DATE,
    _GLUED_DATE,
)


def _match(words: str) -> tuple[_Rule, re.Match[str]] | None:
    """The first rule whose pattern matches all of ``words`` naming a real day, if any."""
    for rule in _RULES:
        match = rule.pattern.fullmatch(words)
        if match is not None and _day_is_valid(match):
            return rule, match
    return None
