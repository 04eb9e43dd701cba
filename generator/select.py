"""Select stage: statuses in the order of SPEC §4, ranking against quotas, Council results.

A failed criterion → not-eligible; else an incomplete dossier → dossier-incomplete; else a
late dossier → late; else ranked. Ties straddling the quota line are never broken here:
every tied candidate gets ``tie``. Council decisions, when present, are authoritative.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from .config import Config, Quota
from .issues import Issue
from .model import CouncilDecision, Dataset, Outcome, Status

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
    return _apply_council(data.council, outcomes)


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


def _apply_council(council: list[CouncilDecision] | None, outcomes: list[Outcome]) -> list[Issue]:
    if council is None:
        return []
    by_key = {(o.kind, o.key): o for o in outcomes}
    notices: list[Issue] = []
    for decision in council:
        key = decision.staff_code if decision.kind == "individual" else decision.unit
        outcome = by_key.get((decision.kind, key or ""))
        if outcome is None:
            continue
        if outcome.status not in (Status.WITHIN_QUOTA, Status.TIE, Status.AWARDED):
            notices.append(_differs(decision, outcome))
        outcome.council = decision
        outcome.status = Status.AWARDED
    return notices


def _differs(decision: CouncilDecision, outcome: Outcome) -> Issue:
    label = outcome.computed_status.label
    return Issue(
        "council-differs",
        "warning",
        f"Hội đồng quyết định “{decision.form}” cho {outcome.key} trong khi kết quả xét theo "
        f"tiêu chí là “{label}”.",
        f"The Council's decision for {outcome.key} differs from the criteria result ({outcome.status}).",
        file=decision.loc.file,
        sheet=decision.loc.sheet,
        row=decision.loc.row,
    )
