"""The comment window's pages: ``/gop-y/`` (how to comment, the printable form, the HTML form
when the office runs an endpoint), the "Góp ý" action of every proposed collective and
individual, and the window's events on the timeline and in the feed.

A ``mailto:`` link follows RFC 6068: the subject and body are UTF-8, percent-encoded (a
space is ``%20``, a line break ``%0D%0A``); the subject names the campaign and the subject's
public anchor (``p-…`` for a person, ``tt-…`` for a department), never a staff code.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from generator.site.comment_window import CommentsView
from generator.site.news import WINDOW_PAGE
from generator.site.pages.formats import fmt_date
from generator.site.pages.links import collective_anchor, relative_url
from generator.site.views import CollectiveView, PersonView, SiteView

if TYPE_CHECKING:  # the renderer imports this module for the rows' action
    from generator.site.pages.renderer import PageRenderer, PageView

PAGE = WINDOW_PAGE
TITLE = "Góp ý về danh sách đề nghị khen thưởng"
START_LABEL = "Bắt đầu nhận góp ý về danh sách đề nghị khen thưởng"
END_LABEL = "Hết hạn nhận góp ý về danh sách đề nghị khen thưởng"


@dataclass(frozen=True)
class Action:
    """What a row or card shows: the mailto link during the window, the tally after it."""

    state: str
    href: str = ""  # mailto: during the window
    label: str = ""  # the link's accessible name
    anchor: str = ""  # the subject's public anchor
    page: str = ""  # /gop-y/, relative to the page
    tally: str = ""  # after the window


def mailto(address: str, subject: str, body: str) -> str:
    """An RFC 6068 ``mailto:`` URI (UTF-8 percent-encoded, CRLF line breaks)."""
    crlf = "\r\n".join(body.splitlines())
    return (
        f"mailto:{quote(address, safe='@')}"
        f"?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"
    )


def subject_line(campaign: str, anchor: str) -> str:
    return f"Góp ý: {campaign} — {anchor}"


def body_text(office: str, campaign: str, who: str, anchor: str) -> str:
    """The Vietnamese template of a comment e-mail (the writer fills in the blanks)."""
    return "\n".join(
        (
            f"Kính gửi: {office}",
            "",
            f"Tôi xin góp ý về đề nghị khen thưởng trong {campaign}:",
            f"- Đối tượng: {who}",
            f"- Mã công khai trên trang web: {anchor}",
            "",
            "Nội dung góp ý:",
            "",
            "",
            "Họ và tên người góp ý:",
            "Địa chỉ liên hệ:",
            "Số điện thoại:",
        )
    )


def action_for(
    view: SiteView | PageView, page: str, item: PersonView | CollectiveView
) -> Action | None:
    """The action of one proposed subject on ``page`` (None: nothing to show); of ``view``
    it reads the comment window and the config only."""
    c = view.comments
    if c is None or c.state in ("before", "unknown"):
        return None
    if isinstance(item, PersonView):
        anchor, who = item.anchor, f"{item.name} ({item.unit_name})"
        tally = c.people.get(item.anchor)
    else:
        anchor, who = collective_anchor(item.unit_code), f"tập thể {item.unit_name}"
        tally = c.collectives.get(item.unit_code)
    if c.state == "after":
        return Action("after", tally=tally.text) if tally is not None else None
    cfg = view.config
    href = mailto(
        c.email,
        subject_line(cfg.campaign.name, anchor),
        body_text(cfg.site.office, cfg.campaign.name, who, anchor),
    )
    label = f"Góp ý về {who} qua thư điện tử"
    return Action("during", href, label, anchor, relative_url(page, "gop-y/"))


def window_events(view: SiteView) -> list[tuple[dt.date, str, str]]:
    """The window's first and last day, for the plan's timeline."""
    c = view.comments
    if c is None:
        return []
    return [(c.start, START_LABEL, ""), (c.end, END_LABEL, "")]


def announcement(c: CommentsView, campaign: str) -> dict[str, object]:
    """Front matter that makes ``/gop-y/`` an item of the news feed (title, date, summary)."""
    return {
        "title": f"Lấy ý kiến về danh sách đề nghị khen thưởng — {campaign}",
        "date": c.start.isoformat(),
        "summary": f"Nhận góp ý từ {fmt_date(c.start)} đến hết {fmt_date(c.end)}: qua thư "
        f"điện tử {c.email}, qua bưu điện hoặc gửi trực tiếp.",
    }


def comment_page(site: PageRenderer, page: str, title: str) -> str:
    """The source of ``/gop-y/`` (the window's dates, the ways to comment, the forms)."""
    c = site.view.comments
    assert c is not None  # the page exists only with a window
    source = site.render(page, "gop_y.html", title, window=c)
    head = "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
        for key, value in announcement(c, site.config.campaign.name).items()
    )
    return source.replace("---\n", f"---\n{head}", 1)
