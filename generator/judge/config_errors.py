"""Campaign-file problems as located issues: pydantic's errors and the cross-field checks.

A :class:`Problem` is a code, a pydantic-style path and a sentence in Vietnamese and English;
:func:`to_issue` places it in the file (line and column from :mod:`config_source`) and names
the dotted key. :func:`from_pydantic` turns each pydantic error into a problem with its own
stable code (docs/issue-codes.md, "Campaign file"): an unknown key says which keys are allowed
there, an impossible date says why, a quota below one says it can never be met.
"""

from __future__ import annotations

import calendar
import re
import types
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails, InitErrorDetails, PydanticCustomError, ValidationError

from generator.judge.config_source import Place, Source
from generator.read.issues import Issue, Severity

Loc = tuple[int | str, ...]

# Every code of the campaign file (docs/issue-codes.md, "The campaign file"), all errors.
SEVERITY: dict[str, Severity] = dict(
    (
        ("config-unreadable", "error"),
        ("config-unknown-key", "error"),
        ("config-missing-key", "error"),
        ("config-duplicate-key", "error"),
        ("config-invalid", "error"),
        ("config-date-impossible", "error"),
        ("config-date-order", "error"),
        ("config-comment-window-order", "error"),
        ("config-comment-endpoint", "error"),
        ("config-unknown-reference", "error"),
        ("config-duplicate-id", "error"),
        ("config-quota-impossible", "error"),
        ("config-kind-mismatch", "error"),
        ("config-lookback-too-far", "error"),
        ("config-campaign-cycle", "error"),
        ("config-campaign-invalid", "error"),
        ("config-campaign-file-name", "error"),
        ("config-campaign-path", "error"),
        ("config-campaign-current", "error"),
    )
)


@dataclass(frozen=True)
class Problem:
    """One problem of the campaign file, before it is placed in the file."""

    code: str
    loc: Loc
    vi: str
    en: str
    at_key: bool = False  # placed at the key (unknown, repeated), not at its value


def at_keys(*problems: tuple[Loc, str]) -> ValidationError:
    """For a model validator: problems at keys *inside* the model (``raise at_keys((("name",),
    "…"))``), so the issue points at that key's line rather than at the whole mapping.
    pydantic prefixes each path with the model's own place."""
    return ValidationError.from_exception_data(
        "campaign file",
        [
            InitErrorDetails(
                type=PydanticCustomError("value_error", "{reason}", {"reason": reason}),
                loc=loc,
                input=None,
            )
            for loc, reason in problems
        ],
    )


def to_issue(path: Path, key: str, place: Place | None, code: str, vi: str, en: str) -> Issue:
    """An error at ``place`` of ``path``, about the dotted ``key`` (empty: the whole file)."""
    where_vi = f"Tệp cấu hình {path.name}"
    where_en = f"Config {path.name}"
    if place is not None:
        where_vi += f", dòng {place.line}, cột {place.column}"
        where_en += f", line {place.line}, column {place.column}"
    if key:
        where_vi += f", khóa {key}"
        where_en += f", key {key}"
    return Issue(
        code=code,
        severity=SEVERITY[code],
        file=str(path),
        row=place.line if place else None,
        column=key or None,
        text_column=place.column if place else None,
        message=f"{where_vi}: {vi}",
        message_en=f"{where_en}: {en}",
    )


def place_problems(
    path: Path, source: Source, root: type[BaseModel], found: Sequence[Problem]
) -> list[Issue]:
    """Each problem as an issue with its line, column and dotted key."""
    return [
        to_issue(path, dotted(root, p.loc), source.locate(p.loc, key=p.at_key), p.code, p.vi, p.en)
        for p in found
    ]


# --- the model along a path --------------------------------------------------------------


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _members(tp: Any) -> tuple[Any, ...]:
    """The members of a union (``X | None`` included), else ()."""
    if get_origin(tp) in (Union, types.UnionType):
        return tuple(_unwrap(a) for a in get_args(tp) if a is not type(None))
    return ()


def _tag(member: Any) -> str | None:
    """The discriminator value of a union member (its ``type: Literal[...]``), if any."""
    if isinstance(member, type) and issubclass(member, BaseModel) and "type" in member.model_fields:
        args = get_args(member.model_fields["type"].annotation)
        return str(args[0]) if args else None
    return None


def walk(root: type[BaseModel], loc: Loc) -> tuple[Any, list[str]]:
    """The type at ``loc`` (None where the path leaves the model) and the path's keys
    without union branch labels (a predicate's tag)."""
    tp: Any = root
    keys: list[str] = []
    for part in loc:
        tp = _unwrap(tp)
        members = _members(tp)
        if len(members) == 1:  # X | None
            tp = members[0]
        elif members:  # a discriminated union: the part is the chosen member's tag
            tp = next((m for m in members if _tag(m) == part), None)
            if tp is not None:
                continue
        keys.append(str(part))
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = _field(tp, str(part))
            tp = field.annotation if field is not None else None
        elif get_origin(tp) is list and isinstance(part, int):
            tp = get_args(tp)[0]
        else:
            tp = None
    return _unwrap(tp) if tp is not None else None, keys


def _field(model: type[BaseModel], key: str) -> Any:
    """The field a file's key names: by its alias when it has one, else by its name."""
    return next((f for name, f in model.model_fields.items() if (f.alias or name) == key), None)


def dotted(root: type[BaseModel], loc: Loc) -> str:
    """``('criteria', 'individual', 2, 'predicate', 'is_yes', 'column')`` →
    ``criteria.individual.2.predicate.column``."""
    return ".".join(walk(root, loc)[1])


def allowed_keys(root: type[BaseModel], loc: Loc) -> list[str]:
    """The keys the mapping at ``loc`` may hold (its model's fields), or [] if unknown."""
    tp, _ = walk(root, loc)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [f.alias or name for name, f in tp.model_fields.items()]
    return []


# --- pydantic's errors -------------------------------------------------------------------

_EXPECTED_VI = {
    "string": "một đoạn văn bản",
    "int": "một số nguyên",
    "float": "một số",
    "bool": "true hoặc false",
    "list": "một danh sách",
    "dict": "một nhóm khóa (mapping)",
    "model": "một nhóm khóa (mapping)",
    "date": "một ngày viết dd/mm/yyyy",
}
_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*")


def impossible_date(text: str) -> tuple[str, str] | None:
    """Why ``text``, written dd/mm/yyyy, is not a day of the calendar (vi, en); None when it
    is not written dd/mm/yyyy at all."""
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return (f"không có tháng {month} (tháng từ 1 đến 12)", f"there is no month {month}")
    days = calendar.monthrange(year, month)[1]
    if month == 2 and day == 29 and days == 28:
        return (
            f"năm {year} không phải năm nhuận: tháng 2 chỉ có 28 ngày",
            f"{year} is not a leap year: February has 28 days",
        )
    if not 1 <= day <= days:
        return (
            f"tháng {month} năm {year} chỉ có {days} ngày",
            f"month {month} of {year} has {days} days",
        )
    return None


def from_pydantic(root: type[BaseModel], error: ErrorDetails) -> Problem:
    """A pydantic error as a problem with its code and both sentences."""
    kind, loc, msg = error["type"], tuple(error["loc"]), error["msg"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    if kind == "missing":
        name = str(loc[-1])
        return Problem(
            "config-missing-key",
            loc,
            f"thiếu khóa bắt buộc “{name}”",
            f"required key '{name}' is missing",
        )
    if kind == "union_tag_not_found":
        return Problem(
            "config-missing-key",
            (*loc, "type"),
            "thiếu khóa bắt buộc “type”",
            "required key 'type' is missing",
        )
    if kind == "extra_forbidden":
        allowed = ", ".join(allowed_keys(root, loc[:-1]))
        return Problem(
            "config-unknown-key",
            loc,
            f"khóa “{loc[-1]}” không có trong cấu hình ở đây; các khóa được phép: {allowed}",
            f"unknown key '{loc[-1]}'; the keys allowed here: {allowed}",
            at_key=True,
        )
    if kind == "union_tag_invalid":
        expected = str(ctx.get("expected_tags", ""))
        return Problem(
            "config-invalid",
            (*loc, "type"),
            f"không có loại “{ctx.get('tag')}”; các loại: {expected}",
            f"no type '{ctx.get('tag')}'; the types: {expected}",
        )
    if kind == "value_error" and isinstance(value, str) and (why := impossible_date(value)):
        return Problem(
            "config-date-impossible",
            loc,
            f"“{value.strip()}” không phải một ngày có thật: {why[0]}",
            f"'{value.strip()}' is not a real date: {why[1]}",
        )
    if _quota_bound(kind, loc):
        least = f"ít nhất {ctx['ge']:g}" if "ge" in ctx else f"lớn hơn {ctx.get('gt', 0):g}"
        return Problem(
            "config-quota-impossible",
            loc,
            f"chỉ tiêu {value} không bao giờ đạt được: không ai nằm trong chỉ tiêu ({least})",
            f"a quota of {value} can never be met: nobody could be within it "
            f"({least.replace('ít nhất', 'at least').replace('lớn hơn', 'above')})",
        )
    return Problem(
        "config-invalid", loc, _vi_invalid(kind, ctx, msg), msg.removeprefix("Value error, ")
    )


def _quota_bound(kind: str, loc: Loc) -> bool:
    """A quota's count below 1 or a share of 0 % or less (top level or an award's)."""
    in_quota = loc[:1] == ("quotas",) or (len(loc) > 2 and loc[0] == "awards" and loc[2] == "quota")
    return (
        kind in ("greater_than_equal", "greater_than")
        and in_quota
        and loc[-1] in ("count", "share")
    )


def _vi_invalid(kind: str, ctx: dict[str, Any], msg: str) -> str:
    family = kind.split("_")[0]
    if kind.endswith(("_type", "_parsing")) and family in _EXPECTED_VI:
        return f"sai kiểu: cần {_EXPECTED_VI[family]}"
    if kind == "literal_error":
        return f"giá trị không thuộc danh sách cho phép: {ctx.get('expected')}"
    if kind == "string_pattern_mismatch":
        return f"giá trị không đúng mẫu {ctx.get('pattern')}"
    if kind == "greater_than_equal":
        return f"giá trị phải từ {ctx.get('ge')} trở lên"
    if kind == "too_short":
        return f"cần ít nhất {ctx.get('min_length')} mục"
    if kind == "value_error" and "written dd/mm/yyyy" in msg:
        return "không phải một ngày viết dd/mm/yyyy"
    return f"giá trị không hợp lệ ({msg.removeprefix('Value error, ')})"
