"""Claim cards and reference entries: anchored, escaped, citing the codebook."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from claimtrail.io.claims import load_claims
from claimtrail.io.corpus import load_corpus
from claimtrail.io.reference import load_reference
from claimtrail.publish.cards import claim_card, reference_card


def test_every_claim_card_has_its_anchor_and_marked_quote(repo_root: Path) -> None:
    corpus = load_corpus(repo_root).set_index("article_id")
    claims = load_claims(repo_root, corpus.reset_index())
    for claim in claims.to_dict("records"):
        text, outlet = corpus.loc[claim["article_id"], ["text", "outlet"]]
        card = claim_card(claim, text, outlet, extra=[("grade", "<b>B2</b>")])
        assert f'id="{claim["claim_id"]}"' in card
        assert "<mark>" in card and "NaN" not in card and "<NA>" not in card
        assert 'href="../book/codebook.html#rule-2-1"' in card
        assert card.endswith("<dt>grade</dt><dd><b>B2</b></dd></dl></section>")


def test_claim_card_escapes_article_text() -> None:
    text = "Intro <script>x()</script>\nThere are 10,000 <b>fighters</b>.\n"
    claim = {"claim_id": "C99", "article_id": "000", "start": 37, "end": 43, "quote": "10,000"}
    claim |= {"best": "10000", "qualifier": "none", "measure": "fighters", "notes": "<i>n</i>"}
    card = claim_card(claim, text, pd.NA)
    assert "<script>" not in card and "<b>fighters" not in card and "<i>n" not in card
    assert "<mark>10,000</mark> &lt;b&gt;fighters&lt;/b&gt;." in card
    assert "outlet unknown" in card


def test_reference_entry_lists_its_users_and_links_its_address(repo_root: Path) -> None:
    row = load_reference(repo_root).to_dict("records")[0]
    entry = reference_card(row, ["C05", "C09"])
    assert f'id="{row["ref_id"]}"' in entry
    assert f'href="{row["url"]}"' in entry
    assert "<dt>used by</dt><dd>C05 C09</dd>" in entry
    assert "no claim's coding cites it" in reference_card(row, [])
