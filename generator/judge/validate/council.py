"""The Council's decisions (`hoi-dong`): one per subject, each attached to a nominee of its
unit or to a collective candidate; a proposal to the city needs the Council's minutes and
is checked against its deadline."""

from __future__ import annotations

from collections.abc import Callable

from generator.judge.model import CouncilDecision, Dataset, Nominee
from generator.judge.validate.context import Context, accepted_rows, row_loc, sheet_tables
from generator.judge.validate.values import opt, opt_date
from generator.read.normalise.table import Row, Table


def council_decisions(ctx: Context, data: Dataset) -> list[CouncilDecision] | None:
    """The valid Council decisions; None when there is no Council sheet at all."""
    tables = sheet_tables(ctx, ctx.sheet("council"))
    if not tables:
        return None
    nominees = {n.staff_code: n for n in data.nominees}
    decisions: dict[tuple[str, str], CouncilDecision] = {}
    for _, table in tables:
        for row in list(accepted_rows(table)):
            decision = _decision(table, row)
            subject = (decision.kind, decision.staff_code or decision.unit)
            if subject in decisions:
                _second_decision(ctx, table, row, decisions[subject])
            elif _decision_valid(ctx, table, row, decision, nominees, data):
                decisions[subject] = decision
    return list(decisions.values())


def _second_decision(ctx: Context, table: Table, row: Row, first: CouncilDecision) -> None:
    """One decision per subject: a second one would silently replace the first."""
    ctx.reject(
        table,
        row.number,
        "council-duplicate",
        "error",
        f"Đã có quyết định của Hội đồng cho đối tượng này ở {first.loc}; mỗi tập thể, cá nhân "
        "chỉ ghi một dòng kết quả.",
        f"A Council decision for this subject already stands at {first.loc}.",
        "staff_code" if first.kind == "individual" else "unit",
        ctx.sheet("council"),
    )


def _decision(table: Table, row: Row) -> CouncilDecision:
    v = row.values
    kind = "individual" if v["kind"] == "Cá nhân" else "collective"
    return CouncilDecision(
        kind,
        str(v["unit"]),
        opt(row, "staff_code"),
        opt(row, "name"),
        str(v["form"]),
        opt(row, "decision_no"),
        opt_date(row, "decision_date"),
        opt(row, "minutes_no"),
        opt_date(row, "meeting_date"),
        opt_date(row, "sent_to_city"),
        row_loc(table, row),
    )


def _decision_valid(
    ctx: Context,
    table: Table,
    row: Row,
    d: CouncilDecision,
    nominees: dict[str, Nominee],
    data: Dataset,
) -> bool:
    reject = _rejecter(ctx, table, row)
    if d.kind == "individual" and (d.staff_code is None or d.staff_code not in nominees):
        return reject(
            "council-unknown-nominee",
            f"Mã CB “{d.staff_code or ''}” không phải cá nhân được đề nghị.",
            "Staff code is not a nominee.",
            "staff_code",
        )
    if d.kind == "individual" and nominees[d.staff_code or ""].unit != d.unit:
        return reject(
            "unit-mismatch",
            f"Cá nhân {d.staff_code} không thuộc đơn vị {d.unit}.",
            "Nominee is not in that unit.",
            "unit",
        )
    if d.kind == "collective" and not _is_candidate(data, d.unit):
        return reject(
            "council-unknown-unit",
            f"Đơn vị “{d.unit}” không có hồ sơ đề nghị khen thưởng tập thể (không có tệp đề nghị "
            "hoặc ghi “Không”), nên quyết định này không gắn được với hồ sơ nào.",
            "Unit has no collective proposal to attach this decision to.",
            "unit",
        )
    if ctx.config.proposed_award(d.form) is not None:  # a proposal needs the Council's minutes
        missing = [k for k in ("minutes_no", "meeting_date") if getattr(d, k) is None]
        for key in missing:
            reject(
                "value-missing",
                f"{d.form} phải có “{ctx.sheet('council').column(key).header}”.",
                f"A proposal ('{d.form}') needs '{ctx.sheet('council').column(key).header}'.",
                key,
            )
        if missing:
            return False
        limit = ctx.config.proposal_deadline(d.form)  # awards[].deadline, if configured
        if limit and d.sent_to_city and d.sent_to_city > limit:
            ctx.reject(
                table,
                row.number,
                "council-late",
                "warning",
                f"Gửi thành phố ngày {d.sent_to_city:%d/%m/%Y}, sau hạn {limit:%d/%m/%Y}.",
                "Sent to the city after the deadline.",
                "sent_to_city",
                ctx.sheet("council"),
            )
    return True


def _is_candidate(data: Dataset, unit: str) -> bool:
    submission = data.submissions.get(unit)
    return submission is not None and submission.is_candidate


def _rejecter(ctx: Context, table: Table, row: Row) -> Callable[[str, str, str, str], bool]:
    def reject(code: str, msg: str, en: str, key: str) -> bool:
        ctx.reject(
            table, row.number, code, "error", msg, en, key, ctx.sheet("council"), row.get(key)
        )
        return False

    return reject
