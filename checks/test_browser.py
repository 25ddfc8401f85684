"""Every page of the built book in headless Chromium: no console error, no broken image,
every figure present; a screenshot of each page is saved under book/_build/screenshots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import HTML, site_pages
from playwright.sync_api import sync_playwright

SCREENSHOTS = HTML.parent / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = site_pages()


@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium")
    assert executable, "Chromium is not installed (the Makefile's `browser` target installs it)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("page_path", PAGES, ids=[str(p.relative_to(HTML)) for p in PAGES])
def test_page_renders(browser, served_site: str, page_path: Path) -> None:
    relative = page_path.relative_to(HTML).as_posix()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "requestfailed",
        lambda r: (
            errors.append(f"failed request {r.url}") if r.url.startswith(served_site) else None
        ),
    )
    response = page.goto(f"{served_site}/{relative}", wait_until="networkidle")
    assert response is not None and response.ok, f"{relative}: HTTP {response and response.status}"
    broken = page.eval_on_selector_all(
        "img", "imgs => imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
    )
    empty_figures = page.eval_on_selector_all(
        "figure", "fs => fs.filter(f => !f.querySelector('img, svg')).length"
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / (relative.replace("/", "__") + ".png"), full_page=True)
    page.close()
    assert errors == [], f"{relative}: console errors {errors}"
    assert broken == [], f"{relative}: broken images {broken}"
    assert empty_figures == 0, f"{relative}: {empty_figures} figure(s) without an image"


def test_chapters_have_their_figures(built_site: Path) -> None:
    """The chapters that draw figures publish them with captions and real alt text."""
    import re

    for chapter in ("01_corpus", "02_estimates_over_time", "03_provenance", "04_extraction_check"):
        page = (built_site / "notebooks" / f"{chapter}.html").read_text(encoding="utf-8")
        figures = re.findall(r"<figure.*?</figure>", page, re.S)
        assert figures, f"{chapter}: no figure"
        for figure in figures:
            alt = re.search(r'<img[^>]*alt="([^"]*)"', figure)
            assert alt and len(alt.group(1)) > 40 and not alt.group(1).endswith(".png"), chapter
            assert "<figcaption" in figure, f"{chapter}: a figure without caption"
