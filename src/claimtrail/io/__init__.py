"""Input and output: the data tables (corpus, claims, reference, populations, sources),
documents to extract from, strict CSV reading, errors that name file, row and field,
outputs written atomically. Imports the text wing at most.
"""

from claimtrail.io.corpus import describe_corpus, find_root, furniture_table, load_corpus
from claimtrail.io.populations import load_nesting
from claimtrail.io.record import load_record
from claimtrail.io.reference import load_reference

__all__ = [
    "describe_corpus",
    "find_root",
    "furniture_table",
    "load_corpus",
    "load_nesting",
    "load_record",
    "load_reference",
]
