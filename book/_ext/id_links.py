"""Sphinx extension: every plain mention of a claim (C01...) or reference figure (R01...)
in a page's text becomes a link to its anchor (the claim card or the reference entry).

Mentions inside code, headings, scripts and existing links are left alone, and only ids
that exist in the data are linked (:func:`claimtrail.publish.links.known_ids`); the site checks
flag any mention left unlinked. The rule itself is :func:`claimtrail.publish.links.link_ids`.
"""

from __future__ import annotations

from typing import Any

from claimtrail.io.corpus import book_root
from claimtrail.publish.links import ID_PAGES, known_ids, link_ids


def _load_ids(app: Any) -> None:
    app.env.claimtrail_ids = known_ids(book_root(app.srcdir))


def _link(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    body = context.get("body")
    if not body or doctree is None:
        return

    def href(identifier: str) -> str:
        page = ID_PAGES[identifier[0]]
        target = "" if page == pagename else app.builder.get_relative_uri(pagename, page)
        return f"{target}#{identifier}"

    context["body"] = link_ids(body, href, app.env.claimtrail_ids)


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _load_ids)
    app.connect("html-page-context", _link)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
