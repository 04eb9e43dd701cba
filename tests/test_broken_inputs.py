"""Broken spreadsheets, written by a script, and the exact issues each must produce."""

from datetime import date
from pathlib import Path

import pytest

from generator.judge.pipeline import run
from tests.builders.mini import Mini, council_row, nominee, write_council

CONFIG = Path(__file__).resolve().parent.parent / "site_config" / "vpubnd-cantho-2019.yml"


def issues_of(tmp_path: Path, mini: Mini, errors_only: bool = False):
    result = run(CONFIG, mini.write(tmp_path / "data"))
    found = [i for i in result.issues if i.is_error or not errors_only]
    return sorted(i.key() for i in found), result


def test_valid_mini_campaign_has_no_issue(tmp_path):
    keys, result = issues_of(tmp_path, Mini(title_rows=2))
    assert keys == []
    assert {o.key: o.status.value for o in result.outcomes if o.kind == "individual"} == {
        "A1": "within-quota", "A2": "not-eligible", "B1": "not-eligible", "B2": "not-eligible",
    }  # fmt: skip


def test_headers_match_without_diacritics_case_or_spacing(tmp_path):
    mini = Mini()
    renames = {
        "Họ và tên": "HỌ VÀ TÊN",
        "Chức vụ": "Chuc vu",
        "Số phiếu đồng ý": " số  phiếu ĐỒNG Ý ",
    }
    mini.nominees["A"] = [
        {renames.get(k, k): v for k, v in row.items()} for row in mini.nominees["A"]
    ]
    mini.units = [
        {"ma don vi": u["Mã đơn vị"], "TEN  DON VI": u["Tên đơn vị"], "loai don vi": u["Loại đơn vị"],
         "THU TU": u["Thứ tự"]}
        for u in mini.units
    ]  # fmt: skip
    keys, result = issues_of(tmp_path, mini)
    assert keys == []
    read = {n.staff_code: (n.name, n.position, n.votes_for) for n in result.dataset.nominees}
    assert read["A1"] == ("Lê Văn Bình", "Chuyên viên", 9)
    assert [(u.code, u.name) for u in result.dataset.units] == [
        ("A", "Phòng Alpha"),
        ("B", "Phòng Beta"),
    ]


def test_impossible_and_invalid_dates(tmp_path):
    mini = Mini(title_rows=1)
    mini.submissions["A"][0]["Ngày gửi hồ sơ"] = "31/11/2019"
    mini.submissions["B"][0]["Ngày tờ trình"] = "29/02/2019"
    mini.initiatives[0]["Ngày công nhận"] = "hôm qua"
    keys, result = issues_of(tmp_path, mini)
    assert keys == [
        ("date-impossible", "de-nghi/A.xlsx", "Tập thể", 3, "J"),
        ("date-impossible", "de-nghi/B.xlsx", "Tập thể", 3, "G"),
        ("date-invalid", "sang-kien.xlsx", "Sáng kiến", 3, "I"),
    ]
    assert all(c.read == c.accepted + c.rejected for c in result.dataset.counts)
    rejected = sorted((r.file, r.row) for r in result.dataset.rejected)
    assert rejected == [("de-nghi/A.xlsx", 3), ("de-nghi/B.xlsx", 3), ("sang-kien.xlsx", 3)]


def test_a_duplicate_key_names_where_the_key_first_appears(tmp_path):
    mini = Mini()
    mini.nominees["B"][1]["Mã CB"] = "A1"
    _, result = issues_of(tmp_path, mini, errors_only=True)
    [issue] = [i for i in result.issues if i.code == "duplicate-key"]
    assert "trùng với de-nghi/A.xlsx › Cá nhân › dòng 2" in issue.message
    assert "first at de-nghi/A.xlsx › Cá nhân › dòng 2" in issue.message_en


def test_unknown_unit_duplicate_code_and_values_outside_lists(tmp_path):
    mini = Mini()
    mini.initiatives[1]["Mã đơn vị"] = "ZZ"
    mini.nominees["B"][1]["Mã CB"] = "A1"
    mini.nominees["A"][1]["Xếp loại"] = "Xuất sắc"
    mini.nominees["A"][0]["Hình thức đề nghị"] = "Huân chương"
    keys, _ = issues_of(tmp_path, mini, errors_only=True)
    assert keys == [
        ("duplicate-key", "de-nghi/B.xlsx", "Cá nhân", 3, "B"),
        ("unit-unknown", "sang-kien.xlsx", "Sáng kiến", 3, "C"),
        ("value-not-allowed", "de-nghi/A.xlsx", "Cá nhân", 2, "J"),
        ("value-not-allowed", "de-nghi/A.xlsx", "Cá nhân", 3, "F"),
    ]


def test_missing_header_unknown_header_and_wrong_types(tmp_path):
    mini = Mini()
    for row in mini.nominees["B"]:
        row.pop("Xếp loại")
    for row in mini.nominees["A"]:
        row["Sở thích"] = "đọc sách"
    mini.nominees["A"][0]["Số nhiệm vụ được giao"] = "mười"
    mini.nominees["A"][1]["Số nhiệm vụ đúng hạn"] = 12
    keys, result = issues_of(tmp_path, mini)
    assert keys == [
        ("header-missing", "de-nghi/B.xlsx", "Cá nhân", 1, None),
        ("header-unknown", "de-nghi/A.xlsx", "Cá nhân", 1, "P"),
        ("tasks-inconsistent", "de-nghi/A.xlsx", "Cá nhân", 3, "H"),
        ("value-not-integer", "de-nghi/A.xlsx", "Cá nhân", 2, "G"),
    ]
    assert not result.ok


def test_submission_for_another_unit_and_csv_department(tmp_path):
    mini = Mini(csv_units=("B",))
    mini.submissions["A"][0]["Mã đơn vị"] = "B"
    mini.submissions["B"][0]["Ngày gửi hồ sơ"] = "11/12/2019"
    keys, result = issues_of(tmp_path, mini)
    assert keys == [("unit-mismatch", "de-nghi/A.xlsx", "Tập thể", 2, "A")]
    statuses = {o.key: o.status.value for o in result.outcomes if o.kind == "collective"}
    assert statuses == {"B": "late"}


def test_ambiguous_author_is_an_error_not_a_guess(tmp_path):
    mini = Mini()
    mini.nominees["A"].append(nominee("A3", "Lê Văn Bình"))
    keys, _ = issues_of(tmp_path, mini)
    assert keys == [("author-ambiguous", "sang-kien.xlsx", "Sáng kiến", 2, "D")]
    mini = Mini()
    mini.nominees["A"].append(nominee("A3", "Lê Văn Bình"))
    mini.initiatives[0]["Mã CB tác giả"] = "A3"
    keys, result = issues_of(tmp_path / "2", mini)
    assert keys == []
    met = {o.key: o.criteria[1].met for o in result.outcomes if o.kind == "individual"}
    assert met["A3"] and not met["A1"]


def test_missing_register_file(tmp_path):
    data = Mini().write(tmp_path / "data")
    (data / "ky-luat.xlsx").unlink()
    result = run(CONFIG, data)
    assert [i.key() for i in result.issues] == [("file-missing", "ky-luat.xlsx", None, None, None)]


@pytest.mark.parametrize("value", ["Có", "x", "X", "yes", "1", 1, True])
def test_yes_values_accepted(tmp_path, value):
    mini = Mini()
    mini.submissions["A"][0]["Thực hiện tốt nhiệm vụ CCHC"] = value
    keys, result = issues_of(tmp_path, mini)
    assert keys == []
    assert result.dataset.submissions["A"].good_cchc is True


def test_discipline_in_effect_fails_cn3_with_a_warning(tmp_path):
    mini = Mini()
    mini.discipline.append(
        {"Mã CB": "A1", "Họ và tên": "Lê Văn Bình", "Mã đơn vị": "A", "Hình thức": "Cảnh cáo",
         "Ngày quyết định": date(2018, 12, 1), "Ngày hết hiệu lực": None}
    )  # fmt: skip
    keys, result = issues_of(tmp_path, mini)
    assert keys == [("discipline-inconsistent", "de-nghi/A.xlsx", "Cá nhân", 2, "I")]
    a1 = next(o for o in result.outcomes if o.key == "A1")
    assert a1.status.value == "not-eligible" and a1.failed == ["CN3"]


def test_department_file_name_matches_its_code_whatever_the_case(tmp_path):
    data = Mini().write(tmp_path / "data")
    (data / "de-nghi" / "A.xlsx").rename(data / "de-nghi" / "a.xlsx")
    result = run(CONFIG, data)
    assert result.issues == []
    assert {n.unit for n in result.dataset.nominees} == {"A", "B"}
    assert "A" in result.dataset.submissions


def test_a_second_submission_of_the_same_department_is_refused_not_merged(tmp_path):
    data = Mini(csv_units=("B",)).write(tmp_path / "data")
    Mini().write(tmp_path / "other")
    (tmp_path / "other" / "de-nghi" / "B.xlsx").rename(data / "de-nghi" / "b.xlsx")
    result = run(CONFIG, data)
    assert [i.key() for i in result.issues] == [
        ("file-ambiguous", "de-nghi/b.xlsx", None, None, None)
    ]
    assert not result.ok


def test_council_decision_for_a_department_that_proposed_nothing_is_an_error(tmp_path):
    mini = Mini()
    mini.submissions["B"][0]["Đề nghị khen thưởng"] = "Không"
    data = mini.write(tmp_path / "data")
    write_council(data, [council_row("Tập thể", "B", None, "Phòng Beta")])
    result = run(CONFIG, data)
    assert [i.key() for i in result.issues] == [
        ("council-unknown-unit", "hoi-dong.xlsx", "Kết quả", 2, "B")
    ]


@pytest.mark.parametrize(
    ("build", "code"),
    [
        ("build_xfd_cell_xlsx", "file-too-large"),
        ("build_entity_bomb_xlsx", "file-unreadable"),
        ("build_zip_bomb_xlsx", "file-too-large"),
        ("build_string_amplifier_xlsx", "file-resource-limit"),
    ],
)
def test_a_hostile_department_file_is_refused_and_the_rest_still_read(tmp_path, build, code):
    import time

    from tests.builders import hostile

    data = Mini().write(tmp_path / "data")
    (tmp_path / "hostile").mkdir()
    hostile_file = getattr(hostile, build)(tmp_path / "hostile")
    hostile_file.replace(data / "de-nghi" / "B.xlsx")
    start = time.monotonic()
    result = run(CONFIG, data)
    assert time.monotonic() - start < 30
    assert [i.key()[:2] for i in result.issues] == [(code, "de-nghi/B.xlsx")]
    assert {n.staff_code for n in result.dataset.nominees} == {"A1", "A2"}
    assert "A" in result.dataset.submissions


def test_a_second_council_decision_for_the_same_nominee_is_refused(tmp_path):
    data = Mini().write(tmp_path / "data")
    award = council_row("Cá nhân", "A", "A1", "Lê Văn Bình")
    again = council_row("Cá nhân", "A", "A1", "Lê Văn Bình", number="10/QĐ")
    write_council(data, [award, again])
    result = run(CONFIG, data)
    assert [i.key() for i in result.issues] == [
        ("council-duplicate", "hoi-dong.xlsx", "Kết quả", 3, "C")
    ]


def test_headers_with_a_note_in_brackets_still_match(tmp_path):
    mini = Mini()
    renames = {
        "Ngày sinh": "Ngày sinh (dd/mm/yyyy)",
        "Mã CB": "Mã CB (*)",
        "Kỷ luật": "Kỷ luật [Không / hình thức]",
    }
    mini.nominees = {
        unit: [{renames.get(k, k): v for k, v in row.items()} for row in rows]
        for unit, rows in mini.nominees.items()
    }
    keys, result = issues_of(tmp_path, mini)
    assert keys == []
    assert len(result.dataset.nominees) == 4
