"""Parsing one cell by its column's kind: text, list, whole number, number and percentage
(see :mod:`.numbers`), date (see :mod:`.date_cells`), closed list, rating and yes/no; legacy-encoded text and invisible
characters are reported here, and a blank required value."""

from __future__ import annotations

import re

from generator.read.columns import NO_WORDS, YES_WORDS, Column, Kind
from generator.read.normalise.cells import cell_text, is_blank
from generator.read.normalise.date_cells import parse_date
from generator.read.normalise.numbers import parse_number, parse_percent
from generator.read.normalise.table import Table, Where
from generator.read.text import clean, detect_legacy_encoding, fold, special_characters


def parse_cell(value: object, col: Column, table: Table, where: Where) -> object:
    """The value for the column's kind; None (or [] for a list) when blank or wrong."""
    if isinstance(value, str) and not _text_ok(value, table, where):
        return [] if col.kind == Kind.LIST else None
    if is_blank(value):
        if col.required:
            table.issue(
                "value-missing",
                "error",
                f"Thiếu giá trị bắt buộc ở cột “{col.header}”.",
                f"Required value missing in '{col.header}'.",
                **where,
            )
        return [] if col.kind == Kind.LIST else None
    parser = _PARSERS[col.kind]
    return parser(value, col, table, where)


def _text_ok(value: str, table: Table, where: Where) -> bool:
    """Legacy-encoded text is an error (False); invisible characters are a warning."""
    legacy = detect_legacy_encoding(value)
    if legacy is not None:
        encoding, fixed = legacy
        font = ".VnTime" if encoding == "TCVN3" else "VNI-Times"
        table.issue(
            "text-legacy-encoding",
            "error",
            f"Văn bản “{value}” được gõ bằng bảng mã cũ {encoding} (phông {font}), không "
            f"phải Unicode. Có lẽ là “{fixed}”: hãy chuyển mã sang Unicode (ví dụ Unikey › "
            f"Công cụ chuyển mã, {encoding} → Unicode) hoặc gõ lại, rồi nộp lại.",
            f"Text typed in the legacy {encoding} encoding ({font} fonts), not Unicode; it "
            f"probably reads '{fixed}'. Convert it to Unicode and submit again.",
            value=value,
            **where,
        )
        return False
    found = special_characters(value)
    if found:
        table.issue(
            "text-invisible-characters",
            "warning",
            f"Ô có ký tự vô hình: {'; '.join(found)}. Đã bỏ (khoảng trắng không ngắt được "
            "thay bằng khoảng trắng thường) khi đọc; nên sửa trong tệp.",
            "No-break, zero-width or bidirectional control characters were cleaned: "
            + ", ".join(f.split(" ")[0] for f in found)
            + ".",
            value=value,
            **where,
        )
    return True


def _parse_text(value: object, col: Column, table: Table, where: Where) -> object:
    return cell_text(value)


def _parse_list(value: object, col: Column, table: Table, where: Where) -> object:
    return [part for part in (clean(p) for p in cell_text(value).split(";")) if part]


def _parse_int(value: object, col: Column, table: Table, where: Where) -> object:
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and re.fullmatch(r"[+-]?\d+", clean(value)):
        number = int(clean(value))
    if number is None:
        table.issue(
            "value-not-integer",
            "error",
            f"Cột “{col.header}” cần một số nguyên, nhận được “{cell_text(value)}”.",
            f"'{col.header}' needs a whole number.",
            value=cell_text(value),
            **where,
        )
    elif number < 0:
        table.issue(
            "value-negative",
            "error",
            f"Cột “{col.header}” không được âm ({number}).",
            f"'{col.header}' must not be negative.",
            value=str(number),
            **where,
        )
        return None
    return number


def _choice(
    value: object, options: dict[str, str], col: Column, table: Table, where: Where
) -> object:
    text = cell_text(value)
    found = options.get(fold(text))
    if found is None:
        allowed = ", ".join(sorted(set(options.values())))
        table.issue(
            "value-not-allowed",
            "error",
            f"Cột “{col.header}”: “{text}” không thuộc danh sách cho phép ({allowed}).",
            f"'{text}' is not an allowed value of '{col.header}'.",
            value=text,
            **where,
        )
    return found


def _parse_choice(value: object, col: Column, table: Table, where: Where) -> object:
    return _choice(value, {fold(c): c for c in col.choices}, col, table, where)


def _parse_rating(value: object, col: Column, table: Table, where: Where) -> object:
    options = {fold(code): code for code, _ in col.ratings}
    options |= {fold(label): code for code, label in col.ratings}
    return _choice(value, options, col, table, where)


_YESNO_OPTIONS = {fold(w): "Có" for w in YES_WORDS} | {fold(w): "Không" for w in NO_WORDS}


def _parse_yesno(value: object, col: Column, table: Table, where: Where) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    answer = _choice(value, _YESNO_OPTIONS, col, table, where)
    return None if answer is None else answer == "Có"


_PARSERS = {
    Kind.TEXT: _parse_text,
    Kind.LIST: _parse_list,
    Kind.INT: _parse_int,
    Kind.NUMBER: parse_number,
    Kind.PERCENT: parse_percent,
    Kind.DATE: parse_date,
    Kind.CHOICE: _parse_choice,
    Kind.RATING: _parse_rating,
    Kind.YESNO: _parse_yesno,
}
