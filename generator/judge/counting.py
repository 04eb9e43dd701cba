"""Which criteria count something: ranking by a count (``{count: <criterion id>}``) and
``Outcome.counts`` read the number a criterion's counting predicate counts."""

from __future__ import annotations

from generator.judge.rules import AllOfRule, Counting, Predicate


def counting_rule(rule: Predicate) -> Counting | None:
    """The counting predicate (``recognised_initiatives``, ``count_rows``) a criterion is, or
    the first one an ``all_of`` holds; None when it counts nothing."""
    if isinstance(rule, Counting):
        return rule
    if isinstance(rule, AllOfRule):
        return next((c for p in rule.parts if (c := counting_rule(p)) is not None), None)
    return None
