"""Reading an optional value of a row as the type a record wants (absent or wrong: None)."""

from __future__ import annotations

import datetime as dt

from generator.read.normalise.table import Row


def opt(row: Row, key: str) -> str | None:
    """The value as text, or None."""
    value = row.get(key)
    return None if value is None else str(value)


def opt_int(row: Row, key: str) -> int | None:
    """The value if it is a whole number, else None."""
    value = row.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def opt_date(row: Row, key: str) -> dt.date | None:
    """The value if it is a date, else None."""
    value = row.get(key)
    return value if isinstance(value, dt.date) else None


def texts(row: Row, key: str) -> tuple[str, ...]:
    """A list value's items as text (empty when not a list)."""
    value = row.get(key)
    return tuple(str(v) for v in value) if isinstance(value, list) else ()
