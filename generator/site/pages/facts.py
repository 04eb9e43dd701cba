"""What a row of the results tables says beyond its name: the facts the rules were applied
to, failed criteria, the Council's document, and the sort keys of the columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from generator.judge.model import Status
from generator.site.pages.formats import fmt_date, fmt_percent
from generator.site.views import CollectiveView, CriterionView, DossierView, PersonView

# Sort keys of the status column, in SPEC §4 order. The founding statuses keep their
# numbers (its pages stay byte for byte the same); a status added since sorts halfway
# between its neighbours.
_ADDED = frozenset({Status.LOWER_FORM_ONLY, Status.BELOW_VOTE_SHARE})


def _status_order() -> dict[str, float]:
    order: dict[str, float] = {}
    n = 0
    for s in Status:
        if s in _ADDED:
            order[s.value] = n - 0.5
        else:
            order[s.value] = n
            n += 1
    return order


STATUS_ORDER = _status_order()


def ratio(text: str) -> str:
    """Sort key of an "8/12" cell: the fraction with 6 decimals, -1 when there is none."""
    done, _, total = text.partition("/")
    try:
        return f"{int(done) / int(total):.6f}"
    except (ValueError, ZeroDivisionError):
        return "-1"


def person_facts(p: PersonView) -> list[tuple[str, str]]:
    """What a nominee's row holds behind its criteria: the facts the rules were applied to."""
    votes = f"{p.votes} ({fmt_percent(p.vote_share)})" if p.vote_share is not None else p.votes
    return [
        ("Xếp loại", p.rating),
        ("Nhiệm vụ đúng hạn", p.tasks),
        ("Phiếu đồng ý", votes),
        ("Hình thức đề nghị", p.proposal or "—"),
        ("Sáng kiến được công nhận", str(p.recognised_initiatives)),
        ("Hồ sơ", _dossier_text(p.dossier)),
    ]


def collective_facts(c: CollectiveView) -> list[tuple[str, str]]:
    """What a department's row holds behind its criteria."""
    return [
        ("Xếp loại", c.rating),
        ("Hình thức đề nghị", c.proposal or "—"),
        ("Sáng kiến được công nhận", str(c.recognised_initiatives)),
        ("Hồ sơ", _dossier_text(c.dossier)),
    ]


def _dossier_text(d: DossierView) -> str:
    return f"{d.label} (thiếu: {'; '.join(d.missing)})" if d.missing else d.label


def failed_ids(criteria: Iterable[CriterionView]) -> str:
    """Ids of the criteria not met, comma-separated."""
    return ", ".join(c.id for c in criteria if not c.met)


def council_text(council: Any) -> str:
    """'Giấy khen — quyết định số 12/QĐ-VP, ngày 20/01/2020' for a decision, 'Đề nghị Bằng
    khen — văn bản đề nghị số 06/TTr-VP, ngày 14/01/2020 (chờ quyết định)' for a proposal to
    a higher level; '' without a Council outcome."""
    if council is None:
        return ""
    document = document_text(council.proposal, council.decision_no, council.decision_date)
    text = f"{council.form} — {document}" if document else str(council.form)
    return f"{text} (chờ quyết định)" if council.proposal else text


def document_text(proposal: bool, number: str | None, date: dt.date | None) -> str:
    """'quyết định số 12/QĐ-VP, ngày 20/01/2020' or 'văn bản đề nghị số …'; '' when unknown."""
    kind = "văn bản đề nghị" if proposal else "quyết định"
    if number and date:
        return f"{kind} số {number}, ngày {fmt_date(date)}"
    if number:
        return f"{kind} số {number}"
    return f"{kind} ngày {fmt_date(date)}" if date else ""
