"""Evaluate stage: each criterion of the config tested on each subject, plus dossier checks."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from generator.judge.config import Config, Criterion, DossierItem
from generator.judge.counting import counter
from generator.judge.model import (
    CriterionResult,
    Dataset,
    Discipline,
    DossierCheck,
    Initiative,
    Nominee,
    Outcome,
    Submission,
)
from generator.judge.rules import InitiativesRule, Subject


@dataclass
class CampaignFacts:
    """The :class:`rules.Facts` of one validated dataset."""

    config: Config
    data: Dataset
    _by_author: dict[str, list[Initiative]] = field(default_factory=dict)
    _by_unit: dict[str, list[Initiative]] = field(default_factory=dict)
    _discipline: dict[str, list[Discipline]] = field(default_factory=dict)

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


def evaluate(config: Config, data: Dataset) -> list[Outcome]:
    """Test every nominee and every collective candidate against the configured criteria."""
    facts = CampaignFacts(config, data)
    outcomes = [_individual(n, config, facts, data) for n in data.nominees]
    outcomes += [_collective(s, config, facts) for s in data.submissions.values() if s.is_candidate]
    return outcomes


def _results(
    criteria: list[Criterion], subject: Subject, facts: CampaignFacts
) -> list[CriterionResult]:
    results = []
    for criterion in criteria:
        verdict = criterion.predicate.test(subject, facts)
        results.append(CriterionResult(criterion.id, verdict.met, verdict.reason, verdict.evidence))
    return results


def _recognised_count(
    criteria: list[Criterion], subject: Subject, facts: CampaignFacts, scope: str
) -> int:
    for criterion in criteria:
        rule = criterion.predicate
        if isinstance(rule, InitiativesRule) and rule.scope == scope:
            return len(rule.counted(subject, facts))
    return 0


def _counts(criteria: list[Criterion], subject: Subject, facts: CampaignFacts) -> dict[str, int]:
    """Criterion id → the number its counting predicate counted (ranking by a count)."""
    found = ((c.id, counter(c.predicate)) for c in criteria)
    return {cid: count(subject, facts) for cid, count in found if count is not None}


def _individual(n: Nominee, config: Config, facts: CampaignFacts, data: Dataset) -> Outcome:
    criteria = config.criteria.individual
    dossier = _dossier(n, config.dossier.individual, data.submissions.get(n.unit), config)
    return Outcome(
        "individual",
        n.staff_code,
        n.unit,
        _results(criteria, n, facts),
        dossier,
        _recognised_count(criteria, n, facts, "author"),
        _counts(criteria, n, facts),
    )


def _collective(s: Submission, config: Config, facts: CampaignFacts) -> Outcome:
    criteria = config.criteria.collective
    return Outcome(
        "collective",
        s.unit,
        s.unit,
        _results(criteria, s, facts),
        _dossier(s, config.dossier.collective, s, config),
        _recognised_count(criteria, s, facts, "department"),
        _counts(criteria, s, facts),
    )


def _dossier(
    subject: Subject, own: list[DossierItem], dept: Submission | None, config: Config
) -> DossierCheck:
    missing = [item.label for item in own if not _present(subject, item)]
    if dept is None:
        missing += [item.label for item in config.dossier.department]
        return DossierCheck(False, False, tuple(missing), None)
    missing += [item.label for item in config.dossier.department if not _present(dept, item)]
    if dept.sent_date is None:
        missing.append(sent_date_label(config))
    late = dept.sent_date is not None and dept.sent_date > config.dossier_deadline
    return DossierCheck(not missing, late, tuple(missing), dept.sent_date)


def sent_date_label(config: Config) -> str:
    """How a missing sending date is listed among a dossier's missing items: its header."""
    return config.data_contract.sheet("submission").column("sent_date").header


def _present(record: Subject, item: DossierItem) -> bool:
    if item.column and not getattr(record, item.column, None):
        return False
    return all(getattr(record, key, None) not in (None, "") for key in item.columns)
