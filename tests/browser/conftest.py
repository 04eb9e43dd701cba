"""Browser tests: the built site in Debian's Chromium, driven by Playwright.

Once per session and builder: ``thidua build --builder NAME --offline`` into a temporary
folder (site + offline zip), so every browser test runs on the output of each builder
(``THIDUA_BROWSER_BUILDERS``, default ``mkdocs,properdocs``); then
a local HTTP server for the site on 127.0.0.1 (serving 404.html for missing pages, as a web
host does), and one headless Chromium. Each test gets a fresh browser context whose
requests are recorded: any request to a host other than 127.0.0.1 (or a non-file URL in
the offline tests) is refused on the spot and fails the test.

Chromium is ``/usr/bin/chromium`` (``THIDUA_CHROMIUM`` overrides it); never ``playwright
install``. Without it the tests are skipped, except under CI (``CI`` set to any true value)
where they fail.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.builders.chromium import CHROMIUM_ARGS, require_chromium, serve
from tests.builders.founding import SOLO_CONFIG

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = {"width": 1280, "height": 900}
BUILDERS = tuple(os.environ.get("THIDUA_BROWSER_BUILDERS", "mkdocs,properdocs").split(","))
LOCAL_HOST = "127.0.0.1"


@pytest.fixture(scope="session")
def chromium_path() -> str:
    return require_chromium()


@dataclass
class Built:
    site: Path
    offline_zip: Path
    seconds: float
    builder: str


class Sites:
    """Each builder's site, built once per session on first use (``thidua build --builder
    NAME --offline-zip``) and served on 127.0.0.1 while the session lasts.

    Kept apart from the ``builder`` parameter: pytest holds one value of a parametrized
    session fixture at a time, so a parametrized build would be redone at every switch."""

    def __init__(self, tmp: pytest.TempPathFactory) -> None:
        self._tmp = tmp
        self._built: dict[str, Built] = {}
        self._urls: dict[str, str] = {}
        self._offline: dict[str, Path] = {}
        self._servers = contextlib.ExitStack()

    def built(self, name: str) -> Built:
        if name not in self._built:
            self._built[name] = _build(name, self._tmp.mktemp(f"browser-{name}"))
        return self._built[name]

    def url(self, name: str) -> str:
        if name not in self._urls:
            self._urls[name] = self._servers.enter_context(serve(self.built(name).site))
        return self._urls[name]

    def offline_root(self, name: str) -> Path:
        from generator.publish.offline import unzip

        if name not in self._offline:
            folder = self._tmp.mktemp(f"offline-{name}")
            self._offline[name] = unzip(self.built(name).offline_zip, folder)
        return self._offline[name]

    def close(self) -> None:
        self._servers.close()


def _build(name: str, out: Path) -> Built:
    import time

    site, offline_zip = out / "site", out / "thidua-offline.zip"
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--out", str(site),
         "--builder", name, "--offline-zip", str(offline_zip), "--config", str(SOLO_CONFIG)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    generator_tag = "ProperDocs" if name == "properdocs" else "mkdocs-1.6.1"
    assert generator_tag in (site / "index.html").read_text(encoding="utf-8")  # really built by it
    return Built(site, offline_zip, time.monotonic() - start, name)


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Iterator[Sites]:
    every = Sites(tmp_path_factory)
    yield every
    every.close()


@pytest.fixture(scope="session", params=BUILDERS)
def builder(request: pytest.FixtureRequest) -> str:
    """Every browser test runs once per builder's output."""
    return str(request.param)


@pytest.fixture
def built(sites: Sites, builder: str) -> Built:
    return sites.built(builder)


@pytest.fixture
def base_url(sites: Sites, builder: str) -> str:
    return sites.url(builder)


# Package scope: Playwright's sync API allows one running instance per thread, and other
# test modules (CSP, injection) start their own once this package is done.
@pytest.fixture(scope="package")
def browser(chromium_path: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Recorder:
    """Every URL the pages of one test asked for; foreign ones are refused and kept."""

    allow_file: bool = False
    urls: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        if parts.scheme == "file":
            return self.allow_file
        return parts.scheme in ("http", "https") and parts.hostname == LOCAL_HOST

    def route(self, route: Any) -> None:
        url = route.request.url
        self.urls.append(url)
        if self.allowed(url):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


def _context(browser: Any, recorder: Recorder, **options: Any) -> Any:
    context = browser.new_context(locale="vi-VN", **options)
    context.route("**/*", recorder.route)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def page(browser: Any, base_url: str, recorder: Recorder) -> Iterator[Any]:
    """A desktop-sized page of the served site; fails the test on any foreign request."""
    context = _context(browser, recorder, viewport=DESKTOP)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not recorder.foreign, f"requests to other hosts: {recorder.foreign}"
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def make_page(browser: Any, recorder: Recorder) -> Iterator[Any]:
    """Factory for pages with other options (viewport, file:// access)."""
    contexts: list[Any] = []

    def make(*, allow_file: bool = False, **options: Any) -> Any:
        recorder.allow_file = allow_file
        context = _context(browser, recorder, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    assert not recorder.foreign, f"requests to other hosts: {recorder.foreign}"


def search(pg: Any, query: str) -> list[list[str]]:
    """Type ``query`` in Material's search box; the result items as lists of link targets
    (site paths with the fragment, without the ``?h=`` highlight parameter)."""
    box = pg.locator("input.md-search__input")
    box.click()
    if box.input_value():  # clear an earlier query and its results first
        box.fill("")
        box.press("End")
        pg.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    box.fill(query)
    box.press("End")  # Material reads the query on keyup
    pg.wait_for_function(
        """() => document.querySelectorAll('.md-search-result__item').length > 0
            || /Không tìm thấy/.test(document.querySelector('.md-search-result__meta').textContent)"""
    )
    pg.wait_for_timeout(150)  # let the first items render
    if not pg.locator(".md-search-result__item").count():
        # "none" may still be the previous query's verdict: give this one time to answer
        with contextlib.suppress(PlaywrightTimeout):
            pg.wait_for_function(
                "() => document.querySelectorAll('.md-search-result__item').length > 0",
                timeout=1500,
            )
    return pg.evaluate(
        """() => [...document.querySelectorAll('.md-search-result__item')].map(item =>
            [...item.querySelectorAll('a.md-search-result__link')].map(a => {
                const url = new URL(a.href);
                url.searchParams.delete('h');
                return url.pathname + url.hash;
            }))"""
    )


def heading(pg: Any) -> str:
    """The page's <h1> as read, without the permalink sign of Markdown headings."""
    return str(pg.locator(".md-content h1").first.inner_text()).removesuffix("¶").strip()
