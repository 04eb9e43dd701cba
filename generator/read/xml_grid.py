"""Sheet metadata that the cell readers do not give: hidden sheets and rows, merged ranges,
formula cells (with or without a cached value), error cells, and the extent of the data.

The XML of an .xlsx or .ods is parsed here, in the load worker, before calamine sees it:
every XML member must be free of DTDs (entity bombs), the small parts (workbook, rels) are
read with defusedxml, and the big ones (worksheets, content.xml) are streamed through pyexpat
handlers with DTDs and entities refused, so the cost is linear in the size of the XML and
memory stays flat. Data extents beyond the limits of :mod:`generator.read.sniff` are refused
with `file-too-large` *before* calamine allocates a grid for them.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, NoReturn
from xml.etree.ElementTree import Element, ParseError
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from generator.read import messages as msg
from generator.read.issues import column_letter
from generator.read.sniff import MAX_CELLS, MAX_COLS, MAX_DIMENSION_COLS, MAX_ROWS

# Names as pyexpat reports them with namespace_separator="}".
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_ODS_CELLS = frozenset({TABLE_NS + "table-cell", TABLE_NS + "covered-table-cell"})
_ODS_ROW = TABLE_NS + "table-row"
_ODS_COLUMN = TABLE_NS + "table-column"
_ODS_TABLE = TABLE_NS + "table"
_ODS_COL_REPEAT = TABLE_NS + "number-columns-repeated"
_ODS_FORMULA = TABLE_NS + "formula"
_ODS_ROW_SPAN = TABLE_NS + "number-rows-spanned"
_ODS_COL_SPAN = TABLE_NS + "number-columns-spanned"
_ODS_VALUE_TYPE = OFFICE_NS + "value-type"
_REF = re.compile(r"\$?([A-Za-z]{1,7})\$?([0-9]{1,10})")
_TRUE = ("1", "true")


@dataclass
class SheetMeta:
    """What the XML says about one sheet. Rows are 1-based, columns 0-based."""

    name: str
    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    formulas: list[tuple[int, int, bool]] = field(default_factory=list)
    # Error cells (#DIV/0!, #REF!, ...) that calamine reads as empty: (row, col) -> text.
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    date1904: bool = False


# --------------------------------------------------------------------------- shared


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _events(fh: IO[bytes], part: str, rel: str) -> Iterator[tuple[str, Element]]:
    """Stream (event, element) pairs; DTDs, entities and malformed XML become refusals."""
    try:
        yield from iterparse(fh, events=("start", "end"), forbid_dtd=True)
    except DefusedXmlException as exc:
        raise msg.LoadRefused(
            msg.unreadable(rel, f"XML part {part} declares a DTD or entities (refused: {exc})")
        ) from exc
    except ParseError as exc:
        raise msg.LoadRefused(msg.unreadable(rel, f"XML part {part} is malformed: {exc}")) from exc


def check_prologs(zf: zipfile.ZipFile, rel: str) -> None:
    """Refuse any XML member that declares a DTD (entity bombs live there)."""
    for name in zf.namelist():
        if name.endswith((".xml", ".rels")):
            with zf.open(name) as fh:
                for _event, _elem in _events(fh, name, rel):
                    break  # the DTD comes before the root element: one event is enough


def parse_ref(ref: str, rel: str) -> tuple[int, int]:
    """'B12' -> (12, 1): 1-based row, 0-based column."""
    m = _REF.fullmatch(ref.strip())
    if m is None:
        raise msg.LoadRefused(msg.unreadable(rel, f"bad cell reference {ref!r}"))
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col - 1


def _parse_range(ref: str, rel: str) -> tuple[int, int, int, int]:
    first, _, last = ref.partition(":")
    r1, c1 = parse_ref(first, rel)
    r2, c2 = parse_ref(last, rel) if last else (r1, c1)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


class _Extent:
    """The last row / column holding data, checked against the limits as it grows."""

    def __init__(self, rel: str, sheet: str) -> None:
        self.rel, self.sheet = rel, sheet
        self.max_row, self.max_col = 0, -1

    def add(self, row: int, col: int) -> None:
        if row > MAX_ROWS:
            self._refuse(
                f"trang tính có dữ liệu ở dòng {row}, vượt giới hạn {MAX_ROWS} dòng",
                f"the sheet has data on row {row}, beyond the {MAX_ROWS}-row limit",
            )
        if col >= MAX_COLS:
            letter, limit = column_letter(col), column_letter(MAX_COLS - 1)
            self._refuse(
                f"trang tính có dữ liệu ở cột {letter}, vượt giới hạn {MAX_COLS} cột ({limit})",
                f"the sheet has data in column {letter}, beyond the {MAX_COLS}-column limit",
            )
        self.max_row, self.max_col = max(self.max_row, row), max(self.max_col, col)
        cells = self.max_row * (self.max_col + 1)
        if cells > MAX_CELLS:
            self._refuse(
                f"vùng dữ liệu {self.max_row} dòng × {self.max_col + 1} cột vượt giới hạn "
                f"{MAX_CELLS} ô",
                f"the data spans {self.max_row} rows x {self.max_col + 1} columns, beyond "
                f"the {MAX_CELLS}-cell limit",
            )

    def _refuse(self, vi: str, en: str) -> NoReturn:
        raise msg.LoadRefused(msg.too_large(self.rel, vi, en, sheet=self.sheet))


class _Forbidden(Exception):
    """A DTD or entity declaration in a part scanned with expat."""


def _forbid(*_args: object) -> NoReturn:
    raise _Forbidden()


class _ExpatScan:
    """Base of the streaming scanners: pyexpat with handlers, names as 'namespace}local'.

    Building element objects (ElementTree) costs ~5x more on big sheets; expat handlers
    keep the scan well under calamine's own reading time. DTDs and entities are refused,
    as defusedxml does.
    """

    def __init__(self, rel: str) -> None:
        self.rel = rel

    def start(self, name: str, attrs: dict[str, str]) -> None:
        raise NotImplementedError

    def end(self, name: str) -> None:
        """End of an element; ignored unless a scanner needs it."""

    def chars(self, data: str) -> None:
        """Character data; ignored unless a scanner needs it."""

    def done(self) -> None:
        """Called after the last element."""

    def _wants_end(self) -> bool:
        return type(self).end is not _ExpatScan.end

    def parse(self, fh: IO[bytes], part: str) -> None:
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        parser.StartElementHandler = self.start
        if self._wants_end():
            parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.chars
        parser.StartDoctypeDeclHandler = _forbid
        parser.EntityDeclHandler = _forbid
        parser.UnparsedEntityDeclHandler = _forbid
        parser.ExternalEntityRefHandler = _forbid
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        try:
            parser.ParseFile(fh)
        except _Forbidden as exc:
            detail = f"XML part {part} declares a DTD or entities (refused)"
            raise msg.LoadRefused(msg.unreadable(self.rel, detail)) from exc
        except expat.ExpatError as exc:
            detail = f"XML part {part} is malformed: {exc}"
            raise msg.LoadRefused(msg.unreadable(self.rel, detail)) from exc
        self.done()


# --------------------------------------------------------------------------- xlsx


def xlsx_metadata(zf: zipfile.ZipFile, rel: str) -> list[SheetMeta]:
    """Metadata of every sheet of an .xlsx, in workbook order (hidden sheets not scanned)."""
    check_prologs(zf, rel)
    targets = _workbook_rels(zf, rel)
    members = set(zf.namelist())
    metas = []
    date1904 = _date1904(zf, rel)
    for name, state, rid in _workbook_sheets(zf, rel):
        meta = SheetMeta(name, hidden=state in ("hidden", "veryHidden"), date1904=date1904)
        target, kind = targets.get(rid, ("", ""))
        if not meta.hidden and kind.endswith("/worksheet") and target in members:
            _XlsxSheetScan(meta, rel).run(zf, target)
        metas.append(meta)
    return metas


def _workbook_sheets(zf: zipfile.ZipFile, rel: str) -> list[tuple[str, str, str]]:
    """(name, state, relationship id) of each <sheet> in xl/workbook.xml."""
    sheets = []
    with zf.open("xl/workbook.xml") as fh:
        for event, elem in _events(fh, "xl/workbook.xml", rel):
            if event == "start" and _local(elem.tag) == "sheet":
                rid = next((v for k, v in elem.attrib.items() if _local(k) == "id"), "")
                sheets.append((elem.get("name", ""), elem.get("state", "visible"), rid))
    return sheets


def _date1904(zf: zipfile.ZipFile, rel: str) -> bool:
    """True when xl/workbook.xml declares the 1904 date system (<workbookPr date1904="1">)."""
    with zf.open("xl/workbook.xml") as fh:
        for event, elem in _events(fh, "xl/workbook.xml", rel):
            if event == "start" and _local(elem.tag) == "workbookPr":
                return elem.get("date1904", "").lower() in _TRUE
    return False


def _workbook_rels(zf: zipfile.ZipFile, rel: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (zip member, relationship type) from the workbook's rels."""
    part = "xl/_rels/workbook.xml.rels"
    if part not in zf.namelist():
        return {}
    rels = {}
    with zf.open(part) as fh:
        for event, elem in _events(fh, part, rel):
            if event == "start" and _local(elem.tag) == "Relationship":
                target = elem.get("Target", "")
                member = target.lstrip("/") if target.startswith("/") else "xl/" + target
                rels[elem.get("Id", "")] = (posixpath.normpath(member), elem.get("Type", ""))
    return rels


# Worksheet element names (transitional and strict OOXML), as pyexpat reports them.
_XLSX_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main}",
    "http://purl.oclc.org/ooxml/spreadsheetml/main}",
    "",  # no namespace at all (some hand-rolled exporters)
)
_XLSX_TAGS = {
    ns + tag: tag
    for ns in _XLSX_NAMESPACES
    for tag in ("c", "v", "f", "is", "row", "col", "dimension", "mergeCell")
}


class _XlsxSheetScan(_ExpatScan):
    """One streaming pass over a worksheet part (no element objects are built).

    This runs once per cell of the biggest sheets, so it is kept lean: no end-element
    handler (a cell is finished when the next cell, row or other element starts, or at the
    end of the part) and a cached column-letter lookup.
    """

    def __init__(self, meta: SheetMeta, rel: str) -> None:
        super().__init__(rel)
        self.meta = meta
        self.extent = _Extent(rel, meta.name)
        self.row, self.col = 0, -1
        self.in_cell = False
        self.last = ""  # the last element started (character data belongs to it)
        self.kind = "n"  # the t attribute of the current cell
        self.formula = self.inline = False
        self.has_v = self.v_text = False  # <v> present / <v> holds text
        self.text: list[str] = []  # text of <v> of an error cell
        self.columns: dict[str, int] = {}  # letters -> index, cached

    def run(self, zf: zipfile.ZipFile, part: str) -> None:
        with zf.open(part) as fh:
            self.parse(fh, part)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = _XLSX_TAGS.get(name)
        if tag is None:
            return
        self.last = tag
        if tag == "c":
            if self.in_cell:
                self._finish_cell()
            self._start_cell(attrs)
        elif tag == "v":
            self.has_v = True
        elif tag == "f":
            self.formula = True
        elif tag == "is":
            self.inline = True
        else:
            if self.in_cell:
                self._finish_cell()
            self._start_other(tag, attrs)

    def _start_other(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "row":
            ref = attrs.get("r")
            self.row, self.col = (int(ref) if ref and ref.isdigit() else self.row + 1), -1
            if attrs.get("hidden") in _TRUE:
                self.meta.hidden_rows.add(self.row)
        elif tag == "col" and attrs.get("hidden") in _TRUE:
            self._hide_columns(attrs.get("min", ""), attrs.get("max", ""))
        elif tag == "dimension":
            self._check_dimension(attrs.get("ref", ""))
        elif tag == "mergeCell" and attrs.get("ref"):
            self.meta.merged.append(_parse_range(attrs["ref"], self.rel))

    def _hide_columns(self, first: str, last: str) -> None:
        # <col min max> are 1-based; "hide every unused column" spans to XFD, so clamp.
        if first.isdigit() and last.isdigit():
            stop = min(int(last), MAX_COLS)
            self.meta.hidden_cols.update(range(int(first) - 1, stop))

    def chars(self, data: str) -> None:
        if self.last == "v" and self.in_cell and not data.isspace():
            self.v_text = True
            if self.kind == "e":
                self.text.append(data)

    def done(self) -> None:
        if self.in_cell:
            self._finish_cell()

    def _start_cell(self, attrs: dict[str, str]) -> None:
        ref = attrs.get("r")
        if ref:
            letters = ref.rstrip("0123456789")
            col = self.columns.get(letters)
            digits = ref[len(letters) :]
            if col is None or not digits or len(digits) > 10:
                self.row, self.col = self._slow_ref(ref, letters)
            else:
                self.row, self.col = int(digits), col
        else:
            self.col += 1
        self.in_cell, self.kind = True, attrs.get("t", "n")
        self.formula = self.inline = self.has_v = self.v_text = False

    def _slow_ref(self, ref: str, letters: str) -> tuple[int, int]:
        row, col = parse_ref(ref, self.rel)
        if len(self.columns) < 4096:
            self.columns[letters] = col
        return row, col

    def _finish_cell(self) -> None:
        self.in_cell = False
        has_value = self.v_text or self.inline or (self.kind == "str" and self.has_v)
        if not (has_value or self.formula):
            return  # a cell with formatting only: calamine ignores it, so do we
        extent = self.extent
        if self.row > extent.max_row or self.col > extent.max_col:
            extent.add(self.row, self.col)
        if self.formula:
            self.meta.formulas.append((self.row, self.col, has_value))
        if self.kind == "e" and self.text:
            self.meta.errors[(self.row, self.col)] = "".join(self.text)
        self.text = []

    def _check_dimension(self, ref: str) -> None:
        if not ref:
            return
        _r1, _c1, r2, c2 = _parse_range(ref, self.rel)
        if r2 > MAX_ROWS or c2 >= MAX_DIMENSION_COLS:
            raise msg.LoadRefused(
                msg.too_large(
                    self.rel,
                    f"trang tính khai báo vùng {ref} (giới hạn {MAX_ROWS} dòng)",
                    f"the sheet declares the range {ref} (limit {MAX_ROWS} rows, "
                    f"columns before {column_letter(MAX_DIMENSION_COLS)})",
                    sheet=self.meta.name,
                )
            )


# --------------------------------------------------------------------------- ods


def ods_metadata(zf: zipfile.ZipFile, rel: str) -> list[SheetMeta]:
    """Metadata of every table of an .ods (content.xml), in document order."""
    check_prologs(zf, rel)
    scan = _OdsScan(rel)
    with zf.open("content.xml") as fh:
        scan.parse(fh, "content.xml")
    return scan.metas


def _int_attr(attrs: dict[str, str], name: str) -> int:
    raw = attrs.get(TABLE_NS + name, "1")
    return int(raw) if raw.isdigit() and len(raw) < 10 else 1


@dataclass
class _OdsRow:
    first: int  # 1-based row number of the first repetition
    repeat: int
    hidden: bool
    col: int = 0
    has_data: bool = False
    formulas: list[tuple[int, bool]] = field(default_factory=list)
    merges: list[tuple[int, int, int]] = field(default_factory=list)  # (col, rows, cols)


class _OdsTable:
    def __init__(self, meta: SheetMeta, rel: str) -> None:
        self.meta = meta
        self.extent = _Extent(rel, meta.name)
        self.rows_seen = 0
        self.cols_seen = 0
        self.hidden_ranges: list[tuple[int, int]] = []

    def add_column(self, attrs: dict[str, str]) -> None:
        """A <table:table-column> (possibly repeated); collapsed or filtered ones are hidden."""
        repeat = _int_attr(attrs, "number-columns-repeated")
        if attrs.get(TABLE_NS + "visibility", "visible") != "visible":
            stop = min(self.cols_seen + repeat, MAX_COLS)
            self.meta.hidden_cols.update(range(self.cols_seen, stop))
        self.cols_seen += repeat

    def finish_row(self, row: _OdsRow) -> None:
        last = row.first + row.repeat - 1
        if row.hidden:
            self.hidden_ranges.append((row.first, last))
        if row.has_data:
            self.extent.add(last, self.extent.max_col)  # checks rows x columns before expanding
            for r in range(row.first, last + 1):
                self.meta.formulas.extend((r, c, cached) for c, cached in row.formulas)
                self.meta.merged.extend((r, c, r + rs - 1, c + cs - 1) for c, rs, cs in row.merges)
        self.rows_seen = last

    def finish(self) -> None:
        top = self.extent.max_row
        for first, last in self.hidden_ranges:
            self.meta.hidden_rows.update(range(first, min(last, top) + 1))


class _OdsScan(_ExpatScan):
    """Handlers for one streaming pass over content.xml (no element objects are built).

    Runs once per cell of the biggest sheets: inside a cell, handlers only count nesting.
    """

    def __init__(self, rel: str) -> None:
        super().__init__(rel)
        self.metas: list[SheetMeta] = []
        self.hidden_styles: set[str] = set()
        self.style: str | None = None
        self.table: _OdsTable | None = None
        self.depth = 0  # nesting of table:table (sub-tables are ignored)
        self.row: _OdsRow | None = None
        self.cell: dict[str, str] | None = None  # attributes of the open cell
        self.inside = 0  # elements open inside the current cell
        self.children = False  # the current cell holds elements (text:p ...)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.cell is not None:
            self.inside += 1
            self.children = True
        elif name in _ODS_CELLS:
            if self.depth == 1 and self.row is not None:
                self.cell, self.inside, self.children = attrs, 0, False
        elif name == _ODS_ROW:
            if self.depth == 1 and self.table is not None:
                visibility = attrs.get(TABLE_NS + "visibility", "visible")
                first = self.table.rows_seen + 1
                repeat = _int_attr(attrs, "number-rows-repeated")
                self.row = _OdsRow(first, repeat, visibility != "visible")
        elif name == _ODS_COLUMN:
            if self.depth == 1 and self.table is not None:
                self.table.add_column(attrs)
        elif name == _ODS_TABLE:
            self._start_table(attrs)
        elif self.depth == 0:
            self._start_style(name, attrs)

    def end(self, name: str) -> None:
        if self.cell is not None:
            if self.inside:
                self.inside -= 1
            else:
                self._end_cell(self.cell)
        elif name == _ODS_ROW:
            if self.depth == 1 and self.row is not None and self.table is not None:
                self.table.finish_row(self.row)
                self.row = None
        elif name == _ODS_TABLE:
            self.depth -= 1
            if self.depth == 0 and self.table is not None:
                self.table.finish()
                self.table = None

    def _start_style(self, name: str, attrs: dict[str, str]) -> None:
        if name == STYLE_NS + "style":
            family = attrs.get(STYLE_NS + "family")
            self.style = attrs.get(STYLE_NS + "name") if family == "table" else None
        elif (
            name == STYLE_NS + "table-properties"
            and self.style is not None
            and attrs.get(TABLE_NS + "display") == "false"
        ):
            self.hidden_styles.add(self.style)

    def _start_table(self, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth == 1:
            hidden = attrs.get(TABLE_NS + "style-name") in self.hidden_styles
            meta = SheetMeta(attrs.get(TABLE_NS + "name", ""), hidden=hidden)
            self.metas.append(meta)
            self.table = _OdsTable(meta, self.rel)

    def _end_cell(self, attrs: dict[str, str]) -> None:
        self.cell = None
        row, table = self.row, self.table
        if row is None or table is None:
            return
        repeat = _int_attr(attrs, "number-columns-repeated") if _ODS_COL_REPEAT in attrs else 1
        formula = _ODS_FORMULA in attrs
        cached = _ODS_VALUE_TYPE in attrs
        if formula or cached or self.children:
            last_col = row.col + repeat - 1
            if last_col > table.extent.max_col or row.first > table.extent.max_row:
                table.extent.add(row.first, last_col)
            row.has_data = True
            if formula:
                row.formulas.extend((c, cached) for c in range(row.col, last_col + 1))
            if _ODS_ROW_SPAN in attrs or _ODS_COL_SPAN in attrs:
                self._merge(attrs, row)
        row.col += repeat

    @staticmethod
    def _merge(attrs: dict[str, str], row: _OdsRow) -> None:
        rows = _int_attr(attrs, "number-rows-spanned")
        cols = _int_attr(attrs, "number-columns-spanned")
        if rows > 1 or cols > 1:
            row.merges.append((row.col, rows, cols))
