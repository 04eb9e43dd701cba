"""The corpus of broken inputs (issue 3): one function per case, each writing a whole campaign.

Every case starts from :class:`Mini` (a small valid campaign; or from ``base()``, another
valid Mini, e.g. one with markers planted in its internal columns), breaks it in one way,
writes it into ``dest`` (a data folder) and returns ``dest``. The exact issue list each case must
produce lives in ``tests/test_validate_corpus.py``. Spreadsheet features xlsxwriter does not
write from plain values (merged cells, hidden rows and sheets, formulas, the 1904 date
system) are added afterwards with openpyxl, as a user's spreadsheet program would save them.

Cell positions in Mini (header on row 1, unless a case moves it):

- ``de-nghi/<unit>.xlsx`` › Tập thể: A Mã đơn vị, B Thực hiện tốt nhiệm vụ CCHC, C Xếp loại,
  D Đề nghị khen thưởng, E Báo cáo thành tích, F Số tờ trình, G Ngày tờ trình,
  H Số biên bản họp xét, I Ngày họp xét, J Ngày gửi hồ sơ; the data row is row 2.
- ``de-nghi/<unit>.xlsx`` › Cá nhân: A STT, B Mã CB, C Họ và tên, D Ngày sinh, E Chức vụ,
  F Xếp loại, G Số nhiệm vụ được giao, H Số nhiệm vụ đúng hạn, I Kỷ luật,
  J Hình thức đề nghị, K Số phiếu đồng ý, L Tổng số phiếu, M Báo cáo thành tích,
  N Điện thoại, O Ghi chú; nominees on rows 2 (A1 / B1) and 3 (A2 / B2).
- ``sang-kien.xlsx`` › Sáng kiến: A Mã sáng kiến … D Tác giả, E Mã CB tác giả, F Lĩnh vực,
  G Kết quả, H Số quyết định, I Ngày công nhận; SK1 (unit A) row 2, SK2 (unit B) row 3.
- ``ky-luat.xlsx`` › Kỷ luật: A Mã CB … F Ngày hết hiệu lực; X9 on row 2.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.builders.mini import Mini, Row, nominee
from tests.builders.workbooks import write_csv, write_ods, write_xlsx

Base = Callable[[], Mini]
Case = Callable[..., Path]  # (dest, base=Mini) -> dest


# --------------------------------------------------------------------------- helpers


def grid(rows: list[Row], *, left: int = 0) -> list[list[object]]:
    """Header + values of ``rows`` (dicts keyed by header), shifted ``left`` columns."""
    headers = list(rows[0])
    pad: list[object] = [None] * left
    return [pad + headers] + [pad + [r.get(h) for h in headers] for r in rows]


def patch_xlsx(path: Path, edit: Callable[[Any], None]) -> Path:
    """Open ``path`` with openpyxl, let ``edit(workbook)`` change it, save it in place."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    return path


def replace_in_member(path: Path, member: str, old: str, new: str) -> Path:
    """Replace text inside one XML part of a zip (e.g. to give a formula a cached value)."""
    with zipfile.ZipFile(path) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    text = parts[member].decode()
    if old not in text:  # openpyxl writes an empty <v /> as <v></v> when lxml is installed
        old = old.replace("<v />", "<v></v>")
    assert old in text, f"{old!r} not in {member}"
    parts[member] = text.replace(old, new, 1).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return path


def sheet_member(path: Path, sheet: str) -> str:
    """The zip member of a sheet in a workbook saved by openpyxl (sheets in order)."""
    import openpyxl

    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    return f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"


def department(data: Path, unit: str) -> Path:
    return data / "de-nghi" / f"{unit}.xlsx"


def _write(mini: Mini, dest: Path) -> Path:
    return mini.write(dest)


# --------------------------------------------------------------------------- layout


def title_rows_and_offset_table(dest: Path, base: Base = Mini) -> Path:
    """Cá nhân of A: four title rows, the table starting at C5, a row of column numbers
    "(1) (2) …" under the header (skipped); A1 on row 7, a bad cell on row 8."""
    mini = base()
    mini.nominees["A"][1]["Số nhiệm vụ được giao"] = "mười"
    data = _write(mini, dest)
    titles = [
        ["ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"],
        ["VĂN PHÒNG"],
        [],
        [None, None, "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG"],
    ]
    write_xlsx(
        department(data, "A"),
        {
            "Tập thể": grid(mini.submissions["A"]),
            "Cá nhân": titles + _numbered(grid(mini.nominees["A"], left=2)),
        },
    )
    return data


def _numbered(rows: list[list[object]]) -> list[list[object]]:
    """Insert the "(1) (2) (3) …" row official forms put under the header."""
    numbers = [None if h is None else f"({i})" for i, h in enumerate(rows[0], start=-1)]
    return [rows[0], numbers, *rows[1:]]


def headers_missing_duplicated_unknown(dest: Path, base: Base = Mini) -> Path:
    """B's Cá nhân lacks `Mã CB`; A's Cá nhân has `Họ và tên` twice; the register has an
    unknown column."""
    mini = base()
    for row in mini.nominees["B"]:
        row.pop("Mã CB")
    data = _write(mini, dest)
    people = grid(mini.nominees["A"])
    people[0].append("Ho va ten")
    for row in people[1:]:
        row.append("Tên khác")
    write_xlsx(department(data, "A"), {"Tập thể": grid(mini.submissions["A"]), "Cá nhân": people})
    initiatives = grid(mini.initiatives)
    initiatives[0].append("Ghi chú thêm")
    for row in initiatives[1:]:
        row.append("nội bộ")
    write_xlsx(data / "sang-kien.xlsx", {"Sáng kiến": initiatives})
    return data


def optional_columns_missing(dest: Path, base: Base = Mini) -> Path:
    """Optional columns left out: `Chức vụ` from A's Cá nhân; both vote columns from B's
    Cá nhân (B1, B2 cannot be ranked); `Báo cáo thành tích` from B's Tập thể (its dossier is
    incomplete); `Ngày hết hiệu lực` from the discipline register."""
    mini = base()
    for row in mini.nominees["A"]:
        row.pop("Chức vụ")
    for row in mini.nominees["B"]:
        row.pop("Số phiếu đồng ý")
        row.pop("Tổng số phiếu")
    mini.submissions["B"][0].pop("Báo cáo thành tích")
    for row in mini.discipline:
        row.pop("Ngày hết hiệu lực")
    return _write(mini, dest)


def merged_two_row_header(dest: Path, base: Base = Mini) -> Path:
    """A's Cá nhân: a merged title row, then two header rows: "Số nhiệm vụ" merged over G:H
    with "được giao" | "đúng hạn" below; the other headers merged down over both rows. Data
    starts on row 4; A2's on-time count (row 5, column H) is not a number."""
    mini = base()
    mini.nominees["A"][1]["Số nhiệm vụ đúng hạn"] = "mười"
    data = _write(mini, dest)
    people = grid(mini.nominees["A"])
    top = ["Số nhiệm vụ" if h == "Số nhiệm vụ được giao" else h for h in people[0]]
    top = [None if h == "Số nhiệm vụ đúng hạn" else h for h in top]
    below = [
        {"Số nhiệm vụ được giao": "được giao", "Số nhiệm vụ đúng hạn": "đúng hạn"}.get(str(h))
        for h in people[0]
    ]
    sheet = [["DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG"], top, below, *people[1:]]
    path = write_xlsx(
        department(data, "A"), {"Tập thể": grid(mini.submissions["A"]), "Cá nhân": sheet}
    )

    def merge(book: Any) -> None:
        ws = book["Cá nhân"]
        ws.merge_cells("A1:O1")
        ws.merge_cells("G2:H2")
        for letter in "ABCDEFIJKLMNO":
            ws.merge_cells(f"{letter}2:{letter}3")

    patch_xlsx(path, merge)
    return data


def merged_data_cells(dest: Path, base: Base = Mini) -> Path:
    """A's two nominees share one merged `Chức vụ` cell (E2:E3)."""
    data = _write(base(), dest)
    patch_xlsx(department(data, "A"), lambda book: book["Cá nhân"].merge_cells("E2:E3"))
    return data


# --------------------------------------------------------------------------- values


def wrong_types(dest: Path, base: Base = Mini) -> Path:
    """Text, fraction, negative and date in integer columns; a bad yes/no; a number in a
    text column (accepted as text)."""
    mini = base()
    a1, a2 = mini.nominees["A"][:2]
    b1, b2 = mini.nominees["B"][:2]
    a1["Số nhiệm vụ được giao"] = "mười"
    a2["Số phiếu đồng ý"] = 7.5
    b1["Tổng số phiếu"] = -1
    b2["Số nhiệm vụ đúng hạn"] = dt.date(2019, 12, 5)
    mini.submissions["B"][0]["Báo cáo thành tích"] = "có lẽ"
    b2["Điện thoại"] = 2923821234
    return _write(mini, dest)


def blank_rows(dest: Path, base: Base = Mini) -> Path:
    """Blank rows before, between and after A's nominees (one holds only spaces, one only an
    `STT` number): skipped, not counted. A1 lands on row 3, A2 on row 6."""
    mini = base()
    data = _write(mini, dest)
    people = grid(mini.nominees["A"])
    spaces: list[object] = ["  ", None, " \u00a0"]
    numbered_only: list[object] = [3]  # an `STT` numbered in advance: still a blank row
    sheet = [people[0], [], people[1], [], spaces, people[2], [], numbered_only, []]
    write_xlsx(department(data, "A"), {"Tập thể": grid(mini.submissions["A"]), "Cá nhân": sheet})
    return data


def duplicate_rows(dest: Path, base: Base = Mini) -> Path:
    """A nominee row pasted twice (same Mã CB), the discipline register's row twice, and B's
    collective row twice."""
    mini = base()
    mini.nominees["A"].append(copy.deepcopy(mini.nominees["A"][0]))
    mini.discipline.append(copy.deepcopy(mini.discipline[0]))
    mini.submissions["B"].append(copy.deepcopy(mini.submissions["B"][0]))
    return _write(mini, dest)


def values_outside_lists(dest: Path, base: Base = Mini) -> Path:
    """Values outside the closed lists; full labels and odd case are accepted."""
    mini = base()
    a1, a2 = mini.nominees["A"][:2]
    a1["Xếp loại"] = "Xuất sắc"
    a2["Hình thức đề nghị"] = "Huân chương"
    mini.nominees["B"][0]["Kỷ luật"] = "Phê bình"
    mini.nominees["B"][1]["Xếp loại"] = "hoàn thành tốt nhiệm vụ"  # accepted: the full label
    mini.initiatives[1]["Lĩnh vực"] = "Khác"
    mini.initiatives[0]["Kết quả"] = "CÔNG NHẬN"  # accepted: case does not matter
    mini.discipline[0]["Hình thức"] = "Nhắc nhở"
    mini.submissions["A"][0]["Đề nghị khen thưởng"] = "Cờ thi đua"
    return _write(mini, dest)


# --------------------------------------------------------------------------- dates


def impossible_dates(dest: Path, base: Base = Mini) -> Path:
    """31/11/2019 and 29/02/2019 are errors; 29/02/2020 (a leap year) is fine."""
    mini = base()
    mini.submissions["A"][0]["Ngày gửi hồ sơ"] = "31/11/2019"
    mini.submissions["B"][0]["Ngày tờ trình"] = "29/02/2019"
    mini.nominees["B"][0]["Ngày sinh"] = "29/02/2020"
    return _write(mini, dest)


def ambiguous_dates(dest: Path, base: Base = Mini) -> Path:
    """Date-like text not written dd/mm/yyyy is reported, never guessed. `12/05/2019` is
    12 May 2019 by contract; ISO `2019-10-02` is read too."""
    mini = base()
    mini.submissions["A"][0]["Ngày gửi hồ sơ"] = "5/12/19"
    mini.submissions["B"][0]["Ngày gửi hồ sơ"] = "2019/12/05"
    mini.nominees["A"][0]["Ngày sinh"] = "December 5, 1980"
    mini.nominees["A"][1]["Ngày sinh"] = "12/05/1985"
    mini.initiatives[1]["Ngày công nhận"] = "2019-10-02"
    mini.discipline[0]["Ngày quyết định"] = "hôm qua"
    return _write(mini, dest)


def date_serials(dest: Path, base: Base = Mini) -> Path:
    """Plain numbers in date columns: 43804 is read as 05/12/2019 with a warning; 60 (Excel's
    1900-02-29, a day that never was) and 2019 (a year) are not dates."""
    mini = base()
    mini.submissions["A"][0]["Ngày gửi hồ sơ"] = 43804
    mini.submissions["B"][0]["Ngày tờ trình"] = 60
    mini.nominees["B"][0]["Ngày sinh"] = 2019
    return _write(mini, dest)


def workbook_1904(dest: Path, base: Base = Mini) -> Path:
    """A's workbook saved with the 1904 date system (old Excel for Mac): dates stay right."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    data = _write(base(), dest)

    def epoch(book: Any) -> None:
        book.epoch = CALENDAR_MAC_1904

    patch_xlsx(department(data, "A"), epoch)
    return data


# --------------------------------------------------------------------------- spreadsheet features


def formulas(dest: Path, base: Base = Mini) -> Path:
    """A's Cá nhân: H2 `=5+5` saved with its value 10 (warning, 10 used); H3 `=G3` saved by a
    program that does not calculate (no value: error); A4 a numbering formula computed to ""
    in an otherwise empty row (a blank row, no issue)."""
    data = _write(base(), dest)
    path = department(data, "A")

    def put(book: Any) -> None:
        ws = book["Cá nhân"]
        ws["H2"] = "=5+5"
        ws["H3"] = "=G3"
        ws["A4"] = '=IF(B4="","",ROW()-1)'

    patch_xlsx(path, put)
    member = sheet_member(path, "Cá nhân")
    replace_in_member(path, member, "<f>5+5</f><v />", "<f>5+5</f><v>10</v>")
    replace_in_member(
        path,
        member,
        '<c r="A4"><f>IF(B4="","",ROW()-1)</f><v /></c>',
        '<c r="A4" t="str"><f>IF(B4="","",ROW()-1)</f><v></v></c>',
    )
    return data


def hidden_and_filtered_rows(dest: Path, base: Base = Mini) -> Path:
    """A's row 3 is hidden; B's sheet has an autofilter that hides row 2."""
    data = _write(base(), dest)

    def hide(book: Any) -> None:
        book["Cá nhân"].row_dimensions[3].hidden = True

    def filtered(book: Any) -> None:
        ws = book["Cá nhân"]
        ws.auto_filter.ref = "A1:O3"
        ws.auto_filter.add_filter_column(1, ["B2"])
        ws.row_dimensions[2].hidden = True

    patch_xlsx(department(data, "A"), hide)
    patch_xlsx(department(data, "B"), filtered)
    return data


def hidden_sheets(dest: Path, base: Base = Mini) -> Path:
    """A's workbook has an extra hidden sheet full of junk (never read); B's `Cá nhân` exists
    only as a hidden sheet (reported missing, saying it is hidden)."""
    data = _write(base(), dest)

    def junk(book: Any) -> None:
        ws = book.create_sheet("Nháp")
        ws.append(["Mã CB", "Họ và tên", "Xếp loại"])
        ws.append(["A1", "Lê Văn Bình", "không biết"])
        ws.sheet_state = "hidden"

    def hide(book: Any) -> None:
        book["Cá nhân"].sheet_state = "hidden"
        book.active = 0

    patch_xlsx(department(data, "A"), junk)
    patch_xlsx(department(data, "B"), hide)
    return data


# --------------------------------------------------------------------------- text


def invisible_characters(dest: Path, base: Base = Mini) -> Path:
    """A no-break space, a zero-width space and bidi controls pasted from the web: cleaned
    (the name still matches the initiative's author), each with a warning."""
    mini = base()
    mini.nominees["A"][0]["Họ và tên"] = "Lê\u00a0Văn Bình"
    mini.nominees["A"][1]["Họ và tên"] = "Trần Thị\u200b Cúc"
    mini.nominees["B"][0]["Chức vụ"] = "\u202bTrưởng phòng\u202c"
    mini.submissions["B"][0]["Xếp loại"] = "HTXSNV\u200b"
    return _write(mini, dest)


def nfc_nfd_same_person(dest: Path, base: Base = Mini) -> Path:
    """The same staff code typed NFC in A and NFD in B is one person (duplicate-key); author
    names typed NFD and "precomposed vowel + combining tone" still match the nominees."""
    mini = base()
    mini.nominees["A"][1]["Mã CB"] = "CB-Hòa"
    mini.nominees["B"][1]["Mã CB"] = unicodedata.normalize("NFD", "CB-Hòa")
    mini.initiatives[0]["Tác giả"] = unicodedata.normalize("NFD", "Lê Văn Bình")
    mini.initiatives.append(
        {**mini.initiatives[1], "Mã sáng kiến": "SK3", "Tác giả": "Pha\u0323m Minh Đư\u0301c"}
    )
    return _write(mini, dest)


def legacy_encodings(dest: Path, base: Base = Mini) -> Path:
    """A2's name typed with a .VnTime font (TCVN3), B2's position with VNI-Times."""
    mini = base()
    mini.nominees["A"][1]["Họ và tên"] = "TrÇn ThÞ Cóc"  # Trần Thị Cúc
    mini.nominees["B"][1]["Chức vụ"] = "Phoù tröôûng phoøng"  # Phó trưởng phòng
    return _write(mini, dest)


_TCVN3_HEADERS = {
    "Mã CB": "M· CB",
    "Họ và tên": "Hä vµ tªn",
    "Mã đơn vị": "M· ®¬n vÞ",
    "Hình thức": "H×nh thøc",
    "Ngày quyết định": "Ngµy quyÕt ®Þnh",
    "Ngày hết hiệu lực": "Ngµy hÕt hiÖu lùc",
}


def legacy_headers(dest: Path, base: Base = Mini) -> Path:
    """The discipline register typed with .VnTime: headers in TCVN3 are read (decoded); the
    TCVN3 name in the data row is reported."""
    mini = base()
    mini.discipline[0]["Họ và tên"] = "Ng\xadêi Ngoµi"  # Người Ngoài
    data = _write(mini, dest)
    rows = grid(mini.discipline)
    rows[0] = [_TCVN3_HEADERS[str(h)] for h in rows[0]]
    write_xlsx(data / "ky-luat.xlsx", {"Kỷ luật": rows})
    return data


# --------------------------------------------------------------------------- cross-file


def unknown_department_file(dest: Path, base: Base = Mini) -> Path:
    """`de-nghi/ZZ.xlsx`: a department code that is not in the unit list."""
    mini = base()
    mini.submissions["ZZ"] = [{**mini.submissions["A"][0], "Mã đơn vị": "ZZ"}]
    mini.nominees["ZZ"] = [nominee("Z1", "Đỗ Văn Giang"), nominee("Z2", "Hà Thị Hạnh")]
    return _write(mini, dest)


def author_two_staff(dest: Path, base: Base = Mini) -> Path:
    """A second `Lê Văn Bình` in A: the register's author matches two nominees."""
    mini = base()
    mini.nominees["A"].append(nominee("A3", "Lê Văn Bình"))
    return _write(mini, dest)


def csv_department_with_errors(dest: Path, base: Base = Mini) -> Path:
    """B submits CSV files; an impossible date and a serial-looking text in them."""
    mini = base()
    mini.csv_units = ("B",)
    mini.submissions["B"][0]["Ngày gửi hồ sơ"] = "31/11/2019"
    mini.nominees["B"][0]["Ngày sinh"] = "5-12-80"
    return _write(mini, dest)


def ods_department(dest: Path, base: Base = Mini) -> Path:
    """B submits an .ods (LibreOffice) with two title rows; an impossible date on row 4."""
    mini = base()
    mini.submissions["B"][0]["Ngày họp xét"] = "31/04/2019"
    data = _write(mini, dest)
    department(data, "B").unlink()
    titles = ["VĂN PHÒNG UBND THÀNH PHỐ", "ĐỀ NGHỊ KHEN THƯỞNG"]
    write_ods(
        data / "de-nghi" / "B.ods",
        {"Tập thể": grid(mini.submissions["B"]), "Cá nhân": grid(mini.nominees["B"])},
        title_rows={"Tập thể": titles, "Cá nhân": titles},
    )
    return data


# --------------------------------------------------------------------------- files


def encrypted_workbook(dest: Path, base: Base = Mini) -> Path:
    """B's workbook is password-protected."""
    from tests.builders.hostile import build_encrypted_xlsx

    data = _write(base(), dest)
    built = build_encrypted_xlsx(data / "de-nghi")
    shutil.move(built, department(data, "B"))
    return data


def content_not_extension(dest: Path, base: Base = Mini) -> Path:
    """`sang-kien.xlsx` is really CSV text renamed to .xlsx."""
    data = _write(base(), dest)
    write_csv(data / "sang-kien.xlsx", [["Mã sáng kiến", "Tên sáng kiến"], ["SK1", "Số hóa"]])
    return data


def legacy_xls(dest: Path, base: Base = Mini) -> Path:
    """The discipline register arrives as an Excel 97-2003 `.xls`."""
    from tests.builders.hostile import build_legacy_xls

    data = _write(base(), dest)
    (data / "ky-luat.xlsx").unlink()
    build_legacy_xls(data, "ky-luat.xls")
    return data


CASES: dict[str, Case] = {
    f.__name__: f
    for f in (
        title_rows_and_offset_table,
        headers_missing_duplicated_unknown,
        optional_columns_missing,
        merged_two_row_header,
        merged_data_cells,
        wrong_types,
        blank_rows,
        duplicate_rows,
        values_outside_lists,
        impossible_dates,
        ambiguous_dates,
        date_serials,
        workbook_1904,
        formulas,
        hidden_and_filtered_rows,
        hidden_sheets,
        invisible_characters,
        nfc_nfd_same_person,
        legacy_encodings,
        legacy_headers,
        unknown_department_file,
        author_two_staff,
        csv_department_with_errors,
        ods_department,
        encrypted_workbook,
        content_not_extension,
        legacy_xls,
    )
}
