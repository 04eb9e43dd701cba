"""The home page: key figures, status counts, the plan's timeline, the next deadline as of
the last data change, and the funnel and department charts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from generator.judge.config import Config
from generator.site.charts import Chart
from generator.site.pages.gop_y import END_LABEL
from generator.site.pages.renderer import PageRenderer
from generator.site.pages.timeline import period_note_link, plan_timeline
from generator.site.views import SiteView

FIGURE_LABELS = {
    "units": "Phòng, bộ phận",
    "units_submitted": "Đơn vị đã nộp hồ sơ",
    "collectives": "Tập thể được đề nghị",
    "nominees": "Cá nhân được đề nghị",
    "eligible": "Cá nhân đạt đủ tiêu chí",
    "initiatives_recognised": "Sáng kiến được công nhận",
    "honoured": "Tập thể, cá nhân được vinh danh",
}


@dataclass(frozen=True)
class Countdown:
    """The next deadline as seen on the day the data last changed (never the clock)."""

    state: str  # "next" | "passed" | "unknown" | "none"
    label: str = ""
    date: dt.date | None = None
    days: int = 0


def countdown(config: Config, updated: dt.date | None) -> Countdown:
    """The first deadline on or after ``updated``, else the last one passed."""
    deadlines = sorted((d.date, d.id, d.label) for d in config.deadlines)
    if config.comments is not None:  # the comment window's last day is a deadline too
        deadlines = sorted([*deadlines, (config.comments.window[1], "", END_LABEL)])
    if not deadlines:
        return Countdown("none")
    if updated is None:
        return Countdown("unknown")
    upcoming = [d for d in deadlines if d[0] >= updated]
    if upcoming:
        day, _, label = upcoming[0]
        return Countdown("next", label, day, (day - updated).days)
    day, _, label = deadlines[-1]
    return Countdown("passed", label, day, (updated - day).days)


def home_page(site: PageRenderer, page: str, title: str, site_charts: Mapping[str, Chart]) -> str:
    """The home page's source."""
    view = site.view
    figures = [(FIGURE_LABELS.get(k, k), v) for k, v in view.figures.items()]
    counts = {
        kind: [(code, label, n, _bar(n, view, kind)) for code, label, n in view.status_counts(kind)]
        for kind in ("collective", "individual")
    }
    return site.render(
        page,
        "home.html",
        title,
        figures=figures,
        counts=counts,
        period_note=period_note_link(site.config, page),
        timeline=plan_timeline(site.config, page),
        countdown=countdown(site.config, view.updated),
        home_charts=[site_charts["funnel"], site_charts["units"]],
    )


def _bar(n: int, view: SiteView, kind: str) -> int:
    total = len(view.people) if kind == "individual" else len(view.collectives)
    return round(100 * n / total) if total else 0
