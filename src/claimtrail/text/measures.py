"""What a counted phrase counts: people or not, and which measure (killed, injured, ...).

Strings in, values out (no I/O beyond reading the packaged lexicon once). The measure of a
figure comes from the word that governs the counted phrase, in this order:

1. a death-toll noun whose value it is: "raised the death toll ... to 61", "the toll rose
   to 120", "the number of civilians killed has risen to 20" (killed; "the number of
   wounded" is injured);
2. the verb whose object it is, right before it (past qualifiers and "another", "a total
   of", "the lives of"): "killing 80", "claimed the lives of five citizens", "injured 90
   others", "beheaded eight", "lost 13 of its fighters"; "killing and wounding dozens",
   "the killing or wounding of several" count both (``casualties``);
3. a head noun that names the measure: "7 dead", "40 wounded", "11 bodies", "191000
   lives", "4 martyrs", "ten casualties";
4. its predicate, when it is the subject: "were killed", "have been martyred", "died",
   "lost their lives", "got injured", "received wounds", "were among the dead";
5. for a part or a coordinated figure with none of these ("including two women", "seven of
   them children", "and 29 insurgents"), the measure of the figure it belongs to;
6. the last measure word of its clause before it;
7. a noun that implies it ("detainees", "recruits"), and a combatant noun counts fighters.

A verb that governs the phrase but names no measure ("has drawn thousands of jihadists")
stops rule 6: the phrase then counts what its noun implies, if anything. "Monitoring" in
"monitoring group" is not a measure: only a verb of tracking people is ("keep track of",
"were monitored").

Person nouns are an open class: :data:`PERSON_NOUNS` is generated from WordNet 3.0 by
tools/person_lexicon.py (every noun under person.n.01 and a few groups counted as people),
with a few pronouns and quantifier nouns ("others", "them") that no lexicon lists.
"""

from __future__ import annotations

import re
from importlib.resources import files

MEASURES = (
    "killed",
    "injured",
    "casualties",
    "detained",
    "tracked",
    "recruited",
    "returned",
    "fighters",
)


def _lexicon() -> dict[str, str]:
    lines = files("claimtrail.text").joinpath("person_nouns.txt").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in lines.splitlines() if not line.startswith("#"))


# Word -> kind. The lexicons are dicts of strings, not sets: the garbage collector stops
# tracking such a dict, while it would walk a set's 15,000 words at every full collection.
_KINDS = _lexicon()
# Words that stand for people in a count but are no nouns of a lexicon.
PRONOUNS = frozenset("people persons others them those ones whom more".split())
PERSON_NOUNS: dict[str, str] = {**_KINDS, **dict.fromkeys(PRONOUNS, "person")}
COMBATANTS: dict[str, str] = {w: k for w, k in _KINDS.items() if k == "combatant"}
# A head word that names the measure itself: "7 dead", "40 wounded", "11 bodies".
MEASURE_WORDS = {
    "dead": "killed",
    "killed": "killed",
    "bodies": "killed",
    "corpses": "killed",
    "lives": "killed",
    "deaths": "killed",
    "fatalities": "killed",
    "martyrs": "killed",
    "martyr": "killed",
    "martyred": "killed",
    "wounded": "injured",
    "injured": "injured",
    "hurt": "injured",
    "injuries": "injured",
    "casualties": "casualties",
}
# Nouns that imply the measure when nothing else gives it.
NOUN_MEASURES = {
    "detainees": "detained",
    "prisoners": "detained",
    "hostages": "detained",
    "captives": "detained",
    "returnees": "returned",
    "recruits": "recruited",
    "recruit": "recruited",
}

_KILL = (
    r"kill(?:ed|ing|s)?|behead(?:ed|ing|s)?|decapitat(?:ed|ing|es)|execut(?:ed|ing|es|e)|"
    r"slay(?:ing|s)?|slew|slain|murder(?:ed|ing|s)?|massacr(?:ed|ing|es)|martyr(?:ed|ing|s)?|"
    r"eliminat(?:ed|ing|es)|shot\s+dead|gunned\s+down|los(?:t|ing|es|e)|deaths?\s+of|"
    r"destroy(?:ed|ing|s)?|(?:execution|killing|massacre|murder|slaughter)s?\s+of|"
    r"(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|t(?:ook|ak(?:e|es|en|ing)))(?:\s+the)?\s+lives\s+of|"
    r"lives\s+of"
)
_INJURE = r"injur(?:ed|ing|es|e)|wound(?:ed|ing|s)?|hurt(?:ing|s)?|maim(?:ed|ing|s)?"
_DETAIN = (
    r"detain(?:ed|ing|s)?|arrest(?:ed|ing|s)?|captur(?:ed|ing|es)|abduct(?:ed|ing|s)?|"
    r"kidnap(?:ped|ping|s)?|t(?:ook|ak(?:e|es|en|ing))\s+hostage"
)
_BOTH = (
    r"(?:kill(?:ed|ing|s)?|dead)\s+(?:and|or|&)\s+(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es))|"
    r"(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es))\s+(?:and|or|&)\s+kill(?:ed|ing|s)?|"
    r"kills\s+wounds|killing\s+or\s+wounding\s+of|killing\s+and\s+wounding\s+of"
)
_GOVERNORS = (
    ("casualties", _BOTH),
    ("killed", _KILL),
    ("injured", _INJURE),
    ("detained", _DETAIN),
    ("recruited", r"recruit(?:ed|ing|s)?|enlist(?:ed|ing|s)?|sign(?:ed|ing|s)?\s+up"),
    (
        "tracked",
        r"track(?:ed|ing|s)?|monitor(?:ed|ing|s)?|(?:keep(?:s|ing)?|kept)\s+(?:track\s+of|"
        r"(?:a\s+)?(?:close\s+)?watch\s+on|under\s+surveillance)",
    ),
    ("returned", r"return(?:ed|ing|s)?"),
)
# Words that may stand between a verb and its counted object ("killed another three").
_FILLER = r"(?:(?:another|a\s+total\s+of|a|an|the|all|only|just|total|of|up)\s+){0,3}"
_GOVERNOR = re.compile(
    r"\b(?:" + "|".join(f"(?P<{m}>{p})" for m, p in _GOVERNORS) + rf")\s+{_FILLER}\Z"
)
# Verbs that govern a following object but name no measure: they stop the fallback.
_OTHER_VERB = re.compile(
    r"\b(?:drawn|drew|draw(?:s|ing)?|attract(?:ed|s|ing)?|deploy(?:ed|s|ing)?|sent|send(?:s|ing)?|"
    r"evacuat(?:ed|es|ing)|displac(?:ed|es|ing)|freed|free(?:s|ing)?|rescu(?:ed|es|ing)|"
    r"releas(?:ed|es|ing)|trapp(?:ed|ing)|besieg(?:ed|ing)|shelter(?:ed|s|ing)?|hous(?:ed|es|ing)|"
    r"host(?:ed|s|ing)|affect(?:ed|s|ing)|help(?:ed|s|ing)?|feed(?:s|ing)?|fed|leave|leaving|"
    r"showing|showed|shows|employ(?:ed|s|ing)?|train(?:ed|s|ing)?|identif(?:ied|y|ies|ying)|"
    rf"deprives?|deprived|needed|for|staged|gathered)\s+{_FILLER}\Z"
)
_AUX = (
    r"(?:(?:(?:may|might|could|would|will|must|should)\s+have|were|was|are|is|(?:have|has|had)\s+been|been|being|got|get|gets|also|all|reportedly|later|"
    r"allegedly|both|each|already|initially|since|now|confirmed|reported|said\s+to\s+have|"
    r"identified|counted|listed|found|rounded\s+up\s+and|"
    r"believed\s+to\s+have|thought\s+to\s+have|feared)\s+){0,4}"
)
_PREDICATE = re.compile(
    r"\s*(?:[\"”’)\]]\s*)?(?:(?:who|which|that)\s+)?"
    + _AUX
    + r"(?:(?P<casualties>(?:killed|dead)\s+(?:and|or|&)\s+(?:wounded|injured))|"
    r"(?P<killed>killed|dead|died|die|martyred|perished|executed|beheaded|decapitated|slain|"
    r"shot\s+dead|gunned\s+down|massacred|murdered|lost\s+their\s+lives|"
    r"(?:(?:have|has|had)\s+)?(?:fallen|fell)\s+victims?|"
    r"among\s+(?:the\s+|those\s+)?(?:[\w,]+\s+){0,4}?(?:dead|killed|victims|fatalities))|"
    r"(?P<injured>wounded|injured|hurt|maimed|hospitali[sz]ed|received\s+wounds|"
    r"(?:remain|remained|are|were|still)\s+in\s+(?:a\s+)?hospital|"
    r"among\s+(?:the\s+|those\s+)?(?:[\w,]+\s+){0,4}?(?:wounded|injured))|"
    r"(?P<detained>detained|arrested|captured|abducted|kidnapped|taken\s+hostage)|"
    r"(?P<tracked>monitored|tracked|under\s+surveillance)|"
    r"(?P<recruited>recruited)|"
    r"(?P<none>missing|displaced|trapped|besieged|stranded|homeless|evacuated|unaccounted|"
    r"(?:have|has|had)\s+(?:become|fled)|become\s+refugees|fled)|"
    r"(?:(?:have|has|had)\s+(?:now\s+|already\s+|since\s+)?)?(?:"
    r"(?P<returned>returned|come\s+back|came\s+back)|"
    r"(?P<fighters>fighting|fought|joined|serving|under\s+arms|in\s+the\s+ranks|gone\s+to\s+fight|"
    r"taking\s+part|took\s+part|on\s+the\s+side\s+of)))\b"
)
# A passive or intransitive predicate further on in the clause: "some 2,000 fighters
# hailing from Russia, including 17 warlords, had been killed".
_DISTANT_PREDICATE = re.compile(
    r"\b(?:(?:were|was|are|is|been|being|got)\s+(?:\w+\s+){0,3}?(?:(?P<killed>killed|executed|"
    r"beheaded|slain|martyred|shot\s+dead)|(?P<injured>wounded|injured|hurt)|(?P<detained>"
    r"detained|arrested|captured|abducted|kidnapped)|(?P<tracked>monitored|tracked)|"
    r"(?P<recruited>recruited))|(?P<died>died|perished|lost\s+their\s+lives)|"
    r"(?:have|has|had)\s+(?:now\s+|already\s+)?(?:(?P<returned>returned)|"
    r"(?P<fighters>joined|gone\s+to\s+fight|fought)))\b"
)
# A part or a member of a list: "including two women", "seven of them children".
_PART_BEFORE = re.compile(
    r"\b(?:including|includ(?:es|ed)|among\s+them|among\s+whom|of\s+whom|as\s+well\s+as|"
    r"in\s+addition\s+to|besides|plus|along\s*side|and|or|while|another)\s+\Z"
)
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those|these|the\s+dead|the\s+victims)\b")
_CUES = (
    ("casualties", _BOTH + r"|casualties"),
    (
        "killed",
        r"kill\w*|dead|died|death\s+toll|deaths|beheaded|executed|slain|murdered|martyr\w*|"
        r"lost\s+their\s+lives|perished|massacred|shot\s+dead|lives\s+of|fatalities",
    ),
    ("injured", r"injur\w*|wound\w*|hurt|hospitali[sz]ed"),
    ("detained", r"detain\w*|arrest\w*|captured|abducted|kidnapped|taken\s+hostage"),
    ("tracked", r"keep\s+track|kept\s+track|tracking|tracked|under\s+surveillance|watch\s+list"),
    ("recruited", r"recruit\w*|enlisted"),
    ("returned", r"return\w*|came\s+back|come\s+back"),
    (
        "fighters",
        r"fight\w*|join\w*|taking\s+part|took\s+part|on\s+the\s+side\s+of|in\s+the\s+ranks|"
        r"under\s+arms",
    ),
)
_CUE = re.compile(r"\b(?:" + "|".join(f"(?P<{m}>{p})" for m, p in _CUES) + r")\b")
# A toll whose value follows: "death toll rose to", "toll ... at", "number of X killed has
# risen to", "updated to", "put the death toll at at least".
_TOLL_NOUN = re.compile(
    r"\b(?:(?P<dtoll>(?:death|casualty|civilian\s+death)\s+tolls?|tolls?)|"
    r"number\s+of\s+(?P<what>[\w\s-]{0,60}?)(?=\s+(?:has|have|had|was|is|rose|risen|reached|"
    r"climbed|stands|stood|jumped|increased)\b|\s*\Z))"
)
_TOLL_VALUE = re.compile(
    r"(?:\b(?:rose|risen|rising|rises|raised|raising|climbed|climbing|jumped|increased|updated|"
    r"estimated|"
    r"revised|reached|reaching|hit|surpassed|exceeded|stood|stands|standing|put|putting|"
    r"puts|is|was|were|be|at|of|to)\s+){1,3}\Z"
)
_TOLL_LAST_WORDS = frozenset(
    """rose risen rising rises raised raising climbed climbing jumped increased updated
    estimated revised reached reaching hit surpassed exceeded stood stands standing put
    putting puts is was were be at of to""".split()
)
_WORDS = re.compile(r"[a-z]+")
_BOTH_AT = re.compile(r"\s*(?:" + _BOTH + r")\b")


def _verb_before(left: str) -> str | None:
    """The measure of a verb governing what follows ``left`` (folded text), or None;
    "" when a verb of no measure governs it."""
    match = _GOVERNOR.search(left)
    if match:
        return next(m for m, _ in _GOVERNORS if match.group(m))
    return "" if _OTHER_VERB.search(left) else None


_OBJECT_VERB = re.compile(rf"\b(?:destroy(?:ed|ing|s)?|los(?:t|ing|es|e))\s+{_FILLER}\Z")


def needs_noun(left: str) -> bool:
    """Whether the verb before a figure counts people only with a person noun after it:
    "destroyed 60 terrorists" is a toll, "destroyed 18 of 31 vehicles" is not."""
    return _OBJECT_VERB.search(left[-40:]) is not None


def governing_verb(left: str) -> str | None:
    """The measure of the verb whose object follows ``left`` (lower-case text just before a
    figure), "" for a verb of no measure, None for no verb.

    >>> governing_verb("the blast claimed the lives of "), governing_verb("and injured ")
    ('killed', 'injured')
    >>> governing_verb("has drawn "), governing_verb("a monitoring group said ")
    ('', None)
    """
    return _verb_before(left[-40:])


def both(text: str, start: int = 0) -> bool:
    """Whether lower-case ``text`` has killed-and-injured words at ``start`` ("killed and
    injured", "dead and wounded"): a figure of both."""
    return _BOTH_AT.match(text, start) is not None


def predicate(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The measure of the predicate at ``start`` of lower-case ``text`` (just after the
    counted phrase; up to ``end``), "" for a predicate of no measure ("are missing", "have
    fled"), or None.

    >>> predicate(" were martyred on Sunday"), predicate(" are missing"), predicate(" said")
    ('killed', '', None)
    """
    match = _PREDICATE.match(text, start, len(text) if end is None else end)
    if match is None:
        return None
    return next((m for m in MEASURES if m in match.groupdict() and match.group(m)), "")


def toll(left: str) -> str | None:
    """The measure of a toll whose value follows ``left`` (lower-case text of the sentence
    before a figure): "killed" for a death toll, "injured" for "the number of wounded".

    >>> toll("the death toll rose to "), toll("the number of wounded has risen to ")
    ('killed', 'injured')
    >>> toll("said it had destroyed ") is None
    True
    """
    last = left[-12:].split()
    if not last or last[-1] not in _TOLL_LAST_WORDS:
        return None  # the words before a toll's value end with one of these
    left = left[-160:]
    value = _TOLL_VALUE.search(left)
    if value is None:
        return None
    nouns = list(_TOLL_NOUN.finditer(left, 0, value.start()))
    if not nouns:
        return "killed" if re.search(r"\b(?:rose|risen|updated|raised)\s+to\s+\Z", left) else None
    noun = nouns[-1]
    between = left[noun.end() : value.start()]
    if len(_WORDS.findall(between)) > 12:
        return None
    if noun.group("dtoll"):
        return "casualties" if "casualty" in noun.group("dtoll") else "killed"
    what = noun.group("what") or ""
    cue = _CUE.search(what)
    return next(m for m in MEASURES if cue.group(m)) if cue else None


def distant_predicate(right: str) -> str | None:
    """The measure of the first passive or intransitive predicate in ``right`` (lower-case
    rest of the clause), or None.

    >>> distant_predicate(" hailing from russia, including 17 warlords, had been killed")
    'killed'
    """
    match = _DISTANT_PREDICATE.search(right)
    if match is None:
        return None
    return (
        "killed" if match.group("died") else next(m for m in MEASURES if match.groupdict().get(m))
    )


_LEAVE = re.compile(r"\b(?:leav(?:e|es|ing)|left)\s+\Z")
_LEFT_STATE = re.compile(
    r"[^.;]{0,80}?\b(?:(?P<casualties>dead\s+(?:and|or)\s+(?:wounded|injured))|(?P<killed>dead)|"
    r"(?P<injured>wounded|injured))\b"
)


def left_state(left: str, right: str) -> str | None:
    """The measure of "left/leaving N ... dead (or wounded)", where the state comes after
    the counted phrase: "leaving 23 civilians - including nine children - dead".

    >>> left_state("clashes leaving ", " - including nine children - dead")
    'killed'
    """
    if _LEAVE.search(left[-20:]) is None:
        return None
    match = _LEFT_STATE.match(right)
    return next(m for m in MEASURES if match.groupdict().get(m)) if match else None


def is_part(left: str, right: str) -> bool:
    """Whether a figure is a part or a further item of an earlier one: "including two
    women", "and 29 insurgents", "seven of them children"."""
    return _PART_BEFORE.search(left[-30:]) is not None or _OF_THEM.match(right) is not None


_CLAUSE_START = re.compile(r"[;:]|\b(?:while|whereas|but|although|though)\b")


def cue_before(left: str) -> str | None:
    """The measure of the last cue word of the clause ``left`` (lower-case text before a
    figure, from the start of its sentence).

    >>> cue_before("three people died and in another attack ")
    'killed'
    >>> cue_before("the war has claimed many lives while ") is None
    True
    """
    starts = [m.end() for m in _CLAUSE_START.finditer(left)]
    clause = left[starts[-1] if starts else 0 :]
    for match in reversed(list(_CUE.finditer(clause))):
        return next(m for m in MEASURES if match.group(m))
    return None


def noun_measure(head: str) -> str | None:
    """The measure a head noun implies on its own: "detainees" -> detained, a combatant
    noun -> fighters.

    >>> noun_measure("detainees"), noun_measure("militants"), noun_measure("medics")
    ('detained', 'fighters', None)
    """
    if head in NOUN_MEASURES:
        return NOUN_MEASURES[head]
    return "fighters" if head in COMBATANTS else None
