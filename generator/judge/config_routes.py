"""Checks of award routes, quotas and ranking keys that need the whole file and its contract.

Run by ``load_config`` once the file validates and its contract is resolved; each problem
points at the key it finds wrong:

- a route's criterion id that is no criterion of its kind, ``builds_on`` naming no award
  (``config-unknown-reference``), a ``builds_on`` chain that comes back to itself, routes
  declared on some awards only, a proposal value naming no award while routes are declared
  (``config-invalid``);
- a share quota that can never be met: a share of a department's one unit that rounds to
  nothing with no minimum (``config-quota-impossible``); ``of: staff`` with a column the
  units register does not declare, or not numeric and required (``config-invalid``);
- a ranking column the subject's sheet does not declare, or not numeric and required; a
  ``count`` naming no criterion of the kind (``config-unknown-reference``) or one whose
  predicate counts nothing (``config-invalid``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.judge.config_awards import Quota, Quotas, Ranking
from generator.judge.config_errors import Loc, Problem
from generator.judge.counting import counting_rule
from generator.judge.model import NO_PROPOSAL
from generator.judge.quota_size import quota_size
from generator.read.columns import Kind

if TYPE_CHECKING:  # the config imports this module; only its types are needed here
    from generator.judge.config import Config

KINDS = ("collective", "individual")
SHEET_OF = {"collective": "submission", "individual": "nominees"}
NUMERIC = (Kind.INT, Kind.NUMBER, Kind.PERCENT)


def route_problems(config: Config) -> list[Problem]:
    """Every problem of the routes, quotas and ranking keys, in file order."""
    return [
        *_routes(config),
        *_forms(config),
        *(p for loc, quotas, _ in _selections(config) for p in _quotas(config, loc, quotas)),
        *(p for loc, _, ranking in _selections(config) for p in _ranking(config, loc, ranking)),
    ]


def _selections(config: Config) -> Iterator[tuple[Loc, Quotas | None, Ranking | None]]:
    """(where, quotas, ranking) of the top level and of each award that has its own."""
    yield (), config.quotas, config.ranking
    for n, award in enumerate(config.awards):
        yield ("awards", n), award.quota, award.ranking


def _invalid(loc: Loc, vi: str, en: str) -> Problem:
    return Problem("config-invalid", loc, vi, en)


def _routes(config: Config) -> Iterator[Problem]:
    if not config.routed:
        return
    ids = {a.id: n for n, a in enumerate(config.awards)}
    declared = {kind: [c.id for c in getattr(config.criteria, kind)] for kind in KINDS}
    for n, award in enumerate(config.awards):
        if not award.routed:
            yield _invalid(
                ("awards", n),
                f"hình thức “{award.name}” chưa khai báo tiêu chí (criteria hoặc builds_on) "
                "trong khi hình thức khác đã khai báo: mỗi hình thức cần tiêu chí của mình",
                f"award '{award.id}' declares no route (criteria or builds_on) while others do",
            )
        for kind in KINDS:
            for m, cid in enumerate(getattr(award.criteria, kind, []) or []):
                if cid not in declared[kind]:
                    listed = ", ".join(declared[kind]) or "không có"
                    yield Problem(
                        "config-unknown-reference",
                        ("awards", n, "criteria", kind, m),
                        f"không có tiêu chí “{cid}” trong criteria.{kind}; các tiêu chí: {listed}",
                        f"no criterion '{cid}' in criteria.{kind} ({listed})",
                    )
        if award.builds_on is not None and award.builds_on not in ids:
            yield Problem(
                "config-unknown-reference",
                ("awards", n, "builds_on"),
                f"không có hình thức nào (awards) có id “{award.builds_on}”; các id: "
                f"{', '.join(ids)}",
                f"no award has id '{award.builds_on}' (awards: {', '.join(ids)})",
            )
        elif award.builds_on is not None and _cycle(config, award.id):
            yield _invalid(
                ("awards", n, "builds_on"),
                f"builds_on của “{award.id}” quay vòng trở lại chính nó ({_cycle(config, award.id)})",
                f"the builds_on chain of '{award.id}' comes back to itself "
                f"({_cycle(config, award.id)})",
            )


def _cycle(config: Config, start: str) -> str:
    """The chain ``a → b → a`` when ``start``'s builds_on chain returns to it, else ""."""
    lower = {a.id: a.builds_on for a in config.awards}
    chain, current = [start], lower.get(start)
    while current is not None and current in lower and current not in chain:
        chain.append(current)
        current = lower[current]
    return " → ".join([*chain, start]) if current == start else ""


def _forms(config: Config) -> Iterator[Problem]:
    """With routes, the proposal column picks the route: each value it can hold is an award."""
    if not config.routed:
        return
    names = {a.name for a in config.awards}
    contract = config.data_contract
    for sheet_id in ("nominees", "submission"):
        column = contract.sheet(sheet_id).column("proposal")
        unknown = [v for v in column.choices if v not in names and v != NO_PROPOSAL]
        if unknown:
            yield _invalid(
                ("awards",),
                f"cột “{column.header}” có thể ghi {', '.join(unknown)} nhưng không hình thức "
                "nào (awards) có tên đó: người được đề nghị sẽ không có tiêu chí để xét",
                f"the proposal column ({sheet_id}) may hold {', '.join(unknown)}, which no "
                "award names: such a proposal would have no route",
            )
        if sheet_id == "nominees" and not column.required:
            yield _invalid(
                ("awards",),
                f"cột “{column.header}” chọn tiêu chí xét của từng người khi có nhiều hình thức: "
                "cột phải bắt buộc (required: true)",
                "with routes the nominees' proposal column picks each route: it must be required",
            )


def _quotas(config: Config, at: Loc, quotas: Quotas | None) -> Iterator[Problem]:
    if quotas is None:
        return
    for kind in KINDS:
        quota: Quota = getattr(quotas, kind)
        loc: Loc = (*at, "quota" if at else "quotas", kind)
        if quota.share is None:
            continue
        if quota.of == "units" and quota.per == "department" and quota_size(quota, 1) == 0:
            yield Problem(
                "config-quota-impossible",
                (*loc, "share"),
                f"chỉ tiêu {quota.share:g}% của 1 đơn vị (mỗi phòng, bộ phận chỉ là một đơn vị), "
                f"làm tròn {quota.rounding}, không có minimum, luôn bằng 0: không bao giờ đạt được",
                f"a share of {quota.share:g}% of one unit (per department) rounded "
                f"{quota.rounding} with no minimum is always 0: it can never be met",
            )
        if quota.column is not None:
            yield from _numeric(config, "units", quota.column, (*loc, "column"), "staff count")


def _numeric(config: Config, sheet_id: str, key: str, loc: Loc, use: str) -> Iterator[Problem]:
    sheet = config.data_contract.sheet(sheet_id)
    if not sheet.has(key):
        keys = ", ".join(c.key for c in sheet.columns if c.kind in NUMERIC) or "không có"
        yield _invalid(
            loc,
            f"bảng “{sheet.name}” không khai báo cột “{key}”; các cột số: {keys}",
            f"sheet '{sheet_id}' declares no column '{key}' (numeric columns: {keys})",
        )
        return
    column = sheet.column(key)
    if column.kind not in NUMERIC:
        yield _invalid(
            loc,
            f"cột “{column.header}” ({key}) có kiểu {column.kind}, không phải số (integer, "
            "number, percent)",
            f"column '{key}' is {column.kind}, not a number (integer, number, percent) for a {use}",
        )
    elif not column.required:
        yield _invalid(
            loc,
            f"cột “{column.header}” ({key}) không bắt buộc: dòng để trống thì không xét được; "
            "khai báo required: true",
            f"column '{key}' is optional: a row without a value could not be used as a {use} "
            "(declare it required: true)",
        )


def _ranking(config: Config, at: Loc, ranking: Ranking | None) -> Iterator[Problem]:
    if ranking is None:
        return
    for kind in KINDS:
        criteria = {c.id: c for c in getattr(config.criteria, kind)}
        for m, key in enumerate(getattr(ranking, kind)):
            loc: Loc = (*at, "ranking", kind, m)
            if key.column is not None:
                yield from _numeric(config, SHEET_OF[kind], key.column, (*loc, "column"), "rank")
            if key.count is None:
                continue
            criterion = criteria.get(key.count)
            if criterion is None:
                listed = ", ".join(criteria) or "không có"
                yield Problem(
                    "config-unknown-reference",
                    (*loc, "count"),
                    f"không có tiêu chí “{key.count}” trong criteria.{kind}; các tiêu chí: {listed}",
                    f"no criterion '{key.count}' in criteria.{kind} ({listed})",
                )
            elif counting_rule(criterion.predicate) is None:
                yield _invalid(
                    (*loc, "count"),
                    f"tiêu chí {key.count} không đếm gì (chỉ recognised_initiatives, count_rows "
                    "đếm): không xếp hạng theo số đếm được",
                    f"criterion {key.count} counts nothing (only recognised_initiatives and "
                    "count_rows count)",
                )
