"""Automatic extraction of estimate claims from raw news text.

The rules follow the codebook (book/codebook.md), applied to the article body only:

1. Every numeric expression of the body is found (:func:`claimtrail.numbers.find_numbers`).
2. Years, dates ("July 23"), clock times, durations and ages ("nine-minute",
   "9-year-old"), money, percentages and multipliers are dropped: they are not counts.
3. The counted noun is the head of the noun phrase after the number ("potential suicide
   bombers", "Su-24 fighter aircraft" -> aircraft). A head that names people makes a
   claim; any other head (aircraft, wars, videos) does not. With no noun after the
   number, the claim needs a casualty verb just before it ("injuring 23"), a "number of
   <people>" in its sentence, or an earlier claim in the same paragraph whose noun it
   leaves out ("A year ago there were a hundred").
4. The measure comes from the verbs of the sentence: killed, injured, detained, tracked,
   recruited, returned; a combatant noun with none of these counts fighters. A generic
   noun ("people") with no such verb is not a claim.
5. The as-of date is a time expression in the claim's sentence, resolved against the
   date of the statement that carries it (a time attached to a reporting verb, "said
   last October") or else against the article's publication date; with none, the
   figure is as of the publication date.
6. Speaker and relay chain come from :mod:`claimtrail.attribution`, hedges from
   :mod:`claimtrail.hedges`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from claimtrail.attribution import speaker_and_chain
from claimtrail.furniture import body_spans, segment_article
from claimtrail.hedges import hedges_near
from claimtrail.numbers import NumberExpression, find_numbers, fold_case
from claimtrail.sentences import sentence_spans
from claimtrail.timeref import TimeRef, find_time_expressions, precision_of, resolve

OUTPUT_COLUMNS = (
    "article",
    "start",
    "end",
    "quote",
    "measure",
    "population",
    "place",
    "low",
    "best",
    "high",
    "qualifier",
    "as_of",
    "as_of_precision",
    "speaker",
    "chain",
    "hedge",
)

COMBATANTS = frozenset(
    """fighters fighter militants militant jihadists jihadist terrorists terrorist insurgents
    insurgent rebels rebel troops soldiers soldier gunmen gunman warlords warlord commanders
    commander recruits recruit members member volunteers mercenaries extremists bombers
    bomber attackers attacker combatants policemen officers guards servicemen marines
    paratroopers men""".split()
)
PEOPLE = COMBATANTS | frozenset(
    """people persons person civilians civilian residents citizens nationals russians
    americans syrians iraqis afghans chechens children child women men students journalists
    journalist workers protesters demonstrators refugees migrants victims hostages prisoners
    detainees suspects passengers worshippers pilgrims villagers patients doctors returnees
    individuals staff police others bodies youths""".split()
)
# A head word that names the measure itself: "7 dead", "40 wounded", "11 bodies".
MEASURE_WORDS = {
    "dead": "killed",
    "killed": "killed",
    "bodies": "killed",
    "wounded": "injured",
    "injured": "injured",
    "hurt": "injured",
}
# Nouns that imply the measure when nothing else in the sentence gives it.
NOUN_MEASURES = {
    "detainees": "detained",
    "prisoners": "detained",
    "hostages": "detained",
    "returnees": "returned",
    "recruits": "recruited",
    "recruit": "recruited",
}
MEASURE_VERBS = (
    (
        "killed",
        r"kill\w*|dead|died|death toll|deaths|beheaded|executed|slain|murdered|"
        r"lost their lives|perished|destroyed|eliminated|massacred|shot dead",
    ),
    ("injured", r"injur\w*|wound\w*|hurt|hospitali[sz]ed"),
    ("detained", r"detain\w*|arrest\w*|captured|abducted|kidnapped|taken hostage|held"),
    ("tracked", r"keep track|kept track|tracking|tracked|monitor\w*|under surveillance|watch list"),
    ("recruited", r"recruit\w*|enlisted"),
    ("returned", r"return\w*|came back|come back"),
    (
        "fighters",
        r"fight\w*|join\w*|taking part|took part|on the side of|on \w+'s side|"
        r"in the ranks|under arms",
    ),
)
_MEASURE_PATTERNS = tuple((m, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for m, p in MEASURE_VERBS)
# The same, to search a folded text (fold_case), where they find the same words faster.
_FOLDED_MEASURE_PATTERNS = tuple((m, re.compile(rf"\b(?:{p})\b")) for m, p in MEASURE_VERBS)
# The predicate of the counted people: "were killed", "had been wounded", "died".
_PREDICATE = re.compile(
    r"\b(?:(?:were|was|are|is|been|being)\s+(?:\w+\s+)?(killed|wounded|injured|hurt|"
    r"detained|arrested|captured|abducted|kidnapped|monitored|tracked|recruited|executed|"
    r"beheaded|slain|shot dead)|(died|perished))\b",
    re.IGNORECASE,
)
_PREDICATE_MEASURE = {
    "killed": "killed",
    "executed": "killed",
    "beheaded": "killed",
    "slain": "killed",
    "shot dead": "killed",
    "died": "killed",
    "perished": "killed",
    "wounded": "injured",
    "injured": "injured",
    "hurt": "injured",
    "detained": "detained",
    "arrested": "detained",
    "captured": "detained",
    "abducted": "detained",
    "kidnapped": "detained",
    "monitored": "tracked",
    "tracked": "tracked",
    "recruited": "recruited",
}
_HYPOTHETICAL = re.compile(r"\b(?:even if|if|unless|whether)\b[^.;]{0,60}$", re.IGNORECASE)
_NOT_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:%|percent\b|per cent\b|a\.m\.|p\.m\.|o'clock\b|(?:mile|km|kilomet|metre|meter|"
    r"kg|ton|tonne|dollar|euro|rouble|ruble|pound|second|minute|hour|day|week|month|year|decade|"
    r"centur)\w*\b))",
    re.IGNORECASE,
)
_NOT_COUNT_BEFORE = re.compile(
    r"(?:[$€£]|\b(?:route|resolution|page|no\.|number|article|flight|room|chapter|section|"
    r"street|highway|paragraph|unit|brigade|division)\s*)$",
    re.IGNORECASE,
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_STREET_AFTER = re.compile(
    r"^\s+(?:[A-Z]\w+\s+){0,2}(?:street|st\.|avenue|road|lane)\b", re.IGNORECASE
)
_WORD = re.compile(r"[\w'’.-]+|[^\w\s]")
_NP_STOP = frozenset(
    """of from in on at to for with by who which that and or but as than had has have was were
    is are be been being will would could can said says say including among after before
    during since into over under while when where whose""".split()
)
_VERB_ENDINGS = ("ing", "ed")
# Person nouns that also modify a following noun ("fighter aircraft", "soldier's"): the
# noun phrase goes on past them; any other person noun ends it ("militants remain").
_MODIFIER_NOUNS = frozenset("fighter soldier militant rebel police terrorist".split())
_CASUALTY_BEFORE = re.compile(
    r"\b(?:kill\w*|injur\w*|wound\w*|beheaded|executed|detain\w*|arrest\w*|toll\s+(?:rose|"
    r"climbed|reached|stood|of)(?:\s+to)?|toll\s+(?:at|is|was))\s*$",
    re.IGNORECASE,
)
_NUMBER_OF = re.compile(r"\bnumber of\b((?:\s+[\w'’.-]+){1,8})", re.IGNORECASE)
_REPORTING = re.compile(
    r"\b(?:said|says|stated|told|announced|estimated|reported|added|declared|confirmed|wrote)\b",
    re.IGNORECASE,
)
_NOW_BEFORE = re.compile(r"\bnow\b[^.;]{0,25}$", re.IGNORECASE)
_STRONG = re.compile(r"-strong\b")
_STRONG_PHRASE = re.compile(r"-strong(?:\s+[a-z]+)?")
_CLOCK_AFTER = re.compile(r"^\s*:\d")
_WORD_CHAR = re.compile(r"\w")
_OF = re.compile(r"\s+of\b")
_PLACE = re.compile(r"\s+(?:in|inside)\s+((?:the\s+)?(?:[A-Z][\w'’-]+\s*){1,4})")


@dataclass(frozen=True)
class Article:
    """One text to extract from: id, raw text, publication date (ISO, partial) if known,
    and the outlet and republication source when known (for the relay chain)."""

    id: str
    text: str
    published: str | None = None
    outlet: str | None = None
    republished_from: str | None = None


def _is_not_count(text: str, expr: NumberExpression) -> bool:
    """True for numbers that are dates, times, measurements, money or labels."""
    if expr.qualifier == "multiplier" or expr.looks_like_year:
        return True
    if expr.hyphen_compound and not _STRONG.match(text[expr.value_end : expr.value_end + 8]):
        return True
    after, before = text[expr.end : expr.end + 24], text[max(0, expr.start - 24) : expr.start]
    return bool(
        _NOT_COUNT_AFTER.match(after)
        or _NOT_COUNT_BEFORE.search(before)
        or _DATE_BEFORE.search(before)
        or _DATE_AFTER.match(after)
        or _STREET_AFTER.match(after)
        or _CLOCK_AFTER.match(after)
    )


def _noun_phrase(text: str, end: int, limit: int) -> tuple[str | None, int, str]:
    """The head noun after a number, the phrase's end offset and the phrase's words.

    The phrase runs until a stop word, a verb form ("fighting", "joined"), punctuation
    other than quotes and hyphens, a person noun (unless it can modify a noun:
    "fighter"), or five words; its head is its last word, so "Su-24 fighter aircraft" is
    headed by "aircraft" and "25,000 militants remain" by "militants".
    """
    words: list[tuple[str, int]] = []
    for match in _WORD.finditer(text, end, limit):
        token = match.group()
        word = token.strip("'’\"“”")
        if not word:
            continue
        full_stop = word.endswith(".") and len(word) > 4  # "bombers." ends a sentence; "U.S." not
        lower = word.lower()[:-1] if full_stop else word.lower()
        if not _WORD_CHAR.match(word) or lower in _NP_STOP:
            break
        if words and lower.endswith(_VERB_ENDINGS) and lower not in PEOPLE:
            break
        words.append((lower, match.end() - (1 if full_stop else 0)))
        if len(words) == 5 or (lower in PEOPLE and lower not in _MODIFIER_NOUNS):
            break
    if not words:
        return None, end, ""
    head, head_end = words[-1]
    return ("fighters" if head == "strong" else head), head_end, text[end:head_end].strip()


@lru_cache(maxsize=16)
def _measure_cues(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, measure) of the cue words of a sentence, measure by measure (cached:
    claims share sentences)."""
    folded = fold_case(sentence)
    return tuple(
        (*match.span(), measure)
        for measure, pattern in _FOLDED_MEASURE_PATTERNS
        for match in pattern.finditer(folded)
    )


def _nearest_cue(text: str, sentence: tuple[int, int], start: int, end: int) -> str | None:
    """The measure of the cue word nearest to the span start:end in the sentence."""
    s0, s1 = sentence
    best: tuple[int, str] | None = None
    for c0, c1, measure in _measure_cues(text[s0:s1]):
        m0, m1 = s0 + c0, s0 + c1
        distance = m0 - end if m0 >= end else start - m1 if m1 <= start else 0
        if distance >= 0 and (best is None or distance < best[0]):
            best = (distance, measure)
    return best[1] if best else None


def _measure(
    text: str,
    sentence: tuple[int, int],
    start: int,
    phrase_end: int,
    head: str,
    casualty: re.Match[str] | None,
) -> str | None:
    """What a figure counts, by the first rule that applies (module docstring, rule 4):
    a casualty verb just before it ("killing 80"); a head that names the measure ("7
    dead"); the predicate of the counted people ("were killed", "died"); the nearest cue
    word in the sentence; a noun that implies it ("detainees"); a combatant noun."""
    if casualty:
        words = casualty.group().lower()
        return "killed" if "toll" in words else _measure_of_words(words)
    if head in MEASURE_WORDS:
        return MEASURE_WORDS[head]
    clause_end = min(
        [i for i in (text.find(";", phrase_end, sentence[1]),) if i >= 0] + [sentence[1]]
    )
    predicate = _PREDICATE.search(text, phrase_end, clause_end)
    if predicate:
        return _PREDICATE_MEASURE[(predicate.group(1) or predicate.group(2)).lower()]
    cue = _nearest_cue(text, sentence, start, phrase_end)
    if cue:
        return cue
    if head in NOUN_MEASURES:
        return NOUN_MEASURES[head]
    return "fighters" if head in COMBATANTS else None


def _measure_of_words(words: str) -> str | None:
    """The first measure whose cue words occur in ``words`` ("killing" -> killed)."""
    for measure, pattern in _MEASURE_PATTERNS:
        if pattern.search(words):
            return measure
    return None


def _place(text: str, start: int, limit: int) -> str:
    """The place named just after the counted phrase ("in Syria"), or ""."""
    match = _PLACE.match(text, start, limit)
    return match.group(1).strip() if match else ""


@lru_cache(maxsize=32)
def _time_expressions(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """:func:`find_time_expressions`, cached: a sentence is read for its statement times
    and for the as-of date of each of its claims."""
    return tuple(find_time_expressions(sentence))


def _statement_times(
    text: str, sentence: tuple[int, int], position: int | None, reference: str
) -> list[tuple[int, TimeRef]]:
    """Times attached to a reporting verb in a sentence: "said last October", or, when a
    claim ``position`` is given, "Last month, the envoy confirmed that" before it."""
    s0, s1 = sentence
    found = []
    for start, end, words in _time_expressions(text[s0:s1]):
        before = text[max(s0, s0 + start - 25) : s0 + start]
        between = text[s0 + end : position] if position and s0 + end <= position else ""
        if _REPORTING.search(before) or _REPORTING.search(between):
            resolved = resolve(words, reference)
            if resolved is not None:
                found.append((s0 + start, resolved))
    return found


def _as_of(
    text: str, sentences: list[tuple[int, int]], index: int, start: int, published: str | None
) -> TimeRef | None:
    """The as-of date of a number at ``start`` in ``sentences[index]`` (module rule 5).

    In order: a statement time in the sentence (or else the sentence before) becomes the
    reference; "now" just before the number makes the figure as of that reference; else
    the nearest other time expression after the number, then before it, resolved against
    the reference; else the statement time; else the publication date.
    """
    if published is None:
        return None
    own = TimeRef(published, precision_of(published), "", "the article's own date")
    s0, s1 = sentences[index]
    statements = _statement_times(text, sentences[index], start, published)
    if not statements and index > 0:
        statements = _statement_times(text, sentences[index - 1], None, published)
    statement = statements[0][1] if statements else None
    base = statement.date if statement else published
    if _NOW_BEFORE.search(text[max(s0, start - 30) : start]):
        return statement or own
    attached = {position for position, _ in statements}
    others = [
        (s0 + t0, words)
        for t0, _, words in _time_expressions(text[s0:s1])
        if s0 + t0 not in attached
    ]
    after = [o for o in others if o[0] > start]
    before = [o for o in others if o[0] < start][::-1]
    for _, words in after + before:
        event = resolve(words, base)
        if event is not None:
            return event
    return statement or own


def _counted(
    text: str, expr: NumberExpression, sentence: tuple[int, int], previous: str | None
) -> tuple[str, int, str, re.Match[str] | None] | None:
    """(head noun, phrase end, phrase, casualty verb before) for a number that counts
    people, or None (module docstring, rule 3)."""
    s0, s1 = sentence
    start, end = expr.start, expr.end
    after = end
    if text.startswith("-strong", expr.value_end):
        phrase = _STRONG_PHRASE.match(text[expr.value_end : s1]).group()
        return "fighters", expr.value_end + len(phrase), phrase.lstrip("-"), None
    if expr.qualifier == "vague":
        skip = _OF.match(text[end:s1])
        after = end + skip.end() if skip else end
    head, phrase_end, phrase = _noun_phrase(text, after, s1)
    casualty = _CASUALTY_BEFORE.search(text[max(s0, start - 30) : start])
    if head is not None:
        people = head in PEOPLE or head in MEASURE_WORDS
        return (head, phrase_end, phrase, casualty) if people else None
    counted = _NUMBER_OF.search(text[s0:s1])
    counted_head, _, counted_phrase = (
        _noun_phrase(counted.group(1), 0, len(counted.group(1))) if counted else (None, 0, "")
    )
    if casualty:
        return "people", end, "", casualty
    if counted_head in PEOPLE:
        return counted_head, end, counted_phrase, None
    if previous is not None:
        return previous, end, "", None
    if _PREDICATE.match(text, end + len(text[end:s1]) - len(text[end:s1].lstrip())):
        return "people", end, "", None
    return None


def _claims_in_sentence(
    article: Article, sentences: list[tuple[int, int]], index: int, previous: str | None
) -> Iterator[tuple[dict, str]]:
    text = article.text
    s0, s1 = sentences[index]
    for expr in find_numbers(text, s0, s1):
        if _is_not_count(text, expr):
            continue
        counted = _counted(text, expr, (s0, s1), previous)
        if counted is None:
            continue
        head, phrase_end, phrase, casualty = counted
        previous = head
        if _HYPOTHETICAL.search(text[s0 : expr.start]):
            continue
        measure = _measure(text, (s0, s1), expr.start, phrase_end, head, casualty)
        if measure is None:
            continue
        quote_start = max(s0, expr.start - 30) + casualty.start() if casualty else expr.start
        quote_end = max(expr.end, phrase_end)
        as_of = _as_of(text, sentences, index, expr.start, article.published)
        speaker, chain = speaker_and_chain(
            text,
            expr.start,
            expr.end,
            outlet=article.outlet,
            republished_from=article.republished_from,
        )
        yield (
            {
                "article": article.id,
                "start": quote_start,
                "end": quote_end,
                "quote": text[quote_start:quote_end],
                "measure": measure,
                "population": phrase or head,
                "place": _place(text, phrase_end, s1),
                "low": expr.low,
                "best": expr.best,
                "high": expr.high,
                "qualifier": expr.qualifier,
                "as_of": as_of.date if as_of else None,
                "as_of_precision": as_of.precision if as_of else None,
                "speaker": speaker,
                "chain": " > ".join(chain),
                "hedge": "; ".join(h.words for h in hedges_near(text, expr.start, expr.end)),
            },
            head,
        )


def _body_sentences(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(sentence, body line) for every sentence that starts in a line of the body."""
    lines = body_spans(text) or [
        (segment.start, segment.end)
        for segment in segment_article(text)
        if segment.kind != "furniture"
    ]  # a text too short to have a prose body (a one-line report) is all body
    starts = [start for start, _ in lines]
    found = []
    for sentence in sentence_spans(text):
        i = bisect_right(starts, sentence[0]) - 1
        if i >= 0 and sentence[0] < lines[i][1]:
            found.append((sentence, lines[i]))
    return found


def corpus_articles(corpus: Iterable[Mapping], id_column: str = "article_id") -> list[Article]:
    """Articles from rows of a loaded corpus (:func:`claimtrail.corpus.load_corpus`
    records): id, text, published, outlet and republished_from, missing values as None."""

    def value(row: Mapping, key: str) -> str | None:
        item = row.get(key)
        return item if isinstance(item, str) and item else None

    return [
        Article(
            row[id_column],
            row["text"],
            value(row, "published"),
            value(row, "outlet"),
            value(row, "republished_from"),
        )
        for row in corpus
    ]


def extract_claims(article: Article) -> list[dict]:
    """Every estimate claim in the article body, as rows with ``OUTPUT_COLUMNS``."""
    located = _body_sentences(article.text)
    sentences = [sentence for sentence, _ in located]
    rows: list[dict] = []
    previous: str | None = None
    previous_line = None
    for index, (_, line) in enumerate(located):
        if line != previous_line:
            previous, previous_line = None, line
        for row, head in _claims_in_sentence(article, sentences, index, previous):
            rows.append(row)
            previous = head
    return rows


Result = tuple[str, list[dict], str | None]


def extract_safely(article: Article) -> Result:
    """Worker function (picklable): (article id, claims, error message or None).

    An exception inside one document is returned as its error, so one bad document
    never stops a run over many.
    """
    try:
        return article.id, extract_claims(article), None
    except Exception as exc:  # noqa: BLE001 - reported per document, run continues
        return article.id, [], f"{type(exc).__name__}: {exc}"


def _extract_batch(batch: list[Article]) -> list[Result]:
    """:func:`extract_safely` over a batch (one task for a worker process)."""
    return [extract_safely(article) for article in batch]


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of ``size`` items (the last one shorter), read lazily."""
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_local(
    articles: Iterable[Article], workers: int = 1, batch_size: int = 16
) -> Iterator[Result]:
    """Extract from a stream of articles, in input order, with ``workers`` processes.

    With one worker everything runs here. With more, batches of ``batch_size`` articles
    go to a process pool, and at most two batches per worker are in flight: the next
    batch is read only when the oldest one's results are taken, so neither the input
    read ahead nor the results waiting grow with the number of documents.
    """
    if workers <= 1:
        yield from map(extract_safely, articles)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    in_flight: deque[Future[list[Result]]] = deque()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        for batch in _batches(articles, batch_size):
            in_flight.append(pool.submit(_extract_batch, batch))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()


def run_dask(
    articles: Iterator[Article],
    scheduler: str | None = None,
    workers: int = 2,
    batch_size: int = 2000,
) -> Iterator[Result]:
    """Extract through Dask: each batch of articles becomes a dask.bag mapped over partitions.

    ``scheduler`` is the address of a running Dask scheduler ("tcp://host:8786") for a
    real cluster; without one a local cluster of ``workers`` processes is started.
    Results come back in input order; batches keep memory flat on long inputs.
    """
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(scheduler or cluster)
    try:
        for batch in _batches(articles, batch_size):
            bag = db.from_sequence(batch, npartitions=min(max(workers, 1) * 4, len(batch)))
            yield from bag.map(extract_safely).compute(scheduler=client.get)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
