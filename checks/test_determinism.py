"""Two executions of every notebook from a clean state give identical outputs.

The two kernels run with different hash seeds (PYTHONHASHSEED), so an output that hangs
on the order of a set of strings fails here every time rather than now and then.

Everything is compared exactly except a figure's pixels: the anti-aliasing of a line can
come out one grey level apart on a few pixels from one process to the next (seen on a
diagonal arrow of figure 3.1). A figure passes when it has the same size and at most
:data:`PIXEL_TOLERANCE` of its pixels differ, by at most :data:`LEVEL_TOLERANCE` levels;
a figure drawn differently (moved, missing or extra marks) changes far more.
"""

from __future__ import annotations

import base64
import io
import json
import os
from pathlib import Path

import nbformat
import numpy as np
import pytest
from conftest import ROOT
from nbclient import NotebookClient
from PIL import Image

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
PIXEL_TOLERANCE = 0.001  # share of a figure's pixels
LEVEL_TOLERANCE = 2  # grey levels out of 255


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


def _pixels(encoded: str) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(encoded))).convert("RGBA"), int)


def same_figure(first: str, second: str) -> bool:
    """Whether two base64 PNGs show the same figure, up to the rounding described above."""
    a, b = _pixels(first), _pixels(second)
    if a.shape != b.shape:
        return False
    levels = np.abs(a - b).max(axis=2)
    return bool(levels.max() <= LEVEL_TOLERANCE and (levels > 0).mean() <= PIXEL_TOLERANCE)


def _without_figures(first: list, second: list) -> tuple[list, list]:
    """Both runs of a cell with the PNGs that show the same figure taken out."""
    a, b = json.loads(json.dumps(first)), json.loads(json.dumps(second))
    for x, y in zip(a, b, strict=False):
        png_x, png_y = x.get("data", {}).get("image/png"), y.get("data", {}).get("image/png")
        if png_x and png_y and same_figure(png_x, png_y):
            del x["data"]["image/png"], y["data"]["image/png"]
    return a, b


def _differs(first: list, second: list) -> bool:
    """Whether two runs of a cell differ in anything but a figure's rounding."""
    if first == second:
        return False
    a, b = _without_figures(first, second)
    return a != b


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
    differing = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if _differs(a, b)]
    assert not differing, (
        f"{path.name}: code cells {differing} differ between two runs: "
        + "; ".join(_difference(first[i], second[i]) for i in differing)
    )
    assert any(first), f"{path.name} produced no output"


def _png(pixels: np.ndarray) -> str:
    stream = io.BytesIO()
    Image.fromarray(pixels.astype(np.uint8)).save(stream, format="PNG")
    return base64.b64encode(stream.getvalue()).decode()


def test_figures_compare_up_to_rounding_only() -> None:
    figure = np.full((100, 100, 3), 255)
    figure[40:60, 10:90] = 0  # a bar
    rounded = figure.copy()
    rounded[40, 10:15] = 1  # five pixels one grey level apart
    moved = np.full((100, 100, 3), 255)
    moved[42:62, 10:90] = 0  # the bar two pixels lower
    assert same_figure(_png(figure), _png(rounded))
    assert not same_figure(_png(figure), _png(moved))
    assert not same_figure(_png(figure), _png(figure[:90]))
