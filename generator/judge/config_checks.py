"""Cross-field checks of the campaign file, on its plain values (before and besides pydantic).

They run on the parsed YAML whether or not the model validates, so a file with a wrong type
in one place and a duplicate id in another gets both at once. A check looks only at values of
the right shape and leaves every other shape to pydantic (which reports it). Each returns
:class:`Problem` records whose path points at the exact key: the later of two equal ids, the
period's end, the key that names an unknown deadline.

What is checked (decidable from the file alone, without any spreadsheet):

- a key written twice in one mapping (YAML would keep the last silently);
- the same id twice in ``deadlines``, ``fields``, ``awards`` (also the same ``name``), the
  criteria (collective and individual together) and each ``dossier`` list;
- ``period.end`` before ``period.start``; the comment window's end before its start, or
  its endpoint not HTTPS (:mod:`comments_config`);
- a deadline reference (``dossier.deadline``, ``recognised_by`` at any depth of a predicate
  (``all_of``, ``any_of``, ``not``),
  ``awards[].deadline``) naming no id of ``deadlines``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from generator.judge.comments_config import window_problems
from generator.judge.config_errors import Loc, Problem
from generator.judge.config_source import Source


def check(source: Source) -> list[Problem]:
    """Every cross-field problem of the file, in a stable order."""
    data = source.data if isinstance(source.data, dict) else {}
    return [
        *_duplicate_keys(source),
        *_duplicate_ids(source, data),
        *_period_order(data),
        *_deadline_references(data),
        *window_problems(data),
    ]


def _duplicate_keys(source: Source) -> Iterator[Problem]:
    for dup in source.duplicate_keys():
        yield Problem(
            "config-duplicate-key",
            dup.path,
            f"khóa “{dup.path[-1]}” được viết hai lần (lần đầu ở dòng {dup.first.line}); "
            "hãy giữ một",
            f"key '{dup.path[-1]}' is written twice (first on line {dup.first.line}); keep one",
            at_key=True,
        )


def _items(data: dict[str, Any], *path: str) -> list[tuple[Loc, dict[str, Any]]]:
    """The mapping items of the list at ``path`` (others are left to pydantic)."""
    node: Any = data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    if not isinstance(node, list):
        return []
    return [((*path, n), item) for n, item in enumerate(node) if isinstance(item, dict)]


_ID_LISTS: tuple[tuple[tuple[tuple[str, ...], ...], str], ...] = (
    ((("deadlines",),), "id"),
    ((("fields",),), "id"),
    ((("awards",),), "id"),
    ((("awards",),), "name"),
    ((("criteria", "collective"), ("criteria", "individual")), "id"),
    ((("dossier", "collective"),), "id"),
    ((("dossier", "individual"),), "id"),
    ((("dossier", "department"),), "id"),
)


def _duplicate_ids(source: Source, data: dict[str, Any]) -> Iterator[Problem]:
    for lists, key in _ID_LISTS:
        seen: dict[object, Loc] = {}
        for path in lists:
            for loc, item in _items(data, *path):
                value = item.get(key)
                if not isinstance(value, str | int) or isinstance(value, bool):
                    continue
                if value in seen:
                    first = ".".join(str(p) for p in seen[value])
                    line = source.locate((*seen[value], key)).line
                    yield Problem(
                        "config-duplicate-id",
                        (*loc, key),
                        f"“{value}” đã dùng cho {first} (dòng {line}); mỗi {key} chỉ dùng một lần",
                        f"'{value}' is already used by {first} (line {line}); each {key} is "
                        "used once",
                    )
                else:
                    seen[value] = loc


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.strptime(value.strip(), "%d/%m/%Y").date()
    except ValueError:
        return None  # pydantic says why


def _period_order(data: dict[str, Any]) -> Iterator[Problem]:
    period = data.get("period")
    if not isinstance(period, dict):
        return
    start, end = _date(period.get("start")), _date(period.get("end"))
    if start is not None and end is not None and end < start:
        yield Problem(
            "config-date-order",
            ("period", "end"),
            f"ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y} (period.start)",
            f"the end {end:%d/%m/%Y} is before the start {start:%d/%m/%Y} (period.start)",
        )


def _predicate_refs(rule: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    if not isinstance(rule, dict):
        return
    if rule.get("type") == "recognised_initiatives" and "recognised_by" in rule:
        yield (*loc, "recognised_by"), rule["recognised_by"]
    parts = rule.get("parts")
    if rule.get("type") in ("all_of", "any_of") and isinstance(parts, list):
        for n, part in enumerate(parts):
            yield from _predicate_refs(part, (*loc, "parts", n))
    if rule.get("type") == "not":
        yield from _predicate_refs(rule.get("part"), (*loc, "part"))


def _references(data: dict[str, Any]) -> Iterator[tuple[Loc, Any]]:
    """Every (path, value) of a key that names a deadline."""
    dossier = data.get("dossier")
    if isinstance(dossier, dict) and "deadline" in dossier:
        yield ("dossier", "deadline"), dossier["deadline"]
    for part in ("collective", "individual"):
        for loc, criterion in _items(data, "criteria", part):
            yield from _predicate_refs(criterion.get("predicate"), (*loc, "predicate"))
    for loc, award in _items(data, "awards"):
        if award.get("deadline"):
            yield (*loc, "deadline"), award["deadline"]


def _deadline_references(data: dict[str, Any]) -> Iterator[Problem]:
    known = [d["id"] for _, d in _items(data, "deadlines") if isinstance(d.get("id"), str)]
    listed = ", ".join(known) or "không có"
    for loc, ref in _references(data):
        if isinstance(ref, str) and ref not in known:
            yield Problem(
                "config-unknown-reference",
                loc,
                f"không có hạn nào (deadlines) có id “{ref}”; các id: {listed}",
                f"no deadline has id '{ref}' (deadlines: {listed})",
            )
