"""Everything the site needs, builder-independent: pages (Markdown) and files (bytes).

The mkdocs plugin and the CLI both call :func:`make_bundle`; nothing here imports mkdocs.

Dates never come from the clock: the "last data update" is ``SOURCE_DATE_EPOCH`` when set,
else the date of the last git commit touching the data folder, else unknown (the pages say
"chưa rõ"); :func:`data_epoch` gives the same instant to the builder (sitemap dates).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .export import export_open_data
from .history import History, publication_history
from .issues import Issue
from .pipeline import Result, run
from .render import render_pages, site_files
from .render_history import PAGE as HISTORY_PAGE
from .render_history import render_history_page
from .views import SiteView, build_views


@dataclass
class SiteBundle:
    result: Result
    view: SiteView | None = None
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    history: History | None = None
    epoch: int | None = None  # seconds since 1970 of the data's last change, if known

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def issues(self) -> list[Issue]:
        return self.result.issues


def make_bundle(
    config_path: Path, data_dir: Path | None = None, *, with_history: bool = True
) -> SiteBundle:
    """Run the core and, when the input has no error, render pages and downloads.

    The publication history (/cap-nhat/) costs one more core run per data commit (see
    history.py); ``with_history=False`` skips it, for tests and tools that don't publish
    (the page then says there is no history: never publish such a bundle).
    """
    result = run(config_path, data_dir)
    bundle = SiteBundle(result)
    if not result.ok or result.config is None or result.data_dir is None:
        return bundle
    bundle.epoch = data_epoch(result.data_dir)
    updated = data_updated(result.data_dir)
    bundle.view = build_views(result.config, result.dataset, result.outcomes, updated)
    bundle.files = export_open_data(bundle.view)
    bundle.pages = render_pages(bundle.view, bundle.files)
    bundle.files.update(site_files(bundle.view))  # charts (SVG), vendored scripts
    if with_history:
        bundle.history = publication_history(config_path.resolve(), result.data_dir)
    bundle.pages[HISTORY_PAGE] = render_history_page(bundle.view, bundle.history, bundle.files)
    return bundle


def _source_date_epoch() -> int | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(epoch) if epoch.isdigit() else None


def _git_last(data_dir: Path, fmt: str) -> str:
    try:
        return subprocess.run(
            ["git", "log", "-1", f"--format={fmt}", "--", "."],
            cwd=data_dir,
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def data_epoch(data_dir: Path) -> int | None:
    """Instant of the data's last change: SOURCE_DATE_EPOCH, else the last git commit
    touching the data folder (committer time), else None."""
    epoch = _source_date_epoch()
    if epoch is not None:
        return epoch
    out = _git_last(data_dir, "%ct")
    return int(out) if out.isdigit() else None


def data_updated(data_dir: Path) -> dt.date | None:
    """Date of the data's last change: SOURCE_DATE_EPOCH (UTC), else the committer's date of
    the last git commit touching the data folder (in the committer's time zone)."""
    epoch = _source_date_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, dt.UTC).date()
    out = _git_last(data_dir, "%cs")
    try:
        return dt.date.fromisoformat(out) if out else None
    except ValueError:
        return None
