"""/tien-do/: each department's file, problems first, with who lacks which document."""

from __future__ import annotations

from dataclasses import dataclass

from generator.judge.config import Config
from generator.judge.evaluate import sent_date_label
from generator.site.pages.renderer import PageRenderer
from generator.site.pages.timeline import plan_timeline
from generator.site.views import UnitView


@dataclass(frozen=True)
class ProgressRow:
    """A department on /tien-do/: its file, whether it came late, what is missing for whom."""

    unit: UnitView
    anchor: str
    late: bool
    missing: tuple[tuple[str, tuple[str, ...]], ...]  # (document, who lacks it)


# /tien-do/: problems first.
PROGRESS_ORDER = {"missing": 0, "incomplete": 1, "late": 2}
DEPARTMENT_WHO = "phòng, bộ phận"


def _missing_documents(
    unit: UnitView, department_items: frozenset[str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each missing document of a department's file with who lacks it (the department, its
    collective, named nominees), in the order they first appear."""
    who: dict[str, list[str]] = {}
    subjects = [("tập thể", unit.collective.dossier)] if unit.collective else []
    subjects += [(p.name, p.dossier) for p in unit.people]
    for name, dossier in subjects:
        for item in dossier.missing:
            holder = DEPARTMENT_WHO if item in department_items else name
            names = who.setdefault(item, [])
            if holder not in names:
                names.append(holder)
    return tuple((item, tuple(names)) for item, names in who.items())


def department_items(cfg: Config) -> frozenset[str]:
    """The documents of a department's own file: its dossier items and the sending date."""
    return frozenset([i.label for i in cfg.dossier.department] + [sent_date_label(cfg)])


def progress_rows(site: PageRenderer) -> list[ProgressRow]:
    """Departments for /tien-do/: missing files first, then incomplete, late, the rest."""
    cfg = site.config
    department = department_items(cfg)
    rows = [
        ProgressRow(
            u,
            f"td-{site.unit_slugs[u.code]}",
            u.sent_date is not None and u.sent_date > cfg.dossier_deadline,
            _missing_documents(u, department) if u.submission != "missing" else (),
        )
        for u in site.view.units
    ]
    order = {u.code: n for n, u in enumerate(site.view.units)}
    return sorted(
        rows, key=lambda r: (PROGRESS_ORDER.get(r.unit.submission, 9), order[r.unit.code])
    )


def progress_summary(rows: list[ProgressRow]) -> list[tuple[str, str, list[ProgressRow]]]:
    """/tien-do/'s summary: each state's code, label and departments."""
    return [
        ("missing", "Chưa nộp", [r for r in rows if r.unit.submission == "missing"]),
        ("late", "Nộp trễ hạn", [r for r in rows if r.late]),
        ("incomplete", "Hồ sơ chưa đầy đủ", [r for r in rows if r.missing]),
        ("on-time", "Đầy đủ, đúng hạn", [r for r in rows if r.unit.submission == "on-time"]),
    ]


def progress_page(site: PageRenderer, page: str, title: str) -> str:
    """The source of /tien-do/."""
    rows = progress_rows(site)
    summary = progress_summary(rows)
    submitted = sum(1 for r in rows if r.unit.submission != "missing")
    return site.render(  # a summarised campaign's page: pages/progress_summary.py
        page,
        "progress.html",
        title,
        timeline=plan_timeline(site.config, page),
        rows=rows,
        summary=summary,
        submitted=submitted,
    )


def has_problem(row: ProgressRow) -> bool:
    """A file not complete and on time: missing, late or lacking a document."""
    return row.unit.submission != "on-time" or row.late or bool(row.missing)
