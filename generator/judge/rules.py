"""Rules as data: the predicate vocabulary of criteria.

Each predicate type is a pydantic model (so the config validates it) that knows how to test
a subject against the facts and how to say itself in one Vietnamese sentence. Add a type
here, add it to ``Predicate``, document it in docs/config.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from generator.judge.model import Discipline, Initiative, Loc, Nominee, Submission
from generator.read.columns import RATINGS

Subject = Nominee | Submission


class Facts(Protocol):
    """What predicates may ask about the campaign (implemented in evaluate.py)."""

    def deadline(self, deadline_id: str) -> dt.date: ...
    def period(self) -> tuple[dt.date, dt.date]: ...
    def initiatives_by(self, staff_code: str) -> list[Initiative]: ...
    def initiatives_of_unit(self, unit: str) -> list[Initiative]: ...
    def disciplines_of(self, staff_code: str) -> list[Discipline]: ...


@dataclass(frozen=True)
class Verdict:
    met: bool
    reason: str
    evidence: tuple[Loc, ...] = ()


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_YES_COLUMNS = {"Thực hiện tốt nhiệm vụ CCHC": "good_cchc", "Báo cáo thành tích": "report"}


class YesRule(_Rule):
    """A yes/no column is 'yes'."""

    type: Literal["is_yes"]
    column: Literal["Thực hiện tốt nhiệm vụ CCHC", "Báo cáo thành tích"] = Field(
        description="Header of the yes/no column to test."
    )

    def describe(self) -> str:
        return f"Hồ sơ đề nghị ghi “Có” ở mục “{self.column}”."

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        value = bool(getattr(subject, _YES_COLUMNS[self.column]))
        return Verdict(value, f"{self.column}: {'Có' if value else 'Không'}", (subject.loc,))


class RatingRule(_Rule):
    """The subject's yearly rating equals the given code."""

    type: Literal["rating_is"]
    rating: Literal["HTXSNV", "HTTNV", "HTNV", "KHTNV"] = Field(description="Rating code.")

    def describe(self) -> str:
        return f"Được xếp loại “{RATINGS[self.rating]}” ({self.rating})."

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        actual = RATINGS.get(subject.rating or "", subject.rating or "chưa xếp loại")
        return Verdict(subject.rating == self.rating, f"Xếp loại: {actual}", (subject.loc,))


class TasksOnTimeRule(_Rule):
    """Every assigned task was done on time, and at least ``min_assigned`` were assigned."""

    type: Literal["all_tasks_on_time"]
    min_assigned: int = Field(
        1,
        ge=1,
        description="Least number of assigned tasks, 1 or more (with no task assigned, no "
        "task was done on time: 0 would let '0/0' count as all on time, so it is refused).",
    )

    def describe(self) -> str:
        return (
            "Hoàn thành đúng hạn tất cả nhiệm vụ được giao "
            f"(số nhiệm vụ đúng hạn bằng số nhiệm vụ được giao, ít nhất {self.min_assigned})."
        )

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        assigned = getattr(subject, "tasks_assigned", None) or 0
        on_time = getattr(subject, "tasks_on_time", None) or 0
        met = assigned >= self.min_assigned and on_time == assigned
        reason = f"Đúng hạn {on_time}/{assigned} nhiệm vụ được giao"
        return Verdict(met, reason, (subject.loc,))


class InitiativesRule(_Rule):
    """At least N initiatives recognised by the Initiative Council by a deadline."""

    type: Literal["recognised_initiatives"]
    scope: Literal["author", "department"] = Field(
        description="author: the nominee is an author; department: any initiative of the unit."
    )
    at_least: int = Field(1, ge=1, description="Least number of recognised initiatives.")
    recognised_by: str = Field(description="Id of the deadline recognition must not be after.")

    def describe(self) -> str:
        whose = "của cá nhân (tác giả hoặc đồng tác giả)"
        if self.scope == "department":
            whose = "của phòng, bộ phận (tập thể hoặc cá nhân thuộc phòng)"
        return (
            f"Có ít nhất {self.at_least} sáng kiến {whose} được Hội đồng Sáng kiến công nhận "
            "không muộn hơn hạn nộp hồ sơ."
        )

    def counted(self, subject: Subject, facts: Facts) -> list[Initiative]:
        limit = facts.deadline(self.recognised_by)
        pool = (
            facts.initiatives_of_unit(subject.unit)
            if self.scope == "department"
            else facts.initiatives_by(getattr(subject, "staff_code", ""))
        )
        return [i for i in pool if i.recognised and i.decision_date and i.decision_date <= limit]

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        found = self.counted(subject, facts)
        codes = ", ".join(i.code for i in found) or "không có"
        reason = f"Sáng kiến được công nhận đúng hạn: {codes}"
        return Verdict(len(found) >= self.at_least, reason, tuple(i.loc for i in found))


class NoDisciplineRule(_Rule):
    """No disciplinary decision in effect during the period, and a self-report of 'Không'."""

    type: Literal["no_discipline"]

    def describe(self) -> str:
        return (
            "Không bị xử lý kỷ luật trong thời gian thi đua (theo sổ theo dõi kỷ luật và "
            "bản tự khai)."
        )

    def in_effect(self, subject: Subject, facts: Facts) -> list[Discipline]:
        start, end = facts.period()
        return [
            d
            for d in facts.disciplines_of(getattr(subject, "staff_code", ""))
            if d.decided <= end and effective_end(d) >= start
        ]

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        self_report = getattr(subject, "discipline_self", None) or "Không"
        found = self.in_effect(subject, facts)
        if found:
            forms = ", ".join(f"{d.form} ({d.decided:%d/%m/%Y})" for d in found)
            return Verdict(
                False, f"Quyết định kỷ luật còn hiệu lực: {forms}", tuple(d.loc for d in found)
            )
        if self_report != "Không":
            return Verdict(False, f"Tự khai kỷ luật: {self_report}", (subject.loc,))
        return Verdict(True, "Không có quyết định kỷ luật trong thời gian thi đua", (subject.loc,))


def effective_end(decision: Discipline) -> dt.date:
    """Last day a decision is in effect: as recorded, else one year after the decision."""
    if decision.expires:
        return decision.expires
    try:
        return decision.decided.replace(year=decision.decided.year + 1)
    except ValueError:  # 29 February
        return decision.decided.replace(year=decision.decided.year + 1, day=28)


class AllOfRule(_Rule):
    """Every part holds."""

    type: Literal["all_of"]
    parts: list[Predicate] = Field(min_length=1, description="Predicates that must all hold.")

    def describe(self) -> str:
        return " ".join(p.describe() for p in self.parts)

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        verdicts = [p.test(subject, facts) for p in self.parts]
        evidence = tuple(dict.fromkeys(loc for v in verdicts for loc in v.evidence))
        reason = "; ".join(v.reason for v in verdicts)
        return Verdict(all(v.met for v in verdicts), reason, evidence)


Predicate = Annotated[
    YesRule | RatingRule | TasksOnTimeRule | InitiativesRule | NoDisciplineRule | AllOfRule,
    Field(discriminator="type"),
]
AllOfRule.model_rebuild()
