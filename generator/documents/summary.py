"""What the Council's list says of each proposal, built from the evaluation: the achievement
summary (at most two lines), the department's vote, the status by the criteria and the notes."""

from __future__ import annotations

from generator.documents.entries import Entry
from generator.judge.config import Config
from generator.judge.facts import CampaignFacts
from generator.judge.model import Initiative, Nominee, Status
from generator.judge.pipeline import Result
from generator.judge.rules import InitiativesRule

MAX_DECISIONS = 3  # initiative decisions named on the second line; the rest are counted


def achievement(result: Result, entry: Entry) -> str:
    """Two lines at most: the rating (and tasks on time for a person); the recognised
    initiatives with the numbers of the decisions recognising them."""
    record = entry.record
    contract = result.config.data_contract if result.config is not None else None
    rating = contract.rating_label(record.rating, "chưa xếp loại") if contract else "—"
    first = [f"Xếp loại: {rating}"]
    if isinstance(record, Nominee) and record.tasks_assigned:
        first.append(f"{record.tasks_on_time or 0}/{record.tasks_assigned} nhiệm vụ đúng hạn")
    return "; ".join(first) + "\n" + _initiatives_line(counted_initiatives(result, entry))


def _initiatives_line(items: list[Initiative]) -> str:
    if not items:
        return "Chưa có sáng kiến được công nhận"
    numbers = sorted({i.decision_no for i in items if i.decision_no}, key=_natural)
    shown = ", ".join(numbers[:MAX_DECISIONS])
    more = len(numbers) - MAX_DECISIONS
    tail = f" và {more} quyết định khác" if more > 0 else ""
    where = f" (QĐ số {shown}{tail})" if numbers else ""
    return f"{len(items):02d} sáng kiến được công nhận{where}"


def _natural(number: str) -> tuple[int, str]:
    """'45/QĐ-VPUB' before '121/QĐ-VPUB': by the leading number, then as text."""
    digits = number.split("/")[0].strip()
    return (int(digits) if digits.isdigit() else 10**9, number)


def counted_initiatives(result: Result, entry: Entry) -> list[Initiative]:
    """The initiatives the campaign's initiative criterion counts for this subject (the same
    ones behind the evaluation's count)."""
    config = result.config
    if config is None:
        return []
    criteria = (
        config.criteria.individual if entry.kind == "individual" else config.criteria.collective
    )
    scope = "author" if entry.kind == "individual" else "department"
    facts = CampaignFacts(config, result.dataset)
    for criterion in criteria:
        rule = criterion.predicate
        if isinstance(rule, InitiativesRule) and rule.scope == scope:
            return sorted(rule.counted(entry.record, facts), key=lambda i: i.code)
    return []


def votes(entry: Entry) -> str:
    """'x/y phiếu' from the department's meeting; a collective has no vote."""
    record = entry.record
    if not isinstance(record, Nominee):
        return "—"
    if not record.votes_total or record.votes_for is None:
        return "Chưa có số phiếu"
    return f"{record.votes_for}/{record.votes_total} phiếu"


def criteria_status(entry: Entry) -> str:
    """The status by the criteria alone (before the Council)."""
    return entry.outcome.computed_status.label


def notes(config: Config, entry: Entry) -> str:
    """Quota and rank, a tie at the line, criteria not met, dossier gaps, the Council's
    difference, a higher form proposed while only the lower one's criteria are met."""
    o = entry.outcome
    found: list[str] = []
    status = o.computed_status
    if status == Status.WITHIN_QUOTA:
        found.append(f"Trong chỉ tiêu, hạng {o.rank}")
    elif status == Status.OVER_QUOTA:
        found.append(f"Ngoài chỉ tiêu, hạng {o.rank}")
    elif status == Status.TIE:
        found.append(f"Đồng hạng {o.rank} tại ngưỡng chỉ tiêu — Hội đồng quyết định")
    elif status.value == "lower-form-only":
        found.append(f"Đề nghị {entry.proposed} nhưng chỉ đạt tiêu chí hình thức thấp hơn")
    if o.failed:
        found.append("Không đạt: " + ", ".join(o.failed))
    if o.dossier.missing:
        found.append("Hồ sơ thiếu: " + "; ".join(o.dossier.missing))
    elif o.dossier.late:
        found.append("Nộp hồ sơ trễ hạn")
    if o.council is not None:
        found.append(f"Hội đồng: {o.council.form}")
        if o.council_differs:
            found.append("khác kết quả xét theo tiêu chí")
    elif o.group_decided and o.status == Status.NOT_AWARDED:
        found.append("Hội đồng không chọn")
    award = config.award_of(entry.form)
    if award is not None and award.proposal and o.council is None:
        found.append(f"Đề nghị cấp trên: {award.issuer}")
    return "; ".join(found)
