"""Select stage: statuses in the order of SPEC §4, ranking against quotas, Council results.

A failed criterion → not-eligible; else an incomplete dossier → dossier-incomplete; else a
late dossier → late; else ranked. Ties straddling the quota line are never broken here:
every tied candidate gets ``tie``. Council results, when present, are authoritative: a
decision → awarded, a proposal to a higher level → proposed, and in each quota group the
Council has decided, the candidates it did not choose → not-awarded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from generator.judge.config import Config, Quota
from generator.judge.model import CHOSEN_BY_CRITERIA as CHOSEN
from generator.judge.model import CouncilDecision, Dataset, Outcome, Status
from generator.read.issues import Issue

RankKey = tuple[float, ...]


def select(config: Config, data: Dataset, outcomes: list[Outcome]) -> list[Issue]:
    """Set status and rank on every outcome; return staff notices about Council decisions."""
    nominees = {n.staff_code: n for n in data.nominees}
    for outcome in outcomes:
        outcome.status = _gate(outcome)
    individual = [o for o in outcomes if o.kind == "individual"]
    collective = [o for o in outcomes if o.kind == "collective"]

    def vote_share(o: Outcome) -> float:
        return nominees[o.key].vote_share or 0.0

    def rankable(o: Outcome) -> bool:
        return o.kind == "collective" or nominees[o.key].vote_share is not None

    keys: dict[str, Callable[[Outcome], float]] = {
        "vote_share": vote_share,
        "recognised_initiatives": lambda o: float(o.recognised_initiatives),
    }
    _rank(individual, config.quotas.individual, config.ranking.individual, keys, rankable)
    _rank(collective, config.quotas.collective, config.ranking.collective, keys, rankable)
    for outcome in outcomes:
        outcome.computed_status = outcome.status
    return _apply_council(config, data.council, outcomes)


def _gate(outcome: Outcome) -> Status:
    if not outcome.eligible:
        return Status.NOT_ELIGIBLE
    if not outcome.dossier.complete:
        return Status.DOSSIER_INCOMPLETE
    if outcome.dossier.late:
        return Status.LATE
    return Status.ELIGIBLE


def _rank(
    outcomes: list[Outcome],
    quota: Quota,
    ranking: Sequence[str],
    keys: dict[str, Callable[[Outcome], float]],
    rankable: Callable[[Outcome], bool],
) -> None:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        if o.status == Status.ELIGIBLE and rankable(o):
            groups[o.unit if quota.per == "department" else ""].append(o)
    for group in groups.values():

        def key(o: Outcome) -> RankKey:
            return tuple(keys[k](o) for k in ranking)

        _apply_quota(sorted(group, key=key, reverse=True), quota.count, key)


def _apply_quota(ordered: list[Outcome], count: int, key: Callable[[Outcome], RankKey]) -> None:
    line = key(ordered[count - 1]) if len(ordered) > count else None
    straddles = line is not None and key(ordered[count]) == line
    for position, o in enumerate(ordered):
        o.rank = 1 + sum(1 for other in ordered if key(other) > key(o))
        if straddles and key(o) == line:
            o.status = Status.TIE
        else:
            o.status = Status.WITHIN_QUOTA if position < count else Status.OVER_QUOTA


def _apply_council(
    config: Config, council: list[CouncilDecision] | None, outcomes: list[Outcome]
) -> list[Issue]:
    """The Council's results replace the provisional statuses (SPEC §4): a decision taken →
    awarded; a proposal to a higher level → proposed; in a quota group with any decision,
    a candidate the criteria put within quota or in a tie but the Council did not choose →
    not-awarded. Groups without any decision keep their provisional statuses."""
    if council is None:
        return []
    by_key = {(o.kind, o.key): o for o in outcomes}
    notices: list[Issue] = []
    decided: set[tuple[str, str]] = set()
    for decision in council:
        key = decision.staff_code if decision.kind == "individual" else decision.unit
        outcome = by_key.get((decision.kind, key or ""))
        if outcome is None:
            continue
        outcome.council = decision
        outcome.council_proposal = config.proposed_award(decision.form) is not None
        outcome.status = Status.PROPOSED if outcome.council_proposal else Status.AWARDED
        decided.add(_group_of(config, outcome))
        if outcome.council_differs:
            notices.append(_differs(decision, outcome))
    for outcome in outcomes:
        outcome.group_decided = _group_of(config, outcome) in decided
        if outcome.group_decided and outcome.council is None and outcome.status in CHOSEN:
            outcome.status = Status.NOT_AWARDED
    return notices


def _group_of(config: Config, outcome: Outcome) -> tuple[str, str]:
    """The quota group of a subject: its kind, and its department when the quota is per department."""
    quota = config.quotas.individual if outcome.kind == "individual" else config.quotas.collective
    return (outcome.kind, outcome.unit if quota.per == "department" else "")


def _differs(decision: CouncilDecision, outcome: Outcome) -> Issue:
    label = outcome.computed_status.label
    return Issue(
        "council-differs",
        "warning",
        f"Hội đồng quyết định “{decision.form}” cho {outcome.key} trong khi kết quả xét theo "
        f"tiêu chí là “{label}”.",
        f"The Council's decision for {outcome.key} differs from the criteria result "
        f"({outcome.computed_status}).",
        file=decision.loc.file,
        sheet=decision.loc.sheet,
        row=decision.loc.row,
    )


def status_label(config: Config, outcome: Outcome) -> str:
    """The Vietnamese status a reader sees: a proposal names the award and who decides it."""
    if outcome.status == Status.PROPOSED and outcome.council is not None:
        award = config.award_of(outcome.council.form)
        if award is not None:
            return f"Đã được đề nghị {award.name} — chờ quyết định của {award.issuer}"
    return outcome.status.label
