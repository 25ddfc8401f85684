"""Where each claim came from: the provenance graph, the articles' links and W3C PROV export.

The graph holds agents (people, organisations, outlets), entities (statements, claims,
articles) and the relations between them: a speaker *said* a statement; the claim we
read *reports* that statement; agencies and reporters *relayed* it; the claim is *part
of* an article that an outlet *published*, possibly *republished* from another outlet
or *copied* in part from another article.

Two reports corroborate each other only if their chains share no origin: no common
speaker institution (``origin``), no common wire source, no copied text, not the same
statement seen twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import combinations

import networkx as nx
import pandas as pd
from prov.model import PROV_TYPE, ProvDocument

from claimtrail.analysis.comparisons import point
from claimtrail.analysis.reuse import Passage
from claimtrail.io.claims import chain_links
from claimtrail.text.attribution import republished_source
from claimtrail.text.furniture import body_spans
from claimtrail.text.relays import find_relays

NAMESPACE = ("ct", "urn:claimtrail:")
_ORGANISATION_WORDS = re.compile(
    r"\b(service|ministry|observatory|group|agencies|officials|reporters|government|"
    r"committee|council|agency|times|news|research)\b",
    re.IGNORECASE,
)


def is_named(speaker: object) -> bool:
    """True when the speaker is a named person or body, not a description.

    "Sergey Smirnov" and "Federal Security Service" are named; "officials in Tajikistan"
    and "Putin's envoy" describe someone the text does not name.
    """
    if not isinstance(speaker, str) or not speaker:
        return False
    words = speaker.split()
    return words[0][0].isupper() and not words[0].endswith("'s") and words[-1][0].isupper()


def article_links(
    corpus: pd.DataFrame,
    claims: pd.DataFrame,
    passages: Iterable[Passage],
    wire_sources: Mapping[str, Iterable[str]],
) -> pd.DataFrame:
    """For every pair of articles, what they share and so whether they are independent.

    Shared origins: copied text (aligned passages), a wire source both name
    (``wire_sources``: article id -> agencies its text cites), the same statement
    (claims by one speaker with the same figure). Independent means none of these.
    """
    copied: dict[frozenset[str], list[Passage]] = {}
    for passage in passages:
        copied.setdefault(frozenset((passage.doc_a, passage.doc_b)), []).append(passage)
    statements: dict[str, set[tuple[str, float]]] = {}
    for row in claims.to_dict("records"):
        if isinstance(row["speaker"], str):
            statements.setdefault(row["article_id"], set()).add((row["speaker"], point(row)))
    rows = []
    for a, b in combinations(sorted(corpus["article_id"]), 2):
        reasons = []
        shared_text = copied.get(frozenset((a, b)), [])
        if shared_text:
            words = sum(p.words for p in shared_text)
            reasons.append(f"copied text: {len(shared_text)} passages, {words} words")
        wires = sorted(set(wire_sources.get(a, ())) & set(wire_sources.get(b, ())))
        if wires:
            reasons.append(f"common wire source: {', '.join(wires)}")
        same = sorted(statements.get(a, set()) & statements.get(b, set()))
        if same:
            said = ", ".join(f"{s} ({v:,.0f})" for s, v in same)
            reasons.append(f"same statement: {said}")
        rows.append(
            {
                "article_a": a,
                "article_b": b,
                "independent": not reasons,
                "shared": "; ".join(reasons),
            }
        )
    return pd.DataFrame(rows)


def _agent_kind(name: str, outlets: set[str]) -> str:
    if name in outlets:
        return "outlet"
    return "organisation" if _ORGANISATION_WORDS.search(name) or not is_named(name) else "person"


def build_graph(
    corpus: pd.DataFrame, claims: pd.DataFrame, passages: Iterable[Passage]
) -> nx.DiGraph:
    """The provenance graph, edges in the direction information flowed.

    Node ids are "agent:NAME", "statement:SPEAKER:FIGURE", "claim:ID", "article:ID";
    each node has ``kind`` (agent|entity), ``type`` (person, organisation, outlet,
    statement, claim, article) and ``label``. Edges have ``relation``: said, reported as,
    relayed, part of, published, republished, copied from.
    """
    articles = corpus.set_index("article_id")
    outlets = {o for o in corpus["outlet"].dropna()}
    outlets |= {republished_source(r) for r in corpus["republished_from"] if republished_source(r)}
    graph = nx.DiGraph()
    for article_id, article in articles.iterrows():
        node = f"article:{article_id}"
        outlet = article["outlet"] if isinstance(article["outlet"], str) else "outlet unknown"
        graph.add_node(node, kind="entity", type="article", label=f"{article_id} {outlet}")
        if isinstance(article["outlet"], str):
            graph.add_node(f"agent:{outlet}", kind="agent", type="outlet", label=outlet)
            graph.add_edge(f"agent:{outlet}", node, relation="published")
        original = republished_source(article["republished_from"])
        if original:
            graph.add_node(f"agent:{original}", kind="agent", type="outlet", label=original)
            graph.add_edge(f"agent:{original}", node, relation="republished")
    for row in claims.to_dict("records"):
        claim = f"claim:{row['claim_id']}"
        graph.add_node(
            claim, kind="entity", type="claim", label=row["claim_id"], quote=row["quote"]
        )
        graph.add_edge(claim, f"article:{row['article_id']}", relation="part of")
        chain = chain_links(row["chain"])
        speaker = row["speaker"] if isinstance(row["speaker"], str) else None
        if speaker:
            statement = f"statement:{speaker}:{point(row):g}"
            graph.add_node(
                statement,
                kind="entity",
                type="statement",
                label=f"{speaker}: {point(row):,.0f} {row['measure']}",
            )
            graph.add_edge(f"agent:{speaker}", statement, relation="said")
            graph.add_edge(statement, claim, relation="reported as")
        for name in chain:
            graph.add_node(
                f"agent:{name}", kind="agent", type=_agent_kind(name, outlets), label=name
            )
        relays = [n for n in chain if n != speaker and n not in outlets]
        for name in relays:
            graph.add_edge(f"agent:{name}", claim, relation="relayed")
    published = articles["published"].to_dict()
    for passage in passages:
        earlier, later = sorted((passage.doc_a, passage.doc_b), key=lambda a: str(published[a]))
        graph.add_edge(f"article:{later}", f"article:{earlier}", relation="copied from")
    return graph


def to_prov(graph: nx.DiGraph) -> ProvDocument:
    """The provenance graph as a W3C PROV document (agents, entities and their relations).

    said -> wasAttributedTo(statement, speaker); reported as -> wasDerivedFrom(claim,
    statement); relayed -> wasInfluencedBy(claim, agent); part of -> hadMember(article,
    claim); published -> wasAttributedTo(article, outlet); republished ->
    wasInfluencedBy(article, outlet) typed ct:republished; copied from ->
    wasDerivedFrom(later article, earlier article) typed ct:copiedText.
    """
    document = ProvDocument()
    document.add_namespace(*NAMESPACE)

    def identifier(node: str) -> str:
        return "ct:" + re.sub(r"[^A-Za-z0-9_.-]+", "_", node)

    prov_types = {
        "person": "prov:Person",
        "organisation": "prov:Organization",
        "outlet": "prov:Organization",
    }
    for node, data in sorted(graph.nodes(data=True)):
        attributes = {"prov:label": data["label"], "ct:type": data["type"]}
        if data["kind"] == "agent":
            attributes[PROV_TYPE] = prov_types[data["type"]]
            document.agent(identifier(node), attributes)
        else:
            if "quote" in data:
                attributes["ct:quote"] = data["quote"]
            document.entity(identifier(node), attributes)
    for source, target, data in sorted(graph.edges(data=True)):
        s, t, relation = identifier(source), identifier(target), data["relation"]
        if relation in ("said", "published"):
            document.wasAttributedTo(t, s)
        elif relation == "reported as":
            document.wasDerivedFrom(t, s)
        elif relation == "relayed":
            document.wasInfluencedBy(t, s)
        elif relation == "part of":
            document.hadMember(t, s)
        elif relation == "republished":
            document.wasInfluencedBy(t, s, other_attributes={PROV_TYPE: "ct:republished"})
        elif relation == "copied from":
            document.wasDerivedFrom(s, t, other_attributes={PROV_TYPE: "ct:copiedText"})
    return document


def relay_graph(
    corpus: pd.DataFrame,
    claims: pd.DataFrame,
    passages: Iterable[Passage],
    wire_sources: Mapping[str, Iterable[str]],
) -> nx.DiGraph:
    """The relay chains as one graph for drawing: speaker -> relays -> outlets -> article.

    Nodes are agents (``type`` person, organisation or outlet) and articles; each edge has
    ``relation`` (relayed, published, copied from, cites) and ``claims`` (the claim ids
    whose chain runs along it). Wire sources an article cites are linked to it with
    ``cites``; copied text links the later article to the earlier one.
    """
    full = build_graph(corpus, claims, passages)
    outlets = {n for n, d in full.nodes(data=True) if d.get("type") == "outlet"}
    graph = nx.DiGraph()

    def add(node: str) -> None:
        if node not in graph:
            graph.add_node(node, **{k: full.nodes[node][k] for k in ("type", "label")})

    for row in claims.to_dict("records"):
        nodes = [f"agent:{name}" for name in chain_links(row["chain"])]
        nodes.append(f"article:{row['article_id']}")
        for node in nodes:
            add(node)
        for source, target in zip(nodes, nodes[1:], strict=False):
            relation = "published" if target.startswith("article:") else "relayed"
            if not graph.has_edge(source, target):
                graph.add_edge(source, target, relation=relation, claims=[])
            graph.edges[source, target]["claims"].append(row["claim_id"])
    for source, target, data in full.edges(data=True):
        if data["relation"] == "copied from":
            add(source)
            add(target)
            graph.add_edge(source, target, relation="copied from", claims=[])
    for article_id, agencies in sorted(wire_sources.items()):
        for agency in sorted(agencies):
            node = f"agent:{agency}"
            if node not in graph:
                graph.add_node(
                    node, type="outlet" if node in outlets else "organisation", label=agency
                )
            add(f"article:{article_id}")
            graph.add_edge(node, f"article:{article_id}", relation="cites", claims=[])
    return graph


def wire_sources(
    texts: Mapping[str, str], outlets: Mapping[str, object] | None = None
) -> dict[str, list[str]]:
    """The news agencies and outlets each article's body cites (Reuters, TASS, Al Arabiya),
    its own outlet left out: article id -> sorted names."""
    outlets = outlets or {}
    found = {}
    for article_id, text in texts.items():
        body = body_spans(text)
        names = {
            agent
            for start, _, agent, kind in find_relays(text)
            if kind in ("agency", "outlet")
            and agent != outlets.get(article_id)
            and any(s <= start < e for s, e in body)
        }
        found[article_id] = sorted(names)
    return found
