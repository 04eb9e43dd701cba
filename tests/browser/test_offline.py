"""The offline bundle: unzipped and opened from disk (file://), search included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import Sites, heading, search

pytestmark = pytest.mark.browser


@pytest.fixture
def offline_root(sites: Sites, builder: str) -> Path:
    return sites.offline_root(builder)


def test_search_works_from_disk(make_page: Any, offline_root: Path) -> None:
    page = make_page(allow_file=True, viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((offline_root / "index.html").as_uri())
    results = search(page, "nguyen thi thu ha")
    assert results and any("/don-vi/hctc/index.html#p-nguyen-thi-thu-ha" in r for r in results[0])
    page.locator('.md-search-result__item a[href*="#p-nguyen-thi-thu-ha"]').first.click()
    page.wait_for_url("**/don-vi/hctc/index.html*#p-nguyen-thi-thu-ha")
    assert heading(page) == "Phòng Hành chính – Tổ chức"
    assert not errors, errors


def test_links_open_pages_from_disk(make_page: Any, offline_root: Path) -> None:
    page = make_page(allow_file=True, viewport={"width": 1280, "height": 900})
    page.goto((offline_root / "don-vi" / "index.html").as_uri())
    page.locator(".md-content a", has_text="Phòng Tổng hợp").first.click()  # generated link
    page.wait_for_url("**/don-vi/th/index.html")
    page.locator(".md-content a", has_text="Các phòng, bộ phận").first.click()
    page.wait_for_url("**/don-vi/index.html")
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="Tiêu chí").first.click()
    page.wait_for_url("**/tieu-chi/index.html")
    assert heading(page) == "Tiêu chí, chỉ tiêu và hồ sơ"
