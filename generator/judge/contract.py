"""The founding campaign's data contract (SPEC §3): its sheets, columns and file layout.

One declaration serves the reader (header matching, parsing), the validator (required,
unique), the templates command (drop-down lists) and the data dictionary of the open data.
"""

from __future__ import annotations

from generator.read.columns import NO_WORDS, RATINGS, YES_WORDS, Column, FileLayout, Kind, Sheet

__all__ = ["NO_WORDS", "RATINGS", "YES_WORDS", "Column", "FileLayout", "Kind", "Sheet"]

DISCIPLINE_FORMS = (
    "Khiển trách",
    "Cảnh cáo",
    "Hạ bậc lương",
    "Giáng chức",
    "Cách chức",
    "Buộc thôi việc",
)
INITIATIVE_FIELDS = ("Cải cách TTHC", "Ứng dụng CNTT", "Kỷ luật, kỷ cương", "Chất lượng phục vụ")

C = Column
_NOT_USED = (
    "cột chỉ dùng để đối chiếu, không dùng cho tiêu chí nào; kết quả không thay đổi",
    "the column is only for cross-checking and feeds no rule; results do not change",
)
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
        C("name", "Họ và tên", public=False, absent=_NOT_USED),
        C("unit", "Mã đơn vị", public=False, absent=_NOT_USED),
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
PROPOSALS = ("Giấy khen", "Bằng khen")


def _dossier_part(what: str, en: str) -> tuple[str, str]:
    """The consequence of a missing department-dossier column."""
    return (
        f"{what} để trống: nếu hồ sơ yêu cầu giấy tờ này, hồ sơ của đơn vị (tập thể và mọi cá "
        "nhân của đơn vị) bị ghi là chưa đủ",
        f"{en} is blank: if the dossier requires it, the unit's dossier (the collective and "
        "every nominee of the unit) is recorded as incomplete",
    )


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
        C(
            "report",
            "Báo cáo thành tích",
            Kind.YESNO,
            description="Có báo cáo thành tích",
            absent=(
                "coi như tập thể không có báo cáo thành tích: hồ sơ của tập thể bị ghi là chưa "
                "đủ (nếu hồ sơ yêu cầu báo cáo), và tiêu chí kiểm tra cột này không đạt",
                "the collective is taken to have no achievement report: its dossier is "
                "incomplete (if the dossier requires one) and a criterion on this column fails",
            ),
        ),
        C(
            "to_trinh_no",
            "Số tờ trình",
            description="Số tờ trình đề nghị",
            absent=_dossier_part("Số tờ trình", "The proposal number"),
        ),
        C(
            "to_trinh_date",
            "Ngày tờ trình",
            Kind.DATE,
            description="Ngày tờ trình",
            absent=_dossier_part("Ngày tờ trình", "The proposal date"),
        ),
        C(
            "bien_ban_no",
            "Số biên bản họp xét",
            description="Số biên bản họp xét",
            absent=_dossier_part("Số biên bản họp xét", "The meeting minutes number"),
        ),
        C(
            "meeting_date",
            "Ngày họp xét",
            Kind.DATE,
            description="Ngày họp xét",
            absent=_dossier_part("Ngày họp xét", "The meeting date"),
        ),
        C(
            "sent_date",
            "Ngày gửi hồ sơ",
            Kind.DATE,
            description="Ngày gửi hồ sơ",
            absent=(
                "không biết ngày gửi hồ sơ: hồ sơ của đơn vị (tập thể và mọi cá nhân) bị ghi là "
                "chưa đủ và không kiểm tra được hạn nộp",
                "the sending date is unknown: the unit's dossier (collective and every nominee) "
                "is recorded as incomplete and the deadline cannot be checked",
            ),
        ),
    ),
)
_NO_VOTES = (
    "không có số phiếu họp xét: không cá nhân nào trong trang tính được xếp hạng theo chỉ tiêu "
    "(mỗi người một cảnh báo votes-missing)",
    "no vote counts: no nominee of the sheet can be ranked against the quota (each gets "
    "votes-missing)",
)
NOMINEES = Sheet(
    "nominees",
    "Cá nhân",
    (
        C(
            "seq",
            "STT",
            Kind.INT,
            public=False,
            absent=(
                "cột chỉ đánh số dòng; kết quả không thay đổi",
                "row numbers only; nothing changes",
            ),
        ),
        C("staff_code", "Mã CB", required=True, public=False),
        C("name", "Họ và tên", required=True, description="Họ và tên"),
        C("birth_date", "Ngày sinh", Kind.DATE, public=False, absent=_NOT_USED),
        C(
            "position",
            "Chức vụ",
            description="Chức vụ",
            absent=(
                "chức vụ của mọi cá nhân trong trang tính để trống trên trang kết quả cá nhân, "
                "trang đơn vị, bảng vinh danh và trong dữ liệu mở; không ảnh hưởng tiêu chí",
                "every nominee's position is blank on the results, unit and honour pages and in "
                "the open data; no criterion changes",
            ),
        ),
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
        C(
            "votes_for",
            "Số phiếu đồng ý",
            Kind.INT,
            description="Số phiếu đồng ý khi họp xét",
            absent=_NO_VOTES,
        ),
        C("votes_total", "Tổng số phiếu", Kind.INT, description="Tổng số phiếu", absent=_NO_VOTES),
        C(
            "report",
            "Báo cáo thành tích",
            Kind.YESNO,
            description="Có báo cáo thành tích",
            absent=(
                "coi như không cá nhân nào trong trang tính có báo cáo thành tích: hồ sơ của họ "
                "bị ghi là chưa đủ (nếu hồ sơ yêu cầu báo cáo), và tiêu chí kiểm tra cột này không đạt",
                "no nominee of the sheet is taken to have an achievement report: their dossiers "
                "are incomplete (if the dossier requires one) and a criterion on this column fails",
            ),
        ),
        C("phone", "Điện thoại", public=False, absent=_NOT_USED),
        C("note", "Ghi chú", public=False, absent=_NOT_USED),
    ),
    unique=("staff_code",),
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
        C("name", "Họ và tên", absent=_NOT_USED),
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

ALL_SHEETS = (UNITS, INITIATIVES, DISCIPLINE, SUBMISSION, NOMINEES, COUNCIL)

LAYOUT = FileLayout(
    registers=(
        ("don-vi", UNITS, True),
        ("sang-kien", INITIATIVES, True),
        ("ky-luat", DISCIPLINE, True),
        ("hoi-dong", COUNCIL, False),
    ),
    department_folder="de-nghi",
    department_sheets=(SUBMISSION, NOMINEES),
    csv_parts={"tap-the": SUBMISSION, "ca-nhan": NOMINEES},
)
