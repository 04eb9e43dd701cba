"""Select stage: statuses in the order of SPEC §4, ranking against quotas, Council results.

Each subject's proposed form picks its route (:mod:`routes`; one route without routes). A
criterion of the route failed → not-eligible, or lower-form-only when the criteria of a form
it builds on are all met (never ranked, and staff are told); else an incomplete dossier →
dossier-incomplete; else a late dossier → late; else a vote share below the quota's minimum
→ below-vote-share; else ranked within its route's quota group (:mod:`ranking`). Ties
straddling the quota line are never broken here: every tied candidate gets ``tie``. Council
results, when present, are authoritative: a decision → awarded, a proposal to a higher level
→ proposed, and in each quota group the Council has decided, the candidates it did not
choose → not-awarded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from generator.judge.config import Config, RankKey
from generator.judge.model import CHOSEN_BY_CRITERIA as CHOSEN
from generator.judge.model import CouncilDecision, Dataset, Outcome, Status
from generator.judge.ranking import (
    Key,
    Record,
    UnitIndex,
    below_vote_share,
    group_key,
    group_size,
    rank_key,
    rankable,
)
from generator.judge.routes import Route, Routes
from generator.read.issues import Issue


def select(config: Config, data: Dataset, outcomes: list[Outcome]) -> list[Issue]:
    """Set status and rank on every outcome; return staff notices (a nominee meeting only a
    lower form's criteria, Council decisions beyond the criteria)."""
    records: dict[tuple[str, str], Record] = {
        ("individual", n.staff_code): n for n in data.nominees
    }
    records.update({("collective", s.unit): s for s in data.submissions.values()})
    routes = Routes(config)
    units = UnitIndex.of(data)
    notices = []
    for outcome in outcomes:
        record = records[(outcome.kind, outcome.key)]
        route = routes.of(record.proposal)
        _place(outcome, route, record, units)
        if outcome.status == Status.LOWER_FORM_ONLY:
            notices.append(_lower_form(config, outcome, record))
    _rank_groups(routes, outcomes, records, units)
    for outcome in outcomes:
        outcome.computed_status = outcome.status
    return notices + _apply_council(data, outcomes, config, routes, units)


def _place(outcome: Outcome, route: Route, record: Record, units: UnitIndex) -> None:
    """The subject's route, quota group and status before ranking."""
    quota = route.quota(outcome.kind)
    outcome.route = route.id
    if route.criteria is not None:
        outcome.route_criteria = route.criteria[outcome.kind]
    outcome.quota_group = (outcome.kind, route.id, group_key(quota, outcome, units))
    if not outcome.eligible:
        lower = next((a for a in route.lower if _meets(outcome, a.id, route)), None)
        outcome.lower_form = lower.id if lower is not None else ""
        outcome.status = Status.NOT_ELIGIBLE if lower is None else Status.LOWER_FORM_ONLY
    elif not outcome.dossier.complete:
        outcome.status = Status.DOSSIER_INCOMPLETE
    elif outcome.dossier.late:
        outcome.status = Status.LATE
    elif below_vote_share(quota, record):
        outcome.status = Status.BELOW_VOTE_SHARE
    else:
        outcome.status = Status.ELIGIBLE


def _meets(outcome: Outcome, award_id: str, route: Route) -> bool:
    """Whether the subject meets every criterion of the lower form ``award_id``."""
    lower = next(a for a in route.lower if a.id == award_id)
    ids = set(getattr(lower.criteria, outcome.kind, None) or [])
    for below in route.lower[route.lower.index(lower) + 1 :]:
        ids.update(getattr(below.criteria, outcome.kind, None) or [])
    return all(c.met for c in outcome.criteria if c.id in ids)


def _rank_groups(
    routes: Routes,
    outcomes: list[Outcome],
    records: dict[tuple[str, str], Record],
    units: UnitIndex,
) -> None:
    by_route = {r.id: r for r in routes.all()}
    members: dict[tuple[str, ...], list[Outcome]] = defaultdict(list)
    for o in outcomes:
        members[o.quota_group].append(o)
    for group, proposed in members.items():
        kind, route_id, pool = group
        route = by_route[route_id]
        quota, keys = route.quota(kind), route.keys(kind)
        ranked = [
            o
            for o in proposed
            if o.status == Status.ELIGIBLE and rankable(keys, quota, o, records[(o.kind, o.key)])
        ]
        if not ranked:
            continue
        key = _ranker(keys, records)
        count = group_size(quota, pool, proposed, units)
        _apply_quota(sorted(ranked, key=key, reverse=True), count, key)


def _ranker(
    keys: list[RankKey], records: dict[tuple[str, str], Record]
) -> Callable[[Outcome], Key]:
    def key(o: Outcome) -> Key:
        return rank_key(keys, o, records[(o.kind, o.key)])

    return key


def _apply_quota(ordered: list[Outcome], count: int, key: Callable[[Outcome], Key]) -> None:
    """Rank and status of a group sorted best first: the rank is one more than the number of
    candidates with a strictly greater key, i.e. the position of the first candidate with an
    equal key (computed in one pass, each key once)."""
    keys = [key(o) for o in ordered]
    line = keys[count - 1] if 0 < count < len(ordered) else None
    straddles = line is not None and keys[count] == line
    rank = 0
    for position, o in enumerate(ordered):
        if position == 0 or keys[position] != keys[position - 1]:
            rank = position + 1
        o.rank = rank
        if straddles and keys[position] == line:
            o.status = Status.TIE
        else:
            o.status = Status.WITHIN_QUOTA if position < count else Status.OVER_QUOTA


def _apply_council(
    data: Dataset, outcomes: list[Outcome], config: Config, routes: Routes, units: UnitIndex
) -> list[Issue]:
    """The Council's results replace the provisional statuses (SPEC §4): a decision taken →
    awarded; a proposal to a higher level → proposed; in a quota group with any decision,
    a candidate the criteria put within quota or in a tie but the Council did not choose →
    not-awarded. Groups without any decision keep their provisional statuses. With award
    routes, a decision counts for the group of the form it names (a Giấy khen given to a
    nominee proposed for Bằng khen decides the Giấy khen group, not the Bằng khen one)."""
    council = data.council
    if council is None:
        return []
    by_key = {(o.kind, o.key): o for o in outcomes}
    notices: list[Issue] = []
    decided: set[tuple[str, ...]] = set()
    for decision in council:
        key = decision.staff_code if decision.kind == "individual" else decision.unit
        outcome = by_key.get((decision.kind, key or ""))
        if outcome is None:
            continue
        outcome.council = decision
        outcome.council_proposal = config.proposed_award(decision.form) is not None
        outcome.status = Status.PROPOSED if outcome.council_proposal else Status.AWARDED
        decided.add(_decided_group(config, routes, decision, outcome, units))
        if outcome.council_differs:
            notices.append(_differs(decision, outcome))
    for outcome in outcomes:
        outcome.group_decided = outcome.quota_group in decided
        if outcome.group_decided and outcome.council is None and outcome.status in CHOSEN:
            outcome.status = Status.NOT_AWARDED
    return notices


def _decided_group(
    config: Config, routes: Routes, decision: CouncilDecision, outcome: Outcome, units: UnitIndex
) -> tuple[str, ...]:
    award = config.award_of(decision.form)
    if not config.routed or award is None or award.id == outcome.route:
        return outcome.quota_group
    quota = routes.by_id(award.id).quota(outcome.kind)
    return (outcome.kind, award.id, group_key(quota, outcome, units))


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


def _lower_form(config: Config, outcome: Outcome, record: Record) -> Issue:
    higher, lower = _name(config, outcome.route), _name(config, outcome.lower_form)
    who = "cá nhân" if outcome.kind == "individual" else "tập thể"
    failed = ", ".join(outcome.failed)
    return Issue(
        "award-lower-form",
        "warning",
        f"{outcome.key} ({who}) được đề nghị {higher} nhưng chỉ đạt tiêu chí {lower} (không đạt "
        f"{failed}): không xếp hạng ở hình thức nào; Hội đồng quyết định, không tự chuyển "
        "sang hình thức thấp hơn.",
        f"{outcome.key} is proposed for {higher} but meets only the criteria of {lower} "
        f"(fails {failed}): ranked in neither; the Council decides (not moved silently).",
        file=record.loc.file,
        sheet=record.loc.sheet,
        row=record.loc.row,
    )


def _name(config: Config, award_id: str) -> str:
    return next((a.name for a in config.awards if a.id == award_id), award_id)


def status_label(config: Config, outcome: Outcome) -> str:
    """The Vietnamese status a reader sees: a proposal names the award and who decides it;
    lower-form-only names both forms."""
    if outcome.status == Status.PROPOSED and outcome.council is not None:
        award = config.award_of(outcome.council.form)
        if award is not None:
            return f"Đã được đề nghị {award.name} — chờ quyết định của {award.issuer}"
    if outcome.status == Status.LOWER_FORM_ONLY and outcome.lower_form:
        higher, lower = _name(config, outcome.route), _name(config, outcome.lower_form)
        return f"Đề nghị {higher} nhưng chỉ đạt tiêu chí {lower} — chờ Hội đồng"
    return outcome.status.label


def campaign_statuses(config: Config) -> tuple[Status, ...]:
    """The statuses this campaign can give, in SPEC §4 order (for legends, filters, open
    data): lower-form-only only with a form that builds on another, below-vote-share only
    with a minimum vote share."""
    quotas = [config.quotas, *(a.quota for a in config.awards if a.quota is not None)]
    absent = set()
    if not any(a.builds_on for a in config.awards):
        absent.add(Status.LOWER_FORM_ONLY)
    if not any(q.individual.min_vote_share is not None for q in quotas):
        absent.add(Status.BELOW_VOTE_SHARE)
    return tuple(s for s in Status if s not in absent)
