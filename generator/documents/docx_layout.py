"""python-docx helpers for the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 portrait,
margins, Times New Roman everywhere, runs with explicit sizes and styles, rules drawn as
paragraph borders, boxed text, page numbers from page 2, and the fixed package metadata."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from generator.documents import zipfix

FONT = "Times New Roman"
PAGE = (Mm(210), Mm(297))
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]
BODY_PT = 14
INDENT = Cm(1.27)
TWIPS_PER_MM = 1440 / 25.4
CENTER, JUSTIFY, LEFT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.LEFT,
)


def new_document(title: str, author: str, created: dt.date) -> Any:
    """An empty A4 portrait document in Times New Roman with fixed metadata."""
    doc = Document()
    _default_font(doc)
    section = doc.sections[0]
    _page(section)
    props = doc.core_properties
    moment = dt.datetime.combine(created, dt.time())
    props.title, props.author, props.last_modified_by = title, author, author
    props.comments, props.keywords, props.subject = "", "", ""
    props.created, props.modified, props.revision = moment, moment, 1
    return doc


def _default_font(doc: Any) -> None:
    styles = doc.styles.element
    fonts = (
        styles.find(qn("w:docDefaults"))
        .find(qn("w:rPrDefault"))
        .find(qn("w:rPr"))
        .find(qn("w:rFonts"))
    )
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), FONT)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0


def _page(section: Any) -> None:
    section.page_width, section.page_height = PAGE
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(10), Mm(10)


def run(paragraph: Any, text: str, size: float, bold: bool = False, italic: bool = False) -> Any:
    """A run with its font, size and style set explicitly (no theme font can leak in)."""
    r = paragraph.add_run(text)
    r.font.name, r.font.size = FONT, Pt(size)
    r.font.bold, r.font.italic = bold, italic
    r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), FONT)
    return r


def paragraph(
    container: Any,
    text: str = "",
    size: float = BODY_PT,
    *,
    bold: bool = False,
    italic: bool = False,
    align: Any = JUSTIFY,
    indent: bool = False,
    before: float = 0,
    after: float = 0,
) -> Any:
    """One paragraph of one run; ``indent``: the body's 1.27 cm first-line indent."""
    p = _fresh(container)
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(after), 1.0
    if indent:
        fmt.first_line_indent = INDENT
    if text:
        run(p, text, size, bold, italic)
    return p


def rule(container: Any, width_mm: float, space_mm: float) -> Any:
    """A horizontal rule ``width_mm`` long, centred in a space ``space_mm`` wide: the top
    border of an empty paragraph indented from both sides."""
    p = _fresh(container)
    fmt = p.paragraph_format
    side = Mm(max(0.0, (space_mm - width_mm) / 2))
    fmt.left_indent = fmt.right_indent = side
    fmt.space_before, fmt.space_after = Pt(2), Pt(0)
    fmt.line_spacing = Pt(4)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    p._p.get_or_add_pPr().append(borders)
    run(p, "", 2)
    return p


def boxed(r: Any) -> None:
    """A border around a run's text (the "DỰ THẢO" box)."""
    border = OxmlElement("w:bdr")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "2"), ("w:color", "000000")):
        border.set(qn(key), value)
    r._element.get_or_add_rPr().append(border)


def page_numbers(section: Any, restart: bool) -> None:
    """Page numbers centred in the top margin from the section's second page on (none on its
    first); ``restart``: the section counts from 1 (an appendix is numbered on its own)."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.paragraph_format.alignment = CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), FONT)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(BODY_PT * 2))
    props.extend([fonts, size])
    text = OxmlElement("w:t")
    text.text = "2"
    inner.extend([props, text])
    field.append(inner)
    p._p.append(field)
    section.first_page_header.is_linked_to_previous = False
    if restart:
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")
        section._sectPr.append(numbering)


def new_section(doc: Any) -> Any:
    """A section starting on a new page, same page setup."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(section)
    return section


def no_borders(table: Any) -> None:
    """A layout table: no borders, fixed column widths."""
    table.autofit = False
    props = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    props.append(borders)


def keep_together(row: Any) -> None:
    """A table row never split across pages (the signature block stays whole)."""
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))


def set_widths(table: Any, widths_mm: list[float]) -> None:
    """Column widths in the grid (which LibreOffice follows), on every cell (which Word
    follows) and the table's own width."""
    for column, width in zip(
        table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths_mm, strict=True
    ):
        column.set(qn("w:w"), str(round(width * TWIPS_PER_MM)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(round(sum(widths_mm) * TWIPS_PER_MM)))
    total.set(qn("w:type"), "dxa")
    props = table._tbl.tblPr
    for old in props.findall(qn("w:tblW")):
        props.remove(old)
    props.append(total)


def _fresh(container: Any) -> Any:
    """A new paragraph; in a table cell, its first paragraph while still empty."""
    if hasattr(container, "_tc"):
        first = container.paragraphs[0]
        if len(container.paragraphs) == 1 and not first.runs:
            return first
    return container.add_paragraph()


def to_bytes(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return zipfix.normalise(out.getvalue())
