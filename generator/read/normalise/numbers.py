"""Parsing a decimal number or a percentage from one cell.

A number is a cell's numeric value, or a text with ``,`` or ``.`` as the decimal mark
("12,5", "12.5", "-3"); a text with thousands separators ("1.234,5") is refused, since it
cannot be read one way only. A percentage is kept in percentage points (0–100):

- a text with a ``%`` sign is in points: "85%", "85 %", "85,5%" → 85 and 85.5;
- a number without a ``%`` sign from 0 to 1 is a fraction, as a cell formatted as % stores
  it: 0.855 → 85.5 (so a plain 1 is 100 %; write "1%" for one per cent);
- a number without a ``%`` sign above 1 is in points: "85,5" or 85.5 → 85.5;
- below 0 or above 100 % is an error.
"""

from __future__ import annotations

import re

from generator.read.columns import Column
from generator.read.normalise.cells import cell_text
from generator.read.normalise.table import Table, Where
from generator.read.text import clean

_DECIMAL = re.compile(r"[+-]?(\d+([.,]\d+)?|[.,]\d+)")


def _decimal(value: object) -> float | None:
    """The number a cell holds (numeric value or decimal text), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value == value else None  # NaN is no number
    if isinstance(value, str):
        text = clean(value).replace(" ", "")
        if _DECIMAL.fullmatch(text):
            return float(text.replace(",", "."))
    return None


def parse_number(value: object, col: Column, table: Table, where: Where) -> object:
    """A decimal number, or None with a `value-not-number` error."""
    number = _decimal(value)
    if number is None:
        table.issue(
            "value-not-number",
            "error",
            f"Cột “{col.header}” cần một số (dấu phẩy hoặc dấu chấm trước phần thập phân, "
            f"không có dấu phân cách hàng nghìn), nhận được “{cell_text(value)}”.",
            f"'{col.header}' needs a number (',' or '.' as the decimal mark, no thousands "
            "separators).",
            value=cell_text(value),
            **where,
        )
    return number


def parse_percent(value: object, col: Column, table: Table, where: Where) -> object:
    """A percentage in points (0–100), or None with a located error."""
    text = cell_text(value)
    sign = isinstance(value, str) and clean(value).endswith("%")
    number = _decimal(clean(value).removesuffix("%") if isinstance(value, str) else value)
    if number is None:
        table.issue(
            "value-not-percent",
            "error",
            f"Cột “{col.header}” cần một tỷ lệ phần trăm (ví dụ 85%, 85,5% hoặc ô định dạng "
            f"%), nhận được “{text}”.",
            f"'{col.header}' needs a percentage (e.g. 85%, 85,5% or a %-formatted cell).",
            value=text,
            **where,
        )
        return None
    points = number if sign or number > 1 else round(number * 100, 10)
    if not 0 <= points <= 100:
        table.issue(
            "value-percent-range",
            "error",
            f"Cột “{col.header}”: tỷ lệ “{text}” phải từ 0% đến 100%.",
            f"'{col.header}': the percentage must be from 0% to 100%.",
            value=text,
            **where,
        )
        return None
    return points
