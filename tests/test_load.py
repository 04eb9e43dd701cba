"""LOAD stage: untrusted files -> RawWorkbook or Issues, in an isolated worker process."""

from __future__ import annotations

import datetime as dt
import os
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.read import messages as _load_messages
from generator.read import sniff as _load_sniff
from generator.read.load import Loader, read_files
from generator.read.raw import RawSheet, RawWorkbook
from tests.builders import hostile
from tests.builders.workbooks import write_csv, write_ods, write_xlsx

MEMORY_LIMIT_MB = 512
TIMEOUT_S = 10.0


@pytest.fixture(scope="module")
def loader() -> Iterator[Loader]:
    with Loader(memory_limit_mb=MEMORY_LIMIT_MB, timeout_s=TIMEOUT_S) as shared:
        yield shared


@pytest.fixture(scope="module")
def good_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("good") / "don-vi.xlsx"
    return write_xlsx(path, {"Đơn vị": [["Mã đơn vị", "Tên đơn vị"], ["VP", "Văn phòng"]]})


def _read_ok(loader: Loader, path: Path, rel: str | None = None) -> RawWorkbook:
    workbook, issues = loader.read(path, rel or path.name)
    assert issues == [], [i.message_en for i in issues]
    assert workbook is not None
    return workbook


def _only_sheet(workbook: RawWorkbook) -> RawSheet:
    assert len(workbook.sheets) == 1, list(workbook.sheets)
    return next(iter(workbook.sheets.values()))


def _peak_rss_mb(pid: int | None) -> int | None:
    """VmHWM of a live worker (Linux), in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (OSError, TypeError):
        return None
    line = next(ln for ln in status.splitlines() if ln.startswith("VmHWM:"))
    return int(line.split()[1]) // 1024


# --------------------------------------------------------------------------- hostile files


@pytest.mark.parametrize("name", list(hostile.EXPECTED))
def test_hostile_file_is_refused_then_next_file_reads(
    name: str, loader: Loader, good_file: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    builder, code = hostile.EXPECTED[name]
    path = builder(tmp_path)
    rel = f"de-nghi/{path.name}"

    started = time.monotonic()
    workbook, issues = loader.read(path, rel)
    elapsed = time.monotonic() - started

    assert workbook is None
    assert [i.code for i in issues] == [code], [i.message_en for i in issues]
    issue = issues[0]
    assert issue.severity == "error"
    assert issue.file == rel
    assert rel in issue.message and rel in issue.message_en
    assert elapsed < TIMEOUT_S
    peak = _peak_rss_mb(loader.worker_pid)
    assert peak is None or peak < MEMORY_LIMIT_MB
    # The parent never sees the worker's tracebacks or Rust's abort message.
    assert capfd.readouterr().err == ""

    after = _read_ok(loader, good_file, "don-vi.xlsx")
    assert _only_sheet(after).cells == [["Mã đơn vị", "Tên đơn vị"], ["VP", "Văn phòng"]]


def test_worker_is_reused_across_good_files(good_file: Path, tmp_path: Path) -> None:
    other = write_csv(tmp_path / "tap-the.csv", [["Mã đơn vị"], ["VP"]])
    with Loader() as loader:
        _read_ok(loader, good_file)
        pid = loader.worker_pid
        _read_ok(loader, other)
        _read_ok(loader, good_file)
        assert pid is not None and loader.worker_pid == pid


def test_worker_is_replaced_after_it_dies(good_file: Path, tmp_path: Path) -> None:
    with Loader(memory_limit_mb=MEMORY_LIMIT_MB) as loader:
        _read_ok(loader, good_file)
        first = loader.worker_pid
        _wb, issues = loader.read(hostile.build_string_amplifier_xlsx(tmp_path), "amp.xlsx")
        assert [i.code for i in issues] == ["file-resource-limit"]
        assert "SIGABRT" in issues[0].message_en or "MemoryError" in issues[0].message_en
        _read_ok(loader, good_file)
        assert loader.worker_pid not in (None, first)


def test_timeout_kills_the_worker_and_the_next_file_reads(good_file: Path, tmp_path: Path) -> None:
    big = hostile.build_big_xlsx(tmp_path, rows=50_000, cols=10)
    with Loader(timeout_s=0.3) as loader:
        _read_ok(loader, good_file)  # worker started (its start-up is not timed per file)
        started = time.monotonic()
        workbook, issues = loader.read(big, "big.xlsx")
        assert workbook is None
        assert [i.code for i in issues] == ["file-timeout"]
        assert time.monotonic() - started < 3
        assert loader.worker_pid is None  # killed
        _read_ok(loader, good_file)


def test_read_files_convenience(good_file: Path, tmp_path: Path) -> None:
    bad = hostile.build_csv_as_xlsx(tmp_path)
    results = read_files([(good_file, "don-vi.xlsx"), (bad, "x/csv-as.xlsx")], timeout_s=5.0)
    assert set(results) == {"don-vi.xlsx", "x/csv-as.xlsx"}
    workbook, issues = results["don-vi.xlsx"]
    assert workbook is not None and workbook.file == "don-vi.xlsx" and issues == []
    workbook, issues = results["x/csv-as.xlsx"]
    assert workbook is None and issues[0].code == "file-format-mismatch"
    assert issues[0].value == "csv"


def test_missing_and_unknown_files_are_unreadable(loader: Loader, tmp_path: Path) -> None:
    _wb, issues = loader.read(tmp_path / "nope.xlsx", "nope.xlsx")
    assert [i.code for i in issues] == ["file-unreadable"]
    other = tmp_path / "notes.txt"
    other.write_text("x")
    _wb, issues = loader.read(other, "notes.txt")
    assert [i.code for i in issues] == ["file-unreadable"]


def test_zip_bomb_total_size_limit(tmp_path: Path) -> None:
    path = hostile.write_raw_xlsx(tmp_path / "a.xlsx", [("S", hostile.sheet_xml(""))])
    with zipfile.ZipFile(path) as zf:
        _load_sniff.check_zip_bomb(zf, "a.xlsx")  # fine with the real limits
        with pytest.raises(_load_messages.LoadRefused) as refused:
            _load_sniff.check_zip_bomb(zf, "a.xlsx", max_total=100)
    assert refused.value.issue.code == "file-too-large"


def test_encrypted_ods_is_reported(loader: Loader, tmp_path: Path) -> None:
    path = hostile.write_raw_ods(tmp_path / "enc.ods", "")
    with zipfile.ZipFile(path) as src:
        members = {n: src.read(n) for n in src.namelist()}
    manifest = members["META-INF/manifest.xml"].replace(
        b'manifest:media-type="text/xml"/>',
        b'manifest:media-type="text/xml"><manifest:encryption-data/></manifest:file-entry>',
    )
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in members.items():
            dst.writestr(name, manifest if name == "META-INF/manifest.xml" else data)
    _wb, issues = loader.read(path, "enc.ods")
    assert [i.code for i in issues] == ["file-encrypted"]


# --------------------------------------------------------------------------- positions


def test_xlsx_title_rows_keep_spreadsheet_row_numbers(loader: Loader, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "ca-nhan.xlsx",
        {"Cá nhân": [["STT", "Mã CB"], [1, "CB01"]]},
        title_rows={"Cá nhân": ["DANH SÁCH ĐỀ NGHỊ", "Năm 2019"]},
    )
    cells = _only_sheet(_read_ok(loader, path)).cells
    assert cells[0][0] == "DANH SÁCH ĐỀ NGHỊ"
    assert cells[2] == ["STT", "Mã CB"]  # spreadsheet row 3
    assert cells[3] == [1, "CB01"]


def test_xlsx_leading_empty_rows_and_columns_are_kept(loader: Loader, tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "offset.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("S")
    ws.write_string("C3", "Mã đơn vị")  # nothing in rows 1-2 nor columns A-B
    ws.write_string("D4", "VP")
    wb.close()
    cells = _only_sheet(_read_ok(loader, path)).cells
    assert len(cells) == 4
    assert cells[2][2] == "Mã đơn vị" and cells[3][3] == "VP"
    assert cells[0] == [None, None, None, None]
    assert cells[3][0] is None


def test_ods_leading_empty_rows_and_columns_are_kept(loader: Loader, tmp_path: Path) -> None:
    table = (
        '<table:table table:name="S">'
        '<table:table-row table:number-rows-repeated="2">'
        '<table:table-cell table:number-columns-repeated="5"/></table:table-row>'
        '<table:table-row><table:table-cell table:number-columns-repeated="2"/>'
        f"{hostile.ods_cell('Mã đơn vị')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        "</table:table>"
    )
    path = hostile.write_raw_ods(tmp_path / "offset.ods", table)
    cells = _only_sheet(_read_ok(loader, path)).cells
    assert len(cells) == 3  # the trailing empty repeated rows are not data
    assert cells[2][2] == "Mã đơn vị"
    assert cells[0][0] is None and cells[2][0] is None


def test_ods_title_rows(loader: Loader, tmp_path: Path) -> None:
    path = write_ods(
        tmp_path / "tap-the.ods",
        {"Tập thể": [["Mã đơn vị", "Xếp loại"], ["VP", "HTXSNV"]]},
        title_rows={"Tập thể": ["ĐỀ NGHỊ"]},
    )
    cells = _only_sheet(_read_ok(loader, path)).cells
    assert cells[0][0] == "ĐỀ NGHỊ"
    assert cells[1] == ["Mã đơn vị", "Xếp loại"]
    assert cells[2] == ["VP", "HTXSNV"]


def test_empty_cells_are_none_and_na_text_is_kept(loader: Loader, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "na.xlsx", {"S": [["N/A", None, "NA", "", 0, False]]})
    cells = _only_sheet(_read_ok(loader, path)).cells
    assert cells == [["N/A", None, "NA", None, 0, False]]


# --------------------------------------------------------------------------- dates


def test_real_dates_are_kept(loader: Loader, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Ngày", "Lúc"],
        [dt.date(2019, 12, 10), dt.datetime(2019, 11, 30, 8, 15)],
    ]
    for path in (
        write_xlsx(tmp_path / "d.xlsx", {"S": rows}),
        write_ods(tmp_path / "d.ods", {"S": rows}),
    ):
        cells = _only_sheet(_read_ok(loader, path)).cells
        day, moment = cells[1]
        assert isinstance(day, dt.date) and (day.year, day.month, day.day) == (2019, 12, 10)
        assert moment == dt.datetime(2019, 11, 30, 8, 15)


def test_cells_come_as_the_grids_always_held_them(loader: Loader, tmp_path: Path) -> None:
    """The worker reads through python-calamine itself, converting each cell as pandas'
    calamine engine did (worker._cell): a whole number an int, a fraction a float, a date
    its midnight, a time of day and a bool as they are, '' no cell."""
    rows: list[list[object]] = [[3.0, 2.5, -7, True, "", "chữ", dt.date(2019, 12, 10)]]
    for path in (
        write_xlsx(tmp_path / "k.xlsx", {"S": rows}),
        write_ods(tmp_path / "k.ods", {"S": rows}),
    ):
        cells = _only_sheet(_read_ok(loader, path)).cells
        assert cells == [[3, 2.5, -7, True, None, "chữ", dt.datetime(2019, 12, 10)]]
        assert [type(c) for c in cells[0]] == [int, float, int, bool, type(None), str, dt.datetime]


def test_1904_workbook_dates(loader: Loader, tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "mac.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"date_1904": True})
    ws = wb.add_worksheet("S")
    ws.write_datetime("A1", dt.datetime(2019, 11, 30), wb.add_format({"num_format": "dd/mm/yyyy"}))
    wb.close()
    assert _only_sheet(_read_ok(loader, path)).cells == [[dt.datetime(2019, 11, 30)]]


# --------------------------------------------------------------------------- metadata


def test_xlsx_hidden_sheets_rows_merged_and_formulas(loader: Loader, tmp_path: Path) -> None:
    import openpyxl  # type: ignore[import-untyped]

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cá nhân"
    ws.append(["DANH SÁCH"])
    ws.merge_cells("A1:C1")
    ws.append(["Mã CB", "Số nhiệm vụ", "Đúng hạn", "Tổng"])
    ws.append(["CB01", 3, 2, "=B3+C3"])  # openpyxl writes no cached value
    ws.append(["CB02", 1, 1, 2])
    ws.row_dimensions[4].hidden = True
    wb.create_sheet("Nháp").sheet_state = "hidden"
    wb.create_sheet("Bí mật").sheet_state = "veryHidden"
    path = tmp_path / "meta.xlsx"
    wb.save(path)

    workbook = _read_ok(loader, path)
    assert list(workbook.sheets) == ["Cá nhân"]
    assert set(workbook.hidden_sheets) == {"Nháp", "Bí mật"}
    sheet = workbook.sheets["Cá nhân"]
    assert sheet.hidden_rows == frozenset({4})
    assert sheet.merged == ((1, 0, 1, 2),)
    assert sheet.formulas == ((3, 3, False),)
    assert sheet.cells[2] == ["CB01", 3, 2, None]  # no cached value: None, reported via formulas
    assert sheet.cells[3] == ["CB02", 1, 1, 2]


def test_xlsx_cached_formula_errors_and_filtered_rows(loader: Loader, tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "cached.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("S")
    ws.write_row(0, 0, ["Mã", "Giao", "Đúng hạn", "Tỉ lệ"])
    ws.write_row(1, 0, ["A", 4, 2])
    ws.write_formula("D2", "=C2/B2", None, 0.5)
    ws.write_row(2, 0, ["B", 0, 0])
    ws.write_formula("D3", "=C3/B3", None, "#DIV/0!")
    ws.autofilter("A1:D3")
    ws.filter_column("A", "x == A")
    ws.set_row(2, None, None, {"hidden": True})  # the row the filter hides
    wb.close()

    sheet = _only_sheet(_read_ok(loader, path))
    assert sheet.formulas == ((2, 3, True), (3, 3, True))
    assert sheet.cells[1][3] == 0.5
    assert sheet.cells[2][3] == "#DIV/0!"
    assert sheet.hidden_rows == frozenset({3})


def test_ods_hidden_table_rows_merged_and_formulas(loader: Loader, tmp_path: Path) -> None:
    styles = (
        '<style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>'
    )
    table = (
        '<table:table table:name="Cá nhân">'
        '<table:table-row><table:table-cell office:value-type="string" '
        'table:number-columns-spanned="3" table:number-rows-spanned="1"><text:p>DS</text:p>'
        "</table:table-cell>"
        '<table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>'
        f"<table:table-row>{hostile.ods_cell('Mã CB')}{hostile.ods_cell('Tổng')}"
        f"{hostile.ods_cell('Ghi chú')}</table:table-row>"
        f'<table:table-row table:visibility="collapse">{hostile.ods_cell("CB01")}'
        '<table:table-cell table:formula="of:=1+1" office:value-type="float" office:value="2">'
        "<text:p>2</text:p></table:table-cell></table:table-row>"
        f'<table:table-row table:visibility="filter">{hostile.ods_cell("CB02")}'
        '<table:table-cell table:formula="of:=1+2"/></table:table-row>'
        "</table:table>"
        '<table:table table:name="Nháp" table:style-name="ta2">'
        f"<table:table-row>{hostile.ods_cell('x')}</table:table-row></table:table>"
    )
    path = hostile.write_raw_ods(tmp_path / "meta.ods", table, styles=styles)
    workbook = _read_ok(loader, path)
    assert list(workbook.sheets) == ["Cá nhân"] and workbook.hidden_sheets == ("Nháp",)
    sheet = workbook.sheets["Cá nhân"]
    assert sheet.hidden_rows == frozenset({3, 4})
    assert sheet.merged == ((1, 0, 1, 2),)
    assert sheet.formulas == ((3, 1, True), (4, 1, False))
    assert sheet.cells[2] == ["CB01", 2, None]
    assert sheet.cells[3] == ["CB02", None, None]  # formula without a cached value


def test_huge_merge_is_clipped_to_the_grid(loader: Loader, tmp_path: Path) -> None:
    rows = hostile.inline_row(1, ["Mã", "Tên"]) + hostile.inline_row(2, ["VP", "Văn phòng"])
    extra = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    path = hostile.write_raw_xlsx(
        tmp_path / "merge.xlsx", [("S", hostile.sheet_xml(rows, extra=extra))]
    )
    assert _only_sheet(_read_ok(loader, path)).merged == ((1, 0, 2, 1),)


# --------------------------------------------------------------------------- csv


@pytest.mark.parametrize("bom", [True, False])
def test_csv_with_and_without_bom(loader: Loader, tmp_path: Path, bom: bool) -> None:
    rows = [["Mã đơn vị", "Ghi chú", ""], ["VP", "", "x"], []]
    path = write_csv(tmp_path / "tap-the.csv", rows, bom=bom)
    workbook = _read_ok(loader, path, "de-nghi/VP/tap-the.csv")
    assert workbook.file == "de-nghi/VP/tap-the.csv"
    assert list(workbook.sheets) == ["tap-the"]
    assert workbook.sheets["tap-the"].cells == [
        ["Mã đơn vị", "Ghi chú", None],
        ["VP", None, "x"],
        [None, None, None],
    ]


def test_csv_semicolon_delimiter(loader: Loader, tmp_path: Path) -> None:
    path = tmp_path / "ca-nhan.csv"
    path.write_text("Mã CB;Họ và tên\r\nCB01;Nguyễn Văn A, con\r\n", encoding="utf-8-sig")
    cells = _only_sheet(_read_ok(loader, path)).cells
    assert cells == [["Mã CB", "Họ và tên"], ["CB01", "Nguyễn Văn A, con"]]


def test_csv_not_utf8(loader: Loader, tmp_path: Path) -> None:
    path = tmp_path / "ca-nhan.csv"
    path.write_bytes(b"Ma CB,Ho ten\r\nCB01,Nguyen\r\n" + hostile.to_cp1258("CB02,Lê Thị Ánh\r\n"))
    _wb, issues = loader.read(path, "ca-nhan.csv")
    assert [(i.code, i.row) for i in issues] == [("csv-encoding", 3)]
    assert "Windows-1258" in issues[0].message_en

    for encoding in ("utf-16", "utf-16-le"):  # with and without BOM
        path.write_bytes("Mã CB,Họ và tên\r\n".encode(encoding))
        _wb, issues = loader.read(path, "ca-nhan.csv")
        assert [i.code for i in issues] == ["csv-encoding"] and "UTF-16" in issues[0].message_en


def test_empty_files(loader: Loader, tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    assert _only_sheet(_read_ok(loader, tmp_path / "empty.csv")).cells == []
    (tmp_path / "empty.xlsx").write_bytes(b"")
    _wb, issues = loader.read(tmp_path / "empty.xlsx", "empty.xlsx")
    assert [i.code for i in issues] == ["file-unreadable"]


def test_csv_that_is_really_a_workbook(loader: Loader, good_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "tap-the.csv"
    path.write_bytes(good_file.read_bytes())
    _wb, issues = loader.read(path, "tap-the.csv")
    assert [(i.code, i.value) for i in issues] == [("file-format-mismatch", "xlsx")]


def test_no_worker_left_behind(good_file: Path) -> None:
    with Loader() as loader:
        _read_ok(loader, good_file)
        pid = loader.worker_pid
    assert pid is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_the_cycle_collector_is_held_while_the_sources_are_read(monkeypatch):
    """The tables unpickled from the cache and the workers are many objects without cycles:
    no collection walks them meanwhile (read/gc_pause.py); after, the collector is back."""
    import gc

    seen: list[bool] = []
    monkeypatch.setattr(Loader, "_read_sources", lambda self, sources: seen.append(gc.isenabled()))
    assert gc.isenabled()
    with Loader() as loader:
        loader.read_sources([])
    assert seen == [False] and gc.isenabled()
