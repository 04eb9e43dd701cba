"""Fields several open-data tables share (department, outcome, Council) and their records."""

from __future__ import annotations

from collections.abc import Sequence

from generator.judge.config import Config
from generator.judge.model import Extra
from generator.judge.select import campaign_statuses
from generator.read.columns import Kind, Sheet
from generator.site.open_data.table import Field, Record
from generator.site.views import CollectiveView, CouncilView, PersonView

# The Frictionless type of a contract column's kind (extra columns, the data dictionary).
KIND_TYPES = {
    Kind.TEXT: "string",
    Kind.INT: "integer",
    Kind.NUMBER: "number",
    Kind.PERCENT: "number",
    Kind.DATE: "date",
    Kind.YESNO: "boolean",
    Kind.RATING: "string",
    Kind.CHOICE: "string",
    Kind.LIST: "string",
}


def extra_fields(sheet: Sheet) -> tuple[Field, ...]:
    """The sheet's public extra columns (``contract.columns``), named by their key."""
    return tuple(
        Field(c.key, KIND_TYPES[c.kind], c.header, c.description or c.header, c.choices)
        for c in sheet.extras
        if c.public
    )


def extra_record(extra: Extra) -> Record:
    """A view's public extra values; a list is written ';'-separated like the register's."""
    return {k: "; ".join(map(str, v)) if isinstance(v, tuple) else v for k, v in extra}


UNIT_FIELDS = (
    Field("ma_don_vi", "string", "Mã đơn vị", "Mã phòng, bộ phận"),
    Field("don_vi", "string", "Đơn vị", "Tên phòng, bộ phận"),
)
_COUNCIL_RESULTS = ("quyet-dinh", "de-nghi")
COUNCIL_FIELDS = (
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


def outcome_fields(config: Config) -> tuple[Field, ...]:
    """The outcome columns; a status code is one the campaign can give (``trang_thai``'s enum)."""
    codes = tuple(s.value for s in campaign_statuses(config))
    return (
        Field("du_dieu_kien", "boolean", "Đạt đủ tiêu chí", "Đạt tất cả tiêu chí"),
        Field("ho_so", "string", "Hồ sơ", "Tình trạng hồ sơ: đầy đủ, chưa đầy đủ, nộp trễ hạn"),
        Field(
            "trang_thai",
            "string",
            "Mã trạng thái",
            "Mã trạng thái hiện nay: theo kết quả của Hội đồng khi đã có, nếu không theo tiêu chí "
            "(xem bảng mã trạng thái)",
            codes,
        ),
        Field("trang_thai_mo_ta", "string", "Trạng thái", "Trạng thái hiện nay bằng tiếng Việt"),
        Field(
            "trang_thai_theo_tieu_chi",
            "string",
            "Mã trạng thái theo tiêu chí",
            "Mã trạng thái xét theo tiêu chí và chỉ tiêu, trước kết quả của Hội đồng",
            codes,
        ),
        Field(
            "xep_hang",
            "integer",
            "Xếp hạng",
            "Thứ hạng trong nhóm xét chỉ tiêu (trống nếu không xếp hạng)",
        ),
        *COUNCIL_FIELDS,
    )


def criteria_field(ids: Sequence[str]) -> Field:
    """The ``tieu_chi`` object field: one true/false per criterion id."""
    listed = ", ".join(ids)
    return Field(
        "tieu_chi",
        "object",
        "Tiêu chí",
        f"Kết quả từng tiêu chí ({listed}): true = đạt, false = không đạt",
    )


def outcome_record(o: PersonView | CollectiveView) -> Record:
    """The values of :func:`outcome_fields` for a nominee or a collective."""
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
