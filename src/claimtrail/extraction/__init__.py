"""Extraction: claims read from any text by the codebook's rules, and their evaluation
against hand coding (the seed articles, written passages, the development reports).
Imports text and io.
"""

from claimtrail.extraction.devset import (
    NOT_CLAIM_KINDS,
    load_annotation,
    load_reports,
    score_development,
)
from claimtrail.extraction.evaluation import (
    DEVELOPMENT_TARGETS,
    Evaluation,
    compare_with_coding,
    evaluate,
    field_differences,
    reach,
    read_passages,
)
from claimtrail.extraction.extract import Article, corpus_articles, extract_claims

__all__ = [
    "Article",
    "DEVELOPMENT_TARGETS",
    "Evaluation",
    "NOT_CLAIM_KINDS",
    "compare_with_coding",
    "corpus_articles",
    "evaluate",
    "extract_claims",
    "field_differences",
    "load_annotation",
    "load_reports",
    "reach",
    "read_passages",
    "score_development",
]
