"""What every validation step shares: the issues and tables read so far, a way to reject a
row with a located issue, and the rows of a sheet that are still accepted."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.judge.config import Config
from generator.judge.model import Loc
from generator.read.columns import Sheet
from generator.read.discover import Source
from generator.read.issues import Issue, Severity, column_letter
from generator.read.normalise.table import Row, Table


@dataclass
class Context:
    """The campaign's config, the issues so far, and every table read, by sheet id."""

    config: Config
    issues: list[Issue] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    by_sheet: dict[str, list[tuple[Source, Table]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def sheet(self, sheet_id: str) -> Sheet:
        """The contract's sheet with this id."""
        return self.config.data_contract.sheet(sheet_id)

    def reject(
        self,
        table: Table,
        row: int,
        code: str,
        severity: Severity,
        msg: str,
        en: str,
        key: str | None = None,
        sheet: Sheet | None = None,
        value: object = None,
    ) -> None:
        """Report an issue on a row (at the column of ``key``); an error rejects the row."""
        column, header = _locate(table, sheet, key)
        table.issue(
            code,
            severity,
            msg,
            en,
            row=row,
            column=column,
            header=header,
            value=None if value is None else str(value),
        )
        if severity == "error":
            table.rejected.setdefault(row, []).append(code)


def _locate(table: Table, sheet: Sheet | None, key: str | None) -> tuple[str | None, str | None]:
    if sheet is None or key is None:
        return None, None
    index = table.columns.get(key)
    return (column_letter(index) if index is not None else None), sheet.column(key).header


def sheet_tables(ctx: Context, sheet: Sheet) -> list[tuple[Source, Table]]:
    """Every table read for ``sheet``, with the file it came from."""
    return ctx.by_sheet.get(sheet.id, [])


def row_loc(table: Table, row: Row) -> Loc:
    """Where a row is: file, sheet and spreadsheet row number."""
    return Loc(table.file, table.sheet, row.number)


def accepted_rows(table: Table) -> Iterable[Row]:
    """The table's rows not rejected so far."""
    return [r for r in table.rows if r.number not in table.rejected]
