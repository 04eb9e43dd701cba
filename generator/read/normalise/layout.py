"""The data area's layout beyond its values: merged cells that would hide values, hidden
columns of the contract, and a signature or notes block under the table (not data)."""

from __future__ import annotations

from generator.read.issues import column_letter
from generator.read.normalise.cells import blank_row, cell_text, is_blank
from generator.read.normalise.header import Header
from generator.read.normalise.table import Table
from generator.read.raw import RawSheet


def check_hidden_columns(raw: RawSheet, header: Header, table: Table) -> None:
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


def footer_start(
    raw: RawSheet, header: Header, formulas: dict[int, dict[int, bool]], table: Table
) -> int:
    """First row of a signature/notes block under the table ("Người lập biểu", a date line,
    names), or one past the last row. Such a block follows a blank row after the last data
    row and holds only short lines (at most two filled cells each); it is reported as a
    warning with its text, never read as data."""
    rows = range(header.row + 1, len(raw.cells) + 1)
    filled = [n for n in rows if not blank_row(raw.cells[n - 1], {}, header.columns)]
    data = [n for n in filled if not _note_like(raw, n, formulas)]
    footer = [n for n in filled if data and n > data[-1]]
    if not footer or footer[0] == data[-1] + 1:
        return len(raw.cells) + 1
    _report_footer(raw, footer, table)
    return footer[0]


def _note_like(raw: RawSheet, number: int, formulas: dict[int, dict[int, bool]]) -> bool:
    """A signature or note line: at most two filled cells, no formula (a data row has more)."""
    filled = sum(1 for v in raw.cells[number - 1] if not is_blank(v))
    return filled <= 2 and not formulas.get(number)


def _report_footer(raw: RawSheet, footer: list[int], table: Table) -> None:
    texts = [cell_text(v) for n in footer for v in raw.cells[n - 1] if not is_blank(v)]
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


def check_merged(raw: RawSheet, header: Header, table: Table) -> frozenset[tuple[int, int]]:
    """Report merged ranges in the data area; return the cells hidden under them."""
    covered: set[tuple[int, int]] = set()
    for first_row, first_col, last_row, last_col in raw.merged:
        if last_row <= header.row or not any(first_col <= c <= last_col for c in header.columns):
            continue
        if is_blank(_cell(raw, first_row, first_col)):
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
            value=cell_text(_cell(raw, first_row, first_col)),
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
