"""The certificates, opened for real: text extracted with pypdf, pages rendered to images with
pypdfium2. Every printed pixel lies inside a configured box (no field overflows), the
calibration page carries a millimetre grid, the font is embedded and covers Vietnamese, and
the file says nothing of when it was made."""

from __future__ import annotations

import copy
import dataclasses
import io
import unicodedata
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from generator.documents import names
from generator.documents.certificates import DoesNotFit, _new_pdf, certificates, fit
from generator.documents.entries import honoured
from generator.documents.fonts import PACKAGE, FontMissing, font_files
from generator.judge.pipeline import Result
from tests.builders.documents import pdf_pages_text, sample_documents, sample_result

PX_PER_MM = 4
INK = 200  # a pixel darker than this is printed
SLACK_MM = 0.5  # anti-aliasing around a glyph's edge


def _config() -> Any:
    config = sample_result().config
    assert config is not None and config.documents is not None
    return config


def _render(data: bytes, index: int) -> np.ndarray:
    page = pdfium.PdfDocument(data)[index]
    image = page.render(scale=PX_PER_MM * 25.4 / 72, grayscale=True).to_pil().convert("L")
    return np.asarray(image)


def _outside_boxes(image: np.ndarray) -> int:
    """How many printed pixels lie outside every configured box (grown by the slack)."""
    inside = np.zeros(image.shape, dtype=bool)
    for _, box in _config().documents.certificates.fields:
        top = max(0, int((box.y - SLACK_MM) * PX_PER_MM))
        left = max(0, int((box.x - SLACK_MM) * PX_PER_MM))
        bottom = int((box.y + box.height + SLACK_MM) * PX_PER_MM) + 1
        right = int((box.x + box.width + SLACK_MM) * PX_PER_MM) + 1
        inside[top:bottom, left:right] = True
    return int(((image < INK) & ~inside).sum())


def _inked_boxes(image: np.ndarray) -> set[str]:
    found = set()
    for name, box in _config().documents.certificates.fields:
        area = image[
            int(box.y * PX_PER_MM) : int((box.y + box.height) * PX_PER_MM),
            int(box.x * PX_PER_MM) : int((box.x + box.width) * PX_PER_MM),
        ]
        if (area < INK).any():
            found.add(name)
    return found


def _renamed(result: Result, staff_code: str, name: str) -> Result:
    data = copy.copy(result.dataset)
    data.nominees = [
        dataclasses.replace(n, name=name) if n.staff_code == staff_code else n
        for n in result.dataset.nominees
    ]
    return dataclasses.replace(result, dataset=data)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return sample_documents()[names.CERTIFICATES]


def test_one_page_per_honoured_subject_after_the_calibration_page(pdf: bytes) -> None:
    pages = pdf_pages_text(pdf)
    people = honoured(sample_result(), "giay-khen")
    assert len(pages) == 1 + len(people) == 5
    assert "Trang căn chỉnh" in pages[0]
    for text, entry in zip(pages[1:], people, strict=True):
        assert unicodedata.normalize("NFC", text).splitlines()[0] == entry.name
        assert f"{entry.position}, {entry.unit_name}" in text
        assert "Quyết định số 152/QĐ-VPUB ngày 27/12/2019" in text
        assert "Cần Thơ, ngày 27 tháng 12 năm 2019" in text
        assert "Đã có thành tích xuất sắc trong phong trào thi đua" in text


def test_the_sheet_is_the_configured_blank(pdf: bytes) -> None:
    spec = _config().documents.certificates
    for page in PdfReader(io.BytesIO(pdf)).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width * 25.4 / 72 == pytest.approx(spec.width, abs=0.1)
        assert height * 25.4 / 72 == pytest.approx(spec.height, abs=0.1)


def test_every_field_is_printed_inside_its_box(pdf: bytes) -> None:
    for index in range(1, len(PdfReader(io.BytesIO(pdf)).pages)):
        image = _render(pdf, index)
        assert _outside_boxes(image) == 0, f"page {index + 1}"
        assert _inked_boxes(image) == {
            "name",
            "position_unit",
            "achievement",
            "decision",
            "place_date",
        }


def test_a_long_name_is_shrunk_into_its_box() -> None:
    code = next(e.outcome.key for e in honoured(sample_result(), "giay-khen"))
    long_name = "Công Tằng Tôn Nữ Huyền Trân Ngọc Bích Khuê Diễm Phương Thảo Nguyễn"
    result = _renamed(sample_result(), code, long_name)
    data = certificates(result, _config().documents)
    page = next(
        n
        for n, t in enumerate(pdf_pages_text(data))
        if long_name in unicodedata.normalize("NFC", t)
    )
    image = _render(data, page)
    assert _outside_boxes(image) == 0
    assert "name" in _inked_boxes(image)
    spec = _config().documents.certificates
    placed = fit(_new_pdf(spec.width, spec.height), long_name, spec.fields.name, spec.min_size)
    assert placed is not None and placed.size < spec.fields.name.size  # it was shrunk


def test_a_name_that_cannot_fit_is_an_error_naming_who_and_which_field() -> None:
    code = next(e.outcome.key for e in honoured(sample_result(), "giay-khen"))
    endless = " ".join(["Nguyễn Thị Ngọc Bích"] * 12)
    with pytest.raises(DoesNotFit) as caught:
        certificates(_renamed(sample_result(), code, endless), _config().documents)
    assert "“name”" in str(caught.value) and "Nguyễn Thị Ngọc Bích" in str(caught.value)


def test_the_calibration_page_has_a_millimetre_grid_and_the_boxes(pdf: bytes) -> None:
    image = _render(pdf, 0)
    spec = _config().documents.certificates
    row = image[int(100.5 * PX_PER_MM)]  # a horizontal scan between two grid lines
    lines = [
        x
        for x in range(1, len(row) - 1)
        if row[x] < 250 and row[x] <= row[x - 1] and row[x] < row[x + 1]
    ]
    assert len(lines) >= spec.width - 3  # one line per millimetre (the edges aside)
    assert float(np.median(np.diff(lines))) == pytest.approx(PX_PER_MM, abs=0.5)
    text = pdf_pages_text(pdf)[0]
    for name, box in spec.fields:
        assert f"{name}: x={box.x} y={box.y} mm" in text
    assert "documents.certificates.fields" in text


def test_the_font_is_embedded_and_covers_vietnamese(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            fonts[str(font["/BaseFont"])] = descendant["/FontDescriptor"].get_object()
    assert fonts and all("LiberationSerif" in name for name in fonts)
    assert all("/FontFile2" in d for d in fonts.values())  # embedded TrueType, not referenced
    cmap = TTFont(str(font_files()[""])).getBestCmap()
    letters = {"đ", "Đ"}
    for vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        letters |= {
            unicodedata.normalize("NFC", vowel + mark) for mark in "\u0300\u0301\u0303\u0309\u0323"
        }
        letters.add(vowel)
    assert len(letters) == 146 and not [ch for ch in letters if ord(ch) not in cmap]


def test_the_font_comes_from_the_debian_package_and_is_required() -> None:
    files = font_files()  # fails the suite, never skips, when fonts-liberation2 is missing
    assert all(str(p).startswith("/usr/share/fonts/truetype/liberation") for p in files.values())


def test_without_the_font_the_error_says_which_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    from generator.documents import fonts

    monkeypatch.setattr(fonts, "FOLDERS", (tmp_path,))
    monkeypatch.delenv(fonts.ENV, raising=False)
    with pytest.raises(FontMissing) as caught:
        fonts.font_files()
    assert f"apt-get install {PACKAGE}" in str(caught.value)


def test_no_creation_date_in_the_pdf(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    info = reader.metadata or {}
    assert "/CreationDate" not in info and "/ModDate" not in info
    assert b"CreationDate" not in pdf and b"ModDate" not in pdf and b"xmpmeta" not in pdf
