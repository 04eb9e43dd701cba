"""Quota groups and ranking keys: which pool a subject is ranked in, how big the pool's quota
is, and the tuple it is ranked by (larger first; an ``asc`` key is negated)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from generator.judge.config import Quota, RankKey
from generator.judge.model import Dataset, Nominee, Outcome, Submission, Unit
from generator.judge.quota_size import quota_size

Record = Nominee | Submission
Key = tuple[float, ...]


@dataclass(frozen=True)
class UnitIndex:
    """The dataset's units by code (the first of a code) and by kind, in register order:
    built once per selection, so a quota group never scans every unit."""

    units: tuple[Unit, ...]
    by_code: dict[str, Unit] = field(default_factory=dict)
    by_code_all: dict[str, list[Unit]] = field(default_factory=dict)
    by_kind: dict[str, list[Unit]] = field(default_factory=dict)

    @classmethod
    def of(cls, data: Dataset) -> UnitIndex:
        index = cls(tuple(data.units))
        for u in index.units:
            index.by_code.setdefault(u.code, u)
            index.by_code_all.setdefault(u.code, []).append(u)
            index.by_kind.setdefault(u.kind or "", []).append(u)
        return index


def group_key(quota: Quota, outcome: Outcome, units: UnitIndex) -> str:
    """The pool within a route: the whole office, the department, or the unit's kind."""
    if quota.per == "department":
        return outcome.unit
    if quota.per == "unit_kind":
        unit = units.by_code.get(outcome.unit)
        return (unit.kind or "") if unit is not None else ""
    return ""


def group_size(quota: Quota, key: str, members: Sequence[Outcome], units: UnitIndex) -> int:
    """The quota of one pool: its count, or its share of the pool's proposed candidates
    (``members``), units or staff."""
    if quota.share is None:
        return quota_size(quota, 0)
    if quota.of == "proposed":
        return quota_size(quota, len(members))
    pool = _units(quota, key, units)
    if quota.of == "units":
        return quota_size(quota, len(pool))
    staff = sum(_number(value_of(u, quota.column or "")) for u in pool)
    return quota_size(quota, staff)


def _units(quota: Quota, key: str, units: UnitIndex) -> Sequence[Unit]:
    if quota.per == "department":
        return units.by_code_all.get(key, [])
    if quota.per == "unit_kind":
        return units.by_kind.get(key, [])
    return units.units


def value_of(record: Record | Unit, key: str) -> object:
    """A record's value of a column: its attribute of that key, else its ``extra`` pair."""
    if key != "extra" and hasattr(record, key):
        return getattr(record, key)
    return dict(record.extra).get(key)


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def needs_votes(keys: Sequence[RankKey], quota: Quota) -> bool:
    """Whether ranking needs the vote counts (a vote-share key or a minimum vote share)."""
    return quota.min_vote_share is not None or any(k.key == "vote_share" for k in keys)


def rankable(keys: Sequence[RankKey], quota: Quota, outcome: Outcome, record: Record) -> bool:
    """A subject can take a place when every value its keys read is there."""
    if isinstance(record, Nominee) and needs_votes(keys, quota) and record.vote_share is None:
        return False
    return all(value_of(record, k.column) is not None for k in keys if k.column is not None)


def rank_key(keys: Sequence[RankKey], outcome: Outcome, record: Record) -> Key:
    return tuple(_value(k, outcome, record) * (1 if k.descending else -1) for k in keys)


def _value(key: RankKey, outcome: Outcome, record: Record) -> float:
    if key.key == "vote_share":
        return (record.vote_share if isinstance(record, Nominee) else None) or 0.0
    if key.key == "recognised_initiatives":
        return float(outcome.recognised_initiatives)
    if key.column is not None:
        return _number(value_of(record, key.column))
    return float(outcome.counts.get(key.count or "", 0))


def below_vote_share(quota: Quota, record: Record) -> bool:
    """A nominee with vote counts whose share is below the quota's minimum (exact)."""
    if quota.min_vote_share is None or not isinstance(record, Nominee):
        return False
    if not record.votes_total or record.votes_for is None:
        return False
    least = Fraction(Decimal(str(quota.min_vote_share)))
    return Fraction(record.votes_for * 100, record.votes_total) < least
