"""Everything the site needs, builder-independent: pages (Markdown) and files (bytes).

The mkdocs plugin and the CLI both call :func:`make_bundle`; nothing here imports mkdocs.

Dates never come from the clock: the "last data update" is the day, in the campaign's time
zone, of ``SOURCE_DATE_EPOCH`` when set, else of the last git commit touching the data folder,
else unknown (the pages say "chưa rõ"); see :mod:`generator.read.dates`, which also gives the
builder the same day (sitemap dates).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.judge.pipeline import Result, run
from generator.read.dates import data_epoch, local_day
from generator.read.issues import Issue
from generator.site.history import History, publication_history
from generator.site.pages.history import PAGE as HISTORY_PAGE
from generator.site.pages.history import render_history_page
from generator.site.parallel import site_outputs
from generator.site.projection import build_views
from generator.site.views import SiteView


@dataclass
class SiteBundle:
    result: Result
    view: SiteView | None = None
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    history: History | None = None
    epoch: int | None = None  # seconds since 1970 of the data's last change, if known
    # the campaigns' folders when the site has several (or one under its path), else ()
    sections: tuple[str, ...] = ()
    # campaign folder ('' at the root) → origin its comment form posts to (CSP form-action)
    form_origins: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def issues(self) -> list[Issue]:
        return self.result.issues


def make_bundle(
    config_path: Path,
    data_dir: Path | None = None,
    *,
    with_history: bool = True,
    base: str = "",
    parallel: bool | None = None,
) -> SiteBundle:
    """Run the core and, when the input has no error, render pages and downloads.

    The publication history (/cap-nhat/) costs one more core run per data commit (see
    history.py); ``with_history=False`` skips it, for tests and tools that don't publish
    (the page then says there is no history: never publish such a bundle). Pages and files
    are keyed by their path in the campaign's folder; ``base`` is that folder in the site
    (``vpubnd-2019/``, '' at the root), which only links to the site's own pages need.
    A big campaign's downloads are exported in a forked process while the pages render
    with the charts (site/parallel.py, same bytes); ``parallel`` forces that or one process.
    """
    result = run(config_path, data_dir)
    bundle = SiteBundle(result)
    if not result.ok or result.config is None or result.data_dir is None:
        return bundle
    comments = result.config.comments
    if comments is not None and comments.form_origin is not None:
        bundle.form_origins = ((base.rstrip("/"), comments.form_origin),)
    zone = result.config.campaign.time_zone
    bundle.epoch = data_epoch(result.data_dir)
    updated = local_day(bundle.epoch, zone)
    bundle.view = build_views(result.config, result.dataset, result.outcomes, updated)
    # the downloads, then the charts (SVG) and vendored scripts
    bundle.pages, bundle.files = site_outputs(bundle.view, base, parallel=parallel)
    if with_history:
        bundle.history = publication_history(config_path.resolve(), result.data_dir, zone)
    bundle.pages[HISTORY_PAGE] = render_history_page(bundle.view, bundle.history, bundle.files)
    return bundle
