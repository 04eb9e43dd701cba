"""Small, generic writers for test spreadsheets (xlsx, ods, csv).

A *sheet* is a list of rows; a row is a list of cell values:

- ``None``                     -> empty cell
- ``str``                      -> text cell, written verbatim (never turned into a
                                  number, formula or link)
- ``bool``                     -> boolean cell
- ``int`` / ``float``          -> number cell
- ``datetime.date``/``datetime`` -> real date cell (CSV: ``dd/mm/yyyy`` text)

The first row of a sheet is normally its header; ``title_rows`` (sheet name -> lines
of text) are written *above* it, one line per row in column A, so that the header
row lands on spreadsheet row ``len(title_rows[sheet]) + 1``.

The writers are deliberately dumb: they write exactly what they are given, so tests
can use them to craft broken spreadsheets (missing headers, bad dates as text, extra
columns, duplicate rows...). Output is deterministic (fixed timestamps).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

Cell = object
Rows = Sequence[Sequence[Cell]]

FIXED_TIMESTAMP = _dt.datetime(2019, 1, 1)


def _ensure_parent(path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


# --------------------------------------------------------------------------- xlsx
def write_xlsx(
    path: Path | str,
    sheets: Mapping[str, Rows],
    *,
    title_rows: Mapping[str, Sequence[str]] | None = None,
    date_format: str = "dd/mm/yyyy",
) -> Path:
    """Write an .xlsx workbook with one worksheet per entry of ``sheets`` (in order)."""
    import xlsxwriter

    path = _ensure_parent(Path(path))
    title_rows = title_rows or {}
    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    try:
        workbook.set_properties({"created": FIXED_TIMESTAMP})
        fmt_date = workbook.add_format({"num_format": date_format})
        fmt_datetime = workbook.add_format({"num_format": date_format + " hh:mm"})
        fmt_title = workbook.add_format({"bold": True})
        for name, rows in sheets.items():
            ws = workbook.add_worksheet(name)
            r = 0
            for line in title_rows.get(name, ()):
                ws.write_string(r, 0, line, fmt_title)
                r += 1
            for row in rows:
                for c, value in enumerate(row):
                    _xlsx_cell(ws, r, c, value, fmt_date, fmt_datetime)
                r += 1
    finally:
        workbook.close()
    return path


def _xlsx_cell(ws, r: int, c: int, value: Cell, fmt_date, fmt_datetime) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        ws.write_boolean(r, c, value)
    elif isinstance(value, _dt.datetime):
        ws.write_datetime(r, c, value, fmt_datetime)
    elif isinstance(value, _dt.date):
        ws.write_datetime(r, c, value, fmt_date)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value)
    else:
        ws.write_string(r, c, str(value))


# --------------------------------------------------------------------------- ods
def write_ods(
    path: Path | str,
    sheets: Mapping[str, Rows],
    title_rows: Mapping[str, Sequence[str]] | None = None,
) -> Path:
    """Write an .ods workbook (odfpy); dates become real ODS date cells (dd/mm/yyyy)."""
    from odf.number import DateStyle, Day, Month, Year
    from odf.number import Text as NumberText
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style
    from odf.table import Table, TableCell, TableRow
    from odf.teletype import addTextToElement
    from odf.text import P

    path = _ensure_parent(Path(path))
    title_rows = title_rows or {}
    doc = OpenDocumentSpreadsheet()

    date_style = DateStyle(name="N_ddmmyyyy")
    date_style.addElement(Day(style="long"))
    date_style.addElement(NumberText(text="/"))
    date_style.addElement(Month(style="long"))
    date_style.addElement(NumberText(text="/"))
    date_style.addElement(Year(style="long"))
    doc.automaticstyles.addElement(date_style)
    date_cell = Style(name="ce_date", family="table-cell", datastylename="N_ddmmyyyy")
    doc.automaticstyles.addElement(date_cell)

    def cell(value: Cell):
        if value is None:
            return TableCell()
        if isinstance(value, bool):
            tc = TableCell(valuetype="boolean", booleanvalue="true" if value else "false")
            tc.addElement(P(text="TRUE" if value else "FALSE"))
        elif isinstance(value, _dt.datetime):
            tc = TableCell(
                valuetype="date", datevalue=value.strftime("%Y-%m-%dT%H:%M:%S"), stylename=date_cell
            )
            tc.addElement(P(text=value.strftime("%d/%m/%Y %H:%M")))
        elif isinstance(value, _dt.date):
            tc = TableCell(valuetype="date", datevalue=value.isoformat(), stylename=date_cell)
            tc.addElement(P(text=value.strftime("%d/%m/%Y")))
        elif isinstance(value, (int, float)):
            tc = TableCell(valuetype="float", value=repr(value))
            tc.addElement(P(text=str(value)))
        else:
            tc = TableCell(valuetype="string")
            para = P()
            # encodes runs of spaces, tabs and newlines as <text:s/>, <text:tab/>,
            # <text:line-break/> so ODF consumers keep them exactly
            addTextToElement(para, str(value))
            tc.addElement(para)
        return tc

    for name, rows in sheets.items():
        table = Table(name=name)
        all_rows = [[line] for line in title_rows.get(name, ())] + [list(r) for r in rows]
        for row in all_rows:
            tr = TableRow()
            for value in row:
                tr.addElement(cell(value))
            table.addElement(tr)
        doc.spreadsheet.addElement(table)

    buf = io.BytesIO()
    doc.write(buf)
    path.write_bytes(_fix_zip_timestamps(buf.getvalue()))
    return path


def _fix_zip_timestamps(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry timestamps (odfpy stamps the current time)."""
    out = io.BytesIO()
    stamp = FIXED_TIMESTAMP.timetuple()[:6]
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, stamp)
            zi.compress_type = info.compress_type
            zi.external_attr = info.external_attr
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- csv
def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, _dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, _dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def write_csv(path: Path | str, rows: Rows, bom: bool = True) -> Path:
    """Write a UTF-8 CSV (with a BOM by default); dates as dd/mm/yyyy text."""
    path = _ensure_parent(Path(path))
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        for row in rows:
            writer.writerow([_csv_text(v) for v in row])
    return path
