"""What every part of the reader asks of raw cells: is a value blank, what text it shows
(whole numbers without ".0", dates as dd/mm/yyyy), and is a whole row blank."""

from __future__ import annotations

import datetime as dt

from generator.read.columns import Column
from generator.read.text import clean


def is_blank(value: object) -> bool:
    """True for no value, or text that is only white space."""
    return value is None or (isinstance(value, str) and not clean(value))


def cell_text(value: object) -> str:
    """The text a cell shows: whole numbers without ".0", dates as dd/mm/yyyy, cleaned."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    return clean(str(value))


def blank_row(cells: list[object], formulas: dict[int, bool], columns: dict[int, Column]) -> bool:
    """Blank: nothing in the contract's columns but an `STT` number (templates often number
    rows in advance) and formulas whose computed value is empty. A formula without a
    computed value is not blank: its value is unknown."""
    for index, col in columns.items():
        value = cells[index] if index < len(cells) else None
        if formulas.get(index) is False:
            return False
        if col.key != "seq" and not is_blank(value):
            return False
    return True
