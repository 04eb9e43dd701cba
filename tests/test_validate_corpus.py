"""The corpus of broken inputs (tests/builders/corpus.py) and the exact issues each produces.

Each case breaks a small valid campaign in one way; the expected list holds every issue,
errors and warnings, as sorted ``(code, file, sheet, row, column)``. For every case the rest
of the campaign is still read, and rows read = accepted + rejected for every sheet.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.judge.pipeline import Result, run
from generator.read.issues import Issue
from generator.read.load import Loader
from tests.builders import corpus

CONFIG = Path(__file__).resolve().parent.parent / "site_config" / "vpubnd-cantho-2019.yml"
A, B = "de-nghi/A.xlsx", "de-nghi/B.xlsx"
TT, CN = "Tập thể", "Cá nhân"
SK, KL = ("sang-kien.xlsx", "Sáng kiến"), ("ky-luat.xlsx", "Kỷ luật")

EXPECTED: dict[str, list[tuple[str, str | None, str | None, int | None, str | None]]] = {
    "title_rows_and_offset_table": [("value-not-integer", A, CN, 8, "I")],
    "headers_missing_duplicated_unknown": [
        ("header-duplicate", A, CN, 1, "P"),
        ("header-missing", B, CN, 1, None),
        ("header-unknown", *SK, 1, "J"),
    ],
    "optional_columns_missing": [
        ("header-optional-missing", A, CN, 1, None),
        ("header-optional-missing", B, CN, 1, None),
        ("header-optional-missing", B, CN, 1, None),
        ("header-optional-missing", B, TT, 1, None),
        ("header-optional-missing", *KL, 1, None),
        ("votes-missing", B, CN, 2, None),
        ("votes-missing", B, CN, 3, None),
    ],
    "merged_two_row_header": [("value-not-integer", A, CN, 5, "H")],
    "merged_data_cells": [("merged-cells", A, CN, 2, "E")],
    "wrong_types": [
        ("value-negative", B, CN, 2, "L"),
        ("value-not-allowed", B, TT, 2, "E"),
        ("value-not-integer", A, CN, 2, "G"),
        ("value-not-integer", A, CN, 3, "K"),
        ("value-not-integer", B, CN, 3, "H"),
    ],
    "blank_rows": [],
    "duplicate_rows": [
        ("duplicate-key", A, CN, 4, "B"),
        ("row-duplicate", B, TT, 3, None),
        ("row-duplicate", *KL, 3, None),
    ],
    "values_outside_lists": [
        ("value-not-allowed", A, CN, 2, "F"),
        ("value-not-allowed", A, CN, 3, "J"),
        ("value-not-allowed", A, TT, 2, "D"),
        ("value-not-allowed", B, CN, 2, "I"),
        ("value-not-allowed", *KL, 2, "D"),
        ("value-not-allowed", *SK, 3, "F"),
    ],
    "impossible_dates": [
        ("date-impossible", A, TT, 2, "J"),
        ("date-impossible", B, TT, 2, "G"),
    ],
    "ambiguous_dates": [
        ("date-ambiguous", A, CN, 2, "D"),
        ("date-ambiguous", A, TT, 2, "J"),
        ("date-ambiguous", B, TT, 2, "J"),
        ("date-invalid", *KL, 2, "E"),
    ],
    "date_serials": [
        ("date-invalid", B, CN, 2, "D"),
        ("date-invalid", B, TT, 2, "G"),
        ("date-serial", A, TT, 2, "J"),
    ],
    "workbook_1904": [],
    "formulas": [
        ("formula-cached", A, CN, 2, "H"),
        ("formula-no-value", A, CN, 3, "H"),
    ],
    "hidden_and_filtered_rows": [
        ("row-hidden", A, CN, 3, None),
        ("row-hidden", B, CN, 2, None),
    ],
    "hidden_sheets": [("sheet-missing", B, CN, None, None)],
    "invisible_characters": [
        ("text-invisible-characters", A, CN, 2, "C"),
        ("text-invisible-characters", A, CN, 3, "C"),
        ("text-invisible-characters", B, CN, 2, "E"),
        ("text-invisible-characters", B, TT, 2, "C"),
    ],
    "nfc_nfd_same_person": [("duplicate-key", B, CN, 3, "B")],
    "legacy_encodings": [
        ("text-legacy-encoding", A, CN, 3, "C"),
        ("text-legacy-encoding", B, CN, 3, "E"),
    ],
    "legacy_headers": [("text-legacy-encoding", *KL, 2, "B")],
    "unknown_department_file": [
        ("unit-unknown", "de-nghi/ZZ.xlsx", CN, None, None),
        ("unit-unknown", "de-nghi/ZZ.xlsx", TT, None, None),
    ],
    "author_two_staff": [("author-ambiguous", *SK, 2, "D")],
    "csv_department_with_errors": [
        ("date-ambiguous", "de-nghi/B/ca-nhan.csv", "ca-nhan", 2, "D"),
        ("date-impossible", "de-nghi/B/tap-the.csv", "tap-the", 2, "J"),
    ],
    "ods_department": [("date-impossible", "de-nghi/B.ods", TT, 4, "I")],
    "encrypted_workbook": [("file-encrypted", B, None, None, None)],
    "content_not_extension": [("file-format-mismatch", "sang-kien.xlsx", None, None, None)],
    "legacy_xls": [("file-xls-unsupported", "ky-luat.xls", None, None, None)],
}

# Rows rejected by each case: (file, sheet, row) → reasons.
REJECTED: dict[str, dict[tuple[str, str, int], tuple[str, ...]]] = {
    "merged_data_cells": {(A, CN, 2): ("merged-cells",), (A, CN, 3): ("merged-cells",)},
    "unknown_department_file": {
        ("de-nghi/ZZ.xlsx", TT, 2): ("unit-unknown",),
        ("de-nghi/ZZ.xlsx", CN, 2): ("unit-unknown",),
        ("de-nghi/ZZ.xlsx", CN, 3): ("unit-unknown",),
    },
    "duplicate_rows": {
        (A, CN, 4): ("duplicate-key",),
        (B, TT, 3): ("row-duplicate",),
        (*KL, 3): ("row-duplicate",),
    },
    "blank_rows": {},
}


@pytest.fixture(scope="module")
def loader() -> Iterator[Loader]:
    with Loader() as shared:
        yield shared


def _run(case: str, tmp_path: Path, loader: Loader) -> Result:
    return run(CONFIG, corpus.CASES[case](tmp_path / "data"), loader)


def _find(result: Result, code: str) -> list[Issue]:
    return [i for i in result.issues if i.code == code]


def test_every_case_has_an_expectation():
    assert set(EXPECTED) == set(corpus.CASES)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_case_gives_exactly_the_expected_issues(case: str, tmp_path: Path, loader: Loader):
    result = _run(case, tmp_path, loader)
    assert sorted(i.key() for i in result.issues) == sorted(EXPECTED[case])
    for issue in result.issues:
        assert issue.message and issue.message_en, issue
    for count in result.dataset.counts:
        assert count.read == count.accepted + count.rejected, count
    if case in REJECTED:
        got = {(r.file, r.sheet, r.row): r.reasons for r in result.dataset.rejected}
        assert got == REJECTED[case]


@pytest.mark.parametrize(
    "case", ["encrypted_workbook", "content_not_extension", "legacy_xls", "hidden_sheets"]
)
def test_the_rest_of_the_campaign_is_still_read(case: str, tmp_path: Path, loader: Loader):
    result = _run(case, tmp_path, loader)
    assert {u.code for u in result.dataset.units} == {"A", "B"}
    assert "A" in result.dataset.submissions
    assert {n.staff_code for n in result.dataset.nominees} >= {"A1", "A2"}
    assert any(o.key == "A1" for o in result.outcomes)


def test_offset_table_reads_every_nominee(tmp_path, loader):
    result = _run("title_rows_and_offset_table", tmp_path, loader)
    a1 = next(n for n in result.dataset.nominees if n.staff_code == "A1")
    assert (a1.loc.row, a1.name, a1.tasks_assigned) == (7, "Lê Văn Bình", 10)


def test_two_row_header_joins_labels_and_data_starts_below(tmp_path, loader):
    result = _run("merged_two_row_header", tmp_path, loader)
    a1 = next(n for n in result.dataset.nominees if n.staff_code == "A1")
    assert (a1.loc.row, a1.tasks_assigned, a1.tasks_on_time) == (4, 10, 10)
    count = next(c for c in result.dataset.counts if c.file == A and c.sheet == CN)
    assert (count.read, count.accepted, count.rejected) == (2, 1, 1)


def test_duplicate_and_missing_headers_are_explained(tmp_path, loader):
    result = _run("headers_missing_duplicated_unknown", tmp_path, loader)
    (dup,) = _find(result, "header-duplicate")
    assert "cột C và P" in dup.message
    (missing,) = _find(result, "header-missing")
    assert missing.header == "Mã CB" and "không được đọc" in missing.message
    # B's collective sheet is still read
    assert "B" in result.dataset.submissions


def test_missing_optional_columns_say_what_they_change(tmp_path, loader):
    result = _run("optional_columns_missing", tmp_path, loader)
    found = {(i.file, i.header): i for i in _find(result, "header-optional-missing")}
    assert sorted(found) == sorted(
        [(A, "Chức vụ"), (B, "Số phiếu đồng ý"), (B, "Tổng số phiếu"), (B, "Báo cáo thành tích"),
         (KL[0], "Ngày hết hiệu lực")]
    )  # fmt: skip
    assert all(i.severity == "warning" and "dòng tiêu đề 1" in i.message for i in found.values())
    assert "để trống trên trang kết quả cá nhân" in found[(A, "Chức vụ")].message
    assert "không cá nhân nào trong trang tính được xếp hạng" in found[(B, "Tổng số phiếu")].message
    assert "hồ sơ của tập thể bị ghi là chưa đủ" in found[(B, "Báo cáo thành tích")].message
    assert "1 năm sau ngày quyết định" in found[(KL[0], "Ngày hết hiệu lực")].message
    # what the site then shows follows from the warnings, never a criterion silently met
    assert {n.position for n in result.dataset.nominees if n.unit == "A"} == {None}
    outcomes = {(o.kind, o.key): o for o in result.outcomes}
    assert not outcomes[("collective", "B")].dossier.complete
    assert "Báo cáo thành tích của tập thể" in outcomes[("collective", "B")].dossier.missing
    assert outcomes[("collective", "A")].dossier.complete
    b_votes = {n.staff_code: n.vote_share for n in result.dataset.nominees if n.unit == "B"}
    assert b_votes == {"B1": None, "B2": None}


def test_a_missing_optional_column_is_reported_under_a_two_row_header(tmp_path, loader):
    from tests.builders.corpus import department, patch_xlsx

    data = corpus.merged_two_row_header(tmp_path / "data")

    def drop_note(book):
        book["Cá nhân"].delete_cols(15)  # O: Ghi chú, merged down over rows 2-3

    patch_xlsx(department(data, "A"), drop_note)
    result = run(CONFIG, data, loader)
    (issue,) = _find(result, "header-optional-missing")
    assert (issue.key(), issue.header) == (("header-optional-missing", A, CN, 3, None), "Ghi chú")


def test_merged_data_cells_reject_every_row_under_the_merge(tmp_path, loader):
    result = _run("merged_data_cells", tmp_path, loader)
    (issue,) = result.issues
    assert "E2:E3" in issue.message and issue.value == "Chuyên viên"
    assert not [n for n in result.dataset.nominees if n.unit == "A"]


def test_blank_rows_are_skipped_and_not_counted(tmp_path, loader):
    result = _run("blank_rows", tmp_path, loader)
    rows = {n.staff_code: n.loc.row for n in result.dataset.nominees if n.unit == "A"}
    assert rows == {"A1": 3, "A2": 6}
    count = next(c for c in result.dataset.counts if c.file == A and c.sheet == CN)
    assert (count.read, count.accepted, count.rejected) == (2, 2, 0)


def test_a_number_in_a_text_column_is_text(tmp_path, loader):
    result = _run("wrong_types", tmp_path, loader)
    assert not [i for i in result.issues if i.column == "N"]


def test_full_labels_and_case_are_accepted_in_closed_lists(tmp_path, loader):
    result = _run("values_outside_lists", tmp_path, loader)
    b2 = next(n for n in result.dataset.nominees if n.staff_code == "B2")
    assert b2.rating == "HTTNV"
    assert next(i for i in result.dataset.initiatives if i.code == "SK1").recognised


def test_dates_follow_dd_mm_yyyy_and_ambiguity_is_explained(tmp_path, loader):
    result = _run("ambiguous_dates", tmp_path, loader)
    by_row = {(i.file, i.sheet, i.row): i for i in _find(result, "date-ambiguous")}
    assert "năm chỉ có 2 chữ số" in by_row[(A, TT, 2)].message
    assert "năm viết trước" in by_row[(B, TT, 2)].message
    assert "tháng viết bằng chữ" in by_row[(A, CN, 2)].message
    assert all("dd/mm/yyyy" in i.message for i in by_row.values())
    sk2 = next(i for i in result.dataset.initiatives if i.code == "SK2")
    assert sk2.decision_date == dt.date(2019, 10, 2)
    assert "A2" in {n.staff_code for n in result.dataset.nominees}  # 12/05/1985 is fine


def test_impossible_dates_are_never_moved(tmp_path, loader):
    result = _run("impossible_dates", tmp_path, loader)
    assert "A" not in result.dataset.submissions
    assert "B1" in {n.staff_code for n in result.dataset.nominees}  # 29/02/2020 exists


def test_date_serial_shows_the_date_it_was_read_as(tmp_path, loader):
    result = _run("date_serials", tmp_path, loader)
    (serial,) = _find(result, "date-serial")
    assert "05/12/2019" in serial.message and serial.severity == "warning"
    assert result.dataset.submissions["A"].sent_date == dt.date(2019, 12, 5)


def test_1904_workbook_dates_come_right(tmp_path, loader):
    result = _run("workbook_1904", tmp_path, loader)
    with zipfile.ZipFile(tmp_path / "data" / A) as book:
        assert 'date1904="1"' in book.read("xl/workbook.xml").decode()
    sub = result.dataset.submissions["A"]
    assert (sub.sent_date, sub.meeting_date) == (dt.date(2019, 12, 5), dt.date(2019, 11, 30))
    assert sub.to_trinh_date == dt.date(2019, 12, 1)


def test_formula_cached_value_is_used(tmp_path, loader):
    result = _run("formulas", tmp_path, loader)
    a1 = next(n for n in result.dataset.nominees if n.staff_code == "A1")
    assert a1.tasks_on_time == 10
    (cached,) = _find(result, "formula-cached")
    assert cached.value == "10"
    (missing,) = _find(result, "formula-no-value")
    assert "mở và lưu lại" in missing.message


def test_hidden_required_sheet_is_reported_as_hidden(tmp_path, loader):
    result = _run("hidden_sheets", tmp_path, loader)
    (issue,) = result.issues
    assert "ẩn" in issue.message and "hidden" in issue.message_en
    assert not [n for n in result.dataset.nominees if n.unit == "B"]


def test_invisible_characters_are_cleaned_and_named(tmp_path, loader):
    result = _run("invisible_characters", tmp_path, loader)
    names = {n.staff_code: n.name for n in result.dataset.nominees}
    assert names["A1"] == "Lê Văn Bình" and names["A2"] == "Trần Thị Cúc"
    assert next(n for n in result.dataset.nominees if n.staff_code == "B1").position == (
        "Trưởng phòng"
    )
    assert result.dataset.credited["SK1"] == ("A1",)
    messages = " ".join(i.message for i in result.issues)
    assert "U+00A0" in messages and "U+200B" in messages and "U+202B" in messages


def test_nfd_and_mixed_forms_are_one_person(tmp_path, loader):
    result = _run("nfc_nfd_same_person", tmp_path, loader)
    assert result.dataset.credited["SK1"] == ("A1",)
    assert result.dataset.credited["SK3"] == ("B1",)


def test_legacy_text_is_named_with_the_corrected_text(tmp_path, loader):
    result = _run("legacy_encodings", tmp_path, loader)
    by_file = {i.file: i for i in _find(result, "text-legacy-encoding")}
    assert "TCVN3" in by_file[A].message and "“Trần Thị Cúc”" in by_file[A].message
    assert "VNI" in by_file[B].message and "“Phó trưởng phòng”" in by_file[B].message
    assert all(i.is_error for i in by_file.values())


def test_ods_rows_are_numbered_as_the_spreadsheet_shows_them(tmp_path, loader):
    result = _run("ods_department", tmp_path, loader)
    rows = {n.staff_code: n.loc for n in result.dataset.nominees if n.unit == "B"}
    assert {k: (v.file, v.row) for k, v in rows.items()} == {
        "B1": ("de-nghi/B.ods", 4),
        "B2": ("de-nghi/B.ods", 5),
    }


def test_legacy_headers_are_read_and_the_row_is_reported(tmp_path, loader):
    result = _run("legacy_headers", tmp_path, loader)
    (issue,) = result.issues
    assert "“Người Ngoài”" in issue.message and issue.header == "Họ và tên"


def test_unknown_department_file_leaves_the_others_untouched(tmp_path, loader):
    result = _run("unknown_department_file", tmp_path, loader)
    assert set(result.dataset.submissions) == {"A", "B"}
    assert not [n for n in result.dataset.nominees if n.staff_code.startswith("Z")]


_CODE = r"\"([a-z]+(?:-[a-z0-9]+)+)\""
_EMITTED = (
    rf"{_CODE},\s*\"(?:error|warning)\"",  # Issue(code, severity, …), table.issue, ctx.reject
    rf"_issue\(\s*{_CODE}",  # loader and discover helpers
    rf"reject\(\s*{_CODE}",  # council rejecter
    rf"code={_CODE}",
)


def test_every_code_the_generator_emits_is_documented():
    root = Path(__file__).resolve().parent.parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in (root / "generator").rglob("*.py"))
    emitted = {m for pattern in _EMITTED for m in re.findall(pattern, source)}
    doc = (root / "docs" / "issue-codes.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \| (?:error|warning) \|", doc, flags=re.M))
    assert len(emitted) > 40
    assert emitted <= documented, sorted(emitted - documented)
    assert documented <= emitted, sorted(documented - emitted)
    for case in EXPECTED.values():
        assert {code for code, *_ in case} <= documented


def test_plain_number_dates_in_a_1904_workbook_count_from_1904(tmp_path, loader):
    from tests.builders.corpus import department, patch_xlsx, workbook_1904

    data = workbook_1904(tmp_path / "data")

    def serial(book):
        cell = book["Tập thể"]["J2"]
        cell.value, cell.number_format = 42342, "General"  # 05/12/2019 counted from 1904

    patch_xlsx(department(data, "A"), serial)
    result = run(CONFIG, data, loader)
    (warning,) = _find(result, "date-serial")
    assert "05/12/2019" in warning.message
    assert result.dataset.submissions["A"].sent_date == dt.date(2019, 12, 5)


def test_signature_block_under_the_table_is_reported_not_read(tmp_path, loader):
    from tests.builders.corpus import department, patch_xlsx
    from tests.builders.mini import Mini

    data = Mini().write(tmp_path / "data")

    def footer(book):
        sheet = book["Cá nhân"]
        sheet["C5"] = "Cần Thơ, ngày 05 tháng 12 năm 2019"
        sheet["B6"], sheet["H6"] = "NGƯỜI LẬP BIỂU", "TRƯỞNG PHÒNG"
        sheet["H8"] = "Lê Văn Bình"

    patch_xlsx(department(data, "A"), footer)
    result = run(CONFIG, data, loader)
    assert sorted(i.key() for i in result.issues) == [("rows-footer", A, CN, 5, None)]
    (note,) = result.issues
    assert "NGƯỜI LẬP BIỂU" in note.message and note.severity == "warning"
    count = next(c for c in result.dataset.counts if c.file == A and c.sheet == CN)
    assert (count.read, count.rejected) == (2, 0)


def test_a_data_row_after_a_blank_row_is_still_data(tmp_path, loader):
    from tests.builders.corpus import department, patch_xlsx
    from tests.builders.mini import Mini

    data = Mini().write(tmp_path / "data")

    def late_row(book):
        sheet = book["Cá nhân"]
        sheet.append([])
        sheet.append([3, None, "Ngô Văn Muộn", None, "Chuyên viên", "HTXSNV", 5, 5, "Không"])

    patch_xlsx(department(data, "A"), late_row)
    result = run(CONFIG, data, loader)
    assert ("value-missing", A, CN, 5, "B") in [i.key() for i in result.issues]


def test_a_hidden_contract_column_is_an_error_unused_hidden_columns_are_not(tmp_path, loader):
    from openpyxl.utils import get_column_letter

    from tests.builders.corpus import department, patch_xlsx
    from tests.builders.mini import Mini

    data = Mini().write(tmp_path / "data")

    def hide(book):
        sheet = book["Cá nhân"]
        sheet.column_dimensions["N"].hidden = True  # Điện thoại, in the contract
        for index in range(20, 40):  # unused columns, hidden to tidy the sheet
            sheet.column_dimensions[get_column_letter(index)].hidden = True

    patch_xlsx(department(data, "A"), hide)
    result = run(CONFIG, data, loader)
    assert [i.key() for i in result.issues] == [("column-hidden", A, CN, 1, "N")]


def test_a_hidden_contract_column_in_an_ods_workbook_is_an_error(tmp_path, loader):
    import re as _re

    from tests.builders.mini import Mini
    from tests.builders.workbooks import write_ods

    mini = Mini()
    data = mini.write(tmp_path / "data")
    book = data / "de-nghi" / "A.xlsx"
    book.unlink()
    ods = data / "de-nghi" / "A.ods"
    sheets = {
        name: [list(rows[0]), *[list(r.values()) for r in rows]]
        for name, rows in (("Tập thể", mini.submissions["A"]), ("Cá nhân", mini.nominees["A"]))
    }
    write_ods(ods, sheets)
    with zipfile.ZipFile(ods) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    content = parts["content.xml"].decode()
    columns = '<table:table-column table:number-columns-repeated="13"/><table:table-column table:visibility="collapse"/>'
    content, count = _re.subn(
        r'(<table:table table:name="Cá nhân"[^>]*>)', r"\1" + columns, content
    )
    assert count == 1
    parts["content.xml"] = content.encode()
    with zipfile.ZipFile(ods, "w") as out:
        out.writestr("mimetype", parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for name, blob in parts.items():
            out.writestr(name, blob, compress_type=zipfile.ZIP_DEFLATED)
    result = run(CONFIG, data, loader)
    assert [i.key() for i in result.issues] == [("column-hidden", "de-nghi/A.ods", CN, 1, "N")]


def test_every_optional_column_says_what_its_absence_changes():
    from tests.builders.founding import ALL_SHEETS

    for sheet in ALL_SHEETS:
        for col in sheet.columns:
            vi, en = col.absent
            assert bool(vi and en) == (not col.required), (sheet.name, col.header)
