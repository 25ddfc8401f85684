"""Publishing: the book's findings, tables, figures, claim cards, downloads and
apparatus. May import every other wing.
"""

from claimtrail.publish.apparatus import citation
from claimtrail.publish.cards import claim_card, claim_extras, reference_card
from claimtrail.publish.downloads import download, reference_users, write_downloads
from claimtrail.publish.findings import (
    estimate_findings,
    extraction_findings,
    findings,
    provenance_findings,
)
from claimtrail.publish.plot_extraction import plot_measure_scores, plot_scaling
from claimtrail.publish.plot_series import plot_series
from claimtrail.publish.plots import (
    plot_copied_passages,
    plot_grades_grid,
    plot_independence,
    plot_page_composition,
    plot_publication_dates,
    plot_relay_chains,
)
from claimtrail.publish.prose import counted
from claimtrail.publish.render import (
    article_context_markdown,
    markdown_escape,
    passages_table,
    references_html,
    rubric_html,
)
from claimtrail.publish.tables import Column, Html, Markdown, data_link, explorer, house_table

__all__ = [
    "Column",
    "Html",
    "Markdown",
    "article_context_markdown",
    "citation",
    "claim_card",
    "claim_extras",
    "counted",
    "data_link",
    "download",
    "estimate_findings",
    "explorer",
    "extraction_findings",
    "findings",
    "house_table",
    "markdown_escape",
    "passages_table",
    "plot_copied_passages",
    "plot_grades_grid",
    "plot_independence",
    "plot_measure_scores",
    "plot_page_composition",
    "plot_publication_dates",
    "plot_relay_chains",
    "plot_scaling",
    "plot_series",
    "provenance_findings",
    "reference_card",
    "reference_users",
    "references_html",
    "rubric_html",
    "write_downloads",
]
