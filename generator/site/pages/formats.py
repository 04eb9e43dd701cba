"""How numbers, dates and sizes are written for a Vietnamese reader (``1.234``, ``12,5 %``)."""

from __future__ import annotations

import datetime as dt


def fmt_date(value: dt.date | None, missing: str = "—") -> str:
    """``dd/mm/yyyy``; ``missing`` when there is no date."""
    return value.strftime("%d/%m/%Y") if value else missing


def fmt_int(value: int) -> str:
    """Thousands separated by dots: ``1.234``."""
    return f"{value:,}".replace(",", ".")


def fmt_decimal(value: float, places: int = 1) -> str:
    """Decimal comma, thousands dots: ``1.234,5``."""
    return f"{value:,.{places}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def fmt_percent(value: float | None) -> str:
    """A share as a percentage, ``62,5 %``; ``—`` when unknown."""
    return "—" if value is None else fmt_decimal(value * 100) + " %"


def fmt_size(size: int) -> str:
    """A file size in byte, KB or MB."""
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return fmt_decimal(size / 1024) + " KB"
    return fmt_decimal(size / 1024 / 1024) + " MB"
