"""Evaluate stage: each criterion of the config tested on each subject, plus dossier checks."""

from __future__ import annotations

from collections.abc import Mapping

from generator.judge.config import Config, Criterion, DossierItem
from generator.judge.counting import counting_rule
from generator.judge.facts import CampaignFacts
from generator.judge.model import (
    CriterionResult,
    Dataset,
    DossierCheck,
    Nominee,
    Outcome,
    Submission,
)
from generator.judge.rules import InitiativesRule, Past, Subject


def evaluate(
    config: Config, data: Dataset, earlier: Mapping[str, Past] | None = None
) -> list[Outcome]:
    """Test every nominee and every collective candidate against the configured criteria
    (``earlier``: the campaigns the rules look back to, by id)."""
    facts = CampaignFacts(config, data, earlier or {})
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


def counts(criteria: list[Criterion], subject: Subject, facts: CampaignFacts) -> dict[str, int]:
    """Criterion id → the number its counting predicate counts for the subject (a criterion
    that is, or is an ``all_of`` holding, a ``recognised_initiatives`` or ``count_rows``;
    the first such part)."""
    found = {}
    for criterion in criteria:
        rule = counting_rule(criterion.predicate)
        if rule is not None:
            found[criterion.id] = rule.count(subject, facts)
    return found


def _recognised_count(
    criteria: list[Criterion], subject: Subject, facts: CampaignFacts, scope: str
) -> int:
    for criterion in criteria:
        rule = criterion.predicate
        if isinstance(rule, InitiativesRule) and rule.scope == scope:
            return len(rule.counted(subject, facts))
    return 0


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
        counts=counts(criteria, n, facts),
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
        counts=counts(criteria, s, facts),
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
