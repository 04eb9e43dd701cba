"""A workbook's sheets matched to the contract's sheets, then normalised.

A file's sheets are found by name the way headers are matched (case, spacing and diacritics
aside, also TCVN3/VNI); a CSV file is its one sheet. A contract sheet the file lacks is a
located issue (``sheet-missing``), saying whether the sheet is only hidden. Runs in the loader
worker (:mod:`generator.read.worker`), so both cores normalise.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.read.columns import Sheet
from generator.read.issues import Issue
from generator.read.normalise.reader import read_table
from generator.read.normalise.table import Table
from generator.read.raw import RawWorkbook
from generator.read.text import detect_legacy_encoding, header_key


def normalise_workbook(
    workbook: RawWorkbook, sheets: Sequence[Sheet], rel: str
) -> tuple[list[Table | None], list[Issue]]:
    """One table per contract sheet, in order (None where the file lacks it), and the issues
    of the sheets it lacks, in the same order."""
    tables: list[Table | None] = []
    issues: list[Issue] = []
    for sheet in sheets:
        table = sheet_table(workbook, sheet, rel)
        if table is None:
            issues.append(sheet_missing(workbook, sheet, rel))
        tables.append(table)
    return tables, issues


def sheet_table(workbook: RawWorkbook, sheet: Sheet, rel: str) -> Table | None:
    """The contract sheet read from the workbook, or None when the workbook lacks it."""
    if rel.endswith(".csv") and len(workbook.sheets) == 1:
        raw = next(iter(workbook.sheets.values()))
        return read_table(raw, sheet, rel)
    wanted = sheet_key(sheet.name)
    for name, raw in workbook.sheets.items():
        if sheet_key(name) == wanted:
            return read_table(raw, sheet, rel)
    return None


def sheet_key(name: str) -> str:
    """Sheet names match like headers: case, spacing and diacritics aside (also TCVN3/VNI)."""
    legacy = detect_legacy_encoding(name)
    return header_key(legacy[1] if legacy else name)


def sheet_missing(workbook: RawWorkbook, sheet: Sheet, rel: str) -> Issue:
    """The issue for a contract sheet the workbook lacks (or only holds hidden)."""
    hidden = any(sheet_key(n) == sheet_key(sheet.name) for n in workbook.hidden_sheets)
    found = ", ".join(f"“{n}”" for n in workbook.sheets) or "không có"
    if hidden:
        vi = f"Trang tính “{sheet.name}” đang bị ẩn nên không được đọc: hãy hiện trang tính."
        en = f"Sheet '{sheet.name}' is hidden, and hidden sheets are never read: unhide it."
    else:
        vi = (
            f"Thiếu trang tính “{sheet.name}” (các trang tính có trong tệp: {found}): hãy "
            "đặt đúng tên trang tính."
        )
        en = f"Sheet '{sheet.name}' is missing (sheets found: {', '.join(workbook.sheets)})."
    return Issue("sheet-missing", "error", vi, en, file=rel, sheet=sheet.name)
