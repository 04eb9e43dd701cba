"""Material's search on the built site, as a Vietnamese reader types: with or without
diacritics, any case, NFC or NFD, part of a name, đ typed as d."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest

from generator.read.text import fold

from .conftest import Built, search

pytestmark = pytest.mark.browser

HA = "Nguyễn Thị Thu Hà"  # two namesakes in Phòng Hành chính – Tổ chức (sample data)
DUNG = "Đặng Thị Thùy Dung"
BAO = "Đỗ Quốc Bảo"
AN = "Nguyễn Văn An"  # the issue's own example (Ban Tiếp công dân, sample data)


def _locations(built: Built, title: str) -> set[str]:
    """Where the search index has a section titled ``title`` (site paths with fragment)."""
    index = json.loads((built.site / "search" / "search_index.json").read_text("utf-8"))
    found = {"/" + d["location"] for d in index["docs"] if d["title"] == title}
    assert found, title
    return found


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("nguyen van an", AN),
        ("NGUYEN VAN AN", AN),
        (AN, AN),
        (unicodedata.normalize("NFD", AN), AN),
        ("van an", AN),
        ("nguyen thi thu ha", HA),
        ("NGUYEN THI THU HA", HA),
        (HA, HA),
        (unicodedata.normalize("NFD", HA), HA),
        ("thu ha", HA),
        ("dang", DUNG),
        ("Đặng", DUNG),
        ("DANG THI THUY DUNG", DUNG),
        ("do quoc bao", BAO),
        ("đỗ quốc bảo", BAO),
    ],
)
def test_a_person_is_found_however_the_name_is_typed(
    page: Any, base_url: str, built: Built, query: str, name: str
) -> None:
    page.goto(base_url)
    results = search(page, query)
    assert results, query
    wanted = _locations(built, name)
    assert wanted <= set(results[0]), (query, results[0])  # in the first (best) result
    # the preview shows the real Vietnamese name, not the folded copy
    titles = page.locator(".md-search-result__item").first.locator("h2").all_inner_texts()
    assert name in titles


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("phong kiem soat thu tuc hanh chinh", "Phòng Kiểm soát thủ tục hành chính"),
        ("BAN TIEP CONG DAN", "Ban Tiếp công dân"),
        ("chu ky so", "Triển khai chữ ký số trên hệ thống quản lý văn bản và điều hành"),
        ("cap phep xay dung", "Bản đồ số theo dõi hồ sơ cấp phép xây dựng"),
    ],
)
def test_departments_and_initiatives_are_found_by_title(
    page: Any, base_url: str, built: Built, query: str, title: str
) -> None:
    page.goto(base_url)
    results = search(page, query)
    assert _locations(built, title) & set(results[0]), (query, results[0])


def test_a_result_leads_to_the_person(page: Any, base_url: str, built: Built) -> None:
    page.goto(base_url)
    search(page, "dang thi thuy dung")
    (target,) = _locations(built, DUNG)
    page.locator(f'.md-search-result__item a[href*="{target.split("#")[1]}"]').first.click()
    page.wait_for_url(f"**{target.split('#')[0]}*#{target.split('#')[1]}")
    heading = page.locator(f"h3#{target.split('#')[1]}")
    assert heading.inner_text() == DUNG and heading.is_visible()


def test_browser_folding_matches_the_index(page: Any, base_url: str) -> None:
    """The query is folded in the browser exactly as the index is folded in Python."""
    page.goto(base_url)
    samples = [HA, unicodedata.normalize("NFD", HA), DUNG, BAO, "ĐƯỜNG DÂY NÓNG", "Ưu tiên",
               "Hoà / Hòa", "Thuỷ", "Ỷ Lan", "12/QĐ-VP"]  # fmt: skip
    folded = page.evaluate("samples => samples.map(s => window.thiduaFold(s))", samples)
    assert folded == [fold(s) for s in samples]
