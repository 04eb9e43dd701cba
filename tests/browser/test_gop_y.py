"""Issue 14 in Chromium: the comment window's actions, mailto links and form.

One extra site is built for the module (mkdocs only, no offline bundle): the founding sample
dated inside the window (``SOURCE_DATE_EPOCH`` 20/12/2019) with an endpoint on a local test
server (``http://127.0.0.1:<port>``: the config accepts http only for a loopback address,
which browsers treat as secure). The session's own site (the sample at its git date, after
the window) is the "after" state. Every page is watched for CSP violations; axe runs on the
pages that carry the actions and the form.
"""

from __future__ import annotations

import calendar
import datetime as dt
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any, ClassVar
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.builders.chromium import serve
from tests.builders.founding import CONFIG, without_path
from tests.safety.browser import WATCH

from .conftest import DESKTOP, ROOT

pytestmark = pytest.mark.browser
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CAMPAIGN = "Phong trào thi đua thực hiện cải cách hành chính năm 2019"


class _Endpoint(http.server.BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, list[str]]]] = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.received.append(parse_qs(self.rfile.read(length).decode("utf-8")))
        body = "<!doctype html><html lang=vi><title>Đã nhận</title><p>Đã nhận góp ý.</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body.encode("utf-8"))

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Endpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def during_url(tmp_path_factory: pytest.TempPathFactory, endpoint: str) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("gop-y-during")
    config = tmp / "site_config" / CONFIG.name
    (tmp / "site_config").mkdir()
    (tmp / "site_config" / "contracts").symlink_to(CONFIG.parent / "contracts")
    text = without_path(CONFIG.read_text(encoding="utf-8"))
    email = "  email: gopy-thiduakhenthuong@example.org\n"
    assert text.count(email) == 1
    text = text.replace(email, f"{email}  endpoint: {endpoint}/nhan-gop-y\n")
    config.write_text(text, encoding="utf-8")
    day = calendar.timegm(dt.date(2019, 12, 20).timetuple()) + 3 * 3600
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--out", str(tmp / "site"),
         "--config", str(config), "--data", str(ROOT / "data" / "vpubnd-cantho-2019")],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(day)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with serve(tmp / "site") as url:
        yield url


def _watched(make_page: Any) -> Any:
    pg = make_page(viewport=DESKTOP)
    pg.add_init_script(WATCH)
    return pg


def _violations(pg: Any) -> list[str]:
    return list(pg.evaluate("() => window.__violations"))


def _axe(pg: Any) -> str:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(pg, options={"runOnly": {"type": "tag", "values": TAGS}})
    return results.generate_report() if results.violations_count else ""


def test_during_the_window_every_row_has_a_mailto_that_decodes(
    make_page: Any, during_url: str
) -> None:
    pg = _watched(make_page)
    pg.goto(during_url + "ket-qua/ca-nhan/")
    rows = pg.locator("tr[id^='p-']")
    links = pg.locator("tr[id^='p-'] a.thidua-gop-y__link")
    assert rows.count() > 30 and links.count() == rows.count()
    first = pg.locator("tr[id^='p-']").first
    anchor = first.get_attribute("id")
    href = first.locator("a.thidua-gop-y__link").get_attribute("href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "gopy-thiduakhenthuong@example.org"
    assert " " not in href and "%0D%0A" in href
    query = parse_qs(parts.query)
    assert query["subject"] == [f"Góp ý: {CAMPAIGN} — {anchor}"]
    body = query["body"][0]
    assert body.startswith("Kính gửi: Văn phòng UBND thành phố Cần Thơ\r\n\r\n")
    assert f"- Mã công khai trên trang web: {anchor}\r\n" in body
    assert "CB0" not in unquote(href)  # never a staff code
    assert "Đang nhận góp ý" in pg.locator("article").inner_text()
    assert _violations(pg) == []
    report = _axe(pg)
    assert not report, report


def test_the_form_posts_to_the_office_endpoint_only(
    make_page: Any, during_url: str, endpoint: str
) -> None:
    pg = _watched(make_page)
    response = pg.goto(during_url + "gop-y/")
    policy = pg.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert f"form-action {endpoint};" in policy + ";"
    assert response is not None and response.status == 200
    report = _axe(pg)
    assert not report, report
    form = pg.locator("form.thidua-gop-y-form")
    assert form.get_attribute("action") == f"{endpoint}/nhan-gop-y"
    pg.get_by_label("Mã công khai của tập thể, cá nhân được góp ý", exact=False).fill("tt-th")
    pg.get_by_label("Nội dung góp ý", exact=False).fill("Đồng ý với đề nghị")
    pg.get_by_label("Họ và tên người góp ý").fill("Người Thử")
    _Endpoint.received.clear()
    with pg.expect_navigation():
        form.get_by_role("button", name="Gửi góp ý").click()
    assert "Đã nhận góp ý" in pg.content()
    assert _Endpoint.received == [
        {"dot": ["vpubnd-cantho-2019"], "doi_tuong": ["tt-th"],
         "noi_dung": ["Đồng ý với đề nghị"], "ho_ten": ["Người Thử"]}
    ]  # fmt: skip


def test_the_home_page_counts_down_and_its_look_up_still_works_without_scripts(
    make_page: Any, during_url: str
) -> None:
    pg = _watched(make_page)
    pg.goto(during_url)
    text = pg.locator("article").inner_text()
    assert "Còn 4 ngày" in text and "Hết hạn nhận góp ý" in text
    assert _violations(pg) == []
    bare = make_page(viewport=DESKTOP, java_script_enabled=False)
    bare.goto(during_url)
    bare.locator("form.thidua-lookup input").fill("nguyen van an")
    bare.locator("form.thidua-lookup button").click()
    bare.wait_for_url("**/ket-qua/ca-nhan/?q=*")  # form-action 'self' on that page


def test_after_the_window_no_action_only_counts(page: Any, base_url: str) -> None:
    page.add_init_script(WATCH)
    page.goto(base_url + "ket-qua/ca-nhan/")
    assert page.locator("a[href^='mailto:']").count() == 0
    text = page.locator("article").inner_text()
    assert "Góp ý: 2 ý kiến, Hội đồng đã xem xét" in text and "đã kết thúc" in text
    assert _violations(page) == []
    page.goto(base_url + "gop-y/")
    assert page.locator("form").count() == 1  # Material's search form only
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "form-action 'none'" in policy
    assert _violations(page) == []


def test_printing_the_comment_page_keeps_only_the_form(make_page: Any, during_url: str) -> None:
    pg = _watched(make_page)
    pg.goto(during_url + "gop-y/")
    pg.emulate_media(media="print")
    assert pg.locator(".thidua-phieu").is_visible()
    assert not pg.locator("form.thidua-gop-y-form").is_visible()
    assert not pg.locator(".md-header").is_visible()
