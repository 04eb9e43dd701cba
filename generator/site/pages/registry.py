"""Every generated page: its source path, its title and what builds it; and the files the
pages use besides the open data."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from generator.site import vendor
from generator.site.chart_memo import svg_files
from generator.site.charts import Chart, charts
from generator.site.pages import gop_y
from generator.site.pages.criteria import criteria_page
from generator.site.pages.groups import (
    award_groups,
    initiative_groups,
    people_groups,
    undecided_groups,
)
from generator.site.pages.home import home_page
from generator.site.pages.open_data import open_data_page
from generator.site.pages.progress import progress_page
from generator.site.pages.progress_summary import summary_page as progress_summary_page
from generator.site.pages.renderer import PageRenderer
from generator.site.pages.summary import (
    collectives_summary,
    honour_of,
    honour_summary,
    individuals_summary,
    initiatives_summary,
)
from generator.site.pages.unit_memo import unit_pages
from generator.site.views import SiteView

# docs-relative source path → page title (unit pages are added per unit)
PAGES: dict[str, str] = {
    "index.md": "",  # the campaign name
    "tieu-chi/index.md": "Tiêu chí, chỉ tiêu và hồ sơ",
    "tien-do/index.md": "Tiến độ nộp hồ sơ",
    "ket-qua/tap-the/index.md": "Kết quả xét tập thể",
    "ket-qua/ca-nhan/index.md": "Kết quả xét cá nhân",
    "vinh-danh/index.md": "Vinh danh",
    "sang-kien/index.md": "Sáng kiến được công nhận",
    "don-vi/index.md": "Các phòng, bộ phận",
    "du-lieu-mo/index.md": "Dữ liệu mở",
}


# The pages that read the downloads (sizes, digests, the data dictionary); no other page does.
DOWNLOAD_PAGES = ("du-lieu-mo/index.md",)


def render_pages(
    view: SiteView, downloads: Mapping[str, bytes] | None = None, base: str = ""
) -> dict[str, str]:
    """Markdown sources of every generated page, keyed by path in the campaign's folder
    (``base``: that folder in the site, for links to the site's own pages)."""
    site = PageRenderer(view, downloads or {}, base)
    return dict(_rendered(site, _renderers(site)))


def render_pages_before(
    view: SiteView, base: str, downloads: Callable[[], Mapping[str, bytes]]
) -> dict[str, str]:
    """The pages of :func:`render_pages` (same texts, same order) when the downloads come
    later: every page but :data:`DOWNLOAD_PAGES` first, then ``downloads()`` (which may wait
    for them, see site/parallel.py) and those pages in their places."""
    given: dict[str, bytes] = {}
    site = PageRenderer(view, given, base)
    renderers = _renderers(site)
    pages = dict(_rendered(site, renderers, later=DOWNLOAD_PAGES))  # '' in their places
    given.update(downloads())
    for path in DOWNLOAD_PAGES:
        pages[path] = renderers[path](path, PAGES[path])
    return pages


def _rendered(
    site: PageRenderer,
    renderers: Mapping[str, Callable[[str, str], str]],
    later: tuple[str, ...] = (),
) -> Iterator[tuple[str, str]]:
    """Every page in the site's order; a page in ``later`` is left '' (rendered by the caller)."""
    view = site.view
    for path, title in PAGES.items():
        yield path, "" if path in later else renderers[path](path, title)
    if view.comments is not None:  # the comment window's page (góp ý)
        yield gop_y.PAGE, gop_y.comment_page(site, gop_y.PAGE, gop_y.TITLE)
    yield from unit_pages(site, honour_of(site) if site.summary else {})


def _renderers(site: PageRenderer) -> dict[str, Callable[[str, str], str]]:
    """What renders each page of :data:`PAGES` (path, title → source)."""
    view = site.view
    cfg = view.config
    site_charts = charts(view)
    renderers: dict[str, Callable[[str, str], str]] = {
        "index.md": lambda p, t: home_page(site, p, cfg.campaign.name, site_charts),
        "tieu-chi/index.md": lambda p, t: criteria_page(site, p, t),
        "tien-do/index.md": lambda p, t: progress_page(site, p, t),
        "ket-qua/tap-the/index.md": lambda p, t: site.render(p, "collectives.html", t),
        "ket-qua/ca-nhan/index.md": lambda p, t: site.render(
            p, "individuals.html", t, groups=people_groups(site, view.people)
        ),
        "vinh-danh/index.md": lambda p, t: site.render(
            p, "honour.html", t, groups=award_groups(site), undecided=undecided_groups(view)
        ),
        "sang-kien/index.md": lambda p, t: site.render(
            p,
            "initiatives.html",
            t,
            groups=initiative_groups(site),
            chart=site_charts["fields"],
        ),
        "don-vi/index.md": lambda p, t: site.render(p, "units.html", t),
        "du-lieu-mo/index.md": lambda p, t: open_data_page(site, p, t),
    }
    if site.summary:
        renderers.update(_summary_renderers(site, site_charts))
    return renderers


def _summary_renderers(
    site: PageRenderer, site_charts: Mapping[str, Chart]
) -> dict[str, Callable[[str, str], str]]:
    """The overview pages of a summarised campaign (site/scale.py)."""
    return {
        "tien-do/index.md": lambda p, t: progress_summary_page(site, p, t),
        "ket-qua/tap-the/index.md": lambda p, t: collectives_summary(site, p, t),
        "ket-qua/ca-nhan/index.md": lambda p, t: individuals_summary(site, p, t),
        "vinh-danh/index.md": lambda p, t: honour_summary(site, p, t),
        "sang-kien/index.md": lambda p, t: initiatives_summary(site, p, t, site_charts["fields"]),
    }


def site_files(view: SiteView) -> dict[str, bytes]:
    """Files the generated pages use besides the open data: the charts (SVG, drawn at build
    time) and the vendored browser libraries (sortable tables, offline search)."""
    return {**svg_files(charts(view)), **vendor.site_files()}  # charts kept: chart_memo.py
