"""The certificates (.pdf) to overprint on the office's pre-printed blanks: one calibration page
with a millimetre grid and the configured boxes, then one page per honoured collective or
person, printing only the variable fields, each shrunk to fit its box (or an error naming
who and which field). The font (Liberation Serif) is embedded; the file carries no date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from fpdf import FPDF

from generator.documents.docx_parts import date_words, short_date
from generator.documents.entries import Entry, honoured
from generator.documents.fonts import font_files
from generator.judge.documents_config import Documents, FieldBox
from generator.judge.pipeline import Result

FAMILY = "LiberationSerif"
POINT_MM = 25.4 / 72
LEADING = 1.2  # line height, in font sizes
ASCENT = 0.891  # Liberation Serif's ascender, in font sizes
STEP = 0.5  # pt: how much a size shrinks per try
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # blanked out of the file below


class DoesNotFit(Exception):
    """A field's text fits its box at no size down to the configured minimum."""


@dataclass(frozen=True)
class Placed:
    """A field's text laid out: its lines and size."""

    lines: tuple[str, ...]
    size: float


def field_texts(documents: Documents, entry: Entry, office: str) -> dict[str, str]:
    """Field name → the text printed for one honoured subject."""
    number = entry.decision_no or documents.decision.number
    day = entry.decision_date
    if entry.kind == "individual":
        where = ", ".join(p for p in (entry.position, entry.unit_name) if p)
    else:
        where = office
    return {
        "name": entry.name,
        "position_unit": where,
        "achievement": documents.certificates.achievement,
        "decision": f"Quyết định số {number} ngày {short_date(day)}",
        "place_date": date_words(day, documents.issuer.place),
    }


def certificates(result: Result, documents: Documents) -> bytes:
    """The PDF's bytes: the calibration page, then one page per honoured subject."""
    config = result.config
    assert config is not None
    spec = documents.certificates
    pdf = _new_pdf(spec.width, spec.height)
    _calibration(pdf, documents)
    for entry in honoured(result, spec.award):
        pdf.add_page()
        texts = field_texts(documents, entry, config.site.office)
        for name, box in spec.fields:
            placed = fit(pdf, texts[name], box, spec.min_size)
            if placed is None:
                raise DoesNotFit(
                    f"giấy khen của “{entry.name}”: ô “{name}” ({box.width}×{box.height} mm) "
                    f"không chứa hết “{texts[name]}” kể cả ở cỡ chữ {spec.min_size} pt "
                    f"(the '{name}' field does not fit its box)"
                )
            draw(pdf, placed, box)
    return _without_date(bytes(pdf.output()))


def _new_pdf(width: float, height: float) -> FPDF:
    pdf = FPDF(unit="mm", format=(width, height))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_producer("thidua")
    pdf.set_creator("thidua documents")
    pdf.set_title("Giấy khen — bản in đè lên phôi")
    files = font_files()
    pdf.add_font(FAMILY, "", str(files[""]))
    pdf.add_font(FAMILY, "B", str(files["B"]))
    return pdf


def fit(pdf: FPDF, text: str, box: FieldBox, min_size: float) -> Placed | None:
    """The largest size (from ``box.size`` down to ``min_size``) at which the text, wrapped
    onto at most ``box.lines`` lines, fits the box; None when none does."""
    size = box.size
    while size >= min_size - 1e-9:
        pdf.set_font(FAMILY, "B" if box.bold else "", size)
        lines = _wrap(pdf, text, box.width, box.lines)
        if lines is not None and len(lines) * size * LEADING * POINT_MM <= box.height:
            return Placed(tuple(lines), size)
        size -= STEP
    return None


def _wrap(pdf: FPDF, text: str, width: float, most: int) -> list[str] | None:
    lines: list[str] = []
    for word in text.split():
        if lines and pdf.get_string_width(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            if pdf.get_string_width(word) > width:
                return None
            lines.append(word)
    return lines if len(lines) <= most else None


def draw(pdf: FPDF, placed: Placed, box: FieldBox) -> None:
    """The lines, centred vertically in the box, aligned as the box says."""
    pdf.set_font(FAMILY, "B" if box.bold else "", placed.size)
    leading = placed.size * LEADING * POINT_MM
    top = box.y + (box.height - leading * len(placed.lines)) / 2
    for n, line in enumerate(placed.lines):
        width = pdf.get_string_width(line)
        x = {
            "left": box.x,
            "center": box.x + (box.width - width) / 2,
            "right": box.x + box.width - width,
        }[box.align]
        baseline = (
            top
            + n * leading
            + (leading - placed.size * POINT_MM) / 2
            + ASCENT * placed.size * POINT_MM
        )
        pdf.text(x, baseline, line)


def _calibration(pdf: FPDF, documents: Documents) -> None:
    """A millimetre grid (darker every 5 and 10 mm, numbered every 10) and each field's box."""
    spec = documents.certificates
    pdf.add_page()
    for mm in range(int(spec.width) + 1):
        _grid_line(pdf, mm, True, spec.height)
    for mm in range(int(spec.height) + 1):
        _grid_line(pdf, mm, False, spec.width)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FAMILY, "", 7)
    for mm in range(10, int(spec.width), 10):
        pdf.text(mm + 0.5, 3.5, str(mm))
    for mm in range(10, int(spec.height), 10):
        pdf.text(0.8, mm - 0.6, str(mm))
    pdf.set_draw_color(200, 0, 0)
    pdf.set_line_width(0.4)
    pdf.set_text_color(200, 0, 0)
    for name, box in spec.fields:
        pdf.rect(box.x, box.y, box.width, box.height)
        pdf.set_font(FAMILY, "", 8)
        pdf.text(
            box.x + 1, box.y + 3.2, f"{name}: x={box.x} y={box.y} mm, {box.width}×{box.height} mm"
        )
    pdf.set_font(FAMILY, "B", 12)
    pdf.text(
        20,
        spec.height - 12,
        f"Trang căn chỉnh: in ra giấy {spec.width:g}×{spec.height:g} mm, đặt lên phôi, đo lại vị trí "
        "các ô rồi sửa documents.certificates.fields trong tệp cấu hình.",
    )
    pdf.set_text_color(0, 0, 0)
    pdf.set_draw_color(0, 0, 0)


def _grid_line(pdf: FPDF, mm: int, vertical: bool, length: float) -> None:
    shade, width = (235, 0.05) if mm % 5 else ((170, 0.15) if mm % 10 else (90, 0.25))
    pdf.set_draw_color(shade, shade, shade)
    pdf.set_line_width(width)
    if vertical:
        pdf.line(mm, 0, mm, length)
    else:
        pdf.line(0, mm, length, mm)


_DATE = re.compile(rb"/CreationDate \(D:[0-9Z+'\-]*\)")


def _without_date(data: bytes) -> bytes:
    """The info dictionary's creation date blanked with spaces of the same length (offsets and
    the cross-reference table stay valid): the PDF says nothing of when it was made."""
    return _DATE.sub(lambda m: b" " * len(m.group(0)), data)
