"""Normalise stage: a raw cell grid becomes typed rows, or located issues.

Finds the header row (the first that holds all required headers, matched without regard to
case, spacing or diacritics), maps columns, parses each cell by its kind and reports every
problem at its spreadsheet row and column. A row with an error is rejected, never dropped
silently: it is returned with its reasons.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .issues import Issue, Severity, column_letter
from .raw import RawSheet
from .schema import NO_WORDS, RATINGS, YES_WORDS, Column, Kind, Sheet
from .text import clean, fold, has_invisible, header_key

HEADER_SCAN_ROWS = 30


@dataclass(frozen=True)
class Row:
    """One accepted data row: parsed values by column key, and its spreadsheet row number."""

    number: int
    values: dict[str, object]

    def get(self, key: str) -> object:
        return self.values.get(key)


@dataclass
class Table:
    """A sheet after normalisation."""

    file: str
    sheet: str
    rows: list[Row] = field(default_factory=list)
    parsed: list[Row] = field(default_factory=list)  # every data row read, even rejected ones
    issues: list[Issue] = field(default_factory=list)
    rejected: dict[int, list[str]] = field(default_factory=dict)  # row → reasons
    read_rows: set[int] = field(default_factory=set)
    columns: dict[str, int] = field(default_factory=dict)  # column key → 0-based index
    readable: bool = True  # False when the header could not be found

    @property
    def read(self) -> int:
        return len(self.read_rows)

    def issue(self, code: str, severity: Severity, msg: str, en: str, **where: object) -> Issue:
        found = Issue(code, severity, msg, en, file=self.file, sheet=self.sheet, **where)  # type: ignore[arg-type]
        self.issues.append(found)
        return found


@dataclass(frozen=True)
class _Header:
    row: int  # 1-based
    columns: dict[int, Column]  # 0-based column index → column


def read_table(raw: RawSheet, sheet: Sheet, file: str) -> Table:
    """Turn one raw sheet into typed rows according to the sheet's contract."""
    table = Table(file, raw.name)
    header = _find_header(raw, sheet, table)
    if header is None:
        table.readable = False
        return table
    _check_merged(raw, header.row, table)
    for index in range(header.row, len(raw.cells)):
        _read_row(raw, index + 1, header, table)
    return table


def _find_header(raw: RawSheet, sheet: Sheet, table: Table) -> _Header | None:
    wanted = {c.match_key for c in sheet.required}
    best: tuple[int, int] = (-1, 0)
    for index, cells in enumerate(raw.cells[:HEADER_SCAN_ROWS]):
        keys = {header_key(str(v)) for v in cells if v is not None}
        if wanted <= keys:
            return _map_header(cells, index + 1, sheet, table)
        best = max(best, (len(wanted & keys), index))
    _report_missing_headers(raw, sheet, best[1] if best[0] > 0 else None, table)
    return None


def _report_missing_headers(
    raw: RawSheet, sheet: Sheet, row_index: int | None, table: Table
) -> None:
    present = set()
    if row_index is not None:
        present = {header_key(str(v)) for v in raw.cells[row_index] if v is not None}
    for col in sheet.required:
        if col.match_key not in present:
            table.issue(
                "header-missing",
                "error",
                f"Thiếu cột bắt buộc “{col.header}” (không tìm thấy dòng tiêu đề đầy đủ); "
                "cả trang tính không được đọc.",
                f"Required column '{col.header}' not found; the sheet was not read.",
                row=None if row_index is None else row_index + 1,
                header=col.header,
            )


def _map_header(cells: list[object], number: int, sheet: Sheet, table: Table) -> _Header:
    by_key = {c.match_key: c for c in sheet.columns}
    mapped: dict[int, Column] = {}
    seen: dict[str, int] = {}
    for index, value in enumerate(cells):
        if value is None or not clean(str(value)):
            continue
        text = clean(str(value))
        col = by_key.get(header_key(text))
        where = {"row": number, "column": column_letter(index), "header": text}
        if col is None:
            table.issue(
                "header-unknown",
                "warning",
                f"Cột “{text}” không thuộc mẫu; dữ liệu của cột này không được sử dụng, "
                "không công bố.",
                f"Unknown column '{text}' is ignored and never published.",
                **where,
            )
        elif col.key in seen:
            table.issue(
                "header-duplicate",
                "error",
                f"Cột “{col.header}” xuất hiện hai lần (cột {column_letter(seen[col.key])} "
                f"và {column_letter(index)}).",
                f"Column '{col.header}' appears twice.",
                **where,
            )
        else:
            seen[col.key] = index
            mapped[index] = col
            table.columns[col.key] = index
    return _Header(number, mapped)


def _check_merged(raw: RawSheet, header_row: int, table: Table) -> None:
    for first_row, first_col, last_row, last_col in raw.merged:
        if last_row <= header_row:
            continue
        table.issue(
            "merged-cells",
            "error",
            f"Ô gộp {column_letter(first_col)}{first_row}:{column_letter(last_col)}{last_row} "
            "trong vùng dữ liệu: giá trị các ô bị gộp sẽ mất. Hãy bỏ gộp ô và điền đủ từng ô.",
            "Merged cells in the data area would lose values: unmerge and fill each cell.",
            row=first_row,
            column=column_letter(first_col),
        )
        for r in range(max(first_row, header_row + 1), last_row + 1):
            table.rejected.setdefault(r, []).append("merged-cells")


def _read_row(raw: RawSheet, number: int, header: _Header, table: Table) -> None:
    cells = raw.cells[number - 1]
    values: dict[str, object] = {}
    if all(_is_blank(cells[i]) if i < len(cells) else True for i in header.columns):
        return
    table.read_rows.add(number)
    before = len(table.issues)
    if number in raw.hidden_rows:
        table.issue(
            "row-hidden",
            "error",
            "Dòng đang bị ẩn hoặc bị lọc: hãy hiện dòng (Unhide / bỏ lọc) hoặc xóa hẳn dòng.",
            "Hidden or filtered-out row: unhide it or delete it.",
            row=number,
        )
    formulas = {(r, c): cached for r, c, cached in raw.formulas if r == number}
    for index, col in header.columns.items():
        value = cells[index] if index < len(cells) else None
        where = {"row": number, "column": column_letter(index), "header": col.header}
        _check_formula(formulas.get((number, index)), value, table, where)
        values[col.key] = _parse_cell(value, col, table, where)
    errors = [i for i in table.issues[before:] if i.is_error]
    table.parsed.append(Row(number, values))
    if errors or number in table.rejected:
        table.rejected.setdefault(number, []).extend(i.code for i in errors)
        return
    table.rows.append(Row(number, values))


def _check_formula(
    cached: bool | None, value: object, table: Table, where: dict[str, object]
) -> None:
    if cached is None:
        return
    if cached and value is not None:
        table.issue(
            "formula-cached",
            "warning",
            "Ô chứa công thức; dùng giá trị đã tính lưu trong tệp.",
            "Formula cell: its cached value is used.",
            value=str(value),
            **where,
        )
    else:
        table.issue(
            "formula-no-value",
            "error",
            "Ô chứa công thức nhưng tệp không lưu giá trị đã tính: hãy mở và lưu lại tệp bằng "
            "Excel hoặc LibreOffice.",
            "Formula without a cached value: open and save the file in a spreadsheet program.",
            **where,
        )


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not clean(value))


def _parse_cell(value: object, col: Column, table: Table, where: dict[str, object]) -> object:
    if isinstance(value, str) and has_invisible(value):
        table.issue(
            "text-invisible-characters",
            "warning",
            "Ô có ký tự vô hình (khoảng trắng rộng 0 hoặc ký tự điều khiển hướng chữ); "
            "đã bỏ khi đọc.",
            "Zero-width or bidirectional control characters were removed.",
            value=value,
            **where,
        )
    if _is_blank(value):
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


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    return clean(str(value))


def _parse_text(value: object, col: Column, table: Table, where: dict[str, object]) -> object:
    return _text(value)


def _parse_list(value: object, col: Column, table: Table, where: dict[str, object]) -> object:
    return [part for part in (clean(p) for p in _text(value).split(";")) if part]


def _parse_int(value: object, col: Column, table: Table, where: dict[str, object]) -> object:
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
            f"Cột “{col.header}” cần một số nguyên, nhận được “{_text(value)}”.",
            f"'{col.header}' needs a whole number.",
            value=_text(value),
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


_DATE_TEXT = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?")


def _parse_date(value: object, col: Column, table: Table, where: dict[str, object]) -> object:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    day_first = _DATE_TEXT.fullmatch(text)
    iso = _ISO_DATE.fullmatch(text)
    if day_first:
        day, month, year = (int(g) for g in day_first.groups())
    elif iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        table.issue(
            "date-invalid",
            "error",
            f"Cột “{col.header}”: “{text}” không phải ngày theo dạng dd/mm/yyyy.",
            f"'{text}' is not a date written dd/mm/yyyy.",
            value=text,
            **where,
        )
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        table.issue(
            "date-impossible",
            "error",
            f"Cột “{col.header}”: ngày “{text}” không có trong lịch.",
            f"'{text}' is not a real calendar date.",
            value=text,
            **where,
        )
        return None


def _choice(
    value: object, options: dict[str, str], col: Column, table: Table, where: dict[str, object]
) -> object:
    text = _text(value)
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


def _parse_choice(value: object, col: Column, table: Table, where: dict[str, object]) -> object:
    return _choice(value, {fold(c): c for c in col.choices}, col, table, where)


_RATING_OPTIONS = {fold(k): k for k in RATINGS} | {fold(v): k for k, v in RATINGS.items()}


def _parse_rating(value: object, col: Column, table: Table, where: dict[str, object]) -> object:
    return _choice(value, _RATING_OPTIONS, col, table, where)


_YESNO_OPTIONS = {fold(w): "Có" for w in YES_WORDS} | {fold(w): "Không" for w in NO_WORDS}


def _parse_yesno(value: object, col: Column, table: Table, where: dict[str, object]) -> object:
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
    Kind.DATE: _parse_date,
    Kind.CHOICE: _parse_choice,
    Kind.RATING: _parse_rating,
    Kind.YESNO: _parse_yesno,
}
