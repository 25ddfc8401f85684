"""Speaker, role and relay chain: against the hand coding and on constructed wire copy."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pandas as pd
import pytest

from claimtrail.extraction.evaluation import agreement_rows, compare_with_coding
from claimtrail.io import claims as claims_table
from claimtrail.io.claims import load_claims
from claimtrail.io.corpus import load_corpus
from claimtrail.text import attribution
from claimtrail.text.attribution import Attribution, attribute, speaker_and_chain
from claimtrail.text.names import SPEAKER_ROLES, name_key
from claimtrail.text.numbers import find_numbers, fold_case
from claimtrail.text.relays import RELAY_KINDS, find_relays

ROOT = Path(__file__).resolve().parents[1]


def _value(cell: object) -> str | None:
    return None if pd.isna(cell) else str(cell)


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return load_corpus(ROOT)


@pytest.fixture(scope="module")
def coding(corpus: pd.DataFrame) -> list[tuple[str, str, tuple[str | None, str, str], Attribution]]:
    """(claim id, text, coded (speaker, role, chain), detected) for every claim."""
    articles = corpus.set_index("article_id")
    rows = []
    for claim in load_claims(ROOT, corpus).itertuples(index=False):
        article = articles.loc[claim.article_id]
        found = attribute(
            article.text,
            int(claim.start),
            int(claim.end),
            outlet=article.outlet,
            republished_from=_value(article.republished_from),
        )
        coded = (_value(claim.speaker), claim.speaker_role, claim.chain)
        rows.append((claim.claim_id, article.text, coded, found))
    return rows


def test_roles_are_those_of_the_claims_schema() -> None:
    assert SPEAKER_ROLES == claims_table.SPEAKER_ROLES


def test_agreement_with_the_hand_coding(coding) -> None:
    coded = [row[2] for row in coding]
    found = [row[3] for row in coding]
    agreement = compare_with_coding(coded, found)
    disagreements = [
        (claim_id, coded_, (f.speaker, f.speaker_role, " > ".join(f.chain)))
        for (claim_id, _, coded_, f), ok in zip(coding, agreement_rows(coded, found), strict=True)
        if not all(ok.values())
    ]
    assert agreement["n"] == 17
    assert disagreements == []
    assert agreement == {"speaker": 1.0, "role": 1.0, "chain": 1.0, "n": 17.0}


def test_speaker_names_are_as_the_text_gives_them(coding) -> None:
    found = {claim_id: f for claim_id, _, _, f in coding}
    # Article 003 writes "Sergei": the name is the text's; the comparison key folds it.
    assert found["C12"].speaker == "Sergei Smirnov"
    assert name_key("Sergei Smirnov") == name_key("Sergey Smirnov")
    assert found["C02"].speaker == "Vladimir Putin"  # the text says "Putin said"
    assert found["C13"].speaker == "Putin's envoy"  # "President Vladimir Putin’s envoy"


def test_evidence_quotes_the_raw_text(coding) -> None:
    for claim_id, text, _, found in coding:
        assert all(text[s:e] == words for s, e, words in found.evidence), claim_id
        if found.speaker is not None:
            assert found.evidence, claim_id


def test_evidence_shows_how_a_description_was_resolved(coding) -> None:
    found = {claim_id: f for claim_id, _, _, f in coding}
    words = [w for _, _, w in found["C05"].evidence]
    assert "stated the diplomat" in words
    assert any(w.startswith("Zamir Kabulov, head of") for w in words)
    c10 = [w for _, _, w in found["C10"].evidence]
    assert "the Russian general said" in c10 and "told reporters" in c10


def test_find_relays_in_the_corpus(corpus: pd.DataFrame) -> None:
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    relays = {
        aid: {(agent, kind) for _, _, agent, kind in find_relays(t)} for aid, t in texts.items()
    }
    assert {("Reuters", "agency"), ("YouTube", "social media")} <= relays["000"]
    assert {("TASS", "agency"), ("Vestnik Kavkaza", "outlet")} <= relays["000"]
    assert {("Alahednews", "republication"), ("Telegram", "social media")} <= relays["001"]
    assert relays["002"] == {("reporters", "reporters")}
    assert {("Al Arabiya", "outlet"), ("Instagram", "social media")} <= relays["004"]
    for aid, text in texts.items():
        for start, end, agent, kind in find_relays(text):
            assert kind in RELAY_KINDS
            assert name_key(agent) in name_key(text[start:end]), (aid, agent)


# (text, claim, speaker, role, chain without the outlet "Wire")
WIRE = [
    ("At least 13 people were killed, police said.", "13 people", "police", "official",
     ("police",)),
    ("The death toll rose to 120, the health ministry told AFP.", "120", "health ministry",
     "official", ("health ministry", "AFP")),
    ("According to the Syrian Observatory for Human Rights, 40 fighters died.", "40 fighters",
     "Syrian Observatory for Human Rights", "NGO", ("Syrian Observatory for Human Rights",)),
    ("Reuters reported that some 400 were injured, citing hospital officials.", "some 400",
     "hospital officials", "official", ("hospital officials", "Reuters")),
    ("Islamic State fighters seized the town last week. The group said on Telegram that it had "
     "3,000 fighters.", "3,000 fighters", "Islamic State", "militant group",
     ("Islamic State", "Telegram")),
    ("Abu Omar, an Islamic State commander, said the group held the city. 'We have 5,000 men,' "
     "the commander said in an interview with Al Jazeera.", "5,000 men", "Abu Omar",
     "militant group", ("Abu Omar", "Al Jazeera")),
    ("Reuters said the video was new. Two soldiers were killed in the blast on Monday.",
     "Two soldiers", None, "unattributed", ()),
    ("Health Minister John Smith visited the hospital on Monday. He said 40 people had died.",
     "40 people", "John Smith", "official", ("John Smith",)),
    ("Defence Minister John Smith spoke on Monday. Later, Smith estimated that 300 fighters "
     "had been killed.", "300 fighters", "John Smith", "official", ("John Smith",)),
    ("General Ahmad Zia told reporters that the threat was growing. Officials in Kabul have "
     "estimated the number of fighters at about 500, the Afghan general said.", "about 500",
     "officials in Kabul", "official", ("officials in Kabul", "Ahmad Zia", "reporters")),
    ("The ministry said 15 were wounded, TASS reported.", "15", "ministry", "official",
     ("ministry", "TASS")),
    ("Interfax cited a police source as saying that 12 people were detained.", "12 people",
     "police source", "official", ("police source", "Interfax")),
    ('"At least 200 fighters have returned," said Interior Minister Ivan Petrov.',
     "200 fighters", "Ivan Petrov", "official", ("Ivan Petrov",)),
    ("John Doe, a spokesman for the Red Cross, said 30 bodies had been recovered.", "30 bodies",
     "John Doe", "NGO", ("John Doe",)),
    ("Governor Anna Lee wrote on Twitter that 9 people had died.", "9 people", "Anna Lee",
     "official", ("Anna Lee", "Twitter")),
    ("At least 20 militants were killed, according to the army.", "20 militants", "army",
     "official", ("army",)),
    ("Police said 10 people died, while rebels said 25 of their fighters were killed.",
     "25 of their fighters", "rebels", "militant group", ("rebels",)),
    ("Police said 10 people died, while rebels said 25 of their fighters were killed.",
     "10 people", "police", "official", ("police",)),
    ("Police said 10 people died, while 20 were injured.", "20 were injured", "police",
     "official", ("police",)),
    ("Ten people died, but police said the toll would rise to 50.", "Ten people", None,
     "unattributed", ()),
    ("The army said 30 soldiers died. Another 12 civilians were killed in the city.",
     "12 civilians", None, "unattributed", ()),
    ("Amnesty International published a report on Tuesday. It said 300 prisoners had died.",
     "300 prisoners", "Amnesty International", "NGO", ("Amnesty International",)),
    ('General John Smith said on Monday:\n"We lost 40 men in the battle."', "40 men",
     "John Smith", "official", ("John Smith",)),
    ('Colonel Ivan Popov met the press. "We lost 40 men. The enemy lost 90." He said this on '
     "Monday.", "90", "Ivan Popov", "official", ("Ivan Popov",)),
    ("President Jane Roe visited the camp. In an interview with the BBC, she said 2,000 people "
     "had fled.", "2,000 people", "Jane Roe", "official", ("Jane Roe", "BBC")),
    ('Mayor Oleg Ivanov visited the site. "We counted 60 bodies," the mayor said, cited by RIA '
     "Novosti.", "60 bodies", "Oleg Ivanov", "official", ("Oleg Ivanov", "RIA Novosti")),
    ("Hospital officials told the Associated Press that 14 were hurt.", "14",
     "Hospital officials", "official", ("Hospital officials", "AP")),
    ("The stated goals were met and 40 targets were hit.", "40 targets", None, "unattributed",
     ()),
    ("A bomb killed 80 people in the market. The attack was claimed by Daesh.", "80 people",
     None, "unattributed", ()),
]  # fmt: skip


@pytest.mark.parametrize(("text", "claim", "speaker", "role", "chain"), WIRE)
def test_wire_copy(text: str, claim: str, speaker: str | None, role: str, chain) -> None:
    start = text.index(claim)
    found = attribute(text, start, start + len(claim), outlet="Wire")
    assert (found.speaker, found.speaker_role, found.chain) == (speaker, role, (*chain, "Wire"))


def test_republication_notice_in_the_text() -> None:
    text = "Some 40 people died, the ministry said.\n\nThis originally appeared at Example News."
    found = attribute(text, 0, 14, outlet="Mirror Site")
    assert found.chain == ("ministry", "Example News", "Mirror Site")
    assert (text.index("Example News"), len(text) - 1, "Example News") in found.evidence
    assert find_relays(text) == [(text.index("Example News"), len(text) - 1, "Example News",
                                  "republication")]  # fmt: skip


def test_republished_from_as_in_the_article_list() -> None:
    text = "At least 13 people were killed, police said."
    found = attribute(text, 9, 18, outlet="Global Research", republished_from="Alahednews, 1 May")
    assert found.chain == ("police", "Alahednews", "Global Research")
    bare = attribute(text, 9, 18)
    assert bare.chain == ("police",)
    assert attribute(text, 9, 18, outlet="Wire", republished_from=None).chain == ("police", "Wire")


def test_compare_with_coding_counts_each_field() -> None:
    detected = [
        Attribution("Sergei Smirnov", "official", ("Sergei Smirnov", "X"), ()),
        Attribution(None, "unattributed", ("X",), ()),
    ]
    coded = [("Sergey Smirnov", "official", "Sergey Smirnov > X"), ("police", "official", "X")]
    assert compare_with_coding(coded, detected) == {
        "speaker": 0.5,
        "role": 0.5,
        "chain": 1.0,
        "n": 2.0,
    }


def test_name_key_folds_case_apostrophes_and_transliteration() -> None:
    assert name_key("Putin’s Envoy") == name_key("putin's envoy")
    assert name_key("Yurii Ivanov") == name_key("Yuriy Ivanov")
    assert name_key("Sergey Smirnov") != name_key("Sergey Shoigu")
    assert name_key(None) == ""


def test_many_claims_in_a_long_text_cost_little() -> None:
    """Per-text work is done once: attributing every claim of a long text stays linear
    (a scan of the whole text per claim would take minutes here)."""
    block = "Health Minister John Smith spoke. He said 40 people had died.\n\n"
    text = block * 3000
    offset = block.index("40 people")
    began = time.perf_counter()
    found = [attribute(text, i + offset, i + offset + 9) for i in range(0, len(text), len(block))]
    assert time.perf_counter() - began < 10
    assert len(found) == 3000
    assert {f.speaker for f in found} == {"John Smith"}


def test_empty_text_is_unattributed() -> None:
    assert attribute("", 0, 0, outlet="Wire") == Attribution(None, "unattributed", ("Wire",), ())


def test_speaker_and_chain_agree_with_attribute(corpus: pd.DataFrame) -> None:
    """Reading a text only as far as each claim needs gives the speakers and chains that
    attribute gives after reading all of it; attribute is unchanged by the partial read."""
    bases = [*corpus["text"], *(text for text, *_ in WIRE)]
    for base in bases:
        eager, lazy = f"{base}\n\nCopy one.", f"{base}\n\nCopy two."  # new to the caches
        spans = [(e.start, e.end) for e in find_numbers(base)]
        full = [attribute(eager, s, e, outlet="Wire") for s, e in reversed(spans)][::-1]
        quick = [speaker_and_chain(lazy, s, e, outlet="Wire") for s, e in spans]
        assert quick == [(f.speaker, f.chain) for f in full], base[:60]
        assert [attribute(lazy, s, e, outlet="Wire") for s, e in spans] == full, base[:60]


def test_role_draws_on_descriptions_after_the_claim() -> None:
    text = "John Smith said 40 people died.\n\nJohn Smith, a rebel commander, said more would."
    claim = (text.index("40 people"), text.index("40 people") + 9)
    assert speaker_and_chain(text, *claim) == ("John Smith", ("John Smith",))  # reads 1 sentence
    assert attribute(text, *claim).speaker_role == "militant group"  # described later


VERB_TEXTS = [
    "said the minister. Police said 13 died, he says; ésaid, unsaid, Said: 'told' (added)",
    "told reporters\nsaid\u00a0later,“said”—estimated",
    "The envoy saidx and resaid nothing; stated.",
    "İsaid and Ksaid ſaid; 😀said “said” 3said _said",
]


@pytest.mark.parametrize("text", VERB_TEXTS)
def test_reporting_verbs_are_found_where_the_verb_pattern_finds_them(text: str) -> None:
    """Verbs are found after a break character, a faster scan than the pattern's \\b: the
    same matches for every part of the text, wherever the part starts."""
    analysis = attribution._Analysis(text)
    for start in range(len(text)):
        for end in (start + 9, start + 30, len(text)):
            found = [m.span() for m in attribution._Sentence(analysis, start, end)._verbs()]
            expected = [m.span() for m in attribution._VERB.finditer(text, start, end)]
            assert found == expected, (start, end)


TITLED_TEXTS = [
    "Gen. Smirnov said. Lt. Col. Ivan Petrov and Mr. Brown; President Putin's aide, Dr.Who",
    "gen. smirnov, GEN. SMIRNOV, x.Gen. Smirnov, éGen. Smirnov, İGen. Smirnov, “Mr. Ali”",
    "Presidents Obama and Bush met Sheikh Ahmed and Prince Ali-Khan of Emir Town.",
    "Mr.\nSmith, Mrs.  Jones, Ms.\u00a0Lee and Prof. Dr. Karl Ober",
]


@pytest.mark.parametrize("text", TITLED_TEXTS)
def test_titled_mentions_are_those_the_titled_pattern_finds(text: str) -> None:
    """Titles are looked for in the text's shape, then read with the pattern: the same
    matches as the pattern's own scan of the text."""
    found = [m.span() for m in attribution._titled_mentions(text)]
    assert found == [m.span() for m in attribution._TITLED.finditer(text)]
    assert found  # each text has some


def test_the_words_that_unmake_a_verb_are_found_in_any_case() -> None:
    """The determiners and auxiliaries before a verb form that is no verb ("The Estimates",
    "WAS reported") are searched in the folded text, where they are found in any case."""
    pattern = attribution._NOT_A_VERB_AFTER
    ignoring_case = re.compile(pattern.pattern, re.IGNORECASE)
    found = []
    for before in ("said THE ", "It WAS ", "the ministry’S ", "Police ", "İTS ", "BEEN\n"):
        found.append(bool(pattern.search(fold_case(before))))
        assert found[-1] == bool(ignoring_case.search(before)), before
    assert found == [True, True, True, False, True, True]
