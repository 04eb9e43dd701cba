"""A site of two campaigns in Chromium (tests/builders/campaigns.py, built once, by the
default builder only): the home page shows the current campaign and the archive, a root
result URL leads to the current campaign's page, a campaign's own URL works; no CSP
violation, no axe violation."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.builders.campaigns import (
    FOUNDING_PATH,
    SECOND_NAME,
    SECOND_PATH,
    campaigns_project,
)
from tests.builders.chromium import serve
from tests.safety.browser import WATCH

from .conftest import DESKTOP, Recorder, _context
from .test_accessibility import _violations

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Path:
    project = campaigns_project(tmp_path_factory.mktemp("two-campaigns"))
    out = project / "out"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--out", str(out)],
        cwd=project, capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="module")
def two_campaigns(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture
def watched(browser: Any) -> Iterator[Any]:
    """A desktop page recording CSP violations; any request off 127.0.0.1 fails the test
    (not the ``page`` fixture: that one runs once per builder's site)."""
    recorder = Recorder()
    context = _context(browser, recorder, viewport=DESKTOP)
    page = context.new_page()
    page.add_init_script(WATCH)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not recorder.foreign and not errors, (recorder.foreign, errors)


def _clean(page: Any) -> None:
    assert page.evaluate("window.__violations") == []
    report = _violations(page)
    assert not report, report


def test_home_shows_the_current_campaign_and_the_archive(watched: Any, two_campaigns: str) -> None:
    watched.goto(two_campaigns)
    current = watched.locator("section.thidua-current")
    assert SECOND_NAME in current.inner_text()
    archive = watched.locator("section.thidua-archive li a")
    assert archive.count() == 1
    archive.first.click()
    watched.wait_for_url(f"{two_campaigns}{FOUNDING_PATH}/")
    _clean(watched)


def test_a_root_result_url_leads_to_the_current_campaign(watched: Any, two_campaigns: str) -> None:
    watched.goto(two_campaigns + "ket-qua/ca-nhan/")
    watched.wait_for_url(f"{two_campaigns}{SECOND_PATH}/ket-qua/ca-nhan/")
    assert "Lê Văn Bình" in watched.locator("article").inner_text()
    _clean(watched)


def test_a_founding_department_url_leads_to_its_page(watched: Any, two_campaigns: str) -> None:
    watched.goto(two_campaigns + "don-vi/th/")  # the current campaign has no such department
    watched.wait_for_url(f"{two_campaigns}{FOUNDING_PATH}/don-vi/th/")


def test_the_redirect_page_itself_is_clean(watched: Any, two_campaigns: str, site: Path) -> None:
    """The redirect page as served, minus its refresh (so it stays to be checked)."""
    html = (site / "ket-qua" / "tap-the" / "index.html").read_text(encoding="utf-8")
    still = "\n".join(line for line in html.splitlines() if 'http-equiv="refresh"' not in line)
    assert still != html
    url = two_campaigns + "ket-qua/tap-the/"
    watched.route(url, lambda route: route.fulfill(body=still, content_type="text/html"))
    watched.goto(url)
    link = watched.locator("main a")
    assert link.get_attribute("href") == f"../../{SECOND_PATH}/ket-qua/tap-the/"
    _clean(watched)


def test_a_campaign_url_under_its_path(watched: Any, two_campaigns: str) -> None:
    response = watched.goto(f"{two_campaigns}{FOUNDING_PATH}/ket-qua/ca-nhan/")
    assert response is not None and response.status == 200
    assert watched.url == f"{two_campaigns}{FOUNDING_PATH}/ket-qua/ca-nhan/"
    assert "Nguyễn Văn An" in watched.locator("article").inner_text()
    _clean(watched)
