"""Normalise stage: a raw cell grid becomes typed rows, or located issues.

Finds the header row (the first that holds all required headers, matched without regard to
case, spacing or diacritics; or two header rows whose merged group labels are joined with
the labels below them), maps columns, parses each cell by its kind and reports every problem
at its spreadsheet row and column. A row with an error is rejected, never dropped silently:
it is returned with its reasons. Blank rows (nothing but an `STT` number, or formulas computed
to empty text) are skipped and not counted, as is a row of column numbers "(1) (2) (3) …"
right under the header.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator.read.columns import NO_WORDS, RATINGS, YES_WORDS, Column, Kind, Sheet
from generator.read.issues import Issue, Severity, column_letter
from generator.read.raw import RawSheet
from generator.read.text import (
    clean,
    detect_legacy_encoding,
    fold,
    header_key,
    special_characters,
)

HEADER_SCAN_ROWS = 30
Where = dict[str, object]


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
    date1904: bool = False  # date serials count from 1904 in this workbook

    @property
    def read(self) -> int:
        return len(self.read_rows)

    def issue(self, code: str, severity: Severity, msg: str, en: str, **where: object) -> Issue:
        found = Issue(code, severity, msg, en, file=self.file, sheet=self.sheet, **where)  # type: ignore[arg-type]
        self.issues.append(found)
        return found


@dataclass(frozen=True)
class _Header:
    row: int  # 1-based number of the (last) header row; data starts below it
    columns: dict[int, Column]  # 0-based column index → column


@dataclass(frozen=True)
class _Grid:
    """What reading the data rows needs besides the cells."""

    header: _Header
    formulas: dict[int, dict[int, bool]]  # row → column → has a cached value
    covered: frozenset[tuple[int, int]]  # (row, col) hidden under a merged data cell


def read_table(raw: RawSheet, sheet: Sheet, file: str) -> Table:
    """Turn one raw sheet into typed rows according to the sheet's contract."""
    table = Table(file, raw.name, date1904=raw.date1904)
    header = _find_header(raw, sheet, table)
    if header is None:
        table.readable = False
        return table
    formulas: dict[int, dict[int, bool]] = {}
    for r, c, cached in raw.formulas:
        formulas.setdefault(r, {})[c] = cached
    if header.row < len(raw.cells) and _column_numbers(raw.cells[header.row]):
        header = _Header(header.row + 1, header.columns)  # "(1) (2) (3) …" under the header
    covered = _check_merged(raw, header, table)
    _check_hidden_columns(raw, header, table)
    grid = _Grid(header, formulas, covered)
    end = _footer_start(raw, grid, table)
    for number in range(header.row + 1, end):
        _read_row(raw, number, grid, table)
    return table


def _check_hidden_columns(raw: RawSheet, header: _Header, table: Table) -> None:
    """A hidden column of the contract would be read while nobody sees it: an error."""
    for index in sorted(set(header.columns) & raw.hidden_cols):
        table.issue(
            "column-hidden",
            "error",
            f"Cột “{header.columns[index].header}” đang bị ẩn: dữ liệu trong cột sẽ được dùng dù "
            "không ai nhìn thấy. Hãy hiện cột (Unhide) và kiểm tra lại.",
            "Hidden column of the contract: unhide it and check its values.",
            row=header.row,
            column=column_letter(index),
            header=header.columns[index].header,
        )


def _footer_start(raw: RawSheet, grid: _Grid, table: Table) -> int:
    """First row of a signature/notes block under the table ("Người lập biểu", a date line,
    names), or one past the last row. Such a block follows a blank row after the last data
    row and holds only short lines (at most two filled cells each); it is reported as a
    warning with its text, never read as data."""
    rows = range(grid.header.row + 1, len(raw.cells) + 1)
    filled = [n for n in rows if not _blank_row(raw.cells[n - 1], {}, grid.header.columns)]
    data = [n for n in filled if not _note_like(raw, n, grid)]
    footer = [n for n in filled if data and n > data[-1]]
    if not footer or footer[0] == data[-1] + 1:
        return len(raw.cells) + 1
    _report_footer(raw, footer, table)
    return footer[0]


def _note_like(raw: RawSheet, number: int, grid: _Grid) -> bool:
    """A signature or note line: at most two filled cells, no formula (a data row has more)."""
    filled = sum(1 for v in raw.cells[number - 1] if not _is_blank(v))
    return filled <= 2 and not grid.formulas.get(number)


def _report_footer(raw: RawSheet, footer: list[int], table: Table) -> None:
    texts = [_text(v) for n in footer for v in raw.cells[n - 1] if not _is_blank(v)]
    shown = " | ".join(texts)[:300]
    span = f"{footer[0]}–{footer[-1]}" if len(footer) > 1 else str(footer[0])
    table.issue(
        "rows-footer",
        "warning",
        f"Các dòng {span} dưới bảng (sau một dòng trống, không có giá trị ở cột khóa) được coi "
        f"là phần ký tên, ghi chú và không đọc như dữ liệu: “{shown}”. Nếu đó là dữ liệu, hãy "
        "xóa dòng trống phía trên và điền cột khóa.",
        f"Rows {span} below the table (after a blank row, key column empty) are taken as a "
        "signature or notes block and not read as data.",
        row=footer[0],
        value=shown,
    )


# --- header ------------------------------------------------------------------------------

# A header label and the 1-based row it was read from, by 0-based column.
Labels = dict[int, tuple[str, int]]


def _find_header(raw: RawSheet, sheet: Sheet, table: Table) -> _Header | None:
    """The first row holding every required header; failing that, the first pair of rows
    whose joined labels (group label merged over columns + label below) hold them."""
    wanted = {c.match_key for c in sheet.required}
    scan = raw.cells[:HEADER_SCAN_ROWS]
    best: tuple[int, int] = (-1, 0)
    for index, cells in enumerate(scan):
        labels = _row_labels(cells, index + 1)
        keys = {header_key(text) for text, _ in labels.values()}
        if wanted <= keys:
            return _map_header(labels, index + 1, sheet, table)
        best = max(best, (len(wanted & keys), index))
    for index in range(len(scan) - 1):
        two = _two_row_labels(raw, index + 1)
        if two is not None and wanted <= {header_key(t) for t, _ in two.values()}:
            return _map_header(two, index + 2, sheet, table)
    _report_missing_headers(raw, sheet, best[1] if best[0] > 0 else None, table)
    return None


def _label(value: object) -> str:
    """A header cell's text; legacy-encoded text (TCVN3 / VNI) is read decoded."""
    text = "" if value is None else str(value)
    legacy = detect_legacy_encoding(text)
    return clean(legacy[1] if legacy else text)


def _row_labels(cells: list[object], number: int) -> Labels:
    return {i: (text, number) for i, v in enumerate(cells) if (text := _label(v))}


def _two_row_labels(raw: RawSheet, top: int) -> Labels | None:
    """Labels of header rows ``top`` and ``top + 1`` (1-based) read as one header.

    Only when row ``top`` holds a group label merged across columns (e.g. "Số nhiệm vụ" over
    "được giao" | "đúng hạn"): each column's label is the group label above it joined with
    its own label below ("Số nhiệm vụ được giao"). A cell merged down over both rows ("STT")
    keeps its single label.
    """
    groups = [m for m in raw.merged if m[0] == top and m[2] == top and m[3] > m[1]]
    if not groups:
        return None
    upper, lower = raw.cells[top - 1], raw.cells[top]
    above = {i: (text, top) for i, v in enumerate(upper) if (text := _label(v))}
    for _, first_col, _, last_col in groups:
        if first_col in above:
            for col in range(first_col + 1, last_col + 1):
                above[col] = above[first_col]
    labels: Labels = {}
    for col in sorted(set(above) | {i for i, v in enumerate(lower) if _label(v)}):
        below = _label(lower[col]) if col < len(lower) else ""
        parts = [p for p in (above.get(col, ("", top))[0], below) if p]
        labels[col] = (" ".join(parts), top + 1 if below else top)
    return labels


def _column_numbers(cells: list[object]) -> bool:
    """True for the row of column numbers official forms put under the header: "1, 2, 3 …"
    or "(1), (2), (3) …", consecutive from left to right, at least three of them."""
    numbers: list[int] = []
    for value in cells:
        if _is_blank(value):
            continue
        match = re.fullmatch(r"\(?(\d{1,2})\)?", _text(value))
        if match is None:
            return False
        numbers.append(int(match.group(1)))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _report_missing_headers(
    raw: RawSheet, sheet: Sheet, row_index: int | None, table: Table
) -> None:
    present = set()
    if row_index is not None:
        present = {header_key(_label(v)) for v in raw.cells[row_index]}
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


def _map_header(labels: Labels, last_row: int, sheet: Sheet, table: Table) -> _Header:
    by_key = {c.match_key: c for c in sheet.columns}
    mapped: dict[int, Column] = {}
    seen: dict[str, int] = {}
    for index, (text, number) in sorted(labels.items()):
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
                f"và {column_letter(index)}); chỉ cột đầu tiên được đọc: hãy xóa cột thừa.",
                f"Column '{col.header}' appears twice; only the first one is read.",
                **where,
            )
        else:
            seen[col.key] = index
            mapped[index] = col
            table.columns[col.key] = index
    _report_absent_columns(sheet, last_row, table)
    return _Header(last_row, mapped)


def _report_absent_columns(sheet: Sheet, header_row: int, table: Table) -> None:
    """An optional column of the contract missing from the header row: its values would be
    blank for every row, so say once what that changes (required ones never get here: without
    them no header row is found, see `header-missing`)."""
    for col in sheet.optional:
        if col.key in table.columns:
            continue
        vi, en = col.absent
        table.issue(
            "header-optional-missing",
            "warning",
            f"Thiếu cột “{col.header}” (không bắt buộc) ở dòng tiêu đề {header_row}: {vi}. "
            "Nếu tệp có cột này dưới tên khác, hãy đổi tên cột theo mẫu (thidua templates).",
            f"Optional column '{col.header}' is missing from header row {header_row}: {en}.",
            row=header_row,
            header=col.header,
        )


# --- merged cells ------------------------------------------------------------------------


def _check_merged(raw: RawSheet, header: _Header, table: Table) -> frozenset[tuple[int, int]]:
    """Report merged ranges in the data area; return the cells hidden under them."""
    covered: set[tuple[int, int]] = set()
    for first_row, first_col, last_row, last_col in raw.merged:
        if last_row <= header.row or not any(first_col <= c <= last_col for c in header.columns):
            continue
        if _is_blank(_cell(raw, first_row, first_col)):
            continue  # an empty merged block holds no value to lose
        span = f"{column_letter(first_col)}{first_row}:{column_letter(last_col)}{last_row}"
        table.issue(
            "merged-cells",
            "error",
            f"Ô gộp {span} trong vùng dữ liệu: giá trị chỉ nằm ở ô đầu, các ô còn lại bị mất. "
            "Hãy bỏ gộp ô (Unmerge) và điền đủ giá trị vào từng ô.",
            f"Merged cells {span} in the data area: only the first cell holds a value, the "
            "others would be lost. Unmerge them and fill in every cell.",
            row=first_row,
            column=column_letter(first_col),
            value=_text(_cell(raw, first_row, first_col)),
        )
        for r in range(max(first_row, header.row + 1), last_row + 1):
            table.rejected.setdefault(r, []).append("merged-cells")
            covered.update((r, c) for c in range(first_col, last_col + 1))
        covered.discard((first_row, first_col))
    return frozenset(covered)


def _cell(raw: RawSheet, row: int, col: int) -> object:
    if row - 1 >= len(raw.cells):
        return None
    cells = raw.cells[row - 1]
    return cells[col] if col < len(cells) else None


# --- rows --------------------------------------------------------------------------------


def _read_row(raw: RawSheet, number: int, grid: _Grid, table: Table) -> None:
    cells = raw.cells[number - 1]
    formulas = grid.formulas.get(number, {})
    columns = grid.header.columns
    if _blank_row(cells, formulas, columns):
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
    values: dict[str, object] = {}
    for index, col in columns.items():
        if (number, index) in grid.covered:
            values[col.key] = None
            continue
        value = cells[index] if index < len(cells) else None
        where: Where = {"row": number, "column": column_letter(index), "header": col.header}
        if index in formulas and not _formula_ok(formulas[index], value, table, where):
            values[col.key] = None
            continue
        values[col.key] = _parse_cell(value, col, table, where)
    errors = [i for i in table.issues[before:] if i.is_error]
    table.parsed.append(Row(number, values))
    if errors or number in table.rejected:
        table.rejected.setdefault(number, []).extend(i.code for i in errors)
        return
    table.rows.append(Row(number, values))


def _blank_row(cells: list[object], formulas: dict[int, bool], columns: dict[int, Column]) -> bool:
    """Blank: nothing in the contract's columns but an `STT` number (templates often number
    rows in advance) and formulas whose computed value is empty. A formula without a
    computed value is not blank: its value is unknown."""
    for index, col in columns.items():
        value = cells[index] if index < len(cells) else None
        if formulas.get(index) is False:
            return False
        if col.key != "seq" and not _is_blank(value):
            return False
    return True


def _formula_ok(cached: bool, value: object, table: Table, where: Where) -> bool:
    """Report a formula cell; False when it has no value to read."""
    if cached and value is None:
        return True  # computed to an empty text: an empty cell
    if cached:
        table.issue(
            "formula-cached",
            "warning",
            f"Ô chứa công thức; dùng giá trị đã tính lưu trong tệp (“{_text(value)}”). "
            "Nên thay công thức bằng giá trị (Dán đặc biệt › Giá trị).",
            "Formula cell: the value computed when the file was last saved is used.",
            value=_text(value),
            **where,
        )
        return True
    table.issue(
        "formula-no-value",
        "error",
        "Ô chứa công thức nhưng tệp không lưu giá trị đã tính: hãy mở và lưu lại tệp bằng "
        "Excel hoặc LibreOffice (hoặc thay công thức bằng giá trị).",
        "Formula without a cached value: open and save the file in a spreadsheet program.",
        **where,
    )
    return False


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not clean(value))


def _parse_cell(value: object, col: Column, table: Table, where: Where) -> object:
    if isinstance(value, str) and not _text_ok(value, table, where):
        return [] if col.kind == Kind.LIST else None
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


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    return clean(str(value))


def _parse_text(value: object, col: Column, table: Table, where: Where) -> object:
    return _text(value)


def _parse_list(value: object, col: Column, table: Table, where: Where) -> object:
    return [part for part in (clean(p) for p in _text(value).split(";")) if part]


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


# --- dates -------------------------------------------------------------------------------
#
# The contract is dd/mm/yyyy (day first, four-digit year; '/', '.' or '-' between; a time
# after it is ignored) or a real date cell. ISO yyyy-mm-dd is also read: it cannot be taken
# for anything else. Text that looks like a date in another form (two-digit year, year
# first with '/', month names, no year) is *ambiguous*: reported, never guessed.

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


def _parse_date(value: object, col: Column, table: Table, where: Where) -> object:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial_date(value, col, table, where)
    text = _text(value)
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
    shown = _text(number)
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


# --- closed lists ------------------------------------------------------------------------


def _choice(
    value: object, options: dict[str, str], col: Column, table: Table, where: Where
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


def _parse_choice(value: object, col: Column, table: Table, where: Where) -> object:
    return _choice(value, {fold(c): c for c in col.choices}, col, table, where)


_RATING_OPTIONS = {fold(k): k for k in RATINGS} | {fold(v): k for k, v in RATINGS.items()}


def _parse_rating(value: object, col: Column, table: Table, where: Where) -> object:
    return _choice(value, _RATING_OPTIONS, col, table, where)


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
    Kind.DATE: _parse_date,
    Kind.CHOICE: _parse_choice,
    Kind.RATING: _parse_rating,
    Kind.YESNO: _parse_yesno,
}
