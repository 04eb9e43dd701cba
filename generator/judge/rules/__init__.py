"""Rules as data: the predicate vocabulary of criteria.

Each predicate type is a pydantic model (so the config validates it) that tests a subject
against the campaign's facts (``test(subject, facts) -> Verdict``), says itself in one
Vietnamese sentence (``describe(words)``) and checks itself against the data contract
(``check``: an undeclared column, an operator the column's kind has no meaning for, a value
that does not fit it). Add a type in a module here, add it to ``Predicate``, document it
in docs/config.md and in the staff guide (content/huong-dan/dieu-kien.md).

Modules: ``base`` (subject, facts, verdict), ``words`` (what a sentence may name),
``conditions`` (one column against a value), ``columns`` (``is_yes``, ``compare``),
``ratings``, ``founding`` (tasks, initiatives, discipline), ``counting`` (``count_rows``),
``logic`` (``all_of``, ``any_of``, ``not``), ``lookback``, ``checks`` (every criterion
against the contract).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from generator.judge.rules.base import Facts, Past, Subject, Verdict, value_of
from generator.judge.rules.columns import CompareRule, YesRule
from generator.judge.rules.conditions import Condition
from generator.judge.rules.counting import CountRowsRule
from generator.judge.rules.founding import (
    InitiativesRule,
    NoDisciplineRule,
    TasksOnTimeRule,
    effective_end,
)
from generator.judge.rules.logic import AllOfRule, AnyOfRule, NotRule
from generator.judge.rules.lookback import LookbackRule
from generator.judge.rules.ratings import RatingAtLeastRule, RatingRule
from generator.judge.rules.words import Words, words_for

Predicate = Annotated[
    YesRule
    | CompareRule
    | RatingRule
    | RatingAtLeastRule
    | TasksOnTimeRule
    | InitiativesRule
    | NoDisciplineRule
    | CountRowsRule
    | AllOfRule
    | AnyOfRule
    | NotRule
    | LookbackRule,
    Field(discriminator="type"),
]
for _composite in (AllOfRule, AnyOfRule, NotRule, LookbackRule):
    _composite.model_rebuild(_types_namespace={"Predicate": Predicate})

# The predicates that count something: ``count(subject, facts) -> int`` (Outcome.counts).
Counting = InitiativesRule | CountRowsRule

__all__ = [
    "AllOfRule",
    "AnyOfRule",
    "CompareRule",
    "Condition",
    "CountRowsRule",
    "Counting",
    "Facts",
    "InitiativesRule",
    "LookbackRule",
    "NoDisciplineRule",
    "NotRule",
    "Past",
    "Predicate",
    "RatingAtLeastRule",
    "RatingRule",
    "Subject",
    "TasksOnTimeRule",
    "Verdict",
    "Words",
    "YesRule",
    "effective_end",
    "value_of",
    "words_for",
]
