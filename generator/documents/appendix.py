"""The list attached to a decision or a Tờ trình: a section of its own (numbered from 1, no
number on its first page), a title, "(Kèm theo … số … ngày … của …)", a rule, then the
collectives and the individuals as two tables (STT restarting in each)."""

from __future__ import annotations

from typing import Any

from generator.documents.docx_layout import (
    CENTER,
    LEFT,
    TEXT_WIDTH_MM,
    new_section,
    page_numbers,
    paragraph,
    rule,
    run,
    set_widths,
)
from generator.documents.entries import Entry, shown_values
from generator.judge.documents_config import ShownColumn

TABLE_PT = 13
ROMAN = ("I", "II")


def appendix(
    doc: Any,
    title: str,
    attached_to: str,
    entries: list[Entry],
    columns: list[ShownColumn],
) -> None:
    """Append the list as a new section of ``doc``."""
    section = new_section(doc)
    page_numbers(section, restart=True)
    paragraph(doc, "DANH SÁCH", 14, bold=True, align=CENTER)
    paragraph(doc, title, 14, bold=True, align=CENTER)
    paragraph(doc, f"({attached_to})", 14, italic=True, align=CENTER)
    rule(doc, 50, TEXT_WIDTH_MM)
    collectives = [e for e in entries if e.kind == "collective"]
    people = [e for e in entries if e.kind == "individual"]
    groups: list[tuple[str, list[str], list[ShownColumn], list[Entry], list[float]]] = []
    if collectives:
        groups.append(("TẬP THỂ", ["Tên tập thể"], [], collectives, [15.0, TEXT_WIDTH_MM - 15]))
    if people:
        headers = ["Họ và tên", *(c.header for c in columns), "Chức vụ", "Đơn vị"]
        groups.append(("CÁ NHÂN", headers, columns, people, _people_widths(len(columns))))
    if not groups:
        paragraph(doc, "(Không có tập thể, cá nhân nào)", 14, italic=True, align=CENTER, before=12)
    for number, (label, heads, shown, members, widths) in enumerate(groups):
        title_line = f"{ROMAN[number]}. {label} ({len(members):02d})"
        _group(doc, title_line, heads, shown, members, widths)


def _people_widths(extra: int) -> list[float]:
    fixed = [15.0, 48.0, 45.0]  # STT, name, position; the unit takes the rest
    shown = [18.0] * extra
    return [*fixed[:2], *shown, fixed[2], TEXT_WIDTH_MM - sum(fixed) - sum(shown)]


def _group(
    doc: Any,
    label: str,
    headers: list[str],
    columns: list[ShownColumn],
    entries: list[Entry],
    widths: list[float],
) -> None:
    paragraph(doc, label, 14, bold=True, align=LEFT, before=12, after=6)
    table = doc.add_table(rows=1, cols=len(headers) + 1)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, ["STT", *headers], strict=True):
        run(_only(cell, CENTER), text, TABLE_PT, bold=True)
    for number, entry in enumerate(entries, start=1):
        values = [str(number), entry.name]
        if entry.kind == "individual":
            values += [*shown_values(entry, columns), entry.position, entry.unit_name]
        cells = table.add_row().cells
        for col, (cell, text) in enumerate(zip(cells, values, strict=True)):
            run(_only(cell, CENTER if col == 0 else LEFT), text, TABLE_PT)
    set_widths(table, widths)


def _only(cell: Any, align: Any) -> Any:
    p = cell.paragraphs[0]
    p.paragraph_format.alignment = align
    return p
