"""Plain records passed between stages: what the validated input holds, and what evaluation decides."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

# The values of a campaign's extra columns (``contract.columns``): (key, value) pairs in the
# declared order, public and internal alike (the site's projection keeps the public ones).
Extra = tuple[tuple[str, object], ...]
# The department's proposal column value saying it proposes no collective award.
NO_PROPOSAL = "Không"


@dataclass(frozen=True, slots=True)
class Loc:
    """Where a record came from: file (relative to the data dir), sheet, spreadsheet row."""

    file: str
    sheet: str
    row: int
    campaign: str = ""  # the id of an earlier campaign the row is from (look-backs)

    def __str__(self) -> str:
        where = f"{self.file} › {self.sheet} › dòng {self.row}"
        return f"đợt {self.campaign} › {where}" if self.campaign else where


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One accepted row of a register, by column key (what ``count_rows`` counts)."""

    values: tuple[tuple[str, object], ...]
    loc: Loc

    def get(self, key: str) -> object:
        return next((v for k, v in self.values if k == key), None)


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    kind: str | None
    order: int | None
    loc: Loc
    # The register's other declared columns (e.g. a staff count for a share of staff).
    extra: Extra = ()


@dataclass(frozen=True, slots=True)
class Initiative:
    code: str
    title: str
    unit: str
    authors: tuple[str, ...]
    author_codes: tuple[str, ...]
    field: str | None
    recognised: bool
    decision_no: str | None
    decision_date: dt.date | None
    loc: Loc

    @property
    def is_collective(self) -> bool:
        return not self.authors and not self.author_codes


@dataclass(frozen=True, slots=True)
class Discipline:
    staff_code: str
    name: str | None
    unit: str | None
    form: str
    decided: dt.date
    expires: dt.date | None
    loc: Loc


@dataclass(frozen=True, slots=True)
class Submission:
    """A department's `Tập thể` row: its own proposal and the department-level dossier."""

    unit: str
    good_cchc: bool
    rating: str | None
    proposal: str
    report: bool
    to_trinh_no: str | None
    to_trinh_date: dt.date | None
    bien_ban_no: str | None
    meeting_date: dt.date | None
    sent_date: dt.date | None
    loc: Loc
    extra: Extra = ()

    @property
    def is_candidate(self) -> bool:
        return self.proposal != NO_PROPOSAL


@dataclass(frozen=True, slots=True)
class Nominee:
    staff_code: str
    name: str
    unit: str
    position: str | None
    rating: str | None
    tasks_assigned: int | None
    tasks_on_time: int | None
    discipline_self: str | None
    proposal: str | None
    votes_for: int | None
    votes_total: int | None
    report: bool
    loc: Loc
    extra: Extra = ()
    # Internal: read for the staff documents only (the Council list's year of birth, when
    # the campaign's `documents` config shows it); the public projection never copies it.
    birth_date: dt.date | None = None

    @property
    def vote_share(self) -> float | None:
        if not self.votes_total or self.votes_for is None:
            return None
        return self.votes_for / self.votes_total


@dataclass(frozen=True, slots=True)
class CouncilDecision:
    kind: str  # "collective" | "individual"
    unit: str
    staff_code: str | None
    name: str | None
    form: str
    decision_no: str | None
    decision_date: dt.date | None
    minutes_no: str | None
    meeting_date: dt.date | None
    sent_to_city: dt.date | None
    loc: Loc


@dataclass(frozen=True)
class RowCount:
    """Rows of one sheet: read = accepted + rejected."""

    file: str
    sheet: str
    read: int
    accepted: int
    rejected: int


@dataclass(frozen=True)
class RejectedRow:
    file: str
    sheet: str
    row: int
    reasons: tuple[str, ...]


@dataclass
class Dataset:
    """Everything the input holds once validated. Rows with errors are not in it."""

    units: list[Unit] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    disciplines: list[Discipline] = field(default_factory=list)
    submissions: dict[str, Submission] = field(default_factory=dict)
    nominees: list[Nominee] = field(default_factory=list)
    council: list[CouncilDecision] | None = None
    counts: list[RowCount] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    # Resolved authorship: initiative code → staff codes of nominees credited with it.
    credited: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Every register's accepted rows by sheet id (the known ones and any other the layout
    # declares): internal data for rules, never published.
    registers: dict[str, list[RegisterRow]] = field(default_factory=dict)

    def unit(self, code: str) -> Unit | None:
        return next((u for u in self.units if u.code == code), None)


class Status(StrEnum):
    NOT_ELIGIBLE = "not-eligible"
    LOWER_FORM_ONLY = "lower-form-only"
    DOSSIER_INCOMPLETE = "dossier-incomplete"
    LATE = "late"
    BELOW_VOTE_SHARE = "below-vote-share"
    ELIGIBLE = "eligible"
    WITHIN_QUOTA = "within-quota"
    OVER_QUOTA = "over-quota"
    TIE = "tie"
    NOT_AWARDED = "not-awarded"
    PROPOSED = "proposed"
    AWARDED = "awarded"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.NOT_ELIGIBLE: "Không đủ điều kiện",
    Status.DOSSIER_INCOMPLETE: "Hồ sơ chưa đầy đủ",
    Status.LOWER_FORM_ONLY: "Chỉ đạt tiêu chí của hình thức thấp hơn hình thức đề nghị — chờ Hội đồng",
    Status.LATE: "Nộp trễ hạn",
    Status.BELOW_VOTE_SHARE: "Đủ điều kiện, chưa đạt tỷ lệ phiếu tối thiểu",
    Status.ELIGIBLE: "Đủ điều kiện, chưa xếp hạng — thiếu số phiếu bầu",
    Status.WITHIN_QUOTA: "Trong chỉ tiêu — dự kiến",
    Status.OVER_QUOTA: "Đủ điều kiện, ngoài chỉ tiêu",
    Status.TIE: "Đồng hạng tại ngưỡng chỉ tiêu — chờ Hội đồng",
    Status.NOT_AWARDED: "Hội đồng không đề nghị khen thưởng",
    Status.PROPOSED: "Đã được đề nghị khen thưởng cấp trên — chờ quyết định",
    Status.AWARDED: "Được khen thưởng",
}
# What the criteria leave for the Council to choose from.
CHOSEN_BY_CRITERIA = frozenset({Status.WITHIN_QUOTA, Status.TIE})
# Statuses that only the Council's results give (SPEC §4); the others are the criteria's.
COUNCIL_STATUSES = frozenset({Status.NOT_AWARDED, Status.PROPOSED, Status.AWARDED})


@dataclass(frozen=True)
class CriterionResult:
    id: str
    met: bool
    reason: str  # Vietnamese; for a sensitive criterion never shown publicly
    evidence: tuple[Loc, ...] = ()


@dataclass(frozen=True)
class DossierCheck:
    complete: bool
    late: bool
    missing: tuple[str, ...]  # labels of missing items
    sent_date: dt.date | None


@dataclass
class Outcome:
    """Evaluation of one subject (a nominee or a department's collective proposal)."""

    kind: str  # "individual" | "collective"
    key: str  # staff code or unit code
    unit: str
    criteria: list[CriterionResult]
    dossier: DossierCheck
    recognised_initiatives: int
    # Criterion id → how many its counting predicate counted (for ranking by a count).
    counts: dict[str, int] = field(default_factory=dict)
    status: Status = Status.ELIGIBLE
    rank: int | None = None
    computed_status: Status = Status.ELIGIBLE  # before Council decisions
    council: CouncilDecision | None = None
    council_proposal: bool = False  # the Council's outcome is a proposal to a higher level
    group_decided: bool = False  # the Council has decided for this subject's quota group
    # Award routes (set by select): the award id of the subject's route ("" without routes),
    # the criteria ids that route needs (None: every criterion of the kind), the lower award
    # whose criteria alone it meets (lower-form-only), and its quota group.
    route: str = ""
    route_criteria: frozenset[str] | None = None
    lower_form: str = ""
    quota_group: tuple[str, ...] = ()

    @property
    def council_differs(self) -> bool:
        """The Council chose a subject the criteria did not put within quota (or in a tie)."""
        return self.council is not None and self.computed_status not in CHOSEN_BY_CRITERIA

    def counts_for_route(self, criterion_id: str) -> bool:
        """True when the criterion decides this subject's eligibility (its route needs it)."""
        return self.route_criteria is None or criterion_id in self.route_criteria

    @property
    def eligible(self) -> bool:
        return all(c.met for c in self.criteria if self.counts_for_route(c.id))

    @property
    def failed(self) -> list[str]:
        return [c.id for c in self.criteria if not c.met and self.counts_for_route(c.id)]
