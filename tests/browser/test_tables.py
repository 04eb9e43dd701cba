"""Result tables: sortable columns (tablesort), the filter box, and printing."""

from __future__ import annotations

from typing import Any

import pytest

from generator.read.text import fold, person_sort_key

pytestmark = pytest.mark.browser


def _column(page: Any, table: str, index: int) -> list[str]:
    """data-sort (or text) of column ``index`` in the visible body rows of a table."""
    return page.evaluate(
        """([table, index]) => [...document.querySelectorAll(table + ' > tbody > tr')]
            .filter(tr => !tr.hidden)
            .map(tr => tr.cells[index].getAttribute('data-sort') ?? tr.cells[index].innerText)""",
        [table, index],
    )


def _header(page: Any, table: str, label: str) -> Any:
    return page.locator(f"{table} > thead th", has_text=label).first


def test_sorting_a_column(page: Any, base_url: str) -> None:
    page.goto(base_url + "ket-qua/tap-the/")
    table = "#ket-qua-tap-the"
    headers = page.locator(f"{table} > thead th").all_inner_texts()
    rank = next(i for i, h in enumerate(headers) if h.startswith("Xếp hạng"))
    unit = next(i for i, h in enumerate(headers) if h.startswith("Đơn vị"))
    before = _column(page, table, unit)
    header = _header(page, table, "Xếp hạng")
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    ranks = [int(r) for r in _column(page, table, rank)]
    assert ranks == sorted(ranks) and len(set(ranks)) > 2
    header.press("Enter")  # keyboard works too
    assert header.get_attribute("aria-sort") == "descending"
    assert [int(r) for r in _column(page, table, rank)] == sorted(ranks, reverse=True)
    _header(page, table, "Đơn vị").click()  # back to the configured order
    assert _column(page, table, unit) == sorted(before, key=int)


def test_sorting_names_keeps_vietnamese_order(page: Any, base_url: str) -> None:
    page.goto(base_url + "vinh-danh/")
    table = page.locator("table[id$='-ca-nhan']").first
    table_id = "#" + (table.get_attribute("id") or "")

    def names() -> list[str]:
        cells = page.evaluate(
            "t => [...document.querySelectorAll(t + ' > tbody > tr')]"
            ".map(r => r.cells[0].innerText)",
            table_id,
        )
        return [str(n).split("(")[0].strip() for n in cells]

    header = _header(page, table_id, "Họ và tên")
    header.click()
    assert names() == sorted(names(), key=person_sort_key)
    header.click()
    assert names() == sorted(names(), key=person_sort_key, reverse=True)


def test_filtering_rows(page: Any, base_url: str) -> None:
    page.goto(base_url + "ket-qua/ca-nhan/")
    box = page.get_by_label("Lọc danh sách cá nhân", exact=False)
    rows = page.locator("table[data-filterable] > tbody > tr")
    total = rows.count()
    assert total > 10

    def visible() -> list[str]:
        shown = page.locator("table[data-filterable] > tbody > tr:not([hidden])")
        return [fold(t) for t in shown.all_inner_texts()]

    box.fill("dang thi")
    shown = visible()
    assert len(shown) == 1 and "dang thi thuy dung" in shown[0]
    assert (
        page.locator(".thidua-filter__status").inner_text() == f"Đang hiển thị 1 trên {total} dòng."
    )
    assert page.locator("section.thidua-group:not([hidden])").count() == 1
    box.fill("THU HÀ")
    assert len(visible()) == 2 and all("thu ha" in t for t in visible())
    box.fill("")
    assert len(visible()) == total
    assert page.locator("section.thidua-group[hidden]").count() == 0


def test_honour_roll_prints_as_a_clean_list(page: Any, base_url: str) -> None:
    page.goto(base_url + "vinh-danh/")
    page.get_by_label("Lọc danh sách vinh danh", exact=False).fill("không có ai tên này")
    rows = page.locator("table[data-filterable] > tbody > tr")
    assert (
        rows.count() > 0
        and page.locator("table[data-filterable] > tbody > tr:not([hidden])").count() == 0
    )
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer",
                     ".thidua-filter"):  # fmt: skip
        assert not page.locator(selector).first.is_visible(), selector
    assert all(rows.nth(i).is_visible() for i in range(rows.count()))  # every row printed
    page.emulate_media(media="screen")
    assert page.locator(".md-header").is_visible()
