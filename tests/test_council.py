"""After the Council: statuses say what happened (SPEC §4, issue 8 item 3).

A small campaign whose every expectation is written by hand below:

- Phòng Alpha (A), quota 2: A1 9/10 (rank 1), A2 and A3 8/10 (tied at ranks 2–3 across the
  line), A4 6/10 (rank 4, over quota), A5 rated HTTNV (fails CN1). The Council awards A2
  (settling the tie) and A5 (who fails a criterion).
- Phòng Beta (B) sent its dossier late: B1 is `late`; the Council awards B1 anyway.
- Phòng Gamma (C) recorded no vote counts: C1 and C2 are `eligible` but cannot be ranked;
  the Council proposes C1 for a Bằng khen to the city (a proposal, not a decision).
- No Council row for any collective: the collective group keeps its provisional statuses.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from generator.judge.pipeline import Result, run
from generator.site.bundle import SiteBundle, make_bundle
from tests.builders.mini import COUNCIL_HEADER, Mini, council_row, nominee, submission
from tests.builders.workbooks import write_xlsx

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"

NAMES = {
    "A1": "Lê Văn Bình", "A2": "Trần Thị Cúc", "A3": "Đỗ Văn Dũng", "A4": "Hồ Thị Giang",
    "A5": "Ngô Văn Hải", "B1": "Phạm Minh Đức", "C1": "Võ Thị Em", "C2": "Mai Văn Phú",
}  # fmt: skip
VOTES = {"A1": 9, "A2": 8, "A3": 8, "A4": 6, "A5": 9, "B1": 9}

# staff code → (status, status by the criteria alone, the Council's outcome differs from it)
EXPECTED = {
    "A1": ("not-awarded", "within-quota", False),  # within quota, not chosen
    "A2": ("awarded", "tie", False),  # settles the tie: not a difference
    "A3": ("not-awarded", "tie", False),
    "A4": ("over-quota", "over-quota", False),  # over quota: not a candidate to refuse
    "A5": ("awarded", "not-eligible", True),
    "B1": ("awarded", "late", True),
    "C1": ("proposed", "eligible", True),  # unrankable: the Council chose beyond the criteria
    "C2": ("eligible", "eligible", False),  # not within quota: keeps its status
}
COLLECTIVES = {"A": "within-quota", "B": "late", "C": "within-quota"}

PROPOSAL = [
    "Cá nhân", "C", "C1", NAMES["C1"], "Đề nghị Bằng khen", "7/TTr-VP", date(2020, 1, 10),
    "3/BB-HĐ", date(2020, 1, 8), date(2020, 1, 12),
]  # fmt: skip


def _campaign() -> Mini:
    mini = Mini()
    mini.units.append(
        {"Mã đơn vị": "C", "Tên đơn vị": "Phòng Gamma", "Loại đơn vị": "Phòng", "Thứ tự": 3}
    )
    mini.initiatives = [
        {"Mã sáng kiến": f"SK-{code}", "Tên sáng kiến": f"Sáng kiến {n}", "Mã đơn vị": code[0],
         "Tác giả": NAMES[code], "Mã CB tác giả": code, "Lĩnh vực": "Cải cách TTHC",
         "Kết quả": "Công nhận", "Số quyết định": f"{n}/QĐ", "Ngày công nhận": date(2019, 10, 1)}
        for n, code in enumerate(NAMES, start=1)
    ]  # fmt: skip
    people = {code: nominee(code, name, VOTES.get(code, 0)) for code, name in NAMES.items()}
    people["A5"]["Xếp loại"] = "HTTNV"
    for code in ("C1", "C2"):
        people[code]["Số phiếu đồng ý"] = people[code]["Tổng số phiếu"] = None
    mini.nominees = {u: [p for c, p in people.items() if c[0] == u] for u in "ABC"}
    mini.submissions = {u: [submission(u)] for u in "ABC"}
    mini.submissions["B"][0]["Ngày gửi hồ sơ"] = date(2019, 12, 13)
    return mini


def _write(dest: Path, council: bool = True) -> Path:
    data = _campaign().write(dest)
    if council:
        rows = [
            council_row("Cá nhân", "A", "A2", NAMES["A2"]),
            council_row("Cá nhân", "A", "A5", NAMES["A5"]),
            council_row("Cá nhân", "B", "B1", NAMES["B1"]),
            PROPOSAL,
        ]
        write_xlsx(data / "hoi-dong.xlsx", {"Kết quả": [COUNCIL_HEADER, *rows]})
    return data


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> SiteBundle:
    built = make_bundle(CONFIG, _write(tmp_path_factory.mktemp("council") / "data"))
    assert built.ok, [i.key() for i in built.issues if i.is_error]
    return built


@pytest.fixture(scope="module")
def result(bundle: SiteBundle) -> Result:
    return bundle.result


def test_statuses_after_the_council(result: Result) -> None:
    got = {
        o.key: (o.status.value, o.computed_status.value, o.council_differs)
        for o in result.outcomes
        if o.kind == "individual"
    }
    assert got == EXPECTED


def test_collectives_of_an_undecided_group_keep_their_provisional_status(result: Result) -> None:
    got = {o.key: o.status.value for o in result.outcomes if o.kind == "collective"}
    assert got == COLLECTIVES
    assert not any(o.group_decided for o in result.outcomes if o.kind == "collective")


def test_before_the_council_the_same_campaign_is_provisional(tmp_path: Path) -> None:
    before = run(CONFIG, _write(tmp_path / "data", council=False))
    got = {o.key: o.status.value for o in before.outcomes if o.kind == "individual"}
    assert got == {code: criteria for code, (_, criteria, _) in EXPECTED.items()}


def test_staff_are_told_of_each_decision_beyond_the_criteria(result: Result) -> None:
    differs = sorted(i.row for i in result.issues if i.code == "council-differs")
    assert differs == [3, 4, 5]  # A5, B1, C1 (header in row 1, A2 in row 2)


def _record(bundle: SiteBundle, name: str) -> dict[str, object]:
    people = json.loads(bundle.files["du-lieu-mo/ca-nhan.json"])
    return next(p for p in people if p["ho_ten"] == name)


def test_open_data_tells_a_proposal_from_a_decision(bundle: SiteBundle) -> None:
    proposed = _record(bundle, NAMES["C1"])
    assert proposed["trang_thai"] == "proposed"
    assert proposed["trang_thai_theo_tieu_chi"] == "eligible"
    assert proposed["ket_qua_hoi_dong"] == "de-nghi"
    assert (proposed["so_quyet_dinh"], proposed["ngay_quyet_dinh"]) == ("", None)
    assert (proposed["so_de_nghi"], proposed["ngay_de_nghi"]) == ("7/TTr-VP", "2020-01-10")
    assert proposed["khac_ket_qua_tieu_chi"] is True
    awarded = _record(bundle, NAMES["A2"])
    assert awarded["ket_qua_hoi_dong"] == "quyet-dinh"
    assert (awarded["so_quyet_dinh"], awarded["so_de_nghi"]) == ("9/QĐ", "")
    assert awarded["khac_ket_qua_tieu_chi"] is False
    refused = _record(bundle, NAMES["A3"])
    assert (refused["trang_thai"], refused["trang_thai_theo_tieu_chi"]) == ("not-awarded", "tie")
    assert refused["khen_thuong"] == refused["ket_qua_hoi_dong"] == ""


def test_honour_roll_separates_decisions_from_proposals(bundle: SiteBundle) -> None:
    roll = json.loads(bundle.files["du-lieu-mo/vinh-danh.json"])
    kinds = {r["ho_ten"]: r["ket_qua"] for r in roll}
    assert kinds == {
        NAMES["A2"]: "quyet-dinh", NAMES["A5"]: "quyet-dinh", NAMES["B1"]: "quyet-dinh",
        NAMES["C1"]: "de-nghi",
    }  # fmt: skip
    page = bundle.pages["vinh-danh/index.md"]
    decided, proposed = page.index("Giấy khen của"), page.index("Đã đề nghị Bằng khen của")
    assert decided < proposed
    assert page.index(NAMES["A2"]) < proposed < page.index(NAMES["C1"])
    assert "Hội đồng chưa có kết quả cho: xét tập thể" in page


def _row(page: str, name: str) -> str:
    """The row's text (tags removed: abbreviations are marked up inside it)."""
    start = page.index(f"<strong>{name}</strong>")
    return re.sub(r"<[^>]+>", "", page[start : page.index("</tr>", start)])


def test_results_page_says_what_happened_beside_the_criteria(bundle: SiteBundle) -> None:
    page = bundle.pages["ket-qua/ca-nhan/index.md"]
    a3 = _row(page, NAMES["A3"])
    assert "Hội đồng không đề nghị khen thưởng" in a3
    assert "Theo tiêu chí: Đồng hạng tại ngưỡng chỉ tiêu — chờ Hội đồng" in a3
    a5 = _row(page, NAMES["A5"])
    assert "Giấy khen — quyết định số 9/QĐ, ngày 27/12/2019" in a5
    assert "Khác kết quả xét theo tiêu chí" in a5 and "Không đủ điều kiện" in a5
    c1 = _row(page, NAMES["C1"])
    assert "Đã được đề nghị Bằng khen — chờ quyết định của Chủ tịch UBND thành phố" in c1
    assert "văn bản đề nghị số 7/TTr-VP, ngày 10/01/2020 (chờ quyết định)" in c1
    assert "quyết định số 7/TTr-VP" not in c1
    assert "Khác kết quả xét theo tiêu chí" not in _row(page, NAMES["A2"])
    assert "Được khen thưởng" not in c1


def test_results_pages_say_which_groups_are_decided(bundle: SiteBundle) -> None:
    people = bundle.pages["ket-qua/ca-nhan/index.md"]
    assert people.count("đã có kết quả cho Phòng") == 3
    collectives = bundle.pages["ket-qua/tap-the/index.md"]
    assert "chưa có kết quả cho việc xét tập thể" in collectives
