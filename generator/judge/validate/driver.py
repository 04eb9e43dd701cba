"""The validation driver: discover the campaign folder's files, load each, normalise every
contract sheet it should hold, then build the records and cross-check them in order."""

from __future__ import annotations

from collections.abc import Sequence
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
from generator.read.discover import Source, discover
from generator.read.issues import Issue
from generator.read.load import Loader
from generator.read.normalise.table import Table


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


def _read_all(sources: Sequence[Source], loader: Loader, ctx: Context) -> None:
    """Every file read and normalised (on the loader's pool), taken in file order."""
    for source, result in zip(sources, loader.read_sources(sources), strict=True):
        ctx.issues.extend(result.issues)
        if not result.loaded:
            ctx.by_sheet.setdefault("__unreadable__", []).append((source, Table(source.rel, "")))
            continue
        for sheet, table in zip(source.sheets, result.tables, strict=True):
            if table is not None:
                ctx.tables.append(table)
                ctx.by_sheet[sheet.id].append((source, table))


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
