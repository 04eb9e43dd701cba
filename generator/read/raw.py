"""What the load stage hands on: cell grids exactly as the spreadsheet holds them."""

from __future__ import annotations

from dataclasses import dataclass, field

# A cell value as read: str, int, float, bool, datetime.date / datetime.datetime, or None.
Cell = object


@dataclass(frozen=True)
class RawSheet:
    """One visible sheet. ``cells[r][c]`` is spreadsheet row r+1, column c (0 = A)."""

    name: str
    cells: list[list[Cell]]
    # 1-based spreadsheet rows that are hidden or filtered out.
    hidden_rows: frozenset[int] = frozenset()
    # Merged ranges as (first_row, first_col, last_row, last_col), rows 1-based, cols 0-based.
    merged: tuple[tuple[int, int, int, int], ...] = ()
    # (row, col) of formula cells, 1-based row, 0-based col, and whether a cached value exists.
    formulas: tuple[tuple[int, int, bool], ...] = ()
    # 0-based columns hidden in the sheet (only the first 1,024 are recorded).
    hidden_cols: frozenset[int] = frozenset()
    # The workbook counts date serials from 1904 (old Mac Excel), not from 1900.
    date1904: bool = False


@dataclass(frozen=True)
class RawWorkbook:
    """A whole file: its visible sheets, and the names of the hidden ones (never read)."""

    file: str  # path relative to the data directory, with forward slashes
    sheets: dict[str, RawSheet]
    hidden_sheets: tuple[str, ...] = field(default=())
