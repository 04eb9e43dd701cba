"""Finding the header row and mapping its labels to the contract's columns.

Labels match without regard to case, spacing or diacritics (also when typed in TCVN3/VNI);
two header rows are read as one when the upper holds group labels merged across columns.
Unknown, repeated, missing required and missing optional columns are reported here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.read.columns import Column, Sheet
from generator.read.issues import column_letter
from generator.read.normalise.cells import cell_text, is_blank
from generator.read.normalise.table import Table
from generator.read.raw import RawSheet
from generator.read.text import clean, detect_legacy_encoding, header_key

HEADER_SCAN_ROWS = 30


@dataclass(frozen=True)
class Header:
    """Where the header is: its (last) row, and the contract column of each mapped column."""

    row: int  # 1-based number of the (last) header row; data starts below it
    columns: dict[int, Column]  # 0-based column index → column


# A header label and the 1-based row it was read from, by 0-based column.
Labels = dict[int, tuple[str, int]]


def find_header(raw: RawSheet, sheet: Sheet, table: Table) -> Header | None:
    """The first row holding every required header; failing that, the first pair of rows
    whose joined labels (group label merged over columns + label below) hold them."""
    wanted = sheet.required
    scan = raw.cells[:HEADER_SCAN_ROWS]
    best: tuple[int, int] = (-1, 0)
    for index, cells in enumerate(scan):
        labels = _row_labels(cells, index + 1)
        keys = {header_key(text) for text, _ in labels.values()}
        if _found(wanted, keys) == len(wanted):
            return _map_header(labels, index + 1, sheet, table)
        best = max(best, (_found(wanted, keys), index))
    for index in range(len(scan) - 1):
        two = _two_row_labels(raw, index + 1)
        if two is not None and _found(wanted, {header_key(t) for t, _ in two.values()}) == len(
            wanted
        ):
            return _map_header(two, index + 2, sheet, table)
    _report_missing_headers(raw, sheet, best[1] if best[0] > 0 else None, table)
    return None


def _found(columns: tuple[Column, ...], keys: set[str]) -> int:
    """How many of the columns are among the header keys (by header or an alias)."""
    return sum(1 for c in columns if c.match_keys & keys)


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


def column_numbers(cells: list[object]) -> bool:
    """True for the row of column numbers official forms put under the header: "1, 2, 3 …"
    or "(1), (2), (3) …", consecutive from left to right, at least three of them."""
    numbers: list[int] = []
    for value in cells:
        if is_blank(value):
            continue
        match = re.fullmatch(r"\(?(\d{1,2})\)?", cell_text(value))
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
        if not col.match_keys & present:
            table.issue(
                "header-missing",
                "error",
                f"Thiếu cột bắt buộc “{col.header}” (không tìm thấy dòng tiêu đề đầy đủ); "
                "cả trang tính không được đọc.",
                f"Required column '{col.header}' not found; the sheet was not read.",
                row=None if row_index is None else row_index + 1,
                header=col.header,
            )


def _map_header(labels: Labels, last_row: int, sheet: Sheet, table: Table) -> Header:
    by_key = {k: c for c in sheet.columns for k in sorted(c.match_keys)}
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
    return Header(last_row, mapped)


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
