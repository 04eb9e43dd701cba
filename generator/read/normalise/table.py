"""What normalising a sheet gives: its accepted rows, every row read, rejected rows with their
reasons, and the issues found, located in the file and sheet."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.read.issues import Issue, Severity

# Where in the sheet an issue is: keyword arguments of `Table.issue` (row, column, header).
Where = dict[str, object]


@dataclass(frozen=True)
class Row:
    """One accepted data row: parsed values by column key, and its spreadsheet row number."""

    number: int
    values: dict[str, object]

    def get(self, key: str) -> object:
        return self.values.get(key)


@dataclass
class Table:
    """A sheet after normalisation."""

    file: str
    sheet: str
    rows: list[Row] = field(default_factory=list)
    parsed: list[Row] = field(default_factory=list)  # every data row read, even rejected ones
    issues: list[Issue] = field(default_factory=list)
    rejected: dict[int, list[str]] = field(default_factory=dict)  # row → reasons
    read_rows: set[int] = field(default_factory=set)
    columns: dict[str, int] = field(default_factory=dict)  # column key → 0-based index
    readable: bool = True  # False when the header could not be found
    date1904: bool = False  # date serials count from 1904 in this workbook

    @property
    def read(self) -> int:
        return len(self.read_rows)

    def issue(self, code: str, severity: Severity, msg: str, en: str, **where: object) -> Issue:
        found = Issue(code, severity, msg, en, file=self.file, sheet=self.sheet, **where)  # type: ignore[arg-type]
        self.issues.append(found)
        return found
