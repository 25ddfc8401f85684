"""Sphinx extension: the site's root page, a redirect to the book's first page.

The book's first page lives in ``book/``, so the site root needs an ``index.html`` that
redirects there. The one sphinx-external-toc writes when none exists is a bare meta tag:
a browser showing it asks the server for ``/favicon.ico``, which does not exist (a 404
in the console). Naming the book's icon file does not help either: the redirect cuts its
request short. This writes a small page whose icon is empty and inline (no request at
all), with a link to the first page for browsers that do not follow the redirect. It is
written (again) at the end of every build, before sphinx-external-toc's handler, which
then leaves it.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any


def _write_root_page(app: Any, exception: Exception | None) -> None:
    """Write ``index.html`` at the root of an HTML build whose first page is elsewhere."""
    if exception is not None or app.builder.format != "html":
        return
    index = Path(app.outdir) / "index.html"
    if app.config.root_doc == "index":
        return
    target = html.escape(app.builder.get_target_uri(app.config.root_doc))
    title = html.escape(app.config.html_title or app.config.project)
    index.write_text(
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta http-equiv="Refresh" content="0; url={target}">'
        '<link rel="icon" href="data:,"></head>\n'
        f'<body><p><a href="{target}">{title}</a></p></body></html>\n',
        encoding="utf-8",
    )


def setup(app: Any) -> dict[str, Any]:
    """Run before sphinx-external-toc's own ``build-finished`` handler."""
    app.connect("build-finished", _write_root_page, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
