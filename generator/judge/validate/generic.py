"""Every register's accepted rows, by sheet id: the known registers (units, initiatives,
discipline, Council) as the rows their records came from, and any other register the layout
declares, read and validated by its declared columns alone (kinds, required, unique; its
rejected rows are counted like any sheet's). ``count_rows`` counts these rows; they are
internal and never published."""

from __future__ import annotations

from generator.judge.model import RegisterRow
from generator.judge.validate.context import Context, accepted_rows, row_loc, sheet_tables


def register_rows(ctx: Context) -> dict[str, list[RegisterRow]]:
    """Sheet id → the accepted rows of that register (every file), in file and row order."""
    found: dict[str, list[RegisterRow]] = {}
    for _, sheet, _ in ctx.config.data_contract.layout.registers:
        rows = found.setdefault(sheet.id, [])
        for _, table in sheet_tables(ctx, sheet):
            for row in accepted_rows(table):
                values = tuple(
                    (c.key, tuple(v) if isinstance(v := row.get(c.key), list) else v)
                    for c in sheet.columns
                )
                rows.append(RegisterRow(values, row_loc(table, row)))
    return found
