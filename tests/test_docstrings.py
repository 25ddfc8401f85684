"""The examples in the library's docstrings run and give what they show."""

import doctest
import importlib
import pkgutil

import pytest

import claimtrail

MODULES = sorted(info.name for info in pkgutil.iter_modules(claimtrail.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"claimtrail.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0


def test_every_module_is_checked() -> None:
    assert {"numbers", "timeref", "attribution", "extract"} <= set(MODULES)
