"""The book as a publication, page by page, in headless Chromium at a phone's width
(390 px) and a laptop's (1366 px):

- no page scrolls sideways;
- no table cell reads NaN, <NA> or None, and no cell of a generated table (house tables,
  explorers, pandas output) ends in a truncation mark (hand-written tables, such as the
  data dictionary's examples, may elide on purpose);
- every image is shown at no less than 80% of its natural width (at 1366 px);
- every claim (C..) or reference (R..) id in the text links to an anchor that exists;
- no chapter shows code by default.

Every page is checked. Pages still to be converted to this standard are listed in
PENDING_CONVERSION: their check is expected to fail, and fails the run once the page
passes, so that the list is emptied as pages are converted and cannot go stale.
A screenshot of each page at each width is saved under book/_build/screenshots.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import HTML, site_pages
from test_browser import SCREENSHOTS, browser  # noqa: F401 (the browser fixture)
from test_links import _parse

# Pages not yet converted to the publication standard (issue 13). Remove a page from
# this list when it is converted: the check then holds it to the standard.
PENDING_CONVERSION: set[str] = set()
WIDTHS = (390, 1366)
MIN_IMAGE_SCALE = 0.8
PAGES = [p.relative_to(HTML).as_posix() for p in site_pages() if p.name != "index.html"]

# Runs in the page: everything the checks need, measured on the rendered page.
MEASURE = r"""
() => {
  // Shown to the reader: laid out, and not inside a closed <details> (a hidden cell).
  const rendered = el =>
    el && el.getClientRects().length > 0 && !el.closest("details:not([open])");
  const article = document.querySelector("article.bd-article") || document.body;
  const idPattern = /\b[CR]\d{2,}\b/g;
  const skip = "a, pre, code, kbd, samp, script, style, textarea, title, button, svg, " +
               "h1, h2, h3, h4, h5, h6";
  const unlinked = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skip) || !rendered(parent)) continue;
    for (const match of node.textContent.matchAll(idPattern)) {
      unlinked.push(`${match[0]} in "${node.textContent.trim().slice(0, 80)}"`);
    }
  }
  const idLinks = [...article.querySelectorAll("a")]
    .filter(a => rendered(a) && /^[CR]\d{2,}$/.test(a.textContent.trim()))
    .map(a => [a.textContent.trim(), a.href]);
  const generated = "table.ct-table, table.dataTable, table.dataframe";
  const badCells = [...article.querySelectorAll("td, th")]
    .filter(rendered)
    .filter(c => /^(NaN|nan|<NA>|None|NaT)$/.test(c.innerText.trim()) ||
                 (c.closest(generated) && /(\u2026|\.\.\.)$/.test(c.innerText.trim())))
    .map(c => c.innerText.trim());
  const images = [...article.querySelectorAll("img")]
    .filter(i => rendered(i) && i.naturalWidth >= 50)
    .map(i => [i.getAttribute("src"), i.getBoundingClientRect().width, i.naturalWidth]);
  const code = [...article.querySelectorAll("div.cell_input")].filter(rendered).length;
  const root = document.documentElement;
  return {
    overflow: root.scrollWidth - root.clientWidth,
    unlinked, idLinks, badCells, images, code,
  };
}
"""


def _anchor_exists(href: str, base: str) -> bool:
    """Whether the page ``href`` points to (under ``base``) has the id it names."""
    url = urlparse(href)
    if not href.startswith(base) or not url.fragment:
        return False
    target = HTML / unquote(url.path).lstrip("/")
    return target.is_file() and unquote(url.fragment) in _parse(target).ids


def _problems(browser, served_site: str, relative: str) -> list[str]:  # noqa: F811
    problems: list[str] = []
    for width in WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(f"{served_site}/{relative}", wait_until="networkidle")
        page.wait_for_timeout(200)
        found = page.evaluate(MEASURE)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = relative.replace("/", "__").removesuffix(".html") + f"-{width}.png"
        page.screenshot(path=SCREENSHOTS / shot, full_page=True)
        page.close()
        where = f"{relative} at {width} px"
        if found["overflow"] > 1:
            problems.append(f"{where}: the page scrolls sideways by {found['overflow']} px")
        problems += [f"{where}: table cell reads {t!r}" for t in found["badCells"]]
        problems += [f"{where}: unlinked id {m}" for m in found["unlinked"]]
        problems += [
            f"{where}: {text} links to {href}, which has no such anchor"
            for text, href in found["idLinks"]
            if not href.endswith(f"#{text}") or not _anchor_exists(href, served_site)
        ]
        if width == max(WIDTHS):
            problems += [
                f"{where}: image {src} shown at {shown:.0f} of its {natural} px"
                for src, shown, natural in found["images"]
                if shown < MIN_IMAGE_SCALE * natural
            ]
        if relative.startswith("notebooks/") and found["code"]:
            problems.append(f"{where}: {found['code']} code cell(s) shown by default")
    return problems


def _marks(relative: str) -> list[pytest.MarkDecorator]:
    if relative in PENDING_CONVERSION:
        return [pytest.mark.xfail(strict=True, reason="pending conversion (issue 13)")]
    return []


@pytest.mark.parametrize("relative", [pytest.param(p, id=p, marks=_marks(p)) for p in PAGES])
def test_page_meets_the_publication_standard(
    browser,  # noqa: F811
    served_site: str,
    relative: str,
) -> None:
    problems = _problems(browser, served_site, relative)
    assert problems == [], "\n".join(problems)


def test_pending_list_names_existing_pages(built_site: Path) -> None:
    """A page on the pending list that the book no longer has is a stale entry."""
    missing = sorted(p for p in PENDING_CONVERSION if not (built_site / p).is_file())
    assert missing == [], f"pending pages that do not exist: {missing}"
