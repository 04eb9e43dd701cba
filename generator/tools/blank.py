"""`thidua templates`: blank workbooks that validate clean once filled in.

One workbook per department (sheets `Tập thể` and `Cá nhân`) and one initiative register,
each with the contract's headers, drop-down lists for every closed list, date and integer
validation, a frozen header row and a Vietnamese instructions sheet (`Hướng dẫn`, first).
The lists live on a hidden `Danh mục` sheet, last: hidden sheets are never read as data, and
sheets outside the contract (`Hướng dẫn`) are ignored, so neither produces an issue.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from generator.judge.config import Config
from generator.judge.model import Unit
from generator.read.columns import Column, Contract, Kind, Sheet

LISTS_SHEET = "Danh mục"
INSTRUCTIONS_SHEET = "Hướng dẫn"
_FIXED_TIME = dt.datetime(2000, 1, 1)
_YESNO = ("Có", "Không")
ROWS = 200  # rows below the header that carry validation
_DATE_RANGE = (dt.date(1920, 1, 1), dt.date(2099, 12, 31))

_INSTRUCTIONS = (
    "HƯỚNG DẪN ĐIỀN BIỂU MẪU",
    "1. Không đổi tên trang tính, không đổi tên cột, không chèn hay xóa cột.",
    "2. Trang tính “{submission}”: đúng một dòng dữ liệu (dòng 2) cho chính phòng, bộ phận; "
    "“{unit}” đã điền sẵn, không sửa.",
    "3. Trang tính “{nominees}”: mỗi cá nhân được đề nghị một dòng, từ dòng 2, không để dòng trống "
    "ở giữa; “{staff}” không được trùng.",
    "4. Ngày ghi theo dạng dd/mm/yyyy (ví dụ 05/12/2019).",
    "5. Các cột có danh sách chọn: chọn giá trị trong danh sách, không gõ khác đi.",
    "6. Không gộp ô, không ẩn hay lọc dòng, không dùng công thức; không gõ bằng phông "
    ".VnTime hoặc VNI (chỉ dùng Unicode).",
    "7. Cột ghi “nội bộ” chỉ dùng để xét, không bao giờ được công bố.",
    "8. Nộp hồ sơ đầy đủ (tờ trình, biên bản họp xét, báo cáo thành tích) đúng hạn.",
    "9. Lưu tệp dạng Excel (.xlsx), giữ nguyên tên tệp.",
)
_KIND_LABEL = {
    Kind.TEXT: "chữ",
    Kind.INT: "số nguyên không âm",
    Kind.NUMBER: "số (dấu phẩy trước phần thập phân)",
    Kind.PERCENT: "tỷ lệ phần trăm, ví dụ 85% hoặc 85,5%",
    Kind.DATE: "ngày dd/mm/yyyy",
    Kind.YESNO: "Có / Không",
    Kind.RATING: "xếp loại (chọn trong danh sách)",
    Kind.CHOICE: "chọn trong danh sách",
    Kind.LIST: "nhiều giá trị, cách nhau bằng dấu ;",
}


def write_templates(units: list[Unit], config: Config, out: Path) -> list[Path]:
    """Write one workbook per unit and a blank initiative register; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    contract = config.data_contract
    for unit in units:
        path = out / f"{unit.code}.xlsx"
        _workbook(path, contract.layout.department_sheets, config, [{"unit": unit.code}])
        written.append(path)
    stem, register_sheet = _initiative_register(contract)
    register = out / f"{stem}.xlsx"
    _workbook(register, (register_sheet,), config, [])
    written.append(register)
    return written


def write_registers(
    config: Config, out: Path, units: list[Unit] | tuple[Unit, ...] = ()
) -> list[Path]:
    """Write a blank workbook for every register the contract's layout declares (the units
    register filled with ``units``, when given) into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    rows = [_unit_row(u) for u in units]
    for stem, sheet, _ in config.data_contract.layout.registers:
        path = out / f"{stem}.xlsx"
        _workbook(path, (sheet,), config, rows if sheet.id == "units" else [])
        written.append(path)
    return written


def _unit_row(unit: Unit) -> dict[str, str]:
    row = {"code": unit.code, "name": unit.name, "kind": unit.kind or ""}
    return row | ({"order": str(unit.order)} if unit.order is not None else {})


def _initiative_register(contract: Contract) -> tuple[str, Sheet]:
    """The file stem and sheet of the initiative register (filled in by the office)."""
    return next((f, s) for f, s, _ in contract.layout.registers if s.id == "initiatives")


def instructions(contract: Contract) -> tuple[str, ...]:
    """The instructions sheet's lines, naming the contract's sheets and key columns."""
    submission, nominees = (contract.sheet(i) for i in ("submission", "nominees"))
    names = {
        "submission": submission.name,
        "unit": submission.column("unit").header,
        "nominees": nominees.name,
        "staff": nominees.column("staff_code").header,
    }
    return tuple(line.format(**names) for line in _INSTRUCTIONS)


def _workbook(
    path: Path, sheets: tuple[Sheet, ...], config: Config, rows: list[dict[str, str]]
) -> None:
    """One workbook of ``sheets``; ``rows`` (column key → text) fill the first sheet."""
    book = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    book.set_properties({"created": _FIXED_TIME, "title": "Biểu mẫu thi đua CCHC"})
    _instructions(book, sheets, config)
    ranges = _list_ranges(sheets)
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    formats = {
        Kind.DATE: book.add_format({"num_format": "dd/mm/yyyy"}),
        Kind.TEXT: book.add_format({"num_format": "@"}),
        Kind.LIST: book.add_format({"num_format": "@"}),
    }
    data_sheets = [book.add_worksheet(sheet.name) for sheet in sheets]
    for n, (ws, sheet) in enumerate(zip(data_sheets, sheets, strict=True)):
        _data_sheet(ws, sheet, head, formats, ranges, rows if n == 0 else [])
    _lists(book, sheets)
    data_sheets[0].activate()
    book.close()


def _instructions(book: Any, sheets: tuple[Sheet, ...], config: Config) -> None:
    ws = book.add_worksheet(INSTRUCTIONS_SHEET)
    bold = book.add_format({"bold": True})
    ws.set_column(0, 0, 34)
    ws.set_column(1, 3, 28)
    ws.set_column(4, 4, 60)
    row = 0
    for line in instructions(config.data_contract):
        ws.write_string(row, 0, line, bold if row == 0 else None)
        row += 1
    deadline = f"Hạn nộp hồ sơ: {config.dossier_deadline:%d/%m/%Y}."
    ws.write_string(row + 1, 0, deadline, bold)
    row += 3
    for sheet in sheets:
        ws.write_string(row, 0, f"Trang tính “{sheet.name}”", bold)
        row += 1
        for c, title in enumerate(("Cột", "Bắt buộc", "Kiểu", "Công bố", "Giá trị / ghi chú")):
            ws.write_string(row, c, title, bold)
        row += 1
        for col in sheet.columns:
            _describe(ws, row, col)
            row += 1
        row += 1


def _describe(ws: Any, row: int, col: Column) -> None:
    values = ", ".join(_options(col))
    ws.write_string(row, 0, col.header)
    ws.write_string(row, 1, "bắt buộc" if col.required else "")
    ws.write_string(row, 2, _KIND_LABEL[col.kind])
    ws.write_string(row, 3, "công bố" if col.public else "nội bộ, không công bố")
    ws.write_string(row, 4, values or col.description)


def _options(col: Column) -> tuple[str, ...]:
    if col.kind == Kind.RATING:
        return tuple(label for _, label in col.ratings)
    if col.kind == Kind.YESNO:
        return _YESNO
    return col.choices


def _closed(sheets: tuple[Sheet, ...]) -> list[Column]:
    """The columns with a closed list, one per header (in order of appearance)."""
    seen: dict[str, Column] = {}
    for sheet in sheets:
        for col in sheet.columns:
            if _options(col) and col.header not in seen:
                seen[col.header] = col
    return list(seen.values())


def _list_ranges(sheets: tuple[Sheet, ...]) -> dict[str, str]:
    """Header → the `Danh mục` range holding its allowed values."""
    ranges: dict[str, str] = {}
    for index, col in enumerate(_closed(sheets)):
        letter = xl_col_to_name(index)
        last = len(_options(col)) + 1
        ranges[col.header] = f"='{LISTS_SHEET}'!${letter}$2:${letter}${last}"
    return ranges


def _lists(book: Any, sheets: tuple[Sheet, ...]) -> None:
    ws = book.add_worksheet(LISTS_SHEET)
    for index, col in enumerate(_closed(sheets)):
        ws.write_string(0, index, col.header)
        for row, option in enumerate(_options(col), start=1):
            ws.write_string(row, index, option)
    ws.hide()


def _data_sheet(
    ws: Any,
    sheet: Sheet,
    head: Any,
    formats: dict[Kind, Any],
    ranges: dict[str, str],
    rows: list[dict[str, str]],
) -> None:
    ws.set_row(0, 45)
    for index, col in enumerate(sheet.columns):
        ws.write_string(0, index, col.header, head)
        ws.set_column(index, index, max(14, min(len(col.header) + 2, 30)), formats.get(col.kind))
        _validation(ws, index, col, ranges)
        for number, row in enumerate(rows, start=1):
            if row.get(col.key):
                _write(ws, number, index, col, row[col.key])
    ws.freeze_panes(1, 0)


def _write(ws: Any, row: int, index: int, col: Column, text: str) -> None:
    """A prefilled cell: an integer column gets a number cell, anything else text."""
    if col.kind == Kind.INT and text.isdigit():
        ws.write_number(row, index, int(text))
    else:
        ws.write_string(row, index, text)


def _validation(ws: Any, index: int, col: Column, ranges: dict[str, str]) -> None:
    area = (1, index, ROWS, index)
    common: dict[str, Any] = {
        "ignore_blank": True,
        "error_title": col.header[:32],
        "input_title": col.header[:32],
    }
    if col.header in ranges:
        ws.data_validation(
            *area,
            common
            | {
                "validate": "list",
                "source": ranges[col.header],
                "input_message": "Chọn một giá trị trong danh sách.",
                "error_message": "Hãy chọn một giá trị trong danh sách.",
            },
        )
    elif col.kind == Kind.INT:
        ws.data_validation(
            *area,
            common
            | {
                "validate": "integer",
                "criteria": ">=",
                "value": 0,
                "input_message": "Số nguyên không âm.",
                "error_message": "Hãy nhập số nguyên không âm.",
            },
        )
    elif col.kind == Kind.DATE:
        ws.data_validation(
            *area,
            common
            | {
                "validate": "date",
                "criteria": "between",
                "minimum": _DATE_RANGE[0],
                "maximum": _DATE_RANGE[1],
                "input_message": "Ngày dạng dd/mm/yyyy, ví dụ 05/12/2019.",
                "error_message": "Hãy nhập ngày dạng dd/mm/yyyy.",
            },
        )
