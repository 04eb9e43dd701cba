"""Config errors of the rule vocabulary (issue 11, items 2 and 9): a criterion on an
undeclared column, an operator the column's kind has no meaning for, a value that does not
fit the kind, an unknown register, a look-back to a missing campaign, ``previous: N`` longer
than the chain, campaigns in a circle — each with file, dotted key, line and column, all at
once, before any spreadsheet is read.

The campaign files are the small ones of tests/test_config_errors.py, with other criteria.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.judge.config import load_config
from tests.test_config_errors import GOOD, located, write

CRITERIA_START, CRITERIA_END = GOOD.index("criteria:\n"), GOOD.index("dossier:\n")


def with_criteria(
    criteria: str, previous: str | None = None, campaign_id: str = "thu-nghiem"
) -> str:
    text = GOOD[:CRITERIA_START] + criteria + GOOD[CRITERIA_END:]
    text = text.replace("id: thu-nghiem\n", f"id: {campaign_id}\n", 1)
    return text + (f"previous: {previous}\n" if previous else "")


# Every line number below is this text's own (line 24 is `criteria:`): each points at the
# value at fault (checked by hand).
BAD_RULES = with_criteria(
    """\
criteria:
  collective:
    - id: TT1
      label: Chỉ số
      meaning: Chỉ số CCHC.
      predicate: {type: compare, column: cchc_index, op: ge, value: 90}
    - id: TT2
      label: Học tập
      meaning: Có học tập.
      predicate: {type: count_rows, register: training, by: unit}
    - id: TT3
      label: Gửi sớm
      meaning: Gửi trước hạn.
      predicate: {type: compare, column: sent_date, op: lt, value: 31/11/2019}
  individual:
    - id: CN1
      label: Đề nghị
      meaning: Đề nghị.
      predicate: {type: compare, column: proposal, op: lt, value: Giấy khen}
    - id: CN2
      label: Nhiệm vụ
      meaning: Nhiều nhiệm vụ.
      predicate: {type: compare, column: tasks_assigned, op: ge, value: mười}
    - id: CN3
      label: Hình thức
      meaning: Hình thức.
      predicate: {type: compare, column: proposal, op: in, values: [Giấy khen, Huân chương]}
    - id: CN4
      label: Xếp loại
      meaning: Xếp loại.
      predicate: {type: is_yes, column: rating}
    - id: CN5
      label: Tuổi
      meaning: Số điện thoại (cột nội bộ không có trên bản ghi).
      predicate: {type: compare, column: phone, op: lt, value: 01/01/1990}
    - id: CN6
      label: Xếp loại
      meaning: Xếp loại.
      predicate: {type: rating_at_least, rating: XUATSAC}
    - id: CN7
      label: Năm trước
      meaning: Năm trước.
      predicate:
        type: all_of
        parts:
          - {type: lookback, campaigns: [khong-co], by: staff_code, test: {type: rating_is, rating: HTXSNV}}
          - {type: lookback, previous: 2, by: staff_code, status: [awarded]}
    - id: CN8
      label: Sáng kiến
      meaning: Sáng kiến.
      predicate: {type: count_rows, register: initiatives, by: staff_code, where: [{column: ket_qua, op: eq, value: x}]}
""",
    previous="truoc",
)
BAD_RULES_ISSUES = [
    ("config-unknown-reference", "criteria.collective.0.predicate.column", 29, 42),
    ("config-unknown-reference", "criteria.collective.1.predicate.register", 33, 47),
    ("config-date-impossible", "criteria.collective.2.predicate.value", 37, 68),
    ("config-kind-mismatch", "criteria.individual.0.predicate.op", 42, 56),
    ("config-invalid", "criteria.individual.1.predicate.value", 46, 73),
    ("config-invalid", "criteria.individual.2.predicate.values.1", 50, 80),
    ("config-kind-mismatch", "criteria.individual.3.predicate.column", 54, 41),
    ("config-unknown-reference", "criteria.individual.4.predicate.column", 58, 42),
    ("config-invalid", "criteria.individual.5.predicate.rating", 62, 50),
    ("config-unknown-reference", "criteria.individual.6.predicate.parts.0.campaigns.0", 69, 42),
    ("config-lookback-too-far", "criteria.individual.6.predicate.parts.1.previous", 70, 40),
    ("config-unknown-reference", "criteria.individual.7.predicate.where.0.column", 74, 93),
]


def earlier(tmp_path: Path, campaign_id: str = "truoc", previous: str | None = None) -> Path:
    return write(
        tmp_path,
        with_criteria(GOOD[CRITERIA_START:CRITERIA_END], previous, campaign_id),
        f"{campaign_id}.yml",
    )


def test_every_rule_problem_at_once_with_key_line_and_column(tmp_path: Path) -> None:
    earlier(tmp_path)
    config, issues = load_config(write(tmp_path, BAD_RULES, "thu-nghiem.yml"))
    assert config is None
    assert located(issues) == BAD_RULES_ISSUES
    for issue in issues:
        assert issue.file == str(tmp_path / "thu-nghiem.yml") and issue.severity == "error"
        assert issue.message.startswith(f"Tệp cấu hình thu-nghiem.yml, dòng {issue.row}, cột ")


def test_each_rule_message_says_what_and_why(tmp_path: Path) -> None:
    earlier(tmp_path)
    _, issues = load_config(write(tmp_path, BAD_RULES, "thu-nghiem.yml"))
    said = {i.column: i.message_en.split(": ", 1)[1] for i in issues}
    key = "criteria.individual.{}.predicate.{}".format
    assert said["criteria.collective.0.predicate.column"].startswith(
        "sheet 'submission' declares no column 'cchc_index' (keys: unit, good_cchc, rating,"
    )
    assert said["criteria.collective.1.predicate.register"] == (
        "no register has id 'training' (registers: units, initiatives, discipline, council, comments)"
    )
    assert (
        said["criteria.collective.2.predicate.value"]
        == "'31/11/2019' is not a real date: month 11 of 2019 has 30 days"
    )
    assert said[key(0, "op")] == "op lt does not apply to column 'proposal' of kind choice"
    assert said[key(1, "value")] == "'mười' is not a number"
    assert (
        said[key(2, "values.1")]
        == "'Huân chương' is not one of the column's values (Giấy khen, Bằng khen)"
    )
    assert said[key(3, "column")] == "is_yes needs a yesno column; 'rating' is rating (use compare)"
    assert "is read but not kept on the record" in said[key(4, "column")]
    assert (
        said[key(5, "rating")]
        == "'XUATSAC' is not a rating of the data contract (HTXSNV, HTTNV, HTNV, KHTNV)"
    )
    assert said[
        key(6, "parts.0.campaigns.0")
    ] == "no campaign 'khong-co': there is no file tmp/khong-co.yml".replace("tmp", tmp_path.name)
    assert (
        said[key(6, "parts.1.previous")]
        == "needs 2 earlier campaigns but the previous chain has 1 (truoc)"
    )


CASES = [
    ("{type: compare, column: tasks_assigned, op: between, low: 3}", ("config-invalid", "criteria.individual.0.predicate.op")),
    ("{type: compare, column: tasks_assigned, op: eq, values: [3]}", ("config-invalid", "criteria.individual.0.predicate.op")),
    ("{type: compare, column: tasks_assigned, op: between, low: 5, high: 3}", ("config-invalid", "criteria.individual.0.predicate.high")),
    ("{type: compare, column: tasks_assigned, op: ge, value: 2.5}", ("config-invalid", "criteria.individual.0.predicate.value")),
    ("{type: compare, column: tasks_assigned, op: like, value: 2}", ("config-invalid", "criteria.individual.0.predicate.op")),
    ("{type: compare, column: name, op: gt, value: A}", ("config-kind-mismatch", "criteria.individual.0.predicate.op")),
    ("{type: compare, column: report, op: eq, value: Có}", ("config-kind-mismatch", "criteria.individual.0.predicate.op")),
    ("{type: is_yes, column: bao_cao}", ("config-unknown-reference", "criteria.individual.0.predicate.column")),
    ("{type: lookback, campaigns: [truoc], previous: 1, by: staff_code, status: [awarded]}", ("config-invalid", "criteria.individual.0.predicate.campaigns")),
    ("{type: lookback, campaigns: [truoc], by: staff_code}", ("config-invalid", "criteria.individual.0.predicate.status")),
    ("{type: lookback, campaigns: [truoc], by: staff_code, status: [won]}", ("config-invalid", "criteria.individual.0.predicate.status")),
    ("{type: lookback, campaigns: [truoc], by: unit, status: [awarded]}", ("config-invalid", "criteria.individual.0.predicate.by")),
    ("{type: lookback, campaigns: [truoc], by: staff_code, test: {type: compare, column: diem, op: ge, value: 1}}", ("config-unknown-reference", "criteria.individual.0.predicate.test.column")),
    ("{type: count_rows, register: discipline, by: name, where: [{column: form, op: in, values: [Khen]}]}", ("config-invalid", "criteria.individual.0.predicate.where.0.values.0")),
    ("{type: count_rows, register: units, by: staff_code}", ("config-unknown-reference", "criteria.individual.0.predicate.by")),
    ("{type: count_rows, register: initiatives, by: staff_code, campaigns: [thu-nghiem]}", ("config-campaign-cycle", "criteria.individual.0.predicate.campaigns.0")),
    ("{type: not, part: {type: rating_is, rating: TOT}}", ("config-invalid", "criteria.individual.0.predicate.part.rating")),
    ("{type: any_of, parts: [{type: all_tasks_on_time}, {type: compare, column: votes_for, op: ge, value: x}]}", ("config-invalid", "criteria.individual.0.predicate.parts.1.value")),
    ("{type: lookback, previous: 1, by: staff_code, test: {type: rating_at_least, rating: HTTNV}}", None),
]  # fmt: skip


@pytest.mark.parametrize(("predicate", "expected"), CASES, ids=[p for p, _ in CASES])
def test_one_rule_problem_one_issue(
    tmp_path: Path, predicate: str, expected: tuple[str, str] | None
) -> None:
    earlier(tmp_path)
    criteria = f"criteria:\n  collective: []\n  individual:\n    - id: CN1\n      label: X\n      meaning: X.\n      predicate: {predicate}\n"
    config, issues = load_config(
        write(tmp_path, with_criteria(criteria, "truoc"), "thu-nghiem.yml")
    )
    assert [(i.code, i.column) for i in issues] == ([expected] if expected else [])
    assert (config is None) == bool(expected)
    if expected:
        assert issues[0].row == 30  # the predicate's line


LOOKBACK = "criteria:\n  collective: []\n  individual:\n    - id: CN1\n      label: X\n      meaning: X.\n      predicate: {type: lookback, campaigns: [%s], by: staff_code, status: [awarded]}\n"


def test_a_previous_naming_no_campaign_file(tmp_path: Path) -> None:
    config, issues = load_config(
        write(
            tmp_path, with_criteria(GOOD[CRITERIA_START:CRITERIA_END], "khong-co"), "thu-nghiem.yml"
        )
    )
    assert config is None and located(issues) == [("config-unknown-reference", "previous", 54, 11)]


def test_a_previous_chain_that_comes_back_is_a_cycle(tmp_path: Path) -> None:
    earlier(tmp_path, "b", previous="a")
    earlier(tmp_path, "a", previous="b")
    config, issues = load_config(tmp_path / "a.yml")
    assert config is None and located(issues) == [("config-campaign-cycle", "previous", 54, 11)]
    assert "(a → b → a)" in issues[0].message_en
    config, issues = load_config(
        write(tmp_path, with_criteria(GOOD[CRITERIA_START:CRITERIA_END], "c", "c"), "c.yml")
    )
    assert config is None and [i.code for i in issues] == ["config-campaign-cycle"]


def test_look_backs_in_a_circle_are_refused(tmp_path: Path) -> None:
    write(tmp_path, with_criteria(LOOKBACK % "b", campaign_id="a"), "a.yml")
    write(tmp_path, with_criteria(LOOKBACK % "a", campaign_id="b"), "b.yml")
    config, issues = load_config(tmp_path / "a.yml")
    assert config is None
    assert located(issues) == [
        ("config-campaign-cycle", "criteria.individual.0.predicate.campaigns.0", 30, 47)
    ]


def test_a_look_back_to_a_campaign_with_errors(tmp_path: Path) -> None:
    write(
        tmp_path,
        with_criteria(GOOD[CRITERIA_START:CRITERIA_END], campaign_id="b").replace(
            "  end: 30/11/2019", "  end: 31/11/2019"
        ),
        "b.yml",
    )
    write(tmp_path, with_criteria(LOOKBACK % "b", campaign_id="a"), "a.yml")
    config, issues = load_config(tmp_path / "a.yml")
    assert config is None
    assert located(issues) == [
        ("config-campaign-invalid", "criteria.individual.0.predicate.campaigns.0", 30, 47)
    ]
    assert (
        "has 1 problem(s)" in issues[0].message_en
        and "Config b.yml, line 18, column 8, key period.end" in issues[0].message_en
    )


def test_a_look_back_is_checked_against_the_earlier_campaigns_own_file(tmp_path: Path) -> None:
    """Inside a look-back the test is evaluated with that campaign's facts: its deadlines;
    a register counted across campaigns must be one of theirs too."""
    from tests.builders.rules_project import PRESET, preset_text

    earlier(tmp_path)  # the founding preset: no training register; deadlines dossier, city
    (tmp_path / "contracts" / f"{PRESET}.yml").write_text(preset_text(), encoding="utf-8")
    rules = (
        "criteria:\n  collective: []\n  individual:\n"
        "    - id: CN1\n      label: X\n      meaning: X.\n      predicate: {type: lookback, campaigns: [truoc], by: staff_code, "
        "test: {type: recognised_initiatives, scope: author, recognised_by: tong-ket}}\n"
        "    - id: CN2\n      label: Y\n      meaning: Y.\n      predicate: {type: count_rows, register: training, by: staff_code, campaigns: [truoc]}\n"
    )
    text = with_criteria(rules).replace(
        "contract: {preset: cchc-vpubnd-2019}", f"contract: {{preset: {PRESET}}}"
    )
    config, issues = load_config(write(tmp_path, text, "thu-nghiem.yml"))
    assert config is None
    assert located(issues) == [
        ("config-unknown-reference", "criteria.individual.0.predicate.test.recognised_by", 30, 138),
        ("config-unknown-reference", "criteria.individual.1.predicate.register", 34, 47),
    ]
    assert "(deadlines: city, dossier)" in issues[0].message_en
    assert "no register of campaign truoc has id 'training'" in issues[1].message_en
