"""Search entries kept from the last build (publish/search_pages.py, publish/build_memo.py):
a rebuild on another day reuses every unchanged department page's entries and gives the
bytes a build without the memo gives; a page keyed without its date is kept only when the
date was left out before indexing; a spoiled memo file is ignored and replaced."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from material.plugins.search.plugin import SearchIndex

from generator.judge.config import load_config
from generator.publish.build import build_into
from generator.publish.build_memo import PageMemo
from generator.publish.search_pages import POOL_PAGES, PageToIndex, index_noting_date, memo_key
from generator.publish.stamp import STAMP_REPORT
from generator.site.bundle import make_bundle
from generator.site.pages.dated import split_dated
from generator.tools.demo import write_demo

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"
UNITS = POOL_PAGES + 4
DAY = 1_764_720_000  # 2025-12-03
DATED = '<p class="thidua-updated" data-search-exclude>Dữ liệu cập nhật lần cuối: <time datetime="{}">{}</time>.</p>'


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("memo-data")
    config, _ = load_config(CONFIG)
    write_demo(folder, config.data_contract, units=UNITS, nominees=400, initiatives=80, seed=9)
    return folder


def _bundle(data: Path, epoch: int, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    bundle = make_bundle(CONFIG, data, with_history=False)
    assert bundle.ok
    return bundle


def _build(bundle, work: Path) -> tuple[dict[str, bytes], dict[str, int]]:
    site = build_into(bundle, ROOT / "mkdocs.yml", work, builder="mkdocs", offline=False)
    report = (work / "stage" / STAMP_REPORT).read_text(encoding="utf-8")
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    return files, memo_counts(report, "search-memo")


def memo_counts(report: str, memo: str) -> dict[str, int]:
    """``{"kept": n, "made": m}`` of one memo's line in the stamp report."""
    line = re.search(rf"^{memo} kept (\d+) made (\d+)$", report, re.M)
    assert line is not None, report
    return {"kept": int(line[1]), "made": int(line[2])}


def test_a_rebuild_on_another_day_keeps_the_entries_and_the_bytes(data, tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path / "cache"))
    _, first = _build(_bundle(data, DAY, monkeypatch), tmp_path / "first")
    assert first["kept"] == 0 and first["made"] >= UNITS
    next_day = _bundle(data, DAY + 86_400, monkeypatch)
    again, counts = _build(next_day, tmp_path / "again")
    assert counts["kept"] >= UNITS and counts["made"] <= first["made"] - UNITS
    anchors = memo_counts(
        (tmp_path / "again" / "stage" / STAMP_REPORT).read_text("utf-8"), "anchor-memo"
    )
    report = (tmp_path / "again" / "stage" / STAMP_REPORT).read_text("utf-8")
    assert "search-attrs quickened\n" in report  # publish/search_attrs.py
    assert anchors["kept"] >= UNITS  # the raw pages' anchor ids too (publish/anchor_memo.py)
    headings = memo_counts(report, "heading-memo")  # and their headings' render (heading_memo.py)
    assert headings["kept"] >= UNITS and headings["made"] == 0
    monkeypatch.setenv("THIDUA_NO_CACHE", "1")
    fresh, plain = _build(next_day, tmp_path / "fresh")
    assert plain["kept"] == 0  # no memo: every page indexed
    assert "heading-memo off\n" in (tmp_path / "fresh" / "stage" / STAMP_REPORT).read_text("utf-8")
    assert sorted(again) == sorted(fresh)
    assert [name for name in again if again[name] != fresh[name]] == []
    assert b"04/12/2025" in again["don-vi/index.html"]


def test_a_spoiled_memo_file_is_ignored_and_replaced(data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(cache))
    bundle = _bundle(data, DAY, monkeypatch)
    _build(bundle, tmp_path / "one")
    memo = cache / "build" / "search-entries.json"
    original = memo.read_bytes()
    spoiled = original.replace(b'"text": "', b'"text": "x', 1)
    assert spoiled != original
    memo.write_bytes(spoiled)
    _, counts = _build(bundle, tmp_path / "two")
    assert counts["kept"] == 0  # the tampered file was not trusted
    assert memo.read_bytes() != spoiled
    _, third = _build(bundle, tmp_path / "three")
    assert third["kept"] >= UNITS


def _page(content: str) -> PageToIndex:
    return PageToIndex("don-vi/a/", "A", {}, content, [])


def _index(content: str) -> tuple[list[object], bool]:
    return index_noting_date(SearchIndex, {}, _page(content))


def test_the_date_is_out_of_the_key_only_where_it_was_left_out():
    body = '<h1 id="a">A</h1><p>Nguyễn Văn An</p>{}'
    one, two = DATED.format("2026-12-03", "03/12/2026"), DATED.format("2026-12-04", "04/12/2026")
    assert memo_key({}, _page(body.format(one))) == memo_key({}, _page(body.format(two)))
    assert memo_key({}, _page(body.format(one))) != memo_key({}, _page(body.format("")))
    entries, keyable = _index(body.format(one))
    assert keyable and entries == _index(body.format(two))[0]
    first = _index(one + "<p>x</p>")  # the first element opens a section: left in
    assert first[1] is False
    inside = _index(f'<h1 id="a">A</h1><div data-search-exclude><h2 id="b">B</h2>{one}</div>')
    assert inside[1] is False


def test_only_the_template_s_own_date_forms_are_taken_out():
    assert split_dated(DATED.format("2026-12-03", "03/12/2026")) is not None
    assert split_dated(DATED.format("2026-12-03", "<b>03/12/2026</b>")) is None
    assert split_dated(DATED.format("x", "03/12/2026")) is None
    twice = DATED.format("2026-12-03", "03/12/2026") * 2
    assert split_dated(twice) is None


def test_a_memo_keeps_only_what_this_build_used(tmp_path):
    memo = PageMemo.open("t", "v1", root=tmp_path)
    memo.put("a", [1])
    memo.put("b", [2])
    memo.save()
    again = PageMemo.open("t", "v1", root=tmp_path)
    assert again.get("a") == [1] and again.stats.hits == 1
    again.save()
    assert PageMemo.open("t", "v1", root=tmp_path).get("b") is None
    other = PageMemo.open("t", "v2", root=tmp_path)
    assert other.stats.rejected and other.get("a") is None
