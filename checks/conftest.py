"""Checks of the built book (run by `make site-check` after the book is built)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "book" / "_build" / "html"
SKIP_FOLDERS = {"_static", "_sources", "_downloads", "_images", "_sphinx_design_static"}


def site_pages() -> list[Path]:
    """Every HTML page of the built book, assets and the search/index pages excluded."""
    pages = []
    for page in sorted(HTML.rglob("*.html")):
        relative = page.relative_to(HTML)
        if relative.parts[0] in SKIP_FOLDERS or relative.name in {"genindex.html", "search.html"}:
            continue
        pages.append(page)
    return pages


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The built HTML folder; the checks fail (not skip) when the book was not built."""
    assert (HTML / "index.html").is_file(), f"{HTML} has no index.html: run `make book` first"
    return HTML


@pytest.fixture(scope="session")
def served_site(built_site: Path) -> Iterator[str]:
    """The built book served on a free loopback port; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that does not log every request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass
