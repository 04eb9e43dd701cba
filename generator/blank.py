"""`thidua templates`: blank workbooks that validate clean once filled in.

One workbook per department (sheets `Tập thể` and `Cá nhân`) and one initiative register,
each with the contract's headers, drop-down lists for every closed list, date and integer
validation, a frozen header row and a Vietnamese instructions sheet. Lists live on a hidden
`Danh mục` sheet (hidden sheets are never read as data).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import xlsxwriter

from .config import Config
from .model import Unit
from .schema import INITIATIVES, NOMINEES, RATINGS, SUBMISSION, Column, Kind, Sheet

LISTS_SHEET = "Danh mục"
_FIXED_TIME = dt.datetime(2000, 1, 1)
_YESNO = ("Có", "Không")
ROWS = 200  # rows below the header that carry validation

INSTRUCTIONS = (
    "HƯỚNG DẪN ĐIỀN BIỂU MẪU",
    "1. Không đổi tên trang tính, không đổi tên cột, không chèn cột vào giữa.",
    "2. Trang tính “Tập thể”: đúng một dòng dữ liệu cho chính phòng, bộ phận.",
    "3. Trang tính “Cá nhân”: mỗi cá nhân được đề nghị một dòng; “Mã CB” không được trùng.",
    "4. Ngày ghi theo dạng dd/mm/yyyy (ví dụ 05/12/2019).",
    "5. Các cột có danh sách chọn: chọn giá trị trong danh sách, không gõ khác đi.",
    "6. Không gộp ô, không ẩn dòng, không dùng công thức.",
    "7. Các cột Mã CB, Ngày sinh, Kỷ luật, Điện thoại, Ghi chú chỉ dùng nội bộ, không công bố.",
    "8. Nộp hồ sơ đầy đủ (tờ trình, biên bản họp xét, báo cáo thành tích) đúng hạn.",
)


def write_templates(units: list[Unit], config: Config, out: Path) -> list[Path]:
    """Write one workbook per unit and a blank initiative register; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for unit in units:
        path = out / f"{unit.code}.xlsx"
        _workbook(path, (SUBMISSION, NOMINEES), config, {"unit": unit.code})
        written.append(path)
    register = out / "sang-kien.xlsx"
    _workbook(register, (INITIATIVES,), config, {})
    written.append(register)
    return written


def _workbook(
    path: Path, sheets: tuple[Sheet, ...], config: Config, prefill: dict[str, str]
) -> None:
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"created": _FIXED_TIME, "title": "Biểu mẫu thi đua CCHC"})
    _instructions(book, config)
    ranges = _lists(book, sheets)
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    for sheet in sheets:
        _data_sheet(book.add_worksheet(sheet.name), sheet, head, ranges, prefill, book)
    book.get_worksheet_by_name(LISTS_SHEET).hide()
    book.worksheets()[1].activate()
    book.close()


def _instructions(book: Any, config: Config) -> None:
    sheet = book.add_worksheet("Hướng dẫn")
    sheet.set_column(0, 0, 100)
    for row, line in enumerate(INSTRUCTIONS):
        sheet.write_string(row, 0, line)
    sheet.write_string(
        len(INSTRUCTIONS) + 1, 0, f"Hạn nộp hồ sơ: {config.dossier_deadline:%d/%m/%Y}."
    )


def _options(col: Column) -> tuple[str, ...]:
    if col.kind == Kind.RATING:
        return tuple(RATINGS.values())
    if col.kind == Kind.YESNO:
        return _YESNO
    return col.choices


def _lists(book: Any, sheets: tuple[Sheet, ...]) -> dict[str, str]:
    lists = book.add_worksheet(LISTS_SHEET)
    ranges: dict[str, str] = {}
    column = 0
    for sheet in sheets:
        for col in sheet.columns:
            options = _options(col)
            if not options or col.header in ranges:
                continue
            lists.write_string(0, column, col.header)
            for row, option in enumerate(options, start=1):
                lists.write_string(row, column, option)
            letter = xlsxwriter.utility.xl_col_to_name(column)
            ranges[col.header] = f"='{LISTS_SHEET}'!${letter}$2:${letter}${len(options) + 1}"
            column += 1
    return ranges


def _data_sheet(
    ws: Any, sheet: Sheet, head: Any, ranges: dict[str, str], prefill: dict[str, str], book: Any
) -> None:
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    text_format = book.add_format({"num_format": "@"})
    for index, col in enumerate(sheet.columns):
        ws.write_string(0, index, col.header, head)
        ws.set_column(
            index,
            index,
            max(12, len(col.header) + 2),
            date_format
            if col.kind == Kind.DATE
            else text_format
            if col.kind == Kind.TEXT
            else None,
        )
        _validation(ws, index, col, ranges)
        if col.key in prefill:
            ws.write_string(1, index, prefill[col.key])
    ws.freeze_panes(1, 0)


def _validation(ws: Any, index: int, col: Column, ranges: dict[str, str]) -> None:
    area = (1, index, ROWS, index)
    message = {"error_title": col.header, "ignore_blank": True}
    if col.header in ranges and _options(col):
        ws.data_validation(
            *area,
            {
                "validate": "list",
                "source": ranges[col.header],
                "error_message": "Hãy chọn một giá trị trong danh sách.",
                **message,
            },
        )
    elif col.kind == Kind.INT:
        ws.data_validation(
            *area,
            {
                "validate": "integer",
                "criteria": ">=",
                "value": 0,
                "error_message": "Hãy nhập số nguyên không âm.",
                **message,
            },
        )
    elif col.kind == Kind.DATE:
        start, end = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
        ws.data_validation(
            *area,
            {
                "validate": "date",
                "criteria": "between",
                "minimum": start,
                "maximum": end,
                "error_message": "Hãy nhập ngày dạng dd/mm/yyyy.",
                **message,
            },
        )
