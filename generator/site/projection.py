"""Builds the public views from the evaluated campaign (:func:`build_views`).

This is the one place where internal columns are left behind (staff codes, birth dates,
phones, notes, discipline details, author staff codes): only public fields are copied into
the records of :mod:`generator.site.views`. Sensitive criteria carry no reason here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import lru_cache

from generator.judge.config import Config, Criterion
from generator.judge.model import (
    Dataset,
    Extra,
    Initiative,
    Nominee,
    Outcome,
    Status,
    Submission,
    Unit,
)
from generator.judge.select import status_label
from generator.read.gc_pause import cycle_collection_held
from generator.read.text import collation_key, person_sort_key, slug
from generator.site.comment_window import comments_view
from generator.site.views import (
    CollectiveView,
    CouncilView,
    CriterionView,
    DossierView,
    HonourEntry,
    InitiativeView,
    PersonView,
    SiteView,
    UnitView,
)

PHASES = {
    "launched": "Phát động",
    "nominations": "Xét đề nghị",
    "results": "Có kết quả của Hội đồng",
}


SUBMISSION_LABELS = {
    "on-time": "Đã nộp, đúng hạn",
    "late": "Đã nộp, trễ hạn",
    "incomplete": "Đã nộp, hồ sơ chưa đầy đủ",
    "missing": "Chưa nộp",
}


def build_views(
    config: Config, data: Dataset, outcomes: list[Outcome], updated: dt.date | None
) -> SiteView:
    """Project the evaluated campaign onto what the public site shows."""
    with cycle_collection_held():  # read/gc_pause.py
        return _build_views(config, data, outcomes, updated)


def _build_views(
    config: Config, data: Dataset, outcomes: list[Outcome], updated: dt.date | None
) -> SiteView:
    units = sorted(  # the code breaks ties: output never depends on row order
        data.units,
        key=lambda u: (u.order if u.order is not None else 10**6, collation_key(u.name), u.code),
    )
    names = {u.code: u.name for u in units}
    by_key = {(o.kind, o.key): o for o in outcomes}
    counted = _counted_codes(config, data)
    initiatives = tuple(
        _initiative(i, names, counted) for i in _sorted_initiatives(data.initiatives, units)
    )
    anchors = person_anchors(data)
    people = _people(config, anchors, by_key, names)
    collectives = tuple(
        _collective(config, s, by_key[("collective", s.unit)], names)
        for s in (data.submissions[u.code] for u in units if u.code in data.submissions)
        if s.is_candidate
    )
    # Each unit's rows, grouped once in the lists' order (never a scan of every row per unit).
    of_unit = _Rows(people, collectives, initiatives)
    unit_views = tuple(_unit(u, data, config.dossier_deadline, of_unit) for u in units)
    honour, provisional = _honour(data, people, collectives)
    phase = (
        "results"
        if data.council is not None
        else ("nominations" if data.submissions else "launched")
    )
    view = SiteView(
        config,
        phase,
        PHASES[phase],
        updated,
        unit_views,
        people,
        collectives,
        initiatives,
        honour,
        provisional,
        comments=comments_view(config, data, updated, {n.staff_code: a for n, a in anchors}),
    )
    view.figures.update(_figures(view, data))
    return view


def _counted_codes(config: Config, data: Dataset) -> set[str]:
    limit = config.dossier_deadline
    return {
        i.code
        for i in data.initiatives
        if i.recognised and i.decision_date and i.decision_date <= limit
    }


def _sorted_initiatives(items: list[Initiative], units: list[Unit]) -> list[Initiative]:
    order = {u.code: n for n, u in enumerate(units)}
    return sorted(items, key=lambda i: (order.get(i.unit, 10**6), collation_key(i.title), i.code))


def _initiative(i: Initiative, names: dict[str, str], counted: set[str]) -> InitiativeView:
    authors = "; ".join(i.authors) if i.authors else "Tập thể đơn vị"
    return InitiativeView(
        i.code,
        i.title,
        i.unit,
        names.get(i.unit, i.unit),
        authors,
        i.field or "",
        i.recognised,
        i.decision_no or "",
        i.decision_date,
        i.code in counted,
    )


def _criteria(criteria: list[Criterion], outcome: Outcome) -> tuple[CriterionView, ...]:
    results = {c.id: c for c in outcome.criteria}
    return tuple(
        CriterionView(
            c.id, c.label, results[c.id].met, None if c.sensitive else results[c.id].reason
        )
        for c in criteria
        if outcome.counts_for_route(c.id)  # with award routes: the criteria of its form
    )


def _dossier(o: Outcome) -> DossierView:
    d = o.dossier
    return DossierView(d.complete, d.late, d.missing, d.sent_date)


def _council(o: Outcome) -> CouncilView | None:
    c = o.council
    if c is None:
        return None
    return CouncilView(
        c.form,
        c.decision_no,
        c.decision_date,
        o.council_proposal,
        o.council_differs,
        o.computed_status.label,
    )


def _people(
    config: Config,
    anchors: list[tuple[Nominee, str]],
    by_key: dict[tuple[str, str], Outcome],
    names: dict[str, str],
) -> tuple[PersonView, ...]:
    # Namesakes in one unit are ordered by staff code (unique), never by file or row, so the
    # output does not depend on how rows were ordered (the code itself is not published).
    public = _public_keys(config, "nominees")
    return tuple(
        _person(config, n, by_key[("individual", n.staff_code)], names, anchor, public)
        for n, anchor in anchors
    )


def person_anchors(data: Dataset) -> list[tuple[Nominee, str]]:
    """Every nominee in the site's order, with the public anchor of its row and card."""
    sort_key = lru_cache(maxsize=None)(person_sort_key)  # names repeat: each keyed once
    ordered = sorted(data.nominees, key=lambda n: (sort_key(n.name), n.unit, n.staff_code))
    used: Counter[str] = Counter()
    anchored = []
    for n in ordered:
        base = f"p-{slug(n.name)}"
        used[base] += 1
        anchored.append((n, base if used[base] == 1 else f"{base}-{used[base]}"))
    return anchored


def _person(
    config: Config,
    n: Nominee,
    o: Outcome,
    names: dict[str, str],
    anchor: str,
    public: frozenset[str],
) -> PersonView:
    votes = f"{n.votes_for}/{n.votes_total}" if n.votes_total else "—"
    tasks = f"{n.tasks_on_time}/{n.tasks_assigned}" if n.tasks_assigned is not None else "—"
    return PersonView(
        anchor, n.name, n.position or "", n.unit, names.get(n.unit, n.unit), _rating(config, n.rating), tasks,
        n.proposal or "", votes, n.vote_share, n.report, o.recognised_initiatives,
        _criteria(config.criteria.individual, o), o.eligible, o.status.value,
        status_label(config, o), o.rank, _dossier(o), _council(o), o.computed_status.value,
        o.group_decided, _only(public, n.extra),
    )  # fmt: skip


def public_extra(config: Config, sheet_id: str, extra: Extra) -> Extra:
    """Only the public extra columns: an internal one stops here, never reaching a view."""
    return _only(_public_keys(config, sheet_id), extra)


def _public_keys(config: Config, sheet_id: str) -> frozenset[str]:
    return frozenset(c.key for c in config.data_contract.sheet(sheet_id).extras if c.public)


def _only(public: frozenset[str], extra: Extra) -> Extra:
    return tuple((key, value) for key, value in extra if key in public)


def _rating(config: Config, code: str | None) -> str:
    return config.data_contract.rating_label(code)


def _collective(config: Config, s: Submission, o: Outcome, names: dict[str, str]) -> CollectiveView:
    return CollectiveView(
        s.unit, names.get(s.unit, s.unit), _rating(config, s.rating), s.proposal, o.recognised_initiatives,
        _criteria(config.criteria.collective, o), o.eligible, o.status.value,
        status_label(config, o), o.rank, _dossier(o), _council(o), o.computed_status.value,
        o.group_decided, public_extra(config, "submission", s.extra),
    )  # fmt: skip


class _Rows:
    """The people, collectives and initiatives of each unit code, in their lists' order."""

    def __init__(
        self,
        people: tuple[PersonView, ...],
        collectives: tuple[CollectiveView, ...],
        initiatives: tuple[InitiativeView, ...],
    ) -> None:
        self.people: dict[str, list[PersonView]] = {}
        for p in people:
            self.people.setdefault(p.unit_code, []).append(p)
        self.collective: dict[str, CollectiveView] = {}
        for c in collectives:
            self.collective.setdefault(c.unit_code, c)  # the first, as a scan would find
        self.initiatives: dict[str, list[InitiativeView]] = {}
        for i in initiatives:
            self.initiatives.setdefault(i.unit_code, []).append(i)


def _unit(u: Unit, data: Dataset, deadline: dt.date, rows: _Rows) -> UnitView:
    sub = data.submissions.get(u.code)
    collective = rows.collective.get(u.code)
    members = tuple(rows.people.get(u.code, ()))
    dossiers = [p.dossier for p in members] + ([collective.dossier] if collective else [])
    state = _submission_state(sub, deadline, any(d.missing for d in dossiers))
    label = SUBMISSION_LABELS.get(state, "Không đề nghị khen thưởng tập thể")
    if state == "incomplete" and sub and sub.sent_date and sub.sent_date > deadline:
        label = "Đã nộp trễ hạn, hồ sơ chưa đầy đủ"
    return UnitView(
        u.code, u.name, u.kind or "", slug(u.code), state, label,
        sub.sent_date if sub else None,
        _doc(sub.to_trinh_no, sub.to_trinh_date) if sub else "",
        _doc(sub.bien_ban_no, sub.meeting_date) if sub else "",
        collective,
        members,
        tuple(rows.initiatives.get(u.code, ())),
    )  # fmt: skip


def _submission_state(sub: Submission | None, deadline: dt.date, documents_missing: bool) -> str:
    """A department's file: missing, incomplete (a department document, or a document of its
    collective or of one of its nominees, is missing), late or on time."""
    if sub is None:
        return "missing"
    if documents_missing or not (
        sub.to_trinh_no
        and sub.bien_ban_no
        and sub.sent_date
        and sub.to_trinh_date
        and sub.meeting_date
    ):
        return "incomplete"
    return "on-time" if sub.sent_date <= deadline else "late"


def _doc(number: str | None, date: dt.date | None) -> str:
    if not number:
        return ""
    return f"{number}, ngày {date:%d/%m/%Y}" if date else number


def _honour(
    data: Dataset, people: tuple[PersonView, ...], collectives: tuple[CollectiveView, ...]
) -> tuple[tuple[HonourEntry, ...], bool]:
    """Before the Council: those within quota (provisional). After: the Council's decisions
    and proposals only; candidates of groups it has not decided are not on the roll."""
    provisional = data.council is None
    wanted = (
        {Status.WITHIN_QUOTA.value}
        if provisional
        else {Status.AWARDED.value, Status.PROPOSED.value}
    )
    entries = [_honour_collective(c, provisional) for c in collectives if c.status in wanted]
    entries += [_honour_person(p, provisional) for p in people if p.status in wanted]
    return tuple(entries), provisional


def _honour_collective(c: CollectiveView, provisional: bool) -> HonourEntry:
    return _honour_entry(
        "collective", c.unit_name, c, "", c.proposal, provisional, f"tt-{slug(c.unit_code)}"
    )


def _honour_person(p: PersonView, provisional: bool) -> HonourEntry:
    return _honour_entry("individual", p.name, p, p.position, p.proposal, provisional, p.anchor)


def _honour_entry(
    kind: str,
    name: str,
    item: PersonView | CollectiveView,
    position: str,
    proposed_form: str,
    provisional: bool,
    anchor: str,
) -> HonourEntry:
    c = item.council
    return HonourEntry(
        kind,
        name,
        item.unit_code,
        item.unit_name,
        position,
        c.form if c else proposed_form,
        (c.decision_no or "") if c else "",
        c.decision_date if c else None,
        provisional,
        anchor,
        c.proposal if c else False,
        c.differs if c else False,
    )


def _figures(view: SiteView, data: Dataset) -> dict[str, int]:
    return {
        "units": len(view.units),
        "units_submitted": sum(1 for u in view.units if u.submission != "missing"),
        "nominees": len(view.people),
        "eligible": sum(1 for p in view.people if p.eligible),
        "collectives": len(view.collectives),
        "initiatives_recognised": sum(1 for i in view.initiatives if i.recognised),
        "honoured": len(view.honour),
    }
