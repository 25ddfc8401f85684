"""Find passages copied from one article into another.

Two articles agreeing on a figure is only corroboration if they are independent; an article
that copies sentences or quotes from another is not. This module finds such copied passages.

Pipeline (strings in, data out, no file I/O):

1. Tokenise each text into words with their raw ``(start, end)`` offsets; words are compared in
   normalised form (casefolded, curly and straight apostrophes unified), so punctuation, quote
   style, dashes, ellipses and whitespace never break a match.
2. Hash every run of ``shingle`` consecutive words (a shingle) with a stable hash. Shingles that
   cross text outside the body spans are dropped; in corpora of at least
   ``BOILERPLATE_MIN_DOCS`` documents, so are shingles found in more than ``boilerplate_share``
   of the documents (page furniture repeated across a site), unless they run on for a whole
   window (``WINDOW`` shingles): a passage that long is copied text.
3. Candidate pairs: a MinHash of every window of ``WINDOW`` consecutive shingles goes into a
   ``MinHashLSH`` index; two documents are a candidate pair when any of their windows collide.
   Windows rather than whole documents make a copied paragraph visible inside long articles.
4. Alignment of a candidate pair: maximal runs of shared shingles (exact hash matches, linear in
   the number of matches), merged across small edits, give passages with raw offsets in both
   texts. Passages shorter than ``min_words`` words (stock phrases) are dropped.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz

from claimtrail.text.furniture import body_spans

NUM_PERM = 64
"""Number of MinHash permutations. With ``threshold=0.1`` datasketch then uses 15 bands of one
row: high recall for short copied passages (an 8-word passage in a 20-shingle window has a
window Jaccard near 0.1) and a small index; the extra candidate pairs cost one linear-time
alignment each."""
SEED = 1
"""MinHash seed, fixed so that candidate pairs are reproducible."""
WINDOW = 20
"""Shingles per MinHash window (windows overlap by half)."""
BOILERPLATE_MIN_DOCS = 10
"""Smallest corpus in which shingles shared by many documents are treated as boilerplate."""

Span = tuple[int, int]

_TRANSLATION = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc`", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        "\u2026": "...",
    }
)
_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w+(?:['\u2018\u2019\u02bc]\w+)*")


@dataclass(frozen=True)
class Passage:
    """A passage of ``doc_a`` found, possibly lightly edited, in ``doc_b``.

    Offsets are raw character offsets: ``text_a[start_a:end_a]`` runs from the first to the last
    word of the passage (surrounding punctuation and quote marks are not included).
    """

    doc_a: str
    doc_b: str
    start_a: int
    end_a: int
    start_b: int
    end_b: int
    score: float
    """Similarity of the two normalised passages, 0..1 (rapidfuzz ratio / 100)."""
    words: int
    """Length of the passage in words, on side a."""


@dataclass(frozen=True)
class _Doc:
    """A tokenised document ready for comparison."""

    doc_id: str
    text: str
    words: list[str]
    """Normalised words."""
    spans: list[Span]
    """Raw (start, end) offsets of each word."""
    segments: list[int]
    """For each word, the index of its run of consecutive body words; -1 outside the body."""
    shingles: list[int | None]
    """Hash of the shingle starting at each word; None where it is unusable."""


@dataclass
class _Block:
    """Aligned word ranges ``[a_start, a_end)`` and ``[b_start, b_end)``."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


def normalise(text: str) -> str:
    """Casefold and unify quotes, apostrophes, dashes, ellipses and whitespace."""
    return _SPACE_RE.sub(" ", text.translate(_TRANSLATION).casefold()).strip()


def tokenise(text: str) -> list[tuple[str, int, int]]:
    """Split ``text`` into ``(normalised word, raw start, raw end)`` triples."""
    return [(normalise(m.group()), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def find_copied_passages(
    docs: Mapping[str, str],
    *,
    body_spans: Mapping[str, Sequence[Span]] | None = None,
    shingle: int = 5,
    min_words: int = 8,
    max_gap: int = 4,
    threshold: float = 0.1,
    boilerplate_share: float = 0.2,
) -> list[Passage]:
    """Every copied passage between every candidate pair of ``docs`` (id -> text).

    ``body_spans`` maps a document id to the raw spans of its article body; words outside them
    are ignored (a document without an entry is all body). ``threshold`` is the MinHashLSH
    Jaccard threshold on shingle windows. See :func:`align_pair` for the other parameters.
    Passages have ``doc_a < doc_b`` and are sorted by (doc_a, doc_b, start_a, start_b).
    """
    prepared = _prepare_corpus(docs, body_spans, shingle, boilerplate_share)
    by_id = {doc.doc_id: doc for doc in prepared}
    passages: list[Passage] = []
    for id_a, id_b in _candidate_pairs(prepared, threshold):
        passages.extend(_align(by_id[id_a], by_id[id_b], shingle, min_words, max_gap))
    return passages


def candidate_pairs(
    docs: Mapping[str, str],
    *,
    body_spans: Mapping[str, Sequence[Span]] | None = None,
    shingle: int = 5,
    threshold: float = 0.1,
    boilerplate_share: float = 0.2,
) -> list[tuple[str, str]]:
    """Sorted ``(id_a, id_b)`` pairs, ``id_a < id_b``, that MinHashLSH flags for alignment."""
    return _candidate_pairs(
        _prepare_corpus(docs, body_spans, shingle, boilerplate_share), threshold
    )


def align_pair(
    id_a: str,
    text_a: str,
    id_b: str,
    text_b: str,
    *,
    spans_a: Sequence[Span] | None = None,
    spans_b: Sequence[Span] | None = None,
    shingle: int = 5,
    min_words: int = 8,
    max_gap: int = 4,
) -> list[Passage]:
    """Passages of ``text_a`` found in ``text_b``, sorted by (start_a, start_b).

    Runs of shared ``shingle``-word shingles are merged when the words between them differ by at
    most ``max_gap`` changed, inserted or deleted words; passages shorter than ``min_words``
    words are dropped. ``spans_a``/``spans_b`` restrict each side to its body spans.
    """
    a = _prepare(id_a, text_a, spans_a, shingle)
    b = _prepare(id_b, text_b, spans_b, shingle)
    return _align(a, b, shingle, min_words, max_gap)


def reuse_summary(
    passages: Iterable[Passage],
    docs: Mapping[str, str],
    *,
    body_spans: Mapping[str, Sequence[Span]] | None = None,
) -> list[dict]:
    """One row per document pair with passages, sorted by (doc_a, doc_b).

    ``copied_words`` counts the words of doc_a covered by the pair's passages; ``share_of_a``
    and ``share_of_b`` are the covered fractions of each document's (body) words.
    """
    by_pair: dict[tuple[str, str], list[Passage]] = defaultdict(list)
    for passage in passages:
        by_pair[(passage.doc_a, passage.doc_b)].append(passage)
    spans = body_spans or {}
    rows = []
    for (id_a, id_b), group in sorted(by_pair.items()):
        words_a, covered_a = _coverage(
            docs[id_a], spans.get(id_a), [(p.start_a, p.end_a) for p in group]
        )
        words_b, covered_b = _coverage(
            docs[id_b], spans.get(id_b), [(p.start_b, p.end_b) for p in group]
        )
        rows.append(
            {
                "doc_a": id_a,
                "doc_b": id_b,
                "passages": len(group),
                "copied_words": covered_a,
                "share_of_a": covered_a / words_a if words_a else 0.0,
                "share_of_b": covered_b / words_b if words_b else 0.0,
            }
        )
    return rows


# --- preparation -----------------------------------------------------------------------------


def _prepare_corpus(
    docs: Mapping[str, str],
    body_spans: Mapping[str, Sequence[Span]] | None,
    shingle: int,
    boilerplate_share: float,
) -> list[_Doc]:
    """Prepare every document, in id order, with boilerplate shingles removed."""
    spans = body_spans or {}
    prepared = [
        _prepare(doc_id, docs[doc_id], spans.get(doc_id), shingle) for doc_id in sorted(docs)
    ]
    if len(prepared) < BOILERPLATE_MIN_DOCS:
        return prepared
    return _drop_boilerplate(prepared, boilerplate_share)


def _prepare(doc_id: str, text: str, body: Sequence[Span] | None, shingle: int) -> _Doc:
    """Tokenise ``text`` and hash its usable shingles."""
    if shingle < 1:
        raise ValueError(f"shingle must be at least 1, got {shingle}")
    tokens = tokenise(text)
    words = [word for word, _, _ in tokens]
    spans = [(start, end) for _, start, end in tokens]
    segments = _segments(spans, body)
    shingles: list[int | None] = []
    for i in range(len(words) - shingle + 1):
        usable = segments[i] != -1 and segments[i] == segments[i + shingle - 1]
        shingles.append(_stable_hash(words[i : i + shingle]) if usable else None)
    return _Doc(doc_id, text, words, spans, segments, shingles)


def _stable_hash(words: Sequence[str]) -> int:
    """A 64-bit hash of a word sequence that does not vary between processes."""
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _segments(spans: Sequence[Span], body: Sequence[Span] | None) -> list[int]:
    """Label each word with the index of its run of consecutive body words (-1: not body)."""
    if body is None:
        return [0] * len(spans)
    merged = _merge_spans(body)
    labels = []
    segment = -1
    previous_inside = False
    for start, end in spans:
        inside = _inside(start, end, merged)
        if inside and not previous_inside:
            segment += 1
        labels.append(segment if inside else -1)
        previous_inside = inside
    return labels


def _merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sort spans and merge those that overlap or touch."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _inside(start: int, end: int, merged: Sequence[Span]) -> bool:
    """Whether ``[start, end)`` lies within one of the sorted, disjoint ``merged`` spans."""
    k = bisect_right(merged, (start, float("inf"))) - 1
    return k >= 0 and end <= merged[k][1]


def _drop_boilerplate(docs: list[_Doc], share: float) -> list[_Doc]:
    """Remove shingles that occur in more than ``share`` of the documents, unless they make
    a run of at least :data:`WINDOW` in a row: that is a copied passage, not a line of
    page furniture (ten copies of a text are ten copies, not ten pages of furniture)."""
    frequency = Counter(h for doc in docs for h in set(doc.shingles) if h is not None)
    limit = share * len(docs)
    common = {h for h, count in frequency.items() if count > limit}
    if not common:
        return docs
    return [replace(doc, shingles=_without_short_runs(doc.shingles, common)) for doc in docs]


def _without_short_runs(shingles: list[int | None], common: set[int]) -> list[int | None]:
    """``shingles`` with every run of fewer than :data:`WINDOW` common ones made None."""
    kept = list(shingles)
    run_start = None
    for i, h in enumerate([*shingles, None]):
        if h is not None and h in common:
            run_start = i if run_start is None else run_start
            continue
        if run_start is not None and i - run_start < WINDOW:
            kept[run_start:i] = [None] * (i - run_start)
        run_start = None
    return kept


# --- candidate pairs -------------------------------------------------------------------------


def _windows(doc: _Doc) -> list[list[int]]:
    """Half-overlapping windows of ``WINDOW`` usable shingle hashes covering the document."""
    hashes = [h for h in doc.shingles if h is not None]
    if not hashes:
        return []
    step = max(1, WINDOW // 2)
    last = max(len(hashes) - WINDOW, 0)
    starts = list(range(0, last + 1, step))
    if starts[-1] != last:
        starts.append(last)
    return [hashes[start : start + WINDOW] for start in starts]


def _candidate_pairs(docs: Sequence[_Doc], threshold: float) -> list[tuple[str, str]]:
    """Document pairs with at least one pair of windows colliding in MinHashLSH."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    # Shingle hashes are already uniform 64-bit integers: `int` passes them through unchanged.
    template = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine64", hashfunc=int)
    pairs: set[tuple[str, str]] = set()
    for doc in sorted(docs, key=lambda d: d.doc_id):
        sketches = []
        for window in _windows(doc):
            sketch = template.copy()
            sketch.update_batch(window)
            sketches.append(sketch)
        for sketch in sketches:
            pairs.update((other_id, doc.doc_id) for other_id, _ in lsh.query(sketch))
        for n, sketch in enumerate(sketches):
            lsh.insert((doc.doc_id, n), sketch, check_duplication=False)
    return sorted(pairs)


# --- alignment -------------------------------------------------------------------------------


def _align(a: _Doc, b: _Doc, shingle: int, min_words: int, max_gap: int) -> list[Passage]:
    """Passages of ``a`` found in ``b``, at least ``min_words`` long."""
    if max_gap < 0:
        raise ValueError(f"max_gap must not be negative, got {max_gap}")
    blocks = _merge_runs(_shared_runs(a, b, shingle), a, b, shingle, max_gap)
    passages = [
        _passage(a, b, block) for block in blocks if block.a_end - block.a_start >= min_words
    ]
    return sorted(passages, key=lambda p: (p.start_a, p.start_b, p.end_a, p.end_b))


def _shared_runs(a: _Doc, b: _Doc, shingle: int) -> list[_Block]:
    """Maximal runs of consecutive shingles shared by ``a`` and ``b``, as word ranges."""
    positions: dict[int, list[int]] = defaultdict(list)
    for j, h in enumerate(b.shingles):
        if h is not None:
            positions[h].append(j)
    finished: list[list[int]] = []
    open_runs: dict[int, list[int]] = {}  # next position in b -> [start in a, start in b, length]
    for i, h in enumerate(a.shingles):
        extended: dict[int, list[int]] = {}
        for j in positions.get(h, ()) if h is not None else ():
            run = open_runs.pop(j, None) or [i, j, 0]
            run[2] += 1
            extended[j + 1] = run
        finished.extend(open_runs.values())
        open_runs = extended
    finished.extend(open_runs.values())
    width = shingle - 1
    return [_Block(i, i + n + width, j, j + n + width) for i, j, n in finished]


def _merge_runs(runs: list[_Block], a: _Doc, b: _Doc, shingle: int, max_gap: int) -> list[_Block]:
    """Merge runs separated by light edits into blocks, in order of position in ``a``."""
    reach = _reach(shingle, max_gap)
    blocks: list[_Block] = []
    active: list[_Block] = []
    for run in sorted(runs, key=lambda r: (r.a_start, r.b_start)):
        active = [block for block in active if block.a_end >= run.a_start - reach]
        target = next(
            (blk for blk in reversed(active) if _bridgeable(blk, run, a, b, shingle, max_gap)),
            None,
        )
        if target is None:
            block = replace(run)
            blocks.append(block)
            active.append(block)
        else:
            target.a_end = max(target.a_end, run.a_end)
            target.b_start = min(target.b_start, run.b_start)
            target.b_end = max(target.b_end, run.b_end)
    return blocks


def _bridgeable(block: _Block, run: _Block, a: _Doc, b: _Doc, shingle: int, max_gap: int) -> bool:
    """Whether ``run`` continues ``block`` after at most ``max_gap`` edited words, in the body."""
    reach = _reach(shingle, max_gap)
    gap_a = run.a_start - block.a_end
    gap_b = run.b_start - block.b_end
    if not (-shingle < gap_a <= reach and -shingle < gap_b <= reach):
        return False
    if a.segments[block.a_end - 1] != a.segments[run.a_start]:
        return False
    if b.segments[block.b_end - 1] != b.segments[run.b_start]:
        return False
    between_a = a.words[block.a_end : run.a_start]
    between_b = b.words[block.b_end : run.b_start]
    return _edit_size(between_a, between_b) <= max_gap


def _reach(shingle: int, max_gap: int) -> int:
    """The longest gap, in words, that can hold ``max_gap`` edits between shingle runs."""
    return (max_gap + 1) * shingle


def _edit_size(words_a: Sequence[str], words_b: Sequence[str]) -> int:
    """Number of words changed, inserted or deleted between two short word sequences."""
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    matched = sum(match.size for match in matcher.get_matching_blocks())
    return max(len(words_a), len(words_b)) - matched


def _passage(a: _Doc, b: _Doc, block: _Block) -> Passage:
    """The passage for an aligned block, with raw offsets and similarity score."""
    start_a, end_a = a.spans[block.a_start][0], a.spans[block.a_end - 1][1]
    start_b, end_b = b.spans[block.b_start][0], b.spans[block.b_end - 1][1]
    score = fuzz.ratio(normalise(a.text[start_a:end_a]), normalise(b.text[start_b:end_b])) / 100
    return Passage(
        doc_a=a.doc_id,
        doc_b=b.doc_id,
        start_a=start_a,
        end_a=end_a,
        start_b=start_b,
        end_b=end_b,
        score=score,
        words=block.a_end - block.a_start,
    )


# --- summary ---------------------------------------------------------------------------------


def _coverage(text: str, body: Sequence[Span] | None, spans: Iterable[Span]) -> tuple[int, int]:
    """(number of body words of ``text``, number of them inside ``spans``)."""
    covered = _merge_spans(spans)
    body_spans = _merge_spans(body) if body is not None else None
    total = hit = 0
    for _, start, end in tokenise(text):
        if body_spans is not None and not _inside(start, end, body_spans):
            continue
        total += 1
        hit += _inside(start, end, covered)
    return total, hit


def article_passages(texts: Mapping[str, str]) -> list[Passage]:
    """The passages copied between articles' bodies: :func:`find_copied_passages` over
    ``texts`` (article id -> raw text) with each article's page furniture left out."""
    return find_copied_passages(texts, body_spans={k: body_spans(v) for k, v in texts.items()})
