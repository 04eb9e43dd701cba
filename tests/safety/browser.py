"""Headless Chromium (Debian's, driven by Playwright) over a built site served on loopback.

The site is served over HTTP from 127.0.0.1 (a Content-Security-Policy's 'self' and the
search worker need a real origin). Without Chromium the browser tests are skipped, except
under CI (``CI`` set to any true value) where a missing browser is a failure.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from tests.builders.chromium import CHROMIUM_ARGS, require_chromium


@contextmanager
def chromium() -> Iterator[Any]:
    """A Playwright browser on Debian's Chromium (never a downloaded one)."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# Recorded in every page before its own scripts run: CSP violations and dialogs are kept on
# window, and `alert` is wrapped so even a swallowed dialog leaves a trace.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push([e.violatedDirective, e.blockedURI, e.sample || ''].join(' '));
});
"""


def in_own_thread(check: Callable[[], None]) -> None:
    """Run a Playwright check in a thread of its own. Playwright's sync API refuses to start
    where an asyncio loop runs — as it does in the main thread while another suite keeps a
    browser open for the whole session — so these tests never share that thread."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(check).result()
