"""Sphinx extension: the book's house style and apparatus on every page.

- the style sheet ``book/_static/claimtrail.css`` (tables, explorers, claim cards, print);
- a footer line with the version (``pyproject.toml``) and the source revision (the git
  commit, or a stamp of the sources without git), linking to how to cite, the licences
  and the corrections policy;
- ``book/_build/extra`` copied to the site root, so that files the notebooks write for
  download (``claimtrail.publish.downloads.DOWNLOADS``) are served beside the pages.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from claimtrail.io.corpus import book_root
from claimtrail.publish.apparatus import project_version, source_revision
from claimtrail.publish.downloads import EXTRA, downloads_folder

STATIC = Path("book") / "_static"


def _configure(app: Any, config: Any) -> None:
    root = book_root(app.srcdir)
    config.html_static_path.append(str(root / STATIC))
    downloads_folder(root).mkdir(parents=True, exist_ok=True)
    config.html_extra_path.append(str(root / EXTRA))
    version, revision = project_version(root), source_revision(root)
    about = "../book/about.html"
    config.html_theme_options["extra_footer"] = (
        '<p class="ct-stamp">'
        f"claimtrail {html.escape(version)} · source revision "
        f"<code>{html.escape(revision)}</code> · "
        f'<a href="{about}#cite-this-book">How to cite</a> · '
        f'<a href="{about}#licences">Licences</a> · '
        f'<a href="{about}#corrections">Corrections</a></p>'
    )


def setup(app: Any) -> dict[str, Any]:
    app.connect("config-inited", _configure)
    app.add_css_file("claimtrail.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
