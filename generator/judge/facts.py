"""The facts predicates ask about (:class:`rules.Facts`): one validated dataset with its
config, and the earlier campaigns its rules look back to (:class:`PastCampaign`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from generator.judge.config import Config
from generator.judge.model import (
    Dataset,
    Discipline,
    Initiative,
    Nominee,
    Outcome,
    RegisterRow,
    Submission,
)
from generator.judge.rules import Facts, Past
from generator.read.columns import Column, Rating
from generator.read.text import fold


@dataclass
class CampaignFacts:
    """The :class:`rules.Facts` of one validated dataset (``earlier``: the campaigns its
    rules look back to, by id)."""

    config: Config
    data: Dataset
    earlier: Mapping[str, Past] = field(default_factory=dict)
    _by_author: dict[str, list[Initiative]] = field(default_factory=dict)
    _by_unit: dict[str, list[Initiative]] = field(default_factory=dict)
    _discipline: dict[str, list[Discipline]] = field(default_factory=dict)
    _names: Counter[tuple[str, str]] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        by_author: dict[str, list[Initiative]] = defaultdict(list)
        by_unit: dict[str, list[Initiative]] = defaultdict(list)
        for ini in sorted(self.data.initiatives, key=lambda i: i.code):  # row order must not show
            by_unit[ini.unit].append(ini)
            for staff in self.data.credited.get(ini.code, ()):
                by_author[staff].append(ini)
        discipline: dict[str, list[Discipline]] = defaultdict(list)
        for d in self.data.disciplines:
            discipline[d.staff_code].append(d)
        self._by_author, self._by_unit, self._discipline = by_author, by_unit, discipline
        self._names = Counter((n.unit, fold(n.name)) for n in self.data.nominees)

    def deadline(self, deadline_id: str) -> dt.date:
        return self.config.deadline(deadline_id)

    def period(self) -> tuple[dt.date, dt.date]:
        return self.config.period.start, self.config.period.end

    def initiatives_by(self, staff_code: str) -> list[Initiative]:
        return self._by_author.get(staff_code, [])

    def initiatives_of_unit(self, unit: str) -> list[Initiative]:
        return self._by_unit.get(unit, [])

    def disciplines_of(self, staff_code: str) -> list[Discipline]:
        return self._discipline.get(staff_code, [])

    def column(self, sheet_id: str, key: str) -> Column | None:
        contract = self.config.data_contract
        if not contract.has_sheet(sheet_id) or not contract.sheet(sheet_id).has(key):
            return None
        return contract.sheet(sheet_id).column(key)

    def ratings(self) -> tuple[Rating, ...]:
        return self.config.data_contract.ratings

    def register(self, sheet_id: str) -> Sequence[RegisterRow]:
        return self.data.registers.get(sheet_id, [])

    def register_name(self, sheet_id: str) -> str:
        contract = self.config.data_contract
        return contract.sheet(sheet_id).name if contract.has_sheet(sheet_id) else sheet_id

    def namesakes(self, unit: str, name: str) -> int:
        return self._names[(unit, fold(name))]

    def campaign(self, campaign_id: str) -> Past | None:
        return self.earlier.get(campaign_id)

    def previous(self, count: int) -> tuple[str, ...]:
        return self.config.previous_chain[:count]


@dataclass
class PastCampaign:
    """An earlier campaign as a look-back reads it: its config, data, results and facts."""

    config: Config
    data: Dataset
    outcomes: list[Outcome]
    earlier: Mapping[str, Past] = field(default_factory=dict)
    _facts: CampaignFacts | None = None
    # Built on first use, so a look-back per subject never scans every row.
    _nominees: dict[str, Nominee] | None = None
    _statuses: dict[tuple[str, str], str] | None = None

    @property
    def id(self) -> str:
        return self.config.id

    @property
    def name(self) -> str:
        return self.config.campaign.name

    def facts(self) -> Facts:
        if self._facts is None:
            self._facts = CampaignFacts(self.config, self.data, self.earlier)
        return self._facts

    def nominee(self, staff_code: str) -> Nominee | None:
        if self._nominees is None:
            self._nominees = {}
            for n in self.data.nominees:
                self._nominees.setdefault(n.staff_code, n)
        return self._nominees.get(staff_code)

    def submission(self, unit: str) -> Submission | None:
        return self.data.submissions.get(unit)

    def status(self, kind: str, key: str) -> str | None:
        if self._statuses is None:
            self._statuses = {}
            for o in self.outcomes:
                self._statuses.setdefault((o.kind, o.key), o.status.value)
        return self._statuses.get((kind, key))
