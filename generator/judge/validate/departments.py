"""Records from the departments' files (`de-nghi/<unit>`): the collective submission (exactly
one row, for the unit the file is named after) and the nominees (unique by staff code, their
task and vote counts consistent)."""

from __future__ import annotations

from generator.judge.model import Extra, Nominee, Submission
from generator.judge.validate.context import Context, accepted_rows, row_loc, sheet_tables
from generator.judge.validate.values import opt, opt_date, opt_int
from generator.read.columns import Sheet
from generator.read.discover import Source
from generator.read.normalise.table import Row, Table


def submission_records(ctx: Context, codes: set[str]) -> dict[str, Submission]:
    """Each known unit's collective submission, by unit code."""
    result: dict[str, Submission] = {}
    folded = _folded(codes)
    for source, table in sheet_tables(ctx, ctx.sheet("submission")):
        unit = _unit_of(source, folded)
        rows = list(accepted_rows(table))
        if not _file_unit_known(ctx, source, table, unit in codes):
            continue
        if not rows and table.readable and not table.rejected:
            table.issue(
                "submission-missing-row",
                "error",
                "Trang tính Tập thể chưa có dòng dữ liệu của đơn vị.",
                "The collective sheet has no data row.",
            )
        for extra in rows[1:]:
            ctx.reject(
                table,
                extra.number,
                "submission-extra-row",
                "error",
                "Trang tính Tập thể chỉ được có đúng một dòng dữ liệu.",
                "The collective sheet must hold exactly one data row.",
            )
        if rows and _matches_file(ctx, table, rows[0], unit):
            result[unit] = _submission(table, rows[0], unit, ctx.sheet("submission"))
    return result


def _folded(codes: set[str]) -> dict[str, str]:
    """Each casefolded unit code → the first code (in sorted order) folding to it, built
    once per sheet so naming a file's unit never scans every code."""
    folded: dict[str, str] = {}
    for code in sorted(codes):
        folded.setdefault(code.casefold(), code)
    return folded


def _unit_of(source: Source, folded: dict[str, str]) -> str:
    """The unit code a department file is named after, matched without regard to case."""
    stem = source.unit or ""
    return folded.get(stem.casefold(), stem)


def _file_unit_known(ctx: Context, source: Source, table: Table, known: bool) -> bool:
    if known:
        return True
    table.issue(
        "unit-unknown",
        "error",
        f"Tên tệp “{source.rel}” không ứng với mã đơn vị nào trong danh sách đơn vị "
        f"(don-vi): mọi dòng của trang tính “{table.sheet}” bị loại. Hãy đặt tên tệp theo "
        "đúng Mã đơn vị hoặc bổ sung đơn vị vào danh sách.",
        f"File name '{source.rel}' matches no unit code: every row of '{table.sheet}' is rejected.",
    )
    for row in table.parsed:
        table.rejected.setdefault(row.number, []).append("unit-unknown")
    return False


def _matches_file(ctx: Context, table: Table, row: Row, unit: str) -> bool:
    if row.get("unit") == unit:
        return True
    ctx.reject(
        table,
        row.number,
        "unit-mismatch",
        "error",
        f"Mã đơn vị “{row.get('unit')}” khác với mã trong tên tệp ({unit}).",
        f"Unit code differs from the file's ({unit}).",
        "unit",
        ctx.sheet("submission"),
        row.get("unit"),
    )
    return False


def extra_values(sheet: Sheet, row: Row) -> Extra:
    """The row's values of the sheet's extra columns (lists as tuples), in declared order."""
    return tuple(
        (c.key, tuple(v) if isinstance(v := row.get(c.key), list) else v) for c in sheet.extras
    )


def _submission(table: Table, row: Row, unit: str, sheet: Sheet) -> Submission:
    v = row.values
    return Submission(
        unit,
        bool(v["good_cchc"]),
        opt(row, "rating"),
        str(v["proposal"]),
        bool(v.get("report")),
        opt(row, "to_trinh_no"),
        opt_date(row, "to_trinh_date"),
        opt(row, "bien_ban_no"),
        opt_date(row, "meeting_date"),
        opt_date(row, "sent_date"),
        row_loc(table, row),
        extra_values(sheet, row),
    )


def nominee_records(ctx: Context, codes: set[str]) -> list[Nominee]:
    """The nominees of every department file named after a known unit."""
    nominees: list[Nominee] = []
    folded = _folded(codes)
    for source, table in sheet_tables(ctx, ctx.sheet("nominees")):
        unit = _unit_of(source, folded)
        if not _file_unit_known(ctx, source, table, unit in codes):
            continue
        for row in list(accepted_rows(table)):
            if _nominee_consistent(ctx, table, row):
                nominees.append(_nominee(table, row, unit, ctx.sheet("nominees")))
    return nominees


def _nominee_consistent(ctx: Context, table: Table, row: Row) -> bool:
    ok = True
    assigned, on_time = row.get("tasks_assigned"), row.get("tasks_on_time")
    if isinstance(assigned, int) and isinstance(on_time, int) and on_time > assigned:
        ctx.reject(
            table,
            row.number,
            "tasks-inconsistent",
            "error",
            f"Số nhiệm vụ đúng hạn ({on_time}) lớn hơn số nhiệm vụ được giao ({assigned}).",
            "On-time tasks exceed assigned tasks.",
            "tasks_on_time",
            ctx.sheet("nominees"),
            on_time,
        )
        ok = False
    agree, total = row.get("votes_for"), row.get("votes_total")
    if isinstance(agree, int) and isinstance(total, int) and agree > total:
        ctx.reject(
            table,
            row.number,
            "votes-inconsistent",
            "error",
            f"Số phiếu đồng ý ({agree}) lớn hơn tổng số phiếu ({total}).",
            "Agree votes exceed total votes.",
            "votes_for",
            ctx.sheet("nominees"),
            agree,
        )
        ok = False
    if ok and (not total or agree is None):
        ctx.reject(
            table,
            row.number,
            "votes-missing",
            "warning",
            "Chưa có số phiếu họp xét: cá nhân này không được xếp hạng theo chỉ tiêu.",
            "No vote counts: the nominee cannot be ranked against the quota.",
            "votes_total",
            ctx.sheet("nominees"),
        )
    return ok


def _nominee(table: Table, row: Row, unit: str, sheet: Sheet) -> Nominee:
    v = row.values
    return Nominee(
        str(v["staff_code"]),
        str(v["name"]),
        unit,
        opt(row, "position"),
        opt(row, "rating"),
        opt_int(row, "tasks_assigned"),
        opt_int(row, "tasks_on_time"),
        opt(row, "discipline_self"),
        opt(row, "proposal"),
        opt_int(row, "votes_for"),
        opt_int(row, "votes_total"),
        bool(v.get("report")),
        row_loc(table, row),
        extra_values(sheet, row),
        opt_date(row, "birth_date"),
    )
