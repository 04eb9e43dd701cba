"""The plan's dates in order, and the note on the end of the period (shown once, on
/tieu-chi/; other pages link to it)."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from generator.judge.config import Config
from generator.site.pages.formats import fmt_date
from generator.site.pages.gop_y import END_LABEL, START_LABEL
from generator.site.pages.links import relative_url

PERIOD_NOTE_PAGE = "tieu-chi/"
PERIOD_NOTE_ANCHOR = "ngay-ket-thuc"


def period_note_link(config: Config, page: str) -> Markup | str:
    """A link to the period note on /tieu-chi/ ('' when there is no note)."""
    if not period_note_text(config):
        return ""
    href = relative_url(page, f"{PERIOD_NOTE_PAGE}#{PERIOD_NOTE_ANCHOR}")
    text = f"Vì sao là ngày {fmt_date(config.period.end)}?"
    return Markup('<a href="{}">{}</a>').format(href, text)


def plan_timeline(config: Config, page: str | None = None) -> list[tuple[dt.date, str, str]]:
    """The plan's dates in order. On ``page`` (other than /tieu-chi/) the period note is a
    link to /tieu-chi/; without ``page`` it is the note itself, with its anchor."""
    if page is None:
        note = period_note_text(config)
        period_note: str = (
            Markup('<span id="{}">{}</span>').format(PERIOD_NOTE_ANCHOR, note) if note else ""
        )
    else:
        period_note = period_note_link(config, page)
    events = [
        (
            config.campaign.document_date,
            f"Ban hành kế hoạch thi đua, số {config.campaign.document_number}",
            "",
        ),
        (config.period.start, "Bắt đầu thời gian thi đua", ""),
        (
            config.period.end,
            "Kết thúc thời gian thi đua",
            period_note,
        ),
    ]
    for d in config.deadlines:
        note = f"Kế hoạch ghi: {d.as_written}" if d.as_written else ""
        events.append((d.date, d.label, note))
    if config.comments is not None:  # the public comment window (góp ý)
        first, last = config.comments.window
        events += [(first, START_LABEL, ""), (last, END_LABEL, "")]
    return sorted(events, key=lambda e: e[0])


def period_note_text(config: Config) -> str:
    """Why the period ends when it does, when the plan wrote it otherwise ('' if not)."""
    p = config.period
    if p.note:
        return p.note
    if p.end_as_written and p.end_as_written != fmt_date(p.end):
        return f"Kế hoạch ghi “{p.end_as_written}”; áp dụng {fmt_date(p.end)}."
    return ""
