"""A small valid campaign (2 departments, 4 nominees) that tests break one cell at a time.

Rows are dicts keyed by header so a test can change a single value; ``write`` puts the
workbooks on disk in the data contract of SPEC §3.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tests.builders.workbooks import write_csv, write_xlsx

Row = dict[str, object]

UNITS: list[Row] = [
    {"Mã đơn vị": "A", "Tên đơn vị": "Phòng Alpha", "Loại đơn vị": "Phòng", "Thứ tự": 1},
    {"Mã đơn vị": "B", "Tên đơn vị": "Phòng Beta", "Loại đơn vị": "Phòng", "Thứ tự": 2},
]
INITIATIVES: list[Row] = [
    {"Mã sáng kiến": "SK1", "Tên sáng kiến": "Số hóa hồ sơ", "Mã đơn vị": "A", "Tác giả": "Lê Văn Bình",
     "Mã CB tác giả": None, "Lĩnh vực": "Ứng dụng CNTT", "Kết quả": "Công nhận",
     "Số quyết định": "1/QĐ", "Ngày công nhận": date(2019, 10, 1)},
    {"Mã sáng kiến": "SK2", "Tên sáng kiến": "Một cửa điện tử", "Mã đơn vị": "B", "Tác giả": None,
     "Mã CB tác giả": None, "Lĩnh vực": "Cải cách TTHC", "Kết quả": "Công nhận",
     "Số quyết định": "2/QĐ", "Ngày công nhận": date(2019, 10, 2)},
]  # fmt: skip
DISCIPLINE: list[Row] = [
    {"Mã CB": "X9", "Họ và tên": "Người Ngoài", "Mã đơn vị": "A", "Hình thức": "Khiển trách",
     "Ngày quyết định": date(2019, 6, 1), "Ngày hết hiệu lực": None},
]  # fmt: skip


COUNCIL_HEADER = [
    "Đối tượng", "Mã đơn vị", "Mã CB", "Họ và tên", "Hình thức", "Số quyết định",
    "Ngày quyết định", "Số biên bản hội đồng", "Ngày họp hội đồng", "Ngày gửi thành phố",
]  # fmt: skip


def council_row(
    kind: str, unit: str, staff: str | None, name: str, number: str = "9/QĐ"
) -> list[object]:
    """A Giấy khen decision of the Council, in the column order of COUNCIL_HEADER."""
    return [kind, unit, staff, name, "Giấy khen", number, date(2019, 12, 27), None, None, None]


def write_council(data: Path, rows: list[list[object]]) -> Path:
    """hoi-dong.xlsx with the given decisions."""
    return write_xlsx(data / "hoi-dong.xlsx", {"Kết quả": [COUNCIL_HEADER, *rows]})


def submission(unit: str) -> Row:
    return {
        "Mã đơn vị": unit, "Thực hiện tốt nhiệm vụ CCHC": "Có", "Xếp loại": "HTXSNV",
        "Đề nghị khen thưởng": "Giấy khen", "Báo cáo thành tích": "Có", "Số tờ trình": "1/TTr",
        "Ngày tờ trình": date(2019, 12, 1), "Số biên bản họp xét": "1/BB",
        "Ngày họp xét": date(2019, 11, 30), "Ngày gửi hồ sơ": date(2019, 12, 5),
    }  # fmt: skip


def nominee(code: str, name: str, agree: int = 8) -> Row:
    return {
        "STT": 1, "Mã CB": code, "Họ và tên": name, "Ngày sinh": date(1980, 1, 1),
        "Chức vụ": "Chuyên viên", "Xếp loại": "HTXSNV", "Số nhiệm vụ được giao": 10,
        "Số nhiệm vụ đúng hạn": 10, "Kỷ luật": "Không", "Hình thức đề nghị": "Giấy khen",
        "Số phiếu đồng ý": agree, "Tổng số phiếu": 10, "Báo cáo thành tích": "Có",
        "Điện thoại": "0900", "Ghi chú": "",
    }  # fmt: skip


@dataclass
class Mini:
    units: list[Row] = field(default_factory=lambda: copy.deepcopy(UNITS))
    initiatives: list[Row] = field(default_factory=lambda: copy.deepcopy(INITIATIVES))
    discipline: list[Row] = field(default_factory=lambda: copy.deepcopy(DISCIPLINE))
    submissions: dict[str, list[Row]] = field(
        default_factory=lambda: {"A": [submission("A")], "B": [submission("B")]}
    )
    nominees: dict[str, list[Row]] = field(
        default_factory=lambda: {
            "A": [nominee("A1", "Lê Văn Bình", 9), nominee("A2", "Trần Thị Cúc", 7)],
            "B": [nominee("B1", "Phạm Minh Đức", 9), nominee("B2", "Võ Thị Em", 8)],
        }
    )
    csv_units: tuple[str, ...] = ()
    title_rows: int = 0

    def write(self, dest: Path) -> Path:
        dest.mkdir(parents=True, exist_ok=True)
        self._book(dest / "don-vi.xlsx", {"Đơn vị": self.units})
        self._book(dest / "sang-kien.xlsx", {"Sáng kiến": self.initiatives})
        self._book(dest / "ky-luat.xlsx", {"Kỷ luật": self.discipline})
        for unit, subs in self.submissions.items():
            people = self.nominees.get(unit, [])
            if unit in self.csv_units:
                write_csv(dest / "de-nghi" / unit / "tap-the.csv", _grid(subs))
                write_csv(dest / "de-nghi" / unit / "ca-nhan.csv", _grid(people))
            else:
                self._book(dest / "de-nghi" / f"{unit}.xlsx", {"Tập thể": subs, "Cá nhân": people})
        return dest

    def _book(self, path: Path, sheets: dict[str, list[Row]]) -> None:
        titles = (
            {name: ["DANH SÁCH"] * self.title_rows for name in sheets} if self.title_rows else None
        )
        write_xlsx(path, {name: _grid(rows) for name, rows in sheets.items()}, title_rows=titles)


def _grid(rows: list[Row]) -> list[list[object]]:
    if not rows:
        return []
    headers = list(rows[0])
    return [headers] + [[r.get(h) for h in headers] for r in rows]
