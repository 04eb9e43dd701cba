"""Whether the tests run under CI, where a missing tool fails a test instead of skipping it.

CI services set ``CI`` (GitHub Actions: ``true``; others ``1``, ``yes``, ``True`` …). Any
value but an empty one or an explicit no (``0``, ``false``, ``no``, ``off``) counts.
"""

from __future__ import annotations

import os

import pytest

_NO = frozenset({"", "0", "false", "no", "off", "n"})


def under_ci() -> bool:
    """True when the ``CI`` environment variable holds a true value."""
    return os.environ.get("CI", "").strip().casefold() not in _NO


def unavailable(reason: str) -> None:
    """Skip a test whose tool is missing, or fail it under CI where it must run."""
    if under_ci():
        pytest.fail(f"cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason)
