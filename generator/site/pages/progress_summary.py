"""/tien-do/ of a summarised campaign (site/scale.py): counts, never names.

Each state counted; a table of the missing documents (how many departments, collectives and
nominees lack each); and only the files with a problem, one row a department with its
state and the number of documents its file lacks, linking to the department page, which
names who lacks what (its file, its collective's row, each nominee's card). With thousands
of departments, naming every nominee who lacks a report would make a page of megabytes."""

from __future__ import annotations

from dataclasses import dataclass

from generator.site.pages.progress import (
    ProgressRow,
    department_items,
    has_problem,
    progress_rows,
    progress_summary,
)
from generator.site.pages.renderer import PageRenderer
from generator.site.pages.timeline import plan_timeline
from generator.site.views import UnitView


@dataclass(frozen=True)
class Missing:
    """One document a department's file lacks: for the department itself, for its
    collective, for how many of its nominees."""

    item: str
    department: bool
    collective: bool
    people: int

    @property
    def count(self) -> int:
        return int(self.department) + int(self.collective) + self.people


@dataclass(frozen=True)
class DocumentCount:
    """A row of the missing documents' table: one document across every department."""

    item: str
    units: int  # departments whose file lacks it (for anyone)
    collectives: int
    people: int


def missing_counts(unit: UnitView, department: frozenset[str]) -> tuple[Missing, ...]:
    """Each document ``unit``'s file lacks, in the order /tien-do/ names them on a small
    site (the collective's first, then the nominees' in the page's order); a document of
    the department's own file (``department``) counts once, for the department."""
    found: dict[str, list[int]] = {}  # document → [department, collective, nominees]
    subjects = [(1, unit.collective.dossier)] if unit.collective else []
    subjects += [(2, p.dossier) for p in unit.people]
    for kind, dossier in subjects:
        for item in dict.fromkeys(dossier.missing):
            who = found.setdefault(item, [0, 0, 0])
            if item in department:
                who[0] = 1
            elif kind == 1:
                who[1] = 1
            else:
                who[2] += 1
    return tuple(Missing(item, bool(d), bool(c), p) for item, (d, c, p) in found.items())


def document_counts(missing: dict[str, tuple[Missing, ...]]) -> list[DocumentCount]:
    """The missing documents across departments, in order of first appearance."""
    totals: dict[str, list[int]] = {}
    for lacks in missing.values():
        for m in lacks:
            t = totals.setdefault(m.item, [0, 0, 0])
            t[0] += 1
            t[1] += int(m.collective)
            t[2] += m.people
    return [DocumentCount(item, *t) for item, t in totals.items()]


def summary_page(site: PageRenderer, page: str, title: str) -> str:
    """The source of a summarised campaign's /tien-do/."""
    rows = progress_rows(site)
    table_rows: list[ProgressRow] = [r for r in rows if has_problem(r)]
    department = department_items(site.config)
    missing = {r.unit.code: missing_counts(r.unit, department) for r in table_rows if r.missing}
    return site.render(
        page,
        "progress_summary.html",
        title,
        timeline=plan_timeline(site.config, page),
        rows=rows,
        table_rows=table_rows,
        complete_elsewhere=len(rows) - len(table_rows),
        summary=progress_summary(rows),
        submitted=sum(1 for r in rows if r.unit.submission != "missing"),
        lacking={
            r.unit.code: sum(m.count for m in missing.get(r.unit.code, ())) for r in table_rows
        },
        documents=document_counts(missing),
    )
