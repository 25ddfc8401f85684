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
    HELD_OUT,
    compare_with_coding,
    field_differences,
    reach,
    score_passages,
    score_seed,
)

__all__ = [
    "DEVELOPMENT_TARGETS",
    "HELD_OUT",
    "NOT_CLAIM_KINDS",
    "compare_with_coding",
    "field_differences",
    "load_annotation",
    "load_reports",
    "reach",
    "score_development",
    "score_passages",
    "score_seed",
]
