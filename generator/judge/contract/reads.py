"""What the judge reads from any contract: sheets by id, columns by key, each with the kind
its records are built from and whether a value must be there.

A preset may declare more (it is read, checked, and published when public), never less: a
sheet or column missing here, of another kind, or optional where the code needs a value, is
a config error naming the preset file (never a traceback while reading the data).
"""

from __future__ import annotations

from pathlib import Path

from generator.judge.contract.issues import contract_issue
from generator.judge.contract.spec import PresetSpec
from generator.read.issues import Issue

T, N, D, Y, R, C, L = "text", "integer", "date", "yesno", "rating", "choice", "list"
# sheet id → column key → (kind, a value is required)
READS: dict[str, dict[str, tuple[str, bool]]] = {
    "units": {"code": (T, True), "name": (T, True), "kind": (C, False), "order": (N, False)},
    "initiatives": {
        "code": (T, True), "title": (T, True), "unit": (T, True), "authors": (L, False),
        "author_codes": (L, False), "field": (C, False), "result": (C, True),
        "decision_no": (T, False), "decision_date": (D, False),
    },
    "discipline": {
        "staff_code": (T, True), "name": (T, False), "unit": (T, False), "form": (C, True),
        "decided": (D, True), "expires": (D, False),
    },
    "submission": {
        "unit": (T, True), "good_cchc": (Y, True), "rating": (R, False), "proposal": (C, True),
        "report": (Y, False), "to_trinh_no": (T, False), "to_trinh_date": (D, False),
        "bien_ban_no": (T, False), "meeting_date": (D, False), "sent_date": (D, False),
    },
    "nominees": {
        "staff_code": (T, True), "name": (T, True), "position": (T, False), "rating": (R, False),
        "tasks_assigned": (N, False), "tasks_on_time": (N, False),
        "discipline_self": (C, False), "proposal": (C, False), "votes_for": (N, False),
        "votes_total": (N, False), "report": (Y, False),
    },
    "council": {
        "kind": (C, True), "unit": (T, True), "staff_code": (T, False), "name": (T, False),
        "form": (C, True), "decision_no": (T, False), "decision_date": (D, False),
        "minutes_no": (T, False), "meeting_date": (D, False), "sent_to_city": (D, False),
    },
}  # fmt: skip


def missing_reads(preset: PresetSpec) -> list[tuple[str, str]]:
    """(dotted key, problem) for each sheet or column the judge reads that the preset lacks
    or declares otherwise."""
    sheets = {s.id: (n, s) for n, s in enumerate(preset.sheets)}
    problems = []
    for sheet_id, reads in READS.items():
        if sheet_id not in sheets:
            problems.append(("sheets", f"no sheet with id '{sheet_id}' (the judge reads it)"))
            continue
        n, sheet = sheets[sheet_id]
        columns = {c.key: (m, c) for m, c in enumerate(sheet.columns)}
        for key, (kind, required) in reads.items():
            if key not in columns:
                problems.append((f"sheets.{n}.columns", f"no column '{key}' in '{sheet_id}'"))
                continue
            m, col = columns[key]
            where = f"sheets.{n}.columns.{m}"
            if col.kind != kind:
                problems.append((f"{where}.kind", f"'{key}' is read as {kind}, not {col.kind}"))
            if required and not col.required:
                problems.append((f"{where}.required", f"'{key}' needs a value: required: true"))
    return problems


def read_issues(path: Path, preset: PresetSpec) -> list[Issue]:
    """The problems of :func:`missing_reads` as config issues naming the preset file."""
    return [contract_issue(path, key, problem) for key, problem in missing_reads(preset)]
