"""Summary mode (site.summary_above): the sample campaign forced over its threshold.

Overview pages then list departments, not rows; every link they give lands on an element of
a department page that exists; every nominee, initiative and honour-roll name is still
published, on its own department's page; the pages get smaller."""

from __future__ import annotations

import html
import posixpath
import re
import shutil

import pytest

from generator.site.bundle import make_bundle
from generator.site.pages.links import unit_slugs
from generator.site.scale import summarised
from tests.builders.founding import SOLO_CONFIG

OVERVIEWS = ("ket-qua/ca-nhan/index.md", "ket-qua/tap-the/index.md", "sang-kien/index.md",
             "vinh-danh/index.md")  # fmt: skip
_HREF = re.compile(r'href="([^"]*)"')
_ID = re.compile(r'\bid="([^"]*)"')


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    text = SOLO_CONFIG.read_text(encoding="utf-8")
    assert "\nsite:\n" in text
    folder = tmp_path_factory.mktemp("summary-mode")
    shutil.copytree(SOLO_CONFIG.parent, folder / "site_config")
    (folder / "data").symlink_to(SOLO_CONFIG.parent.parent / "data", target_is_directory=True)
    forced = folder / "site_config" / SOLO_CONFIG.name
    forced.write_text(text.replace("\nsite:\n", "\nsite:\n  summary_above: 5\n", 1), "utf-8")
    return make_bundle(SOLO_CONFIG, with_history=False), make_bundle(forced, with_history=False)


def _ids(source: str) -> set[str]:
    return set(_ID.findall(source))


def test_the_threshold_switches_summary_mode_on_and_only_then(bundles):
    full, summary = bundles
    assert not summarised(full.view) and summarised(summary.view)


@pytest.mark.parametrize("page", OVERVIEWS)
def test_overview_links_land_on_an_element_of_a_department_page(bundles, page):
    _, summary = bundles
    source = summary.pages[page]
    targets = [h for h in _HREF.findall(source) if "don-vi/" in h]
    assert targets, page
    for href in targets:
        path, _, anchor = html.unescape(href).partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) + "/index.md"
        assert target in summary.pages, (page, href)
        assert not anchor or anchor in _ids(summary.pages[target]), (page, href)


@pytest.mark.parametrize("page", OVERVIEWS)
def test_overview_pages_shrink(bundles, page):
    full, summary = bundles
    assert len(summary.pages[page]) < len(full.pages[page])


def test_every_name_is_published_on_its_department_page(bundles):
    _, summary = bundles
    view = summary.view
    pages = {
        code: summary.pages[f"don-vi/{s}/index.md"] for code, s in unit_slugs(view.units).items()
    }
    for person in view.people:
        assert html.escape(person.name, quote=False) in pages[person.unit_code], person.name
        assert f'id="{person.anchor}"' in pages[person.unit_code], person.anchor
    for entry in view.honour:
        assert any(html.escape(entry.name, quote=False) in s for s in pages.values()), entry.name


def test_progress_lists_only_the_files_with_a_problem(bundles):
    full, summary = bundles
    listed = set(
        re.findall(r'<tr id="td-[^"]*" data-unit="([^"]*)"', summary.pages["tien-do/index.md"])
    )
    every = set(
        re.findall(r'<tr id="td-[^"]*" data-unit="([^"]*)"', full.pages["tien-do/index.md"])
    )
    complete = {u.code for u in summary.view.units if u.submission == "on-time"}
    assert listed and complete - listed, "the sample has files both with and without problems"
    assert listed < every
    assert every - listed <= complete
    assert (
        f"{len(every - listed)} phòng, bộ phận khác đã nộp đầy đủ"
        in summary.pages["tien-do/index.md"]
    )


# /tien-do/ summarised: counts, a link per department, the names only on department pages.
_PROGRESS_ROW = re.compile(r'<tr id="td-[^"]*" data-unit="([^"]*)">(.*?)</tr>')


def _lacking(view, department_items):
    """(unit code, document) → nominees lacking it, from the view (not from the page)."""
    out = {}
    for p in view.people:
        for item in set(p.dossier.missing) - department_items:
            out.setdefault((p.unit_code, item), []).append(p.name)
    return out


def test_summarised_progress_counts_and_names_no_one(bundles):
    from generator.site.pages.progress import department_items

    _, summary = bundles
    page = summary.pages["tien-do/index.md"]
    lacking = _lacking(summary.view, department_items(summary.view.config))
    assert lacking, "the sample has nominees lacking a document"
    # the documents' table: nominees lacking each document, counted over every department
    body = page.split('<table id="tai-lieu-con-thieu-bang"')[1].split("</table>")[0]
    for item in {i for _, i in lacking}:
        people = sum(len(names) for (_, i), names in lacking.items() if i == item)
        units = {code for (code, i) in lacking if i == item}
        row = re.search(rf"<th scope=\"row\">{re.escape(html.escape(item))}</th>(.*?)</tr>", body)
        assert row, item
        cells = re.findall(r"<td>([^<]*)</td>", row.group(1))
        assert int(cells[2]) == people and int(cells[0]) >= len(units), (item, cells)
    # no nominee is named on the page: who lacks what is on the department page
    table = page.split('<table id="tien-do-ho-so"')[1].split("</table>")[0]
    for names in lacking.values():
        for name in names:
            assert html.escape(name, quote=False) not in table, name


def test_summarised_progress_links_each_department_to_its_page_with_the_names(bundles):
    _, summary = bundles
    page = summary.pages["tien-do/index.md"]
    slugs = unit_slugs(summary.view.units)
    rows = dict(_PROGRESS_ROW.findall(page))
    units = {u.code: u for u in summary.view.units}
    assert rows
    for code, cells in rows.items():
        hrefs = _HREF.findall(cells)
        assert hrefs == [f"../don-vi/{slugs[code]}/#ho-so"], (code, hrefs)
        target = summary.pages[f"don-vi/{slugs[code]}/index.md"]
        assert 'id="ho-so"' in target
        for p in units[code].people:
            for item in p.dossier.missing:  # the department page names who lacks what
                card = target.split(f'id="{p.anchor}"')[1]
                assert html.escape(item, quote=False) in card.split("</section>")[0], (p, item)
        counted = re.findall(r"<td>([^<]*)</td>", cells)[-1]
        missing = sum(len(set(p.dossier.missing)) for p in units[code].people)
        if units[code].submission != "missing" and missing:
            assert int(counted) >= 1


def test_summarised_progress_rows_stay_small(bundles):
    """No page over 1 MB at 3,000 departments: a row is its department's name, code and
    link plus a bounded rest, whatever the department's nominees lack."""
    _, summary = bundles
    page = summary.pages["tien-do/index.md"]
    slugs = unit_slugs(summary.view.units)
    units = {u.code: u for u in summary.view.units}
    rows = _PROGRESS_ROW.findall(page)
    assert rows
    for code, cells in rows:
        own = len(html.escape(units[code].name, quote=False).encode()) + 2 * len(slugs[code])
        assert len(cells.encode()) + len(code) - own <= 160, cells
    rest = len(page.encode()) - sum(len(c.encode()) for _, c in rows)
    assert rest < 60_000
    # 3,000 departments, names of 100 bytes, codes and slugs of 12 characters
    assert rest + 3000 * (160 + 100 + 3 * 12) < 1_000_000
