"""A 375 px wide phone: the drawer navigation, no sideways scrolling of the page."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import heading, search

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


def test_drawer_navigation_to_individual_results(make_page: Any, base_url: str) -> None:
    page = make_page(**PHONE)
    page.goto(base_url)
    assert not page.locator("#__drawer").is_checked()
    page.locator('label.md-header__button[for="__drawer"]').click()
    assert page.locator("#__drawer").is_checked()
    page.locator(".md-nav--primary label.md-nav__link", has_text="Kết quả").first.click()
    link = page.locator(".md-nav--primary a.md-nav__link", has_text="Cá nhân").first
    link.wait_for(state="visible")
    link.click()
    page.wait_for_url("**/ket-qua/ca-nhan/")
    assert heading(page) == "Kết quả xét cá nhân"


@pytest.mark.parametrize("path", ["", "ket-qua/ca-nhan/", "vinh-danh/", "don-vi/th/"])
def test_page_fits_the_screen(make_page: Any, base_url: str, path: str) -> None:
    page = make_page(**PHONE)
    page.goto(base_url + path)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{path or 'home'} scrolls sideways: {width}px"


def test_search_on_a_phone(make_page: Any, base_url: str) -> None:
    page = make_page(**PHONE)
    page.goto(base_url)
    page.locator('label.md-header__button[for="__search"]').click()
    results = search(page, "dang")
    assert any("#p-dang-thi-thuy-dung" in link for link in results[0])
