"""The Council's summary list (.xlsx): collectives, then individuals, grouped by department in
the site's order; print-ready (A4 landscape, header row repeated, fit to width, Times New
Roman); every cell is text or a number, never a formula or a link."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import xlsxwriter

from generator.documents import zipfix
from generator.documents.entries import Entry, candidates, shown_values
from generator.documents.summary import achievement, criteria_status, notes, votes
from generator.judge.documents_config import Documents
from generator.judge.pipeline import Result

FONT = "Times New Roman"
# (header, width in characters) of the fixed columns; declared internal ones go after the name
BEFORE = (("STT", 5), ("Tên tập thể / Họ và tên", 24))
AFTER = (
    ("Chức vụ", 16),
    ("Đơn vị", 20),
    ("Hình thức đề nghị", 14),
    ("Tóm tắt thành tích", 42),
    ("Kết quả bình xét", 11),
    ("Tình trạng theo tiêu chí", 22),
    ("Ghi chú", 34),
)
SECTIONS = (("collective", "A. TẬP THỂ"), ("individual", "B. CÁ NHÂN"))


def council_list(result: Result, documents: Documents, created: dt.date) -> bytes:
    """The workbook's bytes (same bytes for the same evaluation)."""
    config = result.config
    assert config is not None
    columns = documents.council_list.individual_columns
    headers = [*BEFORE, *((c.header, 10) for c in columns), *AFTER]
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "default_format_properties": {"font_name": FONT, "font_size": 12},
        },
    )
    moment = dt.datetime.combine(created, dt.time())
    book.set_properties({"created": moment, "title": documents.council_list.title})
    formats = _formats(book)
    sheet = book.add_worksheet("Danh sách")
    _page_setup(sheet, len(headers))
    last = len(headers) - 1
    sheet.merge_range(0, 0, 0, 3, documents.issuer.parent, formats["plain"])
    sheet.merge_range(1, 0, 1, 3, documents.issuer.body, formats["bold"])
    sheet.merge_range(3, 0, 3, last, documents.council_list.title, formats["title"])
    sheet.merge_range(4, 0, 4, last, config.campaign.name, formats["subtitle"])
    header_row = 6
    for col, (title, width) in enumerate(headers):
        sheet.set_column(col, col, width)
        sheet.write_string(header_row, col, title, formats["header"])
    sheet.repeat_rows(header_row)
    row = header_row + 1
    entries = candidates(result)
    for kind, label in SECTIONS:
        row = _section(
            sheet,
            row,
            last,
            label,
            [e for e in entries if e.kind == kind],
            formats,
            result,
            documents,
        )
    book.close()
    return zipfix.normalise(buffer.getvalue())


def _section(
    sheet: Any,
    row: int,
    last: int,
    label: str,
    entries: list[Entry],
    formats: dict[str, Any],
    result: Result,
    documents: Documents,
) -> int:
    config = result.config
    assert config is not None
    sheet.merge_range(row, 0, row, last, f"{label} ({len(entries):02d})", formats["section"])
    row += 1
    unit = None
    for number, entry in enumerate(entries, start=1):
        if entry.kind == "individual" and entry.unit_code != unit:
            unit = entry.unit_code
            sheet.merge_range(row, 0, row, last, entry.unit_name, formats["unit"])
            row += 1
        shown = shown_values(entry, documents.council_list.individual_columns)
        cells = [
            str(number),
            entry.name,
            *shown,
            entry.position,
            entry.unit_name,
            entry.proposed,
            achievement(result, entry),
            votes(entry),
            criteria_status(entry),
            notes(config, entry),
        ]
        for col, text in enumerate(cells):
            style = formats["center"] if col == 0 else formats["cell"]
            sheet.write_string(row, col, text, style)
        row += 1
    return row


def _formats(book: Any) -> dict[str, Any]:
    base = {"font_name": FONT, "font_size": 12, "valign": "top"}
    boxed = {**base, "border": 1, "text_wrap": True}
    specs = {
        "plain": {**base, "align": "center"},
        "bold": {**base, "align": "center", "bold": True},
        "title": {**base, "align": "center", "bold": True, "font_size": 14},
        "subtitle": {**base, "align": "center", "italic": True},
        "header": {**boxed, "bold": True, "align": "center", "valign": "vcenter"},
        "section": {**boxed, "bold": True},
        "unit": {**boxed, "bold": True, "italic": True},
        "cell": boxed,
        "center": {**boxed, "align": "center"},
    }
    return {name: book.add_format(spec) for name, spec in specs.items()}


def _page_setup(sheet: Any, columns: int) -> None:
    sheet.set_paper(9)  # A4
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)  # one page wide, as many pages tall as needed
    sheet.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    sheet.center_horizontally()
    sheet.set_footer('&C&"Times New Roman"&12Trang &P/&N')
    sheet.freeze_panes(7, 0)
