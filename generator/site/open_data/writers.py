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


def neutralise(text: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (OWASP CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _flat(record: Record) -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            flat.update({f"{key}_{k}": v for k, v in value.items()})
        else:
            flat[key] = value
    return flat


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise(str(value)) if isinstance(value, str) else str(value)


def to_csv(table: Table) -> bytes:
    """The table as CSV: UTF-8 with BOM (Excel opens it), CRLF, one column per criterion."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    names = flat_names(table)
    writer.writerow(names)
    for record in table.records:
        flat = _flat(record)
        writer.writerow([_cell_text(flat.get(n)) for n in names])
    return buffer.getvalue().encode("utf-8-sig")


def _json_value(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_json(table: Table) -> bytes:
    """The table as a JSON list of records (criteria kept as one object), dates ISO."""
    records = [{k: _json_value(v) for k, v in r.items()} for r in table.records]
    return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_xlsx(tables: list[Table]) -> bytes:
    """One workbook with a sheet per table; typed cells, header row frozen."""
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
    for table in tables:
        _sheet(book.add_worksheet(table.name), table, bold, dates)
    book.close()
    return buffer.getvalue()


def _sheet(sheet: object, table: Table, bold: object, dates: object) -> None:
    names = flat_names(table)
    write = sheet.write_string  # type: ignore[attr-defined]
    for col, name in enumerate(names):
        write(0, col, name, bold)
    for row, record in enumerate(table.records, start=1):
        flat = _flat(record)
        for col, name in enumerate(names):
            _write_cell(sheet, row, col, flat.get(name), dates)
    sheet.freeze_panes(1, 0)  # type: ignore[attr-defined]


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
