"""Who gave a figure, and the relay chain that brought it to the page we hold.

Strings in, data out: no file I/O and no pandas. :func:`attribute` reads the raw text
around a claim and returns an :class:`Attribution` (speaker, role, chain, evidence);
:func:`speaker_and_chain` gives its speaker and chain for less work. Names, titles and
roles are read by :mod:`claimtrail.text.names`, relay mentions found by
:mod:`claimtrail.text.relays`; :func:`claimtrail.extraction.evaluation.compare_with_coding` measures
agreement with the hand coding of ``data/claims.csv``. Sentence and paragraph spans come
from :mod:`claimtrail.text.sentences`, computed once per text and shared with
:mod:`claimtrail.text.hedges` and :mod:`claimtrail.extraction.extract`.

The rules (book/codebook.md, section 6), in the order they apply:

1. **Scope.** The claim's sentence. Sentences are quote-aware (a quotation and its
   "..., he said" tail are one sentence) and a line break followed by a lower-case letter
   does not end one (scrapers split paragraphs). A sentence cut by ";" or ", while/
   whereas/but" is narrowed to the claim's clause, keeping the frames of earlier clauses
   that lead into it. If the claim is inside a quotation whose sentence names nobody, the
   next sentence of the paragraph, then a preceding sentence ending with ":", are tried.
   Nothing else is borrowed from neighbouring sentences: a figure the reporter states in
   their own voice next to an attributed one stays unattributed.
2. **Frames.** Reporting patterns: "X said" (and stated, added, told, estimated, wrote,
   ...), "said X", "X, head of Y, said", "according to X", "X cited Y as saying";
   sources inside the reported clause, "citing X" or "referring to data provided by X"
   (they gave the figure) and "X possessed information on" (they hold the data: they
   open the chain but are not the speaker); relays, "told reporters", "told AFP", "in an
   interview with X", "cited by X", "on Telegram". A verb after a determiner or a
   possessive ("an estimated", "the stated goals", "the FSB's reports") or in the passive
   ("was claimed by") is not a frame.
3. **Nesting.** A frame before the claim ("X said that ...") encloses what follows it; a
   frame after it must be parenthetical ("..., X said") and encloses the clause before
   it. The chain runs from the innermost source to the outermost reporter, each speaker
   followed by its relays, then the original outlet of a republished page, then the
   outlet of the page we hold.
4. **Reference.** A surname or titled short form ("Putin", "Gen. Smirnov") takes the
   fullest name the text gives with a title or as a speaker ("Vladimir Putin"). "he",
   "she" and definite descriptions ("the diplomat", "the Russian general") take the most
   recent person who spoke or was named with a title; "it", "they", "the group", "the
   ministry" the most recent fitting organisation. Titles are dropped from names; a
   leading possessive is dropped from an organisation ("Russia's Federal Security
   Service" -> "Federal Security Service"); in a description the owner keeps his surname
   ("President Vladimir Putin's envoy" -> "Putin's envoy").
5. **Relay memory.** A speaker with no relay of his own keeps the relays of his previous
   statement in the text ("told reporters" covers his later "he added"). A named speaker
   who "added" right after an unnamed one ("deputy director of the FSB told reporters ...
   General Sergey Smirnov added") is taken to be that speaker.
6. **Role.** A small lexicon over the speaker's name and every description the text
   gives of him (titles, appositions), tried in order: militant group, NGO, media,
   official. A speaker matching none is taken for an official.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from claimtrail.text.names import (
    BODY_NOUNS,
    DETERMINER,
    MILITANT_NAMES,
    NAME,
    NP_TEXT,
    ORG_WORDS,
    POSSESSIVE_LEAD,
    TITLES,
    NounPhrase,
    alternation,
    clean,
    is_name_token,
    lexicon_role,
    matches_at,
    name_key,
    names_a_source,
    parse_np,
    speaker_role,
)
from claimtrail.text.numbers import fold_text
from claimtrail.text.relays import (
    RELAY_PHRASE,
    REPUBLICATION,
    SOCIAL_MEDIA,
    SOCIAL_RELAY,
    Relay,
    notice_starts,
    relay_agent,
)
from claimtrail.text.sentences import layout as _layout
from claimtrail.text.sentences import sentence_index
from claimtrail.text.shapes import LOWER_WORD_CHARACTERS, WORD_CHARACTERS, shape

CHAIN_SEPARATOR = " > "


# --- fast search -------------------------------------------------------------------------


# --- noun phrases ------------------------------------------------------------------------


# --- relays ------------------------------------------------------------------------------


# --- frames ------------------------------------------------------------------------------

_REPORTING_VERBS = """said says say told tells stated states added adds stressed stresses noted
    notes explained explains estimated estimates reported reports confirmed confirms announced
    announces warned warns wrote writes concluded claimed claims insisted insists acknowledged
    admitted emphasised emphasized""".split()
_VERB = re.compile(rf"\b{alternation(_REPORTING_VERBS)}\b")
# A reporting verb after a space in the text's shape (where every character that is no ASCII
# letter, digit or "_" is a space: see claimtrail.text.shapes), where the \b that opens _VERB
# would be tried at every place. Each such place is then read with _VERB, which turns down
# one after a letter outside ASCII.
_AFTER_VERB_BREAK = re.compile(rf" (?={alternation(_REPORTING_VERBS)}\b)".encode("ascii"))
_CONTINUATIONS = frozenset({"added", "adds"})
_WORD_BEFORE = 16  # characters looked at for a determiner, "'s" or "was" before a verb
_NOT_A_VERB_AFTER = re.compile(  # in any case: searched in the folded text
    r"(?:\b(?:a|an|the|its|his|her|their|our|my|your|these|those|was|were|is|are|be|been"
    r"|being|to)|['’]s)\s+$"
)
# Boundaries before a subject and a clause, in any case: searched in the folded text. Each
# alternative starts with one character (for a word, its first letter, then a look-behind
# for the word boundary), so the engine skips at C speed to the characters that can start one.
_OPENERS = "that while whereas although though because but after before when since if".split()
_OPENER = "|".join(
    rf"{c}(?<!\w{c})(?:{'|'.join(w[1:] for w in _OPENERS if w[0] == c)})\s+"
    for c in dict.fromkeys(w[0] for w in _OPENERS)
)
_SUBJECT_BOUNDARY = re.compile(rf',\s*|;\s*|:\s*|"\s*|“\s*|”\s*|{_OPENER}')
_CLAUSE_BOUNDARY = re.compile(rf';\s*|:\s*|"\s*|“\s*|”\s*|{_OPENER}')
_INVERTED = re.compile(rf"\s+(?P<np>{NP_TEXT}{{1,80}})")
_NP_STOP = re.compile(
    r"\s+(?:in|on|at|during|after|before|to|with|by|from|last|yesterday|today|when|while"
    r"|who|which|that|adding|referring|citing|according)\b.*$",
    re.DOTALL,
)
_INVERTED_START = re.compile(
    r"^(?:the|a|an|he|she|it|they|police|officials)\b|^(?!(?:Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b)[A-Z]"
)
_ADVERBIAL = re.compile(
    r"^(?:in|on|at|for|from|with|however|also|meanwhile|though|too|speaking)\b", re.IGNORECASE
)
_DATA_WORDS = ("data", "figures", "information", "estimates", "statistics", "numbers")
_DATA = rf"(?:{'|'.join(_DATA_WORDS)})"
_PROVIDER = re.compile(
    rf"\b(?:citing|quoting|(?:referring\s+to|based\s+on)\s+{_DATA}\s+(?:provided\s+by|from|of"
    rf"|by))\s+(?P<np>{NP_TEXT}{{1,80}})"
)
_HOLDER = re.compile(rf"\b(?:possess(?:es|ed)?|ha(?:s|ve|d))\s+{_DATA}\s+(?:on|about)\b")
_ACCORDING = re.compile(rf"\baccording\s+to\s+(?P<np>{NP_TEXT}{{1,80}})", re.IGNORECASE)
_CITED_AS = re.compile(rf"\b(?:cited|quoted)\s+(?P<np>{NP_TEXT}{{1,60}}?)\s+as\s+saying\b")
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|but)\s+")
_PIECE = re.compile(r"[^,]+")


@dataclass(frozen=True)
class _RawFrame:
    """One attribution pattern in a sentence, before its speaker is resolved.

    form: "speech" (a speaker), "provider" (a source the speaker cites) or "holder" (a body
    said to hold the data). ``anchor`` places the frame before or after the claim;
    ``parenthetical`` frames ("..., X said") may enclose a claim that precedes them.
    """

    start: int
    end: int
    anchor: int
    form: str
    np: NounPhrase
    np_start: int
    parenthetical: bool = True
    continuation: bool = False
    descriptors: tuple[str, ...] = ()
    relay: Relay | None = None


# Words that the frame patterns other than the reporting verbs, and the relay patterns,
# need (in any case or as written): a sentence without them is not searched for those.
_RELAY_CUES = tuple("told tell interview speaking correspondent cited quoted remarks".split())
_ANY_CASE_CUES = ("according", *_RELAY_CUES)
_CUES = ("saying", "citing", "quoting", *_DATA_WORDS, *SOCIAL_MEDIA)


class _Sentence:
    """Finds the frames of one sentence ``text[start:end]`` of an analysed text."""

    def __init__(self, analysis: _Analysis, start: int, end: int) -> None:
        self.text, self.folded = analysis.text, analysis.folded
        self.start, self.end = start, end
        folded, raw = self.folded[start:end], self.text[start:end]
        self.cues = frozenset(  # the cue words the sentence holds
            [w for w in _ANY_CASE_CUES if w in folded] + [w for w in _CUES if w in raw]
        )

    def _holds(self, words: Iterable[str]) -> bool:
        """Whether the sentence holds one of the cue ``words`` (in any case for those of
        :data:`_ANY_CASE_CUES`): a quick test before a pattern that needs one is tried."""
        return not self.cues.isdisjoint(words)

    def _np(self, raw: str, at: int) -> NounPhrase | None:
        lead = self.text[self.start : at].strip(" \"'“‘([")
        return parse_np(raw, not lead, self.text)

    def _last(self, pattern: re.Pattern[str], end: int) -> re.Match[str] | None:
        """The last match of ``pattern`` in the folded text between the sentence start and
        ``end`` (a boundary, whose case does not matter)."""
        matches = list(pattern.finditer(self.folded, self.start, end))
        return matches[-1] if matches else None

    def relays(self) -> list[Relay]:
        """Relays named by a phrase ("told AFP", "on Telegram", "cited by TASS")."""
        patterns = []
        if self._holds(_RELAY_CUES):
            patterns.append(RELAY_PHRASE)
        if self._holds(SOCIAL_MEDIA):
            patterns.append(SOCIAL_RELAY)
        relays = []
        for pattern in patterns:
            for match in pattern.finditer(self.text, self.start, self.end):
                agent, kind = relay_agent(match.group("np"))
                relays.append(Relay(match.start(), match.end(), agent, kind))
        return sorted(relays, key=lambda r: r.start)

    def frames(self) -> list[_RawFrame]:
        """Speech, provider and holder frames, in text order."""
        frames = [f for verb in self._verbs() for f in self._verb(verb)]
        if self.cues:  # the other frames all need a cue word
            frames += self._according() + self._cited_as() + self._sources()
        return sorted(frames, key=lambda f: f.anchor)

    def _verbs(self) -> Iterator[re.Match[str]]:
        """The matches of :data:`_VERB` in the sentence, found by :data:`_AFTER_VERB_BREAK`
        (one at the text's start by _VERB itself)."""
        text, start, end = self.text, self.start, self.end
        if start == 0 and (first := _VERB.match(text, 0, end)):
            yield first
        breaks = shape(text, WORD_CHARACTERS)
        for candidate in _AFTER_VERB_BREAK.finditer(breaks, max(start - 1, 0), end):
            if verb := _VERB.match(text, candidate.start() + 1, end):
                yield verb

    def _verb(self, verb: re.Match[str]) -> list[_RawFrame]:
        """The frame a reporting verb opens: subject first, inverted or appositive."""
        before = self.folded[max(self.start, verb.start() - _WORD_BEFORE) : verb.start()]
        if _NOT_A_VERB_AFTER.search(before):
            return []
        boundary = self._last(_SUBJECT_BOUNDARY, verb.start())
        subject_start = boundary.end() if boundary else self.start
        continuation = verb.group() in _CONTINUATIONS
        raw = self.text[subject_start : verb.start()]
        if raw.strip(" '‘’"):
            np = self._np(raw, subject_start)
            parenthetical = boundary is not None and boundary.group()[0] in ',"“”'
            if np is None:
                return []
            frame = _RawFrame(
                subject_start,
                verb.end(),
                verb.start(),
                "speech",
                np,
                subject_start,
                parenthetical=parenthetical,
                continuation=continuation,
            )
            return [frame]
        if boundary is None or boundary.group()[0] not in ',"“”':
            return []
        return (
            self._appositive(verb, continuation, named_only=True)
            or self._inverted(verb, continuation)
            or self._appositive(verb, continuation, named_only=False)
        )

    def _inverted(self, verb: re.Match[str], continuation: bool) -> list[_RawFrame]:
        """'..., said X' and '..." stated the diplomat'."""
        match = _INVERTED.match(self.text, verb.end(), self.end)
        if not match:
            return []
        raw = _NP_STOP.sub("", match.group("np"))
        if not _INVERTED_START.match(raw.strip()):
            return []
        np = self._np(raw, match.start("np"))
        if np is None:
            return []
        end = match.start("np") + len(raw.rstrip())
        at = match.start("np")
        return [
            _RawFrame(verb.start(), end, verb.start(), "speech", np, at, continuation=continuation)
        ]

    def _appositive(
        self, verb: re.Match[str], continuation: bool, named_only: bool
    ) -> list[_RawFrame]:
        """'Zamir Kabulov, head of ..., said' and 'The FSB's deputy chief, Gen. X, said': the
        named piece among the last three before the verb, or else the nearest one."""
        boundary = self._last(_CLAUSE_BOUNDARY, verb.start())
        region = boundary.end() if boundary else self.start
        pieces = []
        for piece in list(_PIECE.finditer(self.text[region : verb.start()]))[-3:]:
            words = piece.group().strip()
            at = region + piece.start() + len(piece.group()) - len(piece.group().lstrip())
            np = self._np(words, at) if words and not _ADVERBIAL.match(words) else None
            if np is not None:
                pieces.append((at, words, np))
        named = [p for p in pieces if p[2].kind == "person"]
        if not named and (named_only or not pieces):
            return []
        at, _, np = named[0] if named else pieces[-1]
        descriptors = tuple(words for _, words, other in pieces if other is not np)
        frame = _RawFrame(
            pieces[0][0],
            verb.end(),
            verb.start(),
            "speech",
            np,
            at,
            continuation=continuation,
            descriptors=descriptors,
        )
        return [frame]

    def _according(self) -> list[_RawFrame]:
        """'according to X', when X names a source."""
        frames: list[_RawFrame] = []
        if not self._holds(("according",)):
            return frames
        for match in _ACCORDING.finditer(self.text, self.start, self.end):
            np = self._np(match.group("np"), match.start("np"))
            if np is not None and names_a_source(np):
                at = match.start("np")
                frames.append(
                    _RawFrame(match.start(), match.end(), match.start(), "speech", np, at)
                )
        return frames

    def _cited_as(self) -> list[_RawFrame]:
        """'Reuters cited the statement as saying': the statement speaks, Reuters relays."""
        frames: list[_RawFrame] = []
        if not self._holds(("saying",)):
            return frames
        for match in _CITED_AS.finditer(self.text, self.start, self.end):
            np = self._np(match.group("np"), match.start("np"))
            boundary = self._last(_SUBJECT_BOUNDARY, match.start())
            subject_start = boundary.end() if boundary else self.start
            agent, kind = relay_agent(clean(self.text[subject_start : match.start()]))
            if np is None or not agent:
                continue
            relay = Relay(subject_start, match.start(), agent, kind)
            frame = _RawFrame(
                subject_start,
                match.end(),
                match.start(),
                "speech",
                np,
                match.start("np"),
                parenthetical=False,
                relay=relay,
            )
            frames.append(frame)
        return frames

    def _sources(self) -> list[_RawFrame]:
        """'citing X', 'referring to data provided by X'; 'X possessed information on'."""
        data = self._holds(_DATA_WORDS)  # all but "citing X" and "quoting X" need the words
        providers = self._providers() if data or self._holds(("citing", "quoting")) else []
        return providers + (self._holders() if data else [])

    def _providers(self) -> list[_RawFrame]:
        frames = []
        for match in _PROVIDER.finditer(self.text, self.start, self.end):
            np = self._np(match.group("np"), match.start("np"))
            if np is not None:
                at = match.start("np")
                frames.append(
                    _RawFrame(match.start(), match.end(), match.start(), "provider", np, at)
                )
        return frames

    def _holders(self) -> list[_RawFrame]:
        frames = []
        for match in _HOLDER.finditer(self.text, self.start, self.end):
            boundary = self._last(_SUBJECT_BOUNDARY, match.start())
            subject_start = boundary.end() if boundary else self.start
            np = self._np(self.text[subject_start : match.start()], subject_start)
            if np is not None:
                at = subject_start
                frames.append(_RawFrame(at, match.end(), match.start(), "holder", np, at))
        return frames


# --- reference and relay memory ----------------------------------------------------------

_TITLED = re.compile(
    rf"(?<![\w.])(?i:{'|'.join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))})"
    rf"\s+(?P<name>{NAME}(?:\s+{NAME}){{0,3}})(?P<possessive>['’]s\b)?"
)
# A title and the white space after it, after a space in the shape of a folded text (see
# claimtrail.text.shapes), where every character that is no ASCII lower-case letter, digit
# or "_" is a space: white space, and the dot of a title too, so titles are looked for with a
# space for their dot. Such a place is one where _TITLED may start (it turns down a place
# after a dot or a letter outside ASCII).
_TITLE_WORD = re.compile(
    b" (?=" + alternation({title.lower().replace(".", " ") for title in TITLES}).encode() + b" )"
)


def _titled_mentions(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_TITLED` in ``text``, tried only where a title occurs after a
    break (a space put before the text's shape lets one open it)."""
    breaks = b" " + shape(fold_text(text), LOWER_WORD_CHARACTERS)
    starts = (match.start() for match in _TITLE_WORD.finditer(breaks))
    return matches_at(_TITLED, text, starts)


_BODY_MENTION = re.compile(
    rf"(?:[A-Z][\w'’-]*\s+(?:(?:of|for|the)\s+)*){{0,5}}(?:{'|'.join(sorted(ORG_WORDS))})\b"
    rf"|(?i:\b(?:{MILITANT_NAMES})\b)"
)


@dataclass
class _Entity:
    """A speaker as the text builds him up: name, descriptions, last relays."""

    name: str
    person: bool
    named: bool
    descriptors: list[str] = field(default_factory=list)
    relays: tuple[Relay, ...] = ()

    def describe(self, *words: str) -> None:
        """Add descriptions ("Health Minister", "the diplomat"), each once."""
        self.descriptors.extend(w for w in dict.fromkeys(words) if w not in self.descriptors)

    @property
    def role(self) -> str:
        return speaker_role(" ; ".join([self.name, *self.descriptors]))


@dataclass(frozen=True)
class _Frame:
    """A frame with its speaker resolved and the relays in force for it."""

    start: int
    end: int
    anchor: int
    form: str
    parenthetical: bool
    entity: _Entity
    relays: tuple[Relay, ...]
    antecedent: tuple[int, int] | None


def _inside(text: str, position: int) -> bool:
    """Whether ``position`` lies inside a quotation."""
    quotations = _layout(text).quotations
    i = bisect_right(quotations, (position, len(text))) - 1
    return i >= 0 and quotations[i][0] < position < quotations[i][1]


_Candidate = tuple[int, _Entity, tuple[int, int]]
LOOKBACK = 40  # mentions and statements a pronoun or description may reach back over


def _latest(
    candidates: Sequence[_Candidate], position: int, fits: Callable[[_Entity], bool]
) -> _Candidate | None:
    """The last candidate before ``position`` that fits, among the :data:`LOOKBACK` last."""
    end = bisect_right(candidates, position, key=lambda c: c[0])
    for i in range(end - 1, max(end - LOOKBACK, 0) - 1, -1):
        if fits(candidates[i][1]):
            return candidates[i]
    return None


class _Reader:
    """Reads a text's frames in order, resolving references and remembering relays."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: dict[str, _Entity] = {}
        self.surnames: dict[str, tuple[str, int, int]] = {}
        self.titled: list[_Candidate] = []
        self.events: list[_Candidate] = []
        self.last_speech: _Entity | None = None
        self._read_mentions()

    def _entity(self, name: str, person: bool, named: bool) -> _Entity:
        key = name_key(name)
        if key not in self.entities:
            self.entities[key] = _Entity(name, person, named)
        return self.entities[key]

    def _note_surname(self, name: str, start: int) -> None:
        surname = name.split()[-1]
        known = self.surnames.get(surname)
        if known is None or len(name.split()) > len(known[0].split()):
            self.surnames[surname] = (name, start, start + len(name))

    def _read_mentions(self) -> None:
        """Titled names, for surnames, titles and pronouns."""
        titled = []
        for match in _titled_mentions(self.text):
            tokens = match.group("name").split()
            cut = next((i for i, t in enumerate(tokens) if not is_name_token(t)), len(tokens))
            if cut:
                name = " ".join(tokens[:cut])
                self._note_surname(name, match.start("name"))
                possessive = cut == len(tokens) and match.group("possessive")
                titled.append((match, name, possessive))
        for match, name, possessive in titled:
            entity = self._entity(self.surnames[name.split()[-1]][0], True, True)
            entity.describe(self.text[match.start() : match.start("name")].strip())
            if not possessive and not _inside(self.text, match.start()):
                self.titled.append((match.start(), entity, match.span()))

    @cached_property
    def bodies(self) -> list[_Candidate]:
        """Organisation names, kept apart from the speakers until a reference points to
        one (read when one first does)."""
        bodies = []
        for match in _BODY_MENTION.finditer(self.text):
            body = POSSESSIVE_LEAD.sub("", match.group().replace("’", "'"))
            bodies.append((match.start(), _Entity(body, False, True), match.span()))
        return bodies

    def _antecedent(self, np: NounPhrase, position: int) -> _Candidate | None:
        """The most recent speaker or mention a pronoun or anaphor can point to."""
        if np.person:
            pools = (self.events, self.titled)
            role = lexicon_role(np.words) if np.kind == "anaphor" else None

            def fits(entity: _Entity) -> bool:
                return entity.person and (role is None or role == entity.role)

        else:
            pools = (self.events, self.bodies)
            role = BODY_NOUNS.get(np.name)

            def fits(entity: _Entity) -> bool:
                if entity.person:
                    return False
                return np.kind == "pronoun" or np.name in entity.name.lower() or entity.role == role

        found = [c for c in (_latest(pool, position, fits) for pool in pools) if c]
        return max(found, key=lambda c: c[0], default=None)

    def resolve(self, np: NounPhrase, position: int) -> tuple[_Entity, tuple[int, int] | None]:
        """The entity a phrase names, and the span of the mention that named it in full."""
        if np.kind in ("pronoun", "anaphor"):
            found = self._antecedent(np, position)
            if found:
                _, entity, span = found
                return self._entity(entity.name, entity.person, entity.named), span
            return self._entity(DETERMINER.sub("", np.words), np.person, False), None
        if np.kind == "person":
            tokens = np.name.split()
            full, start, end = self.surnames.get(tokens[-1], (np.name, position, position))
            if full.split()[-len(tokens) :] != tokens:
                full = np.name
            self._note_surname(full, start)
            span = (start, end) if full != np.name else None
            return self._entity(full, True, True), span
        return self._entity(np.name, np.person, np.kind == "body"), None

    def read(self, raw: _RawFrame, own: tuple[Relay, ...]) -> _Frame:
        """Resolve a frame's speaker; update the relay memory."""
        entity, antecedent = self.resolve(raw.np, raw.np_start)
        entity.describe(raw.np.words, *raw.descriptors)
        relays = own
        if raw.form == "speech":
            previous = self.last_speech
            if (
                raw.continuation
                and raw.np.kind == "person"
                and previous is not None
                and previous.person
                and not previous.named
                and not entity.relays
            ):
                entity.relays = previous.relays
                entity.describe(*previous.descriptors)
            if own:
                entity.relays = own
            relays = entity.relays
            self.last_speech = entity
        self.events.append((raw.np_start, entity, (raw.start, raw.end)))
        return _Frame(
            raw.start, raw.end, raw.anchor, raw.form, raw.parenthetical, entity, relays, antecedent
        )


def _attach(frames: Sequence[_RawFrame], relays: Sequence[Relay]) -> list[tuple[Relay, ...]]:
    """The relays of each frame: its own ("X cited Y as saying"), then each relay phrase of
    the sentence, given to the nearest speech frame before it (or else the first)."""
    attached: list[list[Relay]] = [[f.relay] if f.relay else [] for f in frames]
    speech = [i for i, f in enumerate(frames) if f.form == "speech"]
    for relay in relays:
        before = [i for i in speech if frames[i].anchor <= relay.start]
        if before or speech:
            attached[before[-1] if before else speech[0]].append(relay)
    return [tuple(r) for r in attached]


class _Analysis:
    """A text's layout and its frames, sentence by sentence: the sentences are read once,
    in order, as far as the claims asked about need."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold_text(text)
        self.layout = _layout(text)
        self._frames: list[tuple[_Frame, ...]] = []
        self._reader: _Reader | None = None  # made when a first frame needs it
        self._lock = threading.Lock()  # the analysis is shared (cached): read in one thread

    def frames(self, index: int) -> tuple[_Frame, ...]:
        """The frames of sentence ``index``, the sentences before it read first."""
        self._read_until(index + 1)
        return self._frames[index]

    def read_all(self) -> None:
        """Read every sentence (a speaker's role draws on all the text says of him)."""
        self._read_until(len(self.layout.sentences))

    def _read_until(self, count: int) -> None:
        with self._lock:
            while len(self._frames) < count:
                self._frames.append(self._read(*self.layout.sentences[len(self._frames)]))

    def _read(self, start: int, end: int) -> tuple[_Frame, ...]:
        sentence = _Sentence(self, start, end)
        raw = sentence.frames()
        if not raw:
            return ()
        self._reader = self._reader or _Reader(self.text)
        own = _attach(raw, sentence.relays())
        return tuple(self._reader.read(f, relays) for f, relays in zip(raw, own, strict=True))


@lru_cache(maxsize=64)
def _analyse(text: str) -> _Analysis:
    """The analysis of ``text`` (cached: claims share the work)."""
    return _Analysis(text)


# --- attribution -------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """Who gave a figure and how it reached us.

    speaker: the original source as named in the text, normalised to the fullest name the
    text gives ("Sergey Smirnov" for "Gen. Smirnov"); None when the text names nobody.
    speaker_role: one of :data:`SPEAKER_ROLES`. chain: speaker first, then the relays,
    the original outlet of a republished page and the outlet of the page we hold.
    evidence: (start, end, words) of the phrases that establish the speaker, the names
    resolved and each relay, as raw offsets.
    """

    speaker: str | None
    speaker_role: str
    chain: tuple[str, ...]
    evidence: tuple[tuple[int, int, str], ...]


def _clause_frames(
    text: str, analysis: _Analysis, index: int, start: int, end: int
) -> list[_Frame]:
    """Frames of the claim's clause that can enclose it, with leading frames of earlier
    clauses when the claim's own clause has no speaker."""
    s, e = analysis.layout.sentences[index]
    breaks = list(_CLAUSE_BREAK.finditer(text, s, e))
    first = max((b.end() for b in breaks if b.end() <= start), default=s)
    last = min((b.start() for b in breaks if b.start() >= end), default=e)
    usable = [
        f
        for f in analysis.frames(index)
        if not start <= f.anchor < end and (f.anchor < start or f.parenthetical)
    ]
    inside = [f for f in usable if first <= f.anchor < last]
    if any(f.form == "speech" for f in inside):
        return inside
    earlier = [f for f in usable if f.anchor < first and f.form == "speech" and not f.parenthetical]
    return earlier + inside


def _claim_frames(text: str, analysis: _Analysis, start: int, end: int) -> list[_Frame]:
    """The frames that attribute ``text[start:end]`` (see the module's rule 1)."""
    if not analysis.layout.sentences:
        return []
    index = sentence_index(text, start)
    frames = _clause_frames(text, analysis, index, start, end)
    if frames or not _inside(text, start):
        return frames
    layout = analysis.layout
    following = index + 1
    if following < len(layout.sentences):
        if layout.sentence_paragraph[following] == layout.sentence_paragraph[index]:
            speech = [f for f in analysis.frames(following) if f.form == "speech"]
            if speech:
                return speech
    if index > 0 and text[layout.sentences[index - 1][1] - 1] == ":":
        return [f for f in analysis.frames(index - 1) if f.form == "speech"]
    return []


def _nest(frames: Sequence[_Frame], start: int) -> list[_Frame]:
    """Innermost first: sources, then frames before the claim from the nearest outwards,
    then parenthetical frames after it."""
    sources = [f for f in frames if f.form != "speech"]
    leading = [f for f in frames if f.form == "speech" and f.anchor < start]
    trailing = [f for f in frames if f.form == "speech" and f.anchor >= start]
    return sources + leading[::-1] + trailing


@lru_cache(maxsize=64)
def _notices(text: str) -> tuple[Relay, ...]:
    """The republication notices of :func:`find_relays`."""
    return tuple(
        Relay(*match.span("np"), relay_agent(match.group("np"))[0], "republication")
        for match in matches_at(REPUBLICATION, text, notice_starts(text))
    )


def _given(value: object) -> bool:
    """A non-blank string (not None, not a missing value from a table)."""
    return isinstance(value, str) and bool(value.strip())


def republished_source(value: object) -> str | None:
    """The outlet named in a ``republished_from`` value: the words before the first comma
    ("Alahednews, 1 August 2016" -> "Alahednews"); None for a blank or missing value."""
    return value.split(",")[0].strip() if _given(value) else None


def _outlets(text: str, outlet: str | None, republished_from: str | None) -> list[Relay]:
    """The chain's tail: the original outlet of a republished page (from
    ``republished_from``, else from a notice in the text), then the outlet we hold."""
    ours = [Relay(-1, -1, outlet.strip(), "outlet")] if _given(outlet) else []
    notices = _notices(text)
    original = republished_source(republished_from)
    if original is None:
        return [*notices[:1], *ours]
    notice = next((r for r in notices if name_key(r.agent) == name_key(original)), None)
    return [notice or Relay(-1, -1, original, "republication"), *ours]


def _link(chain: list[str], name: str) -> None:
    if not chain or name_key(chain[-1]) != name_key(name):
        chain.append(name)


def attribute(
    text: str,
    start: int,
    end: int,
    *,
    outlet: str | None = None,
    republished_from: str | None = None,
) -> Attribution:
    """Attribute the claim ``text[start:end]``: speaker, role, relay chain and evidence.

    ``outlet`` is the outlet of the page we hold, ``republished_from`` the original one as
    in ``data/articles.csv`` ("Alahednews, 1 August 2016": the name before the comma);
    without it a republication notice in the text is used. Per-text work is cached, so
    attributing many claims of one text costs little more than one.

    >>> text = "At least 13 people were killed, police said."
    >>> attribute(text, 0, 17, outlet="Wire").chain
    ('police', 'Wire')
    """
    frames, chain, spans = _trace(text, start, end, outlet, republished_from)
    evidence = tuple((s, e, text[s:e]) for s, e in sorted(spans))
    if not frames:
        return Attribution(None, "unattributed", chain, evidence)
    _analyse(text).read_all()
    speaker = _speaker(frames)
    return Attribution(speaker.name, speaker.role, chain, evidence)


def speaker_and_chain(
    text: str,
    start: int,
    end: int,
    *,
    outlet: str | None = None,
    republished_from: str | None = None,
) -> tuple[str | None, tuple[str, ...]]:
    """The speaker and the relay chain :func:`attribute` gives the claim ``text[start:end]``,
    for less work: without the role, which draws on the whole text, the text is read only
    as far as the claim (the sentence after it at most).

    >>> speaker_and_chain("At least 13 people were killed, police said.", 0, 17, outlet="Wire")
    ('police', ('police', 'Wire'))
    """
    frames, chain, _ = _trace(text, start, end, outlet, republished_from)
    return (_speaker(frames).name if frames else None), chain


def _speaker(frames: Sequence[_Frame]) -> _Entity:
    return next((f for f in frames if f.form != "holder"), frames[0]).entity


def _trace(
    text: str, start: int, end: int, outlet: str | None, republished_from: str | None
) -> tuple[list[_Frame], tuple[str, ...], set[tuple[int, int]]]:
    """The frames that attribute ``text[start:end]`` (innermost first), the relay chain and
    the spans of the evidence."""
    frames = _nest(_claim_frames(text, _analyse(text), start, end), start)
    chain: list[str] = []
    spans: set[tuple[int, int]] = set()
    for frame in frames:
        _link(chain, frame.entity.name)
        spans.add((frame.start, frame.end))
        if frame.antecedent:
            spans.add(frame.antecedent)
        for relay in frame.relays:
            _link(chain, relay.agent)
            spans.add((relay.start, relay.end))
    for relay in _outlets(text, outlet, republished_from):
        _link(chain, relay.agent)
        if relay.start >= 0:
            spans.add((relay.start, relay.end))
    return frames, tuple(chain), spans


# --- agreement with the hand coding ------------------------------------------------------
