"""The package's layering, read from the imports of every module: each wing imports only
the wings below it (text, then io, then extraction, then analysis, then publish), and
nothing imports the command line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "claimtrail"
WINGS = ("text", "io", "extraction", "analysis", "publish")
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _wing(module: str) -> str:
    """The wing of a dotted module name below claimtrail ("io.claims" -> "io")."""
    return module.split(".")[0]


def imported(path: Path) -> set[str]:
    """The claimtrail modules ``path`` imports, below the package ("text.numbers"),
    wherever the import sits (a function body too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = node.module.split(".")
            if names[0] == "claimtrail":
                below = names[1:] or [alias.name for alias in node.names]
                found.add(".".join(below) if len(names) > 1 else below[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                names = alias.name.split(".")
                if names[0] == "claimtrail" and len(names) > 1:
                    found.add(".".join(names[1:]))
    return found


def violations(module: str, imports: set[str]) -> list[str]:
    """The imports of ``module`` (dotted, below claimtrail) that break the rules, each in
    words."""
    problems = []
    for target in sorted(imports):
        if _wing(target) == "cli":
            problems.append(f"{module} imports {target}: nothing imports the command line")
            continue
        if module == "cli":
            continue
        mine, theirs = _wing(module), _wing(target)
        if theirs not in WINGS:
            problems.append(f"{module} imports {target}: not a module of a wing")
        elif WINGS.index(theirs) > WINGS.index(mine):
            allowed = ", ".join(WINGS[: WINGS.index(mine) + 1])
            problems.append(f"{module} imports {target}: {mine} may import only {allowed}")
    return problems


def _dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts) or "__init__"


@pytest.mark.parametrize("path", MODULES, ids=_dotted)
def test_module_imports_only_wings_below(path: Path) -> None:
    module = _dotted(path)
    if module == "__init__":
        assert imported(path) == set()
        return
    assert violations(module, imported(path)) == []


def test_every_module_sits_in_a_wing() -> None:
    loose = [_dotted(p) for p in MODULES if len(p.relative_to(PACKAGE).parts) == 1]
    assert sorted(loose) == ["__init__", "cli"]
    assert {p.relative_to(PACKAGE).parts[0] for p in MODULES} - {"__init__.py", "cli.py"} == set(
        WINGS
    )


def test_rules_catch_an_upward_import() -> None:
    assert violations("analysis.flags", {"publish.tables"}) == [
        "analysis.flags imports publish.tables: analysis may import only text, io, "
        "extraction, analysis"
    ]
    assert violations("extraction.extract", {"io.claims", "text.numbers"}) == []
    assert violations("text.numbers", {"io.errors"}) == [
        "text.numbers imports io.errors: text may import only text"
    ]
    assert violations("publish.plots", {"cli"}) == [
        "publish.plots imports cli: nothing imports the command line"
    ]


def test_no_module_grows_past_one_readers_attention() -> None:
    long = {
        _dotted(p): n
        for p in MODULES
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 850
    }
    assert long == {}
