"""Everything the site needs, builder-independent: pages (Markdown) and files (bytes).

The mkdocs plugin and the CLI both call :func:`make_bundle`; nothing here imports mkdocs.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .export import export_open_data
from .issues import Issue
from .pipeline import Result, run
from .render import render_pages
from .views import SiteView, build_views


@dataclass
class SiteBundle:
    result: Result
    view: SiteView | None = None
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def issues(self) -> list[Issue]:
        return self.result.issues


def make_bundle(config_path: Path, data_dir: Path | None = None) -> SiteBundle:
    """Run the core and, when the input has no error, render pages and downloads."""
    result = run(config_path, data_dir)
    bundle = SiteBundle(result)
    if not result.ok or result.config is None or result.data_dir is None:
        return bundle
    updated = data_updated(result.data_dir)
    bundle.view = build_views(result.config, result.dataset, result.outcomes, updated)
    bundle.files = export_open_data(bundle.view)
    bundle.pages = render_pages(bundle.view, bundle.files)
    return bundle


def data_updated(data_dir: Path) -> dt.date | None:
    """Date of the data's last change: SOURCE_DATE_EPOCH, else the last git commit touching it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", "."],
            cwd=data_dir,
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return dt.date.fromisoformat(out) if out else None
