"""The draft Tờ trình proposing the higher award (Bằng khen) to the city (.docx), boxed DỰ
THẢO, with its list: those within quota proposed for it, or, once the Council's results
exist, those the Council proposed."""

from __future__ import annotations

import datetime as dt

from generator.documents.appendix import appendix
from generator.documents.docx_layout import (
    BODY_PT,
    CENTER,
    new_document,
    page_numbers,
    paragraph,
    to_bytes,
)
from generator.documents.docx_parts import (
    bases,
    count_words,
    date_words,
    footer,
    header,
    issued,
    short_date,
    title,
)
from generator.documents.entries import honoured
from generator.documents.wording import council_minutes, plan_basis
from generator.judge.documents_config import Documents
from generator.judge.pipeline import Result


def proposal(result: Result, documents: Documents, created: dt.date) -> bytes:
    """The draft Tờ trình's bytes (same bytes for the same evaluation)."""
    config = result.config
    assert config is not None
    spec = documents.proposal
    award = next(a for a in config.awards if a.id == spec.award)
    entries = honoured(result, spec.award)
    number, day = issued(entries, spec.number)
    doc = new_document(f"Dự thảo tờ trình {spec.subject}", documents.issuer.body, created)
    page_numbers(doc.sections[0], restart=False)
    header(doc, documents.issuer, number, date_words(day, documents.issuer.place))
    title(doc, "TỜ TRÌNH", spec.subject)
    paragraph(doc, f"Kính gửi: {spec.addressee.rstrip('. ')}.", BODY_PT, align=CENTER, before=12)
    bases(doc, [*spec.legal_bases, plan_basis(config), *council_minutes(entries)], italic=False)
    collectives = sum(1 for e in entries if e.kind == "collective")
    who = count_words(collectives, len(entries) - collectives)
    achieved = spec.achievement.rstrip(" .")
    paragraph(
        doc,
        f"{config.site.office} kính trình {spec.request.rstrip(' .')}: tặng {award.name} của "
        f"{award.issuer} cho {who} (có danh sách kèm theo) {achieved}.",
        BODY_PT,
        indent=True,
        before=6,
    )
    paragraph(
        doc,
        "(Có biên bản họp Hội đồng, danh sách và báo cáo thành tích kèm theo).",
        BODY_PT,
        italic=True,
        indent=True,
        before=6,
    )
    paragraph(doc, f"Kính trình {spec.request.rstrip(' .')}./.", BODY_PT, indent=True, before=6)
    footer(doc, spec.recipients, spec.signer)
    attached = f"Kèm theo Tờ trình số {number} ngày {short_date(day)} của {config.site.office}"
    listed = f"TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ TẶNG {award.name.upper()} CỦA {award.issuer.upper()}"
    appendix(doc, listed, attached, entries, spec.individual_columns)
    return to_bytes(doc)
