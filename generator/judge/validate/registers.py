"""Records from the office's registers: units, initiatives (their unit known, a recognised
one with its decision) and discipline decisions (expiry not before the decision)."""

from __future__ import annotations

import datetime as dt

from generator.judge.contract import Sheet
from generator.judge.contract.reads import READS
from generator.judge.model import Discipline, Initiative, Unit
from generator.judge.rules.founding import effective_end
from generator.judge.validate.context import Context, accepted_rows, row_loc, sheet_tables
from generator.judge.validate.values import opt, opt_date, opt_int, texts
from generator.read.normalise.table import Row, Table


def unit_records(ctx: Context) -> list[Unit]:
    """The units of the unit register (`don-vi`), unique by code; the register's columns the
    judge does not read itself are carried as ``extra`` (e.g. a staff count)."""
    units: list[Unit] = []
    sheet = ctx.sheet("units")
    others = [c.key for c in sheet.columns if c.key not in READS["units"]]
    for _, table in sheet_tables(ctx, sheet):
        for row in list(accepted_rows(table)):
            units.append(
                Unit(
                    str(row.get("code")),
                    str(row.get("name")),
                    opt(row, "kind"),
                    opt_int(row, "order"),
                    row_loc(table, row),
                    tuple((key, row.get(key)) for key in others),
                )
            )
    return units


def _known_unit(
    ctx: Context, table: Table, sheet: Sheet, row: Row, codes: set[str], key: str = "unit"
) -> bool:
    value = str(row.get(key))
    if value in codes:
        return True
    ctx.reject(
        table,
        row.number,
        "unit-unknown",
        "error",
        f"Mã đơn vị “{value}” không có trong danh sách đơn vị (don-vi).",
        f"Unit code '{value}' is not in the unit list.",
        key,
        sheet,
        value,
    )
    return False


def initiative_records(ctx: Context, codes: set[str]) -> list[Initiative]:
    """The initiatives of the register, of known units, complete when recognised."""
    found: list[Initiative] = []
    for _, table in sheet_tables(ctx, ctx.sheet("initiatives")):
        for row in list(accepted_rows(table)):
            if _known_unit(
                ctx, table, ctx.sheet("initiatives"), row, codes
            ) and _recognition_complete(ctx, table, row):
                found.append(_initiative(table, row))
    return found


def _recognition_complete(ctx: Context, table: Table, row: Row) -> bool:
    if row.get("result") != "Công nhận":
        return True
    ok = True
    for key in ("decision_no", "decision_date"):
        if row.get(key) is None:
            header = ctx.sheet("initiatives").column(key).header
            ctx.reject(
                table,
                row.number,
                "value-missing",
                "error",
                f"Sáng kiến được công nhận phải có “{header}”.",
                f"A recognised initiative needs '{header}'.",
                key,
                ctx.sheet("initiatives"),
            )
            ok = False
    return ok


def _initiative(table: Table, row: Row) -> Initiative:
    v = row.values
    return Initiative(
        str(v["code"]),
        str(v["title"]),
        str(v["unit"]),
        texts(row, "authors"),
        texts(row, "author_codes"),
        opt(row, "field"),
        v.get("result") == "Công nhận",
        opt(row, "decision_no"),
        opt_date(row, "decision_date"),
        row_loc(table, row),
    )


def discipline_records(ctx: Context) -> list[Discipline]:
    """The discipline register's decisions, none ending before it was made."""
    found: list[Discipline] = []
    for _, table in sheet_tables(ctx, ctx.sheet("discipline")):
        for row in list(accepted_rows(table)):
            v = row.values
            record = Discipline(
                str(v["staff_code"]),
                opt(row, "name"),
                opt(row, "unit"),
                str(v["form"]),
                opt_date(row, "decided") or dt.date.min,
                opt_date(row, "expires"),
                row_loc(table, row),
            )
            if effective_end(record) < record.decided:
                ctx.reject(
                    table,
                    row.number,
                    "date-order",
                    "error",
                    "Ngày hết hiệu lực trước ngày quyết định.",
                    "Expiry date is before the decision date.",
                    "expires",
                    ctx.sheet("discipline"),
                )
                continue
            found.append(record)
    return found
