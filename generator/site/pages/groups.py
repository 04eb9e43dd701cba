"""The headed groups of the list pages: nominees by department, initiatives by field and
department, the honour roll by award form; and the quota groups still undecided."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.judge.config import Award
from generator.read.text import slug
from generator.site.pages.renderer import PageRenderer
from generator.site.views import HonourEntry, InitiativeView, PersonView, SiteView


@dataclass(frozen=True)
class Group:
    """A heading with its items (people of a department, initiatives of a field, …)."""

    id: str
    title: str
    items: tuple[Any, ...]
    note: str = ""
    children: tuple[Group, ...] = ()
    code: str = ""  # unit code, when the group is a department


def people_groups(site: PageRenderer, people: Iterable[PersonView]) -> tuple[Group, ...]:
    """Nominees by department, in the departments' order (unlisted units last)."""
    by_unit: dict[str, list[PersonView]] = {}
    for p in people:
        by_unit.setdefault(p.unit_code, []).append(p)
    groups = []
    for u in site.view.units:
        if u.code in by_unit:
            people_of = tuple(by_unit.pop(u.code))
            groups.append(Group(f"dv-{site.unit_slugs[u.code]}", u.name, people_of, code=u.code))
    for code, rest in by_unit.items():  # people of a unit the units list does not hold
        groups.append(
            Group(f"dv-{slug(code) or 'khac'}", rest[0].unit_name, tuple(rest), code=code)
        )
    return tuple(groups)


def initiative_groups(site: PageRenderer) -> tuple[Group, ...]:
    """Recognised initiatives by field (in the config's order), then by department."""
    recognised = [i for i in site.view.initiatives if i.recognised]
    fields = [(f.register_value, f"{f.id}. {f.name}", f.description) for f in site.config.fields]
    known = {value for value, _, _ in fields}
    fields.append(("", "Chưa ghi lĩnh vực", ""))
    groups = []
    for value, title, description in fields:
        items = [i for i in recognised if (i.field if i.field in known else "") == value]
        if not items:
            continue
        key = slug(value) or "khac"
        children = tuple(
            Group(f"{key}-{slug(code)}", name, tuple(rows), code=code)
            for code, name, rows in _by_unit(items)
        )
        groups.append(Group(f"lv-{key}", title, tuple(items), description, children))
    return tuple(groups)


def _by_unit(items: list[InitiativeView]) -> list[tuple[str, str, list[InitiativeView]]]:
    out: dict[str, tuple[str, list[InitiativeView]]] = {}
    for i in items:
        out.setdefault(i.unit_code, (i.unit_name, []))[1].append(i)
    return [(code, name, rows) for code, (name, rows) in out.items()]


def award_groups(site: PageRenderer) -> tuple[Group, ...]:
    """The honour roll by award form: decisions taken first, then proposals to a higher
    level (waiting for its decision), each split into collectives and individuals."""
    buckets: dict[tuple[bool, str], tuple[str, list[HonourEntry]]] = {}
    for entry in site.view.honour:
        award = site.config.award_of(entry.form)
        key = (entry.proposal, award.id if award else slug(entry.form) or "khac")
        title = _award_title(award, entry.proposal) if award else entry.form
        buckets.setdefault(key, (title, []))[1].append(entry)
    order = {a.id: n for n, a in enumerate(site.config.awards)}
    result = []
    for key in sorted(buckets, key=lambda k: (k[0], order.get(k[1], len(order)), k[1])):
        title, entries = buckets[key]
        gid = f"de-nghi-{key[1]}" if key[0] else key[1]
        parts = (
            Group(f"{gid}-tap-the", "Tập thể", tuple(e for e in entries if e.kind != "individual")),
            Group(f"{gid}-ca-nhan", "Cá nhân", tuple(e for e in entries if e.kind == "individual")),
        )
        result.append(Group(gid, title, tuple(entries), "proposal" if key[0] else "", parts))
    return tuple(result)


def undecided_groups(view: SiteView) -> list[str]:
    """Quota groups the Council has not decided yet (after its first results)."""
    out = []
    if any(not c.group_decided for c in view.collectives):
        out.append("xét tập thể")
    out += [
        f"cá nhân của {u.name}"
        for u in view.units
        if u.people and any(not p.group_decided for p in u.people)
    ]
    return out


def _award_title(award: Award, proposed: bool) -> str:
    if proposed:
        return f"Đã đề nghị {award.name} của {award.issuer} — chờ quyết định"
    prefix = "Đề nghị " if award.proposal else ""
    return f"{prefix}{award.name} của {award.issuer}"
