"""`thidua explain`: why a nominee or a department has its status, with the evidence rows.

This is a staff tool: it shows the reasons of sensitive criteria too, and staff codes. For a
department it explains the collective proposal and then lists its nominees' statuses.
"""

from __future__ import annotations

from generator.judge.config import Config
from generator.judge.model import Dataset, Outcome, Status
from generator.judge.select import status_label


def explain(config: Config, data: Dataset, outcomes: list[Outcome], code: str) -> str | None:
    """Text explaining every outcome whose staff code or unit code is ``code``; None when
    ``code`` is neither a nominee nor a department."""
    wanted = code.strip().casefold()
    found = [o for o in outcomes if o.key.casefold() == wanted]
    unit = next((u for u in data.units if u.code.casefold() == wanted), None)
    if not found and unit is None:
        return None
    parts = [_one(config, data, o) for o in found]
    if unit is not None:
        if not any(o.kind == "collective" for o in found):
            parts.append(
                f"Đơn vị {unit.code} — {unit.name}: không có đề nghị tập thể "
                "(chưa nộp hồ sơ, hoặc tệp của đơn vị có lỗi: chạy `thidua validate`)."
            )
        parts.append(_members(config, data, outcomes, unit.code))
    return "\n\n".join(parts)


def _one(config: Config, data: Dataset, o: Outcome) -> str:
    labels = {c.id: c.label for c in config.criteria.collective + config.criteria.individual}
    lines = [_title(data, o)]
    for c in o.criteria:
        mark = "ĐẠT" if c.met else "KHÔNG ĐẠT"
        lines.append(f"  {c.id} {labels.get(c.id, '')}: {mark} — {c.reason}")
        lines += [f"      nguồn: {loc}" for loc in c.evidence]
    lines += _dossier_lines(o)
    lines.append(f"  Số sáng kiến được công nhận đúng hạn: {o.recognised_initiatives}")
    if o.rank is not None:
        lines.append(f"  Xếp hạng: {o.rank}")
    lines.append(f"  Kết quả theo tiêu chí: {o.computed_status.value} ({o.computed_status.label})")
    if o.council:
        d = o.council
        document = "văn bản đề nghị" if o.council_proposal else "quyết định"
        lines.append(f"  Hội đồng: {d.form}, {document} {d.decision_no or '—'} ({d.loc})")
        if o.council_differs:
            lines.append("  Lưu ý: kết quả của Hội đồng khác kết quả xét theo tiêu chí.")
    elif o.group_decided and o.status == Status.NOT_AWARDED:
        lines.append("  Hội đồng đã có kết quả cho nhóm xét chỉ tiêu này nhưng không chọn.")
    lines.append(f"  TRẠNG THÁI: {o.status.value} — {_status_detail(config, o)}")
    return "\n".join(lines)


def _dossier_lines(o: Outcome) -> list[str]:
    d = o.dossier
    missing = ", ".join(d.missing) or "không thiếu"
    sent = f"{d.sent_date:%d/%m/%Y}" if d.sent_date else "chưa có"
    return [
        f"  Hồ sơ: {'đầy đủ' if d.complete else 'chưa đầy đủ'} (thiếu: {missing}); "
        f"ngày gửi: {sent}; {'TRỄ HẠN' if d.late else 'đúng hạn'}"
    ]


def _status_detail(config: Config, o: Outcome) -> str:
    label = status_label(config, o)
    if o.failed:
        label = f"{label} (không đạt: {', '.join(o.failed)})"
    if o.council and o.status == Status.AWARDED:
        return f"{label}: {o.council.form}, quyết định {o.council.decision_no or '—'}"
    if o.council and o.status == Status.PROPOSED:
        return f"{label}: văn bản đề nghị {o.council.decision_no or '—'}"
    return label


def _title(data: Dataset, o: Outcome) -> str:
    unit = data.unit(o.unit)
    unit_name = unit.name if unit else o.unit
    if o.kind == "collective":
        sub = data.submissions[o.key]
        return f"Tập thể {o.key} — {unit_name} ({sub.loc})"
    n = next(n for n in data.nominees if n.staff_code == o.key)
    return f"Cá nhân {n.staff_code} — {n.name}, {unit_name} ({n.loc})"


def _members(config: Config, data: Dataset, outcomes: list[Outcome], unit: str) -> str:
    people = {n.staff_code: n for n in data.nominees if n.unit == unit}
    rows = [o for o in outcomes if o.kind == "individual" and o.key in people]
    if not rows:
        return f"Cá nhân được đề nghị của đơn vị {unit}: không có."
    lines = [f"Cá nhân được đề nghị của đơn vị {unit} (chi tiết: thidua explain <Mã CB>):"]
    for o in sorted(rows, key=lambda o: (o.rank is None, o.rank or 0, o.key)):
        n = people[o.key]
        rank = f"hạng {o.rank}, " if o.rank is not None else ""
        lines.append(f"  {o.key} {n.name}: {rank}{o.status.value} — {_status_detail(config, o)}")
    return "\n".join(lines)
