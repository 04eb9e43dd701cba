"""Synthetic campaigns in the founding data contract (SPEC §3), for trials and benchmarks.

`write_demo(out, units=N, nominees=M, initiatives=K, seed=S)` writes `don-vi.xlsx`,
`sang-kien.xlsx`, `ky-luat.xlsx`, `hoi-dong.xlsx` and one `de-nghi/<code>.xlsx` per unit.
Every name is invented from pools of Vietnamese family, middle and given names; namesakes
are planted on purpose (within one unit and across units), told apart by `Mã CB tác giả`.

Units take roles so that, once evaluated under site_config/vpubnd-cantho-2019.yml, every status of
SPEC §4 occurs: unit 1 is decided by the Council (awarded, proposed, not-awarded), unit 2
records no vote counts (eligible), unit 3 sends its dossier late, unit 4 has a tie across
its quota line, the others rank normally (within-quota, over-quota, not-eligible,
dossier-incomplete). The same arguments give byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from generator.read.columns import Contract, Sheet

Person = dict[str, Any]  # code, name, unit, rating, report, votes, council
FIXED_TIMESTAMP = dt.datetime(2019, 1, 1)
MIN_PER_UNIT = 5
ROLES = ("council", "no-votes", "late", "tie")
MIN_UNITS = len(ROLES) + 1

FAMILY = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
    "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Châu", "Tạ", "Lâm",
)  # fmt: skip
MIDDLE_F = ("Thị", "Ngọc", "Thu", "Minh", "Kim", "Thanh", "Bảo", "Hồng", "Mỹ", "Phương")
MIDDLE_M = ("Văn", "Minh", "Quốc", "Hoàng", "Thanh", "Công", "Đức", "Hữu", "Tấn", "Gia")
GIVEN_F = (
    "Hà", "Lan", "Hương", "Trang", "Thảo", "Ngân", "Vy", "Thư", "Hân", "Nhi",
    "Yến", "Loan", "Trinh", "Ngọc", "Diễm", "Tuyết", "Oanh", "Quyên",
)  # fmt: skip
GIVEN_M = (
    "Phúc", "Tâm", "Huy", "Khoa", "Danh", "Trí", "Tuấn", "Hải", "Nam", "Long",
    "Dũng", "Thành", "Vinh", "Khang", "Bảo", "Hiếu", "Tài", "Lộc",
)  # fmt: skip
UNIT_KINDS = ("Phòng", "Ban", "Trung tâm", "Bộ phận")
UNIT_TOPICS = (
    "Tổng hợp", "Hành chính – Tổ chức", "Kinh tế", "Văn xã", "Nội chính", "Đô thị",
    "Kiểm soát thủ tục hành chính", "Tiếp công dân", "Tin học", "Quản trị – Tài vụ",
)  # fmt: skip
POSITIONS = ("Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng", "Cán sự")
TOPICS = (
    "Số hóa hồ sơ một cửa", "Nhắn tin SMS nhắc lịch họp", "Chữ ký số văn bản đi",
    "Rút ngắn thời gian trả kết quả", "Phiếu khảo sát hài lòng điện tử", "Sổ tay quy trình ISO",
    "Lưu trữ hồ sơ điện tử", "Tiếp nhận phản ánh qua tổng đài",
)  # fmt: skip

DEADLINE = dt.date(2019, 12, 10)
SENT = dt.date(2019, 12, 5)
LATE = dt.date(2019, 12, 13)
GK = ("152/QĐ-VPUB", dt.date(2019, 12, 27))
BK = ("06/TTr-VPUB", dt.date(2020, 1, 14))
BB = ("03/BB-HĐTĐKT", dt.date(2019, 12, 26))
TO_CITY = dt.date(2020, 1, 15)


class DemoError(ValueError):
    """Arguments no campaign can satisfy (every status needs a minimum of rows)."""


def check_sizes(units: int, nominees: int, initiatives: int) -> None:
    """Refuse sizes that cannot show every status; the message says what is needed."""
    if units < MIN_UNITS:
        raise DemoError(f"--units must be at least {MIN_UNITS} (got {units})")
    if nominees < MIN_PER_UNIT * units:
        raise DemoError(
            f"--nominees must be at least {MIN_PER_UNIT} per unit, "
            f"{MIN_PER_UNIT * units} for {units} units (got {nominees})"
        )
    if initiatives < units:
        raise DemoError(f"--initiatives must be at least one per unit, {units} (got {initiatives})")


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


class _Names:
    """Draws full names from the pools; a seeded generator makes them reproducible."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def draw(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            middle, given = r.choice(MIDDLE_F), r.choice(GIVEN_F)
        else:
            middle, given = r.choice(MIDDLE_M), r.choice(GIVEN_M)
        return f"{r.choice(FAMILY)} {middle} {given}"


def _people(units: list[str], sizes: list[int], rng: random.Random) -> dict[str, list[Person]]:
    """Each unit's nominees with a role that fixes the status they should end with."""
    names = _Names(rng)
    people: dict[str, list[Person]] = {}
    serial = 0
    for index, (unit, size) in enumerate(zip(units, sizes, strict=True)):
        role = ROLES[index] if index < len(ROLES) else "normal"
        rows: list[Person] = []
        for _ in range(size):
            serial += 1
            rows.append({"code": f"CB{serial:06d}", "name": names.draw(), "unit": unit})
        for j, p in enumerate(rows):
            p.update(_role(role, j))
        people[unit] = rows
    # namesakes: the second nominee of each normal unit shares the first one's name, and
    # every fifth unit's first nominee shares a name with the previous unit's first nominee
    for index, unit in enumerate(units):
        rows = people[unit]
        if index >= len(ROLES):
            rows[1]["name"] = rows[0]["name"]
        if index > 0 and index % 5 == 0:
            rows[0]["name"] = people[units[index - 1]][0]["name"]
    return people


def _role(role: str, j: int) -> Person:
    """Votes, rating, report and council decision of position `j` in a unit of `role`."""
    row: Person = {"rating": "HTXSNV", "report": True, "votes": 20 - j, "council": None}
    if role == "no-votes":
        row["votes"] = None
        if j == 1:
            row["rating"] = "HTTNV"
        return row
    if role == "late":
        return row
    if role in ("tie", "council"):
        row["votes"] = (20, 18, 18, 15, 14)[j] if j < 5 else 14 - j
        if role == "council":
            row["council"] = {0: "Giấy khen", 1: "Đề nghị Bằng khen"}.get(j)
    if j == 3 and role == "normal":
        row["rating"] = "HTTNV"  # not-eligible
    if j == 4:
        row["report"] = role != "normal"  # dossier-incomplete
        if role != "normal":
            row["rating"] = "HTNV"
    return row


def _workbook(path: Path, sheets: Mapping[str, Sequence[Sequence[object]]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    try:
        book.set_properties({"created": FIXED_TIMESTAMP})
        date_fmt = book.add_format({"num_format": "dd/mm/yyyy"})
        for name, rows in sheets.items():
            ws = book.add_worksheet(name)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if value is None:
                        continue
                    if isinstance(value, dt.date):
                        ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_fmt)
                    elif isinstance(value, int):
                        ws.write_number(r, c, value)
                    else:
                        ws.write_string(r, c, str(value))
    finally:
        book.close()


def _headers(sheet: Sheet) -> list[object]:
    return [c.header for c in sheet.columns]


def write_demo(
    out: Path, contract: Contract, *, units: int, nominees: int, initiatives: int, seed: int = 1
) -> None:
    """Write a synthetic campaign of the given sizes into `out` (created if missing), in the
    founding ``contract`` (its sheets and headers; the rows follow its column order)."""
    check_sizes(units, nominees, initiatives)
    rng = random.Random(seed)
    codes = [f"DV{i + 1:04d}" for i in range(units)]
    people = _people(codes, _split(nominees, units), rng)
    out.mkdir(parents=True, exist_ok=True)

    unit_rows: list[list[object]] = [_headers(contract.sheet("units"))]
    for i, code in enumerate(codes):
        kind = UNIT_KINDS[i % len(UNIT_KINDS)]
        topic = UNIT_TOPICS[i % len(UNIT_TOPICS)]
        unit_rows.append([code, f"{kind} {topic} số {i + 1}", kind, i + 1])
    _workbook(out / "don-vi.xlsx", {contract.sheet("units").name: unit_rows})

    _workbook(
        out / "sang-kien.xlsx",
        {
            contract.sheet("initiatives").name: _initiatives(
                contract, codes, people, initiatives, rng
            )
        },
    )

    discipline: list[list[object]] = [_headers(contract.sheet("discipline"))]
    for k in range(max(1, units // 10)):
        discipline.append(
            [f"CBX{k + 1:05d}", _Names(rng).draw(), codes[k % units], "Khiển trách",
             dt.date(2019, 6, 3), dt.date(2020, 6, 3)]
        )  # fmt: skip
    _workbook(out / "ky-luat.xlsx", {contract.sheet("discipline").name: discipline})

    for i, code in enumerate(codes):
        role = ROLES[i] if i < len(ROLES) else "normal"
        _workbook(
            out / "de-nghi" / f"{code}.xlsx", _department(contract, code, role, people[code], rng)
        )

    council: list[list[object]] = [_headers(contract.sheet("council"))]
    for p in people[codes[0]]:
        form = p["council"]
        if form is None:
            continue
        (number, date), sent = (GK, None) if form == "Giấy khen" else (BK, TO_CITY)
        council.append(
            ["Cá nhân", p["unit"], p["code"], p["name"], form, number, date, BB[0], BB[1], sent]
        )
    _workbook(out / "hoi-dong.xlsx", {contract.sheet("council").name: council})


def _initiatives(
    contract: Contract,
    codes: list[str],
    people: dict[str, list[Person]],
    total: int,
    rng: random.Random,
) -> list[list[object]]:
    """Every nominee authors exactly one recognised initiative of their unit (so ties hold);
    initiatives beyond the unit's nominees are collective, some of them not recognised."""
    rows: list[list[object]] = [_headers(contract.sheet("initiatives"))]
    fields = contract.sheet("initiatives").column("field").choices
    serial = 0
    for code, count in zip(codes, _split(total, len(codes)), strict=True):
        staff = people[code]
        for i in range(count):
            serial += 1
            authors = [p for j, p in enumerate(staff) if j % count == i]
            recognised = bool(authors) or serial % 3 != 0
            day = dt.date(2019, 5, 1) + dt.timedelta(days=rng.randrange(200))
            rows.append(
                [
                    f"SK{serial:06d}",
                    f"{rng.choice(TOPICS)} ({code}, số {i + 1})",
                    code,
                    "; ".join(p["name"] for p in authors) or None,
                    "; ".join(p["code"] for p in authors) or None,
                    fields[serial % len(fields)],
                    "Công nhận" if recognised else "Không công nhận",
                    f"{serial}/QĐ-HĐSK" if recognised else None,
                    day if recognised else None,
                ]
            )
    return rows


def _department(
    contract: Contract, code: str, role: str, staff: list[Person], rng: random.Random
) -> dict[str, list[list[object]]]:
    sent = LATE if role == "late" else SENT
    collective = [
        code, "Có", "HTXSNV", "Giấy khen", "Có", f"{code}/TTr", dt.date(2019, 12, 2),
        f"{code}/BB", dt.date(2019, 12, 1), sent,
    ]  # fmt: skip
    nominees: list[list[object]] = [_headers(contract.sheet("nominees"))]
    for j, p in enumerate(staff):
        birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(12000))
        votes = p["votes"]
        nominees.append(
            [
                j + 1,
                p["code"],
                p["name"],
                birth,
                rng.choice(POSITIONS),
                p["rating"],
                10,
                10,
                "Không",
                "Bằng khen" if p["council"] == "Đề nghị Bằng khen" else "Giấy khen",
                votes,
                None if votes is None else 20,
                "Có" if p["report"] else "Không",
                f"0900 {int(p['code'][2:]):06d}",
                None,
            ]
        )
    return {
        contract.sheet("submission").name: [_headers(contract.sheet("submission")), collective],
        contract.sheet("nominees").name: nominees,
    }
