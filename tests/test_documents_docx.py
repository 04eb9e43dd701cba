"""The draft decision and the draft Tờ trình, read back with python-docx: each layout fact of
Nghị định 30/2020/NĐ-CP, Phụ lục I that issue 13 lists (font, sizes, bold/italic, margins,
alignment, indents, rules, page numbers from page 2, the DỰ THẢO box) and the wording that
comes from the config and the Council file."""

from __future__ import annotations

from typing import Any

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from PIL import ImageFont

from generator.documents.fonts import font_files
from tests.builders.documents import decision, proposal, sample_result

W = qn
FONT = "Times New Roman"
CELL_PAD_MM = 1.9  # Word's default left and right cell margins
EMU_PER_MM = 36000


def _both() -> list[tuple[str, Any]]:
    return [("decision", decision()), ("proposal", proposal())]


@pytest.fixture(scope="module", params=["decision", "proposal"])
def doc(request: pytest.FixtureRequest) -> Any:
    return decision() if request.param == "decision" else proposal()


def _paragraphs(document: Any) -> list[Any]:
    """Every paragraph: the body's and those inside its tables (not the headers)."""
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found += cell.paragraphs
    return found


def _find(document: Any, text: str, start: bool = False) -> Any:
    hits = [
        p for p in _paragraphs(document) if (p.text.startswith(text) if start else p.text == text)
    ]
    assert hits, f"no paragraph {'starting ' if start else ''}{text!r}"
    return hits[0]


def _sizes(p: Any) -> set[float]:
    return {r.font.size.pt for r in p.runs if r.text.strip()}


def _text_mm(text: str, size: float, bold: bool) -> float:
    """Width of a line as the font's own metrics give it (Pillow, independent of the code)."""
    font = ImageFont.truetype(str(font_files()["B" if bold else ""]), 1000)
    return font.getlength(text) / 1000 * size * 25.4 / 72


def _rule_after(cell: Any, p: Any) -> float:
    """Length in mm of the rule drawn right under paragraph ``p`` of a header cell."""
    paragraphs = cell.paragraphs
    at = [q._p for q in paragraphs].index(p._p)
    rule = paragraphs[at + 1]
    border = rule._p.pPr.find(W("w:pBdr"))
    assert border is not None and border.find(W("w:top")).get(W("w:val")) == "single"
    fmt = rule.paragraph_format
    inner = cell.width / EMU_PER_MM - 2 * CELL_PAD_MM
    return inner - (fmt.left_indent or 0) / EMU_PER_MM - (fmt.right_indent or 0) / EMU_PER_MM


def test_a4_portrait_and_margins_in_the_decrees_ranges(doc: Any) -> None:
    for section in doc.sections:
        mm = {  # Word stores twentieths of a point: 15 mm reads back as 14.99
            k: round(getattr(section, k) / EMU_PER_MM, 1)
            for k in ("page_width", "page_height", "top_margin", "bottom_margin",
                      "left_margin", "right_margin")
        }  # fmt: skip
        assert (mm["page_width"], mm["page_height"]) == (210, 297)
        assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
        assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20


def test_times_new_roman_everywhere_no_theme_font(doc: Any) -> None:
    defaults = doc.styles.element.find(W("w:docDefaults")).find(W("w:rPrDefault"))
    fonts = defaults.find(W("w:rPr")).find(W("w:rFonts"))
    assert {fonts.get(W(k)) for k in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {FONT}
    assert not [k for k in fonts.attrib if "Theme" in k]
    runs = [r for p in _paragraphs(doc) for r in p.runs if r.text]
    assert len(runs) > 30
    assert {r.font.name for r in runs} == {FONT}
    assert all(r.font.size is not None for r in runs)


def test_header_nation_motto_and_their_rules(doc: Any) -> None:
    header = doc.tables[0]
    nation_cell = header.rows[0].cells[1]
    nation = _find(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert (
        all(r.bold for r in nation.runs) and 12 <= min(_sizes(nation)) <= max(_sizes(nation)) <= 13
    )
    motto = _find(doc, "Độc lập - Tự do - Hạnh phúc")
    assert all(r.bold for r in motto.runs) and _sizes(motto) <= {13, 14} and _sizes(motto)
    assert nation.alignment == motto.alignment == WD_ALIGN_PARAGRAPH.CENTER
    length = _rule_after(nation_cell, motto)
    assert length == pytest.approx(_text_mm(motto.text, 13, True), rel=0.05)  # as long as the text


def test_issuing_body_bold_capitals_with_a_short_rule(doc: Any) -> None:
    config = sample_result().config
    assert config is not None and config.documents is not None
    issuer = config.documents.issuer
    agency_cell = doc.tables[0].rows[0].cells[0]
    parent = _find(doc, issuer.parent)
    assert not any(r.bold for r in parent.runs) and parent.text.isupper()
    assert min(_sizes(parent)) >= 12 and max(_sizes(parent)) <= 13
    body = _find(doc, issuer.body)
    assert all(r.bold for r in body.runs) and body.text.isupper()
    assert min(_sizes(body)) >= 12 and max(_sizes(body)) <= 13
    share = _rule_after(agency_cell, body) / _text_mm(body.text, 13, True)
    assert 1 / 3 <= share <= 1 / 2


def test_number_and_italic_date_on_one_line_and_the_draft_box(doc: Any) -> None:
    row = doc.tables[0].rows[1]
    number = row.cells[0].paragraphs[0]
    assert number.text.startswith("Số: ") and _sizes(number) == {13}
    dated = row.cells[1].paragraphs[0]
    assert dated.text.startswith("Cần Thơ, ngày ")
    assert all(r.italic for r in dated.runs) and _sizes(dated) <= {13, 14}
    draft = [r for p in row.cells[0].paragraphs for r in p.runs if r.text == "DỰ THẢO"]
    assert len(draft) == 1 and draft[0].bold
    border = draft[0]._element.rPr.find(W("w:bdr"))
    assert border is not None and border.get(W("w:val")) == "single"


def test_type_and_subject_bold_centred_then_a_rule(doc: Any) -> None:
    body = doc.paragraphs
    kind = next(p for p in body if p.text in ("QUYẾT ĐỊNH", "TỜ TRÌNH"))
    subject = body[body.index(kind) + 1]
    assert subject.text.startswith("Về việc ")
    for p in (kind, subject):
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert all(r.bold for r in p.runs) and _sizes(p) <= {13, 14}
    rule = body[body.index(kind) + 2]
    assert rule._p.pPr.find(W("w:pBdr")) is not None and not rule.text


def test_legal_bases_one_a_line_semicolons_then_a_full_stop(doc: Any) -> None:
    bases = [p for p in doc.paragraphs if p.text.startswith("Căn cứ ")]
    assert len(bases) >= 4
    assert all(p.text.endswith(";") for p in bases[:-1]) and bases[-1].text.endswith(".")
    italic = doc is not None and any(p.text == "QUYẾT ĐỊNH" for p in doc.paragraphs)
    assert all(all(bool(r.italic) == italic for r in p.runs) for p in bases)  # italic in a QĐ
    texts = [p.text for p in bases]
    assert any("01/KH-VPUB" in t for t in texts)  # the plan, from campaign.*
    assert any("03/BB-HĐTĐKT ngày 26/12/2019" in t for t in texts)  # the Council's minutes


def test_body_justified_13_14_pt_with_a_first_line_indent(doc: Any) -> None:
    body = [p for p in doc.paragraphs if p.text.startswith(("Căn cứ", "Điều ", "Theo đề nghị"))]
    assert body
    for p in body:
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert 1.0 <= p.paragraph_format.first_line_indent / 360000 <= 1.27 + 1e-6  # cm
        assert _sizes(p) <= {13, 14}


def test_decision_articles_one_to_three_with_the_configured_wording() -> None:
    document = decision()
    config = sample_result().config
    assert config is not None and config.documents is not None
    articles = [p for p in document.paragraphs if p.text.startswith("Điều ")]
    assert [p.text[:7] for p in articles] == ["Điều 1.", "Điều 2.", "Điều 3."]
    for p in articles:
        assert p.runs[0].bold and p.runs[0].text.startswith("Điều ")
    assert "cho 04 cá nhân (có danh sách kèm theo)" in articles[0].text
    assert "mỗi cá nhân 447.000 đồng" in articles[1].text
    assert (
        articles[2]
        .text.removeprefix("Điều 3. ")
        .startswith(config.documents.decision.executors.split(",")[0])
    )
    assert articles[2].text.endswith("./.")
    assert _find(document, "CHÁNH VĂN PHÒNG ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ").runs[0].bold


def test_recipients_and_signature(doc: Any) -> None:
    left, right = doc.tables[1].rows[0].cells
    label = left.paragraphs[0]
    assert label.text == "Nơi nhận:" and label.runs[0].bold and label.runs[0].italic
    assert _sizes(label) == {12}
    items = left.paragraphs[1:]
    assert items and all(p.text.startswith("- ") for p in items)
    assert all(p.text.endswith(";") for p in items[:-1]) and items[-1].text.endswith(".")
    assert items[-1].text.startswith("- Lưu: VT")
    assert all(_sizes(p) == {11} and not any(r.bold or r.italic for r in p.runs) for p in items)
    signed = [p for p in right.paragraphs if p.text]
    assert len(signed) >= 2 and all(all(r.bold for r in p.runs) for p in signed)
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in signed)


def test_signers_come_from_the_config() -> None:
    config = sample_result().config
    assert config is not None and config.documents is not None
    for document, spec in (
        (decision(), config.documents.decision),
        (proposal(), config.documents.proposal),
    ):
        texts = [p.text for p in document.tables[1].rows[0].cells[1].paragraphs if p.text]
        wanted = [t for t in (spec.signer.authority, spec.signer.title, spec.signer.name) if t]
        assert texts == wanted


def _page_field(part: Any) -> bool:
    return any(f.get(W("w:instr")).strip() == "PAGE" for f in part._element.iter(W("w:fldSimple")))


def test_page_numbers_centred_in_the_top_margin_from_page_two(doc: Any) -> None:
    assert len(doc.sections) == 2  # the document, then its list, numbered on its own
    for n, section in enumerate(doc.sections):
        assert section.different_first_page_header_footer  # no number on a first page
        assert _page_field(section.header) and not _page_field(section.first_page_header)
        number = next(p for p in section.header.paragraphs if _page_field(p))
        assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
        restart = section._sectPr.find(W("w:pgNumType"))
        assert (restart is not None and restart.get(W("w:start")) == "1") == (n == 1)


def test_the_list_is_attached_with_its_number_and_date(doc: Any) -> None:
    attached = _find(doc, "(Kèm theo ", start=True)
    assert all(r.italic for r in attached.runs)
    if any(p.text == "QUYẾT ĐỊNH" for p in doc.paragraphs):
        assert "Quyết định số 152/QĐ-VPUB ngày 27/12/2019" in attached.text
        assert _find(doc, "Số: 152/QĐ-VPUB")  # the Council file's number, on the header too
    else:
        assert "Tờ trình số 06/TTr-VPUB ngày 14/01/2020" in attached.text
    assert _find(doc, "DANH SÁCH").runs[0].bold


def test_before_the_council_the_number_is_left_for_the_clerk(tmp_path: Any) -> None:
    import shutil

    from generator.documents import names
    from generator.documents.bundle import render
    from generator.judge.pipeline import run
    from tests.builders.documents import CONFIG, docx
    from tests.safety.sites import SAMPLE

    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    (data / "hoi-dong.xlsx").unlink()
    files = render(run(CONFIG, data))
    document = docx(names.DECISION, files)
    assert _find(document, "Số: …/QĐ-VPUB")
    assert _find(document, "Cần Thơ, ngày … tháng … năm …")
    people = [row.cells[1].text for row in document.tables[-1].rows[1:]]
    assert len(people) == 10  # within quota by the criteria: 2 per department, ties left out
