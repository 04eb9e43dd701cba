"""Rows that must not repeat: a row identical to an earlier one in a sheet without a unique
key (`row-duplicate`), and a repeated unique key across all files of a sheet
(`duplicate-key`)."""

from __future__ import annotations

from generator.judge.validate.context import Context, row_loc, sheet_tables
from generator.read.columns import Sheet
from generator.read.normalise.table import Row, Table


def check_unique(ctx: Context) -> None:
    """Every sheet of the contract: its unique keys, or (without any) its repeated rows."""
    for sheet in ctx.config.data_contract.sheets:
        for key in sheet.unique:
            duplicate_keys(ctx, sheet, key)
        if not sheet.unique:
            repeated_rows(ctx, sheet)


def repeated_rows(ctx: Context, sheet: Sheet) -> None:
    """A row identical to an earlier row of the same sheet, in a sheet without a unique key
    (where `duplicate-key` would not catch it), is an error: it would count twice."""
    for _, table in sheet_tables(ctx, sheet):
        seen: dict[tuple[object, ...], int] = {}
        for row in table.parsed:
            signature = tuple(_hashable(row.get(c.key)) for c in sheet.columns)
            first = seen.setdefault(signature, row.number)
            if first == row.number:
                continue
            ctx.reject(
                table,
                row.number,
                "row-duplicate",
                "error",
                f"Dòng này lặp lại y hệt dòng {first}: hãy xóa dòng thừa.",
                f"This row repeats row {first} exactly: delete the extra row.",
            )


def _hashable(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def duplicate_keys(ctx: Context, sheet: Sheet, key: str) -> set[tuple[str, int]]:
    """Report every repeat of a unique key (over all rows read, rejected or not)."""
    seen: dict[str, tuple[Table, Row]] = {}  # its Loc made only for a repeat
    repeats: set[tuple[str, int]] = set()
    for _, table in sheet_tables(ctx, sheet):
        for row in table.parsed:
            value = row.get(key)
            if value is None:
                continue
            if str(value) in seen:
                first = row_loc(*seen[str(value)])
                header = sheet.column(key).header
                msg = f"“{value}” ở cột “{header}” trùng với {first}."
                ctx.reject(
                    table,
                    row.number,
                    "duplicate-key",
                    "error",
                    msg,
                    f"Duplicate '{value}', first at {first}.",
                    key,
                    sheet,
                    value,
                )
                repeats.add((table.file, row.number))
            else:
                seen[str(value)] = (table, row)
    return repeats
