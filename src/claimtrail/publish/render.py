"""HTML for the book: article text shown escaped, copied passages side by side.

Article text contains markdown, links and could contain HTML; everything taken from a
text is escaped with :func:`html.escape` before it is put into markup, so it renders
inert and verbatim.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable, Mapping

from claimtrail.analysis.reuse import Passage

# Removed words struck through on pink, added words underlined on green: told apart by
# the line as well as the colour, so also in grayscale.
_DIFF_STYLE = (
    "<style>table.copied-passages del{background:#fbd5d5;text-decoration:line-through}"
    "table.copied-passages ins{background:#d5f0d5;text-decoration:underline}"
    "table.copied-passages td{vertical-align:top}</style>"
)
_TOKEN = re.compile(r"\s+|\w+(?:['’]\w+)*|[^\w\s]")


def _normal(token: str) -> str:
    """A token as compared: curly quotes and apostrophes made straight, case folded."""
    return token.translate(str.maketrans("‘’“”–—…", "''\"\"--.")).casefold()


def word_diff(a: str, b: str) -> tuple[str, str]:
    """Both texts as escaped HTML with the words that differ marked ``<del>`` / ``<ins>``.

    Words are compared after straightening quotes and folding case, so a curly apostrophe
    against a straight one is not a difference; white space is kept as it is.
    """
    tokens_a, tokens_b = _TOKEN.findall(a), _TOKEN.findall(b)
    matcher = difflib.SequenceMatcher(
        None, [_normal(t) for t in tokens_a], [_normal(t) for t in tokens_b], autojunk=False
    )
    left, right = [], []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        chunk_a = html.escape("".join(tokens_a[a0:a1]))
        chunk_b = html.escape("".join(tokens_b[b0:b1]))
        if op == "equal":
            left.append(chunk_a)
            right.append(chunk_b)
        else:
            if chunk_a.strip():
                left.append(f"<del>{chunk_a}</del>")
            if chunk_b.strip():
                right.append(f"<ins>{chunk_b}</ins>")
    return "".join(left), "".join(right)


def passages_table(passages: Iterable[Passage], texts: Mapping[str, str]) -> str:
    """An HTML table of copied passages, the two raw texts side by side, differences marked."""
    rows = []
    for p in passages:
        left, right = word_diff(
            texts[p.doc_a][p.start_a : p.end_a], texts[p.doc_b][p.start_b : p.end_b]
        )
        rows.append(
            "<tr>"
            f"<td>{html.escape(p.doc_a)} {p.start_a}-{p.end_a}<br>{left}</td>"
            f"<td>{html.escape(p.doc_b)} {p.start_b}-{p.end_b}<br>{right}</td>"
            f"<td>{p.words}</td><td>{p.score:.3f}</td>"
            "</tr>"
        )
    header = "<tr><th>article a</th><th>article b</th><th>words</th><th>score</th></tr>"
    return (
        _DIFF_STYLE
        + '<table class="copied-passages"><thead>'
        + header
        + "</thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def escaped_text(text: str) -> str:
    """Raw article text as inert HTML: escaped, line breaks kept, in a ``<pre>`` block."""
    return f'<pre class="article-text">{html.escape(text)}</pre>'


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&])")


def markdown_escape(text: str) -> str:
    """Text made inert in Markdown/MyST: every character with a meaning is backslashed, so
    links, emphasis, roles and raw HTML in article text render verbatim."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


_BARE_URL = re.compile(r"(?<![<(\[])https?://[^\s<>\[\]]+?(?=[.,;:)]*(?:\s|$))")
_ARTICLE_SECTION = re.compile(r"^## (\d{3})\b", re.M)


def article_context_markdown(text: str) -> str:
    """``data/reference/article_context.md`` for the book: its title dropped (the page has
    its own), the articles' sections in id order and one level down (the page's own
    section holds them), every bare address a link.

    >>> print(article_context_markdown(
    ...     "# T\\nIntro.\\n## 001 b\\nSee http://a.example/x).\\n## 000 a\\nok"))
    Intro.
    ### 000 a
    ok
    ### 001 b
    See <http://a.example/x>).
    """
    body = text.split("\n", 1)[1] if text.startswith("# ") else text
    starts = [m.start() for m in _ARTICLE_SECTION.finditer(body)]
    preamble = body[: starts[0]] if starts else body
    ends = [*starts[1:], len(body)] if starts else []
    sections = [body[a:b].rstrip("\n") + "\n" for a, b in zip(starts, ends, strict=True)]
    ordered = preamble + "".join("#" + s for s in sorted(sections, key=lambda s: s[3:6]))
    ordered = ordered.rstrip("\n")
    return _BARE_URL.sub(lambda m: f"<{m.group(0)}>", ordered)


def rubric_html(rules: Iterable[Mapping[str, str]]) -> str:
    """The rubric's rules as anchored blocks (``#rule-s1``): the rule, its scale and what
    it does, the condition in words and its authorities; everything escaped."""
    blocks = []
    for rule in rules:
        anchor = f"rule-{rule['rule'].lower()}"
        effect = (
            f"sets {rule['scale']} {rule['result']}"
            if rule["kind"] == "base"
            else f"moves {rule['scale']} {rule['result']}"
        )
        blocks.append(
            f'<section class="ct-card" id="{html.escape(anchor)}">'
            f'<p class="ct-card-title"><a class="ct-self" href="#{html.escape(anchor)}">'
            f"{html.escape(rule['rule'])}</a> {html.escape(effect)}</p>"
            f"<p>{html.escape(rule['when'])}</p>"
            f"<p><em>Rests on:</em> {html.escape(rule['authorities'])}</p></section>"
        )
    return "".join(blocks)


_URL = re.compile(r"https?://[^\s<>\"')]+")


def references_html(entries: Mapping[str, str]) -> str:
    """A list of cited works, ``{short name: citation}``, escaped, with every address a
    link that may break anywhere (long addresses never widen the page)."""
    items = []
    for name, text in entries.items():
        parts, last = [], 0
        for match in _URL.finditer(text):
            parts.append(html.escape(text[last : match.start()]))
            url = html.escape(match.group(0))
            parts.append(f'<a class="ct-url" href="{url}">{url}</a>')
            last = match.end()
        parts.append(html.escape(text[last:]))
        items.append(f"<li><strong>{html.escape(name)}</strong>: {''.join(parts)}</li>")
    return f'<ul class="ct-refs">{"".join(items)}</ul>'
