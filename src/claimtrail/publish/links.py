"""Claim (C01...) and reference (R01...) ids as links to their anchors, and the claims
that use each reference figure.

Every claim has an anchor on the claims page and every reference figure one on the
references page, named by the id itself (``claims.html#C05``). :func:`link_ids` turns
plain mentions in a page's HTML into links, outside code, headings, scripts and
existing links; the book's ``id_links`` extension applies it to every page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path

import pandas as pd

ID_PATTERN = re.compile(r"\b[CR]\d{2,}\b")
# The page (document name) that holds the anchors of each kind of id.
ID_PAGES: Mapping[str, str] = {"C": "book/claims", "R": "book/references"}
# The coded fields of data/claims.csv that cite reference figures by id.
CLAIM_TEXT_FIELDS = ("as_of_evidence", "notes", "related_claims", "multiplier_quote")
# Every content page sits one folder below the site root (notebooks/, book/).
SITE_ROOT = ".."
# Elements whose text is never linked: code, headings, existing links, scripts.
NO_LINK = frozenset(
    {"a", "pre", "code", "kbd", "samp", "script", "style", "textarea", "title", "button", "svg"}
    | {f"h{level}" for level in range(1, 7)}
)
_TOKEN = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)\s*>")


def id_href(identifier: str, site_root: str = SITE_ROOT) -> str:
    """The address of an id's anchor from a page one folder below the site root.

    >>> id_href("C05"), id_href("R23")
    ('../book/claims.html#C05', '../book/references.html#R23')
    """
    return f"{site_root}/{ID_PAGES[identifier[0]]}.html#{identifier}"


def _link_text(text: str, href_for: Callable[[str], str], known: Collection[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        identifier = match.group(0)
        if identifier not in known:
            return identifier
        return f'<a class="ct-id" href="{href_for(identifier)}">{identifier}</a>'

    return ID_PATTERN.sub(replace, text)


def link_ids(markup: str, href_for: Callable[[str], str], known: Collection[str]) -> str:
    """``markup`` (HTML) with every mention of a ``known`` id in its text made a link to
    ``href_for(id)``; text inside code, headings, scripts and links is left alone, and so
    are tags, attributes and comments.

    >>> link_ids('<p>C05 and <code>C05</code> <a href="x">R01</a> C99</p>',
    ...          lambda i: "#" + i, {"C05", "R01"})
    '<p><a class="ct-id" href="#C05">C05</a> and <code>C05</code> <a href="x">R01</a> C99</p>'
    """
    out, open_tags, last = [], [], 0
    for match in _TOKEN.finditer(markup):
        text = markup[last : match.start()]
        out.append(_link_text(text, href_for, known) if not open_tags else text)
        token = match.group(0)
        out.append(token)
        last = match.end()
        tag = _TAG.match(token)
        if match.group(1) or not tag or tag.group(4):
            continue  # a whole script or style, a comment, a self-closed tag
        name = tag.group(2).lower()
        if name not in NO_LINK:
            continue
        if not tag.group(1):
            open_tags.append(name)
        elif name in open_tags:
            del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name)]
    text = markup[last:]
    out.append(_link_text(text, href_for, known) if not open_tags else text)
    return "".join(out)


def mentioned_ids(text: object) -> list[str]:
    """The ids a text mentions, in order, each once (an absent value mentions none).

    >>> mentioned_ids("agrees with R18 and R19, not R18's C05"), mentioned_ids(None)
    (['R18', 'R19', 'C05'], [])
    """
    if not isinstance(text, str):
        return []
    return list(dict.fromkeys(ID_PATTERN.findall(text)))


def claim_mentions(claims: pd.DataFrame, fields: Iterable[str]) -> list[tuple[str, str]]:
    """(claim id, reference id) for every reference id that a claim's ``fields`` mention."""
    return [
        (row["claim_id"], identifier)
        for row in claims.to_dict("records")
        for field in fields
        for identifier in mentioned_ids(row.get(field))
        if identifier.startswith("R")
    ]


def backlinks(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """{reference id: the claim ids that use it, sorted, each once} from (claim, reference)
    pairs, whatever produced them (mentions, comparisons, grades).

    >>> backlinks([("C05", "R18"), ("C02", "R18"), ("C05", "R18"), ("C09", "R01")])
    {'R01': ['C09'], 'R18': ['C02', 'C05']}
    """
    found: dict[str, set[str]] = {}
    for claim, reference in pairs:
        found.setdefault(reference, set()).add(claim)
    return {reference: sorted(found[reference]) for reference in sorted(found)}


def known_ids(root: Path | str) -> set[str]:
    """Every claim id of ``data/claims.csv`` and reference id of
    ``data/reference/estimates.csv`` under ``root``: the ids that have anchors."""
    root = Path(root)
    claims = pd.read_csv(root / "data" / "claims.csv", usecols=["claim_id"], dtype=str)
    reference = pd.read_csv(
        root / "data" / "reference" / "estimates.csv", usecols=["ref_id"], dtype=str
    )
    return set(claims["claim_id"]) | set(reference["ref_id"])
