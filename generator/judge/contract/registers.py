"""The office's registers (SPEC §3): the units, the initiatives with the Initiative Council's
results, the discipline decisions, and the Council's award decisions."""

from __future__ import annotations

from generator.judge.contract.vocabulary import DISCIPLINE_FORMS, INITIATIVE_FIELDS, NOT_USED
from generator.read.columns import Column, Kind, Sheet

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
            absent=(
                "loại của mọi đơn vị để trống trên trang Đơn vị và trong dữ liệu mở",
                "every unit's type is blank on the units page and in the open data",
            ),
        ),
        C(
            "order",
            "Thứ tự",
            Kind.INT,
            description="Thứ tự hiển thị",
            absent=(
                "các đơn vị được xếp theo tên thay cho thứ tự quy định",
                "units are listed by name instead of their set order",
            ),
        ),
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
        C(
            "authors",
            "Tác giả",
            Kind.LIST,
            description="Tác giả (để trống: sáng kiến tập thể)",
            absent=(
                "sáng kiến nào không ghi “Mã CB tác giả” bị coi là sáng kiến tập thể: không cá "
                "nhân nào được tính là tác giả ở tiêu chí sáng kiến của cá nhân (tiêu chí không "
                "đạt), và trang Sáng kiến không ghi tác giả",
                "initiatives without 'Mã CB tác giả' count as collective: nobody is credited as "
                "an author for the individual initiative criterion (not met), and no author is shown",
            ),
        ),
        C(
            "author_codes",
            "Mã CB tác giả",
            Kind.LIST,
            public=False,
            absent=(
                "tác giả chỉ được nhận theo họ tên trong đơn vị (tiêu chí sáng kiến của cá nhân); "
                "hai người trùng tên sẽ bị báo lỗi author-ambiguous",
                "authors are matched by name within the unit only (individual initiative "
                "criterion); namesakes give author-ambiguous",
            ),
        ),
        C(
            "field",
            "Lĩnh vực",
            Kind.CHOICE,
            choices=INITIATIVE_FIELDS,
            description="Lĩnh vực",
            absent=(
                "lĩnh vực của mọi sáng kiến để trống: trang Sáng kiến không xếp được sáng kiến "
                "vào lĩnh vực nào",
                "every initiative's field is blank: the initiatives page cannot group them by field",
            ),
        ),
        C(
            "result",
            "Kết quả",
            Kind.CHOICE,
            required=True,
            choices=("Công nhận", "Không công nhận"),
            description="Kết quả xét của Hội đồng Sáng kiến",
        ),
        C(
            "decision_no",
            "Số quyết định",
            description="Số quyết định công nhận",
            absent=(
                "mọi sáng kiến “Công nhận” bị loại vì thiếu số quyết định (lỗi value-missing) "
                "nên không được tính ở tiêu chí sáng kiến",
                "every recognised initiative is rejected for lack of a decision number "
                "(value-missing) and counts for no initiative criterion",
            ),
        ),
        C(
            "decision_date",
            "Ngày công nhận",
            Kind.DATE,
            description="Ngày công nhận",
            absent=(
                "mọi sáng kiến “Công nhận” bị loại vì thiếu ngày công nhận (lỗi value-missing) "
                "nên không được tính ở tiêu chí sáng kiến",
                "every recognised initiative is rejected for lack of a recognition date "
                "(value-missing) and counts for no initiative criterion",
            ),
        ),
    ),
    unique=("code",),
)
DISCIPLINE = Sheet(
    "discipline",
    "Kỷ luật",
    (
        C("staff_code", "Mã CB", required=True, public=False),
        C("name", "Họ và tên", public=False, absent=NOT_USED),
        C("unit", "Mã đơn vị", public=False, absent=NOT_USED),
        C("form", "Hình thức", Kind.CHOICE, True, False, DISCIPLINE_FORMS),
        C("decided", "Ngày quyết định", Kind.DATE, required=True, public=False),
        C(
            "expires",
            "Ngày hết hiệu lực",
            Kind.DATE,
            public=False,
            absent=(
                "mọi quyết định kỷ luật được coi là hết hiệu lực 1 năm sau ngày quyết định: một "
                "quyết định có hiệu lực lâu hơn có thể bị bỏ sót ở tiêu chí không bị kỷ luật",
                "every decision is taken to end one year after it was made: a longer one may "
                "be missed by the no-discipline criterion",
            ),
        ),
    ),
)


_COUNCIL_MINUTES = (
    "mọi dòng “Đề nghị Bằng khen” bị loại vì thiếu biên bản họp Hội đồng (lỗi value-missing)",
    "every 'Đề nghị Bằng khen' row is rejected for lack of the Council minutes (value-missing)",
)
COUNCIL = Sheet(
    "council",
    "Kết quả",
    (
        C("kind", "Đối tượng", Kind.CHOICE, True, choices=("Tập thể", "Cá nhân")),
        C("unit", "Mã đơn vị", required=True),
        C(
            "staff_code",
            "Mã CB",
            public=False,
            absent=(
                "quyết định cho cá nhân không gắn được với người được đề nghị: mỗi dòng “Cá "
                "nhân” bị loại (lỗi council-unknown-nominee)",
                "decisions on individuals match no nominee: every 'Cá nhân' row is rejected "
                "(council-unknown-nominee)",
            ),
        ),
        C("name", "Họ và tên", absent=NOT_USED),
        C("form", "Hình thức", Kind.CHOICE, True, choices=("Giấy khen", "Đề nghị Bằng khen")),
        C(
            "decision_no",
            "Số quyết định",
            absent=(
                "số văn bản của mọi quyết định để trống trên các trang kết quả và bảng vinh danh",
                "every decision's document number is blank on the results and honour pages",
            ),
        ),
        C(
            "decision_date",
            "Ngày quyết định",
            Kind.DATE,
            absent=(
                "ngày của mọi quyết định để trống trên các trang kết quả và bảng vinh danh",
                "every decision's date is blank on the results and honour pages",
            ),
        ),
        C("minutes_no", "Số biên bản hội đồng", absent=_COUNCIL_MINUTES),
        C("meeting_date", "Ngày họp hội đồng", Kind.DATE, absent=_COUNCIL_MINUTES),
        C(
            "sent_to_city",
            "Ngày gửi thành phố",
            Kind.DATE,
            absent=(
                "không kiểm tra được đề nghị Bằng khen có gửi thành phố đúng hạn không "
                "(cảnh báo council-late không thể có)",
                "whether Bằng khen proposals reached the city in time cannot be checked "
                "(council-late cannot be raised)",
            ),
        ),
    ),
)
