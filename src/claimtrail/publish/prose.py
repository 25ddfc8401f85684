"""Small pieces of computed prose: counts with the right plural.

>>> counted(1, "article"), counted(3, "article"), counted(0, "match", "matches")
('1 article', '3 articles', '0 matches')
"""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun in the number that agrees with it."""
    return f"{count:,} {singular if count == 1 else plural or singular + 's'}"
