"""Article text shown in the book is escaped: a hostile test article containing a script,
raw HTML and Markdown/MyST syntax renders inert and verbatim in a real browser."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from conftest import ROOT
from playwright.sync_api import sync_playwright
from test_browser import CHROMIUM_FLAGS

HOSTILE = (
    "Breaking <script>window.injected = true;</script> news <b>bold</b> "
    '<img src="x" onerror="window.injected = true"> [click here](http://evil.example) '
    "*stars* {ref}`nowhere` & co."
)


def _build_test_book(folder: Path) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    code = (
        "import pandas as pd\n"
        "from IPython.display import HTML, Markdown\n"
        "from claimtrail.publish.render import escaped_text, markdown_escape\n"
        f"text = {json.dumps(HOSTILE)}\n"
    )
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Escaping test"),
        nbformat.v4.new_code_cell(code + "HTML(escaped_text(text))"),
        nbformat.v4.new_code_cell(code + "Markdown(markdown_escape(text))"),
        nbformat.v4.new_code_cell(
            code + "pd.set_option('display.max_colwidth', None)\npd.DataFrame({'quote': [text]})"
        ),
    ]
    nbformat.write(notebook, folder / "article.ipynb")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: article\n", encoding="utf-8")
    config = (ROOT / "book" / "_config.yml").read_text(encoding="utf-8")
    config = config.replace("favicon: book/favicon.svg", "favicon: ''")
    (folder / "_config.yml").write_text(
        config.replace("only_build_toc_files: true", "only_build_toc_files: true\n"), "utf-8"
    )
    shutil.copytree(ROOT / "book" / "_ext", folder / "_ext")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    subprocess.run(
        [str(jupyter_book), "build", str(folder), "--warningiserror", "--keep-going"],
        check=True,
        capture_output=True,
    )
    return folder / "_build" / "html" / "article.html"


def test_article_text_renders_inert_and_verbatim(tmp_path: Path) -> None:
    page = _build_test_book(tmp_path)
    html = page.read_text(encoding="utf-8")
    for tag in ("<script>window.injected", '<img src="x"', "<b>bold"):
        assert tag not in html  # only ever present escaped, as text
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS
        )
        view = browser.new_page()
        view.goto(page.as_uri())
        injected = view.evaluate("() => window.injected === true")
        text = view.inner_text("main")
        links = view.eval_on_selector_all("main a", "as => as.map(a => a.href)")
        browser.close()
    assert not injected
    assert text.count(HOSTILE) == 3  # the pre block, the Markdown output, the table cell
    assert not [link for link in links if "evil.example" in link]
