"""The data dictionary of /du-lieu-mo/: from ``datapackage.json`` when the build made one,
else from the public columns of the data contract and the computed fields."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.judge import contract as schema
from generator.read.text import slug
from generator.site.open_data.export import FOLDER

TYPE_LABELS = {
    "string": "chuỗi ký tự",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "đúng/sai (true/false)",
    "date": "ngày (YYYY-MM-DD)",
    "object": "đối tượng (mã tiêu chí → đúng/sai)",
    "array": "danh sách",
}
KIND_TYPES = {
    schema.Kind.TEXT: "string",
    schema.Kind.INT: "integer",
    schema.Kind.DATE: "date",
    schema.Kind.YESNO: "boolean",
    schema.Kind.RATING: "string",
    schema.Kind.CHOICE: "string",
    schema.Kind.LIST: "string",
}
# Fallback data dictionary (no datapackage.json given): public columns of these sheets …
DICTIONARY_SHEETS = {
    "ca-nhan": ("Cá nhân được đề nghị", schema.NOMINEES),
    "tap-the": ("Tập thể được đề nghị", schema.SUBMISSION),
    "sang-kien": ("Sáng kiến", schema.INITIATIVES),
    "vinh-danh": ("Vinh danh", schema.COUNCIL),
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


def data_dictionary(downloads: Mapping[str, bytes]) -> tuple[list[DictTable], bool]:
    """The data dictionary: from datapackage.json when given (it describes the files
    exactly), else from the public columns of the data contract and the computed fields."""
    package = downloads.get(f"{FOLDER}/datapackage.json")
    if package is not None:
        try:
            return _dictionary_from_package(json.loads(package.decode("utf-8"))), True
        except (ValueError, KeyError, TypeError, AttributeError):
            pass
    return _dictionary_from_schema(), False


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


def _dictionary_from_schema() -> list[DictTable]:
    tables = []
    for name, (title, sheet) in DICTIONARY_SHEETS.items():
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
