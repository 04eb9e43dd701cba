"""`thidua explain`: why a nominee or a department has its status, with the evidence rows.

This is a staff tool: it shows the reasons of sensitive criteria too, and staff codes.
"""

from __future__ import annotations

from .config import Config
from .model import Dataset, Outcome


def explain(config: Config, data: Dataset, outcomes: list[Outcome], code: str) -> str | None:
    """Text explaining every outcome whose staff code or unit code is ``code``."""
    found = [o for o in outcomes if o.key.casefold() == code.casefold()]
    if not found:
        return None
    return "\n\n".join(_one(config, data, o) for o in found)


def _one(config: Config, data: Dataset, o: Outcome) -> str:
    labels = {c.id: c.label for c in config.criteria.collective + config.criteria.individual}
    lines = [_title(data, o)]
    for c in o.criteria:
        mark = "ĐẠT" if c.met else "KHÔNG ĐẠT"
        lines.append(f"  {c.id} {labels.get(c.id, '')}: {mark} — {c.reason}")
        lines += [f"      nguồn: {loc}" for loc in c.evidence]
    d = o.dossier
    missing = ", ".join(d.missing) or "không thiếu"
    sent = f"{d.sent_date:%d/%m/%Y}" if d.sent_date else "chưa có"
    lines.append(
        f"  Hồ sơ: {'đầy đủ' if d.complete else 'chưa đầy đủ'} (thiếu: {missing}); ngày gửi: {sent}; {'TRỄ HẠN' if d.late else 'đúng hạn'}"
    )
    lines.append(f"  Số sáng kiến được công nhận đúng hạn: {o.recognised_initiatives}")
    if o.rank is not None:
        lines.append(f"  Xếp hạng: {o.rank}")
    lines.append(f"  Kết quả theo tiêu chí: {o.computed_status.value} ({o.computed_status.label})")
    if o.council:
        c = o.council
        lines.append(f"  Hội đồng: {c.form}, quyết định {c.decision_no or '—'} ({c.loc})")
    lines.append(f"  TRẠNG THÁI: {o.status.value} — {o.status.label}")
    return "\n".join(lines)


def _title(data: Dataset, o: Outcome) -> str:
    unit = data.unit(o.unit)
    unit_name = unit.name if unit else o.unit
    if o.kind == "collective":
        sub = data.submissions[o.key]
        return f"Tập thể {o.key} — {unit_name} ({sub.loc})"
    n = next(n for n in data.nominees if n.staff_code == o.key)
    return f"Cá nhân {n.staff_code} — {n.name}, {unit_name} ({n.loc})"
