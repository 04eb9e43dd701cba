"""Cell text is only ever text (issue 5, must show 2).

Names, positions, department names and initiative titles holding HTML, Markdown, Jinja and
spreadsheet formulas are published exactly as typed — as text — on the pages and in the
downloads. Line breaks inside a cell become one space, like every run of whitespace: that is
the normalisation of SPEC §3 (text is NFC, trimmed, whitespace collapsed), applied when the
spreadsheet is read, so pages, downloads and search all show the same single-line text.
CSV and XLSX cells starting with = + - @ tab or CR get a leading apostrophe (OWASP); JSON
keeps the raw text. The workbook holds no formula and no hyperlink. A browser opens every
page and runs the search: no dialog, no script from data, no element from data.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from generator.site.open_data.table import Field, Table
from generator.site.open_data.writers import neutralise, to_csv, to_xlsx
from tests.builders.chromium import serve
from tests.builders.mini import Mini
from tests.safety.browser import WATCH, chromium, in_own_thread
from tests.safety.sites import build_ok, files_of

UNIT = 'Phòng <b>Alpha</b> & "Co" <script>alert(1)</script>'
IMG = "<img src=x onerror=alert(1)> Trần Thị Cúc"
SCRIPT = "<script>window.__xss=1;alert(1)</script>"
MARKDOWN = "[x](javascript:alert(1)) **bold** a | b"
JINJA_TYPED = "{{ 7*7 }} Dòng một\nDòng hai"
JINJA = "{{ 7*7 }} Dòng một Dòng hai"  # as published: the line break collapsed (SPEC §3)
POS_EQ = "=1+1"
POS_PLUS = "+84 123 | @SUM(A1)"
POS_MINUS = "-2+3 {% if 1 %}x{% endif %}"
TITLE_SCRIPT = "<script>alert(1)</script> Số hóa"
TITLE_FORMULA = '=HYPERLINK("http://evil.example","x")'
DECISION_AT = "@SUM(1+1)"
TEXTS = (UNIT, IMG, SCRIPT, MARKDOWN, JINJA, POS_EQ, POS_PLUS, POS_MINUS, TITLE_SCRIPT)


def hostile_mini() -> Mini:
    mini = Mini()
    mini.units[0]["Tên đơn vị"] = UNIT
    mini.nominees["A"][0]["Chức vụ"] = POS_MINUS
    mini.nominees["A"][1]["Họ và tên"] = IMG
    mini.nominees["A"][1]["Chức vụ"] = POS_EQ
    mini.nominees["B"][0]["Họ và tên"] = SCRIPT
    mini.nominees["B"][0]["Chức vụ"] = POS_PLUS
    mini.nominees["B"][1]["Họ và tên"] = MARKDOWN
    mini.nominees["B"][1]["Chức vụ"] = JINJA_TYPED
    mini.initiatives[0]["Tên sáng kiến"] = TITLE_SCRIPT
    mini.initiatives[1]["Tên sáng kiến"] = TITLE_FORMULA
    mini.initiatives[1]["Số quyết định"] = DECISION_AT
    return mini


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("injection")
    return build_ok(hostile_mini().write(tmp / "data"), tmp / "site")


class _Page(HTMLParser):
    """Text nodes and start tags of a page, as a browser would build them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._script = False
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._script = tag == "script"
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._script = self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts.append(data)
        elif self._in_title:
            self.title += data
        else:
            self.texts.append(data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def pages(site: Path) -> list[Path]:
    return [p for p in files_of(site) if p.suffix == ".html"]


def test_texts_published_verbatim_as_text(site: Path) -> None:
    seen: dict[str, int] = dict.fromkeys(TEXTS, 0)
    for path in pages(site):
        page = parse(path)
        text = " ".join(" ".join(t.split()) for t in page.texts)
        for value in TEXTS:
            seen[value] += value in text
    assert all(seen.values()), seen
    table = parse(site / "sang-kien" / "index.html")
    assert TITLE_FORMULA in " ".join(table.texts)  # (only recognised initiatives are listed)
    assert "49" not in " ".join(parse(site / "ket-qua" / "ca-nhan" / "index.html").texts)


def test_no_element_or_script_from_data(site: Path) -> None:
    for path in pages(site):
        page = parse(path)
        for tag, attrs in page.tags:
            assert not (tag == "img" and attrs.get("src") == "x"), path
            assert tag != "b", path  # the unit name's <b>
            assert not any(k.startswith("on") for k in attrs), (path, tag, attrs)
            href = (attrs.get("href") or "").strip().lower()
            assert not href.startswith("javascript:"), path
        assert not [s for s in page.scripts if "alert(" in s or "__xss" in s], path
        raw = path.read_text(encoding="utf-8")
        assert "<strong>bold</strong>" not in raw and "<em>bold</em>" not in raw, path


def test_titles_stay_text(site: Path) -> None:
    unit_page = next(p for p in pages(site) if "/don-vi/a/" in p.as_posix())
    title = parse(unit_page).title.strip()
    assert title.startswith(UNIT), title


def _csv(site: Path, name: str) -> list[dict[str, str]]:
    raw = (site / "du-lieu-mo" / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def _json(site: Path, name: str) -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads((site / "du-lieu-mo" / f"{name}.json").read_bytes())
    return data


def _xlsx(site: Path, sheet: str) -> list[dict[str, object]]:
    book = openpyxl.load_workbook(site / "du-lieu-mo" / "du-lieu.xlsx")
    rows = list(book[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]  # type: ignore[arg-type]


def test_downloads_keep_text_and_neutralise_formulas(site: Path) -> None:
    positions = {
        POS_EQ: "'" + POS_EQ,
        POS_PLUS: "'" + POS_PLUS,
        POS_MINUS: "'" + POS_MINUS,
        JINJA: JINJA,
    }
    names = {IMG, SCRIPT, MARKDOWN}
    for raw, safe in positions.items():
        assert any(r["chuc_vu"] == safe for r in _csv(site, "ca-nhan")), raw
        assert any(r["chuc_vu"] == safe for r in _xlsx(site, "ca-nhan")), raw
        assert any(r["chuc_vu"] == raw for r in _json(site, "ca-nhan")), raw
    for source in (_csv(site, "ca-nhan"), _xlsx(site, "ca-nhan"), _json(site, "ca-nhan")):
        assert names <= {r["ho_ten"] for r in source}
        assert UNIT in {r["don_vi"] for r in source}
    titles = {TITLE_SCRIPT, "'" + TITLE_FORMULA}
    assert titles <= {r["ten_sang_kien"] for r in _csv(site, "sang-kien")}
    assert titles <= {r["ten_sang_kien"] for r in _xlsx(site, "sang-kien")}
    assert {TITLE_SCRIPT, TITLE_FORMULA} <= {r["ten_sang_kien"] for r in _json(site, "sang-kien")}
    assert "'" + DECISION_AT in {r["so_quyet_dinh"] for r in _csv(site, "sang-kien")}
    assert DECISION_AT in {r["so_quyet_dinh"] for r in _json(site, "sang-kien")}


def test_workbook_has_no_formula_and_no_hyperlink(site: Path) -> None:
    with zipfile.ZipFile(site / "du-lieu-mo" / "du-lieu.xlsx") as book:
        names = book.namelist()
        for name in names:
            text = book.read(name).decode("utf-8", errors="replace")
            if name.startswith("xl/worksheets/"):
                assert not re.search(r"<f[ >/]", text), name
                assert "<hyperlink" not in text, name
            if name.endswith(".rels"):
                assert "hyperlink" not in text.lower(), name
        assert not [n for n in names if "externalLink" in n or "vbaProject" in n]
    book2 = openpyxl.load_workbook(site / "du-lieu-mo" / "du-lieu.xlsx")
    for sheet in book2.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f" and cell.hyperlink is None, cell.coordinate


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_every_dangerous_lead_is_neutralised(lead: str) -> None:
    value = f"{lead}cmd|' /C calc'!A0"
    assert neutralise(value) == "'" + value
    assert neutralise("a" + value) == "a" + value
    table = Table("t", "t", "t", (Field("x", "string", "X", "x"),), [{"x": value}])
    rows = list(csv.reader(io.StringIO(to_csv(table).decode("utf-8-sig"), newline="")))
    assert rows[1] == ["'" + value]
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx([table])))
    cell = book["t"]["A2"]
    # xlsxwriter stores a CR as the OOXML escape _x000D_, which openpyxl leaves as is
    assert cell.value.replace("_x000D_", "\r") == "'" + value and cell.data_type == "s"


@pytest.mark.browser
def test_browser_runs_no_script_from_data(site: Path) -> None:
    in_own_thread(lambda: browse_hostile_site(site))


def browse_hostile_site(site: Path) -> None:
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.add_init_script(WATCH)
        checked = 0
        for path in pages(site):
            url = base + path.relative_to(site).as_posix()
            page.goto(url)
            page.wait_for_load_state("load")
            state = page.evaluate(
                """() => ({
                  xss: window.__xss === undefined ? null : String(window.__xss),
                  img: document.querySelectorAll('img[src="x"], img[onerror]').length,
                  js: document.querySelectorAll('a[href^="javascript:" i]').length,
                  b: document.querySelectorAll('.md-content b').length,
                  scripts: [...document.scripts].filter(s => /alert|__xss/.test(s.text)).length,
                  violations: window.__violations,
                })"""
            )
            assert state == {
                "xss": None, "img": 0, "js": 0, "b": 0, "scripts": 0, "violations": []
            }, (url, state)  # fmt: skip
            checked += 1
        # the search shows hostile names in its results: still text
        page.goto(base + "ket-qua/ca-nhan/")
        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially("script")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        page.wait_for_timeout(300)
        state = page.evaluate(
            """() => ({
              xss: window.__xss === undefined ? null : String(window.__xss),
              img: document.querySelectorAll('img[src="x"]').length,
              violations: window.__violations,
            })"""
        )
        assert state == {"xss": None, "img": 0, "violations": []}, state
        assert dialogs == []
        assert checked >= 10
