"""Small campaign projects on disk for the rule vocabulary (issue 11, item 2).

``Project`` writes ``site_config/<id>.yml`` (the founding rules with the criteria, the
contract and ``previous`` replaced), ``site_config/contracts/`` (the founding preset, plus a
``rules-test`` preset with a training register, custom ratings if asked) and
``data/<id>/`` (a :class:`Mini` campaign, with extra columns and the training register).
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from tests.builders.founding import SOLO_CONFIG
from tests.builders.mini import Mini
from tests.builders.workbooks import write_xlsx

ROOT = Path(__file__).resolve().parent.parent.parent
FOUNDING = SOLO_CONFIG  # the founding file without its `path`: pages at the root
PRESETS = ROOT / "site_config" / "contracts"
PRESET = "rules-test"

# Extra columns on both department sheets, and a training register of the layout.
CONTRACT = f"""contract:
  preset: {PRESET}
  columns:
    nominees:
      - {{key: satisfaction, header: Mức độ hài lòng, kind: percent}}
      - {{key: joined, header: Ngày vào ngành, kind: date}}
      - {{key: team, header: Tổ công tác, kind: choice, values: [Một cửa, Văn thư, Tổng hợp]}}
      - {{key: score, header: Điểm CCHC, kind: number}}
      - {{key: mentor, header: Người kèm cặp, visibility: internal}}
      - {{key: certified, header: Có chứng chỉ, kind: yesno}}
    submission:
      - {{key: cchc_index, header: Chỉ số CCHC, kind: number}}
"""
TRAINING_SHEET: dict[str, Any] = {
    "id": "training",
    "name": "Học tập",
    "columns": [
        {"key": "staff_code", "header": "Mã CB", "required": True, "visibility": "internal"},
        {"key": "name", "header": "Họ và tên"},
        {"key": "unit", "header": "Mã đơn vị", "required": True},
        {"key": "course", "header": "Khóa học", "kind": "choice", "values": ["CCHC", "CNTT", "Ngoại ngữ"]},
        {"key": "hours", "header": "Số giờ", "kind": "number", "required": True},
        {"key": "finished", "header": "Ngày hoàn thành", "kind": "date"},
        {"key": "secret", "header": "Ghi chú riêng", "visibility": "internal"},
    ],
}  # fmt: skip
TRAINING_HEADER = ["Mã CB", "Họ và tên", "Mã đơn vị", "Khóa học", "Số giờ", "Ngày hoàn thành", "Ghi chú riêng"]  # fmt: skip
# staff code → (rating, tasks assigned = on time); a rating may be written by its label
RATED = {"A1": ("HTXSNV", 12), "A2": ("Hoàn thành tốt nhiệm vụ", 10), "B1": ("HTNV", 10), "B2": ("KHTNV", 10)}  # fmt: skip
# staff code → (satisfaction, joined, team, score, mentor, certified)
EXTRAS: dict[str, tuple[object, ...]] = {
    "A1": ("92%", date(2010, 3, 1), "Một cửa", 9.5, "QZXMENTOR1", "Có"),
    "A2": ("85%", date(2016, 7, 1), "Văn thư", 8, "QZXMENTOR2", "Không"),
    "B1": ("80%", date(2014, 12, 31), "Tổng hợp", "7,5", None, "Có"),
    "B2": (None, None, "Một cửa", None, None, "Không"),
}
TRAINING: list[list[object]] = [
    ["A1", "Lê Văn Bình", "A", "CCHC", 40, date(2019, 6, 1), "QZXSECRET1"],
    ["A1", "Lê Văn Bình", "A", "CNTT", 16, date(2019, 9, 1), "QZXSECRET2"],
    ["B1", "Phạm Minh Đức", "B", "CCHC", 24, date(2019, 5, 1), "QZXSECRET3"],
    ["B2", "Võ Thị Em", "B", "Ngoại ngữ", 60, date(2019, 8, 1), None],
]


def preset_text(ratings: list[dict[str, str]] | None = None) -> str:
    """The founding preset with the training register (and other ratings, if given)."""
    preset = yaml.safe_load((PRESETS / "cchc-vpubnd-2019.yml").read_text(encoding="utf-8"))
    preset["id"] = PRESET
    preset["layout"]["registers"].append(
        {"file": "hoc-tap", "sheet": "training", "required": False}
    )
    preset["sheets"].append(copy.deepcopy(TRAINING_SHEET))
    if ratings is not None:
        preset["ratings"] = ratings
    return yaml.safe_dump(preset, allow_unicode=True, sort_keys=False)


def campaign_text(
    campaign_id: str,
    individual: str,
    collective: str = "",
    previous: str | None = None,
    name: str | None = None,
) -> str:
    """The founding campaign file with this id, criteria and ``previous``; ``individual`` and
    ``collective`` are YAML list items (indented by four spaces), empty for none."""
    text = FOUNDING.read_text(encoding="utf-8")
    text = text.replace("id: vpubnd-cantho-2019\ndata_dir: data/vpubnd-cantho-2019",
                        f"id: {campaign_id}\ndata_dir: data/{campaign_id}", 1)  # fmt: skip
    if name is not None:
        text = text.replace(
            "  name: Phong trào thi đua thực hiện cải cách hành chính năm 2019",
            f"  name: {name}", 1,
        )  # fmt: skip
    start, end = text.index("criteria:\n"), text.index("\ndossier:")
    criteria = "criteria:\n  collective:" + (f"\n{collective}" if collective else " []")
    criteria += "\n  individual:" + (f"\n{individual}" if individual else " []") + "\n"
    text = text[:start] + criteria + text[end:]
    start = text.index("contract:\n")
    end = text.index("\n\n", start)
    text = text[:start] + CONTRACT.rstrip("\n") + text[end:]
    if previous is not None:
        text += f"previous: {previous}\n"
    return text


def criterion(cid: str, predicate: str) -> str:
    """One criterion as a YAML list item, its predicate written inline."""
    return f"    - id: {cid}\n      label: {cid}\n      meaning: Thử {cid}.\n      predicate: {predicate}"


@dataclass
class Project:
    """A repository of campaigns under ``root``."""

    root: Path
    ratings: list[dict[str, str]] | None = None
    minis: dict[str, Mini] = field(default_factory=dict)

    def __post_init__(self) -> None:
        contracts = self.root / "site_config" / "contracts"
        shutil.copytree(PRESETS, contracts, dirs_exist_ok=True)
        (contracts / f"{PRESET}.yml").write_text(preset_text(self.ratings), encoding="utf-8")

    def config(self, campaign_id: str, text: str) -> Path:
        path = self.root / "site_config" / f"{campaign_id}.yml"
        path.write_text(text, encoding="utf-8")
        return path

    def campaign(
        self,
        campaign_id: str,
        individual: str,
        collective: str = "",
        previous: str | None = None,
        mini: Mini | None = None,
        training: list[list[object]] | None = None,
        name: str | None = None,
    ) -> Path:
        """Write one campaign (config and data); returns its config file."""
        mini = mini or with_extras(Mini())
        self.minis[campaign_id] = mini
        data = mini.write(self.root / "data" / campaign_id)
        rows = TRAINING if training is None else training
        if rows:
            write_xlsx(data / "hoc-tap.xlsx", {"Học tập": [TRAINING_HEADER, *rows]})
        return self.config(
            campaign_id, campaign_text(campaign_id, individual, collective, previous, name)
        )


def with_extras(mini: Mini) -> Mini:
    """The Mini campaign with the extra columns filled (EXTRAS; units' CCHC index 92, 88)."""
    headers = ("Mức độ hài lòng", "Ngày vào ngành", "Tổ công tác", "Điểm CCHC", "Người kèm cặp", "Có chứng chỉ")  # fmt: skip
    for rows in mini.nominees.values():
        for row in rows:
            code = str(row["Mã CB"])
            row.update(zip(headers, EXTRAS.get(code, (None,) * 6), strict=True))
            rating, tasks = RATED.get(code, ("HTXSNV", 10))
            row["Xếp loại"] = rating
            row["Số nhiệm vụ được giao"] = row["Số nhiệm vụ đúng hạn"] = tasks
    for unit, index in (("A", 92), ("B", 88)):
        for row in mini.submissions.get(unit, []):
            row["Chỉ số CCHC"] = index
    return mini
