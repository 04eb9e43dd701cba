"""The metadata of an .ods: one streaming pass over content.xml gives every table's
visibility, hidden rows and columns, merged ranges, formula cells and data extent."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field

from generator.read.sniff import MAX_COLS
from generator.read.xml_grid.safe_xml import ExpatScan, check_prologs
from generator.read.xml_grid.sheet_meta import Extent, SheetMeta

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
        self.extent = Extent(rel, meta.name)
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


class _OdsScan(ExpatScan):
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
