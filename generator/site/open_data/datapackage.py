"""``datapackage.json``: the Frictionless Data Package describing the CSV downloads."""

from __future__ import annotations

import json

from generator.judge.config import Config
from generator.site.open_data.table import Field, Table, flat_columns
from generator.site.views import SiteView


def datapackage(view: SiteView, tables: list[Table]) -> bytes:
    """A Frictionless Data Package describing the CSV resources."""
    return package(view.config, view.config.id, view.config.campaign.name, tables)


def package(config: Config, name: str, title: str, tables: list[Table]) -> bytes:
    """The Data Package named ``name`` of ``tables``, described and licensed as ``config``'s
    site is (a campaign's downloads, or the combined ones under the current campaign's)."""
    package = {
        "profile": "tabular-data-package",
        "name": name,
        "title": title,
        "description": config.site.description,
        "licenses": [{"title": config.site.licence, "path": config.site.licence_url}],
        "resources": [_resource(t) for t in tables],
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _resource(table: Table) -> dict[str, object]:
    return {
        "profile": "tabular-data-resource",
        "name": table.name,
        "path": f"{table.name}.csv",
        "title": table.title,
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "schema": _table_schema(table),
    }


def _table_schema(table: Table) -> dict[str, object]:
    schema: dict[str, object] = {
        "fields": [_field_schema(n, f, sub) for n, f, sub in flat_columns(table)],
        "missingValues": [""],
    }
    if table.primary_key:
        schema["primaryKey"] = [table.primary_key]
    return schema


def _field_schema(name: str, base: Field, criterion: str | None) -> dict[str, object]:
    schema: dict[str, object] = {
        "name": name,
        "type": base.type,
        "title": base.title,
        "description": base.description,
    }
    if criterion is not None:
        schema.update(
            type="boolean",
            title=f"Tiêu chí {criterion}",
            description=f"Đạt tiêu chí {criterion}: true = đạt, false = không đạt",
        )
    if schema["type"] == "boolean":
        schema.update(trueValues=["true"], falseValues=["false"])
    if base.enum and criterion is None:
        schema["constraints"] = {"enum": list(base.enum)}
    return schema
