"""The comment window against the data: the Council's meeting and the register of comments.

The window (``comments`` of the campaign file) must close before the Council meets; the
meeting's date is only in the Council's file (``meeting_date``), so a row whose meeting is on
or before the window's last day is an error there (``comment-window-after-council``). Each
row of the comments register (sheet ``comments``, internal) names the unit and, for a person,
the staff code of a nominee of that unit; without a staff code it is about the unit's
collective proposal. A row naming no such subject is rejected (``comment-unknown-subject``);
a comment received outside the window is kept and warned about (``comment-outside-window``);
a register without a window in the campaign file is warned about (``comment-no-window``).
Everything is located at file, sheet, row and column. Runs before ``generic.register_rows``
so rejected rows never reach ``Dataset.registers``.
"""

from __future__ import annotations

import datetime as dt

from generator.judge.comments_config import REGISTER_SHEET
from generator.judge.model import Dataset
from generator.judge.validate.context import Context, accepted_rows, sheet_tables
from generator.read.issues import column_letter
from generator.read.normalise.table import Row, Table


def check_comments(ctx: Context, data: Dataset) -> None:
    """Report every problem of the window against the Council's file and of the register."""
    sheets = {s.id for s in ctx.config.data_contract.sheets}
    comments = ctx.config.comments
    if comments is None:
        if REGISTER_SHEET in sheets:
            _no_window(ctx)
        return
    first, last = comments.window
    if "council" in sheets:
        _council_meeting(ctx, last)
    if REGISTER_SHEET in sheets:
        _register_rows(ctx, data, first, last)


def _no_window(ctx: Context) -> None:
    for _, table in sheet_tables(ctx, ctx.sheet(REGISTER_SHEET)):
        if accepted_rows(table):
            table.issue(
                "comment-no-window",
                "warning",
                "Có sổ góp ý nhưng tệp cấu hình không khai báo thời gian nhận góp ý (comments): "
                "trang web không công bố gì từ sổ này.",
                "A comments register exists but the campaign file declares no comment window "
                "(comments): the site publishes nothing from it.",
            )


def _council_meeting(ctx: Context, last: dt.date) -> None:
    header = ctx.sheet("council").column("meeting_date").header
    for _, table in sheet_tables(ctx, ctx.sheet("council")):
        for row in accepted_rows(table):
            met = row.values.get("meeting_date")
            if isinstance(met, dt.date) and met <= last:
                _issue(
                    "comment-window-after-council", table, row, "meeting_date", header,
                    f"Hội đồng họp ngày {met:%d/%m/%Y}, trong khi thời gian nhận góp ý đến hết "
                    f"ngày {last:%d/%m/%Y} (comments): Hội đồng phải họp sau khi hết hạn góp ý.",
                    f"The Council met on {met:%d/%m/%Y} but the comment window runs to "
                    f"{last:%d/%m/%Y} (comments): the Council must meet after it closes.",
                    reject=False, value=f"{met:%d/%m/%Y}",
                )  # fmt: skip


def _register_rows(ctx: Context, data: Dataset, first: dt.date, last: dt.date) -> None:
    people = {(n.unit, n.staff_code) for n in data.nominees}
    units = {u.code for u in data.units}
    candidates = {code for code, s in data.submissions.items() if s.is_candidate}
    for _, table in sheet_tables(ctx, ctx.sheet(REGISTER_SHEET)):
        for row in list(accepted_rows(table)):
            unit, staff = row.values.get("unit"), row.values.get("staff_code")
            if unit not in units:
                _unknown(ctx, table, row, "unit", f"không có đơn vị mã “{unit}” (sổ don-vi)",
                         f"there is no unit '{unit}'")  # fmt: skip
            elif staff and (unit, staff) not in people:
                _unknown(ctx, table, row, "staff_code",
                         f"không có cá nhân được đề nghị mã “{staff}” thuộc đơn vị {unit}",
                         f"no nominee '{staff}' of unit {unit}")  # fmt: skip
            elif not staff and unit not in candidates:
                _unknown(ctx, table, row, "unit",
                         f"đơn vị {unit} không đề nghị khen thưởng tập thể (dòng không ghi Mã CB "
                         "là góp ý về tập thể)",
                         f"unit {unit} proposes no collective (a row without a staff code is about "
                         "the collective)")  # fmt: skip
            else:
                _received(ctx, table, row, first, last)


def _unknown(ctx: Context, table: Table, row: Row, key: str, vi: str, en: str) -> None:
    _issue(
        "comment-unknown-subject", table, row, key, ctx.sheet(REGISTER_SHEET).column(key).header,
        f"Góp ý về một đối tượng không có trong danh sách đề nghị: {vi}; dòng bị loại.",
        f"A comment on a subject that is not proposed: {en}; the row is rejected.",
        value=str(row.values.get(key) or ""),
    )  # fmt: skip


def _received(ctx: Context, table: Table, row: Row, first: dt.date, last: dt.date) -> None:
    day = row.values.get("received")
    if isinstance(day, dt.date) and not first <= day <= last:
        header = ctx.sheet(REGISTER_SHEET).column("received").header
        _issue(
            "comment-outside-window", table, row, "received", header,
            f"Góp ý nhận ngày {day:%d/%m/%Y}, ngoài thời gian nhận góp ý ({first:%d/%m/%Y} – "
            f"{last:%d/%m/%Y}); vẫn được đếm.",
            f"Comment received on {day:%d/%m/%Y}, outside the window ({first:%d/%m/%Y} – "
            f"{last:%d/%m/%Y}); still counted.",
            reject=False, severity="warning", value=f"{day:%d/%m/%Y}",
        )  # fmt: skip


def _issue(
    code: str,
    table: Table,
    row: Row,
    key: str,
    header: str,
    vi: str,
    en: str,
    *,
    reject: bool = True,
    severity: str = "error",
    value: str | None = None,
) -> None:
    index = table.columns.get(key)
    table.issue(
        code,
        "warning" if severity == "warning" else "error",
        vi,
        en,
        row=row.number,
        column=column_letter(index) if index is not None else None,
        header=header,
        value=value,
    )
    if reject:
        table.rejected.setdefault(row.number, []).append(code)
