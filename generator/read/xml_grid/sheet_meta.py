"""What the XML says about one sheet (:class:`SheetMeta`), and the extent of its data,
checked against the size limits of :mod:`generator.read.sniff` as it grows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NoReturn

from generator.read import messages as msg
from generator.read.issues import column_letter
from generator.read.sniff import MAX_CELLS, MAX_COLS, MAX_ROWS


@dataclass
class SheetMeta:
    """What the XML says about one sheet. Rows are 1-based, columns 0-based."""

    name: str
    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    formulas: list[tuple[int, int, bool]] = field(default_factory=list)
    # Error cells (#DIV/0!, #REF!, ...) that calamine reads as empty: (row, col) -> text.
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    date1904: bool = False


class Extent:
    """The last row / column holding data, checked against the limits as it grows."""

    def __init__(self, rel: str, sheet: str) -> None:
        self.rel, self.sheet = rel, sheet
        self.max_row, self.max_col = 0, -1

    def add(self, row: int, col: int) -> None:
        if row > MAX_ROWS:
            self._refuse(
                f"trang tính có dữ liệu ở dòng {row}, vượt giới hạn {MAX_ROWS} dòng",
                f"the sheet has data on row {row}, beyond the {MAX_ROWS}-row limit",
            )
        if col >= MAX_COLS:
            letter, limit = column_letter(col), column_letter(MAX_COLS - 1)
            self._refuse(
                f"trang tính có dữ liệu ở cột {letter}, vượt giới hạn {MAX_COLS} cột ({limit})",
                f"the sheet has data in column {letter}, beyond the {MAX_COLS}-column limit",
            )
        self.max_row, self.max_col = max(self.max_row, row), max(self.max_col, col)
        cells = self.max_row * (self.max_col + 1)
        if cells > MAX_CELLS:
            self._refuse(
                f"vùng dữ liệu {self.max_row} dòng × {self.max_col + 1} cột vượt giới hạn "
                f"{MAX_CELLS} ô",
                f"the data spans {self.max_row} rows x {self.max_col + 1} columns, beyond "
                f"the {MAX_CELLS}-cell limit",
            )

    def _refuse(self, vi: str, en: str) -> NoReturn:
        raise msg.LoadRefused(msg.too_large(self.rel, vi, en, sheet=self.sheet))
