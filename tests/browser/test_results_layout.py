"""The answer first (issue 9, items 1, 2, 6): on a 1280 px screen and a 390 px phone every
results table shows each row's name, status and Council outcome without sideways scrolling;
each criterion's reason is one action away; a printed results page (A4) carries every
person's name, status and decision; charts stay legible or give way to their numbers."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest

from generator.site.bundle import make_bundle

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
KEY_CELLS = ("Họ và tên", "Đơn vị", "Trạng thái", "Quyết định của Hội đồng")

# For every row of every results table: where its key cells are, before any scrolling.
_GEOMETRY = """() => {
  const rows = [...document.querySelectorAll('.thidua-table--cards tbody tr')];
  return {
    page: document.documentElement.scrollWidth,
    tables: [...document.querySelectorAll('.thidua-table')].map(t => t.scrollWidth - t.clientWidth),
    rows: rows.map(tr => ({
      id: tr.id,
      cells: [...tr.cells].filter(c => c.dataset.label).map(c => {
        const r = c.getBoundingClientRect();
        return [c.dataset.label, r.left, r.right, r.width];
      }),
    })),
  };
}"""


def _unit_pages() -> list[str]:
    bundle = make_bundle(ROOT / "site_config" / "vpubnd-cantho-2019.yml", with_history=False)
    return sorted(
        p.removesuffix("index.md")
        for p in bundle.pages
        if p.startswith("don-vi/") and p != "don-vi/index.md"
    )


RESULT_PAGES = ["ket-qua/ca-nhan/", "ket-qua/tap-the/", *_unit_pages()]


@pytest.mark.parametrize("screen", SCREENS)
def test_every_row_shows_name_status_and_decision_inside_the_screen(
    make_page: Any, base_url: str, screen: str
) -> None:
    page = make_page(**SCREENS[screen])
    width = SCREENS[screen]["viewport"]["width"]
    checked = 0
    for path in RESULT_PAGES:
        page.goto(base_url + path)
        geometry = page.evaluate(_GEOMETRY)
        assert geometry["page"] <= width, f"{path} scrolls sideways at {width}px"
        assert max(geometry["tables"], default=0) <= 1, f"a table of {path} scrolls sideways"
        for row in geometry["rows"]:
            cells = {label: (left, right, w) for label, left, right, w in row["cells"]}
            assert "Trạng thái" in cells and "Quyết định của Hội đồng" in cells, row["id"]
            for label in KEY_CELLS:
                if label in cells:
                    left, right, w = cells[label]
                    assert left >= 0 and right <= width + 0.5 and w > 40, (path, row["id"], label)
            checked += 1
    assert checked == 42 + 9 + 9  # nominees; collectives on their page and on each unit page


def test_on_a_phone_rows_are_labelled_cards(make_page: Any, base_url: str) -> None:
    page = make_page(**SCREENS["phone"])
    page.goto(base_url + "ket-qua/ca-nhan/")
    row = page.locator("#p-nguyen-van-an")
    status = row.locator("td[data-label='Trạng thái']")
    label = status.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Trạng thái"'
    box, name = status.bounding_box(), row.locator("td[data-label='Họ và tên']").bounding_box()
    assert box["y"] > name["y"]  # stacked under the name, not beside it
    assert box["width"] > 300  # the card's width, not a squeezed column
    value = status.locator(".thidua-cell").bounding_box()
    assert value["width"] > 0.5 * box["width"]  # the value column is not a sliver


def test_person_cards_give_values_room_on_a_phone(make_page: Any, base_url: str) -> None:
    page = make_page(**SCREENS["phone"])
    page.goto(base_url + "don-vi/tcd/")
    facts = page.locator(".thidua-person .thidua-facts--inline").first
    dt, dd = facts.locator("dt").first.bounding_box(), facts.locator("dd").first.bounding_box()
    assert dt["width"] < 0.5 * (dt["width"] + dd["width"])  # the label takes under half


def test_each_reason_is_one_keyboard_action_away(page: Any, base_url: str) -> None:
    page.goto(base_url + "ket-qua/ca-nhan/")
    row = page.locator("#p-nguyen-van-an")
    summary = row.locator("td[data-label='Tiêu chí'] summary")
    assert re.search(r"CN1 ✓ Đạt", summary.inner_text()) or "Không đạt" in summary.inner_text()
    reason = row.locator("td[data-label='Tiêu chí'] .thidua-criteria .thidua-reason").first
    assert not reason.is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    assert reason.is_visible() and reason.inner_text().strip()
    assert row.locator("details").get_attribute("open") is not None


def _pdf_text(page: Any) -> str:
    from pypdf import PdfReader

    page.emulate_media(media="print")
    data = page.pdf(format="A4", prefer_css_page_size=True)
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    return "".join("".join(p.extract_text().split()) for p in reader.pages)


def test_printed_results_carry_every_name_status_and_decision(page: Any, base_url: str) -> None:
    bundle = make_bundle(ROOT / "site_config" / "vpubnd-cantho-2019.yml", with_history=False)
    assert bundle.view is not None
    page.goto(base_url + "ket-qua/ca-nhan/")
    text = _pdf_text(page)

    def squeeze(s: str) -> str:
        return "".join(s.split())

    assert squeeze("Trạng thái") in text and squeeze("Quyết định của Hội đồng") in text
    for p in bundle.view.people:
        assert squeeze(p.name) in text, p.name
        assert squeeze(p.status_label) in text, (p.name, p.status_label)
        if p.council is not None:
            assert squeeze(p.council.decision_no or "") in text, p.name


def test_charts_are_legible_or_give_way_to_their_numbers(make_page: Any, base_url: str) -> None:
    desktop = make_page(**SCREENS["desktop"])
    desktop.goto(base_url)
    scales = desktop.evaluate(
        """() => [...document.querySelectorAll('.thidua-chart img')].map(img =>
            img.getBoundingClientRect().width / img.naturalWidth)"""
    )
    assert scales and min(scales) * 10 * 4 / 3 >= 12  # 10 pt labels, at least 12 px
    phone = make_page(**SCREENS["phone"])
    phone.goto(base_url)
    assert not phone.locator(".thidua-chart figure").first.is_visible()
    table = phone.locator(".thidua-chart table").first
    assert table.is_visible()
    caption = table.locator("caption").bounding_box()
    assert caption["x"] >= 0 and caption["x"] + caption["width"] <= 390
