"""One rendering of the site: shared state (unit paths, sensitive criteria, orders), the
values every template gets, and a template made into a page source (:class:`PageRenderer`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.judge.config import Config
from generator.judge.model import Status
from generator.read.text import slug
from generator.site.comment_window import CommentsView
from generator.site.pages import cells
from generator.site.pages.environment import environment
from generator.site.pages.facts import (
    STATUS_ORDER,
    collective_facts,
    council_text,
    failed_ids,
    person_facts,
    ratio,
)
from generator.site.pages.formats import fmt_date
from generator.site.pages.gop_y import action_for
from generator.site.pages.links import (
    collective_anchor,
    initiative_anchor,
    relative_url,
    unit_slugs,
)
from generator.site.pages.markup import html_block, mark_abbreviations, markdown_text
from generator.site.scale import summarised
from generator.site.views import CriterionView, PersonView, SiteView, UnitView

SAMPLE_NOTICE = "Dữ liệu minh họa, không phải người thật."
UNKNOWN_DATE = "chưa rõ"


def site_extra(config: Config, updated: dt.date | None = None) -> dict[str, object]:
    """Values the theme overrides read from ``config.extra.thidua`` (hand-written pages show
    the sample notice and the date of the last data change from here)."""
    return {
        "sample_data": config.site.sample_data,
        "notice": SAMPLE_NOTICE,
        "updated": fmt_date(updated, UNKNOWN_DATE),
        "updated_iso": updated.isoformat() if updated else "",
    }


@dataclass(frozen=True)
class PageView:
    """What a department page may read of the site's view (as ``view``; the unit page memo,
    pages/unit_memo.py, keys each of these but ``updated``)."""

    config: Config
    phase: str
    honour_provisional: bool
    updated: dt.date | None
    comments: CommentsView | None


# The context values a department page does without: orders over every nominee, which a
# change in another department moves (pages/unit_memo.py keys what a page reads).
NOT_ON_UNIT_PAGES = ("sort_key", "anchor_order")


class PageRenderer:
    """Shared state of one rendering: unit paths, sensitive criteria, update date."""

    def __init__(self, view: SiteView, downloads: Mapping[str, bytes], base: str = "") -> None:
        self.view = view
        self.base = base  # the campaign's folder in the site ('' or 'vpubnd-2019/')
        self.config = view.config
        self.downloads = downloads
        self.sensitive = frozenset(
            c.id
            for c in self.config.criteria.collective + self.config.criteria.individual
            if c.sensitive
        )
        self.unit_slugs = unit_slugs(view.units)
        self.person_order = {id(p): n for n, p in enumerate(view.people)}
        self.anchor_order = {p.anchor: n for n, p in enumerate(view.people)}
        self.unit_order = {u.code: n for n, u in enumerate(view.units)}
        self.summary = summarised(view)  # overview pages summarise (site/scale.py)

    def unit_path(self, code: str) -> str | None:
        s = self.unit_slugs.get(code)
        return f"don-vi/{s}/" if s else None

    def page_view(self) -> PageView:
        """The part of the view a department page reads."""
        v = self.view
        return PageView(v.config, v.phase, v.honour_provisional, v.updated, v.comments)

    def context(self, page: str, view: SiteView | PageView | None = None) -> dict[str, Any]:
        """The values every template of ``page`` gets; ``view`` stands for the site's view
        (in ``view`` and in what the comment window's actions read)."""
        seen = self.view if view is None else view

        def url(target: str) -> str:
            return relative_url(page, target)

        def site_url(target: str) -> str:  # a page of the site, not of this campaign
            return relative_url(self.base + page, target)

        def unit_url(code: str) -> str | None:
            path = self.unit_path(code)
            return url(path) if path else None

        return {
            "view": seen,
            "cfg": self.config,
            "sample": self.config.site.sample_data,
            "notice": SAMPLE_NOTICE,
            "updated": fmt_date(self.view.updated, UNKNOWN_DATE),
            "url": url,
            "site_url": site_url,
            "in_folder": bool(self.base),  # one campaign's folder of a site with several
            "unit_url": unit_url,
            "reason_of": self.reason_of,
            "mark": lambda c: cells.mark(c, self.reason_of(c)),
            "rank": cells.rank,
            "dossier": cells.dossier,
            "failed": failed_ids,
            "council_text": council_text,
            "status_label_of": lambda code: Status(code).label,
            "person_facts": person_facts,
            "collective_facts": collective_facts,
            "sort_key": self.sort_key,
            "crit_collective": self.config.criteria.collective,
            "crit_individual": self.config.criteria.individual,
            "deadline": fmt_date(self.config.dossier_deadline),
            "tt_anchor": collective_anchor,
            "status_order": STATUS_ORDER,
            "anchor_order": lambda anchor: self.anchor_order.get(anchor, len(self.anchor_order)),
            "unit_order": lambda code: self.unit_order.get(code, len(self.unit_order)),
            "ratio": ratio,
            "unit_slug": lambda code: self.unit_slugs.get(code, slug(code)),
            "sk_anchor": initiative_anchor,
            "comment_action": lambda item: action_for(seen, page, item),
            "comment_window": seen.comments,
            "comment_page": url("gop-y/") if seen.comments is not None else "",
            "summarised": self.summary,
        }

    def unit_context(self, page: str, unit: UnitView, view: PageView) -> dict[str, Any]:
        """The values a department page's template gets: :meth:`context` with ``view`` for
        the site's view, without :data:`NOT_ON_UNIT_PAGES`, and the order of this unit only."""
        values = self.context(page, view)
        for name in NOT_ON_UNIT_PAGES:
            del values[name]
        index = self.unit_order[unit.code]

        def unit_order(code: str) -> int:
            if code != unit.code:
                raise LookupError(f"a department page reads another unit's order: {code!r}")
            return index

        values["unit_order"] = unit_order
        return values

    def reason_of(self, c: CriterionView) -> str | None:
        """A criterion's reason, never for a sensitive criterion (whatever the view holds)."""
        return None if c.id in self.sensitive else c.reason

    def sort_key(self, p: PersonView) -> int:
        return self.person_order.get(id(p), 0)

    def render(self, page: str, template: str, title: str, **values: Any) -> str:
        """The source of ``page``: ``template`` rendered with :meth:`context` and ``values``."""
        return self.render_with(self.context(page), template, title, **values)

    def render_with(
        self, context: Mapping[str, Any], template: str, title: str, **values: Any
    ) -> str:
        """A page source: ``template`` rendered with ``context`` and ``values``."""
        tpl = environment().get_template(template)
        body = tpl.render(**context, page_title=title, **values)
        # The page's headings live in the HTML block, so Material's table of contents would
        # be empty: hide it and give the tables the width.
        block = mark_abbreviations(html_block(body))
        return f"---\nhide:\n  - toc\n---\n\n# {markdown_text(title)}\n\n{block}\n"
