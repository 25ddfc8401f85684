"""Reading text: numbers and their bounds, dates and times, page furniture, sentences and
paragraphs, attribution and names, hedges, measure words. Imports nothing of the
package outside this wing.
"""

from claimtrail.text.attribution import attribute
from claimtrail.text.furniture import body_spans
from claimtrail.text.hedges import find_hedges, hedges_near
from claimtrail.text.numbers import find_numbers

__all__ = [
    "attribute",
    "body_spans",
    "find_hedges",
    "find_numbers",
    "hedges_near",
]
