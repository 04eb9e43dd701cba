"""What every predicate type shares: the subject it tests, the facts it may ask about, the
verdict it gives, how it reads a subject's column, and what a config check reports.

A subject is a nominee (sheet ``nominees``) or a department's collective submission (sheet
``submission``). Its value of a column is the record's attribute of that key, else the
value of the campaign's extra column of that key (:func:`value_of`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from generator.judge.config_errors import Loc as KeyPath
from generator.judge.config_errors import Problem
from generator.judge.model import Discipline, Initiative, Loc, Nominee, RegisterRow, Submission
from generator.judge.rules.words import Words
from generator.read.columns import Column, Contract, Kind, Rating

Subject = Nominee | Submission

# The sheet a subject's record comes from.
INDIVIDUAL_SHEET, COLLECTIVE_SHEET = "nominees", "submission"
_RECORD_KEYS = {
    kind: frozenset(f.name for f in dataclasses.fields(kind)) - {"loc", "extra"}
    for kind in (Nominee, Submission)
}


def sheet_of(subject: Subject) -> str:
    """The id of the sheet a subject's record comes from."""
    return INDIVIDUAL_SHEET if isinstance(subject, Nominee) else COLLECTIVE_SHEET


def record_keys(sheet_id: str) -> frozenset[str]:
    """The column keys a record of this sheet carries as attributes."""
    return _RECORD_KEYS[Nominee if sheet_id == INDIVIDUAL_SHEET else Submission]


def value_of(subject: Subject, key: str) -> object:
    """The subject's value of the column ``key``: its record's attribute, else its extra
    column's value (None when neither holds one)."""
    if key in _RECORD_KEYS[type(subject)]:
        return getattr(subject, key)
    return dict(subject.extra).get(key)


class Past(Protocol):
    """An earlier campaign a look-back reads: its data, facts and results."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    def facts(self) -> Facts: ...
    def nominee(self, staff_code: str) -> Nominee | None: ...
    def submission(self, unit: str) -> Submission | None: ...
    def status(self, kind: str, key: str) -> str | None: ...


class Facts(Protocol):
    """What predicates may ask about the campaign (implemented in evaluate.py)."""

    def deadline(self, deadline_id: str) -> dt.date: ...
    def period(self) -> tuple[dt.date, dt.date]: ...
    def initiatives_by(self, staff_code: str) -> list[Initiative]: ...
    def initiatives_of_unit(self, unit: str) -> list[Initiative]: ...
    def disciplines_of(self, staff_code: str) -> list[Discipline]: ...
    def column(self, sheet_id: str, key: str) -> Column | None: ...
    def ratings(self) -> tuple[Rating, ...]: ...
    def register(self, sheet_id: str) -> Sequence[RegisterRow]: ...
    def register_name(self, sheet_id: str) -> str: ...
    def namesakes(self, unit: str, name: str) -> int: ...
    def campaign(self, campaign_id: str) -> Past | None: ...
    def previous(self, count: int) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Verdict:
    met: bool
    reason: str
    evidence: tuple[Loc, ...] = ()


@dataclass(frozen=True)
class Earlier:
    """What a check needs of an earlier campaign: its contract and its deadline ids."""

    contract: Contract
    deadlines: frozenset[str]


@dataclass(frozen=True)
class CheckContext:
    """What a criterion's predicate is checked against once the contract is known: the
    contract, the sheet of the criterion's subjects, the earlier campaigns it may look back
    to (by id), the ``previous`` chain's ids in order, and — inside a look-back, where the
    predicate is evaluated with that campaign's facts — that campaign's deadline ids (None
    at the top level, where the campaign file's own checks cover them)."""

    contract: Contract
    sheet: str
    campaigns: Mapping[str, Earlier] = dataclasses.field(default_factory=dict)
    chain: tuple[str, ...] = ()
    deadlines: frozenset[str] | None = None

    def subject_column(self, key: str) -> Column | None:
        """The subject sheet's column ``key``, when it is declared."""
        sheet = self.contract.sheet(self.sheet)
        return sheet.column(key) if sheet.has(key) else None


def problem(loc: KeyPath, code: str, vi: str, en: str) -> Problem:
    """A config problem of a predicate, at ``loc`` (a path in the campaign file)."""
    return Problem(code, loc, vi, en)


class Rule(BaseModel):
    """A predicate type: pydantic fields, plus test, describe and (optionally) check."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def check(self, ctx: CheckContext, loc: KeyPath) -> Iterator[Problem]:
        """Problems of this predicate against the contract (none by default)."""
        return iter(())

    def describe(self, words: Words) -> str:  # pragma: no cover - every type overrides it
        raise NotImplementedError

    def test(self, subject: Subject, facts: Facts) -> Verdict:  # pragma: no cover
        raise NotImplementedError


def in_campaign(loc: Loc, campaign: str) -> Loc:
    """An evidence row of an earlier campaign, labelled with that campaign's id."""
    return dataclasses.replace(loc, campaign=campaign)


def shown(col: Column | None, key: str, value: object) -> str:
    """How a reason shows a subject's value: internal columns' values are never shown."""
    header = col.header if col is not None else key
    if value is None:
        return f"{header}: chưa có giá trị"
    if col is not None and not col.public:
        return f"{header}: (nội bộ)"
    if col is not None and col.kind == Kind.RATING:
        value = next((label for c, label in col.ratings if c == value), value)
    unit = "%" if col is not None and col.kind == Kind.PERCENT else ""
    return f"{header}: {as_text(value)}{unit}"


def as_text(value: object) -> str:
    """A value as a sentence shows it: dd/mm/yyyy, Có/Không, 85,5."""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, tuple | list):
        return "; ".join(as_text(v) for v in value)
    return str(value)
