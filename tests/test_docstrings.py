"""The examples in the library's docstrings run and give what they show."""

import doctest
import importlib
import pkgutil

import pytest

import claimtrail

MODULES = sorted(info.name for info in pkgutil.iter_modules(claimtrail.__path__))


# Modules whose docstrings hold no example: named here so that the test below does not
# pass for them in silence, and so that a module losing its examples is noticed.
WITHOUT_EXAMPLES = {
    "apparatus",
    "book_outputs",
    "cli",
    "comparisons",
    "documents",
    "estimates",
    "findings",
    "flags",
    "plot_extraction",
    "plot_series",
    "plots",
    "provenance",
    "record",
    "reference",
    "reuse",
    "sources",
    "support",
}


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"claimtrail.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0
    assert (result.attempted == 0) == (name in WITHOUT_EXAMPLES)


def test_every_module_is_checked() -> None:
    assert {"numbers", "timeref", "attribution", "extract"} <= set(MODULES)
