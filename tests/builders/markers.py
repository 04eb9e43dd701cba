"""A Mini campaign with a unique marker in every internal column and every register.

Used to prove that CI annotations (``--format github``) never carry a value: every marker
is a string no fixed text could contain by chance ("QZX…" plus digits; dates in years
nobody else uses). Some markers are also *invalid* values, so that error paths quoting the
value (value-not-allowed, date-invalid, unit-mismatch, duplicate-key …) are exercised.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.builders.mini import COUNCIL_HEADER, Mini, nominee
from tests.builders.workbooks import write_xlsx

CODES = {"A1": "QZXA1CB8101", "A2": "QZXA2CB8102", "B1": "QZXB1CB8103", "B2": "QZXB2CB8104"}
EXTRA_CODE = "QZXA3CB8105"  # a nominee whose internal cells are all invalid
BIRTHS = {
    "A1": dt.date(1936, 3, 29),
    "A2": dt.date(1943, 7, 13),
    "B1": dt.date(1951, 11, 26),
    "B2": dt.date(1947, 2, 17),
}
EXTRA_BIRTH = "QZXNS8106 sinh ngày mười"  # not a date: date-invalid quotes it
EXTRA_SELF_REPORT = "QZXTK8107 bị phê bình ỡ"  # not a discipline form: value-not-allowed
AUTHOR_CODE = "QZXTG8108"  # a co-author who is not a nominee
KL_CODE, KL_NAME, KL_UNIT = "QZXKL8109", "Đoàn Thị QZXNgoàiỹ", "QZXDV8110"
KL_DATES = (dt.date(2019, 4, 23), dt.date(2020, 3, 17), dt.date(2019, 5, 14))
KL_DEFAULT_EXPIRY = dt.date(2020, 5, 14)  # one year after 14/05/2019 (computed)
KL_BAD_FORM, KL_BAD_DATE = "QZXHT8111 kỷ luật mật", "QZXND8112"
COUNCIL_UNKNOWN = "QZXHD8113"  # a Council decision for a staff code that is no nominee


def date_forms(d: dt.date) -> list[str]:
    return [d.strftime("%d/%m/%Y"), d.isoformat(), f"{d.day}/{d.month}/{d.year}"]


def marked_mini() -> Mini:
    """Mini with markers in every internal column of Cá nhân, Sáng kiến and Kỷ luật."""
    mini = Mini()
    n = 0
    for rows in mini.nominees.values():
        for row in rows:
            key = str(row["Mã CB"])
            n += 1
            row["Mã CB"] = CODES[key]
            row["Ngày sinh"] = BIRTHS[key]
            row["STT"] = 8140910 + n
            row["Điện thoại"] = f"QZXDT81{n}1 số máy lẻ ờ"
            row["Ghi chú"] = f"QZXGC81{n}2 ghi chú mật ỡ"
    mini.nominees["B"][0]["Kỷ luật"] = "Cảnh cáo"  # a valid self-reported form (B1)
    extra = nominee(EXTRA_CODE, "Ngô Văn Thêm")
    extra.update({"Ngày sinh": EXTRA_BIRTH, "Kỷ luật": EXTRA_SELF_REPORT, "STT": 8140919})
    extra.update({"Điện thoại": "QZXDT8191", "Ghi chú": "QZXGC8192"})
    mini.nominees["A"].append(extra)
    mini.initiatives.append(
        {**mini.initiatives[0], "Mã sáng kiến": "SK3", "Tác giả": "Trần Thị Cúc; Ngô Thị Tác",
         "Mã CB tác giả": f"{CODES['A2']}; {AUTHOR_CODE}"}
    )  # fmt: skip
    mini.discipline = [
        {"Mã CB": KL_CODE, "Họ và tên": KL_NAME, "Mã đơn vị": KL_UNIT,
         "Hình thức": "Khiển trách", "Ngày quyết định": KL_DATES[0],
         "Ngày hết hiệu lực": KL_DATES[1]},
        # B2 self-reported "Không": the register says otherwise (discipline-inconsistent)
        {"Mã CB": CODES["B2"], "Họ và tên": "Võ Thị Em", "Mã đơn vị": "B",
         "Hình thức": "Hạ bậc lương", "Ngày quyết định": KL_DATES[2], "Ngày hết hiệu lực": None},
        {"Mã CB": "QZXKL8114", "Họ và tên": "QZXHT8115", "Mã đơn vị": "QZXDV8116",
         "Hình thức": KL_BAD_FORM, "Ngày quyết định": KL_BAD_DATE, "Ngày hết hiệu lực": None},
    ]  # fmt: skip
    return mini


def write_marked_council(data: Path) -> Path:
    """hoi-dong.xlsx naming nominees by their marked codes, through every Council path: a
    valid decision, a second one for the same person (council-duplicate), a nominee of A
    under unit B (unit-mismatch), an unknown code (council-unknown-nominee), decisions on
    people who did not meet the criteria (council-differs), a late Bằng khen proposal."""
    day = dt.date(2019, 12, 27)

    def row(unit: str, code: str, form: str = "Giấy khen", sent: dt.date | None = None, no=9):
        minutes = ("1/BB-HĐ", day) if form != "Giấy khen" else (None, None)
        return ["Cá nhân", unit, code, "Tên", form, f"{no}/QĐ", day, *minutes, sent]

    rows = [
        row("A", CODES["A1"]),
        row("A", CODES["A1"], no=10),
        row("B", CODES["A2"]),
        row("A", COUNCIL_UNKNOWN),
        row("B", CODES["B1"]),
        row("B", CODES["B2"], "Đề nghị Bằng khen", dt.date(2020, 2, 15)),
    ]
    return write_xlsx(data / "hoi-dong.xlsx", {"Kết quả": [COUNCIL_HEADER, *rows]})


def markers() -> list[str]:
    """Every marker planted, dates in each written form."""
    found = [*CODES.values(), EXTRA_CODE, EXTRA_BIRTH, EXTRA_SELF_REPORT, AUTHOR_CODE]
    found += [KL_CODE, KL_NAME, KL_UNIT, KL_BAD_FORM, KL_BAD_DATE, COUNCIL_UNKNOWN]
    found += ["QZXKL8114", "QZXHT8115", "QZXDV8116", "QZXDT8191", "QZXGC8192"]
    found += [str(8140910 + n) for n in range(1, 5)] + ["8140919"]
    found += [f"QZXDT81{n}1" for n in range(1, 5)] + [f"QZXGC81{n}2" for n in range(1, 5)]
    for d in (*BIRTHS.values(), *KL_DATES, KL_DEFAULT_EXPIRY):
        found += date_forms(d)
    return found
