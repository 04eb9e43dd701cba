"""Where Debian's Chromium is and how every browser test launches it (Playwright, headless).

Never ``playwright install``: it downloads a browser, which this network refuses. Without
Chromium the browser tests are skipped, except under CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import os

import pytest

CHROMIUM = os.environ.get("THIDUA_CHROMIUM", "/usr/bin/chromium")
# No background traffic: the machines reach no host but the package registries.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def unavailable(reason: str) -> None:
    """Skip a browser test, or fail it under CI where browser tests must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason)


def require_chromium() -> str:
    """The Chromium executable and an importable Playwright, or skip/fail."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        unavailable("the playwright package is not installed")
    return CHROMIUM
