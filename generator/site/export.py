"""Export stage: open-data downloads made from the public views only (SPEC §5).

``export_open_data`` returns file contents keyed by site path under ``du-lieu-mo/``: CSV
(UTF-8 with BOM) and JSON per table, one XLSX with a sheet each, ``datapackage.json`` and
``SHA256SUMS``. Output is deterministic: fixed field order, fixed workbook timestamps.
Text that a spreadsheet would run (leading = + - @, tab, CR) is neutralised with a quote.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import xlsxwriter

from generator.judge.model import Status
from generator.site.views import CollectiveView, CouncilView, HonourEntry, InitiativeView, PersonView, SiteView

FOLDER = "du-lieu-mo"
Record = dict[str, object]


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Frictionless type: string, integer, number, boolean, date, object
    title: str
    description: str
    enum: tuple[str, ...] = ()  # the only values allowed (Table Schema constraint)


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    records: list[Record]
    primary_key: str | None = None  # a field unique in the table


_UNIT = (
    Field("ma_don_vi", "string", "Mã đơn vị", "Mã phòng, bộ phận"),
    Field("don_vi", "string", "Đơn vị", "Tên phòng, bộ phận"),
)
_STATUS_CODES = tuple(s.value for s in Status)
_COUNCIL_RESULTS = ("quyet-dinh", "de-nghi")
_COUNCIL = (
    Field(
        "khen_thuong",
        "string",
        "Hình thức khen thưởng",
        "Hình thức trong kết quả của Hội đồng Thi đua – Khen thưởng (nếu có)",
    ),
    Field(
        "ket_qua_hoi_dong",
        "string",
        "Loại kết quả của Hội đồng",
        "quyet-dinh: đã có quyết định khen thưởng; de-nghi: Hội đồng đề nghị cấp trên khen "
        "thưởng, chờ quyết định; trống: chưa có",
        _COUNCIL_RESULTS,
    ),
    Field("so_quyet_dinh", "string", "Số quyết định", "Số quyết định khen thưởng (nếu có)"),
    Field("ngay_quyet_dinh", "date", "Ngày quyết định", "Ngày quyết định khen thưởng (nếu có)"),
    Field(
        "so_de_nghi",
        "string",
        "Số văn bản đề nghị",
        "Số văn bản (tờ trình) đề nghị cấp trên khen thưởng; chưa phải quyết định",
    ),
    Field("ngay_de_nghi", "date", "Ngày đề nghị", "Ngày văn bản đề nghị cấp trên khen thưởng"),
    Field(
        "khac_ket_qua_tieu_chi",
        "boolean",
        "Khác kết quả xét theo tiêu chí",
        "true: Hội đồng chọn tập thể, cá nhân không nằm trong chỉ tiêu (hoặc đồng hạng) theo "
        "kết quả xét tiêu chí",
    ),
)
_OUTCOME = (
    Field("du_dieu_kien", "boolean", "Đạt đủ tiêu chí", "Đạt tất cả tiêu chí"),
    Field("ho_so", "string", "Hồ sơ", "Tình trạng hồ sơ: đầy đủ, chưa đầy đủ, nộp trễ hạn"),
    Field(
        "trang_thai",
        "string",
        "Mã trạng thái",
        "Mã trạng thái hiện nay: theo kết quả của Hội đồng khi đã có, nếu không theo tiêu chí "
        "(xem bảng mã trạng thái)",
        _STATUS_CODES,
    ),
    Field("trang_thai_mo_ta", "string", "Trạng thái", "Trạng thái hiện nay bằng tiếng Việt"),
    Field(
        "trang_thai_theo_tieu_chi",
        "string",
        "Mã trạng thái theo tiêu chí",
        "Mã trạng thái xét theo tiêu chí và chỉ tiêu, trước kết quả của Hội đồng",
        _STATUS_CODES,
    ),
    Field(
        "xep_hang",
        "integer",
        "Xếp hạng",
        "Thứ hạng trong nhóm xét chỉ tiêu (trống nếu không xếp hạng)",
    ),
    *_COUNCIL,
)


def _criteria_field(ids: Sequence[str]) -> Field:
    listed = ", ".join(ids)
    return Field(
        "tieu_chi",
        "object",
        "Tiêu chí",
        f"Kết quả từng tiêu chí ({listed}): true = đạt, false = không đạt",
    )


def _people_table(view: SiteView) -> Table:
    ids = [c.id for c in view.config.criteria.individual]
    fields = (
        *_UNIT,
        Field("ho_ten", "string", "Họ và tên", "Họ và tên cá nhân được đề nghị"),
        Field("chuc_vu", "string", "Chức vụ", "Chức vụ"),
        Field("xep_loai", "string", "Xếp loại", "Xếp loại năm"),
        Field(
            "nhiem_vu_dung_han",
            "string",
            "Nhiệm vụ đúng hạn",
            "Số nhiệm vụ đúng hạn / số nhiệm vụ được giao",
        ),
        Field(
            "phieu_dong_y", "string", "Phiếu đồng ý", "Số phiếu đồng ý / tổng số phiếu khi họp xét"
        ),
        Field("hinh_thuc_de_nghi", "string", "Hình thức đề nghị", "Giấy khen hoặc Bằng khen"),
        Field("so_sang_kien", "integer", "Số sáng kiến", "Số sáng kiến được công nhận đúng hạn"),
        _criteria_field(ids),
        *_OUTCOME,
    )
    return Table(
        "ca-nhan",
        "Cá nhân được đề nghị",
        "Kết quả xét từng cá nhân",
        fields,
        [_person(p) for p in view.people],
    )


def _person(p: PersonView) -> Record:
    return {
        "ma_don_vi": p.unit_code, "don_vi": p.unit_name, "ho_ten": p.name, "chuc_vu": p.position,
        "xep_loai": p.rating, "nhiem_vu_dung_han": p.tasks, "phieu_dong_y": p.votes,
        "hinh_thuc_de_nghi": p.proposal, "so_sang_kien": p.recognised_initiatives,
        "tieu_chi": {c.id: c.met for c in p.criteria}, **_outcome(p),
    }  # fmt: skip


def _outcome(o: PersonView | CollectiveView) -> Record:
    return {
        "du_dieu_kien": o.eligible, "ho_so": o.dossier.label, "trang_thai": o.status,
        "trang_thai_mo_ta": o.status_label, "trang_thai_theo_tieu_chi": o.criteria_status,
        "xep_hang": o.rank, **_council_record(o.council),
    }  # fmt: skip


def _council_record(c: CouncilView | None) -> Record:
    """The Council's outcome: a decision's number and date, or a proposal's, never mixed."""
    decision = c is not None and not c.proposal
    proposal = c is not None and c.proposal
    return {
        "khen_thuong": c.form if c else "",
        "ket_qua_hoi_dong": ("de-nghi" if proposal else "quyet-dinh") if c else "",
        "so_quyet_dinh": (c.decision_no or "") if c and decision else "",
        "ngay_quyet_dinh": c.decision_date if c and decision else None,
        "so_de_nghi": (c.decision_no or "") if c and proposal else "",
        "ngay_de_nghi": c.decision_date if c and proposal else None,
        "khac_ket_qua_tieu_chi": c.differs if c else False,
    }


def _collective_table(view: SiteView) -> Table:
    ids = [c.id for c in view.config.criteria.collective]
    fields = (
        *_UNIT,
        Field("xep_loai", "string", "Xếp loại", "Xếp loại năm của đơn vị"),
        Field("hinh_thuc_de_nghi", "string", "Hình thức đề nghị", "Giấy khen hoặc Bằng khen"),
        Field(
            "so_sang_kien",
            "integer",
            "Số sáng kiến",
            "Số sáng kiến của đơn vị được công nhận đúng hạn",
        ),
        _criteria_field(ids),
        *_OUTCOME,
    )
    return Table(
        "tap-the",
        "Tập thể được đề nghị",
        "Kết quả xét từng phòng, bộ phận",
        fields,
        [_collective(c) for c in view.collectives],
        primary_key="ma_don_vi",
    )


def _collective(c: CollectiveView) -> Record:
    return {
        "ma_don_vi": c.unit_code, "don_vi": c.unit_name, "xep_loai": c.rating,
        "hinh_thuc_de_nghi": c.proposal, "so_sang_kien": c.recognised_initiatives,
        "tieu_chi": {r.id: r.met for r in c.criteria}, **_outcome(c),
    }  # fmt: skip


def _initiative_table(view: SiteView) -> Table:
    fields = (
        Field("ma_sang_kien", "string", "Mã sáng kiến", "Mã sáng kiến"),
        Field("ten_sang_kien", "string", "Tên sáng kiến", "Tên sáng kiến"),
        *_UNIT,
        Field(
            "tac_gia",
            "string",
            "Tác giả",
            "Tác giả, cách nhau bởi dấu chấm phẩy; tập thể nếu không ghi",
        ),
        Field("linh_vuc", "string", "Lĩnh vực", "Lĩnh vực của sáng kiến"),
        Field("cong_nhan", "boolean", "Được công nhận", "Hội đồng Sáng kiến công nhận"),
        Field("so_quyet_dinh", "string", "Số quyết định", "Số quyết định công nhận"),
        Field("ngay_cong_nhan", "date", "Ngày công nhận", "Ngày công nhận"),
        Field(
            "tinh_vao_xet", "boolean", "Tính vào xét", "Được công nhận không muộn hơn hạn nộp hồ sơ"
        ),
    )
    return Table(
        "sang-kien",
        "Sáng kiến",
        "Sổ sáng kiến đã xét",
        fields,
        [_initiative(i) for i in view.initiatives],
        primary_key="ma_sang_kien",
    )


def _initiative(i: InitiativeView) -> Record:
    return {
        "ma_sang_kien": i.code, "ten_sang_kien": i.title, "ma_don_vi": i.unit_code,
        "don_vi": i.unit_name, "tac_gia": i.authors, "linh_vuc": i.field,
        "cong_nhan": i.recognised, "so_quyet_dinh": i.decision_no,
        "ngay_cong_nhan": i.decision_date, "tinh_vao_xet": i.counted,
    }  # fmt: skip


def _honour_table(view: SiteView) -> Table:
    fields = (
        Field("doi_tuong", "string", "Đối tượng", "Tập thể hoặc Cá nhân"),
        Field("ho_ten", "string", "Tên", "Họ và tên cá nhân hoặc tên đơn vị"),
        Field("chuc_vu", "string", "Chức vụ", "Chức vụ (cá nhân)"),
        *_UNIT,
        Field("hinh_thuc", "string", "Hình thức", "Giấy khen, Bằng khen hoặc Đề nghị Bằng khen"),
        Field(
            "ket_qua",
            "string",
            "Loại",
            "quyet-dinh: đã có quyết định khen thưởng; de-nghi: đã được đề nghị cấp trên khen "
            "thưởng, chờ quyết định; du-kien: dự kiến theo tiêu chí, chưa có kết quả của Hội đồng",
            ("quyet-dinh", "de-nghi", "du-kien"),
        ),
        *_COUNCIL[2:6],
        Field(
            "du_kien",
            "boolean",
            "Dự kiến",
            "true: danh sách dự kiến, chưa có kết quả của Hội đồng",
        ),
        _COUNCIL[6],
    )
    return Table(
        "vinh-danh", "Vinh danh", "Danh sách khen thưởng", fields, [_honour(h) for h in view.honour]
    )


def _honour(h: HonourEntry) -> Record:
    kind = "du-kien" if h.provisional else ("de-nghi" if h.proposal else "quyet-dinh")
    decision, proposal = kind == "quyet-dinh", kind == "de-nghi"
    return {
        "doi_tuong": "Tập thể" if h.kind == "collective" else "Cá nhân", "ho_ten": h.name,
        "chuc_vu": h.position, "ma_don_vi": h.unit_code, "don_vi": h.unit_name,
        "hinh_thuc": h.form, "ket_qua": kind,
        "so_quyet_dinh": h.decision_no if decision else "",
        "ngay_quyet_dinh": h.decision_date if decision else None,
        "so_de_nghi": h.decision_no if proposal else "",
        "ngay_de_nghi": h.decision_date if proposal else None,
        "du_kien": h.provisional, "khac_ket_qua_tieu_chi": h.differs,
    }  # fmt: skip


TABLES: tuple[Callable[[SiteView], Table], ...] = (
    _people_table,
    _collective_table,
    _initiative_table,
    _honour_table,
)


def open_data_tables(view: SiteView) -> list[Table]:
    """The four public tables, fields in their fixed order."""
    return [make(view) for make in TABLES]


def export_open_data(view: SiteView) -> dict[str, bytes]:
    """Every download of /du-lieu-mo/, keyed by site path."""
    tables = open_data_tables(view)
    files: dict[str, bytes] = {}
    for table in tables:
        files[f"{FOLDER}/{table.name}.csv"] = to_csv(table)
        files[f"{FOLDER}/{table.name}.json"] = to_json(table)
    files[f"{FOLDER}/du-lieu.xlsx"] = to_xlsx(tables)
    files[f"{FOLDER}/datapackage.json"] = datapackage(view, tables)
    files[f"{FOLDER}/SHA256SUMS"] = checksums(files)
    return files


def neutralise(text: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (OWASP CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _columns(table: Table) -> list[tuple[str, Field, str | None]]:
    """Flat columns: (name, field, criterion id) — an object field becomes one column per key."""
    columns: list[tuple[str, Field, str | None]] = []
    for f in table.fields:
        if f.type != "object":
            columns.append((f.name, f, None))
        elif table.records:
            keys = table.records[0][f.name]
            columns += [(f"{f.name}_{k}", f, str(k)) for k in keys]  # type: ignore[attr-defined]
    return columns


def _flat_fields(table: Table) -> list[str]:
    return [name for name, _, _ in _columns(table)]


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
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    names = _flat_fields(table)
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
    records = [{k: _json_value(v) for k, v in r.items()} for r in table.records]
    return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_xlsx(tables: list[Table]) -> bytes:
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
    names = _flat_fields(table)
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


def datapackage(view: SiteView, tables: list[Table]) -> bytes:
    """A Frictionless Data Package describing the CSV resources."""
    package = {
        "profile": "tabular-data-package",
        "name": view.config.id,
        "title": view.config.campaign.name,
        "description": view.config.site.description,
        "licenses": [{"title": view.config.site.licence, "path": view.config.site.licence_url}],
        "resources": [_resource(t) for t in tables],
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _resource(table: Table) -> dict[str, object]:
    return {
        "profile": "tabular-data-resource",
        "name": table.name,
        "path": f"{table.name}.csv",
        "title": table.title,
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "schema": _table_schema(table),
    }


def _table_schema(table: Table) -> dict[str, object]:
    schema: dict[str, object] = {
        "fields": [_field_schema(n, f, sub) for n, f, sub in _columns(table)],
        "missingValues": [""],
    }
    if table.primary_key:
        schema["primaryKey"] = [table.primary_key]
    return schema


def _field_schema(name: str, base: Field, criterion: str | None) -> dict[str, object]:
    schema: dict[str, object] = {
        "name": name,
        "type": base.type,
        "title": base.title,
        "description": base.description,
    }
    if criterion is not None:
        schema.update(
            type="boolean",
            title=f"Tiêu chí {criterion}",
            description=f"Đạt tiêu chí {criterion}: true = đạt, false = không đạt",
        )
    if schema["type"] == "boolean":
        schema.update(trueValues=["true"], falseValues=["false"])
    if base.enum and criterion is None:
        schema["constraints"] = {"enum": list(base.enum)}
    return schema


def checksums(files: dict[str, bytes]) -> bytes:
    lines = [
        f"{hashlib.sha256(data).hexdigest()}  {path.rsplit('/', 1)[-1]}"
        for path, data in sorted(files.items())
    ]
    return ("\n".join(lines) + "\n").encode("ascii")
