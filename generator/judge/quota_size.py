"""How many candidates a quota lets in: a count, or a share of a base rounded as the plan says.

Exact arithmetic (fractions from the decimal as written): 15 % of 20 is 3, never
3.0000000000000004 rounded up to 4.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from generator.judge.config_awards import Quota


def quota_size(quota: Quota, base: int | float) -> int:
    """The quota of a group whose base (proposed candidates, units or staff) is ``base``."""
    if quota.count is not None:
        return quota.count
    assert quota.share is not None  # the model allows exactly one of count and share
    exact = _exact(quota.share) * _exact(base) / 100
    return max(quota.minimum, _round(exact, quota.rounding or "down"))


def _exact(value: int | float) -> Fraction:
    return Fraction(Decimal(str(value)))


def _round(value: Fraction, rounding: str) -> int:
    if rounding == "up":
        return math.ceil(value)
    if rounding == "half_up":
        return math.floor(value + Fraction(1, 2))
    return math.floor(value)
