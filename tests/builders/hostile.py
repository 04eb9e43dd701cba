"""Builders of hostile and broken spreadsheet files, for the load stage's tests.

Each ``build_*`` function writes one file into a directory and returns its path. The files
are written byte by byte (hand-made zip/XML/OLE2) so that they are exactly as nasty as
intended, whatever the spreadsheet libraries would produce. The low-level writers
(:func:`write_raw_xlsx`, :func:`write_raw_ods`) are also used to craft precise edge cases.

Expected outcomes (issue codes) are listed in :data:`EXPECTED`.
"""

from __future__ import annotations

import base64
import random
import struct
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"'
)
FIXED = (2019, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------- low level


def _zip_write(zf: zipfile.ZipFile, name: str, data: str | bytes, stored: bool = False) -> None:
    info = zipfile.ZipInfo(name, FIXED)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def inline_row(row: int, values: Sequence[str | int | float | None]) -> str:
    """One <row> of inline-string / number cells starting at column A."""
    cells = []
    for col, value in enumerate(values):
        ref = f"{column(col)}{row}"
        if value is None:
            continue
        if isinstance(value, str):
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
        else:
            cells.append(f'<c r="{ref}"><v>{value}</v></c>')
    return f'<row r="{row}">{"".join(cells)}</row>'


def column(index: int) -> str:
    """0-based column index -> letters."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def sheet_xml(sheet_data: str, *, dimension: str | None = None, extra: str = "") -> str:
    """A worksheet part around `sheet_data` (the inside of <sheetData>)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'{XML_HEAD}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{dim}'
        f"<sheetData>{sheet_data}</sheetData>{extra}</worksheet>"
    )


def xlsx_parts(
    sheets: Sequence[tuple[str, str]],
    *,
    states: dict[str, str] | None = None,
    shared_strings: str | None = None,
    workbook_pr: str = "",
) -> dict[str, str]:
    """The parts (zip member -> XML) of a minimal .xlsx; `states` marks hidden sheets."""
    states = states or {}
    n = len(sheets)
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{ct}.worksheet+xml"/>'
        for i in range(1, n + 1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    )
    if shared_strings is not None:
        overrides += (
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
        )
        rels += (
            f'<Relationship Id="rId{n + 1}" Type="{REL_NS}/sharedStrings" '
            'Target="sharedStrings.xml"/>'
        )
    entries = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"'
        + (f' state="{states[name]}"' if name in states else "")
        + "/>"
        for i, (name, _xml) in enumerate(sheets, start=1)
    )
    parts = {
        "[Content_Types].xml": (
            f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f"{overrides}</Types>"
        ),
        "_rels/.rels": (
            f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
            f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'{XML_HEAD}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{workbook_pr}'
            f"<sheets>{entries}</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}">{rels}</Relationships>'
        ),
    }
    for i, (_name, xml) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    return parts


def write_raw_xlsx(
    path: Path,
    sheets: Sequence[tuple[str, str]],
    *,
    states: dict[str, str] | None = None,
    shared_strings: str | None = None,
    workbook_pr: str = "",
) -> Path:
    """A minimal .xlsx from (sheet name, worksheet XML) pairs (see :func:`xlsx_parts`)."""
    parts = xlsx_parts(
        sheets, states=states, shared_strings=shared_strings, workbook_pr=workbook_pr
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        for name, xml in parts.items():
            _zip_write(zf, name, xml)
    return path


def write_raw_ods(path: Path, tables: str, *, styles: str = "") -> Path:
    """A minimal .ods whose body is `tables` (table:table elements)."""
    content = (
        f'{XML_HEAD}<office:document-content {ODS_NS} office:version="1.2">'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        f"{XML_HEAD}<manifest:manifest "
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        _zip_write(zf, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", stored=True)
        _zip_write(zf, "META-INF/manifest.xml", manifest)
        _zip_write(zf, "content.xml", content)
    return path


def ods_cell(value: str | None = None) -> str:
    """An ODS string cell (or an empty one)."""
    if value is None:
        return "<table:table-cell/>"
    return (
        '<table:table-cell office:value-type="string">'
        f"<text:p>{escape(value)}</text:p></table:table-cell>"
    )


def _small_xlsx(path: Path) -> Path:
    rows = inline_row(1, ["Mã đơn vị", "Tên đơn vị"]) + inline_row(2, ["VP", "Văn phòng"])
    return write_raw_xlsx(path, [("Đơn vị", sheet_xml(rows))])


# --------------------------------------------------------------------------- hostile files


def build_xfd_cell_xlsx(directory: Path, *, declare_dimension: bool = True) -> Path:
    """A few-KB xlsx with a cell at XFD1048576: calamine would allocate ~550 GB and abort."""
    rows = inline_row(1, ["Mã đơn vị", "Tên đơn vị"]) + (
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    padding = "".join(f"<!-- {'x' * 60} -->" for _ in range(50))  # ~5 KB, like the field case
    dim = "A1:XFD1048576" if declare_dimension else None
    name = "xfd.xlsx" if declare_dimension else "xfd-nodim.xlsx"
    return write_raw_xlsx(directory / name, [("Đơn vị", sheet_xml(rows + padding, dimension=dim))])


def build_repeated_rows_ods(directory: Path) -> Path:
    """An ODS whose one data row is repeated a million times (table:number-rows-repeated)."""
    table = (
        '<table:table table:name="Đơn vị">'
        f"<table:table-row>{ods_cell('Mã đơn vị')}{ods_cell('Tên đơn vị')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1000000">'
        f"{ods_cell('VP')}{ods_cell('Văn phòng')}</table:table-row>"
        "</table:table>"
    )
    return write_raw_ods(directory / "repeated.ods", table)


def build_entity_bomb_xlsx(directory: Path) -> Path:
    """'Billion laughs' in sharedStrings.xml: 10^9 'lol's from a few hundred bytes."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    sst = (
        f'<?xml version="1.0"?><!DOCTYPE sst [{entities}]>'
        f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    return write_raw_xlsx(
        directory / "entity-bomb.xlsx", [("S", sheet_xml(rows))], shared_strings=sst
    )


def build_zip_bomb_xlsx(directory: Path, megabytes: int = 64) -> Path:
    """An xlsx whose sheet part inflates from ~60 KB to `megabytes` MB (ratio ~1000:1)."""
    path = directory / "zip-bomb.xlsx"
    parts = xlsx_parts([("S", "")])
    sheet = parts.pop("xl/worksheets/sheet1.xml")
    assert sheet == ""
    chunk = b" " * (1 << 20)  # whitespace between elements: still well-formed XML
    with zipfile.ZipFile(path, "w") as zf:
        for name, xml in parts.items():
            _zip_write(zf, name, xml)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w") as fh:
            fh.write(f'{XML_HEAD}<worksheet xmlns="{MAIN_NS}"><sheetData>'.encode())
            for _ in range(megabytes):
                fh.write(chunk)
            fh.write(b"</sheetData></worksheet>")
    return path


def build_encrypted_xlsx(directory: Path, password: str = "matkhau") -> Path:
    """An xlsx encrypted with a password (an OLE2 container, as Excel writes it)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = _small_xlsx(directory / "plain-for-encryption.xlsx")
    out = directory / "encrypted.xlsx"
    with plain.open("rb") as src, out.open("wb") as dst:
        OOXMLFile(src).encrypt(password, dst)
    plain.unlink()
    return out


def build_legacy_xls(directory: Path, name: str = "legacy.xls") -> Path:
    """A minimal BIFF8 .xls: a hand-made OLE2 compound file with a 'Workbook' stream."""
    return _write_ole2(directory / name, "Workbook", _biff8_stream())


def _biff8_stream() -> bytes:
    bof = struct.pack("<HHHHHHII", 0x0809, 16, 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06)
    eof = struct.pack("<HH", 0x000A, 0)
    return (bof + eof).ljust(4096, b"\0")  # >= 4096 bytes: a regular (not mini) stream


def _write_ole2(path: Path, stream_name: str, data: bytes) -> Path:
    """An OLE2 (compound file binary, v3) holding one stream, laid out as:
    header | sector 0 = FAT | sector 1 = directory | sectors 2.. = the stream."""
    end, free, fatsect, nostream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    n = (len(data) + 511) // 512
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<109I", 0, *([free] * 108))
    chain = [fatsect, end] + [3 + i for i in range(n - 1)] + [end]
    fat = struct.pack("<128I", *(chain + [free] * (128 - len(chain))))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le")
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw) + 2 if name else 0, kind, 1 if name else 0)
            + struct.pack("<III", nostream, nostream, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size)
        )

    directory = (
        entry("Root Entry", 5, 1, end, 0)
        + entry(stream_name, 2, nostream, 2, len(data))
        + entry("", 0, nostream, 0, 0) * 2
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + fat + directory + data.ljust(n * 512, b"\0"))
    return path


def build_csv_as_xlsx(directory: Path) -> Path:
    """A CSV file saved under a .xlsx name."""
    path = directory / "csv-as.xlsx"
    path.write_text("Mã đơn vị,Tên đơn vị\r\nVP,Văn phòng\r\n", encoding="utf-8")
    return path


def build_ods_as_xlsx(directory: Path) -> Path:
    """An ODS spreadsheet saved under a .xlsx name."""
    row = f"<table:table-row>{ods_cell('x')}</table:table-row>"
    table = f'<table:table table:name="S">{row}</table:table>'
    return write_raw_ods(directory / "ods-as.xlsx", table)


def build_html_as_xlsx(directory: Path) -> Path:
    """An HTML table saved as .xlsx (what many web 'Export to Excel' buttons produce)."""
    path = directory / "html-as.xlsx"
    path.write_text("<html><body><table><tr><td>VP</td></tr></table></body></html>", "utf-8")
    return path


def build_docx_as_xlsx(directory: Path) -> Path:
    """A zip with Word parts, named .xlsx."""
    path = directory / "docx-as.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        _zip_write(zf, "[Content_Types].xml", "<Types/>")
        _zip_write(zf, "word/document.xml", "<document/>")
    return path


def build_truncated_xlsx(directory: Path) -> Path:
    """The first half of a valid xlsx (an interrupted upload)."""
    full = _small_xlsx(directory / "full-for-truncation.xlsx")
    data = full.read_bytes()
    full.unlink()
    path = directory / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def build_cp1258_csv(directory: Path) -> Path:
    """A CSV saved in Windows-1258 (Vietnamese ANSI), not UTF-8."""
    path = directory / "ansi.csv"
    path.write_bytes(to_cp1258("Họ và tên,Chức vụ\r\nNguyễn Văn Ánh,Chuyên viên\r\n"))
    return path


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258: letters it lacks become base letter + combining tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            out += unicodedata.normalize("NFC", parts[:-1]).encode("cp1258")
            out += parts[-1].encode("cp1258")
    return bytes(out)


def build_string_amplifier_xlsx(directory: Path, cells: int = 3000, kib: int = 200) -> Path:
    """~250 KB on disk, ~1 GB in memory: one incompressible shared string of `kib` KiB,
    referenced by `cells` cells (every reader copies it once per cell)."""
    rng = random.Random(1)
    text = base64.b64encode(rng.randbytes(kib * 768)).decode()
    sst = (
        f'{XML_HEAD}<sst xmlns="{MAIN_NS}" count="{cells}" uniqueCount="1">'
        f"<si><t>{text}</t></si></sst>"
    )
    rows = "".join(
        f'<row r="{r}">'
        + "".join(f'<c r="{column(c)}{r}" t="s"><v>0</v></c>' for c in range(10))
        + "</row>"
        for r in range(1, cells // 10 + 1)
    )
    return write_raw_xlsx(
        directory / "amplifier.xlsx", [("S", sheet_xml(rows))], shared_strings=sst
    )


def build_big_xlsx(directory: Path, rows: int = 100_000, cols: int = 10) -> Path:
    """A legitimate but big sheet of numbers (slow to read: for timeout tests)."""
    body = "".join(
        f'<row r="{r}">'
        + "".join(f'<c r="{column(c)}{r}"><v>{r * cols + c}</v></c>' for c in range(cols))
        + "</row>"
        for r in range(1, rows + 1)
    )
    return write_raw_xlsx(directory / "big.xlsx", [("S", sheet_xml(body))])


Builder = Callable[[Path], Path]

# builder -> the issue code the load stage must answer with.
EXPECTED: dict[str, tuple[Builder, str]] = {
    "xfd-cell": (build_xfd_cell_xlsx, "file-too-large"),
    "xfd-cell-no-dimension": (
        lambda d: build_xfd_cell_xlsx(d, declare_dimension=False),
        "file-too-large",
    ),
    "repeated-rows-ods": (build_repeated_rows_ods, "file-too-large"),
    "entity-bomb": (build_entity_bomb_xlsx, "file-unreadable"),
    "zip-bomb": (build_zip_bomb_xlsx, "file-too-large"),
    "encrypted": (build_encrypted_xlsx, "file-encrypted"),
    "legacy-xls": (build_legacy_xls, "file-xls-unsupported"),
    "xls-as-xlsx": (lambda d: build_legacy_xls(d, "xls-as.xlsx"), "file-xls-unsupported"),
    "csv-as-xlsx": (build_csv_as_xlsx, "file-format-mismatch"),
    "ods-as-xlsx": (build_ods_as_xlsx, "file-format-mismatch"),
    "html-as-xlsx": (build_html_as_xlsx, "file-format-mismatch"),
    "docx-as-xlsx": (build_docx_as_xlsx, "file-format-mismatch"),
    "truncated": (build_truncated_xlsx, "file-unreadable"),
    "cp1258-csv": (build_cp1258_csv, "csv-encoding"),
    "string-amplifier": (build_string_amplifier_xlsx, "file-resource-limit"),
}
