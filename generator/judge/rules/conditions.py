"""A condition on one column: ``{column, op, value | values | low, high}``, the shared core
of ``compare`` (on the subject's record) and of ``count_rows``' ``where`` (on a register row).

Operators: ``eq ne lt le gt ge between in not_in``. Ordered ones (``lt le gt ge between``)
apply to integer, number, percent (percentage points: ``85`` is 85 %), date (``dd/mm/yyyy``)
and rating columns (ratings ordered by the contract, best first: ``ge HTTNV`` is HTTNV or
better); equality ones also to choice (values must be declared ones) and text columns.
A value that does not fit the column's kind, and an operator the kind has no meaning for,
are config errors (:func:`condition_problems`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from generator.judge.config_errors import Loc as KeyPath
from generator.judge.config_errors import Problem, at_keys, impossible_date
from generator.read.columns import Column, Kind, Rating
from generator.read.text import fold

Op = Literal["eq", "ne", "lt", "le", "gt", "ge", "between", "in", "not_in"]
Raw = str | int | float
ORDERED = frozenset({"lt", "le", "gt", "ge", "between"})
ORDERED_KINDS = frozenset({Kind.INT, Kind.NUMBER, Kind.PERCENT, Kind.DATE, Kind.RATING})
EQUALITY_KINDS = ORDERED_KINDS | {Kind.CHOICE, Kind.TEXT}
_NUMBER = re.compile(r"[+-]?\d+([.,]\d+)?")


class Condition(BaseModel):
    """A column compared with a value (``value``), two bounds (``low``, ``high``: both
    included) or a list (``values``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    column: str = Field(description="Key of the column (as the contract declares it).")
    op: Op = Field(description="eq, ne, lt, le, gt, ge, between, in or not_in.")
    value: Raw | None = Field(None, description="With eq, ne, lt, le, gt, ge: the value.")
    values: list[Raw] = Field(default_factory=list, description="With in, not_in: the values.")
    low: Raw | None = Field(None, description="With between: the least value (included).")
    high: Raw | None = Field(None, description="With between: the greatest value (included).")

    @model_validator(mode="after")
    def _shape(self) -> Condition:
        given = {
            k for k in ("value", "values", "low", "high") if getattr(self, k) not in (None, [])
        }
        wanted = {"between": {"low", "high"}, "in": {"values"}, "not_in": {"values"}}.get(
            self.op, {"value"}
        )
        if given != wanted:
            keys = " and ".join(sorted(wanted))
            raise at_keys((("op",), f"op {self.op} takes {keys} (and nothing else)"))
        return self

    def raw_values(self) -> list[Raw]:
        """The values as written, in order."""
        if self.op == "between":
            return [self.low or 0, self.high or 0]
        return list(self.values) if self.op in ("in", "not_in") else [self.value or 0]

    def holds(self, actual: object, col: Column) -> bool:
        """True when the value ``actual`` (of the column ``col``) meets the condition; a
        missing value meets none (not even ``ne``)."""
        wanted = [parse_value(v, col) for v in self.raw_values()]
        if actual is None or any(isinstance(w, Bad) for w in wanted):
            return False
        have = rank(actual, col)
        keys = [rank(w, col) for w in wanted]
        if have is None:
            return False  # a rating the contract does not list
        if self.op in ("in", "not_in"):
            return (have in keys) == (self.op == "in")
        try:
            if self.op == "between":
                return bool(_COMPARE["ge"](have, keys[0]) and _COMPARE["le"](have, keys[1]))
            return bool(_COMPARE[self.op](have, keys[0]))
        except TypeError:  # a value of another type than the column's kind
            return False

    def sentence(self, header: str, kind: Kind, ratings: tuple[Rating, ...]) -> str:
        """“Chỉ số CCHC” từ 90 trở lên."""
        shown = [said(v, kind, ratings) for v in self.raw_values()]
        return f"“{header}” {phrase(self.op, kind, shown)}"


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
}


@dataclass(frozen=True)
class Bad:
    """Why a config value does not fit a column's kind (vi, en)."""

    vi: str
    en: str
    code: str = "config-invalid"


def parse_value(raw: object, col: Column) -> object:
    """A config value read as the column's kind (a :class:`Bad` when it does not fit)."""
    kind = col.kind
    if isinstance(raw, bool):
        return Bad("cần một giá trị, không phải true/false", "a value is needed, not true/false")
    if kind in (Kind.INT, Kind.NUMBER, Kind.PERCENT):
        return _number(raw, kind)
    if kind == Kind.DATE:
        return _date(raw)
    text = str(raw).strip()
    if kind == Kind.RATING:
        found = next((c for c, label in col.ratings if fold(text) in (fold(c), fold(label))), None)
        codes = ", ".join(c for c, _ in col.ratings)
        return found or Bad(
            f"“{text}” không phải một mức xếp loại ({codes})",
            f"'{text}' is not a rating ({codes})",
        )
    if kind == Kind.CHOICE:
        found = next((c for c in col.choices if fold(c) == fold(text)), None)
        listed = ", ".join(col.choices)
        return found or Bad(
            f"“{text}” không phải một giá trị của cột ({listed})",
            f"'{text}' is not one of the column's values ({listed})",
        )
    return text


def _number(raw: object, kind: Kind) -> object:
    if isinstance(raw, int | float):
        number = float(raw)
    else:
        text = (
            str(raw).strip().removesuffix("%").strip() if kind == Kind.PERCENT else str(raw).strip()
        )
        if not _NUMBER.fullmatch(text):
            return Bad(f"“{raw}” không phải một số", f"'{raw}' is not a number")
        number = float(text.replace(",", "."))
    if kind == Kind.INT and not number.is_integer():
        return Bad(f"“{raw}” không phải một số nguyên", f"'{raw}' is not a whole number")
    if kind == Kind.PERCENT and not 0 <= number <= 100:
        return Bad(
            f"{raw} nằm ngoài 0–100 (tỷ lệ viết bằng điểm phần trăm: 85 là 85%)",
            f"{raw} is outside 0–100 (a percentage is written in points: 85 is 85 %)",
        )
    return number


def _date(raw: object) -> object:
    text = str(raw).strip()
    try:
        return dt.datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        why = impossible_date(text)
        if why is not None:
            return Bad(
                f"“{text}” không phải một ngày có thật: {why[0]}",
                f"'{text}' is not a real date: {why[1]}",
                "config-date-impossible",
            )
        return Bad(
            f"“{text}” không phải một ngày viết dd/mm/yyyy",
            f"'{text}' is not a date written dd/mm/yyyy",
        )


def rank(value: object, col: Column) -> object:
    """A value as compared: ratings by their order (better is greater), texts folded."""
    if col.kind == Kind.RATING:
        codes = [c for c, _ in col.ratings]
        return -codes.index(str(value)) if value in codes else None
    if col.kind in (Kind.INT, Kind.NUMBER, Kind.PERCENT) and isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        return fold(value)
    return value


def said(raw: Raw, kind: Kind, ratings: tuple[Rating, ...]) -> str:
    """A config value as a sentence says it."""
    if kind == Kind.RATING:
        label = next((lb for c, lb in ratings if fold(c) == fold(str(raw))), str(raw))
        return f"“{label}”"
    if kind in (Kind.INT, Kind.NUMBER, Kind.PERCENT):
        text = (
            f"{float(raw):g}"
            if isinstance(raw, int | float)
            else str(raw).strip().removesuffix("%").strip()
        )
        return text.replace(".", ",") + ("%" if kind == Kind.PERCENT else "")
    if kind == Kind.DATE:
        return str(raw).strip()
    return f"“{str(raw).strip()}”"


def phrase(op: str, kind: Kind, shown: list[str]) -> str:
    """The operator and its values in Vietnamese: “từ 90 trở lên”, “trước ngày 01/12/2019”."""
    first = shown[0]
    if kind == Kind.DATE:
        return {
            "eq": f"là ngày {first}", "ne": f"không phải ngày {first}",
            "lt": f"trước ngày {first}", "le": f"không muộn hơn ngày {first}",
            "gt": f"sau ngày {first}", "ge": f"không sớm hơn ngày {first}",
            "between": f"từ ngày {first} đến ngày {shown[-1]}",
            "in": "là một trong các ngày " + ", ".join(shown),
            "not_in": "không phải các ngày " + ", ".join(shown),
        }[op]  # fmt: skip
    if kind == Kind.RATING:
        return {
            "eq": f"là {first}", "ne": f"không phải {first}",
            "lt": f"thấp hơn mức {first}", "le": f"không cao hơn mức {first}",
            "gt": f"cao hơn mức {first}", "ge": f"từ mức {first} trở lên",
            "between": f"từ mức {first} đến mức {shown[-1]}",
            "in": "là một trong các mức " + ", ".join(shown),
            "not_in": "không thuộc các mức " + ", ".join(shown),
        }[op]  # fmt: skip
    return {
        "eq": f"bằng {first}" if kind != Kind.CHOICE and kind != Kind.TEXT else f"là {first}",
        "ne": f"khác {first}" if kind != Kind.CHOICE and kind != Kind.TEXT else f"không phải {first}",
        "lt": f"nhỏ hơn {first}", "le": f"không quá {first}",
        "gt": f"lớn hơn {first}", "ge": f"từ {first} trở lên",
        "between": f"từ {first} đến {shown[-1]}",
        "in": "là một trong: " + ", ".join(shown),
        "not_in": "không thuộc: " + ", ".join(shown),
    }[op]  # fmt: skip


def condition_problems(cond: Condition, col: Column, loc: KeyPath) -> Iterator[Problem]:
    """An operator the column's kind has no meaning for, and each value that does not fit."""
    allowed = ORDERED_KINDS if cond.op in ORDERED else EQUALITY_KINDS
    if col.kind not in allowed:
        hint = " (dùng is_yes)" if col.kind == Kind.YESNO else ""
        yield Problem(
            "config-kind-mismatch",
            (*loc, "op"),
            f"phép so sánh {cond.op} không dùng được cho cột “{col.header}” ({col.kind.value}){hint}",
            f"op {cond.op} does not apply to column '{cond.column}' of kind {col.kind.value}"
            + (" (use is_yes)" if hint else ""),
        )
        return
    keys = {"between": ("low", "high"), "in": ("values",), "not_in": ("values",)}.get(
        cond.op, ("value",)
    )
    for key in keys:
        raws = cond.values if key == "values" else [getattr(cond, key)]
        for n, raw in enumerate(raws):
            bad = parse_value(raw, col)
            if isinstance(bad, Bad):
                at = (*loc, key, n) if key == "values" else (*loc, key)
                yield Problem(bad.code, at, bad.vi, bad.en)
    if cond.op == "between":
        low, high = parse_value(cond.low, col), parse_value(cond.high, col)
        if (
            not isinstance(low, Bad)
            and not isinstance(high, Bad)
            and _COMPARE["gt"](rank(low, col), rank(high, col))
        ):
            yield Problem(
                "config-invalid",
                (*loc, "high"),
                "giá trị high nhỏ hơn low: không giá trị nào nằm giữa",
                "high is below low: no value lies between them",
            )
