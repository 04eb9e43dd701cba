"""The four public tables (people, collectives, initiatives, honour roll), fields in fixed order."""

from __future__ import annotations

from collections.abc import Callable

from generator.site.open_data.fields import (
    COUNCIL_FIELDS,
    UNIT_FIELDS,
    criteria_field,
    extra_fields,
    extra_record,
    outcome_fields,
    outcome_record,
)
from generator.site.open_data.table import Field, Record, Table
from generator.site.views import CollectiveView, HonourEntry, InitiativeView, PersonView, SiteView


def _people_table(view: SiteView) -> Table:
    ids = [c.id for c in view.config.criteria.individual]
    fields = (
        *UNIT_FIELDS,
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
        criteria_field(ids),
        *outcome_fields(view.config),
        *extra_fields(view.config.data_contract.sheet("nominees")),
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
        "tieu_chi": {c.id: c.met for c in p.criteria}, **outcome_record(p),
        **extra_record(p.extra),
    }  # fmt: skip


def _collective_table(view: SiteView) -> Table:
    ids = [c.id for c in view.config.criteria.collective]
    fields = (
        *UNIT_FIELDS,
        Field("xep_loai", "string", "Xếp loại", "Xếp loại năm của đơn vị"),
        Field("hinh_thuc_de_nghi", "string", "Hình thức đề nghị", "Giấy khen hoặc Bằng khen"),
        Field(
            "so_sang_kien",
            "integer",
            "Số sáng kiến",
            "Số sáng kiến của đơn vị được công nhận đúng hạn",
        ),
        criteria_field(ids),
        *outcome_fields(view.config),
        *extra_fields(view.config.data_contract.sheet("submission")),
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
        "tieu_chi": {r.id: r.met for r in c.criteria}, **outcome_record(c),
        **extra_record(c.extra),
    }  # fmt: skip


def _initiative_table(view: SiteView) -> Table:
    fields = (
        Field("ma_sang_kien", "string", "Mã sáng kiến", "Mã sáng kiến"),
        Field("ten_sang_kien", "string", "Tên sáng kiến", "Tên sáng kiến"),
        *UNIT_FIELDS,
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
        *UNIT_FIELDS,
        Field("hinh_thuc", "string", "Hình thức", "Giấy khen, Bằng khen hoặc Đề nghị Bằng khen"),
        Field(
            "ket_qua",
            "string",
            "Loại",
            "quyet-dinh: đã có quyết định khen thưởng; de-nghi: đã được đề nghị cấp trên khen "
            "thưởng, chờ quyết định; du-kien: dự kiến theo tiêu chí, chưa có kết quả của Hội đồng",
            ("quyet-dinh", "de-nghi", "du-kien"),
        ),
        *COUNCIL_FIELDS[2:6],
        Field(
            "du_kien",
            "boolean",
            "Dự kiến",
            "true: danh sách dự kiến, chưa có kết quả của Hội đồng",
        ),
        COUNCIL_FIELDS[6],
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
