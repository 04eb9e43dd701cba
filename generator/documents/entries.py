"""Who is on each document, in the site's order, with what each row says.

One :class:`Entry` per collective or person: the public fields every document prints, plus the
record it came from (kept in memory only) so that a document can show the internal columns its
config declares (:func:`shown_values`) and nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.judge.config import Config
from generator.judge.documents_config import ShownColumn
from generator.judge.model import Nominee, Outcome, Status, Submission, Unit
from generator.judge.pipeline import Result
from generator.read.text import collation_key, person_sort_key


@dataclass(frozen=True)
class Entry:
    """One collective or person on a document."""

    kind: str  # "collective" | "individual"
    name: str
    position: str
    unit_code: str
    unit_name: str
    proposed: str  # the award the department proposed
    form: str  # that award, or the Council's form once it has decided
    award_id: str  # id of the form's award in the config ("" when none)
    outcome: Outcome
    record: Nominee | Submission

    @property
    def decision_no(self) -> str:
        c = self.outcome.council
        return (c.decision_no or "") if c else ""

    @property
    def decision_date(self) -> dt.date | None:
        c = self.outcome.council
        return c.decision_date if c else None


def site_units(units: list[Unit]) -> list[Unit]:
    """Units in the site's order: the set order, then the name, then the code."""
    return sorted(
        units,
        key=lambda u: (u.order if u.order is not None else 10**6, collation_key(u.name), u.code),
    )


def candidates(result: Result) -> list[Entry]:
    """Every proposal of the departments: collectives, then individuals, each grouped by
    department in the site's order (people by name within a department, as the site lists them)."""
    config = _config(result)
    data = result.dataset
    by_key = {(o.kind, o.key): o for o in result.outcomes}
    names = {u.code: u.name for u in data.units}
    order = {u.code: n for n, u in enumerate(site_units(data.units))}
    collectives = [
        _collective(config, s, by_key[("collective", s.unit)], names)
        for s in data.submissions.values()
        if s.is_candidate and ("collective", s.unit) in by_key
    ]
    people = [
        _person(config, n, by_key[("individual", n.staff_code)], names)
        for n in data.nominees
        if ("individual", n.staff_code) in by_key
    ]
    collectives.sort(key=lambda e: order.get(e.unit_code, 10**6))
    people.sort(
        key=lambda e: (
            order.get(e.unit_code, 10**6),
            person_sort_key(e.name),
            e.outcome.key,
        )
    )
    return collectives + people


def honoured(result: Result, award_id: str) -> list[Entry]:
    """Those a document about ``award_id`` lists: once the Council's results exist, the
    subjects it gave that award or proposed for it (the site's honour roll); before, those the
    criteria put within quota who were proposed for it."""
    council = result.dataset.council is not None
    wanted = {Status.AWARDED, Status.PROPOSED} if council else {Status.WITHIN_QUOTA}
    return [e for e in candidates(result) if e.outcome.status in wanted and e.award_id == award_id]


def shown_values(entry: Entry, columns: list[ShownColumn]) -> list[str]:
    """The declared internal columns' values for one entry (blank for a collective)."""
    if entry.kind != "individual":
        return ["" for _ in columns]
    return [_format(_value(entry.record, c.column), c.format) for c in columns]


def _value(record: Nominee | Submission, key: str) -> object:
    if key in type(record).__dataclass_fields__ and key not in ("extra", "loc"):
        return getattr(record, key)
    return dict(record.extra).get(key)


def _format(value: object, form: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return str(value.year) if form == "year" else f"{value:%d/%m/%Y}"
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def _config(result: Result) -> Config:
    if result.config is None:
        raise ValueError("the campaign config did not load: no documents")
    return result.config


def _form(config: Config, outcome: Outcome, proposed: str) -> tuple[str, str]:
    form = outcome.council.form if outcome.council else proposed
    award = config.award_of(form)
    return form, award.id if award else ""


def _collective(config: Config, s: Submission, o: Outcome, names: dict[str, str]) -> Entry:
    form, award = _form(config, o, s.proposal)
    name = names.get(s.unit, s.unit)
    return Entry("collective", name, "", s.unit, name, s.proposal, form, award, o, s)


def _person(config: Config, n: Nominee, o: Outcome, names: dict[str, str]) -> Entry:
    form, award = _form(config, o, n.proposal or "")
    unit = names.get(n.unit, n.unit)
    proposed = n.proposal or ""
    return Entry("individual", n.name, n.position or "", n.unit, unit, proposed, form, award, o, n)
