"""The /cap-nhat/ page (publication history), rendered like every other generated page:
one autoescaped Jinja2 block in the layout of ``_base.html`` (see :mod:`generator.site.pages`)."""

from __future__ import annotations

from collections.abc import Mapping

from generator.site.history import History
from generator.site.pages.renderer import PageRenderer
from generator.site.views import SiteView

PAGE = "cap-nhat/index.md"
TITLE = "Lịch sử cập nhật dữ liệu"


def render_history_page(
    view: SiteView, history: History | None, downloads: Mapping[str, bytes] | None = None
) -> str:
    """Markdown source of /cap-nhat/; says plainly when there is no history (``None``)."""
    site = PageRenderer(view, downloads or {})
    return site.render(PAGE, "history.html", TITLE, history=history)
