"""Problems found in the input, as data.

Every stage reports problems as :class:`Issue` records; they are collected for the whole
input and reported once. ``code`` is a stable kebab-case identifier (documented in
``docs`` of the CLI), ``row`` is the row number as the spreadsheet shows it (1-based, title
rows counted) and ``column`` the column letter (``header`` carries the header text).
An issue in a text file (the campaign YAML) has ``row`` = the line, ``text_column`` = the
character column, and ``column`` = the dotted key it is about.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in the input, located as the spreadsheet shows it."""

    code: str
    severity: Severity
    message: str
    message_en: str = ""
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    header: str | None = None
    value: str | None = None
    text_column: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def key(self) -> tuple[str, str | None, str | None, int | None, str | None]:
        """The tuple tests compare: (code, file, sheet, row, column)."""
        return (self.code, self.file, self.sheet, self.row, self.column)

    def location(self) -> str:
        """'file › sheet › row 12 › column C (Họ và tên)', omitting what is unknown; in a
        text file 'file › dòng 31, cột 8 › khóa period.end'."""
        if self.text_column is not None:
            return self._text_location()
        parts = [p for p in (self.file, self.sheet) if p]
        if self.row is not None:
            parts.append(f"dòng {self.row}")
        if self.column:
            label = f"cột {self.column}"
            parts.append(f"{label} ({self.header})" if self.header else label)
        return " › ".join(parts)

    def _text_location(self) -> str:
        parts = [p for p in (self.file,) if p]
        if self.row is not None:
            parts.append(f"dòng {self.row}, cột {self.text_column}")
        if self.column:
            parts.append(f"khóa {self.column}")
        return " › ".join(parts)

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "header": self.header,
            "value": self.value,
            "text_column": self.text_column,
            "message": self.message,
            "message_en": self.message_en,
        }


def has_errors(issues: Iterable[Issue]) -> bool:
    return any(i.is_error for i in issues)


def column_letter(index: int) -> str:
    """0-based column index to spreadsheet letters: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def sort_issues(issues: Iterable[Issue]) -> list[Issue]:
    """Errors first, then by file, sheet, row, column."""
    return sorted(
        issues,
        key=lambda i: (
            not i.is_error,
            i.file or "",
            i.sheet or "",
            i.row or 0,
            len(i.column or ""),
            i.column or "",
            i.code,
        ),
    )
