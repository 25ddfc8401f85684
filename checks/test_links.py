"""Every internal link and anchor of the built book resolves (offline); external links are
listed in book/_build/external-links.txt, not fetched."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from conftest import HTML, site_pages


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.icon = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.icon = self.icon or (tag == "link" and values.get("rel") == "icon")
        for key in ("id", "name"):
            if values.get(key):
                self.ids.add(values[key])
        for key in ("href", "src"):
            if values.get(key) and not (tag == "link" and values.get("rel") == "preconnect"):
                self.links.append(values[key])


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def test_internal_links_and_anchors_resolve(built_site: Path) -> None:
    parsed: dict[Path, _Collector] = {}
    broken, external = [], set()
    for page in site_pages():
        parsed.setdefault(page, _parse(page))
        for link in parsed[page].links:
            url = urlparse(link)
            if url.scheme in ("http", "https", "mailto"):
                external.add(link)
                continue
            if url.scheme or link.startswith(("javascript:", "data:")):
                continue
            target_path, anchor = url.path, url.fragment
            target = (page.parent / unquote(target_path)).resolve() if target_path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(HTML)}: {link} (no file)")
                continue
            if anchor and target.suffix == ".html":
                ids = parsed.setdefault(target, _parse(target)).ids
                if unquote(anchor) not in ids:
                    broken.append(f"{page.relative_to(HTML)}: {link} (no anchor)")
    report = HTML.parent / "external-links.txt"
    report.write_text("".join(f"{link}\n" for link in sorted(external)), encoding="utf-8")
    assert broken == [], "\n".join(broken)


def test_every_page_names_its_icon(built_site: Path) -> None:
    """A page without an icon link makes the browser ask for /favicon.ico, which the site
    does not serve (a 404 in the console)."""
    missing = [str(page.relative_to(HTML)) for page in site_pages() if not _parse(page).icon]
    assert missing == [], missing
