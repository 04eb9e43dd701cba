"""A citizen's task in Chromium: "Is Nguyễn Văn An honoured, and if not, why?" — no dead
ends (a filter or a search that finds nobody says where to look), a name look-up on the home
page, and tap targets of at least 24 × 24 px."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import search

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_honour_roll_filter_without_match_points_to_the_results(page: Any, base_url: str) -> None:
    page.goto(base_url + "vinh-danh/")
    note = page.locator(".thidua-filter__none")
    assert note.is_hidden()
    page.locator(".thidua-filter__input").fill("nguyen van an")
    assert note.is_visible()
    assert "“nguyen van an” không có trong danh sách vinh danh" in note.inner_text()
    links = note.locator("a").evaluate_all("els => els.map(a => new URL(a.href).pathname)")
    assert "/ket-qua/ca-nhan/" in links and "/ket-qua/tap-the/" in links
    page.locator(".thidua-filter__clear").click()
    assert note.is_hidden()
    assert page.locator(".thidua-filter__input").input_value() == ""
    assert page.locator(".thidua-filter__status").inner_text().startswith("Có ")


def test_home_look_up_opens_the_search(page: Any, base_url: str) -> None:
    page.goto(base_url)
    form = page.locator("form.thidua-lookup")
    top = form.bounding_box()
    assert top is not None and top["y"] < 900  # before the figures, on the first screen
    form.locator("input").fill("nguyen van an")
    form.locator("button").click()
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length")
    first = page.locator(".md-search-result__item").first.inner_text()
    assert "Nguyễn Văn An" in first
    assert page.locator(".thidua-search-note").count() == 0


def test_home_look_up_without_scripts_leads_to_the_results(make_page: Any, base_url: str) -> None:
    pg = make_page(viewport=PHONE, java_script_enabled=False)
    pg.goto(base_url)
    form = pg.locator("form.thidua-lookup")
    assert form.bounding_box()["y"] < 2 * PHONE["height"]
    form.locator("input").fill("nguyen van an")
    form.locator("button").click()
    pg.wait_for_url("**/ket-qua/ca-nhan/?q=*")
    assert "Nguyễn Văn An" in pg.locator("article").inner_text()


def test_results_filter_reads_the_name_from_the_address(page: Any, base_url: str) -> None:
    page.goto(base_url + "ket-qua/ca-nhan/?q=nguyen+van+an")
    assert page.locator(".thidua-filter__input").input_value() == "nguyen van an"
    visible = page.locator("table[data-filterable] tbody tr:not([hidden])")
    assert visible.count() >= 1
    assert all("Nguyễn Văn An" in t for t in visible.all_inner_texts())


def test_a_near_name_is_not_an_exact_match(page: Any, base_url: str) -> None:
    page.goto(base_url)
    results = search(page, "nguyen van anh")
    assert results  # Material completes words: "Nguyễn Văn An" is listed …
    page.wait_for_selector(".thidua-search-note")
    note = page.locator(".thidua-search-note").inner_text()
    assert "Không có kết quả trùng khớp với “nguyen van anh”" in note  # … and said to differ
    search(page, "nguyen van an")
    page.wait_for_function("() => !document.querySelector('.thidua-search-note')")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE])
def test_tap_targets_are_at_least_24_px(make_page: Any, base_url: str, viewport: Any) -> None:
    pg = make_page(viewport=viewport)
    pg.goto(base_url + "du-lieu-mo/")
    boxes = pg.locator("a.thidua-download").evaluate_all(
        "els => els.map(a => a.getBoundingClientRect().toJSON())"
    )
    assert len(boxes) >= 8
    pg.goto(base_url + "ket-qua/ca-nhan/")
    boxes.append(pg.locator(".thidua-filter__clear").bounding_box())
    pg.goto(base_url)
    boxes.append(pg.locator("form.thidua-lookup button").bounding_box())
    small = [b for b in boxes if b["width"] < 24 or b["height"] < 24]
    assert not small, small
