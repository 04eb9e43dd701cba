"""Small campaigns for ranking and quotas: departments with their nominees and initiatives,
written as real workbooks (``Mini``), and the founding rules with their quotas, ranking keys,
awards or contract replaced (a project folder with its presets, as a new office would write).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.judge.pipeline import Result
from tests.builders.founding import SOLO_CONFIG
from tests.builders.mini import Mini, Row, nominee, submission

ROOT = Path(__file__).resolve().parent.parent.parent
FOUNDING = SOLO_CONFIG  # the founding file without its `path`: pages at the root
PRESETS = FOUNDING.parent / "contracts"

# (staff code, votes agreeing out of 10 (None: no vote counts), recognised initiatives)
Person = tuple[str, int | None, int]


def initiative(code: str, unit: str, staff: str | None) -> Row:
    return {
        "Mã sáng kiến": code, "Tên sáng kiến": f"Sáng kiến {code}", "Mã đơn vị": unit,
        "Tác giả": None if staff is None else f"Tác giả {staff}", "Mã CB tác giả": staff,
        "Lĩnh vực": "Cải cách TTHC", "Kết quả": "Công nhận", "Số quyết định": f"{code}/QĐ",
        "Ngày công nhận": dt.date(2019, 10, 1),
    }  # fmt: skip


def person(unit: str, code: str, agree: int | None) -> Row:
    row = nominee(code, f"Người {code}", agree or 0)
    if agree is None:
        row["Số phiếu đồng ý"] = row["Tổng số phiếu"] = None
    return row


def campaign(
    people: dict[str, list[Person]],
    collective: dict[str, int] | None = None,
    kinds: dict[str, str] | None = None,
) -> Mini:
    """Departments with their nominees; ``collective``: department → initiatives of the
    department itself (no author). A department proposes itself only when listed there.
    ``kinds``: department → its `Loại đơn vị` (default Phòng)."""
    collective = collective or {}
    kinds = kinds or {}
    units = sorted(set(people) | set(collective) | set(kinds) | {"A"})
    mini = Mini()
    mini.units = [
        {"Mã đơn vị": u, "Tên đơn vị": f"Phòng {u}", "Loại đơn vị": kinds.get(u, "Phòng"),
         "Thứ tự": i}
        for i, u in enumerate(units, 1)
    ]  # fmt: skip
    mini.submissions, mini.nominees, mini.initiatives = {}, {}, []
    for unit in units:
        sub = submission(unit)
        if unit not in collective:
            sub["Đề nghị khen thưởng"] = "Không"
        mini.submissions[unit] = [sub]
        staff = people.get(unit) or [(f"{unit}0", 5, 0)]
        mini.nominees[unit] = [person(unit, code, agree) for code, agree, _ in staff]
        for code, _, count in staff:
            mini.initiatives += [initiative(f"SK-{code}-{i}", unit, code) for i in range(count)]
        mini.initiatives += [
            initiative(f"SK-{unit}-{i}", unit, None) for i in range(collective.get(unit, 0))
        ]
    return mini


def outcomes(result: Result, kind: str) -> dict[str, tuple[int | None, str, int]]:
    """key → (rank, status, recognised initiatives)."""
    return {
        o.key: (o.rank, o.status.value, o.recognised_initiatives)
        for o in result.outcomes
        if o.kind == kind
    }


def ranks(result: Result, kind: str) -> dict[str, tuple[int | None, str]]:
    """key → (rank, status)."""
    return {k: v[:2] for k, v in outcomes(result, kind).items()}


def rules(**changes: Any) -> dict[str, Any]:
    """The founding campaign file as data, with top-level keys replaced."""
    data: dict[str, Any] = yaml.safe_load(FOUNDING.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def project(
    folder: Path, config: dict[str, Any], units_columns: list[dict[str, Any]] | None = None
) -> Path:
    """``folder/site_config/campaign.yml`` holding ``config``, next to the presets; with
    ``units_columns``, the founding preset's units register declares those columns too."""
    site_config = folder / "site_config"
    shutil.copytree(PRESETS, site_config / "contracts")
    if units_columns:
        preset_file = site_config / "contracts" / "cchc-vpubnd-2019.yml"
        preset = yaml.safe_load(preset_file.read_text(encoding="utf-8"))
        units = next(s for s in preset["sheets"] if s["id"] == "units")
        units["columns"] += units_columns
        preset_file.write_text(yaml.safe_dump(preset, allow_unicode=True), encoding="utf-8")
    path = site_config / "campaign.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path
