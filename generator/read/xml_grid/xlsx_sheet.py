"""One streaming pass over an .xlsx worksheet part: hidden rows and columns, merged ranges,
formula cells, error cells and the data extent, without building element objects."""

from __future__ import annotations

import re
import zipfile

from generator.read import messages as msg
from generator.read.issues import column_letter
from generator.read.sniff import MAX_COLS, MAX_DIMENSION_COLS, MAX_ROWS
from generator.read.xml_grid.safe_xml import ExpatScan
from generator.read.xml_grid.sheet_meta import Extent, SheetMeta

_REF = re.compile(r"\$?([A-Za-z]{1,7})\$?([0-9]{1,10})")
# How OOXML writes true in a boolean attribute (hidden="1", date1904="true").
XML_TRUE = ("1", "true")


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


class XlsxSheetScan(ExpatScan):
    """One streaming pass over a worksheet part (no element objects are built).

    This runs once per cell of the biggest sheets, so it is kept lean: no end-element
    handler (a cell is finished when the next cell, row or other element starts, or at the
    end of the part) and a cached column-letter lookup.
    """

    def __init__(self, meta: SheetMeta, rel: str) -> None:
        super().__init__(rel)
        self.meta = meta
        self.extent = Extent(rel, meta.name)
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
            if attrs.get("hidden") in XML_TRUE:
                self.meta.hidden_rows.add(self.row)
        elif tag == "col" and attrs.get("hidden") in XML_TRUE:
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
