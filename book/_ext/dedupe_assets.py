"""Sphinx extension: drop inline scripts that every page would otherwise include twice.

Under jupyter-book 1.x, sphinx-thebe and sphinx-togglebutton each reach the page's
script list twice (once with the file name ``None``, once with ``""``), and the second
``const THEBE_JS_URL`` declaration raises a console error in the browser. Before each
page is rendered, this removes the repeats.
"""

from __future__ import annotations

from typing import Any


def _key(script: Any) -> tuple[str, str]:
    attributes = getattr(script, "attributes", None) or {}
    return (str(getattr(script, "filename", None) or ""), str(attributes.get("body") or ""))


def _dedupe(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    seen, kept = set(), []
    for script in scripts:
        if _key(script) not in seen:
            seen.add(_key(script))
            kept.append(script)
    scripts[:] = kept


def setup(app: Any) -> dict[str, Any]:
    """Run first among the page hooks: ``html-page-context`` stops at the first handler
    that returns a template, so a late one might never run."""
    app.connect("html-page-context", _dedupe, priority=1)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
