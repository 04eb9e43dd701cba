"""Fictional sample data of the founding campaign (VP UBND TP Cần Thơ, 2019).

Every name, staff code, phone number, date of birth and document number here is
invented for illustration. The design cases (which person or department shows which
rule) are listed in the README written next to the data and checked against the
hand-computed oracle in ``tests/sample_expectations.py``.

Usage (from the repository root)::

    python -m tests.builders.sample_campaign data/vpubnd-cantho-2019

The destination folder is emptied and rewritten.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tests.builders.workbooks import write_csv, write_ods, write_xlsx

D = date  # short alias for the tables below

# --------------------------------------------------------------------------- headers
H_DON_VI = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Thứ tự"]
H_SANG_KIEN = [
    "Mã sáng kiến",
    "Tên sáng kiến",
    "Mã đơn vị",
    "Tác giả",
    "Mã CB tác giả",
    "Lĩnh vực",
    "Kết quả",
    "Số quyết định",
    "Ngày công nhận",
]
H_KY_LUAT = ["Mã CB", "Họ và tên", "Mã đơn vị", "Hình thức", "Ngày quyết định", "Ngày hết hiệu lực"]
H_TAP_THE = [
    "Mã đơn vị",
    "Thực hiện tốt nhiệm vụ CCHC",
    "Xếp loại",
    "Đề nghị khen thưởng",
    "Báo cáo thành tích",
    "Số tờ trình",
    "Ngày tờ trình",
    "Số biên bản họp xét",
    "Ngày họp xét",
    "Ngày gửi hồ sơ",
]
H_CA_NHAN = [
    "STT",
    "Mã CB",
    "Họ và tên",
    "Ngày sinh",
    "Chức vụ",
    "Xếp loại",
    "Số nhiệm vụ được giao",
    "Số nhiệm vụ đúng hạn",
    "Kỷ luật",
    "Hình thức đề nghị",
    "Số phiếu đồng ý",
    "Tổng số phiếu",
    "Báo cáo thành tích",
    "Điện thoại",
    "Ghi chú",
]
H_KET_QUA = [
    "Đối tượng",
    "Mã đơn vị",
    "Mã CB",
    "Họ và tên",
    "Hình thức",
    "Số quyết định",
    "Ngày quyết định",
    "Số biên bản hội đồng",
    "Ngày họp hội đồng",
    "Ngày gửi thành phố",
]
H_GOP_Y = [
    "Ngày nhận",
    "Mã đơn vị",
    "Mã CB",
    "Người góp ý",
    "Hình thức nhận",
    "Nội dung",
    "Hội đồng đã xem xét",
]

RATING_LABELS = {
    "HTXSNV": "Hoàn thành xuất sắc nhiệm vụ",
    "HTTNV": "Hoàn thành tốt nhiệm vụ",
    "HTNV": "Hoàn thành nhiệm vụ",
    "KHTNV": "Không hoàn thành nhiệm vụ",
}

OFFICE = "VĂN PHÒNG UBND THÀNH PHỐ CẦN THƠ"
CAMPAIGN = "PHONG TRÀO THI ĐUA CẢI CÁCH HÀNH CHÍNH NĂM 2019"

# fmt: off
# --------------------------------------------------------------------------- departments
# (code, name, type, display order)
DEPARTMENTS = [
    ("TH", "Phòng Tổng hợp", "Phòng", 1),
    ("HCTC", "Phòng Hành chính – Tổ chức", "Phòng", 2),
    ("KSTT", "Phòng Kiểm soát thủ tục hành chính", "Phòng", 3),
    ("KT", "Phòng Kinh tế", "Phòng", 4),
    ("VX", "Phòng Văn hóa – Xã hội", "Phòng", 5),
    ("NC", "Phòng Nội chính", "Phòng", 6),
    ("DT", "Phòng Đô thị", "Phòng", 7),
    ("QT", "Phòng Quản trị – Tài vụ", "Phòng", 8),  # submits nothing
    ("TCD", "Ban Tiếp công dân", "Ban", 9),
    ("TTTH", "Trung tâm Tin học", "Trung tâm", 10),
    ("BPMC", "Bộ phận Tiếp nhận và Trả kết quả", "Bộ phận", 11),
]


@dataclass
class Layout:
    """How one department fills its spreadsheet."""

    fmt: str  # "xlsx" | "ods" | "csv"
    dates: str  # "cell" | "text"
    ratings: str  # "code" | "label" | "mixed"
    yesno: str  # "co-khong" | "x" | "10"
    titles: dict[str, list[str]] = field(default_factory=dict)


def _titles(*lines: str, sheets=("Tập thể", "Cá nhân")) -> dict[str, list[str]]:
    return {s: list(lines) for s in sheets}


LAYOUTS: dict[str, Layout] = {
    "TH": Layout("xlsx", "cell", "code", "co-khong",
                 _titles(OFFICE, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG – PHÒNG TỔNG HỢP")),
    "HCTC": Layout("xlsx", "cell", "code", "co-khong"),
    "KSTT": Layout("xlsx", "cell", "label", "x"),
    "KT": Layout("xlsx", "cell", "label", "x"),
    "VX": Layout("xlsx", "text", "mixed", "10", _titles("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")),
    "NC": Layout("ods", "cell", "code", "co-khong",
                 _titles(OFFICE, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG – PHÒNG NỘI CHÍNH")),
    "DT": Layout("xlsx", "text", "label", "co-khong"),
    "TCD": Layout("xlsx", "cell", "code", "10",
                  _titles("BAN TIẾP CÔNG DÂN – DANH SÁCH CÁ NHÂN ĐỀ NGHỊ", sheets=("Cá nhân",))),
    "TTTH": Layout("xlsx", "text", "label", "x",
                   _titles("TRUNG TÂM TIN HỌC – DANH SÁCH ĐỀ NGHỊ", sheets=("Cá nhân",))),
    "BPMC": Layout("csv", "text", "code", "co-khong"),
}

# --------------------------------------------------------------------------- Tập thể
# code: (TT1 yes?, rating, proposal, report?, Số tờ trình, Ngày tờ trình,
#        Số biên bản họp xét, Ngày họp xét, Ngày gửi hồ sơ)
COLLECTIVES = {
    "TH": (True, "HTXSNV", "Bằng khen", True,
           "25/TTr-TH", D(2019, 12, 3), "07/BB-TH", D(2019, 11, 29), D(2019, 12, 4)),
    "HCTC": (True, "HTXSNV", "Không", False,
             "18/TTr-HCTC", D(2019, 12, 5), "04/BB-HCTC", D(2019, 12, 2), D(2019, 12, 5)),
    "KSTT": (True, "HTXSNV", "Giấy khen", True,
             "09/TTr-KSTT", D(2019, 12, 6), "03/BB-KSTT", D(2019, 12, 4), D(2019, 12, 6)),
    "KT": (True, "HTXSNV", "Giấy khen", True,
           "14/TTr-KT", D(2019, 12, 5), "05/BB-KT", D(2019, 12, 2), D(2019, 12, 6)),
    # VX sends on the deadline day itself: on time.
    "VX": (True, "HTXSNV", "Giấy khen", True,
           "21/TTr-VX", D(2019, 12, 9), "06/BB-VX", D(2019, 12, 6), D(2019, 12, 10)),
    # NC did not carry out its CCHC tasks well: TT1 fails.
    "NC": (False, "HTXSNV", "Giấy khen", True,
           "11/TTr-NC", D(2019, 12, 6), "04/BB-NC", D(2019, 12, 3), D(2019, 12, 9)),
    "DT": (True, "HTXSNV", "Giấy khen", True,
           "16/TTr-PĐT", D(2019, 12, 4), "05/BB-PĐT", D(2019, 12, 2), D(2019, 12, 5)),
    # TCD is rated HTTNV (TT3 fails) and sends late (13/12/2019).
    "TCD": (True, "HTTNV", "Giấy khen", True,
            "07/TTr-BTCD", D(2019, 12, 12), "03/BB-BTCD", D(2019, 12, 11), D(2019, 12, 13)),
    "TTTH": (True, "HTXSNV", "Giấy khen", True,
             "19/TTr-TTTH", D(2019, 12, 4), "08/BB-TTTH", D(2019, 12, 3), D(2019, 12, 5)),
    # BPMC forgot the department's own achievement report: collective dossier incomplete.
    "BPMC": (True, "HTXSNV", "Giấy khen", False,
             "10/TTr-BPMC", D(2019, 12, 6), "04/BB-BPMC", D(2019, 12, 5), D(2019, 12, 9)),
}

# --------------------------------------------------------------------------- Cá nhân
# (Mã CB, Họ và tên, Ngày sinh, Chức vụ, rating, assigned, on time, Kỷ luật,
#  Hình thức đề nghị, agree, total, report?, Ghi chú)
NOMINEES: dict[str, list[tuple]] = {
    "TH": [
        ("CB0001", "Lê Hoàng Phúc", D(1976, 3, 14), "Trưởng phòng",
         "HTXSNV", 24, 24, "Không",
         "Bằng khen", 11, 12, True, "Đề nghị Bằng khen: 2 sáng kiến được công nhận"),
        ("CB0002", "Phạm Thị Ngọc Hân", D(1982, 9, 2), "Phó Trưởng phòng",
         "HTXSNV", 20, 20, "Không",
         "Giấy khen", 10, 12, True, "Hồ sơ bản giấy lưu tại phòng, HS-TH-02"),
        ("CB0003", "Võ Thanh Tâm", D(1988, 11, 23), "Chuyên viên",
         "HTXSNV", 18, 18, "Không",
         "Giấy khen", 9, 12, True, "Nghỉ phép năm tháng 8/2019"),
        ("CB0004", "Huỳnh Văn Tài", D(1985, 5, 7), "Chuyên viên",
         "HTXSNV", 15, 15, "Không",
         "Giấy khen", 8, 12, True, "Hồ sơ bản giấy lưu tại phòng, HS-TH-04"),
        ("CB0005", "Nguyễn Thị Mỹ Linh", D(1990, 1, 30), "Chuyên viên",
         "HTTNV", 16, 16, "Không",
         "Giấy khen", 7, 12, True, "Xếp loại năm 2019: hoàn thành tốt"),
        ("CB0006", "Đỗ Quốc Bảo", D(1992, 7, 19), "Chuyên viên",
         "HTXSNV", 14, 14, "Không",
         "Giấy khen", 7, 12, True, "Sáng kiến đang hoàn thiện, dự kiến nộp năm 2020"),
    ],
    "HCTC": [
        ("CB0011", "Nguyễn Thị Thu Hà", D(1980, 4, 12), "Trưởng phòng",
         "HTXSNV", 19, 19, "Không",
         "Giấy khen", 9, 10, True, "Trùng họ tên với CB0012 (sinh năm 1980)"),
        ("CB0012", "Nguyễn Thị Thu Hà", D(1991, 10, 5), "Chuyên viên",
         "HTXSNV", 17, 17, "Không",
         "Giấy khen", 6, 10, True, "Trùng họ tên với CB0011 (sinh năm 1991)"),
        ("CB0013", "Phan Thị Minh Thư", D(1987, 12, 28), "Chuyên viên chính",
         "HTXSNV", 15, 15, "Không",
         "Giấy khen", 8, 10, True, "Hồ sơ bản giấy lưu tại phòng, HS-HCTC-13"),
        ("CB0014", "Đoàn Văn Thuận", D(1984, 6, 16), "Chuyên viên",
         "HTXSNV", 12, 12, "Không",
         "Giấy khen", 7, 10, True, "Hồ sơ bản giấy lưu tại phòng, HS-HCTC-14"),
    ],
    "KSTT": [
        ("CB0101", "Hứa Thị Mỹ Duyên", D(1986, 2, 21), "Trưởng phòng",
         "HTXSNV", 21, 21, "Không",
         "Giấy khen", 8, 9, True, "Sáng kiến chờ Hội đồng Sáng kiến họp tháng 12"),
        ("CB0102", "Lưu Văn Hậu", D(1989, 8, 8), "Chuyên viên",
         "HTXSNV", 16, 16, "Không",
         "Giấy khen", 7, 9, True, "Hồ sơ bản giấy lưu tại phòng, HS-KSTT-02"),
        ("CB0103", "Mạc Thị Phương Thảo", D(1993, 3, 3), "Chuyên viên",
         "HTXSNV", 9, 9, "Không",
         "Giấy khen", 6, 9, True, "Nghỉ thai sản từ 01/09/2019"),
    ],
    "KT": [
        ("CB0021", "Ngô Thị Bích Trâm", D(1983, 7, 25), "Trưởng phòng",
         "HTXSNV", 19, 19, "Không",
         "Giấy khen", 9, 10, True, "Hồ sơ bản giấy lưu tại phòng, HS-KT-01"),
        ("CB0022", "Phan Văn Lộc", D(1979, 11, 11), "Phó Trưởng phòng",
         "HTXSNV", 17, 17, "Không",
         "Giấy khen", 8, 10, True, "Hồ sơ bản giấy lưu tại phòng, HS-KT-02"),
        ("CB0023", "Bùi Thị Thu Thảo", D(1994, 5, 2), "Chuyên viên",
         "HTXSNV", 0, 0, "Không",
         "Giấy khen", 8, 10, True, "Tiếp nhận tháng 10/2019, chưa được giao việc theo ISO"),
        ("CB0024", "Dương Minh Nhựt", D(1981, 9, 9), "Chuyên viên chính",
         "HTXSNV", 20, 20, "Khiển trách",
         "Giấy khen", 5, 10, True, "Bị khiển trách tháng 7/2019"),
    ],
    "VX": [
        ("CB0031", "Hồ Thị Diễm My", D(1984, 10, 10), "Trưởng phòng",
         "HTXSNV", 21, 21, "Không",
         "Giấy khen", 10, 11, True, "Hồ sơ bản giấy lưu tại phòng, HS-VX-01"),
        ("CB0032", "Lâm Quốc Việt", D(1986, 4, 4), "Phó Trưởng phòng",
         "HTXSNV", 16, 16, "Không",
         "Giấy khen", 9, 11, True, "Hồ sơ bản giấy lưu tại phòng, HS-VX-02"),
        ("CB0033", "Cao Thị Hồng Nhung", D(1990, 12, 12), "Chuyên viên",
         "HTXSNV", 15, 15, "Không",
         "Giấy khen", 9, 11, True, "Hồ sơ bản giấy lưu tại phòng, HS-VX-03"),
        ("CB0034", "Diệp Văn Sang", D(1978, 2, 14), "Chuyên viên chính",
         "HTXSNV", 12, 12, "Không",
         "Giấy khen", 7, 11, True, "Kỷ luật năm 2018 đã hết hiệu lực"),
    ],
    "NC": [
        ("CB0041", "Huỳnh Thị Bảo Ngọc", D(1985, 8, 18), "Trưởng phòng",
         "HTXSNV", 17, 17, "Không",
         "Giấy khen", 8, 9, True, "Hồ sơ bản giấy lưu tại phòng, HS-NC-01"),
        ("CB0042", "Nguyễn Hữu Phước", D(1983, 1, 27), "Phó Trưởng phòng",
         "HTXSNV", 13, 13, "Không",
         "Giấy khen", 8, 9, False, "Chưa nộp báo cáo thành tích (mẫu số 07)"),
        ("CB0043", "Trần Quốc Huy", D(1987, 6, 6), "Chuyên viên",
         "HTXSNV", 16, 16, "Không",
         "Giấy khen", 7, 9, True, "Họp xét ngày 03/12/2019"),
        ("CB0044", "Lê Thị Cẩm Tú", D(1991, 9, 29), "Chuyên viên",
         "HTXSNV", 12, 11, "Không",
         "Giấy khen", 6, 9, True, "01 nhiệm vụ trễ hạn tháng 6/2019"),
    ],
    "DT": [  # the department's meeting did not record votes
        ("CB0051", "Quách Văn Thịnh", D(1977, 3, 30), "Trưởng phòng",
         "HTXSNV", 22, 22, "Không",
         "Giấy khen", None, None, True, "Biểu quyết giơ tay, không ghi số phiếu"),
        ("CB0052", "Thái Thị Kiều Oanh", D(1988, 10, 20), "Chuyên viên",
         "HTXSNV", 18, 18, "Không",
         "Giấy khen", None, None, True, "Hồ sơ bản giấy lưu tại phòng, HS-DT-02"),
        ("CB0053", "Võ Hoàng Nam", D(1992, 11, 15), "Chuyên viên",
         "HTTNV", 14, 14, "Không",
         "Giấy khen", None, None, True, "Hồ sơ bản giấy lưu tại phòng, HS-DT-03"),
        ("CB0054", "Âu Thị Ngọc Trâm", D(1990, 5, 25), "Chuyên viên",
         "HTXSNV", 13, 13, "Không",
         "Giấy khen", None, None, True, "Hồ sơ bản giấy lưu tại phòng, HS-DT-04"),
    ],
    "TCD": [
        ("CB0061", "Phạm Minh Đức", D(1980, 12, 1), "Trưởng ban",
         "HTXSNV", 15, 15, "Không",
         "Giấy khen", 6, 7, True, "Hồ sơ bản giấy lưu tại ban, HS-TCD-01"),
        ("CB0062", "Đặng Thị Thùy Dung", D(1989, 3, 17), "Phó Trưởng ban",
         "HTXSNV", 14, 14, "Không",
         "Giấy khen", 5, 7, True, "Hồ sơ bản giấy lưu tại ban, HS-TCD-02"),
        ("CB0063", "Nguyễn Văn An", D(1985, 7, 7), "Chuyên viên",
         "HTXSNV", 13, 13, "Không",
         "Giấy khen", 5, 7, True, "Hồ sơ bản giấy lưu tại ban, HS-TCD-03"),
        ("CB0064", "Vũ Thị Hạnh", D(1993, 9, 13), "Chuyên viên",
         "HTXSNV", 10, 10, "Không",
         "Giấy khen", 4, 7, False, "Báo cáo thành tích bổ sung sau"),
    ],
    "TTTH": [
        ("CB0081", "Trương Công Danh", D(1979, 5, 5), "Giám đốc Trung tâm",
         "HTXSNV", 30, 30, "Không",
         "Bằng khen", 14, 15, True, "Đề nghị Bằng khen: chủ trì triển khai chữ ký số"),
        ("CB0082", "Lý Thị Kim Ngân", D(1987, 2, 2), "Phó Giám đốc",
         "HTXSNV", 22, 22, "Không",
         "Giấy khen", 12, 15, True, "Hồ sơ bản giấy lưu tại trung tâm, HS-TTTH-02"),
        ("CB0083", "Châu Minh Trí", D(1990, 8, 27), "Viên chức",
         "HTXSNV", 25, 25, "Không",
         "Giấy khen", 12, 15, True, "Hồ sơ bản giấy lưu tại trung tâm, HS-TTTH-03"),
        ("CB0084", "Tạ Văn Hiếu", D(1991, 4, 22), "Viên chức",
         "HTXSNV", 21, 20, "Không",
         "Giấy khen", 10, 15, True, "01 nhiệm vụ trễ hạn tháng 9/2019"),
        ("CB0085", "Mai Thị Thanh Trúc", D(1994, 6, 30), "Viên chức",
         "HTXSNV", 18, 18, "Không",
         "Giấy khen", 11, 15, True, "Hồ sơ bản giấy lưu tại trung tâm, HS-TTTH-05"),
    ],
    "BPMC": [
        ("CB0091", "Lương Thị Ngọc Diệp", D(1986, 11, 3), "Phụ trách Bộ phận",
         "HTXSNV", 26, 26, "Không",
         "Giấy khen", 7, 8, True, "Hồ sơ bản giấy lưu tại bộ phận, HS-BPMC-01"),
        ("CB0092", "Trần Thanh Phong", D(1990, 9, 19), "Chuyên viên",
         "HTXSNV", 22, 22, "Không",
         "Giấy khen", 6, 8, True, "Hồ sơ bản giấy lưu tại bộ phận, HS-BPMC-02"),
        ("CB0093", "Đinh Thị Xuân Mai", D(1988, 1, 8), "Chuyên viên",
         "HTNV", 20, 20, "Không",
         "Giấy khen", 5, 8, True, "Xếp loại năm 2019: hoàn thành nhiệm vụ"),
        ("CB0094", "Hà Văn Khải", D(1984, 4, 26), "Chuyên viên",
         "HTXSNV", 20, 20, "Không",
         "Giấy khen", 6, 8, True, "Hồ sơ bản giấy lưu tại bộ phận, HS-BPMC-04"),
    ],
}

# --------------------------------------------------------------------------- Sáng kiến
_QD1 = ("45/QĐ-VPUB", D(2019, 6, 20))
_QD2 = ("88/QĐ-VPUB", D(2019, 9, 25))
_QD3 = ("121/QĐ-VPUB", D(2019, 11, 29))
_QD4 = ("126/QĐ-VPUB", D(2019, 12, 10))  # on the dossier deadline: counts
_QD5 = ("131/QĐ-VPUB", D(2019, 12, 18))  # after the dossier deadline: does not count
_NO = (None, None)
CN = "Công nhận"
KCN = "Không công nhận"
F_TTHC, F_CNTT = "Cải cách TTHC", "Ứng dụng CNTT"
F_KL, F_PV = "Kỷ luật, kỷ cương", "Chất lượng phục vụ"

# (Mã sáng kiến, Tên, Mã đơn vị, Tác giả, Mã CB tác giả, Lĩnh vực, Kết quả, (Số QĐ, Ngày))
INITIATIVES = [
    ("SK2019-01", "Chuẩn hóa quy trình tham mưu văn bản theo ISO 9001:2015 tại Phòng Tổng hợp",
     "TH", "Lê Hoàng Phúc", "CB0001", F_TTHC, CN, _QD1),
    ("SK2019-02", "Bảng theo dõi điện tử tiến độ các nhiệm vụ UBND thành phố giao",
     "TH", "Lê Hoàng Phúc; Phạm Thị Ngọc Hân", "CB0001;CB0002", F_CNTT, CN, _QD2),
    ("SK2019-03", "Bộ đề cương mẫu cho báo cáo định kỳ tháng, quý",
     "TH", "Võ Thanh Tâm", None, F_TTHC, CN, _QD2),
    ("SK2019-04", "Nhắc lịch họp cho đại biểu bằng tin nhắn SMS",
     "TH", "Huỳnh Văn Tài; Nguyễn Thị Mỹ Linh", None, F_CNTT, CN, _QD3),
    ("SK2019-05", "Sổ tay nghiệp vụ tổng hợp cho công chức mới",
     "TH", None, None, F_KL, CN, _QD3),
    ("SK2019-10", "Triển khai chữ ký số trên hệ thống quản lý văn bản và điều hành",
     "TTTH", "Trương Công Danh", "CB0081", F_CNTT, CN, _QD1),
    ("SK2019-11", "Lưu trữ hồ sơ điện tử tập trung cho các phòng chuyên môn",
     "TTTH", "Trương Công Danh; Mai Thị Thanh Trúc", "CB0081; CB0085", F_CNTT, CN, _QD2),
    ("SK2019-12", "Chuyển đổi toàn bộ giao dịch văn bản nội bộ sang hộp thư công vụ",
     "TTTH", "Lý Thị Kim Ngân; Tạ Văn Hiếu", "CB0082;CB0084", F_CNTT, CN, _QD3),
    ("SK2019-13", "Khảo sát trực tuyến mức độ hài lòng của người dân bằng mã QR",
     "TTTH", "Châu Minh Trí", "CB0083", F_PV, CN, _QD3),
    ("SK2019-20", "Rút ngắn thời gian thẩm định hồ sơ chủ trương đầu tư",
     "KT", "Ngô Thị Bích Trâm; Bùi Thị Thu Thảo", None, F_TTHC, CN, _QD2),
    ("SK2019-21", "Bảng theo dõi tiến độ giải ngân vốn đầu tư công theo tuần",
     "KT", "Phan Văn Lộc; Dương Minh Nhựt", None, F_CNTT, CN, _QD3),
    ("SK2019-30", "Số hóa quy trình tham mưu khen thưởng ngành văn hóa, xã hội",
     "VX", "Hồ Thị Diễm My; Lâm Quốc Việt; Cao Thị Hồng Nhung", None, F_TTHC, CN, _QD2),
    ("SK2019-31", "Phiếu lấy ý kiến người dân sau mỗi cuộc làm việc với cơ sở",
     "VX", "Diệp Văn Sang", None, F_PV, CN, _QD3),
    ("SK2019-40", "Bản đồ số theo dõi hồ sơ cấp phép xây dựng",
     "DT", "Quách Văn Thịnh; Thái Thị Kiều Oanh; Võ Hoàng Nam; Âu Thị Ngọc Trâm",
     "CB0051;CB0052;CB0053;CB0054", F_CNTT, CN, _QD2),
    # author typed with a lower-case "thị": still matches CB0041 (case-insensitive)
    ("SK2019-50", "Lịch trực và sổ theo dõi giờ giấc làm việc điện tử",
     "NC", "Huỳnh thị Bảo Ngọc", None, F_KL, CN, _QD1),
    ("SK2019-51", "Quy trình phối hợp tham mưu giải quyết đơn thư trong 10 ngày",
     "NC", "Nguyễn Hữu Phước", None, F_TTHC, CN, _QD2),
    ("SK2019-52", "Mẫu hóa văn bản trả lời kiến nghị của cử tri",
     "NC", "Trần Quốc Huy; Lê Thị Cẩm Tú", None, F_TTHC, CN, _QD3),
    ("SK2019-53", "Tổ chức họp giao ban trực tuyến hằng tuần",
     "NC", "Tạ Thị Lan", None, F_CNTT, KCN, _NO),
    ("SK2019-60", "Lịch tiếp công dân định kỳ công khai trên cổng thông tin",
     "TCD", "Phạm Minh Đức", None, F_PV, CN, _QD2),
    ("SK2019-61", "Phân loại đơn thư bằng bảng mã thống nhất",
     "TCD", "Đặng Thị Thùy Dung", None, F_TTHC, CN, _QD3),
    ("SK2019-62", "Phiếu hẹn điện tử cho công dân đến trình bày lần hai",
     "TCD", "Vũ Thị Hạnh", None, F_PV, CN, _QD3),
    ("SK2019-63", "Sổ tiếp công dân điện tử",
     "TCD", None, None, F_CNTT, CN, _QD1),
    ("SK2019-70", "Quầy hướng dẫn lưu động cho người cao tuổi",
     "BPMC", "Lương Thị Ngọc Diệp; Đinh Thị Xuân Mai", None, F_PV, CN, _QD1),
    ("SK2019-71", "Trả kết quả qua dịch vụ bưu chính công ích tại nhà",
     "BPMC", "Trần Thanh Phong", "CB0092", F_TTHC, CN, _QD2),
    ("SK2019-72", "Màn hình tra cứu tình trạng hồ sơ tại quầy",
     "BPMC", "Hà Văn Khải", "CB0094", F_CNTT, CN, _QD3),
    ("SK2019-73", "Tin nhắn báo kết quả hồ sơ đến người nộp",
     "BPMC", "Hà Văn Khải", "CB0094", F_PV, CN, _QD4),
    # namesake: identified by staff code, so it belongs to CB0011 only
    ("SK2019-80", "Sổ theo dõi giờ làm việc và nghỉ phép điện tử",
     "HCTC", "Nguyễn Thị Thu Hà", "CB0011", F_KL, CN, _QD2),
    # stray double and trailing spaces in the author: collapsed when reading
    ("SK2019-81", "Quy trình tiếp nhận và chuyển văn bản đến trong ngày",
     "HCTC", "Phan  Thị Minh Thư ", None, F_TTHC, CN, _QD3),
    ("SK2019-82", "Số hóa hồ sơ cán bộ, công chức của Văn phòng",
     "HCTC", "Đoàn Văn Thuận", None, F_CNTT, CN, _QD3),
    ("SK2019-83", "Bảng chấm công điện tử theo dõi đi muộn, về sớm",
     "HCTC", "Trần Thị Yến", "CB0016", F_KL, CN, _QD1),
    ("SK2019-90", "Rà soát, đơn giản hóa thủ tục hành chính liên thông cấp huyện",
     "KSTT", "Hứa Thị Mỹ Duyên", "CB0101", F_TTHC, CN, _QD5),
    ("SK2019-91", "Chuẩn hóa mẫu tờ khai thủ tục hành chính cấp thành phố",
     "KSTT", "Lưu Văn Hậu", None, F_TTHC, KCN, _NO),
    ("SK2019-92", "Đường dây nóng tiếp nhận phản ánh về thủ tục hành chính",
     "KSTT", None, None, F_PV, KCN, _NO),
    ("SK2019-95", "Quy chế sử dụng xe công và phòng họp đặt lịch trực tuyến",
     "QT", None, None, F_KL, CN, _QD2),
    ("SK2019-96", "Quản lý tài sản công bằng mã vạch",
     "QT", "Lê Thị Hồng Vân", "CB0073", F_CNTT, CN, _QD3),
]

# --------------------------------------------------------------------------- Kỷ luật
# (Mã CB, Họ và tên, Mã đơn vị, Hình thức, Ngày quyết định, Ngày hết hiệu lực)
DISCIPLINE = [
    # self-reported by the nominee too: CN3 fails (consistent)
    ("CB0024", "Dương Minh Nhựt", "KT", "Khiển trách", D(2019, 7, 15), D(2020, 7, 15)),
    # nominee self-reported "Không": register contradicts, CN3 fails
    ("CB0085", "Mai Thị Thanh Trúc", "TTTH", "Khiển trách", D(2019, 5, 22), None),
    # expired before the period (default end 12/03/2019 < 15/04/2019): CN3 met
    ("CB0034", "Diệp Văn Sang", "VX", "Khiển trách", D(2018, 3, 12), None),
    # decided after the period ended (30/11/2019): CN3 met
    ("CB0043", "Trần Quốc Huy", "NC", "Khiển trách", D(2019, 12, 5), None),
    # staff who are not nominees: normal
    ("CB0072", "Nguyễn Văn Tư", "QT", "Cảnh cáo", D(2019, 8, 8), None),
    ("CB0019", "Lê Thị Kim Thoa", "HCTC", "Khiển trách", D(2019, 10, 3), D(2020, 10, 3)),
]

# --------------------------------------------------------------------------- Kết quả
_GK = ("152/QĐ-VPUB", D(2019, 12, 27))
_BK = ("06/TTr-VPUB", D(2020, 1, 14))
_BB = ("03/BB-HĐTĐKT", D(2019, 12, 26))
# The comments register (internal): received in the window 11/12–24/12/2019, before the
# Council met on 26/12/2019. Senders and contents are fictional and never published.
COMMENTS = [
    (D(2019, 12, 12), "TH", "CB0003", "Đặng Văn Khải", "Thư điện tử",
     "Đề nghị làm rõ số nhiệm vụ hoàn thành đúng hạn", "Có"),
    (D(2019, 12, 16), "TH", "CB0003", "Ẩn danh", "Bưu điện",
     "Đồng tình với đề nghị khen thưởng", "Có"),
    (D(2019, 12, 18), "TTTH", None, "Lý Thị Mộng Cầm", "Trực tiếp",
     "Hỏi về sáng kiến được công nhận của Trung tâm", "Có"),
    (D(2019, 12, 23), "VX", "CB0032", "Tô Minh Luân", "Thư điện tử",
     "Góp ý về kết quả bỏ phiếu", "Không"),
]  # fmt: skip
# (Đối tượng, Mã đơn vị, Mã CB, Họ và tên, Hình thức, (Số QĐ, Ngày QĐ), Ngày gửi thành phố)
COUNCIL = [
    ("Tập thể", "TH", None, "Phòng Tổng hợp", "Đề nghị Bằng khen", _BK, D(2020, 1, 15)),
    ("Cá nhân", "TH", "CB0001", "Lê Hoàng Phúc", "Đề nghị Bằng khen", _BK, D(2020, 1, 15)),
    ("Cá nhân", "TH", "CB0002", "Phạm Thị Ngọc Hân", "Giấy khen", _GK, None),
    # over-quota by the criteria (rank 3 in TH): differs from the criteria results
    ("Cá nhân", "TH", "CB0003", "Võ Thanh Tâm", "Giấy khen", _GK, None),
    ("Cá nhân", "TTTH", "CB0081", "Trương Công Danh", "Giấy khen", _GK, None),
    # resolves the TTTH tie (CB0082 / CB0083) in favour of CB0083
    ("Cá nhân", "TTTH", "CB0083", "Châu Minh Trí", "Giấy khen", _GK, None),
]


# fmt: on


# --------------------------------------------------------------------------- rendering
def _date(value: date | None, layout: Layout):
    if value is None:
        return None
    return value if layout.dates == "cell" else value.strftime("%d/%m/%Y")


def _yes(value: bool, layout: Layout):
    if layout.yesno == "co-khong":
        return "Có" if value else "Không"
    if layout.yesno == "x":
        return "x" if value else None
    return 1 if value else 0


def _rating(code: str, layout: Layout, index: int):
    if layout.ratings == "code" or (layout.ratings == "mixed" and index % 2 == 0):
        return code
    return RATING_LABELS[code]


def _phone(code: str) -> str:
    return f"0900 000 {int(code[2:]):03d}"  # obviously fictional


def department_sheets(code: str) -> dict[str, list[list[object]]]:
    layout = LAYOUTS[code]
    tt1, rating, proposal, report, so_tt, ngay_tt, so_bb, ngay_hx, ngay_gui = COLLECTIVES[code]
    tap_the = [
        H_TAP_THE,
        [
            code,
            _yes(tt1, layout),
            _rating(rating, layout, 1),
            proposal,
            _yes(report, layout),
            so_tt,
            _date(ngay_tt, layout),
            so_bb,
            _date(ngay_hx, layout),
            _date(ngay_gui, layout),
        ],
    ]
    ca_nhan = [H_CA_NHAN]
    for i, row in enumerate(NOMINEES[code], start=1):
        ma, ten, dob, chuc_vu, xl, giao, dung_han, kl, hinh_thuc, dong_y, tong, bc, ghi_chu = row
        ca_nhan.append(
            [
                i,
                ma,
                ten,
                _date(dob, layout),
                chuc_vu,
                _rating(xl, layout, i),
                giao,
                dung_han,
                kl,
                hinh_thuc,
                dong_y,
                tong,
                _yes(bc, layout),
                _phone(ma),
                ghi_chu,
            ]
        )
    return {"Tập thể": tap_the, "Cá nhân": ca_nhan}


def write_sample_campaign(dest: Path) -> None:
    dest = Path(dest)
    if dest.exists():
        looks_like_campaign = any(dest.glob("don-vi.*")) or (dest / "README.md").exists()
        if any(dest.iterdir()) and not looks_like_campaign:
            raise SystemExit(f"refusing to empty {dest}: it does not look like a campaign folder")
        shutil.rmtree(dest)
    dest.mkdir(parents=True)

    write_xlsx(
        dest / "don-vi.xlsx",
        {"Đơn vị": [H_DON_VI] + [list(d) for d in DEPARTMENTS]},
        title_rows={"Đơn vị": [OFFICE]},
    )

    sk_rows = [H_SANG_KIEN]
    for ma, ten, dv, tac_gia, ma_cb, linh_vuc, ket_qua, (so_qd, ngay) in INITIATIVES:
        sk_rows.append([ma, ten, dv, tac_gia, ma_cb, linh_vuc, ket_qua, so_qd, ngay])
    write_ods(
        dest / "sang-kien.ods",
        {"Sáng kiến": sk_rows},
        title_rows={"Sáng kiến": ["SỔ THEO DÕI SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH NĂM 2019"]},
    )

    text = Layout("xlsx", "text", "code", "co-khong")
    kl_rows = [H_KY_LUAT] + [
        [ma, ten, dv, ht, _date(ngay, text), _date(het, text)]
        for ma, ten, dv, ht, ngay, het in DISCIPLINE
    ]
    kl_title = "DANH SÁCH KỶ LUẬT CÁN BỘ (TÀI LIỆU NỘI BỘ – KHÔNG CÔNG KHAI)"
    write_xlsx(dest / "ky-luat.xlsx", {"Kỷ luật": kl_rows}, title_rows={"Kỷ luật": [kl_title]})

    for code in COLLECTIVES:
        layout = LAYOUTS[code]
        sheets = department_sheets(code)
        if layout.fmt == "xlsx":
            write_xlsx(dest / "de-nghi" / f"{code}.xlsx", sheets, title_rows=layout.titles)
        elif layout.fmt == "ods":
            write_ods(dest / "de-nghi" / f"{code}.ods", sheets, title_rows=layout.titles)
        else:
            write_csv(dest / "de-nghi" / code / "tap-the.csv", sheets["Tập thể"])
            write_csv(dest / "de-nghi" / code / "ca-nhan.csv", sheets["Cá nhân"])

    kq_rows = [H_KET_QUA]
    for doi_tuong, dv, ma, ten, hinh_thuc, (so_qd, ngay_qd), gui in COUNCIL:
        kq_rows.append([doi_tuong, dv, ma, ten, hinh_thuc, so_qd, ngay_qd, _BB[0], _BB[1], gui])
    write_xlsx(
        dest / "hoi-dong.xlsx",
        {"Kết quả": kq_rows},
        title_rows={
            "Kết quả": [
                "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG " + OFFICE,
                "KẾT QUẢ XÉT KHEN THƯỞNG " + CAMPAIGN + " (ĐỢT 1)",
            ]
        },
    )

    write_xlsx(
        dest / "gop-y.xlsx",
        {"Góp ý": [H_GOP_Y] + [list(c) for c in COMMENTS]},
        title_rows={"Góp ý": ["SỔ THEO DÕI GÓP Ý (TÀI LIỆU NỘI BỘ – KHÔNG CÔNG KHAI)"]},
    )

    (dest / "README.md").write_text(README, encoding="utf-8")


README = """\
# Dữ liệu mẫu — Phong trào thi đua CCHC năm 2019 (VP UBND TP Cần Thơ)

**Dữ liệu hư cấu, chỉ để minh họa.** Mọi họ tên, mã cán bộ, ngày sinh, số điện thoại,
số văn bản và kết quả trong thư mục này đều do nhóm dự án tự đặt ra; không có người
thật nào trong danh sách. Các trường nội bộ (`Mã CB`, `Ngày sinh`, `Điện thoại`,
`Ghi chú`, sổ `ky-luat.xlsx`) được điền đầy đủ để kiểm tra rằng trang web không bao giờ
công bố chúng.

**Fictional, illustrative data.** Every name, staff code, date of birth, phone number,
document number and result here is invented; nobody in these lists is a real person.
Internal fields (`Mã CB`, `Ngày sinh`, `Điện thoại`, `Ghi chú`, the `ky-luat.xlsx`
register) are filled in on purpose, to check that the site never publishes them.

The folder is generated by `python -m tests.builders.sample_campaign data/vpubnd-cantho-2019`;
edit the generator, not these files. The expected results are hand-computed in
`tests/sample_expectations.py`.

## Tệp / Files

| tệp / file | định dạng / format |
|---|---|
| `don-vi.xlsx` | 11 đơn vị / departments, 1 title row |
| `sang-kien.ods` | 35 sáng kiến / initiatives (ODS, real date cells, 1 title row) |
| `ky-luat.xlsx` | 6 quyết định kỷ luật / disciplinary decisions (dates as dd/mm/yyyy text) |
| `de-nghi/<MA>.xlsx` | TH, HCTC, KSTT, KT, VX, DT, TCD, TTTH |
| `de-nghi/NC.ods` | Phòng Nội chính, ODS with 2 title rows |
| `de-nghi/BPMC/tap-the.csv`, `ca-nhan.csv` | Bộ phận Tiếp nhận và Trả kết quả, CSV UTF-8 with BOM |
| `hoi-dong.xlsx` | Council results, first batch (TH, TTTH only) |
| `gop-y.xlsx` | 4 góp ý / comments received in the window 11/12–24/12/2019 (internal register: only counts are published) |

Phòng Quản trị – Tài vụ (`QT`) không nộp hồ sơ / submits nothing: its dossier is *missing*.

Cách nhập liệu khác nhau giữa các đơn vị / spelling varies by department: ratings as
code (`HTXSNV`) or full label; yes/no as `Có/Không`, `x`/empty or `1/0`; dates as real
date cells or `dd/mm/yyyy` text; some files have 1–2 title rows above the header.

## Tình huống minh họa / Design cases

Kỳ thi đua 15/04/2019 – 30/11/2019 (kế hoạch ghi "31/11/2019"); hạn nộp hồ sơ 10/12/2019.

### Tập thể / Collectives (quota 3)

| đơn vị | tình huống / case | trạng thái / status |
|---|---|---|
| TH | 5 sáng kiến được công nhận, đứng đầu; Hội đồng đề nghị Bằng khen | awarded |
| TTTH | 4 sáng kiến, hạng 2 | within-quota |
| KT, VX | cùng 2 sáng kiến, đồng hạng ở vị trí 3–4 / tie straddling the quota line | tie |
| DT | 1 sáng kiến, hạng 5 | over-quota |
| NC | `Thực hiện tốt nhiệm vụ CCHC` = Không → TT1 fails | not-eligible |
| KSTT | SK2019-91/92 not recognised, SK2019-90 recognised 18/12/2019 → TT2 fails | not-eligible |
| TCD | rated HTTNV → TT3 fails (also sent late, 13/12/2019) | not-eligible |
| BPMC | department's own achievement report missing | dossier-incomplete |
| HCTC | proposes `Không` (organising division) | — |
| QT | no file at all | missing |

### Cá nhân / Individuals (quota 2 per department)

| người / who | tình huống / case | status |
|---|---|---|
| CB0001, CB0002 (TH) | rank 1–2; Council: Bằng khen proposal / Giấy khen | awarded |
| CB0003 (TH) | rank 3 (over quota) but awarded by the Council → staff warning | awarded |
| CB0004 (TH) | rank 4 | over-quota |
| CB0005 (TH) | rated HTTNV → CN1 fails | not-eligible |
| CB0006 (TH) | no initiative → CN2 fails | not-eligible |
| CB0011 / CB0012 (HCTC) | namesakes "Nguyễn Thị Thu Hà" (¹) | within-quota / not-eligible |
| CB0013 (HCTC) | author written `Phan  Thị Minh Thư ` (extra spaces) still matches | within-quota |
| CB0014 (HCTC) | rank 3 | over-quota |
| CB0021, CB0022 (KT) | rank 1–2; SK2019-21 has two authors separated by `;` | within-quota |
| CB0023 (KT) | 0 tasks assigned → CN1 fails (needs > 0) | not-eligible |
| CB0024 (KT) | self-reports `Khiển trách` (also in the register) → CN3 fails | not-eligible |
| CB0031 (VX) | rank 1; SK2019-30 has three authors | within-quota |
| CB0032, CB0033 (VX) | equal vote share and initiatives at ranks 2–3 | tie |
| CB0034 (VX) | discipline of 12/03/2018 expired before the period → CN3 met; rank 4 | over-quota |
| CB0041 (NC) | author typed `Huỳnh thị Bảo Ngọc` (case) still matches; rank 1 | within-quota |
| CB0042 (NC) | own achievement report missing | dossier-incomplete |
| CB0043 (NC) | discipline decided 05/12/2019, after the period → CN3 met; rank 2 | within-quota |
| CB0044 (NC) | 11 of 12 tasks on time → CN1 fails | not-eligible |
| CB0051, CB0052, CB0054 (DT) | no vote counts recorded → cannot be ranked | eligible |
| CB0053 (DT) | rated HTTNV → CN1 fails | not-eligible |
| CB0061, CB0062 (TCD) | department sent on 13/12/2019 | late |
| CB0063 (TCD) | no initiative → CN2 fails | not-eligible |
| CB0064 (TCD) | own report missing (incomplete beats late) | dossier-incomplete |
| CB0081 (TTTH) | rank 1 | awarded |
| CB0082 / CB0083 (TTTH) | tied at ranks 2–3; the Council picked CB0083 | tie / awarded |
| CB0084 (TTTH) | 20 of 21 tasks on time → CN1 fails | not-eligible |
| CB0085 (TTTH) | self-report `Không`, register: reprimand 22/05/2019 (²) | not-eligible |
| CB0091, CB0094 (BPMC, CSV) | ranks 1–2; CB0094 beats CB0092 on initiatives (³) | within-quota |
| CB0092 (BPMC) | rank 3 after the initiative tie-break | over-quota |
| CB0093 (BPMC) | rated HTNV → CN1 fails | not-eligible |
| CB0101 (KSTT) | initiative recognised 18/12/2019, too late → CN2 fails | not-eligible |
| CB0102 (KSTT) | initiative `Không công nhận` → CN2 fails | not-eligible |
| CB0103 (KSTT) | no initiative → CN2 fails | not-eligible |

(¹) SK2019-80 has `Mã CB tác giả` = CB0011, so only CB0011 meets CN2 (a name-only match
would be ambiguous).
(²) The register contradicts the self-report: staff get an inconsistency warning.
(³) CB0094 and CB0092 both have 6/8 votes; CB0094 has 2 recognised initiatives (SK2019-73
recognised on 10/12/2019, the deadline day, still counts) and ranks ahead.

The registers also hold entries about staff who are not nominees (CB0016, CB0019, CB0072,
CB0073, "Tạ Thị Lan"), which is normal.
"""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    dest = Path(argv[0]) if argv else Path("data/vpubnd-cantho-2019")
    write_sample_campaign(dest)
    print(f"sample campaign written to {dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
