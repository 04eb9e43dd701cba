"""Formatting of issues and row counts for people (text), machines (json) and CI (github)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from .issues import Issue, sort_issues
from .model import RejectedRow, RowCount
from .schema import ALL_SHEETS
from .text import header_key

DISCIPLINE_FILE = "ky-luat"
# Messages of these codes name staff codes or discipline facts.
_INTERNAL_CODES = frozenset(
    {"discipline-inconsistent", "author-ambiguous", "council-differs", "council-unknown-nominee"}
)

SEVERITY_LABEL = {"error": "LỖI", "warning": "CẢNH BÁO"}
# Codes whose `file` is not relative to the data folder (the config file, the folder itself).
_OUTSIDE_DATA = frozenset({"config-invalid", "data-dir-missing"})


def rows_summary(counts: Iterable[RowCount]) -> dict[str, int]:
    counts = list(counts)
    return {
        "read": sum(c.read for c in counts),
        "accepted": sum(c.accepted for c in counts),
        "rejected": sum(c.rejected for c in counts),
    }


def as_json(issues: list[Issue], counts: list[RowCount], rejected: list[RejectedRow]) -> str:
    """SPEC §6: ``issues`` and ``rows`` (read / accepted / rejected), plus the counts of each
    sheet and every rejected row with its reasons (codes, and the errors found on it)."""
    errors: dict[tuple[str | None, str | None, int | None], list[Issue]] = defaultdict(list)
    for issue in sort_issues(issues):
        if issue.is_error:
            errors[(issue.file, issue.sheet, issue.row)].append(issue)
    payload = {
        "issues": [i.as_dict() for i in sort_issues(issues)],
        "rows": rows_summary(counts),
        "sheets": [c.__dict__ for c in counts],
        "rejected_rows": [_rejected_row(r, errors) for r in rejected],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _rejected_row(
    row: RejectedRow, errors: dict[tuple[str | None, str | None, int | None], list[Issue]]
) -> dict[str, object]:
    """A rejected row, its reasons, and the errors on it (or on its whole sheet)."""
    found = errors.get((row.file, row.sheet, row.row), []) + errors.get(
        (row.file, row.sheet, None), []
    )
    details = [{"code": i.code, "column": i.column, "message": i.message} for i in found]
    return row.__dict__ | {"reasons": list(row.reasons), "errors": details}


def as_github(issues: list[Issue], data_prefix: str) -> str:
    """GitHub Actions workflow commands: one annotation per issue."""
    lines = []
    for issue in sort_issues(issues):
        kind = "error" if issue.is_error else "warning"
        props = [f"title={_escape_prop(issue.code)}"]
        if issue.file:
            path = issue.file if issue.code in _OUTSIDE_DATA else data_prefix + issue.file
            props.insert(0, f"file={_escape_prop(path)}")
        if issue.row:
            props.insert(1, f"line={issue.row}")
        text = f"{issue.location()}: {_public_message(issue)}"
        lines.append(f"::{kind} {','.join(props)}::{_escape_data(text)}")
    return "\n".join(lines)


_INTERNAL_ONLY = frozenset(
    header_key(c.header)
    for s in ALL_SHEETS
    for c in s.columns
    if not c.public
    and not any(o.public and o.header == c.header for t in ALL_SHEETS for o in t.columns)
)
_REDACTED = (
    "vấn đề ở dữ liệu nội bộ (không in ra nhật ký CI công khai); xem chi tiết bằng "
    "`thidua validate` trên máy nội bộ. (Internal data: run `thidua validate` locally.)"
)


def _public_message(issue: Issue) -> str:
    """CI logs may be public: never echo values of internal columns or of the discipline register."""
    internal_file = (issue.file or "").startswith(f"{DISCIPLINE_FILE}.")
    internal_column = issue.header is not None and header_key(issue.header) in _INTERNAL_ONLY
    if internal_file or internal_column or issue.code in _INTERNAL_CODES:
        return _REDACTED
    return issue.message


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_text(
    issues: list[Issue], counts: list[RowCount], rejected: Iterable[RejectedRow] = ()
) -> str:
    """Grouped by file, errors first within each file, then rejected rows and the row counts."""
    by_file: dict[str, list[Issue]] = defaultdict(list)
    for issue in sort_issues(issues):
        by_file[issue.file or "(chung)"].append(issue)
    out: list[str] = []
    for file in sorted(by_file, key=lambda f: (not any(i.is_error for i in by_file[f]), f)):
        out.append(f"== {file}")
        for issue in by_file[file]:
            out.append(f"  [{SEVERITY_LABEL[issue.severity]}] {issue.code}: {issue.location()}")
            out.append(f"      {issue.message}")
            if issue.message_en:
                out.append(f"      ({issue.message_en})")
    rejected = list(rejected)
    if rejected:
        out.append("")
        out.append("Dòng bị loại, không công bố (rejected rows):")
        out += [f"  {r.file} › {r.sheet} › dòng {r.row}: {', '.join(r.reasons)}" for r in rejected]
    out.append("")
    out.append("Số dòng (rows) — đọc = nhận + loại (read = accepted + rejected):")
    for c in counts:
        out.append(f"  {c.file} › {c.sheet}: {c.read} = {c.accepted} + {c.rejected}")
    errors = sum(1 for i in issues if i.is_error)
    warnings = len(issues) - errors
    out.append(f"Tổng: {errors} lỗi, {warnings} cảnh báo (errors, warnings).")
    return "\n".join(out)
