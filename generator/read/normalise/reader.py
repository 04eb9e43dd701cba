"""The table reader: one raw sheet becomes a :class:`~generator.read.normalise.table.Table`.

It finds the header, checks the data area's layout, then reads each data row: every cell
parsed by its kind, formulas reported, hidden rows refused. A row with an error goes to the
rejected rows with its reasons; blank rows are skipped and not counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.read.columns import Sheet
from generator.read.issues import column_letter
from generator.read.normalise.cells import blank_row, cell_text
from generator.read.normalise.header import Header, column_numbers, find_header
from generator.read.normalise.kinds import parse_cell
from generator.read.normalise.layout import check_hidden_columns, check_merged, footer_start
from generator.read.normalise.table import Row, Table, Where
from generator.read.raw import RawSheet


@dataclass(frozen=True)
class _Grid:
    """What reading the data rows needs besides the cells."""

    header: Header
    formulas: dict[int, dict[int, bool]]  # row → column → has a cached value
    covered: frozenset[tuple[int, int]]  # (row, col) hidden under a merged data cell


def read_table(raw: RawSheet, sheet: Sheet, file: str) -> Table:
    """Turn one raw sheet into typed rows according to the sheet's contract."""
    table = Table(file, raw.name, date1904=raw.date1904)
    header = find_header(raw, sheet, table)
    if header is None:
        table.readable = False
        return table
    formulas: dict[int, dict[int, bool]] = {}
    for r, c, cached in raw.formulas:
        formulas.setdefault(r, {})[c] = cached
    if header.row < len(raw.cells) and column_numbers(raw.cells[header.row]):
        header = Header(header.row + 1, header.columns)  # "(1) (2) (3) …" under the header
    covered = check_merged(raw, header, table)
    check_hidden_columns(raw, header, table)
    grid = _Grid(header, formulas, covered)
    end = footer_start(raw, header, formulas, table)
    for number in range(header.row + 1, end):
        _read_row(raw, number, grid, table)
    return table


def _read_row(raw: RawSheet, number: int, grid: _Grid, table: Table) -> None:
    cells = raw.cells[number - 1]
    formulas = grid.formulas.get(number, {})
    columns = grid.header.columns
    if blank_row(cells, formulas, columns):
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
        values[col.key] = parse_cell(value, col, table, where)
    errors = [i for i in table.issues[before:] if i.is_error]
    table.parsed.append(Row(number, values))
    if errors or number in table.rejected:
        table.rejected.setdefault(number, []).extend(i.code for i in errors)
        return
    table.rows.append(Row(number, values))


def _formula_ok(cached: bool, value: object, table: Table, where: Where) -> bool:
    """Report a formula cell; False when it has no value to read."""
    if cached and value is None:
        return True  # computed to an empty text: an empty cell
    if cached:
        table.issue(
            "formula-cached",
            "warning",
            f"Ô chứa công thức; dùng giá trị đã tính lưu trong tệp (“{cell_text(value)}”). "
            "Nên thay công thức bằng giá trị (Dán đặc biệt › Giá trị).",
            "Formula cell: the value computed when the file was last saved is used.",
            value=cell_text(value),
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
