"""Time from page load to the first search result, in Debian's Chromium (Playwright).

Serves a built site on 127.0.0.1, opens its home page in a fresh context (nothing cached),
types a query into Material's search box as soon as the page has loaded, and records when
the first result item appears, in milliseconds since navigation start (a MutationObserver
installed before any of the page's scripts runs). Run by hand or from bench_build.py:

    .venv/bin/python -m bench.search_latency SITE_DIR "Nguyễn Văn An" [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from tests.builders.chromium import CHROMIUM_ARGS, require_chromium, serve

_OBSERVER = """
window.__firstResult = null;
new MutationObserver(() => {
  if (window.__firstResult === null && document.querySelector('.md-search-result__item')) {
    window.__firstResult = performance.now();
  }
}).observe(document, {subtree: true, childList: true});
"""


def first_result_ms(site: Path, query: str, runs: int = 3, timeout_s: float = 120) -> list[float]:
    """One figure per run: milliseconds from navigation start to the first result."""
    from playwright.sync_api import sync_playwright

    chromium = require_chromium()
    times: list[float] = []
    with serve(site) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.add_init_script(_OBSERVER)
                page.goto(url, wait_until="load")
                box = page.locator("input.md-search__input")
                box.click()
                box.fill(query)
                box.press("End")  # Material reads the query on keyup
                page.wait_for_function(
                    "() => window.__firstResult !== null", timeout=timeout_s * 1000
                )
                times.append(float(page.evaluate("window.__firstResult")))
                context.close()
        finally:
            browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("query")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times = first_result_ms(args.site, args.query, args.runs)
    print(" ".join(f"{t:.0f}" for t in times), f"median {statistics.median(times):.0f} ms")


if __name__ == "__main__":
    main()
