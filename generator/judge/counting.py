"""Which criteria count something (a ranking key may rank by that number), and the count."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.judge.rules import Facts, InitiativesRule, Subject

Counter = Callable[[Subject, Facts], int]


def counter(predicate: Any) -> Counter | None:
    """The predicate's count (``count(subject, facts)``), or None when it counts nothing.
    ``recognised_initiatives`` counts the initiatives it recognised."""
    count = getattr(predicate, "count", None)
    if callable(count):
        return count  # type: ignore[no-any-return]
    if isinstance(predicate, InitiativesRule):
        rule = predicate
        return lambda subject, facts: len(rule.counted(subject, facts))
    return None
