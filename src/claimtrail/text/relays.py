"""Relays: the agencies, outlets, reporters and social media that pass a figure on.

:func:`find_relays` lists every relay mention of a text ("told reporters", "told AFP",
"in an interview with X", "cited by X", "on Telegram", a republication notice), each with
its kind (:data:`RELAY_KINDS`); :mod:`claimtrail.text.attribution` attaches them to the
statements they carry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimtrail.text.names import (
    CAPITALISED,
    DETERMINER,
    KNOWN_RELAY,
    KNOWN_RELAYS,
    NAMED,
    relay_name,
)
from claimtrail.text.numbers import fold_text
from claimtrail.text.shapes import occurrences

RELAY_KINDS = ("agency", "outlet", "social media", "republication", "reporters")


_REPORTERS = (
    r"reporters|journalists|correspondents|the\s+press|an?\s+(?:news|press)\s+conference"
    r"|a\s+briefing"
)


RELAY_PHRASE = re.compile(
    r"\b(?i:told|tells|telling|in\s+an?\s+interview\s+(?:with|to)"
    r"|speaking\s+(?:to|with)(?:\s+an?\s+correspondent\s+of)?"
    r"|(?:told\s+)?an?\s+correspondent\s+of|cited\s+by|quoted\s+by|in\s+remarks\s+to)"
    rf"\s+(?P<np>{_REPORTERS}|{NAMED})"
)


SOCIAL_MEDIA = ("Telegram", "Instagram", "YouTube", "Twitter", "Facebook")


SOCIAL_RELAY = re.compile(
    r"\b(?:on|via|took\s+to|posted\s+to)\s+(?:(?:his|her|its|their|the\s+group['’]s|an?|the)"
    rf"\s+)?(?:official\s+)?(?P<np>{'|'.join(SOCIAL_MEDIA)})\b"
)


REPUBLICATION = re.compile(
    r"(?i:republished\s+from|(?:originally|first)\s+(?:appeared|published|posted)"
    r"\s+(?:at|in|on|by)|the\s+original\s+source\s+of\s+this\s+article\s+is)"
    rf"\s+(?P<np>\[[^\]\n]+\]|{CAPITALISED}(?:\s+{CAPITALISED})*)"
)


def notice_starts(text: str) -> list[int]:
    """Where a :data:`REPUBLICATION` notice may start: at "republished", "originally" or
    "first", or at the "the" nearest before "original", in any case."""
    folded = fold_text(text)
    starts = {
        i for word in ("republished", "originally", "first") for i in occurrences(folded, word)
    }
    starts |= {folded.rfind("the", 0, i) for i in occurrences(folded, "original")}
    return sorted(starts - {-1})


@dataclass(frozen=True)
class Relay:
    start: int
    end: int
    agent: str
    kind: str


_REPORTERS_ONLY = re.compile(_REPORTERS, re.IGNORECASE)


def relay_agent(words: str) -> tuple[str, str]:
    """(agent, kind) of a relay phrase: reporters, a known relay, or another outlet."""
    words = DETERMINER.sub("", words.strip("[] ").replace("’", "'"))
    if _REPORTERS_ONLY.fullmatch(words) or words.endswith("conference"):
        return "reporters", "reporters"
    known = KNOWN_RELAY.fullmatch(words)
    if known:
        return relay_name(known), KNOWN_RELAYS[relay_name(known)][0]
    return words, "outlet"


@lru_cache(maxsize=64)
def _all_relays(text: str) -> tuple[Relay, ...]:
    found: dict[tuple[int, int], Relay] = {}
    for match in KNOWN_RELAY.finditer(text):
        name = relay_name(match)
        found[match.span()] = Relay(*match.span(), name, KNOWN_RELAYS[name][0])
    for pattern in (RELAY_PHRASE, REPUBLICATION):
        for match in pattern.finditer(text):
            agent, kind = relay_agent(match.group("np"))
            if pattern is REPUBLICATION:
                kind = "republication"
            elif kind != "reporters" and agent in KNOWN_RELAYS:
                continue
            span = match.span("np")
            found[span] = Relay(*span, agent, kind)
    return tuple(sorted(found.values(), key=lambda r: (r.start, r.end)))


def find_relays(text: str) -> list[tuple[int, int, str, str]]:
    """Every relay mention in ``text``: (start, end, agent, kind), kind one of
    :data:`RELAY_KINDS`.

    Known agencies, channels and social media wherever named (:data:`KNOWN_RELAYS`);
    other outlets where a phrase makes them relays ("told Kommersant", "a correspondent
    of Vestnik Kavkaza"); "reporters" for "told reporters" and the like; republication
    notices ("The original source of this article is X", "originally appeared at X",
    "republished from X"). Monitoring groups such as the Syrian Observatory for Human
    Rights are sources, not relays: they are found as speakers (role NGO).

    >>> find_relays("Smirnov told reporters on Tuesday, according to AFP.")
    [(13, 22, 'reporters', 'reporters'), (48, 51, 'AFP', 'agency')]
    """
    return [(r.start, r.end, r.agent, r.kind) for r in _all_relays(text)]
