"""The sheets of a department's submission file (SPEC §3): the collective's proposal with
its dossier, and the nominated individuals."""

from __future__ import annotations

from generator.judge.contract.vocabulary import DISCIPLINE_FORMS, NOT_USED, PROPOSALS
from generator.read.columns import Column, Kind, Sheet

C = Column


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
        C("birth_date", "Ngày sinh", Kind.DATE, public=False, absent=NOT_USED),
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
        C("phone", "Điện thoại", public=False, absent=NOT_USED),
        C("note", "Ghi chú", public=False, absent=NOT_USED),
    ),
    unique=("staff_code",),
)
