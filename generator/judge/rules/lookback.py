"""``lookback``: in EACH of some earlier campaigns (named, or the previous N of the
``previous`` chain) the subject — matched by staff code or unit code — met a predicate
(evaluated there, on its record there, with that campaign's facts) or ended with one of
the given statuses in that campaign's results. Absent from one of them: not met, and the
reason says so. Every evidence row names the campaign it comes from.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field, field_validator, model_validator

from generator.judge.config_errors import Loc as KeyPath
from generator.judge.config_errors import Problem, at_keys
from generator.judge.model import Loc, Nominee, Status
from generator.judge.rules.base import (
    COLLECTIVE_SHEET,
    CheckContext,
    Facts,
    Past,
    Rule,
    Subject,
    Verdict,
    in_campaign,
)
from generator.judge.rules.logic import clause
from generator.judge.rules.words import Words

if TYPE_CHECKING:  # the union is built from these classes (rules/__init__.py)
    from generator.judge.rules import Predicate


def lower_first(sentence: str) -> str:
    """A sentence continued after a comma: its first letter in lower case."""
    return sentence[:1].lower() + sentence[1:]


class LookbackRule(Rule):
    """In each of the given earlier campaigns the subject met a predicate or a status."""

    type: Literal["lookback"]
    campaigns: list[str] = Field(
        default_factory=list, description="Ids of the earlier campaigns (site_config/<id>.yml)."
    )
    previous: int | None = Field(
        None, ge=1, description="Instead of campaigns: the N campaigns before this one."
    )
    by: Literal["staff_code", "unit"] = Field(
        description="How the subject is found there: staff_code (individuals) or unit."
    )
    condition: Predicate | None = Field(
        None, alias="test", description="`test`: the predicate met there, on the record there."
    )
    status: list[str] = Field(
        default_factory=list, description="Instead of test: statuses it ended with there."
    )

    @field_validator("status")
    @classmethod
    def _known_statuses(cls, value: list[str]) -> list[str]:
        known = [s.value for s in Status]
        wrong = [v for v in value if v not in known]
        if wrong:
            raise ValueError(f"no status {', '.join(wrong)} (statuses: {', '.join(known)})")
        return value

    @model_validator(mode="after")
    def _one_of_each(self) -> LookbackRule:
        problems: list[tuple[KeyPath, str]] = []
        if bool(self.campaigns) == (self.previous is not None):
            problems.append((("campaigns",), "give exactly one of campaigns and previous"))
        if (self.condition is None) == (not self.status):
            problems.append((("status",), "give exactly one of test and status"))
        if problems:
            raise at_keys(*problems)
        return self

    def targets(self, chain: tuple[str, ...]) -> tuple[str, ...]:
        """The ids of the campaigns looked at, given the ``previous`` chain."""
        return tuple(self.campaigns) if self.campaigns else chain[: self.previous or 0]

    def check(self, ctx: CheckContext, loc: KeyPath) -> Iterator[Problem]:
        collective = ctx.sheet == COLLECTIVE_SHEET
        if collective != (self.by == "unit"):
            yield Problem(
                "config-invalid",
                (*loc, "by"),
                "tập thể đối chiếu theo mã đơn vị (by: unit), cá nhân theo mã cán bộ (by: staff_code)",
                "departments are matched by unit, individuals by staff_code",
            )
        if self.previous is not None and self.previous > len(ctx.chain):
            found = ", ".join(ctx.chain) or "không có"
            yield Problem(
                "config-lookback-too-far",
                (*loc, "previous"),
                f"cần {self.previous} đợt liền trước nhưng chuỗi previous chỉ có {len(ctx.chain)} ({found})",
                f"needs {self.previous} earlier campaigns but the previous chain has "
                f"{len(ctx.chain)} ({', '.join(ctx.chain) or 'none'})",
            )
        if self.condition is None:
            return
        seen: set[tuple[str, KeyPath]] = set()
        for campaign_id in self.targets(ctx.chain):
            earlier = ctx.campaigns.get(campaign_id)
            if earlier is None:
                continue  # reported as an unknown campaign
            there = CheckContext(earlier.contract, ctx.sheet, ctx.campaigns, (), earlier.deadlines)
            for found_problem in self.condition.check(there, (*loc, "test")):
                if (found_problem.code, found_problem.loc) not in seen:
                    seen.add((found_problem.code, found_problem.loc))
                    yield found_problem

    def describe(self, words: Words) -> str:
        ids = self.targets(words.chain)
        names = " và ".join(words.campaign(c) for c in ids) or "các đợt trước"
        if self.campaigns:
            where = f"Trong {'mỗi đợt thi đua' if len(ids) > 1 else 'đợt thi đua'} {names}"
        elif self.previous == 1:
            where = f"Trong đợt thi đua liền trước {names}"
        else:
            where = f"Trong mỗi {self.previous} đợt thi đua liền trước ({names})"
        if self.condition is not None:
            what = lower_first(clause(self.condition.describe(words)))
        else:
            what = "kết quả cuối cùng là " + " hoặc ".join(
                f"“{Status(s).label}”" for s in self.status
            )
        by = "mã cán bộ" if self.by == "staff_code" else "mã đơn vị"
        return f"{where}: {what} (đối chiếu theo {by})."

    def _one(self, past: Past, subject: Subject) -> Verdict:
        key = subject.staff_code if isinstance(subject, Nominee) else subject.unit
        record = past.nominee(key) if self.by == "staff_code" else past.submission(subject.unit)
        if record is None:
            return Verdict(False, "không có tên trong danh sách đề nghị của đợt này")
        if self.condition is not None:
            inner = self.condition.test(record, past.facts())
            return Verdict(
                inner.met, inner.reason, tuple(_there(loc, past) for loc in inner.evidence)
            )
        kind = "individual" if self.by == "staff_code" else "collective"
        status = past.status(kind, key)
        label = Status(status).label if status else "không có kết quả"
        return Verdict(status in self.status, f"kết quả: {label}", (_there(record.loc, past),))

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        ids = self.targets(facts.previous(self.previous or 0) if self.previous else ())
        if not ids:
            return Verdict(False, "Không có đợt thi đua trước để đối chiếu")
        verdicts = []
        for campaign_id in ids:
            past = facts.campaign(campaign_id)
            one = self._one(past, subject) if past else Verdict(False, "không có dữ liệu")
            verdicts.append((campaign_id, one))
        reason = "; ".join(f"Đợt {c}: {v.reason}" for c, v in verdicts)
        evidence = tuple(dict.fromkeys(loc for _, v in verdicts for loc in v.evidence))
        return Verdict(all(v.met for _, v in verdicts), reason, evidence)


def _there(loc: Loc, past: Past) -> Loc:
    return loc if loc.campaign else in_campaign(loc, past.id)
