"""Names in news text: who a noun phrase names, and what kind of speaker it is.

The lexicons (titles, organisation words, person nouns, the known agencies and outlets
that relay figures, the role words of militant groups, NGOs, media and officials), the
reading of one noun phrase into a name and a description (:func:`parse_np`), the role a
lexicon gives a speaker (:func:`speaker_role`) and the key two spellings of one name
share (:func:`name_key`). :mod:`claimtrail.text.attribution` reads who said what with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimtrail.text.numbers import fold_case
from claimtrail.text.shapes import WHITE_SPACE

SPEAKER_ROLES = ("official", "militant group", "NGO", "media", "unattributed")


DEFAULT_ROLE = "official"


# canonical name -> (kind, pattern); patterns are case-sensitive.
KNOWN_RELAYS: dict[str, tuple[str, str]] = {
    "Reuters": ("agency", r"Reuters"),
    "TASS": ("agency", r"(?:ITAR-)?TASS|Tass"),
    "RIA Novosti": ("agency", r"RIA(?: Novosti)?"),
    "AP": ("agency", r"AP|Associated Press"),
    "AFP": ("agency", r"AFP|Agence France-Presse"),
    "Interfax": ("agency", r"Interfax"),
    "Sputnik": ("agency", r"Sputnik"),
    "Al Arabiya": ("outlet", r"Al[- ]Arabiya"),
    "Al Jazeera": ("outlet", r"Al[- ]Jazeera"),
    "BBC": ("outlet", r"BBC"),
    "Telegram": ("social media", r"Telegram"),
    "Instagram": ("social media", r"Instagram"),
    "YouTube": ("social media", r"YouTube"),
    "Twitter": ("social media", r"Twitter"),
    "Facebook": ("social media", r"Facebook"),
}


_RELAY_NAMES = list(KNOWN_RELAYS)


KNOWN_RELAY = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<r{i}>{KNOWN_RELAYS[name][1]})" for i, name in enumerate(_RELAY_NAMES))
    + r")(?![\w-])"
)


MILITANT_NAMES = (
    r"islamic state|isis|isil|daesh|al[- ]qaeda|taliban|nusra|boko haram|shabaab|hezbollah"
)


_MILITANT = MILITANT_NAMES + r"|militants?|jihadists?|insurgents?|rebels?|fighters?|caliphate"


_NGO = (
    r"observatory|research group|crisis group|human rights|amnesty|red cross|red crescent"
    r"|doctors without borders|ngo|charity|monitoring group|monitor|watchdog|think tank"
)


_MEDIA = (
    "|".join(re.escape(name.lower()) for name in KNOWN_RELAYS)
    + r"|news agency|newspaper|television|broadcaster|channel|correspondent|journalists?"
    r"|reporters?|media"
)


_OFFICIAL = (
    r"president|minister|ministry|director|general|gen\.|colonel|chief|head|deputy"
    r"|officials?|officers?|envoy|diplomat|spokes(?:man|woman|person)|governor|mayor"
    r"|ambassador|police|army|military|government|authorities|agenc(?:y|ies)"
    r"|security service|fsb|intelligence|kremlin|department|prosecutors?|court|commission"
    r"|embassy|law enforcement"
)


ROLE_LEXICON: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE))
    for role, words in (
        ("militant group", _MILITANT),
        ("NGO", _NGO),
        ("media", _MEDIA),
        ("official", _OFFICIAL),
    )
)


_MILITANT_WORD = dict(ROLE_LEXICON)["militant group"]


TITLES = frozenset(
    "President Premier Minister Director General Gen. Lieutenant Lt. Colonel Col. Major Maj."
    " Captain Capt. Sergeant Sgt. Admiral Adm. Marshal Commander Chief Head Deputy Spokesman"
    " Spokeswoman Spokesperson Governor Gov. Mayor Ambassador Envoy Senator Sen. Rep."
    " Secretary Chairman Chairwoman Leader Prosecutor Judge Officer Chancellor Mr. Mrs. Ms."
    " Dr. Prof. Sheikh Emir King Prince".split()
)


ORG_WORDS = frozenset(
    "Service Services Ministry Department Agency Office Committee Council Court Army Forces"
    " Police Government Observatory Group Organisation Organization Association Union Front"
    " State Emirate Brigade Brigades Network News Times Post Press Television Radio Research"
    " Institute Center Centre University Bureau Commission Administration Directorate Guard"
    " Corps Command Republic Federation Kremlin Rights Unit Watch International Cross"
    " Crescent Nations Security Caucasus".split()
)


PERSON_NOUNS = frozenset(
    "official director general president minister diplomat expert envoy spokesman spokeswoman"
    " spokesperson commander governor chief leader officer colonel analyst ambassador mayor"
    " head deputy source observer secretary chairman prosecutor fighter emir sheikh".split()
)


# "the <noun>" pointing back to an organisation: noun -> the role that also fits.
BODY_NOUNS: dict[str, str] = {
    "group": "militant group",
    "militants": "militant group",
    "organisation": "NGO",
    "organization": "NGO",
    "observatory": "NGO",
    "monitor": "NGO",
    "agency": "media",
    "ministry": "official",
    "government": "official",
    "army": "official",
    "service": "official",
}


_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})


_BODY_PRONOUNS = frozenset({"it", "they", "them"})


_CONNECTORS = frozenset({"of", "for", "the", "and", "on", "de", "al"})


def alternation(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, grouped by first letter (longest first in each
    group): the regex engine then tries at most one group where a word may start."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "(?:" + "|".join(f"{re.escape(c)}(?:{'|'.join(g)})" for c, g in groups.items()) + ")"


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text)``, given in order every offset where a match
    may start: a pattern whose own scan is slow is tried at those offsets only."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            yield match
            end = match.end()


NAME = r"(?:[a-z]{1,3}-)?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*"


_NAME_TOKEN = re.compile(rf"^{NAME}$")


_LEADING_STRIPPED = WHITE_SPACE + "\"'“”‘’,:;[(-"


_TRAILING_STRIPPED = WHITE_SPACE + "\"'“”‘’,:;]-"


# Words cut from the end of a speaker phrase (any case): auxiliaries and adverbs, and pairs
# of words (the second matching the pattern): "in turn", "on Monday", "last week".
_TRAILING_WORDS = frozenset(
    "has have had also further later earlier previously then once again recently reportedly".split()
)


_TRAILING_PAIRS = {
    "in": re.compile("turn"),
    "on": re.compile(r"\w+day"),
    "last": re.compile(r"\w+"),
}


DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


POSSESSIVE_LEAD = re.compile(r"^[A-Z][\w-]*'s\s+(?=[A-Z])")


_OWNER = re.compile(r"^(?:\S+\s+)*?(?P<surname>[A-Z][\w-]*)'s\s+(?P<rest>[a-z].*)$")


_CLAUSE_WORDS = frozenset(
    "is are was were be been being to will would can could should may might must do does"
    " did not".split()
)


_MAX_NP_WORDS = 12


_PERSON_ANAPHOR = re.compile(
    rf"^the\s+(?:[\w-]+\s+){{0,3}}(?P<noun>{'|'.join(sorted(PERSON_NOUNS))})$", re.IGNORECASE
)


_BODY_ANAPHOR = re.compile(rf"^the\s+(?P<noun>{'|'.join(sorted(BODY_NOUNS))})$", re.IGNORECASE)


_SOURCE_WORDS = re.compile(
    r"\b(?:witnesses|residents|sources|activists|medics|doctors|survivors|locals|relatives"
    r"|people|figures|estimates|data|statistics)\b",
    re.IGNORECASE,
)


# Both start with a character class, which lets the regex engine skip ahead to candidates;
# the look-behind that follows it checks what precedes that character.
_PROPER = re.compile(r"[A-Z](?<=[a-z0-9,;] [A-Z])[\w'’-]*")  # a capital after "word "


_LOWER_WORD = re.compile(r"[a-z](?<!\w[a-z])[a-z-]*\b")  # a word in lower case


_LOWER_TITLES = frozenset(t.lower().rstrip(".") for t in TITLES) | PERSON_NOUNS


@dataclass(frozen=True)
class NounPhrase:
    """A parsed speaker phrase.

    kind: "person" (a name), "body" (an organisation's name), "description" ("hospital
    officials"), "pronoun" ("he") or "anaphor" ("the diplomat", "the group"). ``name`` is
    the normalised name or description, the pronoun, or the anaphor's head noun;
    ``words`` the cleaned phrase as written, for the role lexicon.
    """

    kind: str
    name: str
    person: bool
    words: str


def relay_name(match: re.Match[str]) -> str:
    """Canonical name of a :data:`KNOWN_RELAYS` match."""
    return _RELAY_NAMES[int(match.lastgroup[1:])]


def _strip_junk(words: str) -> str:
    """``words`` without leading white space, quotes, brackets, dashes and ``,:;``, nor
    trailing ones (str.strip: a regex ending in ``$`` re-reads a long run of them from each
    of its characters)."""
    return words.lstrip(_LEADING_STRIPPED).rstrip(_TRAILING_STRIPPED)


def _tokens_from_end(words: str) -> Iterator[tuple[int, str]]:
    """(start, folded token) of the white-space separated tokens of ``words``, last first."""
    end = len(words)
    while head := words[:end].rstrip():
        token = head.rsplit(None, 1)[-1]
        end = len(head) - len(token)
        yield end, fold_case(token)


def _cut_trailing_words(words: str) -> str:
    """``words`` (with no trailing white space) without the longest tail made of
    :data:`_TRAILING_WORDS` and :data:`_TRAILING_PAIRS` ("Smirnov has also" -> "Smirnov"),
    the first word kept.

    Read from the end, token by token, and only as far as such a tail can reach: whether the
    tail from token i on is made of them depends on tokens i, i+1 and the tails from i+1 and
    i+2, so two tokens in a row that start no tail end the search.
    """
    cut = None
    tail_after, tail_after_next, following = True, False, None
    for start, token in _tokens_from_end(words):
        pair = _TRAILING_PAIRS.get(token)
        tail = (token in _TRAILING_WORDS and tail_after) or (
            pair is not None
            and following is not None
            and tail_after_next
            and pair.fullmatch(following) is not None
        )
        if tail and start > 0:
            cut = start
        if not tail and not tail_after:
            break
        tail_after, tail_after_next, following = tail, tail_after, token
    return words if cut is None else words[:cut].rstrip()


def clean(raw: str) -> str:
    """The phrase without edge punctuation, trailing auxiliaries, adverbs and weekdays."""
    words = _strip_junk(raw.replace("’", "'"))
    return _strip_junk(_cut_trailing_words(words))


def _plausible(words: str) -> bool:
    """A noun phrase, not a clause: a few words, none an auxiliary or "to"."""
    tokens = words.split()
    return (
        0 < len(tokens) <= _MAX_NP_WORDS
        and words[0].isalpha()
        and _CLAUSE_WORDS.isdisjoint(map(str.lower, tokens))
    )


def is_name_token(token: str) -> bool:
    return (
        _NAME_TOKEN.match(token) is not None
        and token not in TITLES
        and token not in ORG_WORDS
        and KNOWN_RELAY.fullmatch(token) is None
        and _MILITANT_WORD.fullmatch(token) is None
    )


def _person_name(tokens: Sequence[str]) -> str | None:
    """The personal name closing ``tokens`` ("Defense Minister Sergey Shoigu" -> "Sergey
    Shoigu"): one to four name tokens, alone or after a title or a parenthesis."""
    i = len(tokens)
    while i > 0 and is_name_token(tokens[i - 1]):
        i -= 1
    run = tokens[i:]
    if not run or len(run) > 4:
        return None
    before = tokens[i - 1] if i else ""
    if before and not (
        before in TITLES or before.lower().rstrip(".") in _LOWER_TITLES or before.endswith(")")
    ):
        return None
    return " ".join(run)


_HEAD_END = re.compile(r"\s+(?:of|for|in|at|from)\s+")


def _names_a_person(words: str) -> bool:
    """Whether a description's head (before "of", "for", "in") is a person noun."""
    head = _HEAD_END.split(words, maxsplit=1)[0]
    return any(t.lower().removesuffix("'s") in PERSON_NOUNS for t in head.split())


_LOWER_RUN = frozenset("abcdefghijklmnopqrstuvwxyz-")
_LOWER_FORM = re.compile(r"[a-z][a-z-]*")


@lru_cache(maxsize=64)
def _written_in_lower_case(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` as one of its lower-case words (a match of
    :data:`_LOWER_WORD` in it).

    Each place the word occurs is read in its run of lower-case letters and hyphens: a match
    lies inside one run, and a scan of the whole text reaches each run afresh, so the run's
    matches are those the whole scan finds there (the character after the run is read too,
    for the word boundary).
    """
    if _LOWER_FORM.fullmatch(word) is None:
        return False
    at = text.find(word)
    while at >= 0:
        start, end = at, at + len(word)
        while start > 0 and text[start - 1] in _LOWER_RUN:
            start -= 1
        while end < len(text) and text[end] in _LOWER_RUN:
            end += 1
        if word in _LOWER_WORD.findall(text, start, end + 1):
            return True
        at = text.find(word, end)
    return False


@lru_cache(maxsize=8)
def _proper_words(text: str) -> frozenset[str]:
    """The words ``text`` capitalises inside a sentence (so are proper nouns), in lower
    case."""
    return frozenset(w.lower().replace("’", "'") for w in _PROPER.findall(text))


def _sentence_case(words: str, initial: bool, text: str) -> str:
    """Undo the capital a phrase has only because it opens the sentence ("Officials in
    Tajikistan" -> "officials in Tajikistan"): when the text writes the word in lower
    case, or the role lexicon knows it, and never capitalises it inside a sentence."""
    first = words.split()[0]
    if not (initial and first[0].isupper()):
        return words
    lowered = first.lower()
    known = _written_in_lower_case(text, lowered) or any(
        p.fullmatch(first) for _, p in ROLE_LEXICON
    )
    if known and lowered not in _proper_words(text):
        return words[0].lower() + words[1:]
    return words


def _describe(words: str, initial: bool, text: str) -> str:
    """A description, its possessive owner cut to his surname, sentence case undone."""
    owner = _OWNER.match(words)
    if owner:
        words = f"{owner.group('surname')}'s {owner.group('rest')}"
    return _sentence_case(words, initial, text)


def parse_np(raw: str, initial: bool, text: str) -> NounPhrase | None:
    """Classify and normalise a speaker phrase of ``text``; None when it is no noun phrase.
    ``initial``: the phrase opens its sentence."""
    words = clean(raw)
    if not _plausible(words):
        return None
    lower = words.lower()
    if lower in _PERSON_PRONOUNS or lower in _BODY_PRONOUNS:
        return NounPhrase("pronoun", lower, lower in _PERSON_PRONOUNS, words)
    bare = DETERMINER.sub("", words)
    relay = KNOWN_RELAY.fullmatch(bare)
    if relay:
        return NounPhrase("body", relay_name(relay), False, words)
    for pattern, person in ((_PERSON_ANAPHOR, True), (_BODY_ANAPHOR, False)):
        anaphor = pattern.match(words)
        if anaphor:
            return NounPhrase("anaphor", anaphor.group("noun").lower(), person, words)
    tokens = bare.split()
    name = _person_name(tokens)
    if name:
        return NounPhrase("person", name, True, words)
    if all(t[0].isupper() or t in _CONNECTORS for t in tokens):
        body = POSSESSIVE_LEAD.sub("", bare)
        if len(tokens) == 1:
            body = _sentence_case(body, initial, text)
        return NounPhrase("body", body, False, words)
    return NounPhrase("description", _describe(bare, initial, text), _names_a_person(bare), words)


@lru_cache(maxsize=1024)
def lexicon_role(words: str) -> str | None:
    """The first role of :data:`ROLE_LEXICON` (militant group, NGO, media, official) whose
    words occur in ``words``, or None."""
    return next((role for role, pattern in ROLE_LEXICON if pattern.search(words)), None)


def speaker_role(words: str) -> str:
    """The role a speaker's name and descriptions point to; :data:`DEFAULT_ROLE` when the
    lexicon knows none of the words."""
    return lexicon_role(words) or DEFAULT_ROLE


def names_a_source(np: NounPhrase) -> bool:
    """Whether "according to <np>" names a source (not "according to the Paris scenario")."""
    return (
        np.kind != "description"
        or np.person
        or lexicon_role(np.words) is not None
        or _SOURCE_WORDS.search(np.words) is not None
    )


NP_TEXT = r"(?:[A-Z][a-z]{0,3}\.(?=\s+[A-Z])|[^,.;:!?\"“”])"


CAPITALISED = r"[A-Z](?:[\w'’-]|\.(?=\w))*"


NAMED = rf"(?:the\s+)?{CAPITALISED}(?:\s+(?:of\s+|for\s+)?{CAPITALISED})*"


_PUNCTUATION = re.compile(r"[^\w' ]+")


_EI_ENDING = re.compile(r"(?<=\w\w)e[iy]\b")


_II_ENDING = re.compile(r"(?<=\w\w)(?:ii|iy|yi)\b")


@lru_cache(maxsize=1024)
def name_key(name: str | None) -> str:
    """A comparison key for names: case, apostrophes, punctuation and the commonest
    transliteration variants of Russian names ignored ("Sergei" = "Sergey", "Yurii" =
    "Yuriy"). Cached: the same names and outlets come back claim after claim.

    >>> name_key("Sergei Smirnov") == name_key("Sergey  Smirnov")
    True
    """
    if not name:
        return ""
    key = _PUNCTUATION.sub(" ", name.lower().replace("’", "'"))
    key = _EI_ENDING.sub("ey", " ".join(key.split()))
    return _II_ENDING.sub("iy", key)
