"""The data dictionary of /du-lieu-mo/: from ``datapackage.json`` when the build made one,
else from the public columns of the data contract and the computed fields."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.read.columns import Contract
from generator.read.text import slug
from generator.site.open_data.export import FOLDER
from generator.site.open_data.fields import KIND_TYPES

TYPE_LABELS = {
    "string": "chuỗi ký tự",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "đúng/sai (true/false)",
    "date": "ngày (YYYY-MM-DD)",
    "object": "đối tượng (mã tiêu chí → đúng/sai)",
    "array": "danh sách",
}
# Fallback data dictionary (no datapackage.json given): public columns of these sheets (ids) …
DICTIONARY_SHEETS = {
    "ca-nhan": ("Cá nhân được đề nghị", "nominees"),
    "tap-the": ("Tập thể được đề nghị", "submission"),
    "sang-kien": ("Sáng kiến", "initiatives"),
    "vinh-danh": ("Vinh danh", "council"),
}
# … plus the fields computed by the generator.
COMPUTED_FIELDS = (
    ("ma_don_vi", "Mã phòng, bộ phận", "string"),
    ("don_vi", "Tên phòng, bộ phận", "string"),
    ("ho_ten", "Họ và tên", "string"),
    ("chuc_vu", "Chức vụ", "string"),
    ("tieu_chi", "Kết quả từng tiêu chí: mã tiêu chí → đạt (true) / không đạt (false)", "object"),
    ("du_dieu_kien", "Đạt tất cả tiêu chí", "boolean"),
    ("trang_thai", "Mã trạng thái xét (not-eligible, within-quota, …)", "string"),
)


@dataclass(frozen=True)
class DictField:
    """A field of the data dictionary."""

    name: str
    title: str
    type: str
    description: str


@dataclass(frozen=True)
class DictTable:
    """A table of the data dictionary with its fields."""

    name: str
    title: str
    description: str
    fields: tuple[DictField, ...]


def data_dictionary(
    downloads: Mapping[str, bytes], contract: Contract
) -> tuple[list[DictTable], bool]:
    """The data dictionary: from datapackage.json when given (it describes the files
    exactly), else from the public columns of the data contract and the computed fields."""
    package = downloads.get(f"{FOLDER}/datapackage.json")
    if package is not None:
        try:
            return _dictionary_from_package(json.loads(package.decode("utf-8"))), True
        except (ValueError, KeyError, TypeError, AttributeError):
            pass
    return _dictionary_from_schema(contract), False


def _dictionary_from_package(package: dict[str, Any]) -> list[DictTable]:
    tables = []
    for res in package["resources"]:
        fields = tuple(
            DictField(
                str(f["name"]),
                str(f.get("title", "")),
                TYPE_LABELS.get(str(f.get("type", "string")), str(f.get("type", ""))),
                str(f.get("description", "")),
            )
            for f in res["schema"]["fields"]
        )
        name = str(res["name"])
        tables.append(
            DictTable(name, str(res.get("title", name)), str(res.get("description", "")), fields)
        )
    return tables


def _dictionary_from_schema(contract: Contract) -> list[DictTable]:
    tables = []
    for name, (title, sheet_id) in DICTIONARY_SHEETS.items():
        sheet = contract.sheet(sheet_id)
        fields = [DictField(n, "", TYPE_LABELS[t], d) for n, d, t in COMPUTED_FIELDS]
        seen = {f.name for f in fields}
        for col in sheet.columns:
            field_name = slug(col.header).replace("-", "_")
            if not col.public or field_name in seen or col.key in ("unit", "name", "position"):
                continue
            seen.add(field_name)
            fields.append(
                DictField(
                    field_name,
                    col.header,
                    TYPE_LABELS[KIND_TYPES[col.kind]],
                    col.description or col.header,
                )
            )
        tables.append(DictTable(name, title, "", tuple(fields)))
    return tables
