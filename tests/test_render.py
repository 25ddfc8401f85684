"""Escaping and the side-by-side diff of copied passages."""

from __future__ import annotations

from claimtrail.analysis.reuse import Passage
from claimtrail.publish.render import escaped_text, passages_table, word_diff

HOSTILE = '<script>alert("x")</script> <b>bold</b> [link](http://example.com) & more'


def test_escaped_text_is_inert_and_verbatim() -> None:
    out = escaped_text(HOSTILE)
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
    assert "[link](http://example.com) &amp; more" in out


def test_word_diff_marks_changed_words_only() -> None:
    left, right = word_diff(
        "These are the aircraft you sent to Bashar, and we're going",
        "These are the planes you sent to Bashar [Assad], and we’re going",
    )
    assert "<del>aircraft</del>" in left
    assert "<ins>planes</ins>" in right and "[Assad]</ins>" in right
    assert "we’re" in right and "<ins>we’re" not in right  # a curly apostrophe is no change


def test_word_diff_escapes() -> None:
    left, right = word_diff("a <b> c", "a <i> c")
    assert left == "a &lt;<del>b</del>&gt; c"
    assert right == "a &lt;<ins>i</ins>&gt; c"


def test_passages_table_escapes_text() -> None:
    texts = {"a": HOSTILE, "b": HOSTILE.replace("bold", "BOLD")}
    passage = Passage("a", "b", 0, len(HOSTILE), 0, len(texts["b"]), 0.9, 9)
    table = passages_table([passage], texts)
    assert "<script>" not in table
    assert table.count("<tr>") == 2
