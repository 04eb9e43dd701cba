"""Every download of /du-lieu-mo/, keyed by site path (:func:`export_open_data`).

CSV and JSON per table, one XLSX with a sheet each, ``datapackage.json`` and ``SHA256SUMS``.
"""

from __future__ import annotations

from generator.site.gc_pause import cycle_collection_held
from generator.site.open_data.checksums import checksums
from generator.site.open_data.datapackage import datapackage
from generator.site.open_data.tables import open_data_tables
from generator.site.open_data.writers import flat_rows, to_csv, to_json, to_xlsx
from generator.site.views import SiteView

FOLDER = "du-lieu-mo"


def export_open_data(view: SiteView) -> dict[str, bytes]:
    """Every download of /du-lieu-mo/, keyed by site path."""
    with cycle_collection_held():  # site/gc_pause.py
        return _export(view)


def _export(view: SiteView) -> dict[str, bytes]:
    tables = open_data_tables(view)
    rows = [flat_rows(table) for table in tables]  # the CSV and the workbook share them
    files: dict[str, bytes] = {}
    for table, values in zip(tables, rows, strict=True):
        files[f"{FOLDER}/{table.name}.csv"] = to_csv(table, values)
        files[f"{FOLDER}/{table.name}.json"] = to_json(table)
    files[f"{FOLDER}/du-lieu.xlsx"] = to_xlsx(tables, rows)
    files[f"{FOLDER}/datapackage.json"] = datapackage(view, tables)
    files[f"{FOLDER}/SHA256SUMS"] = checksums(files)
    return files
