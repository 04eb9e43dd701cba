"""`thidua templates`: blank department workbooks that validate clean once filled in."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator.judge.pipeline import Result, run
from generator.tools.blank import LISTS_SHEET, ROWS, write_templates
from tests.builders.cli import thidua_command
from tests.builders.founding import NOMINEES, SUBMISSION, Kind, Sheet
from tests.builders.mini import Mini, nominee, submission

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"


@pytest.fixture(scope="module")
def mini_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    data = Mini().write(tmp_path_factory.mktemp("mini") / "data")
    return data, run(CONFIG, data)


@pytest.fixture(scope="module")
def templates(mini_run: tuple[Path, Result], tmp_path_factory: pytest.TempPathFactory) -> Path:
    _, result = mini_run
    assert result.config is not None
    out = tmp_path_factory.mktemp("templates")
    write_templates(result.dataset.units, result.config, out)
    return out


def _validations(ws: Any) -> dict[str, list[Any]]:
    """Column letter → the data validations covering rows 2 … ROWS + 1 of it."""
    found: dict[str, list[Any]] = {}
    for dv in ws.data_validations.dataValidation:
        for cells in dv.sqref.ranges:
            if cells.min_row == 2 and cells.max_row == ROWS + 1:
                letter = openpyxl.utils.get_column_letter(cells.min_col)
                found.setdefault(letter, []).append(dv)
    return found


def test_one_workbook_per_department_and_a_register(templates: Path):
    assert sorted(p.name for p in templates.iterdir()) == ["A.xlsx", "B.xlsx", "sang-kien.xlsx"]


def test_sheets_headers_and_frozen_header_row(templates: Path):
    book = openpyxl.load_workbook(templates / "A.xlsx")
    assert book.sheetnames == ["Hướng dẫn", "Tập thể", "Cá nhân", LISTS_SHEET]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    assert book.active.title == "Tập thể"
    for sheet in (SUBMISSION, NOMINEES):
        ws = book[sheet.name]
        assert [c.value for c in ws[1]] == [c.header for c in sheet.columns]
        assert ws.freeze_panes == "A2"
    assert book["Tập thể"]["A2"].value == "A"
    instructions = " ".join(str(c.value) for row in book["Hướng dẫn"].iter_rows() for c in row)
    assert "dd/mm/yyyy" in instructions and "Hạn nộp hồ sơ: 10/12/2019" in instructions
    assert "nội bộ, không công bố" in instructions


@pytest.mark.parametrize("sheet", [SUBMISSION, NOMINEES], ids=lambda s: s.id)
def test_every_closed_list_date_and_integer_column_is_validated(templates: Path, sheet: Sheet):
    book = openpyxl.load_workbook(templates / "A.xlsx")
    lists = book[LISTS_SHEET]
    validations = _validations(book[sheet.name])
    for index, col in enumerate(sheet.columns):
        letter = openpyxl.utils.get_column_letter(index + 1)
        kinds = [dv.type for dv in validations.get(letter, [])]
        if col.kind in (Kind.RATING, Kind.YESNO, Kind.CHOICE):
            assert kinds == ["list"], col.header
            (dv,) = validations[letter]
            source = dv.formula1.split("!")[1].replace("$", "")
            options = [c.value for row in lists[source] for c in row]
            expected = {"Có", "Không"} if col.kind == Kind.YESNO else None
            assert options and (expected is None or set(options) == expected), col.header
        elif col.kind == Kind.INT:
            assert kinds == ["whole"], col.header
        elif col.kind == Kind.DATE:
            assert kinds == ["date"], col.header
        else:
            assert kinds == [], col.header


def test_register_template_has_the_fields_list(templates: Path):
    book = openpyxl.load_workbook(templates / "sang-kien.xlsx")
    ws = book["Sáng kiến"]
    headers = [c.value for c in ws[1]]
    letter = openpyxl.utils.get_column_letter(headers.index("Lĩnh vực") + 1)
    (dv,) = _validations(ws)[letter]
    source = dv.formula1.split("!")[1].replace("$", "")
    fields = [c.value for row in book[LISTS_SHEET][source] for c in row]
    assert fields == ["Cải cách TTHC", "Ứng dụng CNTT", "Kỷ luật, kỷ cương", "Chất lượng phục vụ"]


def _fill(ws: Any, row: int, values: dict[str, object]) -> None:
    columns = {c.value: c.column for c in ws[1]}
    for header, value in values.items():
        if value is not None and value != "":
            cell = ws.cell(row=row, column=columns[header], value=value)
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"


def test_a_filled_template_validates_clean(templates: Path, mini_run, tmp_path: Path):
    """Fill A's template as a user would (full rating labels from the drop-down, dates as
    date cells), put it in place of A's file: no issue at all."""
    data = tmp_path / "data"
    shutil.copytree(mini_run[0], data)
    path = data / "de-nghi" / "A.xlsx"
    shutil.copy(templates / "A.xlsx", path)
    book = openpyxl.load_workbook(path)
    collective = submission("A") | {"Xếp loại": "Hoàn thành xuất sắc nhiệm vụ"}
    _fill(book["Tập thể"], 2, {k: v for k, v in collective.items() if k != "Mã đơn vị"})
    people = [nominee("A1", "Lê Văn Bình", 9), nominee("A2", "Trần Thị Cúc", 7)]
    for row, person in enumerate(people, start=2):
        _fill(book["Cá nhân"], row, person | {"Xếp loại": "Hoàn thành xuất sắc nhiệm vụ"})
    book.save(path)

    result = run(CONFIG, data)
    assert [i.key() for i in result.issues] == []
    assert result.dataset.submissions["A"].rating == "HTXSNV"
    a1 = next(n for n in result.dataset.nominees if n.staff_code == "A1")
    assert (a1.name, a1.tasks_on_time, a1.votes_for, a1.loc.row) == ("Lê Văn Bình", 10, 9, 2)
    status = {o.key: o.status.value for o in result.outcomes if o.kind == "individual"}
    assert status == mini_statuses(mini_run[1])


def mini_statuses(result: Result) -> dict[str, str]:
    return {o.key: o.status.value for o in result.outcomes if o.kind == "individual"}


def test_cli_writes_templates_for_every_department_of_the_sample(tmp_path: Path):
    out = tmp_path / "mau"
    done = subprocess.run(
        [*thidua_command(), "templates", "--campaign", "vpubnd-cantho-2019", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    units = run(CONFIG).dataset.units
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{u.code}.xlsx" for u in units] + ["sang-kien.xlsx"]
    )
    assert len(done.stdout.strip().splitlines()) == len(units) + 1
