"""Formatting of issues and row counts for people (text), machines (json) and CI (github)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable

from generator.cli.catalogue import DETAILS, describe
from generator.judge.contract import Contract
from generator.judge.model import RejectedRow, RowCount
from generator.read.issues import Issue, sort_issues
from generator.read.text import detect_legacy_encoding, header_key

SEVERITY_LABEL = {"error": "LỖI", "warning": "CẢNH BÁO"}
# Codes whose `file` is not relative to the data folder (the config file, the folder itself).
_OUTSIDE_DATA = frozenset({"data-dir-missing"})
# A dotted key of the campaign file an annotation may name (an unknown key is the file's own
# text: only plain key characters pass).
_CONFIG_KEY = re.compile(r"[A-Za-z0-9_-]{1,60}(\.[A-Za-z0-9_-]{1,60}){0,15}")


def _outside_data(code: str) -> bool:
    return code in _OUTSIDE_DATA or code.startswith("config-")


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


def as_github(issues: list[Issue], data_prefix: str, contract: Contract | None) -> str:
    """GitHub Actions workflow commands: one annotation per issue.

    CI logs may be public, so an annotation carries only what is allowed (see
    :func:`public_text`, with the campaign's ``contract``; without one, no sheet or header
    is named): never the issue's message or value."""
    lines = []
    for issue in sort_issues(issues):
        kind = "error" if issue.is_error else "warning"
        props = [f"title={_escape_prop(issue.code)}"]
        if issue.file:
            path = issue.file if _outside_data(issue.code) else data_prefix + issue.file
            props.insert(0, f"file={_escape_prop(path)}")
        if issue.row:
            props.insert(1, f"line={issue.row}")
            if issue.text_column:
                props.insert(2, f"col={issue.text_column}")
        text = public_text(issue, contract)
        lines.append(f"::{kind} {','.join(props)}::{_escape_data(text)}")
    return "\n".join(lines)


def public_text(issue: Issue, contract: Contract | None) -> str:
    """An allow-list: file, contract sheet, row, column letter, contract header, the code and
    its fixed description, and where to find the details. Nothing read from a cell, and no
    header text read from the file (an unknown column's header could hold anything). In the
    campaign file: the line, column and dotted key (plain key characters only)."""
    if issue.code.startswith("config-"):
        return _public_config_text(issue)
    parts = [issue.file] if issue.file else []
    headers = contract.headers if contract is not None else frozenset()
    sheet = _public_sheet(issue.sheet, contract)
    if sheet:
        parts.append(sheet)
    if issue.row is not None:
        parts.append(f"dòng {issue.row}")
    if issue.column and re.fullmatch(r"[A-Z]{1,3}", issue.column):
        known = issue.header in headers
        parts.append(f"cột {issue.column} ({issue.header})" if known else f"cột {issue.column}")
    elif issue.header in headers:
        parts.append(f"cột “{issue.header}”")
    where = " › ".join(parts)
    text = f"[{issue.code}] {describe(issue.code)} {DETAILS}"
    return f"{where}: {text}" if where else text


def _public_config_text(issue: Issue) -> str:
    parts = [issue.file] if issue.file else []
    if issue.row is not None:
        parts.append(f"dòng {issue.row}, cột {issue.text_column}")
    if issue.column and _CONFIG_KEY.fullmatch(issue.column):
        parts.append(f"khóa {issue.column}")
    text = f"[{issue.code}] {describe(issue.code)} {DETAILS}"
    return f"{' › '.join(parts)}: {text}" if parts else text


def _public_sheet(sheet: str | None, contract: Contract | None) -> str | None:
    """The contract's name of the sheet an issue is on (as the workbook may spell it with
    other case or diacritics, or in TCVN3/VNI), or None for a name outside the contract.
    A CSV file's one sheet is named after the file: its stem is allowed too."""
    if not sheet or contract is None:
        return None
    if sheet in contract.layout.csv_parts:
        return sheet
    names = {header_key(s.name): s.name for s in contract.sheets}
    legacy = detect_legacy_encoding(sheet)
    return names.get(header_key(legacy[1] if legacy else sheet))


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
