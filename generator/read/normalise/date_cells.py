"""Parsing a date cell.

The contract is dd/mm/yyyy (day first, four-digit year; '/', '.' or '-' between; a time
after it is ignored) or a real date cell. ISO yyyy-mm-dd is also read: it cannot be taken
for anything else. Text that looks like a date in another form (two-digit year, year
first with '/', month names, no year) is *ambiguous*: reported, never guessed. A plain
number is read as an Excel date serial, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.read.columns import Column
from generator.read.normalise.cells import cell_text
from generator.read.normalise.table import Table, Where
from generator.read.text import fold

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DAY_FIRST = re.compile(rf"(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}}){_TIME}")
_ISO = re.compile(rf"(\d{{4}})-(\d{{2}})-(\d{{2}}){_TIME}")
_SHORT_YEAR = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}")
_YEAR_FIRST = re.compile(r"\d{4}[/.-]\d{1,2}[/.-]\d{1,2}")
_NO_YEAR = re.compile(r"\d{1,2}[/.-]\d{1,2}")
_MONTH_WORDS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december|thang|ngay)\b"
)
_SERIAL = re.compile(r"\d{5}")
# Excel serials read as dates when they fall in 01/01/1920 … 31/12/2099. Day 0 is
# 30/12/1899 in the 1900 system (absorbing Excel's fictitious 29/02/1900) and 01/01/1904
# in the 1904 system.
_SERIAL_EPOCH = {False: dt.date(1899, 12, 30), True: dt.date(1904, 1, 1)}
_SERIAL_FIRST, _SERIAL_LAST = dt.date(1920, 1, 1), dt.date(2099, 12, 31)


def parse_date(value: object, col: Column, table: Table, where: Where) -> object:
    """The date a cell holds, or None when it holds none that can be read (reported)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial_date(value, col, table, where)
    text = cell_text(value)
    if _SERIAL.fullmatch(text):
        return _serial_date(int(text), col, table, where)
    day_first, iso = _DAY_FIRST.fullmatch(text), _ISO.fullmatch(text)
    if day_first:
        day, month, year = (int(g) for g in day_first.groups())
    elif iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        _date_unreadable(text, col, table, where)
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        table.issue(
            "date-impossible",
            "error",
            f"Cột “{col.header}”: ngày “{text}” không có trong lịch (tháng {month} năm {year} "
            "không có ngày này); hãy ghi đúng ngày.",
            f"'{text}' is not a real calendar date.",
            value=text,
            **where,
        )
        return None


def _date_unreadable(text: str, col: Column, table: Table, where: Where) -> None:
    reason = _ambiguity(text)
    if reason is None:
        table.issue(
            "date-invalid",
            "error",
            f"Cột “{col.header}”: “{text}” không phải ngày theo dạng dd/mm/yyyy "
            "(ví dụ 05/12/2019).",
            f"'{text}' is not a date written dd/mm/yyyy.",
            value=text,
            **where,
        )
        return
    vi, en = reason
    table.issue(
        "date-ambiguous",
        "error",
        f"Cột “{col.header}”: “{text}” không theo dạng dd/mm/yyyy ({vi}) nên có thể hiểu "
        "nhiều cách; hệ thống không đoán. Hãy ghi lại theo dạng dd/mm/yyyy, ví dụ 05/12/2019.",
        f"'{text}' does not follow dd/mm/yyyy ({en}) and could be read several ways; it is "
        "not guessed. Write it as dd/mm/yyyy, e.g. 05/12/2019.",
        value=text,
        **where,
    )


def _ambiguity(text: str) -> tuple[str, str] | None:
    """Why a date-like text is ambiguous (Vietnamese, English), or None if not date-like."""
    if _SHORT_YEAR.fullmatch(text):
        return "năm chỉ có 2 chữ số", "two-digit year"
    if _YEAR_FIRST.fullmatch(text):
        return "năm viết trước, không rõ tháng hay ngày đứng sau", "year first"
    if _NO_YEAR.fullmatch(text):
        return "thiếu năm", "no year"
    if re.search(r"\d", text) and _MONTH_WORDS.search(fold(text)):
        return "tháng viết bằng chữ", "month written in words"
    return None


def _serial_date(number: float, col: Column, table: Table, where: Where) -> dt.date | None:
    """A plain number in a date column: an Excel date serial (1900 system), with a warning."""
    shown = cell_text(number)
    epoch = _SERIAL_EPOCH[table.date1904]
    date = epoch + dt.timedelta(days=int(number)) if 0 <= number < 10**6 else epoch
    if not _SERIAL_FIRST <= date <= _SERIAL_LAST:
        table.issue(
            "date-invalid",
            "error",
            f"Cột “{col.header}”: số “{shown}” không phải ngày; hãy ghi ngày theo dạng dd/mm/yyyy.",
            f"The number {shown} is not a date; write it as dd/mm/yyyy.",
            value=shown,
            **where,
        )
        return None
    table.issue(
        "date-serial",
        "warning",
        f"Cột “{col.header}”: ô chứa số {shown} thay vì ngày; đã đọc là ngày {date:%d/%m/%Y} "
        "(số ngày theo lịch Excel). Hãy kiểm tra và định dạng ô là ngày (dd/mm/yyyy).",
        f"The cell holds the number {shown}, read as the Excel date serial {date:%d/%m/%Y}. "
        "Check it and format the cell as a date.",
        value=shown,
        **where,
    )
    return date
