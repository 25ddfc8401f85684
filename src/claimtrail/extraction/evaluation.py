"""Measure an extractor against hand-coded claims: matching rule, scores, misses and false hits.

**Matching rule.** An extracted claim matches a hand-coded claim when they are in the
same article, their character spans share at least one character (spans that only touch,
one ending where the other starts, do not: they hold different words), and they have the
same measure and the same bounds (low, best and high all equal, an empty bound matching
only an empty one). Each hand-coded claim is paired with at most one extracted claim: the
one whose span overlaps it most. Precision is matches / extracted claims; recall is
matches / hand-coded claims; :func:`wilson_interval` gives their 95% intervals. Per-field
accuracy is computed over the span-overlap pairs, whether or not they match, for the
fields the hand coding has: measure, bounds, qualifier, as-of (the same date and
precision; only where the coding dates the figure), scope, and speaker (the same name,
ignoring case and the -ey/-ei spelling of Russian names).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimtrail.extraction.extract import Article, corpus_articles, extract_claims
from claimtrail.io.claims import extraction_gold, load_claims
from claimtrail.io.corpus import load_corpus
from claimtrail.text.attribution import CHAIN_SEPARATOR, Attribution
from claimtrail.text.names import name_key

BOUNDS = ("low", "best", "high")
NO_OVERLAP = "no hand-coded claim overlaps it"
# What the extractor is held to: recall and precision against the hand coding of the
# corpus, and throughput on one core as a multiple of quantulum3's on the same texts.
# On the seed articles; and the extractor's speed beside quantulum3 on the benchmark
# texts: at least the floor, the aim beyond it.
TARGETS = {"recall": 0.95, "precision": 0.90, "throughput_floor": 40.0, "throughput_ratio": 100.0}
# On the annotated development reports (data/fakes-dev): span and measure, bounds of the
# matches, as-of where the text dates the figure, and the FA-KES death toll among the
# killed figures of the reports whose body states it, with few death figures per report.
DEVELOPMENT_TARGETS = {
    "precision": 0.95,
    "recall": 0.93,
    "bounds": 0.98,
    "as_of": 0.95,
    "death_toll": 0.95,
    "death_figures": 3.0,
}


def _value(row: Mapping, key: str) -> object:
    value = row.get(key)
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def _number(row: Mapping, key: str) -> float | None:
    value = _value(row, key)
    return None if value is None else float(value)


def same_bounds(a: Mapping, b: Mapping) -> bool:
    """True when low, best and high are all equal (empty matches only empty)."""
    return all(_number(a, k) == _number(b, k) for k in BOUNDS)


def overlap(a: Mapping, b: Mapping) -> int:
    """Characters the spans of two rows share: 0 or less when they are apart or only
    touch (the matching rule needs at least 1).

    >>> overlap({"start": 0, "end": 5}, {"start": 5, "end": 9})
    0
    >>> overlap({"start": 0, "end": 5}, {"start": 4, "end": 9})
    1
    """
    return min(int(a["end"]), int(b["end"])) - max(int(a["start"]), int(b["start"]))


def wilson_interval(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95% by default); (0, 1) with no trials.

    >>> [round(x, 3) for x in wilson_interval(95, 100)]
    [0.888, 0.978]
    """
    if trials == 0:
        return 0.0, 1.0
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    half /= 1 + z * z / trials
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class Evaluation:
    """Scores of one extraction against the hand coding; ``paired`` holds every
    (hand-coded, extracted) pair whose spans overlap."""

    gold: int
    extracted: int
    matched: int
    field_correct: dict[str, int] = field(default_factory=dict)
    field_pairs: dict[str, int] = field(default_factory=dict)
    pairs: int = 0
    paired: list[tuple[dict, dict]] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    false_hits: list[dict] = field(default_factory=list)
    gold_rows: list[dict] = field(default_factory=list)
    found_rows: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Matches / extracted claims (1.0 when nothing was extracted and nothing coded)."""
        return self.matched / self.extracted if self.extracted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        """Matches / hand-coded claims."""
        return self.matched / self.gold if self.gold else 1.0

    def intervals(self) -> dict[str, tuple[float, float]]:
        """95% Wilson intervals of precision and recall."""
        return {
            "precision": wilson_interval(self.matched, self.extracted),
            "recall": wilson_interval(self.matched, self.gold),
        }

    def by_measure(self) -> list[dict]:
        """Claims, extractions, matches, precision and recall (with intervals) per measure:
        a match counts for the measure both sides share."""
        gold = Counter(str(g.get("measure")) for g in self.gold_rows)
        found = Counter(str(f.get("measure")) for f in self.found_rows)
        matched = Counter(
            str(g.get("measure"))
            for g, f in self.paired
            if g.get("measure") == f.get("measure") and same_bounds(g, f)
        )
        rows = []
        for measure in sorted(set(gold) | set(found), key=lambda m: (-gold[m], m)):
            rows.append(
                {
                    "measure": measure,
                    "claims": gold[measure],
                    "extracted": found[measure],
                    "matched": matched[measure],
                    "precision": matched[measure] / found[measure] if found[measure] else math.nan,
                    "precision_interval": wilson_interval(matched[measure], found[measure]),
                    "recall": matched[measure] / gold[measure] if gold[measure] else math.nan,
                    "recall_interval": wilson_interval(matched[measure], gold[measure]),
                }
            )
        return rows

    def field_accuracy(self) -> dict[str, float]:
        """Share of span-overlap pairs on which each field agrees, over the pairs whose hand
        coding has that field (the written passages code no as-of date or speaker)."""
        return {
            k: (v / self.field_pairs[k] if self.field_pairs[k] else math.nan)
            for k, v in self.field_correct.items()
        }


def _field_agreement(gold: Mapping, found: Mapping) -> dict[str, bool]:
    return {
        "measure": _value(gold, "measure") == _value(found, "measure"),
        "bounds": same_bounds(gold, found),
        "qualifier": _value(gold, "qualifier") == _value(found, "qualifier"),
        "as_of": (_value(gold, "as_of"), _value(gold, "as_of_precision"))
        == (_value(found, "as_of"), _value(found, "as_of_precision")),
        "scope": _value(gold, "scope") == _value(found, "scope"),
        "speaker": name_key(_value(gold, "speaker")) == name_key(_value(found, "speaker")),
    }


def _coded(gold: Mapping, name: str) -> bool:
    """Whether the hand coding has field ``name`` for this claim: measure and bounds
    always, as-of where it dates the figure, the others where the coding has the column."""
    if name in ("measure", "bounds"):
        return True
    if name == "as_of":
        return _value(gold, "as_of") is not None
    return name in gold


def field_differences(result: Evaluation, key: str = "claim_id") -> list[dict]:
    """Every field on which a span-overlap pair disagrees: claim, field, coded, extracted.

    Only the fields the hand coding has are compared (see :func:`evaluate`)."""
    rows = []
    for gold, found in result.paired:
        for name, ok in _field_agreement(gold, found).items():
            if ok or name == "bounds" or not _coded(gold, name):
                continue
            fields = ("as_of", "as_of_precision") if name == "as_of" else (name,)
            rows.append(
                {
                    "claim": gold.get(key),
                    "field": name,
                    "coded": " ".join(str(_value(gold, f)) for f in fields),
                    "extracted": " ".join(str(_value(found, f)) for f in fields),
                }
            )
    return rows


def _difference(gold: Mapping, found: Mapping) -> str:
    agreement = _field_agreement(gold, found)
    parts = []
    if not agreement["measure"]:
        parts.append(f"measure {found.get('measure')} instead of {gold.get('measure')}")
    if not agreement["bounds"]:
        shown = [
            f"{k} {_number(found, k)} instead of {_number(gold, k)}"
            for k in BOUNDS
            if _number(found, k) != _number(gold, k)
        ]
        parts.append("; ".join(shown))
    return ", ".join(parts)


def evaluate(
    gold: Iterable[Mapping], found: Iterable[Mapping], article_key: str = "article"
) -> Evaluation:
    """Score ``found`` against ``gold``; both are rows with article, start, end, measure,
    low, best, high (and optionally qualifier, as_of, as_of_precision, speaker, quote)."""
    gold, found = list(gold), list(found)
    used: set[int] = set()
    result = Evaluation(
        gold=len(gold), extracted=len(found), matched=0, gold_rows=gold, found_rows=found
    )
    fields = ("measure", "bounds", "qualifier", "as_of", "scope", "speaker")
    result.field_correct, result.field_pairs = dict.fromkeys(fields, 0), dict.fromkeys(fields, 0)
    for g in gold:
        candidates = [
            (i, overlap(g, f))
            for i, f in enumerate(found)
            if i not in used and f[article_key] == g[article_key] and overlap(g, f) > 0
        ]
        if not candidates:
            result.misses.append({**g, "reason": "not extracted"})
            continue
        index = max(candidates, key=lambda c: (c[1], -c[0]))[0]
        used.add(index)
        result.pairs += 1
        result.paired.append((dict(g), dict(found[index])))
        for name, ok in _field_agreement(g, found[index]).items():
            if _coded(g, name):
                result.field_correct[name] += ok
                result.field_pairs[name] += 1
        if g.get("measure") == found[index].get("measure") and same_bounds(g, found[index]):
            result.matched += 1
        else:
            reason = "extracted with " + _difference(g, found[index])
            result.misses.append({**g, "reason": reason})
            result.false_hits.append({**found[index], "reason": reason})
    for i, f in enumerate(found):
        if i not in used:
            result.false_hits.append({**f, "reason": NO_OVERLAP})
    return result


def read_passages(path: Path | str) -> tuple[list[dict], list[dict]]:
    """Written test passages (JSON lines: id, text, published, claims with their quotes):
    the hand-coded claims with article and offsets added, and the passages themselves."""
    gold, passages = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        passage = json.loads(line)
        passages.append(passage)
        for claim in passage["claims"]:
            start = passage["text"].index(claim["quote"])
            gold.append(
                {
                    **claim,
                    "article": passage["id"],
                    "start": start,
                    "end": start + len(claim["quote"]),
                }
            )
    return gold, passages


# The written passages held out from the extractor's development, below the repository root.
HELD_OUT = Path("tests/data/extraction_heldout.jsonl")


def score_passages(path: Path | str) -> Evaluation:
    """The extractor on a file of written passages (:func:`read_passages`), scored against
    the claims each passage expects; the extracted rows are the result's ``found_rows``."""
    coded, passages = read_passages(path)
    found = [
        row
        for passage in passages
        for row in extract_claims(Article(passage["id"], passage["text"], passage["published"]))
    ]
    return evaluate(coded, found)


def score_seed(root: Path | str) -> Evaluation:
    """The extractor on the seed articles under ``root``, scored against their hand coding
    (``data/claims.csv``); the extracted rows are the result's ``found_rows``."""
    corpus = load_corpus(root)
    found = [
        row
        for article in corpus_articles(corpus.to_dict("records"))
        for row in extract_claims(article)
    ]
    return evaluate(extraction_gold(load_claims(root, corpus)), found)


def development_scores(root: Path | str) -> dict[str, float | int]:
    """The extractor's scores on the annotated development reports (data/fakes-dev), as
    :meth:`claimtrail.extraction.devset.DevelopmentScore.summary` gives them: precision and recall
    with their intervals, bounds, as-of and scope accuracy, the death-toll check. For
    pages that report them (the front page, chapter 4)."""
    from claimtrail.extraction.devset import score_development  # devset builds on this module

    return score_development(root).summary()


def reach(
    coded: Mapping[str, Sequence[tuple[int, int]]],
    found: Mapping[str, Sequence[tuple[int, int]]],
) -> dict[str, float | int]:
    """How the spans a tool found meet the coded claims' spans, text by text (both keyed by
    text id): the spans found, those that overlap a coded claim, the coded claims reached
    (overlapped by a found span) and that share of the coded claims. Spans that only touch
    do not overlap.

    >>> reach({"a": [(0, 5), (10, 12)]}, {"a": [(3, 4), (5, 9), (20, 22)]})
    {'found': 3, 'claims_found': 1, 'reached': 1, 'claims': 2, 'recall': 0.5}
    """
    spans_found = claims_found = reached = claims = 0
    for text, spans in coded.items():
        mine = found.get(text, ())
        spans_found += len(mine)
        claims_found += sum(any(s < e and b < t for b, e in spans) for s, t in mine)
        reached += sum(any(s < e and b < t for s, t in mine) for b, e in spans)
        claims += len(spans)
    return {
        "found": spans_found,
        "claims_found": claims_found,
        "reached": reached,
        "claims": claims,
        "recall": reached / claims if claims else math.nan,
    }


def chain_key(chain: str | Sequence[str]) -> tuple[str, ...]:
    """A comparison key for a chain given as "A > B" or as a sequence of links."""
    links = chain.split(CHAIN_SEPARATOR.strip()) if isinstance(chain, str) else chain
    return tuple(name_key(link.strip()) for link in links)


def agreement_rows(
    coded: Iterable[tuple[str | None, str, str]], detected: Iterable[Attribution]
) -> list[dict[str, bool]]:
    """Per claim, whether speaker, role and chain agree with the coding (speaker, role,
    chain as in ``data/claims.csv``; names compared with :func:`name_key`)."""
    rows = []
    for (speaker, role, chain), found in zip(coded, detected, strict=True):
        rows.append(
            {
                "speaker": name_key(speaker) == name_key(found.speaker),
                "role": role == found.speaker_role,
                "chain": chain_key(chain) == chain_key(found.chain),
            }
        )
    return rows


def compare_with_coding(
    coded: Iterable[tuple[str | None, str, str]], detected: Iterable[Attribution]
) -> dict[str, float]:
    """Share of claims whose speaker, role and chain agree with the hand coding, and n."""
    rows = agreement_rows(coded, detected)
    shares = {
        field_: sum(r[field_] for r in rows) / len(rows) if rows else 0.0
        for field_ in ("speaker", "role", "chain")
    }
    return {**shares, "n": float(len(rows))}
