"""Two executions of every notebook from a clean state give identical outputs.

The two kernels run with different hash seeds (PYTHONHASHSEED), so an output that hangs
on the order of a set of strings fails here every time rather than now and then.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _outputs(path: Path, hash_seed: int) -> list:
    """Execute a fresh copy of the notebook, its kernel started with ``hash_seed``, and
    return its code cells' outputs."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=600,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute(env={**os.environ, "PYTHONHASHSEED": str(hash_seed)})
    return [
        [{k: v for k, v in output.items() if k != "metadata"} for output in cell.outputs]
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]


def _difference(first: list, second: list) -> str:
    """The first line where two runs of a cell differ, for the failure message."""
    a, b = json.dumps(first, indent=1).splitlines(), json.dumps(second, indent=1).splitlines()
    line = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return f"line {line}: {a[line : line + 1]} then {b[line : line + 1]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_two_executions_are_identical(path: Path) -> None:
    first, second = _outputs(path, hash_seed=1), _outputs(path, hash_seed=2)
    differing = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    assert not differing, (
        f"{path.name}: code cells {differing} differ between two runs: "
        + "; ".join(_difference(first[i], second[i]) for i in differing)
    )
    assert any(first), f"{path.name} produced no output"
