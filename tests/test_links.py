"""Claim and reference ids as links, and the claims that use each reference figure."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from claimtrail.publish.links import backlinks, claim_mentions, known_ids, link_ids


def _href(identifier: str) -> str:
    return f"../x.html#{identifier}"


KNOWN = {"C01", "C05", "R18", "R23"}


def test_plain_mentions_become_links() -> None:
    out = link_ids("<p>C05 disagrees with R23 (and C01).</p>", _href, KNOWN)
    assert out == (
        '<p><a class="ct-id" href="../x.html#C05">C05</a> disagrees with '
        '<a class="ct-id" href="../x.html#R23">R23</a> (and '
        '<a class="ct-id" href="../x.html#C01">C01</a>).</p>'
    )


def test_code_headings_links_scripts_and_attributes_are_left_alone() -> None:
    markup = (
        '<h2 id="C05">C05 <span>C05</span></h2>'
        '<pre><span class="n">C05</span></pre>'
        "<code>R18</code>"
        '<a href="#R18">see R18</a>'
        '<script>var x = "C05 <b>";</script>'
        "<style>.C05{}</style>"
        "<!-- C05 -->"
        '<img alt="C05" src="C05.png"/>'
        '<td title="R18">R18</td>'
    )
    out = link_ids(markup, _href, KNOWN)
    assert out.count('class="ct-id"') == 1
    assert out.endswith('<td title="R18"><a class="ct-id" href="../x.html#R18">R18</a></td>')


def test_unknown_ids_and_near_misses_stay_plain() -> None:
    markup = "<p>C99, C5 (a rubric rule), B4, XC05, C055, R18x</p>"
    assert link_ids(markup, _href, KNOWN) == markup


def test_text_after_a_closed_excluded_element_is_linked() -> None:
    out = link_ids("<p><code>C01</code> then C01</p>", _href, KNOWN)
    assert out == '<p><code>C01</code> then <a class="ct-id" href="../x.html#C01">C01</a></p>'


def test_backlinks_from_claims_csv_mentions(repo_root: Path) -> None:
    claims = pd.read_csv(repo_root / "data" / "claims.csv", dtype=str)
    pairs = claim_mentions(claims, ["notes", "as_of_evidence", "related_claims"])
    links = backlinks(pairs)
    assert links and all(r.startswith("R") for r in links)
    assert all(c.startswith("C") for users in links.values() for c in users)
    assert set(links) <= known_ids(repo_root)


def test_known_ids_are_every_claim_and_reference(repo_root: Path) -> None:
    ids = known_ids(repo_root)
    assert {"C01", "R01"} <= ids
    assert all(i[0] in "CR" for i in ids)
