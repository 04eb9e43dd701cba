"""The workbook's sheets filled and written in bulk (site/open_data/workbook.py): byte for
byte the workbook XlsxWriter makes when each cell is written through its own calls."""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from decimal import Decimal

import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.site.open_data.workbook import TableSheet
from generator.site.open_data.writers import _write_cell, neutralise

OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def _library_cells(sheet, rows, dates) -> None:
    """Each cell through the library's public calls, as the writer did before workbook.py."""
    for row, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            if type(value) is str:
                if value:
                    sheet.write_string(row, col, neutralise(value))
            elif type(value) is bool:
                sheet.write_boolean(row, col, value)
            elif type(value) in (int, float):
                sheet.write_number(row, col, value)
            elif value is not None:
                _write_cell(sheet, row, col, value, dates)


def _book(tables, bulk: bool) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, OPTIONS)
    book.set_properties({"created": dt.datetime(2000, 1, 1)})
    bold = book.add_format({"bold": True})
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    for n, rows in enumerate(tables):
        sheet = book.add_worksheet(f"s{n}", TableSheet if bulk else None)
        sheet.write_string(0, 0, "tiêu đề", bold)
        if bulk:
            sheet.fill(
                1, rows, neutralise, dates, lambda s, r, c, v: _write_cell(s, r, c, v, dates)
            )
        else:
            _library_cells(sheet, rows, dates)
        sheet.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


TEXT = st.one_of(
    st.sampled_from(["", " ", "=1+1", "-", "@x", "a & b <c>", "_x0001_", "Phòng Tổng hợp"]),
    st.text(max_size=12),
    st.integers(16_380, 16_400).map(lambda n: "a" * n),  # about half the length limit
    st.integers(16_380, 16_390).map(lambda n: "😀" * n),  # over it in UTF-16: truncated
)
CELL = st.one_of(
    st.none(),
    TEXT,
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.datetimes(),  # not a date: the writer's own way
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
)
TABLES = st.lists(st.lists(st.lists(CELL, max_size=8), max_size=40), min_size=1, max_size=3)


@settings(max_examples=60, deadline=None)
@given(TABLES)
def test_bulk_sheets_are_the_library_s_own_bytes(tables):
    assert _book(tables, bulk=True) == _book(tables, bulk=False)


def test_a_big_table_is_the_library_s_own_bytes():
    """Many rows (spans over many blocks of 16), shared strings met again far apart."""
    rows = [
        [f"Người {n % 97}", n, n % 3 == 0, dt.date(2019, 1 + n % 12, 1 + n % 28), None, n / 7]
        for n in range(3_000)
    ]
    assert _book([rows, rows[::-1]], bulk=True) == _book([rows, rows[::-1]], bulk=False)


def test_what_the_library_refuses_it_refuses_alike():
    for bad in (math.nan, math.inf):
        outcomes = []
        for bulk in (True, False):
            try:
                _book([[[bad]]], bulk)
                outcomes.append(None)
            except TypeError as exc:
                outcomes.append(type(exc))
        assert outcomes == [TypeError, TypeError]


def test_the_sheet_xml_holds_the_cells_it_was_given():
    """Not only equal to the library: the cells are there (a shared string, a number, a
    boolean, a date's serial number)."""
    sheet = _parts(_book([[["chữ", 7, True, dt.date(2020, 1, 1), Decimal("1.5")]]], True))
    xml = sheet["xl/worksheets/sheet1.xml"].decode()
    assert '<c r="A2" t="s"><v>1</v></c><c r="B2"><v>7</v></c>' in xml
    assert '<c r="C2" t="b"><v>1</v></c><c r="D2" s="2"><v>43831</v></c>' in xml
    assert "chữ" in sheet["xl/sharedStrings.xml"].decode()
