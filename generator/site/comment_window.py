"""The public side of the comment window (góp ý): its dates, its state on the data's day,
where comments go, and per nominee only how many came in and whether the Council considered
them.

The state is judged by the day the data last changed (``SiteView.updated``), never the
clock: ``before``, ``during`` (the actions are shown), ``after`` (the tallies are shown) or
``unknown`` (no data date: no action, the dates only). The register of comments
(``Dataset.registers['comments']``) is internal: nothing of a row but its subject and its
"considered" flag is read here, and a tally is keyed by the subject's public anchor (a
person's ``p-…`` anchor, a unit's code), never by a staff code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.judge.comments_config import REGISTER_SHEET
from generator.judge.config import Config
from generator.judge.model import Dataset

STATES = ("before", "during", "after", "unknown")


@dataclass(frozen=True)
class Tally:
    """The comments on one subject: how many, and whether the Council considered them all."""

    count: int = 0
    considered: bool = True

    @property
    def label(self) -> str:
        if not self.count:
            return "không có"
        return "đã xem xét" if self.considered else "đang xem xét"

    @property
    def text(self) -> str:
        """The sentence a results row shows (Vietnamese)."""
        if not self.count:
            return "Góp ý: không có"
        return f"Góp ý: {self.count} ý kiến, Hội đồng {self.label}"


@dataclass(frozen=True)
class CommentsView:
    """The window and its published tallies (empty until the window is over)."""

    start: dt.date
    end: dt.date
    state: str  # one of STATES
    address: str
    email: str
    endpoint: str | None
    days_left: int = 0  # during: days to the last day (0 on it)
    people: Mapping[str, Tally] = field(default_factory=dict)  # person anchor → tally
    collectives: Mapping[str, Tally] = field(default_factory=dict)  # unit code → tally

    @property
    def total(self) -> int:
        return sum(t.count for t in (*self.people.values(), *self.collectives.values()))


def window_state(start: dt.date, end: dt.date, updated: dt.date | None) -> str:
    """Where the data's day falls against the window."""
    if updated is None:
        return "unknown"
    if updated < start:
        return "before"
    return "during" if updated <= end else "after"


def comments_view(
    config: Config, data: Dataset, updated: dt.date | None, anchors: Mapping[str, str]
) -> CommentsView | None:
    """The window's public view (None without a ``comments`` section); ``anchors``: staff
    code → public anchor of every nominee."""
    c = config.comments
    if c is None:
        return None
    start, end = c.window
    state = window_state(start, end, updated)
    view = CommentsView(
        start,
        end,
        state,
        c.address,
        c.email,
        c.endpoint,
        days_left=(end - updated).days if state == "during" and updated else 0,
    )
    if state != "after":
        return view
    people = {a: Tally() for a in anchors.values()}
    units = {code: Tally() for code, s in data.submissions.items() if s.is_candidate}
    for row in data.registers.get(REGISTER_SHEET, []):
        staff, unit = row.get("staff_code"), row.get("unit")
        considered = row.get("considered") is True
        if staff:
            key, tallies = anchors.get(str(staff)), people
        else:
            key, tallies = str(unit), units
        if key is None or key not in tallies:
            continue  # rejected by the checks already; never published
        before = tallies[key]
        tallies[key] = Tally(before.count + 1, before.considered and considered)
    return CommentsView(start, end, state, c.address, c.email, c.endpoint, 0, people, units)
