"""The book's figure rules: size, type, palette, and a colour-vision check of the palette.

- Figures are drawn at the size they are shown: the book theme's text column is about
  740 px wide at desktop width, so a figure is :data:`WIDTH_IN` inches at :data:`DPI`
  dots per inch (730 px) and the page shows it at its natural size.
- Text is at least :data:`MIN_TEXT_PX` pixels tall on screen (:func:`smallest_text_px`).
- Colours come from the Okabe-Ito palette, which stays apart for readers with a colour
  vision deficiency (:func:`palette_problems` simulates it, Machado et al. 2009, through
  colorspacious); a series also differs by marker and line style, so it survives a
  grayscale print (:func:`series_styles`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from colorspacious import cspace_convert
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text

WIDTH_IN = 7.3
DPI = 100
MIN_TEXT_PX = 10.0
# Okabe & Ito (2008), "Color Universal Design": orange, sky blue, bluish green, yellow,
# blue, vermilion, reddish purple, black.
OKABE_ITO = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)
# The series colours, yellow left out (it does not read on white), in an order that
# alternates dark and light so that neighbouring series differ in grayscale too.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#000000", "#56B4E9", "#D55E00", "#009E73", "#CC79A7")
MARKERS = ("o", "s", "D", "^", "v", "P", "X")
LINESTYLES = ("-", "--", ":", "-.")
DEFICIENCIES = ("deuteranomaly", "protanomaly", "tritanomaly")


def new_figure(height_in: float, **subplots: object) -> tuple[Figure, object]:
    """A figure at the book's column width and resolution, without top and right spines
    (matplotlib's default type, 10 points, is 14 px at this resolution): (figure, axes)."""
    figure, axes = plt.subplots(
        figsize=(WIDTH_IN, height_in), dpi=DPI, layout="constrained", **subplots
    )
    for ax in figure.axes:
        ax.spines[["top", "right"]].set_visible(False)
    return figure, axes


def smallest_text_px(figure: Figure) -> float:
    """The height in screen pixels of the smallest visible text in ``figure``, drawn at
    its own dpi and shown at its natural size."""
    figure.canvas.draw()
    sizes = [
        text.get_fontsize() * figure.dpi / 72
        for text in figure.findobj(Text)
        if text.get_visible() and text.get_text().strip()
    ]
    return min(sizes) if sizes else float("inf")


def series_styles(count: int) -> list[tuple[str, str, str]]:
    """(colour, marker, line style) for ``count`` series: no two share a colour, and no two
    share both marker and line style, so they stay apart without colour."""
    if count > len(SERIES_COLOURS):
        raise ValueError(f"{count} series: at most {len(SERIES_COLOURS)} can be told apart")
    return [
        (SERIES_COLOURS[i], MARKERS[i % len(MARKERS)], LINESTYLES[i % len(LINESTYLES)])
        for i in range(count)
    ]


def _ucs(rgb: np.ndarray) -> np.ndarray:
    return cspace_convert(np.clip(rgb, 0, 1), "sRGB1", "CAM02-UCS")


def simulate(colours: Sequence[str], deficiency: str, severity: float = 100) -> np.ndarray:
    """The colours as a reader with ``deficiency`` sees them (sRGB 0-1 rows), by the
    Machado, Oliveira and Fernandes (2009) model as implemented in colorspacious."""
    rgb = np.array([to_rgb(c) for c in colours])
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": severity}
    return np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)


def palette_problems(colours: Sequence[str], min_distance: float = 10.0) -> list[str]:
    """Pairs of ``colours`` that come closer than ``min_distance`` (perceptual distance in
    CAM02-UCS; about 10 is a clearly visible difference) for normal vision or for a full
    deuteranomaly, protanomaly or tritanomaly. An empty list: the palette passes.

    >>> palette_problems(["#0072B2", "#E69F00"])
    []
    >>> palette_problems(["#FF0000", "#00A000"])[0].startswith("deuteranomaly")
    True
    """
    problems = []
    views = {"normal vision": np.array([to_rgb(c) for c in colours])}
    views |= {d: simulate(colours, d) for d in DEFICIENCIES}
    for view, rgb in views.items():
        points = _ucs(rgb)
        for i, j in itertools.combinations(range(len(colours)), 2):
            distance = float(np.linalg.norm(points[i] - points[j]))
            if distance < min_distance:
                problems.append(f"{view}: {colours[i]} and {colours[j]} differ by {distance:.1f}")
    return problems
