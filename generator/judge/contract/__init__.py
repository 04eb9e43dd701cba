"""The founding campaign's data contract (SPEC §3): its sheets, columns and file layout.

One declaration serves the reader (header matching, parsing), the validator (required,
unique), the templates command (drop-down lists) and the data dictionary of the open data.
The sheets are declared in :mod:`.registers` (the office's registers) and
:mod:`.departments` (a department's submission file); this package binds them to files.
"""

from __future__ import annotations

from generator.judge.contract.departments import NOMINEES, SUBMISSION
from generator.judge.contract.registers import COUNCIL, DISCIPLINE, INITIATIVES, UNITS
from generator.judge.contract.vocabulary import DISCIPLINE_FORMS, INITIATIVE_FIELDS, PROPOSALS
from generator.read.columns import NO_WORDS, RATINGS, YES_WORDS, Column, FileLayout, Kind, Sheet

__all__ = [
    "ALL_SHEETS",
    "COUNCIL",
    "DISCIPLINE",
    "DISCIPLINE_FORMS",
    "INITIATIVES",
    "INITIATIVE_FIELDS",
    "LAYOUT",
    "NOMINEES",
    "NO_WORDS",
    "PROPOSALS",
    "RATINGS",
    "SUBMISSION",
    "UNITS",
    "YES_WORDS",
    "Column",
    "FileLayout",
    "Kind",
    "Sheet",
]


ALL_SHEETS = (UNITS, INITIATIVES, DISCIPLINE, SUBMISSION, NOMINEES, COUNCIL)


LAYOUT = FileLayout(
    registers=(
        ("don-vi", UNITS, True),
        ("sang-kien", INITIATIVES, True),
        ("ky-luat", DISCIPLINE, True),
        ("hoi-dong", COUNCIL, False),
    ),
    department_folder="de-nghi",
    department_sheets=(SUBMISSION, NOMINEES),
    csv_parts={"tap-the": SUBMISSION, "ca-nhan": NOMINEES},
)
