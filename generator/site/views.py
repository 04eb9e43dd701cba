"""The public projection's records: what citizens may see, as plain frozen values.

Pages, downloads, charts and the search index are all made from these records and nothing
else; they have no field for an internal column (staff codes, birth dates, phones, notes,
discipline details, author staff codes), and a sensitive criterion's reason is ``None``.
:mod:`generator.site.projection` fills them from the evaluated campaign.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from generator.judge.config import Config
from generator.judge.model import Extra, Status
from generator.site.comment_window import CommentsView


@dataclass(frozen=True)
class CriterionView:
    id: str
    label: str
    met: bool
    reason: str | None  # None for a sensitive criterion


@dataclass(frozen=True)
class CouncilView:
    """The Council's outcome for one subject: a decision taken, or a proposal to a higher
    level (then ``decision_no`` / ``decision_date`` are those of the proposal letter)."""

    form: str
    decision_no: str | None
    decision_date: dt.date | None
    proposal: bool
    differs: bool  # the criteria did not put this subject within quota (or in a tie)
    criteria_status_label: str  # the criteria's result, shown beside the Council's


@dataclass(frozen=True)
class DossierView:
    complete: bool
    late: bool
    missing: tuple[str, ...]
    sent_date: dt.date | None

    @property
    def label(self) -> str:
        if not self.complete:
            return "Chưa đầy đủ"
        return "Nộp trễ hạn" if self.late else "Đầy đủ, đúng hạn"


@dataclass(frozen=True)
class PersonView:
    anchor: str
    name: str
    position: str
    unit_code: str
    unit_name: str
    rating: str
    tasks: str
    proposal: str
    votes: str
    vote_share: float | None
    report: bool
    recognised_initiatives: int
    criteria: tuple[CriterionView, ...]
    eligible: bool
    status: str
    status_label: str
    rank: int | None
    dossier: DossierView
    council: CouncilView | None
    criteria_status: str  # the status by the criteria alone, before the Council
    group_decided: bool  # the Council has decided for this subject's quota group
    extra: Extra = ()  # the public extra columns only


@dataclass(frozen=True)
class CollectiveView:
    unit_code: str
    unit_name: str
    rating: str
    proposal: str
    recognised_initiatives: int
    criteria: tuple[CriterionView, ...]
    eligible: bool
    status: str
    status_label: str
    rank: int | None
    dossier: DossierView
    council: CouncilView | None
    criteria_status: str  # the status by the criteria alone, before the Council
    group_decided: bool  # the Council has decided for this subject's quota group
    extra: Extra = ()  # the public extra columns only


@dataclass(frozen=True)
class InitiativeView:
    code: str
    title: str
    unit_code: str
    unit_name: str
    authors: str
    field: str
    recognised: bool
    decision_no: str
    decision_date: dt.date | None
    counted: bool  # recognised no later than the dossier deadline


@dataclass(frozen=True)
class UnitView:
    code: str
    name: str
    kind: str
    slug: str
    submission: str  # "on-time" | "late" | "incomplete" | "missing" | "no-proposal"
    submission_label: str
    sent_date: dt.date | None
    to_trinh: str
    bien_ban: str
    collective: CollectiveView | None
    people: tuple[PersonView, ...]
    initiatives: tuple[InitiativeView, ...]


@dataclass(frozen=True)
class HonourEntry:
    kind: str  # "collective" | "individual"
    name: str
    unit_code: str
    unit_name: str
    position: str
    form: str
    decision_no: str
    decision_date: dt.date | None
    provisional: bool
    anchor: str
    proposal: bool = False  # a proposal to a higher level, not a decision taken
    differs: bool = False  # the Council chose beyond the criteria's result


@dataclass(frozen=True)
class SiteView:
    config: Config
    phase: str
    phase_label: str
    updated: dt.date | None
    units: tuple[UnitView, ...]
    people: tuple[PersonView, ...]
    collectives: tuple[CollectiveView, ...]
    initiatives: tuple[InitiativeView, ...]
    honour: tuple[HonourEntry, ...]
    honour_provisional: bool
    figures: dict[str, int] = field(default_factory=dict)
    comments: CommentsView | None = None  # the comment window (góp ý), when declared

    def status_counts(self, kind: str) -> list[tuple[str, str, int]]:
        items = self.people if kind == "individual" else self.collectives
        counts = Counter(i.status for i in items)
        return [(s.value, s.label, counts[s.value]) for s in Status if counts[s.value]]
