"""axe-core on every page type: zero WCAG 2.1 A/AA violations."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_TYPES = {
    "home": "",
    "hand-written page": "ke-hoach/",
    "criteria": "tieu-chi/",
    "progress": "tien-do/",
    "collective results": "ket-qua/tap-the/",
    "individual results": "ket-qua/ca-nhan/",
    "honour roll": "vinh-danh/",
    "initiatives": "sang-kien/",
    "departments": "don-vi/",
    "department": "don-vi/th/",
    "department without dossier": "don-vi/qt/",
    "open data": "du-lieu-mo/",
    "news": "tin-tuc/",
    "news post": "tin-tuc/het-han-nop-ho-so/",
    "publication history": "cap-nhat/",
    "comment window (after it)": "gop-y/",
    "not found": "khong-co-trang-nay/",
}


def _violations(page: Any) -> str:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    return results.generate_report() if results.violations_count else ""


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=list(PAGE_TYPES))
def test_no_wcag_violation(page: Any, base_url: str, path: str) -> None:
    response = page.goto(base_url + path)
    assert response is not None and response.status == (404 if "khong-co" in path else 200)
    report = _violations(page)
    assert not report, report


def test_no_wcag_violation_with_search_results_and_filtered_table(page: Any, base_url: str) -> None:
    from .conftest import search

    page.goto(base_url + "ket-qua/ca-nhan/")
    page.get_by_label("Lọc danh sách cá nhân", exact=False).fill("thu")
    page.locator("table[data-sortable] > thead th", has_text="Xếp hạng").first.click()
    report = _violations(page)
    assert not report, report
    search(page, "nguyen thi thu ha")
    report = _violations(page)
    assert not report, report
