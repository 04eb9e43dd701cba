"""Every page of the site loads only from the site itself (127.0.0.1 in these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Built, Recorder, heading

pytestmark = pytest.mark.browser


def test_every_page_requests_only_the_site(
    page: Any, base_url: str, built: Built, recorder: Recorder
) -> None:
    paths = sorted(p.relative_to(built.site).as_posix() for p in built.site.rglob("*.html"))
    assert len(paths) > 20
    for path in paths:
        page.goto(base_url + path, wait_until="load")
    page.locator("input.md-search__input").click()  # the search index and worker too
    page.wait_for_function("() => document.querySelector('.md-search-result__meta')"
                           ".textContent.indexOf('Đang chuẩn bị') === -1")  # fmt: skip
    assert not recorder.foreign, recorder.foreign
    assert any("search_index.json" in u for u in recorder.urls)
    assert any("/assets/vendor/tablesort/" in u for u in recorder.urls)
    assert any(u.endswith(".svg") for u in recorder.urls)


def test_missing_page_is_the_vietnamese_404(page: Any, base_url: str) -> None:
    response = page.goto(base_url + "khong-co/trang-nay/")
    assert response is not None and response.status == 404
    assert heading(page) == "Không tìm thấy trang"
