"""Analysis: estimates compared over nesting populations and time, flags, text reuse,
provenance, independence and grades. Imports text, io and extraction.
"""

from claimtrail.analysis.comparisons import figure_text, panel
from claimtrail.analysis.estimates import compare_estimates
from claimtrail.analysis.grading import (
    AUTHORITIES,
    CREDIBILITY_MEANING,
    NOTES,
    RELIABILITY_MEANING,
    rubric,
)
from claimtrail.analysis.provenance import (
    article_links,
    build_graph,
    relay_graph,
    to_prov,
    wire_sources,
)
from claimtrail.analysis.reuse import article_passages, reuse_summary
from claimtrail.analysis.support import grade_claims, independence, source_grades

__all__ = [
    "AUTHORITIES",
    "CREDIBILITY_MEANING",
    "NOTES",
    "RELIABILITY_MEANING",
    "article_links",
    "article_passages",
    "build_graph",
    "compare_estimates",
    "figure_text",
    "grade_claims",
    "independence",
    "panel",
    "relay_graph",
    "reuse_summary",
    "rubric",
    "source_grades",
    "to_prov",
    "wire_sources",
]
