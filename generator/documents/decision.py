"""The draft decision "Về việc tặng Giấy khen …" (.docx), boxed DỰ THẢO, with its list:
those within quota, or, once the Council's results exist, those it awarded."""

from __future__ import annotations

import datetime as dt

from generator.documents.appendix import appendix
from generator.documents.docx_layout import (
    BODY_PT,
    CENTER,
    new_document,
    page_numbers,
    paragraph,
    run,
    to_bytes,
)
from generator.documents.docx_parts import (
    bases,
    count_words,
    date_words,
    footer,
    header,
    issued,
    money,
    short_date,
    title,
)
from generator.documents.entries import Entry, honoured
from generator.documents.wording import council_minutes, plan_basis
from generator.judge.documents_config import Documents
from generator.judge.pipeline import Result


def decision(result: Result, documents: Documents, created: dt.date) -> bytes:
    """The draft decision's bytes (same bytes for the same evaluation)."""
    config = result.config
    assert config is not None
    spec = documents.decision
    award = next(a for a in config.awards if a.id == spec.award)
    entries = honoured(result, spec.award)
    number, day = issued(entries, spec.number)
    doc = new_document(f"Dự thảo quyết định {spec.subject}", documents.issuer.body, created)
    page_numbers(doc.sections[0], restart=False)
    header(doc, documents.issuer, number, date_words(day, documents.issuer.place))
    title(doc, "QUYẾT ĐỊNH", spec.subject)
    paragraph(doc, spec.authority, BODY_PT, bold=True, align=CENTER, before=12)
    lines = [*spec.legal_bases, plan_basis(config), *council_minutes(entries)]
    bases(doc, lines, italic=True)
    paragraph(
        doc,
        f"Theo đề nghị của {spec.proposer.rstrip('. ')}.",
        BODY_PT,
        italic=True,
        indent=True,
        before=6,
    )
    paragraph(doc, "QUYẾT ĐỊNH:", BODY_PT, bold=True, align=CENTER, before=12, after=6)
    _articles(doc, entries, award.name, award.issuer, documents)
    footer(doc, spec.recipients, spec.signer)
    attached = f"Kèm theo Quyết định số {number} ngày {short_date(day)} của {award.issuer}"
    listed = f"TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG {award.name.upper()}"
    appendix(doc, listed, attached, entries, spec.individual_columns)
    return to_bytes(doc)


def _articles(
    doc: object, entries: list[Entry], name: str, issuer: str, documents: Documents
) -> None:
    spec = documents.decision
    collectives = sum(1 for e in entries if e.kind == "collective")
    people = len(entries) - collectives
    who = count_words(collectives, people)
    achieved = spec.achievement.rstrip(" .")
    _article(doc, 1, f"Tặng {name} của {issuer} cho {who} (có danh sách kèm theo) {achieved}.")
    amounts = spec.amounts
    rewards = []
    if collectives:
        rewards.append(f"mỗi tập thể {money(amounts.collective)}")
    if people:
        rewards.append(f"mỗi cá nhân {money(amounts.individual)}")
    funding = amounts.funding.rstrip(" .")
    _article(doc, 2, f"Tiền thưởng kèm theo {name}: {', '.join(rewards) or 'không'}. {funding}.")
    executors = spec.executors.rstrip(" .")
    _article(
        doc,
        3,
        f"{executors} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành "
        "Quyết định này. Quyết định có hiệu lực kể từ ngày ký./.",
    )


def _article(doc: object, number: int, text: str) -> None:
    p = paragraph(doc, "", BODY_PT, indent=True, before=6)
    run(p, f"Điều {number}. ", BODY_PT, bold=True)
    run(p, text, BODY_PT)
