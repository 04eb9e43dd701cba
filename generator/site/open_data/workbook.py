"""The workbook's sheets filled and written in bulk, byte for byte as XlsxWriter does it.

XlsxWriter (3.3.1, pinned) spends some 6 µs on each cell, half filling its cell table
(``write_string``, ``write_number``…, each checking the cell's place and keeping the
sheet's dimensions), half writing the table as XML; a big campaign's workbook has 800,000
cells, which made it the longest step of a rebuild. :class:`TableSheet` is the library's
own worksheet (``Workbook.add_worksheet(name, worksheet_class=TableSheet)``) with two
things done in bulk:

* :meth:`TableSheet.fill`: rows of text, numbers and booleans become the same cell records,
  the same shared strings in the same order and the same dimensions as the library's own
  calls one cell at a time; any other value, and any text or number the library would treat
  apart (longer than half its limit, not finite), goes through the library's own call;
* :meth:`TableSheet._write_rows`: the ``<sheetData>`` rows of those records, the same XML as
  the library's, which it hands back to whenever the sheet has anything else (row or column
  options, comments, another kind of cell, constant memory, Excel 2010 extensions).

``tests/test_workbook.py`` holds both to the library's own output on generated tables.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import (
    CellBooleanTuple,
    CellDatetimeTuple,
    CellNumberTuple,
    CellStringTuple,
    Worksheet,
)

Value = object
Slow = Callable[[Worksheet, int, int, Value], None]  # one cell the library's way
_new = tuple.__new__  # a cell record made as the library's own are, without its __new__


class TableSheet(Worksheet):  # type: ignore[misc]
    """A worksheet that takes rows of cells in bulk (:meth:`fill`)."""

    def fill(
        self,
        first_row: int,
        rows: Sequence[Sequence[Value]],
        clean: Callable[[str], str],
        dates: object,
        slow: Slow,
    ) -> None:
        """Write ``rows`` from row ``first_row`` on, as the library's calls for each cell
        would: a non-empty text as ``write_string`` of ``clean(text)``, a bool as
        ``write_boolean``, an int or float as ``write_number``, a date as ``write_datetime``
        of its midnight in the format ``dates``; None and '' are no cell; anything else is
        ``slow``'s."""
        cells = _Cells(self, clean, dates, slow)
        if first_row + len(rows) > self.xls_rowmax or self.constant_memory:
            cells.one_by_one(first_row, rows)
            return
        for row, values in enumerate(rows, start=first_row):
            if len(values) > self.xls_colmax:
                cells.one_by_one(row, [values])
                continue
            made = cells.of_row(row, values)
            if made:
                self.table[row].update(made)
                self._check_dimensions(row, min(made))
                self._check_dimensions(row, max(made))

    def _write_rows(self) -> None:
        """The sheet's rows as the library writes them (its own code for anything else)."""
        simple = not (self.row_info or self.comments or self.col_info or self.constant_memory)
        xml = _rows_xml(self) if simple and self._plain_rows() else None
        if xml is None:
            super()._write_rows()
            return
        self.fh.write(xml)

    def _plain_rows(self) -> bool:
        return bool(
            self.excel_version != 2010 and self.default_row_height == self.original_row_height
        )


class _Cells:
    """The cell records of one sheet's rows, made as the library's calls make them."""

    def __init__(self, sheet: Worksheet, clean: Callable[[str], str], dates: object, slow: Slow):
        self.sheet, self.clean, self.dates, self.slow = sheet, clean, dates, slow
        self.texts: dict[str, str] = {}  # each text cleaned once (a unit's name, a label)
        self.serials: dict[dt.date, float] = {}  # each date's Excel serial number, made once
        self.shared = sheet.str_table._get_shared_string_index
        self.half = sheet.xls_strmax // 2  # longer texts: the library's own length check

    def text(self, value: str) -> str:
        cleaned = self.texts.get(value)
        if cleaned is None:
            cleaned = self.texts[value] = self.clean(value)
        return cleaned

    def serial(self, day: dt.date) -> float:
        number = self.serials.get(day)
        if number is None:
            midnight = dt.datetime.combine(day, dt.time())
            number = self.serials[day] = self.sheet._convert_date_time(midnight)
        return number

    def of_row(self, row: int, values: Sequence[Value]) -> dict[int, tuple[object, ...]]:
        """One row's records by column, those made here (the library wrote the others)."""
        made: dict[int, tuple[object, ...]] = {}
        texts = self.texts
        for col, value in enumerate(values):
            kind = type(value)
            if kind is str:
                if value:
                    text = texts.get(value) or self.text(value)  # type: ignore[call-overload,arg-type]
                    if len(text) > self.half:
                        self.sheet._write_string(row, col, text)
                    else:
                        made[col] = _new(CellStringTuple, (self.shared(text), None))
            elif kind is bool:
                made[col] = _new(CellBooleanTuple, (1 if value else 0, None))
            elif kind is int or (kind is float and math.isfinite(value)):  # type: ignore[arg-type]
                made[col] = _new(CellNumberTuple, (value, None))
            elif kind is dt.date:
                made[col] = _new(CellDatetimeTuple, (self.serial(value), self.dates))  # type: ignore[arg-type]
            elif value is not None:
                self.slow(self.sheet, row, col, value)
        return made

    def one_by_one(self, first_row: int, rows: Sequence[Sequence[Value]]) -> None:
        """``rows`` through the library's calls, cell by cell."""
        sheet = self.sheet
        for row, values in enumerate(rows, start=first_row):
            for col, value in enumerate(values):
                kind = type(value)
                if kind is str and value:
                    sheet._write_string(row, col, self.text(value))  # type: ignore[arg-type]
                elif kind is bool:
                    sheet._write_boolean(row, col, value)
                elif kind is int or kind is float:
                    sheet._write_number(row, col, value)
                elif kind is dt.date:
                    midnight = dt.datetime.combine(value, dt.time())  # type: ignore[arg-type]
                    sheet.write_datetime(row, col, midnight, self.dates)
                elif value is not None and kind is not str:
                    self.slow(sheet, row, col, value)


def _spans(sheet: Worksheet) -> dict[int, str]:
    """The ``spans`` of each block of 16 rows: first and last column of their cells."""
    spans: dict[int, list[int]] = {}
    for row, cells in sheet.table.items():
        if cells:
            low, high = min(cells), max(cells)
            span = spans.setdefault(row // 16, [low, high])
            span[0], span[1] = min(span[0], low), max(span[1], high)
    return {block: f"{low + 1}:{high + 1}" for block, (low, high) in spans.items()}


def _rows_xml(sheet: Worksheet) -> str | None:
    """The rows' XML, or None when a cell is of a kind this does not write."""
    spans = _spans(sheet)
    sheet.row_spans = spans
    letters: dict[int, str] = {}
    out: list[str] = []
    for row in sorted(r for r, cells in sheet.table.items() if cells):
        number = row + 1
        span = spans.get(row // 16)
        out.append(f'<row r="{number}" spans="{span}">' if span else f'<row r="{number}">')
        for col, cell in sorted(sheet.table[row].items()):
            name = letters.get(col)
            if name is None:
                name = letters[col] = xl_col_to_name(col)
            if type(cell) is CellStringTuple and cell.format is None:  # most cells
                out.append(f'<c r="{name}{number}" t="s"><v>{cell.string}</v></c>')
                continue
            text = _cell_xml(f"{name}{number}", cell)
            if text is None:
                return None
            out.append(text)
        out.append("</row>")
    return "".join(out)


def _cell_xml(ref: str, cell: tuple[object, ...]) -> str | None:
    """One ``<c>`` element as the library writes it, or None for another kind of cell."""
    kind = type(cell)
    style = f' s="{cell.format._get_xf_index()}"' if cell.format else ""  # type: ignore[attr-defined]
    if kind is CellStringTuple:
        return f'<c r="{ref}"{style} t="s"><v>{cell.string}</v></c>'  # type: ignore[attr-defined]
    if kind is CellNumberTuple or kind is CellDatetimeTuple:
        return f'<c r="{ref}"{style}><v>{cell.number:.16G}</v></c>'  # type: ignore[attr-defined]
    if kind is CellBooleanTuple:
        return f'<c r="{ref}"{style} t="b"><v>{cell.boolean}</v></c>'  # type: ignore[attr-defined]
    return None
