"""Sentence, paragraph and quotation spans, computed once per text."""

from __future__ import annotations

from claimtrail.text.sentences import (
    layout,
    paragraph_spans,
    sentence_index,
    sentence_spans,
)


def test_sentences_respect_quotes_abbreviations_and_broken_lines() -> None:
    text = (
        'Gen. Smirnov spoke in the U.S. capital. "We know. We count," he said.\n\n'
        "The jets were seized\n\nby fighters. Next."
    )
    sentences = [text[s:e] for s, e in sentence_spans(text)]
    assert sentences == [
        "Gen. Smirnov spoke in the U.S. capital.",
        '"We know. We count," he said.',
        "The jets were seized\n\nby fighters.",
        "Next.",
    ]
    assert len(paragraph_spans(text)) == 2


def test_one_segmentation_per_text_is_shared() -> None:
    text = "One 12. Two 13.\n\nThree."
    assert layout(text) is layout(text)
    assert sentence_spans(text) == layout(text).sentences
    assert [sentence_index(text, p) for p in (0, 8, 17)] == [0, 1, 2]


def test_quotation_marks_are_all_found() -> None:
    """Straight and curly double marks alike open and close quotations."""
    text = 'He said "no" and “yes” then “maybe “not”” and "" end.'
    quoted = [text[s:e] for s, e in layout(text).quotations]
    assert quoted == ['"no"', "“yes”", "“maybe “not””", '""']
