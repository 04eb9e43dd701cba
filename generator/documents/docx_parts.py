"""The parts a decision and a Tờ trình share (Nghị định 30/2020/NĐ-CP, Phụ lục I and the
samples of Phụ lục III): the header (issuing body | quốc hiệu, số | place and date, the boxed
DỰ THẢO), the document type and subject, the căn cứ lines, and the footer (Nơi nhận |
signature). Also the wording of numbers and dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx.shared import Mm

from generator.documents.docx_layout import (
    BODY_PT,
    CENTER,
    JUSTIFY,
    LEFT,
    TEXT_WIDTH_MM,
    boxed,
    keep_together,
    no_borders,
    paragraph,
    rule,
    run,
    set_widths,
)
from generator.documents.entries import Entry
from generator.documents.measure import width_mm
from generator.judge.documents_config import Issuer, Signer

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
LEFT_MM, RIGHT_MM = 66.0, TEXT_WIDTH_MM - 66.0  # header and footer cells (40/60 %)
CELL_PAD_MM = 1.9  # Word's default cell margins, each side
NATION_PT, MOTTO_PT, AGENCY_PT, NUMBER_PT, DATE_PT = 12, 13, 13, 13, 14
AGENCY_RULE = 0.4  # the issuing body's rule: 1/3 to 1/2 of its text
SUBJECT_RULE = 0.4
DRAFT = "DỰ THẢO"


def date_words(day: dt.date | None, place: str) -> str:
    """'Cần Thơ, ngày 05 tháng 01 năm 2020' (a 0 before days under 10 and months 1 and 2);
    with no date, dots for the văn thư to fill in."""
    if day is None:
        return f"{place}, ngày … tháng … năm …"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def short_date(day: dt.date | None) -> str:
    return "…" if day is None else f"{day:%d/%m/%Y}"


def issued(entries: list[Entry], pattern: str) -> tuple[str, dt.date | None]:
    """The document's number and date: the Council file's, when every listed subject carries
    the same; else the configured pattern ('…/QĐ-VPUB') and no date."""
    found = {(e.decision_no, e.decision_date) for e in entries if e.outcome.council is not None}
    if len(found) == 1 and len(entries) == sum(1 for e in entries if e.outcome.council):
        number, day = next(iter(found))
        if number:
            return number, day
    return pattern, None


def header(doc: Any, issuer: Issuer, number: str, dated: str) -> None:
    """Two rows: issuing body | quốc hiệu and tiêu ngữ; số | place and date (one line)."""
    table = doc.add_table(rows=2, cols=2)
    no_borders(table)
    set_widths(table, [LEFT_MM, RIGHT_MM])
    agency, nation = table.rows[0].cells
    paragraph(agency, issuer.parent, AGENCY_PT, align=CENTER)
    paragraph(agency, issuer.body, AGENCY_PT, bold=True, align=CENTER)
    _rule_under(agency, issuer.body, AGENCY_PT, LEFT_MM, AGENCY_RULE)
    paragraph(nation, NATION, NATION_PT, bold=True, align=CENTER)
    paragraph(nation, MOTTO, MOTTO_PT, bold=True, align=CENTER)
    _rule_under(nation, MOTTO, MOTTO_PT, RIGHT_MM, 1.0)
    numbered, place = table.rows[1].cells
    paragraph(numbered, f"Số: {number}", NUMBER_PT, align=CENTER, before=6)
    draft = paragraph(numbered, "", BODY_PT, align=CENTER, before=6)
    boxed(run(draft, DRAFT, BODY_PT, bold=True))
    paragraph(place, dated, DATE_PT, italic=True, align=CENTER, before=6)


def _rule_under(cell: Any, text: str, size: float, cell_mm: float, share: float) -> None:
    length = width_mm(text, size, bold=True) * share
    rule(cell, length, cell_mm - 2 * CELL_PAD_MM)


def title(doc: Any, kind: str, subject: str) -> None:
    """The document type (bold capitals) and 'Về việc …' (bold), centred, a short rule below."""
    paragraph(doc, kind, BODY_PT, bold=True, align=CENTER, before=18)
    line = f"Về việc {subject}"
    paragraph(doc, line, BODY_PT, bold=True, align=CENTER)
    longest = min(width_mm(line, BODY_PT, bold=True), TEXT_WIDTH_MM)
    rule(doc, longest * SUBJECT_RULE, TEXT_WIDTH_MM)


def bases(doc: Any, lines: list[str], italic: bool) -> None:
    """'Căn cứ …;' one a line, the last ending '.'."""
    for n, line in enumerate(lines):
        end = "." if n == len(lines) - 1 else ";"
        text = f"Căn cứ {line.rstrip(' .;')}{end}"
        paragraph(doc, text, BODY_PT, italic=italic, align=JUSTIFY, indent=True, before=6)


def footer(doc: Any, recipients: list[str], signer: Signer) -> None:
    """Nơi nhận (12 pt bold italic, list 11 pt) | the signature block (bold)."""
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    set_widths(table, [LEFT_MM, RIGHT_MM])
    keep_together(table.rows[0])
    left, right = table.rows[0].cells
    paragraph(left, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT, before=12)
    for n, line in enumerate(recipients):
        end = "." if n == len(recipients) - 1 else ";"
        paragraph(left, f"- {line.rstrip(' .;')}{end}", 11, align=LEFT)
    if signer.authority:
        paragraph(right, signer.authority, BODY_PT, bold=True, align=CENTER, before=12)
    p = paragraph(right, signer.title, BODY_PT, bold=True, align=CENTER)
    if not signer.authority:
        p.paragraph_format.space_before = Mm(4)
    for _ in range(4):
        paragraph(right, "", BODY_PT, align=CENTER)
    paragraph(right, signer.name, BODY_PT, bold=True, align=CENTER)


def count_words(collectives: int, individuals: int) -> str:
    """'01 tập thể và 04 cá nhân' (a leading 0 below 10, as documents write counts)."""
    parts = []
    if collectives:
        parts.append(f"{collectives:02d} tập thể")
    if individuals:
        parts.append(f"{individuals:02d} cá nhân")
    return " và ".join(parts) or "00 cá nhân"


def money(amount: int) -> str:
    """1192000 → '1.192.000 đồng'."""
    return f"{amount:,}".replace(",", ".") + " đồng"
