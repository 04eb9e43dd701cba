"""``count_rows``: rows of a register that match every ``where`` condition and belong to
the subject, in this campaign and (``campaigns``) earlier ones, at least N.

Whose a row is (``by``): ``staff_code`` — the row's staff code (for initiatives, the
resolved authorship, so an author written by name only counts once resolved); ``unit`` —
the row's unit code; ``name`` — the row's name (or author list) within the subject's unit,
only when no one else of that unit has the same name (else not met, saying why).
A reason says how many rows were counted, never what they hold (registers may be internal).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal

from pydantic import Field

from generator.judge.config_errors import Loc as KeyPath
from generator.judge.config_errors import Problem
from generator.judge.model import Loc, Nominee, RegisterRow
from generator.judge.rules.base import (
    COLLECTIVE_SHEET,
    CheckContext,
    Facts,
    Rule,
    Subject,
    Verdict,
    in_campaign,
)
from generator.judge.rules.conditions import Condition, condition_problems
from generator.judge.rules.logic import clause
from generator.judge.rules.words import Words
from generator.read.columns import Contract
from generator.read.text import fold

# The column a register row names its person or unit with, by ``by`` (first declared wins).
BY_KEYS = {
    "staff_code": ("staff_code", "author_codes"),
    "unit": ("unit",),
    "name": ("name", "authors"),
}
CREDITED = "initiatives"  # authorship resolved by validation (Dataset.credited)
_BY_VI = {
    "staff_code": "của chính cá nhân (theo mã cán bộ)",
    "unit": "của đơn vị",
    "name": "ghi đúng họ tên cá nhân trong đơn vị (khi không có người trùng tên)",
}


class CountRowsRule(Rule):
    """At least N rows of a register match the conditions and belong to the subject."""

    type: Literal["count_rows"]
    sheet_id: str = Field(
        alias="register", description="`register`: id of the register's sheet (a layout register)."
    )
    by: Literal["staff_code", "unit", "name"] = Field(
        description="How a row belongs to the subject: staff_code, unit or name."
    )
    where: list[Condition] = Field(
        default_factory=list, description="Conditions every counted row meets."
    )
    at_least: int = Field(1, ge=1, description="Least number of rows.")
    campaigns: list[str] = Field(
        default_factory=list,
        description="Ids of earlier campaigns whose same register is counted too (summed).",
    )

    def check(self, ctx: CheckContext, loc: KeyPath) -> Iterator[Problem]:
        if ctx.sheet == COLLECTIVE_SHEET and self.by != "unit":
            yield Problem(
                "config-invalid",
                (*loc, "by"),
                f"tập thể không có {'mã cán bộ' if self.by == 'staff_code' else 'họ tên'}: dùng by: unit",
                f"a department has no {self.by}: use by: unit",
            )
        found = list(self._register_problems(ctx.contract, loc, ""))
        for campaign_id in self.campaigns:  # the same register is counted there too
            earlier = ctx.campaigns.get(campaign_id)
            if earlier is not None:
                found += self._register_problems(earlier.contract, loc, campaign_id)
        seen: set[tuple[str, KeyPath]] = set()
        for one in found:
            if (one.code, one.loc) not in seen:
                seen.add((one.code, one.loc))
                yield one

    def _register_problems(
        self, contract: Contract, loc: KeyPath, campaign: str
    ) -> Iterator[Problem]:
        """The register, the column ``by`` needs and the ``where`` columns, in one contract
        (``campaign``: the earlier campaign it is, '' for this one)."""
        there_vi = f" của đợt {campaign}" if campaign else ""
        there_en = f" of campaign {campaign}" if campaign else ""
        registers = [s for _, s, _ in contract.layout.registers]
        sheet = next((s for s in registers if s.id == self.sheet_id), None)
        if sheet is None:
            listed = ", ".join(s.id for s in registers)
            yield Problem(
                "config-unknown-reference",
                (*loc, "register"),
                f"không có sổ (register) nào{there_vi} có id “{self.sheet_id}”; các sổ: {listed}",
                f"no register{there_en} has id '{self.sheet_id}' (registers: {listed})",
            )
            return
        needed = [BY_KEYS[self.by]] + ([("unit",)] if self.by == "name" else [])
        for keys in needed:
            if not any(sheet.has(k) for k in keys):
                yield Problem(
                    "config-unknown-reference",
                    (*loc, "by"),
                    f"sổ “{sheet.name}”{there_vi} không có cột {' hoặc '.join(keys)} để xét theo {self.by}",
                    f"register '{self.sheet_id}'{there_en} has no column {' or '.join(keys)} to count by {self.by}",
                )
        for n, cond in enumerate(self.where):
            at = (*loc, "where", n)
            if not sheet.has(cond.column):
                listed = ", ".join(c.key for c in sheet.columns)
                yield Problem(
                    "config-unknown-reference",
                    (*at, "column"),
                    f"sổ “{sheet.name}”{there_vi} không có cột khóa “{cond.column}”; các khóa: {listed}",
                    f"register '{self.sheet_id}'{there_en} declares no column '{cond.column}' (keys: {listed})",
                )
            else:
                yield from condition_problems(cond, sheet.column(cond.column), at)

    def describe(self, words: Words) -> str:
        where = "".join(
            f", {clause(c.sentence(words.header(c.column, self.sheet_id), words.kind(c.column, self.sheet_id), words.ratings))}"
            for c in self.where
        )
        across = ""
        if self.campaigns:
            which = "các đợt" if len(self.campaigns) > 1 else "đợt"
            across = f", cộng cả {which} " + ", ".join(words.campaign(c) for c in self.campaigns)
        return (
            f"Có ít nhất {self.at_least} dòng trong sổ “{words.register(self.sheet_id)}” "
            f"{_BY_VI[self.by]}{where}{across}."
        )

    def rows(self, subject: Subject, facts: Facts) -> tuple[list[RegisterRow], str]:
        """The subject's matching rows in ``facts``' campaign, or ([], why) when whose they
        are cannot be told (a namesake in the unit)."""
        if self.by == "name":
            name = getattr(subject, "name", "")
            if facts.namesakes(subject.unit, name) > 1:
                return (
                    [],
                    f"có {facts.namesakes(subject.unit, name)} người cùng họ tên trong đơn vị",
                )
        found = [
            r
            for r in facts.register(self.sheet_id)
            if self._mine(r, subject, facts) and self._meets(r, facts)
        ]
        return found, ""

    def _mine(self, row: RegisterRow, subject: Subject, facts: Facts) -> bool:
        if self.by == "unit":
            return row.get("unit") == subject.unit
        if not isinstance(subject, Nominee):
            return False
        if self.by == "staff_code" and self.sheet_id == CREDITED:
            code = row.get("code")
            return any(i.code == code for i in facts.initiatives_by(subject.staff_code))
        if self.by == "staff_code":
            return any(
                _names(row.get(k), subject.staff_code, exact=True) for k in BY_KEYS["staff_code"]
            )
        same_unit = row.get("unit") == subject.unit
        return same_unit and any(
            _names(row.get(k), subject.name, exact=False) for k in BY_KEYS["name"]
        )

    def _meets(self, row: RegisterRow, facts: Facts) -> bool:
        for cond in self.where:
            col = facts.column(self.sheet_id, cond.column)
            if col is None or not cond.holds(row.get(cond.column), col):
                return False
        return True

    def _sources(self, facts: Facts) -> list[tuple[str, Facts | None]]:
        sources: list[tuple[str, Facts | None]] = [("", facts)]
        for campaign_id in self.campaigns:
            past = facts.campaign(campaign_id)
            sources.append((campaign_id, past.facts() if past is not None else None))
        return sources

    def count(self, subject: Subject, facts: Facts) -> int:
        """How many rows it counts for the subject (over every campaign)."""
        return sum(len(self.rows(subject, f)[0]) for _, f in self._sources(facts) if f is not None)

    def test(self, subject: Subject, facts: Facts) -> Verdict:
        total, parts, evidence, blocked = 0, [], [], False
        for campaign_id, source in self._sources(facts):
            where = f"đợt {campaign_id}" if campaign_id else "đợt này"
            if source is None:
                parts.append(f"{where}: không có dữ liệu")
                continue
            rows, why = self.rows(subject, source)
            blocked = blocked or bool(why)
            total += len(rows)
            parts.append(f"{where}: {why}" if why else f"{where}: {len(rows)}")
            evidence += [in_campaign(r.loc, campaign_id) if campaign_id else r.loc for r in rows]
        register = facts.register_name(self.sheet_id)
        detail = "; ".join(parts) if len(parts) > 1 or blocked else ""
        reason = f"Số dòng phù hợp trong sổ “{register}”: {total}" + (
            f" ({detail})" if detail else ""
        )
        return Verdict(total >= self.at_least and not blocked, reason, _unique(evidence))


def _names(value: object, wanted: str, exact: bool) -> bool:
    """The cell (a text or a list of texts) names ``wanted``: exactly, or folded for names."""
    items: Sequence[object] = value if isinstance(value, list | tuple) else [value]
    if exact:
        return any(isinstance(v, str) and v == wanted for v in items)
    return any(isinstance(v, str) and fold(v) == fold(wanted) for v in items)


def _unique(locs: list[Loc]) -> tuple[Loc, ...]:
    return tuple(dict.fromkeys(locs))
