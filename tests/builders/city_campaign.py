"""Fictional sample data of the city-wide CCHC campaigns of Cần Thơ (2019 and 2020).

Every name, staff code, score and document number here is invented for illustration;
nobody in these lists is a real person. The agencies are the kinds of bodies a city has
(sở, ban, ngành, quận, huyện), used as a setting only. The design cases (which person or
agency shows which rule) are hand-computed in ``tests/city_expectations.py``.

Usage (from the repository root)::

    python -m tests.builders.city_campaign          # writes data/cantho-2019 and data/cantho-2020

Each destination folder is emptied and rewritten; the output is byte-for-byte the same every
time (tests/test_city_campaign.py checks the committed folders against it).
"""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

from tests.builders.workbooks import write_xlsx

D = date

# --------------------------------------------------------------------------- headers
# As the preset site_config/contracts/cchc-thanhpho.yml declares them.
H_CO_QUAN = ["Mã cơ quan", "Tên cơ quan", "Loại cơ quan", "Thứ tự"]
H_SANG_KIEN = [
    "Mã sáng kiến",
    "Tên sáng kiến",
    "Mã cơ quan",
    "Tác giả",
    "Mã công chức tác giả",
    "Lĩnh vực",
    "Kết quả",
    "Số quyết định",
    "Ngày công nhận",
]
H_KY_LUAT = [
    "Mã công chức",
    "Họ và tên",
    "Mã cơ quan",
    "Hình thức",
    "Ngày quyết định",
    "Ngày hết hiệu lực",
]
H_TAP_THE = [
    "Mã cơ quan",
    "Thực hiện tốt nhiệm vụ CCHC",
    "Chỉ số CCHC",
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
    "Mã công chức",
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

CITY = "UBND THÀNH PHỐ CẦN THƠ"
GK, BK = "Giấy khen", "Bằng khen"
CN, KCN = "Công nhận", "Không công nhận"
F_TTHC, F_CNTT, F_KL, F_PV = (
    "Cải cách TTHC",
    "Ứng dụng CNTT",
    "Kỷ luật, kỷ cương",
    "Chất lượng phục vụ",
)

# fmt: off
# --------------------------------------------------------------------------- agencies
# (code, name, kind, display order)
AGENCIES_2020 = [
    ("SNV", "Sở Nội vụ", "Sở", 1),
    ("STTTT", "Sở Thông tin và Truyền thông", "Sở", 2),
    ("STP", "Sở Tư pháp", "Sở", 3),
    ("BDT", "Ban Dân tộc", "Ban", 4),
    ("BHXH", "Bảo hiểm xã hội thành phố", "Ngành", 5),
    ("QNK", "Quận Ninh Kiều", "Quận", 6),
    ("QCR", "Quận Cái Răng", "Quận", 7),
    ("HPD", "Huyện Phong Điền", "Huyện", 8),
]
AGENCIES_2019 = [a for a in AGENCIES_2020 if a[0] in ("SNV", "STTTT", "BDT", "QNK", "HPD")]

# --------------------------------------------------------------------------- Tập thể
# code: (good CCHC?, Chỉ số CCHC, rating, proposal, report?, sent date)
# The Chỉ số CCHC cell is written as the agency typed it: a number, or text with a decimal comma.
COLLECTIVES_2019 = {
    "SNV": (True, 88.5, "HTXSNV", GK, True, D(2019, 12, 5)),
    "STTTT": (True, 91, "HTXSNV", GK, True, D(2019, 12, 6)),
    "BDT": (True, "86,75", "HTXSNV", GK, True, D(2019, 12, 4)),
    "QNK": (True, 90.25, "HTTNV", GK, True, D(2019, 12, 9)),
    "HPD": (True, 87, "HTXSNV", GK, True, D(2019, 12, 10)),
}
COLLECTIVES_2020 = {
    "SNV": (True, "95,5", "HTXSNV", GK, True, D(2020, 12, 4)),  # tie at the quota line
    "STTTT": (True, 95.5, "HTXSNV", GK, True, D(2020, 12, 7)),  # tie at the quota line
    "STP": (True, 93, "HTXSNV", GK, False, D(2020, 12, 8)),  # its own report missing
    "BDT": (True, 92, "HTTNV", GK, True, D(2020, 12, 3)),
    "BHXH": (True, 90, "HTTNV", GK, True, D(2020, 12, 10)),  # exactly 90; sent on the deadline
    "QNK": (True, "89,9", "HTXSNV", GK, True, D(2020, 12, 9)),  # just under 90
    "QCR": (True, 94, "HTXSNV", GK, True, D(2020, 12, 14)),  # sent late
    "HPD": (True, 91.25, "HTNV", GK, True, D(2020, 12, 2)),  # rated below HTTNV
}

# --------------------------------------------------------------------------- Cá nhân
# (Mã công chức, Họ và tên, Chức vụ, rating, assigned, on time, Kỷ luật, proposal,
#  votes for, votes total, report?, Ghi chú)
NOMINEES_2019: dict[str, list[tuple]] = {
    "SNV": [
        ("NV0101", "Lâm Ngọc Hòa", "Trưởng phòng", "HTXSNV", 15, 15, "Không", GK, 16, 18, True, ""),
        ("NV0102", "Giang Thị Thu Trang", "Chuyên viên", "HTTNV", 12, 12, "Không", GK, 14, 18, True, ""),
    ],
    "STTTT": [
        ("NV0201", "Kha Minh Triết", "Phó Trưởng phòng", "HTXSNV", 14, 14, "Không", GK, 14, 18, True, ""),
        ("NV0202", "Viên Thị Kim Chi", "Chuyên viên", "HTXSNV", 12, 12, "Không", GK, 15, 18, True, ""),
    ],
    "BDT": [
        ("NV0301", "Dư Thị Ngọc Ánh", "Chuyên viên", "HTTNV", 10, 10, "Không", GK, 11, 15, True, ""),
        ("NV0302", "Khổng Văn Tín", "Chuyên viên", "HTXSNV", 10, 10, "Không", GK, 12, 15, True, ""),
    ],
    "QNK": [
        ("NV0402", "Đàm Văn Khương", "Chuyên viên", "HTXSNV", 11, 11, "Không", GK, 13, 15, True, ""),
        ("NV0403", "Ninh Thị Hải Yến", "Chuyên viên", "HTNV", 9, 9, "Không", GK, 10, 15, True, ""),
    ],
    "HPD": [
        ("NV0501", "Ôn Thanh Sơn", "Trưởng phòng", "HTXSNV", 16, 16, "Không", GK, 17, 18, True, ""),
        ("NV0503", "La Văn Được", "Chuyên viên", "HTXSNV", 9, 9, "Không", GK, 14, 18, True, ""),
    ],
}
NOMINEES_2020: dict[str, list[tuple]] = {
    "SNV": [
        ("NV0101", "Lâm Ngọc Hòa", "Trưởng phòng", "HTXSNV", 20, 20, "Không", BK, 18, 20, True,
         "Đề nghị Bằng khen: HTXSNV 2019, 2020; sáng kiến 2019 và 2020"),
        ("NV0102", "Giang Thị Thu Trang", "Chuyên viên", "HTTNV", 15, 15, "Không", GK, 16, 20, True, ""),
        ("NV0103", "Phan Thanh Nhàn", "Chuyên viên", "HTXSNV", 12, 12, "Không", GK, 15, 20, True,
         "Trùng họ tên với NV0803 (Quận Cái Răng)"),
        ("NV0104", "Mẫn Văn Lực", "Chuyên viên", "HTXSNV", 14, 14, "Không", GK, 12, 20, True, ""),
    ],
    "STTTT": [
        ("NV0201", "Kha Minh Triết", "Phó Trưởng phòng", "HTXSNV", 18, 18, "Không", BK, 17, 20, True,
         "Đề nghị Bằng khen"),
        ("NV0202", "Viên Thị Kim Chi", "Chuyên viên", "HTXSNV", 18, 18, "Không", GK, 14, 20, True, ""),
        ("NV0203", "Tiêu Quốc Thái", "Chuyên viên", "HTNV", 10, 10, "Không", GK, 15, 20, True, ""),
        ("NV0204", "Lạc Thị Hồng Đào", "Chuyên viên", "HTXSNV", 16, 16, "Không", GK, 17, 20, True, ""),
    ],
    "STP": [
        ("NV0601", "Mạch Thị Thanh Tuyền", "Trưởng phòng", "HTXSNV", 14, 14, "Không", GK, 18, 20, True, ""),
        ("NV0602", "Nghiêm Văn Phát", "Chuyên viên", "HTTNV", 12, 12, "Không", GK, 17, 20, True, ""),
        ("NV0603", "Từ Thị Mai Phương", "Chuyên viên", "HTXSNV", 11, 11, "Không", GK, 16, 20, True, ""),
    ],
    "BDT": [
        ("NV0301", "Dư Thị Ngọc Ánh", "Chuyên viên", "HTXSNV", 10, 10, "Không", GK, 17, 20, True, ""),
        ("NV0302", "Khổng Văn Tín", "Chuyên viên", "HTTNV", 9, 9, "Không", GK, 16, 20, True, ""),
        ("NV0303", "Thạch Thị Sa Rên", "Chuyên viên", "HTXSNV", 11, 11, "Không", GK, 16, 20, True, ""),
    ],
    "BHXH": [
        ("NV0701", "Ông Thị Lệ Hằng", "Phó Giám đốc", "HTXSNV", 20, 20, "Không", GK, 17, 20, True, ""),
        ("NV0702", "Lữ Công Thành", "Chuyên viên", "HTTNV", 16, 15, "Không", GK, 15, 20, True,
         "01 nhiệm vụ trễ hạn"),
    ],
    "QNK": [
        ("NV0401", "Quan Thị Bích Vân", "Phó Chủ tịch UBND quận", "HTXSNV", 15, 15, "Không", BK, 19, 20,
         True, "Chuyển công tác về quận tháng 01/2020; đề nghị Bằng khen"),
        ("NV0402", "Đàm Văn Khương", "Chuyên viên", "HTXSNV", 13, 13, "Khiển trách", GK, 14, 20, True,
         "Bị khiển trách tháng 6/2020"),
        ("NV0403", "Ninh Thị Hải Yến", "Chuyên viên", "HTTNV", 12, 12, "Không", GK, 15, 20, True, ""),
    ],
    "QCR": [
        ("NV0801", "Châu Ngọc Hân", "Chuyên viên", "HTXSNV", 12, 12, "Không", GK, 18, 20, True, ""),
        ("NV0802", "Hầu Văn Nghĩa", "Chuyên viên", "HTTNV", 10, 10, "Không", GK, 16, 20, True, ""),
        ("NV0803", "Phan Thanh Nhàn", "Chuyên viên", "HTXSNV", 13, 13, "Khiển trách", GK, 15, 20, True,
         "Trùng họ tên với NV0103 (Sở Nội vụ)"),
    ],
    "HPD": [
        ("NV0501", "Ôn Thanh Sơn", "Trưởng phòng", "HTXSNV", 16, 16, "Không", BK, 15, 20, True,
         "Đề nghị Bằng khen: hai sáng kiến năm 2019"),
        ("NV0502", "Bạch Thị Diệu", "Chuyên viên", "HTXSNV", 9, 9, "Không", GK, 15, 20, False,
         "Chưa nộp báo cáo thành tích"),
        ("NV0503", "La Văn Được", "Chuyên viên", "HTXSNV", 10, 10, "Không", GK, 16, 20, True, ""),
    ],
}

# --------------------------------------------------------------------------- Sáng kiến
# (code, title, agency, authors, author staff codes, field, result, (decision no, date))
_NO = (None, None)
INITIATIVES_2019 = [
    ("SK2019-01", "Một cửa liên thông điện tử giữa sở và quận, huyện",
     "SNV", "Lâm Ngọc Hòa", "NV0101", F_TTHC, CN, ("41/QĐ-HĐSK", D(2019, 9, 20))),
    ("SK2019-02", "Cổng thông tin tiếp nhận phản ánh của người dân qua tin nhắn",
     "STTTT", "Viên Thị Kim Chi", "NV0202", F_CNTT, CN, ("41/QĐ-HĐSK", D(2019, 9, 20))),
    ("SK2019-03", "Số hóa sổ hộ tịch tại xã",
     "HPD", "Ôn Thanh Sơn", "NV0501", F_CNTT, CN, ("41/QĐ-HĐSK", D(2019, 9, 20))),
    ("SK2019-04", "Lịch tiếp công dân công khai trên bảng điện tử",
     "HPD", "Ôn Thanh Sơn; La Văn Được", "NV0501; NV0503", F_PV, CN, ("57/QĐ-HĐSK", D(2019, 11, 28))),
    ("SK2019-05", "Tờ khai song ngữ Việt – Khmer cho thủ tục hộ tịch",
     "BDT", None, None, F_PV, KCN, _NO),
]
INITIATIVES_2020 = [
    ("SK2020-01", "Phần mềm theo dõi hồ sơ thi đua, khen thưởng",
     "SNV", "Lâm Ngọc Hòa", "NV0101", F_CNTT, CN, ("22/QĐ-HĐSK", D(2020, 6, 12))),
    ("SK2020-02", "Chữ ký số trên điện thoại cho lãnh đạo sở",
     "STTTT", "Kha Minh Triết", "NV0201", F_CNTT, CN, ("35/QĐ-HĐSK", D(2020, 7, 20))),
    ("SK2020-03", "Tổng đài tự động trả lời về thủ tục hành chính",
     "STTTT", None, None, F_PV, KCN, _NO),
    ("SK2020-04", "Sổ tay thủ tục hành chính cấp phường",
     "QNK", "Quan Thị Bích Vân", "NV0401", F_TTHC, CN, ("18/QĐ-HĐSK", D(2020, 5, 15))),
    ("SK2020-05", "Hẹn giờ trả kết quả qua tin nhắn tại bộ phận một cửa quận",
     "QNK", "Quan Thị Bích Vân; Ninh Thị Hải Yến", "NV0401; NV0403", F_PV, CN,
     ("48/QĐ-HĐSK", D(2020, 9, 18))),
    # author by name only: matched within QCR, so it is NV0803's, not the namesake's in SNV
    ("SK2020-06", "Quy trình lưu trữ hồ sơ đất đai điện tử",
     "QCR", "Phan Thanh Nhàn", None, F_CNTT, CN, ("44/QĐ-HĐSK", D(2020, 8, 25))),
    ("SK2020-07", "Bảng tra cứu chính sách dân tộc trực tuyến",
     "BDT", "Dư Thị Ngọc Ánh", "NV0301", F_CNTT, KCN, _NO),
    ("SK2020-08", "Ứng dụng đặt lịch làm thủ tục tại huyện",
     "HPD", "Ôn Thanh Sơn", "NV0501", F_CNTT, KCN, _NO),
]

# --------------------------------------------------------------------------- Kỷ luật
# (Mã công chức, Họ và tên, Mã cơ quan, Hình thức, Ngày quyết định, Ngày hết hiệu lực)
DISCIPLINE_2019 = [
    ("NV0109", "Tô Văn Lễ", "SNV", "Khiển trách", D(2019, 4, 2), D(2020, 4, 2)),  # not a nominee
]
DISCIPLINE_2020 = [
    ("NV0402", "Đàm Văn Khương", "QNK", "Khiển trách", D(2020, 6, 3), D(2021, 6, 3)),
    # the namesake in QCR: by staff code, it is never NV0103's (SNV)
    ("NV0803", "Phan Thanh Nhàn", "QCR", "Khiển trách", D(2020, 8, 15), D(2021, 8, 15)),
]
# fmt: on


# --------------------------------------------------------------------------- rendering
def _yes(value: bool) -> str:
    return "Có" if value else "Không"


def _submission(code: str, row: tuple, year: int) -> list[list[object]]:
    good, index, rating, proposal, report, sent = row
    number = f"{len(code) + 10:02d}"
    return [
        H_TAP_THE,
        [
            code,
            _yes(good),
            index,
            rating,
            proposal,
            _yes(report),
            f"{number}/TTr-{code}",
            sent,
            f"{number}/BB-{code}",
            sent.replace(day=sent.day - 1),
            sent,
        ],
    ]


def _birth(code: str) -> date:
    """An invented birth date, the same for a person in every year (internal, never shown)."""
    n = int(code[2:])
    return D(1970 + n % 23, 1 + n % 12, 1 + n % 28)


def _phone(code: str) -> str:
    return f"0900 111 {int(code[2:]):03d}"  # obviously fictional


def _nominees(rows: list[tuple]) -> list[list[object]]:
    sheet: list[list[object]] = [H_CA_NHAN]
    for i, (
        ma,
        ten,
        chuc_vu,
        xl,
        giao,
        dung_han,
        kl,
        hinh_thuc,
        dong_y,
        tong,
        bc,
        ghi_chu,
    ) in enumerate(rows, start=1):
        sheet.append(
            [i, ma, ten, _birth(ma), chuc_vu, xl, giao, dung_han, kl, hinh_thuc, dong_y, tong,
             _yes(bc), _phone(ma), ghi_chu or None]
        )  # fmt: skip
    return sheet


def _campaign_title(year: int) -> str:
    return f"PHONG TRÀO THI ĐUA CẢI CÁCH HÀNH CHÍNH NĂM {year}"


def write_campaign(dest: Path, year: int) -> None:
    """Write the campaign of ``year`` (2019 or 2020) into ``dest`` (emptied first)."""
    agencies, collectives, nominees, initiatives, discipline = {
        2019: (AGENCIES_2019, COLLECTIVES_2019, NOMINEES_2019, INITIATIVES_2019, DISCIPLINE_2019),
        2020: (AGENCIES_2020, COLLECTIVES_2020, NOMINEES_2020, INITIATIVES_2020, DISCIPLINE_2020),
    }[year]
    dest = Path(dest)
    if dest.exists():
        if any(dest.iterdir()) and not (dest / "co-quan.xlsx").exists():
            raise SystemExit(f"refusing to empty {dest}: it does not look like a campaign folder")
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    write_xlsx(
        dest / "co-quan.xlsx",
        {"Cơ quan": [H_CO_QUAN] + [list(a) for a in agencies]},
        title_rows={"Cơ quan": [f"DANH SÁCH CƠ QUAN THAM GIA {_campaign_title(year)}"]},
    )
    write_xlsx(
        dest / "sang-kien.xlsx",
        {"Sáng kiến": [H_SANG_KIEN] + [[*row[:7], *row[7]] for row in initiatives]},
        title_rows={"Sáng kiến": [f"SỔ THEO DÕI SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH NĂM {year}"]},
    )
    write_xlsx(
        dest / "ky-luat.xlsx",
        {"Kỷ luật": [H_KY_LUAT] + [list(row) for row in discipline]},
        title_rows={"Kỷ luật": ["DANH SÁCH KỶ LUẬT (TÀI LIỆU NỘI BỘ – KHÔNG CÔNG KHAI)"]},
    )
    for code, row in collectives.items():
        write_xlsx(
            dest / "ho-so" / f"{code}.xlsx",
            {"Tập thể": _submission(code, row, year), "Cá nhân": _nominees(nominees[code])},
            title_rows={"Cá nhân": [f"{CITY} – {_campaign_title(year)}"]},
        )
    (dest / "README.md").write_text(
        README.format(year=year, id=f"cantho-{year}", cases=CASES[year].rstrip()), encoding="utf-8"
    )


README = """\
# Dữ liệu mẫu — Phong trào thi đua CCHC thành phố Cần Thơ năm {year}

**Dữ liệu hư cấu, chỉ để minh họa.** Mọi họ tên, mã công chức, chỉ số, số văn bản và kết
quả trong thư mục này đều do nhóm dự án tự đặt ra; không có người thật nào trong danh sách.
Tên các sở, ban, ngành, quận, huyện chỉ dùng làm bối cảnh.

**Fictional, illustrative data.** Every name, staff code, score, document number and result
here is invented; nobody in these lists is a real person. The agencies' names are a setting
only.

The folder is generated by `python -m tests.builders.city_campaign`; edit the generator, not
these files. The campaign's rules are `site_config/{id}.yml` (data contract:
`site_config/contracts/cchc-thanhpho.yml`); the expected result of every nominee and agency is
hand-computed, with the reason, in `tests/city_expectations.py`.

| tệp / file | nội dung / content |
|---|---|
| `co-quan.xlsx` | các cơ quan tham gia / the agencies taking part |
| `sang-kien.xlsx` | sổ sáng kiến / initiative register |
| `ky-luat.xlsx` | kỷ luật (nội bộ) / discipline (internal) |
| `ho-so/<Mã cơ quan>.xlsx` | hồ sơ đề nghị của từng cơ quan / each agency's proposal |

## Tình huống minh họa / Design cases

{cases}
"""

CASES = {
    2019: """\
Năm 2019 chỉ dùng các loại tiêu chí của phong trào đầu tiên; kết quả xếp loại và sáng kiến
năm 2019 được phong trào năm 2020 đọc lại (theo mã công chức).
The 2019 rules use the founding vocabulary only; the 2020 campaign reads each person's 2019
rating and initiatives back, by staff code.

| ai / who | tình huống / case | trạng thái / status |
|---|---|---|
| HPD | 2 sáng kiến được công nhận (một ngày 28/11/2019), gửi đúng ngày hạn 10/12/2019 | within-quota |
| SNV, STTTT | 1 sáng kiến mỗi cơ quan: ngoài chỉ tiêu 1 | over-quota |
| BDT | sáng kiến SK2019-05 không được công nhận | not-eligible |
| QNK | xếp loại HTTNV | not-eligible |
| NV0202 / NV0201 (STTTT) | 15/18 phiếu trước 14/18, chỉ tiêu 1 | within-quota / over-quota |
| NV0102, NV0301, NV0403 | xếp loại HTTNV / HTNV | not-eligible |
""",
    2020: """\
| ai / who | tình huống / case | trạng thái / status |
|---|---|---|
| SNV, STTTT | Chỉ số CCHC cùng 95,5 tại ngưỡng chỉ tiêu (8 cơ quan đề nghị × 20 % = 1,6 → 1) | tie |
| BDT, BHXH | 92 và đúng 90 điểm: đạt TT1, ngoài chỉ tiêu | over-quota |
| QNK | Chỉ số CCHC 89,9 — chỉ thiếu một chút | not-eligible |
| HPD | xếp loại HTNV, dưới HTTNV | not-eligible |
| STP | thiếu báo cáo thành tích của cơ quan | dossier-incomplete |
| QCR | gửi hồ sơ ngày 14/12/2020 (hạn 10/12/2020) | late |
| NV0101 (SNV) | Bằng khen: HTXSNV 2019 và 2020, một sáng kiến 2019 + một sáng kiến 2020 | within-quota |
| NV0501 (HPD) | Bằng khen: đủ tiêu chí (hai sáng kiến 2019) nhưng 75 % phiếu, sau NV0101 | over-quota |
| NV0201 (STTTT) | đề nghị Bằng khen, chỉ có một sáng kiến: chỉ đạt tiêu chí Giấy khen | lower-form-only |
| NV0401 (QNK) | đề nghị Bằng khen, không có trong phong trào 2019 (chuyển đến năm 2020) | lower-form-only |
| NV0104 (SNV) | 12/20 phiếu = 60 %, dưới mức tối thiểu 70 % | below-vote-share |
| NV0202 (STTTT) | đúng 70 % phiếu: vẫn được xếp hạng | within-quota |
| NV0302, NV0303 (BDT) | cùng 16/20 phiếu ở vị trí 2–3, chỉ tiêu 2 | tie |
| NV0103 (SNV) / NV0803 (QCR) | trùng họ tên "Phan Thanh Nhàn": kỷ luật và sáng kiến SK2020-06 chỉ của NV0803 | within-quota / not-eligible |
| NV0402 (QNK) | bị khiển trách 03/06/2020 | not-eligible |
| NV0502 (HPD) | thiếu báo cáo thành tích | dossier-incomplete |
""",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0]) if argv else Path("data")
    for year in (2019, 2020):
        write_campaign(root / f"cantho-{year}", year)
        print(f"city campaign {year} written to {root / f'cantho-{year}'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
