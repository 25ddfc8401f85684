"""The claims table ``data/claims.csv``: its schema, its checks against the raw texts, loading.

One row per estimate claim, hand-coded following ``book/codebook.md``. A bad row fails
with :class:`ClaimsError` naming the file, the row (counted from 1, header excluded) and
the field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from claimtrail.io.errors import DataError, number_problems, read_table, validate_frame, where
from claimtrail.io.populations import KINDS, Nesting, load_nesting
from claimtrail.text.furniture import body_spans
from claimtrail.text.numbers import QUALIFIERS
from claimtrail.text.timeref import PRECISIONS, date_bounds, precision_of

CLAIM_COLUMNS = (
    "claim_id",
    "article_id",
    "start",
    "end",
    "quote",
    "measure",
    "basis",
    "event",
    "population",
    "place",
    "low",
    "best",
    "high",
    "qualifier",
    "as_of",
    "as_of_precision",
    "as_of_evidence",
    "text_as_of",
    "text_as_of_precision",
    "speaker",
    "source",
    "speaker_role",
    "chain",
    "hedge",
    "notes",
    "multiplier",
    "multiplier_quote",
    "related_claims",
    "origin",
    "statement",
)
MEASURES = ("fighters", "killed", "injured", "tracked", "detained", "recruited", "returned")
# What kind of count a figure is, by measure: figures of different kinds are never compared.
# fighting: with the group at the as-of date; cumulative: everyone who has gone or been
# counted since a start (departures, "fight or fought", a toll over a period); suspected:
# people a security service has identified as suspected members; watched: people under
# watch; event: the toll of one event.
BASES: dict[str, tuple[str, ...]] = {
    "fighters": ("fighting", "cumulative", "suspected"),
    "killed": ("event", "cumulative"),
    "injured": ("event", "cumulative"),
    "tracked": ("watched",),
    "detained": ("event", "cumulative"),
    "recruited": ("cumulative",),
    "returned": ("cumulative",),
}
SPEAKER_ROLES = ("official", "militant group", "NGO", "media", "unattributed")
CHAIN_SEPARATOR = " > "
BOUNDS = ("low", "best", "high")
EARLIEST_AS_OF = "1950"  # an earlier as-of date is taken for a typo
# Which bounds each qualifier requires (True) or forbids (False); others are free.
QUALIFIER_BOUNDS: dict[str, dict[str, bool]] = {
    "none": {"best": True, "low": False, "high": False},
    "about": {"best": True, "low": False, "high": False},
    "more_than": {"low": True, "high": False, "best": False},
    "at_least": {"low": True, "high": False, "best": False},
    "up_to": {"high": True, "low": False, "best": False},
    "fewer_than": {"high": True, "low": False, "best": False},
    "nearly": {"best": True, "high": True, "low": False},
    "range": {"low": True, "high": True},
    "vague": {"low": True, "best": False},
    "multiplier": {"low": False, "best": False, "high": False},
}


class ClaimsError(DataError):
    """data/claims.csv failed validation."""


def _text(nullable: bool = True, **kwargs) -> pa.Column:
    return pa.Column(pd.StringDtype(), nullable=nullable, **kwargs)


def _count(nullable: bool = True) -> pa.Column:
    return pa.Column(float, pa.Check.ge(0), nullable=nullable, coerce=True)


ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # a year, a month or a day
SOURCE_CODE = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"

# The columns that state a figure, in the claims and in the reference table alike: what
# it counts, of whom and where, its bounds and qualifier, and the date it is current at.
FIGURE_COLUMNS = {
    "measure": _text(False, checks=pa.Check.isin(MEASURES)),
    "basis": _text(False, checks=pa.Check.isin(sorted({b for v in BASES.values() for b in v}))),
    "event": _text(),
    "population": _text(False),
    "place": _text(False),
    "low": _count(),
    "best": _count(),
    "high": _count(),
    "qualifier": _text(False, checks=pa.Check.isin(QUALIFIERS)),
    "as_of": _text(False, checks=pa.Check.str_matches(ISO_DATE)),
    "as_of_precision": _text(False, checks=pa.Check.isin(PRECISIONS)),
}

CLAIMS_SCHEMA = pa.DataFrameSchema(
    {
        "claim_id": _text(False, checks=pa.Check.str_matches(r"^C\d{2,}$"), unique=True),
        "article_id": _text(False, checks=pa.Check.str_matches(r"^\d{3}$")),
        "start": pa.Column(int, pa.Check.ge(0), coerce=True),
        "end": pa.Column(int, pa.Check.gt(0), coerce=True),
        "quote": _text(False, checks=pa.Check.str_length(min_value=1)),
        **FIGURE_COLUMNS,
        "as_of_evidence": _text(False),
        "text_as_of": _text(False, checks=pa.Check.str_matches(ISO_DATE)),
        "text_as_of_precision": _text(False, checks=pa.Check.isin(PRECISIONS)),
        "speaker": _text(),
        "source": _text(checks=pa.Check.str_matches(SOURCE_CODE)),
        "speaker_role": _text(False, checks=pa.Check.isin(SPEAKER_ROLES)),
        "chain": _text(False),
        "hedge": _text(),
        "notes": _text(),
        "multiplier": pa.Column(float, pa.Check.gt(0), nullable=True, coerce=True),
        "multiplier_quote": _text(),
        "related_claims": _text(checks=pa.Check.str_matches(r"^C\d{2,}( C\d{2,})*$")),
        "origin": _text(),
        "statement": _text(checks=pa.Check.str_matches(r"^R\d{2,}$")),
    },
    strict=True,
    ordered=True,
)


def claims_path(root: Path | str) -> Path:
    """``data/claims.csv`` under the repository root."""
    return Path(root) / "data" / "claims.csv"


def read_claims(path: Path | str) -> pd.DataFrame:
    """Read a claims CSV and check its schema (types, allowed values, unique ids); every
    number cell must be written in plain digits, each bad one named once."""
    frame = read_table(path, CLAIM_COLUMNS, "the claims table", ClaimsError)
    problems = number_problems(frame, path, ("start", "end"), whole=True)
    problems += number_problems(frame, path, (*BOUNDS, "multiplier"))
    if problems:  # the other columns are still checked, the numbers not converted
        numeric = ["start", "end", *BOUNDS, "multiplier"]
        try:
            validate_frame(CLAIMS_SCHEMA.remove_columns(numeric), frame.drop(columns=numeric), path)
        except DataError as exc:
            problems += str(exc).splitlines()
        raise ClaimsError("\n".join(problems))
    return validate_frame(CLAIMS_SCHEMA, frame, path, ClaimsError)


def bounds_problems(row: pd.Series) -> list[tuple[str, str]]:
    """(field, problem) where low/best/high break the qualifier's rule or low <= best <= high."""
    problems = []
    present = {b: not pd.isna(row[b]) for b in BOUNDS}
    for bound, required in QUALIFIER_BOUNDS[row["qualifier"]].items():
        if present[bound] != required:
            need = "needs" if required else "must leave empty"
            problems.append((bound, f"qualifier {row['qualifier']!r} {need} {bound}"))
    values = [row[b] for b in BOUNDS if present[b]]
    if values != sorted(values):
        problems.append(("best", "bounds must satisfy low <= best <= high"))
    return problems


def as_of_problems(
    as_of: str, published: object, today: dt.date, earliest: str = EARLIEST_AS_OF
) -> list[tuple[str, str]]:
    """(field, problem) for an as-of date after its source's publication (``published``, an
    ISO partial date, or missing), after ``today``, or before ``earliest`` (a typo: the
    figures are of this century's conflicts).

    >>> as_of_problems("2016-08", "2016-08-02", dt.date(2020, 1, 1))  # the same month: fine
    []
    >>> as_of_problems("1900", None, dt.date(2020, 1, 1))
    [('as_of', '1900 is before 1950: a typo?')]
    """
    try:
        first, _ = date_bounds(as_of)
    except ValueError:
        return []  # reported by the precision check
    problems = []
    if isinstance(published, str) and first > date_bounds(published)[1]:
        problems.append(("as_of", f"{as_of} is after the publication of its source ({published})"))
    if first > today:
        problems.append(("as_of", f"{as_of} is in the future (today is {today})"))
    if as_of < earliest:
        problems.append(("as_of", f"{as_of} is before {earliest}: a typo?"))
    return problems


def coding_problems(row: pd.Series, nesting: Nesting) -> list[tuple[str, str]]:
    """(field, problem) where a figure's kind of count, event or codes break the codebook:
    the basis must be one its measure allows, an event toll (and only one) names its event,
    and population, place and event are codes of ``data/populations.csv``."""
    problems = []
    allowed = BASES[row["measure"]]
    if row["basis"] not in allowed:
        problems.append(
            (
                "basis",
                f"a {row['measure']} figure is one of {', '.join(allowed)}, not {row['basis']!r}",
            )
        )
    has_event = not pd.isna(row["event"])
    if has_event != (row["basis"] == "event"):
        problem = (
            "only an event toll names an event" if has_event else "an event toll names its event"
        )
        problems.append(("event", problem))
    for kind in KINDS:
        if (kind != "event" or has_event) and (kind, row[kind]) not in nesting.entries:
            article = "an" if kind[0] in "aeiou" else "a"
            problems.append(
                (kind, f"{row[kind]!r} is not {article} {kind} code of data/populations.csv")
            )
    return problems


def _row_problems(
    row: pd.Series, text: str | None, outlet: str | None, nesting: Nesting
) -> list[tuple[str, str]]:
    """(field, problem) for every rule one validated row breaks."""
    problems: list[tuple[str, str]] = []
    if text is None:
        return [("article_id", f"article {row['article_id']} is not in the corpus")]
    start, end = int(row["start"]), int(row["end"])
    if not start < end <= len(text):
        problems.append(("end", f"offsets {start}:{end} do not lie in a text of {len(text)} chars"))
    elif text[start:end] != row["quote"]:
        problems.append(("quote", f"is not the raw text at {start}:{end} ({text[start:end]!r})"))
    elif not any(s <= start and end <= e for s, e in body_spans(text)):
        problems.append(("start", f"{start}:{end} is not inside the article body"))
    problems += bounds_problems(row) + coding_problems(row, nesting)
    for date, precision in (("as_of", "as_of_precision"), ("text_as_of", "text_as_of_precision")):
        try:
            if precision_of(row[date]) != row[precision]:
                problems.append((precision, f"does not agree with {date} {row[date]!r}"))
        except ValueError as exc:
            problems.append((date, str(exc)))
    if not pd.isna(outlet) and not row["chain"].endswith(str(outlet)):
        problems.append(("chain", f"must end with the article's outlet {outlet!r}"))
    if not pd.isna(row["multiplier"]) and (
        pd.isna(row["multiplier_quote"]) or row["multiplier_quote"] not in text
    ):
        problems.append(
            ("multiplier_quote", "a multiplier needs its words, verbatim from the text")
        )
    return problems


def check_claims(
    claims: pd.DataFrame,
    corpus: pd.DataFrame,
    path: Path | str,
    nesting: Nesting,
    today: dt.date | None = None,
) -> None:
    """Check schema-valid claims against the corpus; raise ClaimsError listing every problem.

    Rules: the article exists; ``quote == text[start:end]`` and lies in the article body;
    the bounds the qualifier requires are present and ordered low <= best <= high; the
    basis, event and population and place codes follow :func:`coding_problems`; the
    as-of precision agrees with the date's form; the as-of date is not after the article's
    publication nor ``today`` (default: the current date), nor before 1950; the chain ends
    with the article's outlet; a multiplier quotes its words; related claims exist.
    """
    today = today or dt.date.today()
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    outlets = dict(zip(corpus["article_id"], corpus["outlet"], strict=True))
    published = dict(zip(corpus["article_id"], corpus["published"], strict=True))
    ids = set(claims["claim_id"])
    lines = []
    for position, (_, row) in enumerate(claims.iterrows(), start=1):
        problems = _row_problems(
            row, texts.get(row["article_id"]), outlets.get(row["article_id"]), nesting
        )
        problems += as_of_problems(row["as_of"], published.get(row["article_id"]), today)
        if not pd.isna(row["related_claims"]):
            unknown = [c for c in row["related_claims"].split() if c not in ids]
            if unknown:
                problems.append(("related_claims", f"unknown claim(s) {', '.join(unknown)}"))
        lines += [
            f"{where(path, position, field)} ({row['claim_id']}): {p}" for field, p in problems
        ]
    if lines:
        raise ClaimsError("\n".join(lines))


def load_claims(root: Path | str, corpus: pd.DataFrame) -> pd.DataFrame:
    """Read ``data/claims.csv`` under ``root``, validate it against ``corpus`` and return it."""
    path = claims_path(root)
    claims = read_claims(path)
    check_claims(claims, corpus, path, load_nesting(root))
    return claims


def extraction_gold(claims: pd.DataFrame) -> list[dict]:
    """The claims as the standard for a text-only extractor: ``article`` for the article
    id, and the as-of date the text itself supports (``text_as_of``), not the date of the
    statement found outside it."""
    return [
        {
            **row,
            "article": row["article_id"],
            "as_of": row["text_as_of"],
            "as_of_precision": row["text_as_of_precision"],
        }
        for row in claims.to_dict("records")
    ]


def chain_links(chain: str) -> list[str]:
    """The relay chain as a list, original speaker first: "A > B > C" -> ["A", "B", "C"]."""
    return [link.strip() for link in chain.split(CHAIN_SEPARATOR.strip())]
