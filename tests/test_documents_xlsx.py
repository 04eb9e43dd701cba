"""The Council's summary list, read back with openpyxl: print setup (A4 landscape, header row
repeated, one page wide), Times New Roman in every cell, text only (no formula, no link), and
what it lists: collectives then individuals, grouped by department in the site's order, with
the columns of issue 13."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import openpyxl
import pytest

from generator.documents import names
from generator.site.bundle import make_bundle
from tests.builders.documents import CONFIG, sample_documents, sample_result

HEADERS = [
    "STT", "Tên tập thể / Họ và tên", "Năm sinh", "Chức vụ", "Đơn vị", "Hình thức đề nghị",
    "Tóm tắt thành tích", "Kết quả bình xét", "Tình trạng theo tiêu chí", "Ghi chú",
]  # fmt: skip


@pytest.fixture(scope="module")
def data() -> bytes:
    return sample_documents()[names.COUNCIL_LIST]


@pytest.fixture(scope="module")
def sheet(data: bytes) -> Any:
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Danh sách"]
    return book.active


def _header_row(sheet: Any) -> int:
    for row in sheet.iter_rows():
        if [c.value for c in row[: len(HEADERS)]] == HEADERS:
            return int(row[0].row)
    raise AssertionError("no header row")


def _rows(sheet: Any) -> list[list[str]]:
    start = _header_row(sheet)
    return [
        [c if c is not None else "" for c in row]
        for row in sheet.iter_rows(min_row=start + 1, values_only=True)
    ]


def test_print_ready_a4_landscape_header_repeated_one_page_wide(sheet: Any) -> None:
    setup = sheet.page_setup
    assert setup.paperSize == 9 and setup.orientation == "landscape"  # 9: A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0  # width 1 is the default
    row = _header_row(sheet)
    assert sheet.print_title_rows == f"${row}:${row}"


def test_times_new_roman_in_every_cell_and_the_default_style(sheet: Any, data: bytes) -> None:
    fonts = {c.font.name for row in sheet.iter_rows() for c in row}
    assert fonts == {"Times New Roman"}
    styles = zipfile.ZipFile(io.BytesIO(data)).read("xl/styles.xml").decode()
    assert set(re.findall(r'<name val="([^"]+)"', styles)) == {"Times New Roman"}


def test_no_formula_no_link_every_value_is_text(sheet: Any, data: bytes) -> None:
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert values and all(isinstance(v, str) for v in values)
    assert not sheet._hyperlinks
    parts = zipfile.ZipFile(io.BytesIO(data))
    for name in parts.namelist():
        text = parts.read(name).decode("utf-8", errors="replace")
        assert "<f>" not in text and "<f " not in text, name
        assert "<hyperlink" not in text and "relationships/hyperlink" not in text, name
    assert not [n for n in parts.namelist() if "externalLink" in n]


def test_collectives_then_individuals_by_department_in_the_site_order(sheet: Any) -> None:
    rows = _rows(sheet)
    labels = [r[0] for r in rows if r[0].startswith(("A. ", "B. "))]
    assert labels == ["A. TẬP THỂ (09)", "B. CÁ NHÂN (42)"]
    split = next(n for n, r in enumerate(rows) if r[0].startswith("B. "))
    collectives = [r for r in rows[:split] if r[0].isdigit()]
    people = [r for r in rows[split:] if r[0].isdigit()]
    assert [r[0] for r in collectives] == [str(n) for n in range(1, 10)]  # STT restarts
    assert [r[0] for r in people] == [str(n) for n in range(1, 43)]
    view = make_bundle(CONFIG, None).view
    assert view is not None
    unit_order = [u.name for u in view.units]
    assert [r[4] for r in collectives] == [c.unit_name for c in view.collectives]
    seen = list(dict.fromkeys(r[4] for r in people))
    assert seen == [u for u in unit_order if u in seen]
    site_people = [p.name for u in view.units for p in u.people]
    assert [r[1] for r in people] == site_people  # the site's order within a department too


def test_each_row_says_what_the_evaluation_says(sheet: Any) -> None:
    rows = {r[1]: r for r in _rows(sheet) if r[0].isdigit()}
    phuc = rows["Lê Hoàng Phúc"]  # CB0001: rank 1, Council proposes Bằng khen
    assert phuc[2] == "1976"  # the one internal column the config allows: year of birth
    assert phuc[3] == "Trưởng phòng" and phuc[4] == "Phòng Tổng hợp"
    assert phuc[5] == "Bằng khen"  # what the department proposed
    first, second = phuc[6].split("\n")
    assert first == "Xếp loại: Hoàn thành xuất sắc nhiệm vụ; 24/24 nhiệm vụ đúng hạn"
    assert second == "02 sáng kiến được công nhận (QĐ số 45/QĐ-VPUB, 88/QĐ-VPUB)"
    assert phuc[7] == "11/12 phiếu" and phuc[8] == "Trong chỉ tiêu — dự kiến"
    assert "Trong chỉ tiêu, hạng 1" in phuc[9] and "Hội đồng: Đề nghị Bằng khen" in phuc[9]
    tam = rows["Võ Thanh Tâm"]  # CB0003: over quota, awarded by the Council
    assert "Ngoài chỉ tiêu, hạng 3" in tam[9] and "khác kết quả xét theo tiêu chí" in tam[9]
    tri = rows["Châu Minh Trí"]  # CB0083: tied at the line, the Council picked him
    assert "Đồng hạng 2 tại ngưỡng chỉ tiêu" in tri[9]
    unvoted = [n.name for n in sample_result().dataset.nominees if n.votes_total is None]
    assert unvoted and all(rows[name][7] == "Chưa có số phiếu" for name in unvoted)
    kt = rows["Phòng Kinh tế"]
    assert kt[7] == "—" and "Đồng hạng 3 tại ngưỡng chỉ tiêu" in kt[9]
    for row in rows.values():
        assert row[6].count("\n") <= 1  # the achievement summary: two lines at most


def test_the_count_of_initiatives_is_the_evaluations(sheet: Any) -> None:
    result = sample_result()
    # namesakes (two Nguyễn Thị Thu Hà in one department) differ by position
    by_name = {(n.name, n.position or ""): n.staff_code for n in result.dataset.nominees}
    assert len(by_name) == len(result.dataset.nominees)
    counts = {(o.kind, o.key): o.recognised_initiatives for o in result.outcomes}
    checked = 0
    for row in _rows(sheet):
        if row[0].isdigit() and (row[1], row[3]) in by_name:
            line = row[6].split("\n")[1]
            shown = 0 if line.startswith("Chưa có") else int(line.split()[0])
            assert shown == counts[("individual", by_name[(row[1], row[3])])], row[1]
            checked += 1
    assert checked == len(by_name)
