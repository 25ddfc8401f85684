"""The examples in the library's docstrings run and give what they show."""

import doctest
import importlib
import pkgutil

import pytest

import claimtrail

# Every module of every wing, by its path below the package ("text.numbers", "cli"); the
# wings' own __init__ files only gather names and hold no examples.
MODULES = sorted(
    info.name.removeprefix("claimtrail.")
    for info in pkgutil.walk_packages(claimtrail.__path__, "claimtrail.")
    if not info.ispkg
)


# Modules whose docstrings hold no example: named here so that the test below does not
# pass for them in silence, and so that a module losing its examples is noticed.
WITHOUT_EXAMPLES = {
    "analysis.comparisons",
    "analysis.estimates",
    "analysis.flags",
    "analysis.provenance",
    "analysis.reuse",
    "analysis.support",
    "cli",
    "io.documents",
    "io.record",
    "io.reference",
    "io.sources",
    "publish.apparatus",
    "publish.downloads",
    "publish.findings",
    "publish.plot_extraction",
    "publish.plot_series",
    "publish.plots",
}


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"claimtrail.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0
    assert (result.attempted == 0) == (name in WITHOUT_EXAMPLES)


def test_every_module_is_checked() -> None:
    assert {"text.numbers", "text.timeref", "text.attribution", "extraction.extract"} <= set(
        MODULES
    )
