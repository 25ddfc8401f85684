"""Provenance graph, independence, grades on the corpus, and the PROV export read back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from prov.model import ProvDocument

from claimtrail.analysis.provenance import (
    article_links,
    build_graph,
    is_named,
    to_prov,
    wire_sources,
)
from claimtrail.analysis.reuse import Passage, find_copied_passages
from claimtrail.io.claims import load_claims
from claimtrail.io.corpus import load_corpus
from claimtrail.io.reference import load_reference
from claimtrail.text.attribution import republished_source
from claimtrail.text.furniture import body_spans


@pytest.fixture(scope="module")
def data() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list[Passage]]:
    root = Path(__file__).resolve().parents[1]
    corpus = load_corpus(root)
    docs = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    passages = find_copied_passages(docs, body_spans={k: body_spans(v) for k, v in docs.items()})
    return corpus, load_claims(root, corpus), load_reference(root), passages


@pytest.mark.parametrize(
    ("speaker", "named"),
    [
        ("Sergey Smirnov", True),
        ("Federal Security Service", True),
        ("International Research Group for Crisis Regions", True),
        ("officials in Tajikistan", False),
        ("Putin's envoy", False),
        (pd.NA, False),
        ("", False),
    ],
)
def test_is_named(speaker: object, named: bool) -> None:
    assert is_named(speaker) is named


def test_republished_source() -> None:
    assert republished_source("Alahednews, 1 August 2016") == "Alahednews"
    assert republished_source(pd.NA) is None


def test_article_links(data) -> None:
    corpus, claims, _, passages = data
    links = article_links(corpus, claims, passages, {"000": ["Reuters"], "001": ["Reuters"]})
    pairs = links.set_index(["article_a", "article_b"])
    assert not pairs.loc[("003", "004"), "independent"]
    assert "copied text" in pairs.loc[("003", "004"), "shared"]
    assert "Reuters" in pairs.loc[("000", "001"), "shared"]
    assert "Sergey Smirnov (1,700)" in pairs.loc[("002", "003"), "shared"]
    assert pairs.loc[("000", "004"), "independent"]


def test_graph_and_prov_round_trip(data) -> None:
    corpus, claims, _, passages = data
    graph = build_graph(corpus, claims, passages)
    relations = {d["relation"] for _, _, d in graph.edges(data=True)}
    assert relations == {
        "said",
        "reported as",
        "relayed",
        "part of",
        "published",
        "republished",
        "copied from",
    }
    assert graph.has_edge("article:003", "article:004")  # 003 (2015) copied from 004 (2014)
    assert graph.has_edge("agent:Alahednews", "article:001")
    assert graph.nodes["agent:Vladimir Putin"]["type"] == "person"
    # one statement by Smirnov, reported by two articles
    statement = "statement:Sergey Smirnov:1700"
    assert sorted(graph.successors(statement)) == ["claim:C09", "claim:C12"]
    document = to_prov(graph)
    text = document.serialize(format="json")
    assert ProvDocument.deserialize(content=text, format="json") == document
    provn = document.get_provn()
    assert "wasDerivedFrom(ct:article_003, ct:article_004" in provn
    assert "agent(ct:agent_Vladimir_Putin" in provn


def test_wire_sources_come_from_the_body(data) -> None:
    corpus = data[0]
    wires = wire_sources(
        dict(zip(corpus["article_id"], corpus["text"], strict=True)),
        dict(zip(corpus["article_id"], corpus["outlet"], strict=True)),
    )
    assert wires["000"] == ["Reuters", "TASS"]  # its own outlet, Vestnik Kavkaza, left out
    assert wires["001"] == ["Reuters"]  # Facebook in the page furniture is not a source
    assert wires["003"] == wires["004"] == ["Al Arabiya"]
    assert wires["002"] == []
