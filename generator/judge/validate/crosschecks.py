"""Checks across sheets: each initiative's authors resolved to nominees (by staff code, else
by name within the unit), and self-reported discipline against the discipline register."""

from __future__ import annotations

from collections import defaultdict

from generator.judge.model import Dataset, Initiative, Nominee
from generator.judge.rules import effective_end
from generator.judge.validate.context import Context, sheet_tables
from generator.read.normalise.table import Table
from generator.read.text import person_key


def credit_authors(ctx: Context, data: Dataset) -> dict[str, tuple[str, ...]]:
    """Resolve each initiative's authors to nominees: by staff code, else by name in the unit."""
    by_code = {n.staff_code for n in data.nominees}
    by_name: dict[tuple[str, str], list[Nominee]] = defaultdict(list)
    for n in data.nominees:
        by_name[(n.unit, person_key(n.name))].append(n)
    credited: dict[str, tuple[str, ...]] = {}
    table_of = {t.file: t for _, t in sheet_tables(ctx, ctx.sheet("initiatives"))}
    for ini in list(data.initiatives):
        if ini.author_codes:
            credited[ini.code] = tuple(c for c in ini.author_codes if c in by_code)
            continue
        staff = _credit_by_name(ctx, table_of[ini.loc.file], ini, by_name)
        if staff is None:
            data.initiatives.remove(ini)
        else:
            credited[ini.code] = staff
    return credited


def _credit_by_name(
    ctx: Context, table: Table, ini: Initiative, by_name: dict[tuple[str, str], list[Nominee]]
) -> tuple[str, ...] | None:
    staff: list[str] = []
    for author in ini.authors:
        matches = by_name.get((ini.unit, person_key(author)), [])
        if len(matches) > 1:
            codes = ", ".join(m.staff_code for m in matches)
            by_code = ctx.sheet("initiatives").column("author_codes").header
            ctx.reject(
                table,
                ini.loc.row,
                "author-ambiguous",
                "error",
                f"Tác giả “{author}” trùng tên với {len(matches)} cá nhân được đề nghị của đơn vị {ini.unit} ({codes}): hãy ghi “{by_code}”.",
                f"Author '{author}' matches {len(matches)} nominees: fill in '{by_code}'.",
                "authors",
                ctx.sheet("initiatives"),
                author,
            )
            return None
        staff += [m.staff_code for m in matches]
    return tuple(staff)


def check_discipline_reports(ctx: Context, data: Dataset) -> None:
    """A register entry contradicting a self-report of 'Không' is reported to staff."""
    start, end = ctx.config.period.start, ctx.config.period.end
    nominees = {n.staff_code: n for n in data.nominees}
    tables = {t.file: t for _, t in sheet_tables(ctx, ctx.sheet("nominees"))}
    for d in data.disciplines:
        n = nominees.get(d.staff_code)
        if (
            n
            and (n.discipline_self or "Không") == "Không"
            and d.decided <= end
            and effective_end(d) >= start
        ):
            ctx.reject(
                tables[n.loc.file],
                n.loc.row,
                "discipline-inconsistent",
                "warning",
                f"Tự khai “Không” kỷ luật nhưng sổ kỷ luật có quyết định ({d.loc}).",
                f"Self-report 'Không' contradicts the register ({d.loc}).",
                "discipline_self",
                ctx.sheet("nominees"),
            )
