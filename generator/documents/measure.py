"""Text widths from the font metrics of Liberation Serif, which match Times New Roman's: the
length of the rules under the tiêu ngữ and the trích yếu, and the fitting of certificate fields."""

from __future__ import annotations

from functools import cache

from fontTools.ttLib import TTFont

from generator.documents.fonts import font_files

POINT_MM = 25.4 / 72


@cache
def _advances(style: str) -> tuple[dict[int, int], int, int]:
    font = TTFont(str(font_files()[style]), lazy=True)
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    widths = {code: metrics[glyph][0] for code, glyph in cmap.items()}
    return widths, int(font["head"].unitsPerEm), metrics[".notdef"][0]


def width_mm(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width of one line of text at ``size`` pt, in millimetres."""
    style = "B" if bold else ("I" if italic else "")
    widths, em, missing = _advances(style)
    units = sum(widths.get(ord(ch), missing) for ch in text)
    return units / em * size * POINT_MM
