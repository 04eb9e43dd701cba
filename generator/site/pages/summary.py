"""The overview pages of a summarised campaign (see :mod:`generator.site.scale`): counts
per status and a table of departments with their counts, each linking to the part of the
department page that carries the rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.judge.model import Status
from generator.site.pages.groups import award_groups, undecided_groups
from generator.site.pages.links import collective_anchor, relative_url
from generator.site.pages.renderer import PageRenderer

# statuses of the last step: within quota while provisional, or chosen by the Council
SELECTED = frozenset({"within-quota", "awarded", "proposed"})


@dataclass(frozen=True)
class UnitRow:
    """One department of a summary table: its row id, link and the counts of its cells."""

    id: str
    name: str
    href: str
    cells: tuple[Any, ...]


@dataclass(frozen=True)
class SummaryTable:
    """A table of departments: column headings, rows, and the part of the page it counts."""

    headers: tuple[str, ...]
    rows: tuple[UnitRow, ...]


def _table(
    site: PageRenderer,
    page: str,
    section: str,
    row_id: Callable[[str], str],
    cells: Callable[[Any], tuple[Any, ...] | None],
    headers: Sequence[str],
) -> SummaryTable:
    """Departments (in their order) for which ``cells`` gives counts, linking to
    ``#section`` of their page."""
    rows = []
    for u in site.view.units:
        counts = cells(u)
        path = site.unit_path(u.code)
        if counts is None or path is None:
            continue
        href = relative_url(page, f"{path}#{section}")
        rows.append(UnitRow(row_id(u.code), u.name, href, counts))
    return SummaryTable(tuple(headers), tuple(rows))


def _statuses(items: Iterable[Any]) -> list[tuple[str, str, int]]:
    counts = Counter(i.status for i in items)
    labels = {i.status: i.status_label for i in items}
    return [(s.value, labels[s.value], counts[s.value]) for s in Status if counts[s.value]]


def individuals_summary(site: PageRenderer, page: str, title: str) -> str:
    """/ket-qua/ca-nhan/ of a summarised campaign."""

    def cells(u: Any) -> tuple[int, ...] | None:
        if not u.people:
            return None
        eligible = sum(1 for p in u.people if p.eligible)
        return len(u.people), eligible, sum(1 for p in u.people if p.status in SELECTED)

    table = _table(
        site,
        page,
        "ca-nhan",
        lambda code: f"dv-{site.unit_slugs[code]}",
        cells,
        ("Được đề nghị", "Đạt đủ tiêu chí", "Trong chỉ tiêu hoặc được Hội đồng chọn"),
    )
    return site.render(
        page,
        "individuals_summary.html",
        title,
        statuses=_statuses(site.view.people),
        table=table,
    )


def collectives_summary(site: PageRenderer, page: str, title: str) -> str:
    """/ket-qua/tap-the/ of a summarised campaign."""
    table = _table(
        site,
        page,
        "tap-the",
        collective_anchor,
        lambda u: (u.collective.status_label,) if u.collective else None,
        ("Trạng thái",),
    )
    return site.render(
        page,
        "collectives_summary.html",
        title,
        statuses=_statuses(site.view.collectives),
        table=table,
    )


def initiatives_summary(site: PageRenderer, page: str, title: str, chart: Any) -> str:
    """/sang-kien/ of a summarised campaign (the chart by field holds its counts)."""

    def cells(u: Any) -> tuple[int, ...] | None:
        if not any(i.recognised for i in u.initiatives):
            return None
        recognised = [i for i in u.initiatives if i.recognised]
        return len(u.initiatives), len(recognised), sum(1 for i in recognised if i.counted)

    table = _table(
        site,
        page,
        "sang-kien",
        lambda code: f"sk-dv-{site.unit_slugs[code]}",
        cells,
        ("Trong sổ sáng kiến", "Được công nhận", "Tính vào xét thi đua"),
    )
    return site.render(page, "initiatives_summary.html", title, chart=chart, table=table)


def honour_summary(site: PageRenderer, page: str, title: str) -> str:
    """/vinh-danh/ of a summarised campaign: counts per award form and per department; every
    name is on its department's page (section ``#vinh-danh``)."""
    by_unit: dict[str, list[Any]] = {}
    for e in site.view.honour:
        by_unit.setdefault(e.unit_code, []).append(e)

    def cells(u: Any) -> tuple[int, ...] | None:
        entries = by_unit.get(u.code)
        if not entries:
            return None
        people = sum(1 for e in entries if e.kind == "individual")
        return len(entries) - people, people

    table = _table(
        site,
        page,
        "vinh-danh",
        lambda code: f"vd-{site.unit_slugs[code]}",
        cells,
        ("Tập thể", "Cá nhân"),
    )
    forms = [
        (g.title, len(g.children[0].items), len(g.children[1].items)) for g in award_groups(site)
    ]
    return site.render(
        page,
        "honour_summary.html",
        title,
        forms=forms,
        table=table,
        undecided=undecided_groups(site.view),
    )


def honour_of(site: PageRenderer) -> dict[str, tuple[Any, ...]]:
    """A summarised campaign's honour roll entries by department (its page lists them)."""
    out: dict[str, list[Any]] = {}
    for e in site.view.honour:
        out.setdefault(e.unit_code, []).append(e)
    return {code: tuple(entries) for code, entries in out.items()}
