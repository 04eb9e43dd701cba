"""Every document of a judged campaign as bytes, by file name (:func:`render`), and the checks
of the ``documents`` config against the campaign (:func:`problems`)."""

from __future__ import annotations

import datetime as dt

from generator.documents import names
from generator.documents.certificates import certificates
from generator.documents.council_list import council_list
from generator.documents.decision import decision
from generator.documents.proposal import proposal
from generator.judge.config import Config
from generator.judge.model import Nominee
from generator.judge.pipeline import Result

# The nominee's columns a document can show: the record's own fields (plus the campaign's
# extra columns, carried on ``extra``).
CARRIED = frozenset(Nominee.__dataclass_fields__) - {"extra", "loc"}


class DocumentsError(Exception):
    """The documents cannot be made (no ``documents`` config, or one that does not fit the
    campaign); the message says why, in Vietnamese and English."""


def problems(config: Config) -> list[str]:
    """What in ``documents`` does not fit the campaign: an unknown award id, a shown column
    the nominees sheet does not have."""
    docs = config.documents
    if docs is None:
        return [
            "tệp cấu hình chưa có mục documents: không tạo được hồ sơ (the campaign config has "
            "no documents section; see docs/config.md)"
        ]
    found = []
    awards = {a.id for a in config.awards}
    for key, award in (
        ("documents.decision.award", docs.decision.award),
        ("documents.proposal.award", docs.proposal.award),
        ("documents.certificates.award", docs.certificates.award),
    ):
        if award not in awards:
            found.append(f"{key}: “{award}” không phải id của awards ({', '.join(sorted(awards))})")
    sheet = config.data_contract.sheet("nominees")
    carried = sorted(CARRIED | {c.key for c in sheet.extras})
    for key, columns in (
        ("documents.council_list.individual_columns", docs.council_list.individual_columns),
        ("documents.decision.individual_columns", docs.decision.individual_columns),
        ("documents.proposal.individual_columns", docs.proposal.individual_columns),
    ):
        for n, column in enumerate(columns):
            if not sheet.has(column.column):
                found.append(
                    f"{key}.{n}.column: trang tính “{sheet.name}” không có cột khóa "
                    f"“{column.column}” (no such column in the nominees sheet)"
                )
            elif column.column not in carried:
                found.append(
                    f"{key}.{n}.column: cột “{column.column}” không được đọc vào hồ sơ; chỉ "
                    f"dùng được: {', '.join(carried)} (the column is not carried on the record)"
                )
    return found


def as_of(result: Result) -> dt.date:
    """The documents' own date (their metadata): the newest date in the data that decides
    them (the Council's decisions and meetings, the departments' sending dates), else the
    dossier deadline. Never the clock."""
    config = result.config
    assert config is not None
    data = result.dataset
    days = [s.sent_date for s in data.submissions.values() if s.sent_date]
    for c in data.council or []:
        days += [d for d in (c.decision_date, c.meeting_date) if d]
    return max(days, default=config.dossier_deadline)


def render(result: Result) -> dict[str, bytes]:
    """File name → bytes of every document. DocumentsError when they cannot be made."""
    config = result.config
    if config is None or not result.ok:
        raise DocumentsError("dữ liệu hoặc cấu hình còn lỗi (the data or the config has errors)")
    found = problems(config)
    if found or config.documents is None:
        raise DocumentsError("\n".join(found))
    docs, day = config.documents, as_of(result)
    return {
        names.COUNCIL_LIST: council_list(result, docs, day),
        names.DECISION: decision(result, docs, day),
        names.PROPOSAL: proposal(result, docs, day),
        names.CERTIFICATES: certificates(result, docs),
    }
