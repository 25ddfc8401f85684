"""Copied passages: constructed pairs, a generated corpus, and the five corpus articles."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrail.analysis.reuse import (
    align_pair,
    candidate_pairs,
    find_copied_passages,
    normalise,
    reuse_summary,
    tokenise,
)

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"

COPIED = (
    "Chechen leader Ramzan Kadyrov said the fighters were naive people who decided "
    "to threaten Chechnya and all of Russia with two aircraft"
)
ARTICLE_A = (
    "Officials in Moscow reacted on Wednesday to a video released by the militants. "
    f"{COPIED}. The ministry urged China and Western countries to join forces against them."
)
ARTICLE_B = (
    "A regional leader dismissed the threat in a post on social media late on Tuesday.\n\n"
    f"{COPIED}. Analysts in Grozny expect security in the mountains to be tightened."
)

QUOTE_A = (
    '"This message is for you, Vladimir Putin! These are the aircraft you sent to Bashar, '
    "and we're going to send them to you. Remember that!\""
)
QUOTE_B = (
    "\u201cThis message is for you, Vladimir Putin! These are the planes you sent to Bashar "
    "[Assad], and we\u2019re going to send them to you. Remember that!\u201d"
)
EDITED_A = f"The video shows a fighter seated in a military jet, saying: {QUOTE_A} It ends there."
EDITED_B = f"In the footage, a masked man in a cockpit declares {QUOTE_B}\n\nNo date was given."

PARAPHRASE_A = (
    "Daesh called on its members to carry out jihad in Russia in a nine-minute video posted on "
    "YouTube on Sunday. It was not possible to independently verify the video, but the link was "
    "published on a Telegram account used by the militant group, Reuters said."
)
PARAPHRASE_B = (
    "A newly released nine-minute video attributed to Daesh urged militants to stage attacks in "
    "Russia. While its authenticity could not be confirmed, Reuters reported that the video is "
    "thought to have come from the terrorist group's Telegram account."
)

FOOTER = (
    "Share this article on Facebook and Twitter and sign up for our daily newsletter "
    "to get the latest news"
)


def _generated_corpus(seed: int = 7) -> tuple[dict[str, str], str]:
    """30 unrelated documents of random pseudo-words, and 30 words doc21 copies from doc07."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "qu", "de"]
    vocabulary = sorted({"".join(rng.choices(syllables, k=3)) for _ in range(600)})
    docs = {f"doc{i:02d}": " ".join(rng.choices(vocabulary, k=120)) for i in range(30)}
    copied = " ".join(docs["doc07"].split()[40:70])
    words_21 = docs["doc21"].split()
    docs["doc21"] = " ".join([*words_21[:60], copied, *words_21[60:]])
    return docs, copied


def test_normalise_unifies_quotes_dashes_ellipses_and_space() -> None:
    assert normalise("\u201cWe\u2019re  here\u201d \u2014 now\u2026\n") == '"we\'re here" - now...'
    assert [w for w, _, _ in tokenise("We\u2019re here")] == ["we're", "here"]


def test_tokenise_keeps_raw_offsets() -> None:
    text = "  \u201cWe\u2019re\u201d HERE"
    assert [(w, text[s:e]) for w, s, e in tokenise(text)] == [
        ("we're", "We\u2019re"),
        ("here", "HERE"),
    ]


def test_verbatim_copy_found_with_exact_offsets() -> None:
    [passage] = align_pair("a", ARTICLE_A, "b", ARTICLE_B)
    assert ARTICLE_A[passage.start_a : passage.end_a] == COPIED
    assert ARTICLE_B[passage.start_b : passage.end_b] == COPIED
    assert passage.words == len(COPIED.split())
    assert passage.score == 1.0


def test_find_copied_passages_orders_pair_by_id() -> None:
    [passage] = find_copied_passages({"z": ARTICLE_A, "m": ARTICLE_B})
    assert (passage.doc_a, passage.doc_b) == ("m", "z")
    assert ARTICLE_B[passage.start_a : passage.end_a] == COPIED
    assert ARTICLE_A[passage.start_b : passage.end_b] == COPIED


def test_lightly_edited_quote_is_one_passage_spanning_the_edits() -> None:
    [passage] = align_pair("a", EDITED_A, "b", EDITED_B)
    assert EDITED_A[passage.start_a : passage.end_a] == QUOTE_A[1:-2]
    assert EDITED_B[passage.start_b : passage.end_b] == QUOTE_B[1:-2]
    assert "[Assad]" in EDITED_B[passage.start_b : passage.end_b]
    assert 0.85 < passage.score < 1.0


def test_without_gap_bridging_the_edited_quote_falls_apart() -> None:
    passages = align_pair("a", EDITED_A, "b", EDITED_B, max_gap=0)
    assert len(passages) == 2
    assert all(p.words == 10 for p in passages)


def test_paraphrase_is_not_copying() -> None:
    shared = {w for w, _, _ in tokenise(PARAPHRASE_A)} & {w for w, _, _ in tokenise(PARAPHRASE_B)}
    assert len(shared) >= 10  # same facts, many of the same words...
    assert align_pair("a", PARAPHRASE_A, "b", PARAPHRASE_B) == []  # ...but no copied passage
    assert find_copied_passages({"a": PARAPHRASE_A, "b": PARAPHRASE_B}) == []


def test_unrelated_texts_share_nothing() -> None:
    docs = {
        "weather": "Heavy rain is expected across the north of the country on Friday, with "
        "flooding possible in low-lying valleys and strong winds along the coast.",
        "football": "The home side scored twice in the second half to win the cup final in "
        "front of a record crowd, their first trophy in eleven years.",
    }
    assert candidate_pairs(docs) == []
    assert find_copied_passages(docs) == []
    assert align_pair("weather", docs["weather"], "football", docs["football"]) == []


def test_footer_outside_body_spans_is_not_reuse() -> None:
    body_a = "Rebels shelled the airport overnight, a local governor said on Monday morning."
    body_b = "The central bank left its key interest rate unchanged after a two-day meeting."
    docs = {"a": f"{body_a}\n\n{FOOTER}", "b": f"{body_b}\n\n{FOOTER}\n"}
    spans = {"a": [(0, len(body_a))], "b": [(0, len(body_b))]}
    assert find_copied_passages(docs, body_spans=spans) == []
    [footer] = find_copied_passages(docs)  # without the masks the footer is found
    assert docs["a"][footer.start_a : footer.end_a] == FOOTER


def test_short_stock_phrases_are_not_reported() -> None:
    text_a = (
        "President Vladimir Putin met officials as the Islamic State gained ground, "
        "according to the Syrian Observatory for Human Rights in London."
    )
    text_b = (
        "Fighters of the Islamic State threatened President Vladimir Putin in a video; "
        "the Syrian Observatory for Human Rights counted new casualties."
    )
    assert align_pair("a", text_a, "b", text_b) == []
    [phrase] = align_pair("a", text_a, "b", text_b, min_words=6)
    assert text_a[phrase.start_a : phrase.end_a] == "the Syrian Observatory for Human Rights"


def test_many_documents_only_the_copying_pair() -> None:
    docs, copied = _generated_corpus()
    assert candidate_pairs(docs) == [("doc07", "doc21")]
    [passage] = find_copied_passages(docs)
    assert (passage.doc_a, passage.doc_b) == ("doc07", "doc21")
    assert docs["doc07"][passage.start_a : passage.end_a] == copied
    assert docs["doc21"][passage.start_b : passage.end_b] == copied


def test_footer_repeated_across_many_documents_is_boilerplate() -> None:
    docs = {doc_id: f"{text}\n\n{FOOTER}" for doc_id, text in _generated_corpus()[0].items()}
    passages = find_copied_passages(docs)
    assert {(p.doc_a, p.doc_b) for p in passages} == {("doc07", "doc21")}
    unfiltered = find_copied_passages(docs, boilerplate_share=1.0)
    assert len({(p.doc_a, p.doc_b) for p in unfiltered}) == 30 * 29 // 2


def test_results_are_deterministic_across_processes() -> None:
    docs, _ = _generated_corpus(seed=11)
    first = [dataclasses.asdict(p) for p in find_copied_passages(docs)]
    assert first == [dataclasses.asdict(p) for p in find_copied_passages(docs)]
    script = (
        "import dataclasses, json, sys\n"
        "from claimtrail.analysis.reuse import find_copied_passages\n"
        "docs = json.load(sys.stdin)\n"
        "print(json.dumps([dataclasses.asdict(p) for p in find_copied_passages(docs)]))\n"
    )
    for hash_seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(docs),
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        assert json.loads(result.stdout) == first
    assert first  # the copied passage is there to compare


def test_reuse_summary_counts_copied_words_and_shares() -> None:
    docs = {"a": ARTICLE_A, "b": ARTICLE_B}
    [row] = reuse_summary(find_copied_passages(docs), docs)
    copied_words = len(COPIED.split())
    assert row == {
        "doc_a": "a",
        "doc_b": "b",
        "passages": 1,
        "copied_words": copied_words,
        "share_of_a": copied_words / len(tokenise(ARTICLE_A)),
        "share_of_b": copied_words / len(tokenise(ARTICLE_B)),
    }


def _read_corpus() -> dict[str, str]:
    """The five corpus articles, keyed by their three-digit prefix."""
    texts = {}
    for path in sorted(RAW.glob("*.txt")):
        with open(path, encoding="utf-8") as handle:
            texts[path.name[:3]] = handle.read()
    return texts


def test_corpus_003_copies_quotes_from_004_and_000_001_share_nothing() -> None:
    docs = _read_corpus()
    assert sorted(docs) == ["000", "001", "002", "003", "004"]
    passages = find_copied_passages(docs)
    assert {(p.doc_a, p.doc_b) for p in passages} == {("003", "004")}
    assert len(passages) >= 2
    quotes_003 = [docs["003"][p.start_a : p.end_a] for p in passages]
    quotes_004 = [docs["004"][p.start_b : p.end_b] for p in passages]
    putin = "This message is for you, Vladimir Putin"
    assert any(putin in q3 and putin in q4 for q3, q4 in zip(quotes_003, quotes_004, strict=True))
    assert any("I declare, with all responsibility" in q for q in quotes_003)
    assert any("We will with the consent of Allah free Chechnya" in q for q in quotes_003)
    assert align_pair("000", docs["000"], "001", docs["001"]) == []


@pytest.mark.parametrize("copies", [2, 9, 10, 11, 25])
def test_copies_of_a_text_are_found_however_many(copies: int) -> None:
    text = " ".join(_generated_corpus()[0].values())[:3000]
    docs = {f"copy{i:02d}": text for i in range(copies)}
    pairs = {(p.doc_a, p.doc_b) for p in find_copied_passages(docs)}
    assert len(pairs) == copies * (copies - 1) // 2
