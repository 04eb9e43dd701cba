"""The validation driver: discover the campaign folder's files, load each, normalise every
contract sheet it should hold, then build the records and cross-check them in order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.judge.config import Config
from generator.judge.model import Dataset
from generator.judge.validate.comment_checks import check_comments
from generator.judge.validate.context import Context
from generator.judge.validate.council import council_decisions
from generator.judge.validate.counts import count_rows
from generator.judge.validate.crosschecks import check_discipline_reports, credit_authors
from generator.judge.validate.departments import nominee_records, submission_records
from generator.judge.validate.generic import register_rows
from generator.judge.validate.registers import (
    discipline_records,
    initiative_records,
    unit_records,
)
from generator.judge.validate.uniqueness import check_unique
from generator.read.columns import Sheet
from generator.read.discover import Source, discover
from generator.read.issues import Issue
from generator.read.load import Loader
from generator.read.normalise.reader import read_table
from generator.read.normalise.table import Table
from generator.read.raw import RawWorkbook
from generator.read.text import detect_legacy_encoding, header_key


@dataclass
class Validation:
    """The accepted dataset and every issue found; ``ok`` when none is an error."""

    dataset: Dataset
    issues: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(i.is_error for i in self.issues)


def validate(data_dir: Path, config: Config, loader: Loader | None = None) -> Validation:
    """Read, normalise and cross-check the whole campaign folder."""
    inventory = discover(data_dir, config.data_contract.layout)
    ctx = Context(config, list(inventory.issues))
    if loader is None:
        with Loader() as own:
            _read_all(inventory.sources, own, ctx)
    else:
        _read_all(inventory.sources, loader, ctx)
    dataset = _build(ctx)
    for table in ctx.tables:
        ctx.issues.extend(table.issues)
    count_rows(ctx, dataset)
    return Validation(dataset, ctx.issues)


def _read_all(sources: Iterable[Source], loader: Loader, ctx: Context) -> None:
    for source in sources:
        workbook, problems = loader.read(source.path, source.rel)
        ctx.issues.extend(problems)
        if workbook is None:
            ctx.by_sheet.setdefault("__unreadable__", []).append((source, Table(source.rel, "")))
            continue
        for sheet in source.sheets:
            table = _sheet_table(workbook, sheet, source, ctx)
            if table is not None:
                ctx.tables.append(table)
                ctx.by_sheet[sheet.id].append((source, table))


def _sheet_table(workbook: RawWorkbook, sheet: Sheet, source: Source, ctx: Context) -> Table | None:
    if source.rel.endswith(".csv") and len(workbook.sheets) == 1:
        raw = next(iter(workbook.sheets.values()))
        return read_table(raw, sheet, source.rel)
    wanted = _sheet_key(sheet.name)
    for name, raw in workbook.sheets.items():
        if _sheet_key(name) == wanted:
            return read_table(raw, sheet, source.rel)
    ctx.issues.append(_sheet_missing(workbook, sheet, source))
    return None


def _sheet_key(name: str) -> str:
    """Sheet names match like headers: case, spacing and diacritics aside (also TCVN3/VNI)."""
    legacy = detect_legacy_encoding(name)
    return header_key(legacy[1] if legacy else name)


def _sheet_missing(workbook: RawWorkbook, sheet: Sheet, source: Source) -> Issue:
    hidden = any(_sheet_key(n) == _sheet_key(sheet.name) for n in workbook.hidden_sheets)
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
    return Issue("sheet-missing", "error", vi, en, file=source.rel, sheet=sheet.name)


def _build(ctx: Context) -> Dataset:
    """The records, in the order they depend on each other: units first (their codes check
    every other sheet), nominees before authorship and Council decisions."""
    data = Dataset()
    check_unique(ctx)
    data.units = unit_records(ctx)
    codes = {u.code for u in data.units}
    data.submissions = submission_records(ctx, codes)
    data.nominees = nominee_records(ctx, codes)
    data.initiatives = initiative_records(ctx, codes)
    data.disciplines = discipline_records(ctx)
    data.credited = credit_authors(ctx, data)
    data.council = council_decisions(ctx, data)
    check_discipline_reports(ctx, data)
    check_comments(ctx, data)
    data.registers = register_rows(ctx)
    return data
