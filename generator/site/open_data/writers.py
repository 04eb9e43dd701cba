"""CSV (UTF-8 with BOM), JSON and XLSX bytes of open-data tables, byte for byte deterministic.

Text that a spreadsheet would run (leading = + - @, tab, CR) is neutralised with a quote; the
workbook has a fixed timestamp and writes no formulas, links or numbers from text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import xlsxwriter

from generator.site.open_data.table import Record, Table, flat_names
from generator.site.open_data.workbook import TableSheet

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (OWASP CSV injection)."""
    return "'" + text if text[:1] in _DANGEROUS else text


def _flat(record: Record) -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            flat.update({f"{key}_{k}": v for k, v in value.items()})
        else:
            flat[key] = value
    return flat


def flat_rows(table: Table) -> list[list[object]]:
    """Each record's values in the order of :func:`flat_names` (a missing key is None)."""
    names = flat_names(table)
    return [[flat.get(n) for n in names] for flat in map(_flat, table.records)]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise(str(value)) if isinstance(value, str) else str(value)


def to_csv(table: Table, rows: list[list[object]] | None = None) -> bytes:
    """The table as CSV: UTF-8 with BOM (Excel opens it), CRLF, one column per criterion.
    ``rows``: the table's :func:`flat_rows`, when the caller has them already."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(flat_names(table))
    texts: dict[str, str] = {}  # the same text (a unit's name, a label) neutralised once
    for values in flat_rows(table) if rows is None else rows:
        line = []
        for value in values:
            if type(value) is str:
                text = texts.get(value)
                if text is None:
                    text = texts[value] = neutralise(value)
                line.append(text)
            else:
                line.append(_cell_text(value))
        writer.writerow(line)
    return buffer.getvalue().encode("utf-8-sig")


def _json_value(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_json(table: Table) -> bytes:
    """The table as a JSON list of records (criteria kept as one object), dates ISO."""
    records = [{k: _json_value(v) for k, v in r.items()} for r in table.records]
    return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_xlsx(tables: list[Table], rows: list[list[list[object]]] | None = None) -> bytes:
    """One workbook with a sheet per table; typed cells, header row frozen. ``rows``: each
    table's :func:`flat_rows`, when the caller has them already."""
    buffer = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties({"created": dt.datetime(2000, 1, 1), "title": "Dữ liệu mở"})
    bold = book.add_format({"bold": True})
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    for n, table in enumerate(tables):
        values = flat_rows(table) if rows is None else rows[n]
        _sheet(book.add_worksheet(table.name, TableSheet), table, values, bold, dates)
    book.close()
    return buffer.getvalue()


def _sheet(
    sheet: TableSheet, table: Table, rows: list[list[object]], bold: object, dates: object
) -> None:
    for col, name in enumerate(flat_names(table)):
        sheet.write_string(0, col, name, bold)
    # In bulk, the same cells as write_string/_number/_boolean/_datetime one by one
    # (workbook.py); anything else as _write_cell writes it.
    sheet.fill(1, rows, neutralise, dates, lambda s, r, c, v: _write_cell(s, r, c, v, dates))
    sheet.freeze_panes(1, 0)


def _write_cell(sheet: object, row: int, col: int, value: object, dates: object) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)  # type: ignore[attr-defined]
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value)  # type: ignore[attr-defined]
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), dates)  # type: ignore[attr-defined]
    else:
        sheet.write_string(row, col, neutralise(str(value)))  # type: ignore[attr-defined]
