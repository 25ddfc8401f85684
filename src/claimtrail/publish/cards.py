"""Claim cards and reference entries: one anchored block per id (``#C05``, ``#R18``),
showing what it is given. Every value is HTML-escaped; ids in values stay plain text
for the book's ``id_links`` extension to link.

A card's fields are (label, HTML) pairs: :func:`claim_fields` gives the coding, and a
caller adds its own rows (comparisons, flags, a grade) through ``extra``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from claimtrail.publish.links import SITE_ROOT
from claimtrail.publish.tables import Html, cell_html, is_absent

# The codebook rule behind each coded field (book/codebook.md numbers them).
CODEBOOK = f"{SITE_ROOT}/book/codebook.html"
FIELD_RULES = {
    "figure": "rule-2-1",
    "as of": "rule-5-1",
    "counts": "rule-6-1",
    "speaker": "rule-6-4",
    "chain": "rule-6-5",
    "origin": "rule-6-6",
    "hedge": "rule-6-7",
    "statement": "rule-6-8",
    "multiplier": "rule-4-1",
    "quote": "rule-7-1",
}


def _text(value: object) -> str:
    return "" if is_absent(value) else html.escape(str(value))


def paragraph_with_quote(text: str, start: int, end: int) -> str:
    """The line of ``text`` holding ``text[start:end]``, escaped, the quote in ``<mark>``.

    >>> paragraph_with_quote("Intro.\\nThere are <b>10,000</b> fighters now.\\nEnd.", 20, 39)
    'There are &lt;b&gt;<mark>10,000&lt;/b&gt; fighters</mark> now.'
    """
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last == -1 else last
    return (
        html.escape(text[first:start])
        + f"<mark>{html.escape(text[start:end])}</mark>"
        + html.escape(text[end:last])
    )


def figure_text(row: Mapping[str, object]) -> str:
    """Bounds and the figure asserted, in words, e.g. "low 5,000, high 7,000 (range)".

    >>> figure_text({"low": "5000", "best": None, "high": 7000.0, "qualifier": "range"})
    'low 5,000, high 7,000 (range)'
    """
    bounds = [
        f"{name} {cell_html(row.get(name), 'count')}"
        for name in ("low", "best", "high")
        if not is_absent(row.get(name))
    ]
    return ", ".join(bounds) + f" ({_text(row.get('qualifier'))})"


def _rule(label: str) -> str:
    rule = FIELD_RULES.get(label)
    if rule is None:
        return html.escape(label)
    number = rule.removeprefix("rule-").replace("-", ".")
    return (
        f'{html.escape(label)} <a class="ct-rule" href="{CODEBOOK}#{rule}" '
        f'title="codebook rule {number}">§{number}</a>'
    )


def claim_fields(claim: Mapping[str, object], outlet: object) -> list[tuple[str, str]]:
    """The coding of a claim (a row of ``data/claims.csv``) as card fields."""
    as_of = f"{_text(claim.get('as_of'))} ({_text(claim.get('as_of_precision'))})"
    if not is_absent(claim.get("as_of_evidence")):
        as_of += f": {_text(claim.get('as_of_evidence'))}"
    speaker = _text(claim.get("speaker")) or "not named"
    role = _text(claim.get("speaker_role"))
    multiplier = _text(claim.get("multiplier"))
    if multiplier:
        multiplier += f": \u201c{_text(claim.get('multiplier_quote'))}\u201d"
    fields = [
        ("article", f"{_text(claim.get('article_id'))} ({_text(outlet) or 'outlet unknown'})"),
        (
            "counts",
            f"{_text(claim.get('measure'))} ({_text(claim.get('basis'))}): "
            f"{_text(claim.get('population'))}",
        ),
        ("place", _text(claim.get("place"))),
        ("figure", figure_text(claim)),
        ("as of", as_of),
        ("speaker", speaker + (f" ({role})" if role else "")),
        ("chain", _text(claim.get("chain"))),
        ("source", _text(claim.get("source"))),
        ("origin", _text(claim.get("origin"))),
        ("statement", _text(claim.get("statement"))),
        ("hedge", _text(claim.get("hedge"))),
        ("multiplier", multiplier),
        ("related claims", _text(claim.get("related_claims"))),
        ("notes", _text(claim.get("notes"))),
        ("offsets", f"characters {_text(claim.get('start'))}-{_text(claim.get('end'))}"),
    ]
    return [(label, value) for label, value in fields if value]


def card(
    identifier: str,
    title: str,
    fields: Sequence[tuple[str, str]],
    quote_html: str = "",
    extra: Sequence[tuple[str, str]] = (),
) -> Html:
    """One anchored card: the id (a link to itself), a title, an optional quote block and
    a list of (label, HTML value) fields followed by ``extra`` ones. Labels of coded
    fields link to their codebook rule; ``title`` is escaped, the values are taken as
    given (already escaped)."""
    rows = "".join(f"<dt>{_rule(label)}</dt><dd>{value}</dd>" for label, value in [*fields, *extra])
    quote = f"<blockquote>{quote_html}</blockquote>" if quote_html else ""
    return Html(
        f'<section class="ct-card" id="{html.escape(identifier)}">'
        f'<p class="ct-card-title"><a class="ct-self" href="#{html.escape(identifier)}">'
        f"{html.escape(identifier)}</a> {html.escape(title)}</p>"
        f"{quote}<dl>{rows}</dl></section>"
    )


def claim_card(
    claim: Mapping[str, object],
    text: str,
    outlet: object,
    extra: Sequence[tuple[str, str]] = (),
) -> Html:
    """The card of one claim: its quote marked in its paragraph of the raw ``text``, its
    coding (:func:`claim_fields`) and any ``extra`` fields."""
    start, end = int(claim["start"]), int(claim["end"])  # type: ignore[call-overload]
    return card(
        str(claim["claim_id"]),
        f"\u201c{claim['quote']}\u201d",
        claim_fields(claim, outlet),
        paragraph_with_quote(text, start, end),
        extra,
    )


def reference_card(reference: Mapping[str, object], users: Sequence[str]) -> Html:
    """The entry of one reference figure (a row of ``data/reference/estimates.csv``): the
    figure, its citation with a linked address, the sentence that carries it, and the
    claims that use it (``users``)."""
    url = cell_html(reference.get("url"), "url")
    published = _text(reference.get("published")) or "undated"
    fields = [
        (
            "counts",
            f"{_text(reference.get('measure'))}: {_text(reference.get('population'))}, "
            f"{_text(reference.get('place'))}",
        ),
        ("figure", figure_text(reference)),
        ("as of", f"{_text(reference.get('as_of'))} ({_text(reference.get('as_of_precision'))})"),
        ("speaker", _text(reference.get("speaker"))),
        ("published", f"{_text(reference.get('publisher'))}, {published}, {url}"),
        ("confirmed", _text(reference.get("confirmed"))),
        ("origin", _text(reference.get("origin"))),
        ("notes", _text(reference.get("notes"))),
        ("used by", " ".join(html.escape(u) for u in users) or "no claim's coding cites it"),
    ]
    return card(
        str(reference["ref_id"]),
        f"{reference.get('measure')}, {reference.get('place')}",
        [(label, value) for label, value in fields if value],
        f"\u201c{_text(reference.get('quote'))}\u201d",
    )


RUBRIC = f"{SITE_ROOT}/book/rubric.html"


def _rules_linked(rules: str) -> str:
    """Rule ids ("S5 K8") as links to their rows of the rubric."""
    return " ".join(
        f'<a class="ct-rule" href="{RUBRIC}#rule-{html.escape(r.lower())}">{html.escape(r)}</a>'
        for r in rules.split()
    )


def claim_extras(
    comparisons: Sequence[Mapping[str, object]],
    flags: Sequence[Mapping[str, object]],
    grade: Mapping[str, object],
) -> list[tuple[str, str]]:
    """A claim card's analysis rows: its grade with the rules that fired and their
    reasons, how the figure reached the page, the figures weighed, the comparisons
    (verdict and detail) and the flags. Values are escaped; ids stay plain text."""
    weighed = [
        (label, _text(grade.get(key)) or "none")
        for label, key in (
            ("independent support", "independent"),
            ("same origin", "same_origin"),
            ("contradicting", "contradicting"),
        )
    ]
    compared = "".join(
        f"<li>{_text(c['comparator_id'])} ({_text(c['relation'])}): "
        f"<strong>{_text(c['verdict'])}</strong>, {_text(c['detail'])}</li>"
        for c in comparisons
    )
    flagged = "".join(
        f"<li><strong>{_text(f['flag'])}</strong>: {_text(f['reason'])}</li>" for f in flags
    )
    reasons = "".join(f"<li>{_text(r)}</li>" for r in str(grade.get("reasons", "")).split("; "))
    return [
        (
            "grade",
            f"<strong>{_text(grade.get('grade'))}</strong> "
            f"({_rules_linked(str(grade.get('rules', '')))})<ul>{reasons}</ul>",
        ),
        ("relay", _text(grade.get("relay"))),
        *weighed,
        ("comparisons", f"<ul>{compared}</ul>" if compared else "none in the record"),
        ("flags", f"<ul>{flagged}</ul>" if flagged else "none"),
    ]
