"""The metadata of an .xlsx: its sheets in workbook order with their visibility, the date
system, and where each worksheet part is (xl/workbook.xml and its rels, read with
defusedxml); each visible worksheet is then streamed by :mod:`.xlsx_sheet`."""

from __future__ import annotations

import posixpath
import zipfile

from generator.read.xml_grid.safe_xml import check_prologs, events
from generator.read.xml_grid.sheet_meta import SheetMeta
from generator.read.xml_grid.xlsx_sheet import XML_TRUE, XlsxSheetScan


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


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
            XlsxSheetScan(meta, rel).run(zf, target)
        metas.append(meta)
    return metas


def _workbook_sheets(zf: zipfile.ZipFile, rel: str) -> list[tuple[str, str, str]]:
    """(name, state, relationship id) of each <sheet> in xl/workbook.xml."""
    sheets = []
    with zf.open("xl/workbook.xml") as fh:
        for event, elem in events(fh, "xl/workbook.xml", rel):
            if event == "start" and _local(elem.tag) == "sheet":
                rid = next((v for k, v in elem.attrib.items() if _local(k) == "id"), "")
                sheets.append((elem.get("name", ""), elem.get("state", "visible"), rid))
    return sheets


def _date1904(zf: zipfile.ZipFile, rel: str) -> bool:
    """True when xl/workbook.xml declares the 1904 date system (<workbookPr date1904="1">)."""
    with zf.open("xl/workbook.xml") as fh:
        for event, elem in events(fh, "xl/workbook.xml", rel):
            if event == "start" and _local(elem.tag) == "workbookPr":
                return elem.get("date1904", "").lower() in XML_TRUE
    return False


def _workbook_rels(zf: zipfile.ZipFile, rel: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (zip member, relationship type) from the workbook's rels."""
    part = "xl/_rels/workbook.xml.rels"
    if part not in zf.namelist():
        return {}
    rels = {}
    with zf.open(part) as fh:
        for event, elem in events(fh, part, rel):
            if event == "start" and _local(elem.tag) == "Relationship":
                target = elem.get("Target", "")
                member = target.lstrip("/") if target.startswith("/") else "xl/" + target
                rels[elem.get("Id", "")] = (posixpath.normpath(member), elem.get("Type", ""))
    return rels
