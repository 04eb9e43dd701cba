"""Row counts per sheet (rows read = accepted + rejected) and the rejected rows with their
reasons, as the dataset reports them."""

from __future__ import annotations

from generator.judge.model import Dataset, RejectedRow, RowCount
from generator.judge.validate.context import Context


def count_rows(ctx: Context, data: Dataset) -> None:
    """Add each table's row count and its rejected rows to ``data``."""
    for table in ctx.tables:
        rejected = sorted(r for r in table.rejected if r in table.read_rows)
        data.counts.append(
            RowCount(table.file, table.sheet, table.read, table.read - len(rejected), len(rejected))
        )
        for number in rejected:
            reasons = tuple(dict.fromkeys(table.rejected[number]))
            data.rejected.append(RejectedRow(table.file, table.sheet, number, reasons))
