"""Every download of /du-lieu-mo/, keyed by site path (:func:`export_open_data`).

CSV and JSON per table, one XLSX with a sheet each, ``datapackage.json`` and ``SHA256SUMS``.
Made in three steps that read the same tables and not each other's work (:func:`export_steps`:
the workbook, the CSV files, the JSON files), so that two processes may share them
(site/parallel.py);
:func:`assemble` puts their files in one order whoever made them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property

from generator.read.gc_pause import cycle_collection_held
from generator.site.open_data.checksums import checksums
from generator.site.open_data.datapackage import datapackage
from generator.site.open_data.table import Table
from generator.site.open_data.tables import open_data_tables
from generator.site.open_data.writers import flat_rows, to_csv, to_json, to_xlsx
from generator.site.views import SiteView

FOLDER = "du-lieu-mo"
WORKBOOK = f"{FOLDER}/du-lieu.xlsx"
PACKAGE = f"{FOLDER}/datapackage.json"
SUMS = f"{FOLDER}/SHA256SUMS"

Step = Callable[[], dict[str, bytes]]


def export_open_data(view: SiteView) -> dict[str, bytes]:
    """Every download of /du-lieu-mo/, keyed by site path."""
    with cycle_collection_held():  # read/gc_pause.py
        return assemble({name: step() for name, step in export_steps(view).items()})


class _Tables:
    """The open-data tables of a view and their flat rows, made on first use (once in
    each process that needs them)."""

    def __init__(self, view: SiteView) -> None:
        self.view = view

    @cached_property
    def tables(self) -> list[Table]:
        return open_data_tables(self.view)

    @cached_property
    def rows(self) -> list[list[list[object]]]:
        return [flat_rows(table) for table in self.tables]  # the CSV and the workbook share them


def export_steps(view: SiteView) -> dict[str, Step]:
    """The steps of the export by name: ``workbook`` (the XLSX), ``csv`` (a CSV per table and
    the data package) and ``json`` (a JSON per table); each holds the cycle collector while
    it runs."""
    made = _Tables(view)

    def workbook() -> dict[str, bytes]:
        with cycle_collection_held():
            return {WORKBOOK: to_xlsx(made.tables, made.rows)}

    def csv_files() -> dict[str, bytes]:
        with cycle_collection_held():
            files = {
                _file(t, "csv"): to_csv(t, v) for t, v in zip(made.tables, made.rows, strict=True)
            }
            return {**files, PACKAGE: datapackage(view, made.tables)}

    def json_files() -> dict[str, bytes]:
        with cycle_collection_held():
            return {_file(table, "json"): to_json(table) for table in made.tables}

    return {"workbook": workbook, "csv": csv_files, "json": json_files}


def _file(table: Table, extension: str) -> str:
    return f"{FOLDER}/{table.name}.{extension}"


def assemble(made: Mapping[str, Mapping[str, bytes]]) -> dict[str, bytes]:
    """The downloads from the steps' files (by step name): CSV and JSON per table, the
    workbook, the data package, then ``SHA256SUMS`` of them all."""
    tables = [path for path in made["csv"] if path != PACKAGE]
    files: dict[str, bytes] = {}
    for csv_path, json_path in zip(tables, made["json"], strict=True):  # the tables' order
        files[csv_path], files[json_path] = made["csv"][csv_path], made["json"][json_path]
    files[WORKBOOK] = made["workbook"][WORKBOOK]
    files[PACKAGE] = made["csv"][PACKAGE]
    files[SUMS] = checksums(files)
    return files
