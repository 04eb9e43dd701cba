"""Predicates on the subject's yearly rating: ``rating_is`` and ``rating_at_least`` (the
contract's ratings, best first)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from generator.judge.config_errors import Loc as KeyPath
from generator.judge.config_errors import Problem
from generator.judge.rules.base import CheckContext, Facts, Rule, Subject, Verdict
from generator.judge.rules.words import Words
from generator.read.columns import Rating


def _rating_problem(ratings: tuple[Rating, ...], code: str, loc: KeyPath) -> Iterator[Problem]:
    codes = [c for c, _ in ratings]
    if code not in codes:
        listed = ", ".join(codes)
        yield Problem(
            "config-invalid",
            (*loc, "rating"),
            f"“{code}” không phải một mức xếp loại của hợp đồng dữ liệu ({listed})",
            f"'{code}' is not a rating of the data contract ({listed})",
        )


def _actual(subject: Subject, facts: Facts) -> str:
    code = subject.rating
    return next((label for c, label in facts.ratings() if c == code), code or "chưa xếp loại")


class RatingRule(Rule):
    """The subject's yearly rating equals the given code."""

    type: Literal["rating_is"]
    rating: str = Field(description="Rating code (one of the contract's `ratings`).")

    def check(self, ctx: CheckContext, loc: KeyPath) -> Iterator[Problem]:
        return _rating_problem(ctx.contract.ratings, self.rating, loc)

    def describe(self, words: Words) -> str:
        return f"Được xếp loại “{words.rating(self.rating)}” ({self.rating})."

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        reason = f"Xếp loại: {_actual(subject, facts)}"
        return Verdict(subject.rating == self.rating, reason, (subject.loc,))


class RatingAtLeastRule(Rule):
    """The subject's yearly rating is the given level or a better one."""

    type: Literal["rating_at_least"]
    rating: str = Field(description="The lowest rating code that meets it.")

    def check(self, ctx: CheckContext, loc: KeyPath) -> Iterator[Problem]:
        return _rating_problem(ctx.contract.ratings, self.rating, loc)

    def describe(self, words: Words) -> str:
        codes = [c for c, _ in words.ratings]
        met = codes[: codes.index(self.rating) + 1] if self.rating in codes else [self.rating]
        levels = ", ".join(f"“{words.rating(c)}”" for c in met)
        return (
            f"Được xếp loại từ mức “{words.rating(self.rating)}” ({self.rating}) trở lên "
            f"(các mức đạt: {levels})."
        )

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        codes = [c for c, _ in facts.ratings()]
        met = (
            subject.rating in codes
            and self.rating in codes
            and codes.index(subject.rating or "") <= codes.index(self.rating)
        )
        return Verdict(met, f"Xếp loại: {_actual(subject, facts)}", (subject.loc,))
