"""From a campaign's ``contract`` key to the reader's declarations: read the preset file,
add the campaign's extra columns, apply its overrides, and build ``read.columns`` values.

Every problem is a ``config-invalid`` issue naming the file and the dotted key.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from generator.judge.contract.issues import contract_issue
from generator.judge.contract.reads import READS, read_issues
from generator.judge.contract.spec import (
    ColumnOverride,
    ColumnSpec,
    ContractChoice,
    PresetSpec,
    header_clash,
)
from generator.read.columns import Column, Contract, FileLayout, Kind, Rating, Sheet
from generator.read.issues import Issue

# The sheets whose records carry extra columns (a nominee, a collective submission).
EXTRA_SHEETS = ("submission", "nominees")
KINDS = {
    "text": Kind.TEXT,
    "integer": Kind.INT,
    "number": Kind.NUMBER,
    "percent": Kind.PERCENT,
    "date": Kind.DATE,
    "yesno": Kind.YESNO,
    "rating": Kind.RATING,
    "choice": Kind.CHOICE,
    "list": Kind.LIST,
}


def preset_path(config_path: Path, preset: str) -> Path:
    """Where a preset lives: ``contracts/<preset>.yml`` next to the campaign file."""
    return config_path.parent / "contracts" / f"{preset}.yml"


def load_preset(path: Path) -> tuple[PresetSpec | None, list[Issue]]:
    """Read and validate a preset file; every problem names the file and the key."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return None, [contract_issue(path, "", f"cannot read YAML: {exc}")]
    try:
        return PresetSpec.model_validate(raw), []
    except ValidationError as exc:
        return None, [
            contract_issue(path, ".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()
        ]


def resolve_contract(
    config_path: Path, choice: ContractChoice
) -> tuple[Contract | None, list[Issue]]:
    """The campaign's contract: its preset with its extra columns and overrides."""
    path = preset_path(config_path, choice.preset)
    if not path.is_file():
        return None, [
            contract_issue(
                config_path, "contract.preset", f"no preset file {path.parent.name}/{path.name}"
            )
        ]
    preset, issues = load_preset(path)
    if preset is None:
        return None, issues
    issues = read_issues(path, preset) + _choice_issues(config_path, preset, choice)
    if issues:
        return None, issues
    ratings = tuple((r.code, r.label) for r in preset.ratings)
    sheets = {
        s.id: _sheet(s.id, s.name, s.unique, s.columns, choice, ratings) for s in preset.sheets
    }
    layout = FileLayout(
        registers=tuple((r.file, sheets[r.sheet], r.required) for r in preset.layout.registers),
        department_folder=preset.layout.department_folder,
        department_sheets=tuple(sheets[i] for i in preset.layout.department_sheets),
        csv_parts={stem: sheets[i] for stem, i in preset.layout.csv_parts.items()},
    )
    return Contract(preset.id, tuple(sheets.values()), layout, ratings), []


def _choice_issues(path: Path, preset: PresetSpec, choice: ContractChoice) -> list[Issue]:
    """Additions and overrides must name the preset's sheets and columns, never clash."""
    columns = {s.id: {c.key for c in s.columns} for s in preset.sheets}
    issues = []
    for part in ("columns", "overrides"):
        for sheet_id in getattr(choice, part):
            if sheet_id not in columns:
                known = ", ".join(columns)
                issues.append(
                    contract_issue(
                        path, f"contract.{part}.{sheet_id}", f"no sheet id (sheets: {known})"
                    )
                )
    for sheet_id in choice.columns:
        if sheet_id in columns and sheet_id not in EXTRA_SHEETS:
            issues.append(
                contract_issue(
                    path,
                    f"contract.columns.{sheet_id}",
                    f"extra columns go on the sheets published one row each: {', '.join(EXTRA_SHEETS)}; "
                    f"to add a column to '{sheet_id}' (e.g. a staff count for a quota "
                    "'of: staff'), copy the preset to a new file of site_config/contracts/, "
                    "add the column there and name that file in contract.preset",
                )
            )
    for sheet_id, added in choice.columns.items():
        for n, col in enumerate(added):
            if col.key in columns.get(sheet_id, set()):
                issues.append(
                    contract_issue(
                        path,
                        f"contract.columns.{sheet_id}.{n}.key",
                        f"the preset already has a column '{col.key}' (change it under overrides)",
                    )
                )
    for sheet_id, added in choice.columns.items():
        sheet = next((s for s in preset.sheets if s.id == sheet_id), None)
        clash = header_clash([*sheet.columns, *added]) if sheet is not None else ""
        if clash:
            issues.append(
                contract_issue(
                    path,
                    f"contract.columns.{sheet_id}",
                    f"two columns match the same header: {clash}",
                )
            )
    for sheet_id, changes in choice.overrides.items():
        for key in changes:
            if sheet_id in columns and key not in columns[sheet_id]:
                issues.append(
                    contract_issue(
                        path, f"contract.overrides.{sheet_id}.{key}", "no such column in the preset"
                    )
                )
    return issues


def _sheet(
    sheet_id: str,
    name: str,
    unique: list[str],
    specs: list[ColumnSpec],
    choice: ContractChoice,
    ratings: tuple[Rating, ...],
) -> Sheet:
    changes = choice.overrides.get(sheet_id, {})
    columns = [_column(s, changes.get(s.key), _carried(sheet_id, s), ratings) for s in specs]
    added = choice.columns.get(sheet_id, [])
    columns += [_column(s, None, True, ratings) for s in added]
    keys = [*unique, *(s.key for s in (*specs, *added) if s.unique)]
    return Sheet(sheet_id, name, tuple(columns), tuple(dict.fromkeys(keys)))


def _carried(sheet_id: str, spec: ColumnSpec) -> bool:
    """A public preset column of a sheet published one row each that the judge does not
    read itself rides on the record's ``extra``, like a campaign's addition: published, and
    a rule can test it (an internal one is read and checked only)."""
    reads = READS.get(sheet_id, {})
    return sheet_id in EXTRA_SHEETS and spec.visibility == "public" and spec.key not in reads


def _column(
    spec: ColumnSpec, change: ColumnOverride | None, extra: bool, ratings: tuple[Rating, ...]
) -> Column:
    if change is not None:
        given = {k: getattr(change, k) for k in type(change).model_fields}
        spec = spec.model_copy(update={k: v for k, v in given.items() if v is not None})
    absent = spec.absent
    return Column(
        spec.key,
        spec.header,
        KINDS[spec.kind],
        required=spec.required,
        public=spec.visibility == "public",
        choices=tuple(spec.values),
        description=spec.description,
        absent=(absent.vi, absent.en) if absent is not None else ("", ""),
        aliases=tuple(spec.aliases),
        extra=extra,
        ratings=ratings if spec.kind == "rating" else (),
    )
