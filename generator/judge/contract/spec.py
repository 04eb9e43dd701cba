"""The contract preset file format (``site_config/contracts/<name>.yml``) and a campaign's
``contract`` key, as pydantic models: unknown keys refused, every field described.

docs/config.md documents each field (a test checks that). :mod:`.resolve` turns a preset
plus a campaign's additions and overrides into the reader's declarations (``read.columns``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from generator.read.text import header_key

KEY = r"^[a-z][a-z0-9_]*$"
KindName = Literal[
    "text", "integer", "number", "percent", "date", "yesno", "rating", "choice", "list"
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AbsentNote(_Strict):
    vi: str = Field(
        description="What the column's absence changes, in Vietnamese (shown to staff)."
    )
    en: str = Field(description="The same in English (logs, annotations).")


class ColumnSpec(_Strict):
    key: str = Field(pattern=KEY, description="Identifier used by the code and the config.")
    header: str = Field(min_length=1, description="Header as the spreadsheet writes it.")
    aliases: list[str] = Field(
        default_factory=list,
        description="Other headers accepted for the column, matched the same way (case, "
        "spacing and diacritics aside).",
    )
    kind: KindName = Field("text", description="Kind of value, how a cell is read.")
    values: list[str] = Field(
        default_factory=list, description="Only with kind: choice: the values allowed."
    )
    required: bool = Field(False, description="A header and a value in every row are required.")
    unique: bool = Field(False, description="No two rows of the sheet (all files) share a value.")
    visibility: Literal["public", "internal"] = Field(
        "public", description="internal: read and checked, never published."
    )
    description: str = Field("", description="What the column holds (data dictionary).")
    absent: AbsentNote | None = Field(
        None, description="Optional columns: what a missing column changes (vi, en)."
    )

    @model_validator(mode="after")
    def _values_with_choice(self) -> ColumnSpec:
        if (self.kind == "choice") != bool(self.values):
            raise ValueError("values are given exactly for kind: choice")
        if self.required and self.absent is not None:
            raise ValueError("absent is for optional columns (required: false)")
        return self


class SheetSpec(_Strict):
    id: str = Field(pattern=KEY, description="Identifier of the sheet used by the code.")
    name: str = Field(min_length=1, description="Sheet name as the workbook writes it.")
    unique: list[str] = Field(
        default_factory=list, description="Keys of the columns no two rows may share."
    )
    columns: list[ColumnSpec] = Field(min_length=1, description="The sheet's columns, in order.")

    @model_validator(mode="after")
    def _keys(self) -> SheetSpec:
        keys = [c.key for c in self.columns]
        repeated = sorted({k for k in keys if keys.count(k) > 1})
        if repeated:
            raise ValueError(f"column key(s) used twice: {', '.join(repeated)}")
        unknown = [k for k in self.unique if k not in keys]
        if unknown:
            raise ValueError(f"unique names no column: {', '.join(unknown)}")
        clash = header_clash(self.columns)
        if clash:
            raise ValueError(f"two columns match the same header: {clash}")
        return self


def header_clash(columns: list[ColumnSpec]) -> str:
    """A header or alias two columns share, as headers are matched (else '')."""
    seen: dict[str, str] = {}
    for col in columns:
        for text in (col.header, *col.aliases):
            other = seen.setdefault(header_key(text), col.key)
            if other != col.key:
                return f"'{text}' ({other}, {col.key})"
    return ""


class RegisterSpec(_Strict):
    file: str = Field(pattern=r"^[a-z0-9-]+$", description="File stem of the register.")
    sheet: str = Field(description="Id of the sheet the register holds.")
    required: bool = Field(True, description="The campaign folder must hold this file.")


class LayoutSpec(_Strict):
    registers: list[RegisterSpec] = Field(description="The office's registers, one file each.")
    department_folder: str = Field(
        pattern=r"^[a-z0-9-]+$", description="Folder of the departments' submissions."
    )
    department_sheets: list[str] = Field(
        description="Ids of the sheets a department workbook holds."
    )
    csv_parts: dict[str, str] = Field(
        default_factory=dict,
        description="A department's CSV folder: file stem → id of the sheet it holds.",
    )


class RatingSpec(_Strict):
    code: str = Field(min_length=1, description="Code of the rating level, e.g. HTXSNV.")
    label: str = Field(min_length=1, description="Its name, e.g. Hoàn thành xuất sắc nhiệm vụ.")


DEFAULT_RATINGS = (
    RatingSpec(code="HTXSNV", label="Hoàn thành xuất sắc nhiệm vụ"),
    RatingSpec(code="HTTNV", label="Hoàn thành tốt nhiệm vụ"),
    RatingSpec(code="HTNV", label="Hoàn thành nhiệm vụ"),
    RatingSpec(code="KHTNV", label="Không hoàn thành nhiệm vụ"),
)


class PresetSpec(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$", description="Preset name (the file's stem).")
    title: str = Field(description="What the preset is, for people choosing one.")
    layout: LayoutSpec = Field(description="Where a campaign folder keeps its sheets.")
    sheets: list[SheetSpec] = Field(description="The sheets and their columns.")
    ratings: list[RatingSpec] = Field(
        default_factory=lambda: list(DEFAULT_RATINGS),
        min_length=1,
        description="The rating levels a rating column holds (a cell writes the code or the "
        "label), best first: `rating_at_least` and comparisons on ratings follow this order.",
    )

    @model_validator(mode="after")
    def _rating_codes(self) -> PresetSpec:
        words = [header_key(w) for r in self.ratings for w in (r.code, r.label)]
        repeated = sorted({w for w in words if words.count(w) > 1})
        if repeated:
            raise ValueError(f"a rating code or label is used twice: {', '.join(repeated)}")
        return self

    @model_validator(mode="after")
    def _sheet_ids(self) -> PresetSpec:
        ids = [s.id for s in self.sheets]
        named = [
            *(r.sheet for r in self.layout.registers),
            *self.layout.department_sheets,
            *self.layout.csv_parts.values(),
        ]
        unknown = sorted({i for i in named if i not in ids})
        if unknown or len(set(ids)) != len(ids):
            raise ValueError(f"layout names unknown or repeated sheet id(s): {unknown or ids}")
        return self


class ColumnOverride(_Strict):
    header: str | None = Field(None, description="Header instead of the preset's.")
    aliases: list[str] | None = Field(None, description="Aliases instead of the preset's.")
    description: str | None = Field(None, description="Description instead of the preset's.")
    absent: AbsentNote | None = Field(None, description="Absence note instead of the preset's.")


class ContractChoice(_Strict):
    preset: str = Field(
        pattern=r"^[a-z0-9-]+$",
        description="Name of the preset: site_config/contracts/<preset>.yml next to the "
        "campaign file.",
    )
    columns: dict[str, list[ColumnSpec]] = Field(
        default_factory=dict,
        description="Extra columns, by sheet id: read, validated and carried on each record "
        "as `extra`; a public one is published.",
    )
    overrides: dict[str, dict[str, ColumnOverride]] = Field(
        default_factory=dict,
        description="Changes to preset columns, by sheet id then column key: header, "
        "aliases, description, absent.",
    )
