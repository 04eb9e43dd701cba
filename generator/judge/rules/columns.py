"""Predicates on one column of the subject's own row: ``is_yes`` and ``compare``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from generator.judge.config_errors import Loc as KeyPath
from generator.judge.config_errors import Problem
from generator.judge.rules.base import (
    CheckContext,
    Facts,
    Rule,
    Subject,
    Verdict,
    record_keys,
    sheet_of,
    shown,
    value_of,
)
from generator.judge.rules.conditions import Condition, condition_problems
from generator.judge.rules.words import Words
from generator.read.columns import Column, Kind


def column_problem(
    ctx: CheckContext, key: str, loc: KeyPath
) -> tuple[Column | None, list[Problem]]:
    """The subject sheet's column ``key``, or the problem: not declared, or declared but not
    kept on the record (only the record's columns and the campaign's extra columns are)."""
    sheet = ctx.contract.sheet(ctx.sheet)
    col = ctx.subject_column(key)
    if col is None:
        listed = ", ".join(c.key for c in sheet.columns)
        return None, [
            Problem(
                "config-unknown-reference",
                loc,
                f"trang tính “{sheet.name}” ({ctx.sheet}) không có cột khóa “{key}”; các khóa: {listed}",
                f"sheet '{ctx.sheet}' declares no column '{key}' (keys: {listed})",
            )
        ]
    if key not in record_keys(ctx.sheet) and not col.extra:
        return None, [
            Problem(
                "config-unknown-reference",
                loc,
                f"cột “{col.header}” được đọc nhưng không được giữ lại để xét; hãy khai báo nó "
                "là cột bổ sung (contract.columns)",
                f"column '{key}' is read but not kept on the record: declare it under "
                "contract.columns to test it",
            )
        ]
    return col, []


class YesRule(Rule):
    """A yes/no column is 'yes'."""

    type: Literal["is_yes"]
    column: str = Field(description="Key of the yes/no column to test.")

    def check(self, ctx: CheckContext, loc: KeyPath) -> Iterator[Problem]:
        col, found = column_problem(ctx, self.column, (*loc, "column"))
        yield from found
        if col is not None and col.kind != Kind.YESNO:
            yield Problem(
                "config-kind-mismatch",
                (*loc, "column"),
                f"is_yes cần một cột có/không; cột “{col.header}” là {col.kind.value} (dùng compare)",
                f"is_yes needs a yesno column; '{self.column}' is {col.kind.value} (use compare)",
            )

    def describe(self, words: Words) -> str:
        return f"Hồ sơ đề nghị ghi “Có” ở mục “{words.header(self.column)}”."

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        col = facts.column(sheet_of(subject), self.column)
        value = value_of(subject, self.column) is True
        return Verdict(value, shown(col, self.column, value), (subject.loc,))


class CompareRule(Condition, Rule):
    """A column of the subject's row compared with a value, two bounds or a list."""

    type: Literal["compare"]

    def check(self, ctx: CheckContext, loc: KeyPath) -> Iterator[Problem]:
        col, found = column_problem(ctx, self.column, (*loc, "column"))
        yield from found
        if col is not None:
            yield from condition_problems(self, col, loc)

    def describe(self, words: Words) -> str:
        header, kind = words.header(self.column), words.kind(self.column)
        return f"{self.sentence(header, kind, words.ratings)}."

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        col = facts.column(sheet_of(subject), self.column)
        actual = value_of(subject, self.column)
        met = col is not None and self.holds(actual, col)
        return Verdict(met, shown(col, self.column, actual), (subject.loc,))
