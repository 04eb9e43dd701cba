"""The combined download of a site with several campaigns: each public table of every
campaign in one file, a first column ``dot_thi_dua`` naming the campaign, with its Data
Package (``/du-lieu-tong-hop/``).

Campaigns may differ in criteria and extra columns: a combined table has every column of any
campaign (in the order they first appear, campaigns in the given order), empty where a
campaign has no such column; each criterion is a column of its own (``tieu_chi_CN1``).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.judge.config import Config
from generator.site.open_data.checksums import checksums
from generator.site.open_data.datapackage import package
from generator.site.open_data.table import Field, Record, Table, flat_columns
from generator.site.open_data.tables import open_data_tables
from generator.site.open_data.writers import to_csv, to_json, to_xlsx
from generator.site.views import SiteView

FOLDER = "du-lieu-tong-hop"
CAMPAIGN_FIELD = Field("dot_thi_dua", "string", "Đợt thi đua", "Mã (id) của đợt thi đua")
TITLE = "Dữ liệu mở tổng hợp các đợt thi đua"


def combined_tables(views: Sequence[SiteView]) -> list[Table]:
    """Each public table with the rows of every campaign, marked by a campaign column."""
    per_campaign = [open_data_tables(v) for v in views]
    combined: list[Table] = []
    for n, first in enumerate(per_campaign[0]):
        columns: dict[str, Field] = {}
        records: list[Record] = []
        for view, tables in zip(views, per_campaign, strict=True):
            table = tables[n]
            for name, field, criterion in flat_columns(table):
                columns.setdefault(name, _flat_field(name, field, criterion))
            records += [{CAMPAIGN_FIELD.name: view.config.id, **_flat(r)} for r in table.records]
        fields = (CAMPAIGN_FIELD, *columns.values())
        combined.append(
            Table(first.name, first.title, f"{first.description}, mọi đợt thi đua", fields, records)
        )
    return combined


def export_combined(views: Sequence[SiteView], site: Config) -> dict[str, bytes]:
    """The combined downloads keyed by site path: CSV and JSON per table, one XLSX, the
    Data Package (described and licensed as ``site``) and ``SHA256SUMS``."""
    tables = combined_tables(views)
    files: dict[str, bytes] = {}
    for table in tables:
        files[f"{FOLDER}/{table.name}.csv"] = to_csv(table)
        files[f"{FOLDER}/{table.name}.json"] = to_json(table)
    files[f"{FOLDER}/du-lieu.xlsx"] = to_xlsx(tables)
    files[f"{FOLDER}/datapackage.json"] = package(site, "tong-hop", TITLE, tables)
    files[f"{FOLDER}/SHA256SUMS"] = checksums(files)
    return files


def _flat_field(name: str, field: Field, criterion: str | None) -> Field:
    if criterion is None:
        return field
    return Field(
        name,
        "boolean",
        f"Tiêu chí {criterion}",
        f"Đạt tiêu chí {criterion}: true = đạt, false = không đạt",
    )


def _flat(record: Record) -> Record:
    flat: Record = {}
    for key, value in record.items():
        if isinstance(value, dict):
            flat.update({f"{key}_{k}": v for k, v in value.items()})
        else:
            flat[key] = value
    return flat
