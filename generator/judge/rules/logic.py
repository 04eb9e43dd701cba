"""Predicates made of predicates: ``all_of``, ``any_of`` and ``not``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from generator.judge.config_errors import Loc as KeyPath
from generator.judge.config_errors import Problem
from generator.judge.rules.base import CheckContext, Facts, Rule, Subject, Verdict
from generator.judge.rules.words import Words

if TYPE_CHECKING:  # the union is built from these classes (rules/__init__.py)
    from generator.judge.rules import Predicate


def clause(sentence: str) -> str:
    """A part's sentence inside a longer one: without its final full stop."""
    return sentence.rstrip().removesuffix(".")


def _evidence(verdicts: list[Verdict]) -> tuple:  # type: ignore[type-arg]
    return tuple(dict.fromkeys(loc for v in verdicts for loc in v.evidence))


class AllOfRule(Rule):
    """Every part holds."""

    type: Literal["all_of"]
    parts: list[Predicate] = Field(min_length=1, description="Predicates that must all hold.")

    def check(self, ctx: CheckContext, loc: KeyPath) -> Iterator[Problem]:
        for n, part in enumerate(self.parts):
            yield from part.check(ctx, (*loc, "parts", n))

    def describe(self, words: Words) -> str:
        return " ".join(p.describe(words) for p in self.parts)

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        verdicts = [p.test(subject, facts) for p in self.parts]
        reason = "; ".join(v.reason for v in verdicts)
        return Verdict(all(v.met for v in verdicts), reason, _evidence(verdicts))


class AnyOfRule(Rule):
    """At least one part holds."""

    type: Literal["any_of"]
    parts: list[Predicate] = Field(
        min_length=1, description="Predicates of which at least one must hold."
    )

    def check(self, ctx: CheckContext, loc: KeyPath) -> Iterator[Problem]:
        for n, part in enumerate(self.parts):
            yield from part.check(ctx, (*loc, "parts", n))

    def describe(self, words: Words) -> str:
        listed = "; ".join(
            f"({n}) {clause(p.describe(words))}" for n, p in enumerate(self.parts, 1)
        )
        return f"Đạt ít nhất một trong các điều kiện sau: {listed}."

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        verdicts = [p.test(subject, facts) for p in self.parts]
        met = [v for v in verdicts if v.met]
        reason = " hoặc ".join(f"({n}) {v.reason}" for n, v in enumerate(verdicts, 1))
        return Verdict(bool(met), reason, _evidence(met or verdicts))


class NotRule(Rule):
    """The part does not hold."""

    type: Literal["not"]
    part: Predicate = Field(description="The predicate that must not hold.")

    def check(self, ctx: CheckContext, loc: KeyPath) -> Iterator[Problem]:
        return self.part.check(ctx, (*loc, "part"))

    def describe(self, words: Words) -> str:
        return f"Không thuộc trường hợp sau: {clause(self.part.describe(words))}."

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        inner = self.part.test(subject, facts)
        reason = f"{inner.reason} ({'thuộc' if inner.met else 'không thuộc'} trường hợp loại trừ)"
        return Verdict(not inner.met, reason, inner.evidence)
