"""The data contract (SPEC §3): sheets, their columns, value kinds and publication class.

One declaration serves the reader (header matching, parsing), the validator (required,
unique), the templates command (drop-down lists) and the data dictionary of the open data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .text import header_key


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    DATE = "date"
    YESNO = "yesno"
    RATING = "rating"
    CHOICE = "choice"
    LIST = "list"  # ';'-separated texts


RATINGS = {
    "HTXSNV": "Hoàn thành xuất sắc nhiệm vụ",
    "HTTNV": "Hoàn thành tốt nhiệm vụ",
    "HTNV": "Hoàn thành nhiệm vụ",
    "KHTNV": "Không hoàn thành nhiệm vụ",
}
DISCIPLINE_FORMS = (
    "Khiển trách",
    "Cảnh cáo",
    "Hạ bậc lương",
    "Giáng chức",
    "Cách chức",
    "Buộc thôi việc",
)
YES_WORDS = ("có", "x", "yes", "1", "true", "đã có", "co")
NO_WORDS = ("không", "", "no", "0", "false", "khong", "chưa có")
INITIATIVE_FIELDS = ("Cải cách TTHC", "Ứng dụng CNTT", "Kỷ luật, kỷ cương", "Chất lượng phục vụ")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: Kind = Kind.TEXT
    required: bool = False
    public: bool = True
    choices: tuple[str, ...] = ()
    description: str = ""

    @property
    def match_key(self) -> str:
        return header_key(self.header)


@dataclass(frozen=True)
class Sheet:
    id: str
    name: str
    columns: tuple[Column, ...]
    unique: tuple[str, ...] = ()

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)


C = Column
UNITS = Sheet(
    "units",
    "Đơn vị",
    (
        C("code", "Mã đơn vị", required=True, description="Mã phòng, bộ phận"),
        C("name", "Tên đơn vị", required=True, description="Tên phòng, bộ phận"),
        C(
            "kind",
            "Loại đơn vị",
            Kind.CHOICE,
            choices=("Phòng", "Ban", "Trung tâm", "Bộ phận"),
            description="Loại đơn vị",
        ),
        C("order", "Thứ tự", Kind.INT, description="Thứ tự hiển thị"),
    ),
    unique=("code",),
)
INITIATIVES = Sheet(
    "initiatives",
    "Sáng kiến",
    (
        C("code", "Mã sáng kiến", required=True, description="Mã sáng kiến"),
        C("title", "Tên sáng kiến", required=True, description="Tên sáng kiến"),
        C("unit", "Mã đơn vị", required=True, description="Mã phòng, bộ phận có sáng kiến"),
        C("authors", "Tác giả", Kind.LIST, description="Tác giả (để trống: sáng kiến tập thể)"),
        C("author_codes", "Mã CB tác giả", Kind.LIST, public=False),
        C("field", "Lĩnh vực", Kind.CHOICE, choices=INITIATIVE_FIELDS, description="Lĩnh vực"),
        C(
            "result",
            "Kết quả",
            Kind.CHOICE,
            required=True,
            choices=("Công nhận", "Không công nhận"),
            description="Kết quả xét của Hội đồng Sáng kiến",
        ),
        C("decision_no", "Số quyết định", description="Số quyết định công nhận"),
        C("decision_date", "Ngày công nhận", Kind.DATE, description="Ngày công nhận"),
    ),
    unique=("code",),
)
DISCIPLINE = Sheet(
    "discipline",
    "Kỷ luật",
    (
        C("staff_code", "Mã CB", required=True, public=False),
        C("name", "Họ và tên", public=False),
        C("unit", "Mã đơn vị", public=False),
        C("form", "Hình thức", Kind.CHOICE, True, False, DISCIPLINE_FORMS),
        C("decided", "Ngày quyết định", Kind.DATE, required=True, public=False),
        C("expires", "Ngày hết hiệu lực", Kind.DATE, public=False),
    ),
)
PROPOSALS = ("Giấy khen", "Bằng khen")
SUBMISSION = Sheet(
    "submission",
    "Tập thể",
    (
        C("unit", "Mã đơn vị", required=True, description="Mã phòng, bộ phận"),
        C(
            "good_cchc",
            "Thực hiện tốt nhiệm vụ CCHC",
            Kind.YESNO,
            required=True,
            description="Thực hiện tốt nhiệm vụ CCHC của kế hoạch thành phố và Văn phòng",
        ),
        C("rating", "Xếp loại", Kind.RATING, required=True, description="Xếp loại năm"),
        C(
            "proposal",
            "Đề nghị khen thưởng",
            Kind.CHOICE,
            required=True,
            choices=(*PROPOSALS, "Không"),
            description="Hình thức đề nghị cho tập thể",
        ),
        C("report", "Báo cáo thành tích", Kind.YESNO, description="Có báo cáo thành tích"),
        C("to_trinh_no", "Số tờ trình", description="Số tờ trình đề nghị"),
        C("to_trinh_date", "Ngày tờ trình", Kind.DATE, description="Ngày tờ trình"),
        C("bien_ban_no", "Số biên bản họp xét", description="Số biên bản họp xét"),
        C("meeting_date", "Ngày họp xét", Kind.DATE, description="Ngày họp xét"),
        C("sent_date", "Ngày gửi hồ sơ", Kind.DATE, description="Ngày gửi hồ sơ"),
    ),
)
NOMINEES = Sheet(
    "nominees",
    "Cá nhân",
    (
        C("seq", "STT", Kind.INT, public=False),
        C("staff_code", "Mã CB", required=True, public=False),
        C("name", "Họ và tên", required=True, description="Họ và tên"),
        C("birth_date", "Ngày sinh", Kind.DATE, public=False),
        C("position", "Chức vụ", description="Chức vụ"),
        C("rating", "Xếp loại", Kind.RATING, required=True, description="Xếp loại năm"),
        C(
            "tasks_assigned",
            "Số nhiệm vụ được giao",
            Kind.INT,
            required=True,
            description="Số nhiệm vụ được giao",
        ),
        C(
            "tasks_on_time",
            "Số nhiệm vụ đúng hạn",
            Kind.INT,
            required=True,
            description="Số nhiệm vụ hoàn thành đúng hạn",
        ),
        C(
            "discipline_self",
            "Kỷ luật",
            Kind.CHOICE,
            required=True,
            public=False,
            choices=("Không", *DISCIPLINE_FORMS),
        ),
        C(
            "proposal",
            "Hình thức đề nghị",
            Kind.CHOICE,
            required=True,
            choices=PROPOSALS,
            description="Hình thức khen thưởng đề nghị",
        ),
        C("votes_for", "Số phiếu đồng ý", Kind.INT, description="Số phiếu đồng ý khi họp xét"),
        C("votes_total", "Tổng số phiếu", Kind.INT, description="Tổng số phiếu"),
        C("report", "Báo cáo thành tích", Kind.YESNO, description="Có báo cáo thành tích"),
        C("phone", "Điện thoại", public=False),
        C("note", "Ghi chú", public=False),
    ),
    unique=("staff_code",),
)
COUNCIL = Sheet(
    "council",
    "Kết quả",
    (
        C("kind", "Đối tượng", Kind.CHOICE, True, choices=("Tập thể", "Cá nhân")),
        C("unit", "Mã đơn vị", required=True),
        C("staff_code", "Mã CB", public=False),
        C("name", "Họ và tên"),
        C("form", "Hình thức", Kind.CHOICE, True, choices=("Giấy khen", "Đề nghị Bằng khen")),
        C("decision_no", "Số quyết định"),
        C("decision_date", "Ngày quyết định", Kind.DATE),
        C("minutes_no", "Số biên bản hội đồng"),
        C("meeting_date", "Ngày họp hội đồng", Kind.DATE),
        C("sent_to_city", "Ngày gửi thành phố", Kind.DATE),
    ),
)

ALL_SHEETS = (UNITS, INITIATIVES, DISCIPLINE, SUBMISSION, NOMINEES, COUNCIL)
