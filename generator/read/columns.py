"""How a data contract is declared: value kinds, columns, sheets, and the file layout.

The reader (header matching, parsing by kind) works from these declarations; which sheets
and columns a campaign has is the contract's business (:mod:`generator.judge.contract`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from generator.read.text import header_key


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    NUMBER = "number"  # decimal, ',' or '.' as the decimal mark
    PERCENT = "percent"  # percentage points, 0–100 (see normalise.kinds)
    DATE = "date"
    YESNO = "yesno"
    RATING = "rating"
    CHOICE = "choice"
    LIST = "list"  # ';'-separated texts


# A rating level: (code, label), e.g. ("HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"). A contract
# lists its levels best first (the judge's ``ratings`` of the preset).
Rating = tuple[str, str]
YES_WORDS = ("có", "x", "yes", "1", "true", "đã có", "co")
NO_WORDS = ("không", "", "no", "0", "false", "khong", "chưa có")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: Kind = Kind.TEXT
    required: bool = False
    public: bool = True
    choices: tuple[str, ...] = ()
    description: str = ""
    # What an optional column's absence from the header row changes, (Vietnamese, English):
    # what will be blank or unknown, and which rule it matters for.
    absent: tuple[str, str] = ("", "")
    # Other headers accepted for this column, matched like the header itself.
    aliases: tuple[str, ...] = ()
    # Carried on the record's ``extra``: declared by the campaign on top of its preset, or a
    # public preset column the judge does not read itself (judge/contract/resolve.py).
    extra: bool = False
    # A rating column's levels (the contract's ratings, best first): a cell holds a code or
    # its label.
    ratings: tuple[Rating, ...] = ()

    @property
    def match_key(self) -> str:
        return header_key(self.header)

    @property
    def match_keys(self) -> frozenset[str]:
        """The header's and every alias's matching key (case, spacing, diacritics aside)."""
        return frozenset(header_key(h) for h in (self.header, *self.aliases))


@dataclass(frozen=True)
class Sheet:
    id: str
    name: str
    columns: tuple[Column, ...]
    unique: tuple[str, ...] = ()

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def has(self, key: str) -> bool:
        """True when the sheet declares a column with this key."""
        return any(c.key == key for c in self.columns)

    @property
    def extras(self) -> tuple[Column, ...]:
        """The columns carried on records' ``extra`` (the campaign's additions, and public preset
        columns the judge does not read)."""
        return tuple(c for c in self.columns if c.extra)

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    @property
    def optional(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.required)


@dataclass(frozen=True)
class FileLayout:
    """Where a campaign folder keeps its sheets.

    ``registers``: (file stem, sheet, required) of the office's own registers, one file each;
    ``department_folder``: the folder of the departments' submissions, one workbook (all of
    ``department_sheets``) or one folder of CSV files (``csv_parts``: file stem → sheet) each.
    """

    registers: tuple[tuple[str, Sheet, bool], ...]
    department_folder: str
    department_sheets: tuple[Sheet, ...]
    csv_parts: dict[str, Sheet] = field(default_factory=dict)


@dataclass(frozen=True)
class Contract:
    """A campaign's data contract: its sheets (by id) and where the folder keeps them."""

    id: str
    sheets: tuple[Sheet, ...]
    layout: FileLayout
    ratings: tuple[Rating, ...] = ()  # best first

    def sheet(self, sheet_id: str) -> Sheet:
        return next(s for s in self.sheets if s.id == sheet_id)

    def has_sheet(self, sheet_id: str) -> bool:
        """True when the contract declares a sheet with this id."""
        return any(s.id == sheet_id for s in self.sheets)

    def rating_label(self, code: str | None, default: str = "—") -> str:
        """The label of a rating code, or ``default`` when it is none of the contract's."""
        return next((label for c, label in self.ratings if c == code), default)

    @property
    def headers(self) -> frozenset[str]:
        """Every header (and alias) of every sheet."""
        return frozenset(h for s in self.sheets for c in s.columns for h in (c.header, *c.aliases))
