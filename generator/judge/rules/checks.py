"""Every criterion's predicate checked against the data contract (and the contracts of the
campaigns it looks back to), once the contract is resolved: the problems as located
:class:`Problem` records (an undeclared column, an unknown register, an operator the
column's kind has no meaning for, a value that does not fit it, ``previous: N`` beyond the
chain)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from generator.judge.config_errors import Problem
from generator.judge.rules.base import COLLECTIVE_SHEET, INDIVIDUAL_SHEET, CheckContext, Earlier

if TYPE_CHECKING:  # the config imports the rules; only its type is needed here
    from generator.judge.config import Config


def predicate_problems(
    config: Config, campaigns: Mapping[str, Earlier], chain: tuple[str, ...]
) -> list[Problem]:
    """The problems of every criterion's predicate, in file order."""
    found: list[Problem] = []
    for part, sheet in (("collective", COLLECTIVE_SHEET), ("individual", INDIVIDUAL_SHEET)):
        ctx = CheckContext(config.data_contract, sheet, campaigns, chain)
        for n, criterion in enumerate(getattr(config.criteria, part)):
            found += criterion.predicate.check(ctx, ("criteria", part, n, "predicate"))
    return found
