"""The founding campaign's own predicates: tasks on time, recognised initiatives (a
counting predicate) and no discipline in effect."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from generator.judge.config_errors import Loc as KeyPath
from generator.judge.config_errors import Problem
from generator.judge.model import Discipline, Initiative
from generator.judge.rules.base import CheckContext, Facts, Rule, Subject, Verdict
from generator.judge.rules.words import Words


class TasksOnTimeRule(Rule):
    """Every assigned task was done on time, and at least ``min_assigned`` were assigned."""

    type: Literal["all_tasks_on_time"]
    min_assigned: int = Field(
        1,
        ge=1,
        description="Least number of assigned tasks, 1 or more (with no task assigned, no "
        "task was done on time: 0 would let '0/0' count as all on time, so it is refused).",
    )

    def describe(self, words: Words) -> str:
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


class InitiativesRule(Rule):
    """At least N initiatives recognised by the Initiative Council by a deadline."""

    type: Literal["recognised_initiatives"]
    scope: Literal["author", "department"] = Field(
        description="author: the nominee is an author; department: any initiative of the unit."
    )
    at_least: int = Field(1, ge=1, description="Least number of recognised initiatives.")
    recognised_by: str = Field(description="Id of the deadline recognition must not be after.")

    def check(self, ctx: CheckContext, loc: KeyPath) -> Iterator[Problem]:
        """Inside a look-back, ``recognised_by`` names a deadline of that campaign."""
        if ctx.deadlines is not None and self.recognised_by not in ctx.deadlines:
            listed = ", ".join(sorted(ctx.deadlines)) or "không có"
            yield Problem(
                "config-unknown-reference",
                (*loc, "recognised_by"),
                f"đợt được đối chiếu không có hạn nào có id “{self.recognised_by}”; các id: {listed}",
                f"the campaign looked back to has no deadline '{self.recognised_by}' "
                f"(deadlines: {listed})",
            )

    def describe(self, words: Words) -> str:
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

    def count(self, subject: Subject, facts: Facts) -> int:
        """How many initiatives it counts for the subject."""
        return len(self.counted(subject, facts))

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        found = self.counted(subject, facts)
        codes = ", ".join(i.code for i in found) or "không có"
        reason = f"Sáng kiến được công nhận đúng hạn: {codes}"
        return Verdict(len(found) >= self.at_least, reason, tuple(i.loc for i in found))


class NoDisciplineRule(Rule):
    """No disciplinary decision in effect during the period, and a self-report of 'Không'."""

    type: Literal["no_discipline"]

    def describe(self, words: Words) -> str:
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
