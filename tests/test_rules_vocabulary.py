"""The rule vocabulary over any declared column (issue 11, item 2), on real spreadsheets.

One campaign (tests/builders/rules_project.py: the Mini campaign with extra columns and a
training register, written as .xlsx) holds one criterion per case; each case lists who meets
it. Four nominees: A1, A2 (unit A), B1, B2 (unit B); see EXTRAS, RATED and TRAINING there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.judge.model import Outcome
from generator.judge.pipeline import Result, run
from generator.judge.rules import words_for
from tests.builders.rules_project import Project, criterion

# (predicate, the staff codes meeting it)
INDIVIDUAL: list[tuple[str, set[str]]] = [
    # integer
    ("{type: compare, column: tasks_assigned, op: gt, value: 10}", {"A1"}),
    ("{type: compare, column: tasks_assigned, op: in, values: [10, 11]}", {"A2", "B1", "B2"}),
    # number (B1 wrote 7,5; B2 has no value: it meets nothing, not even ne)
    ("{type: compare, column: score, op: ge, value: 8}", {"A1", "A2"}),
    ("{type: compare, column: score, op: lt, value: '8'}", {"B1"}),
    ("{type: compare, column: score, op: ne, value: 8}", {"A1", "B1"}),
    # percent, in percentage points
    ("{type: compare, column: satisfaction, op: between, low: 85, high: 92}", {"A1", "A2"}),
    ("{type: compare, column: satisfaction, op: le, value: 85%}", {"A2", "B1"}),
    ("{type: compare, column: satisfaction, op: not_in, values: [85, 92]}", {"B1"}),
    # date
    ("{type: compare, column: joined, op: lt, value: 01/01/2015}", {"A1", "B1"}),
    ("{type: compare, column: joined, op: between, low: 31/12/2014, high: 01/07/2016}", {"A2", "B1"}),
    ("{type: compare, column: joined, op: eq, value: 01/03/2010}", {"A1"}),
    # choice (matched as the column declares it)
    ("{type: compare, column: team, op: in, values: [Một cửa]}", {"A1", "B2"}),
    ("{type: compare, column: team, op: not_in, values: [một cửa, Văn thư]}", {"B1"}),
    ("{type: compare, column: team, op: eq, value: Văn thư}", {"A2"}),
    # rating, ordered by the contract (best first)
    ("{type: compare, column: rating, op: ge, value: HTTNV}", {"A1", "A2"}),
    ("{type: compare, column: rating, op: lt, value: HTTNV}", {"B1", "B2"}),
    ("{type: rating_at_least, rating: HTNV}", {"A1", "A2", "B1"}),
    ("{type: rating_is, rating: HTTNV}", {"A2"}),
    # text
    ("{type: compare, column: position, op: eq, value: Chuyên viên}", {"A1", "A2", "B1", "B2"}),
    # yes/no (an extra column)
    ("{type: is_yes, column: certified}", {"A1", "B1"}),
    # logic
    ("{type: any_of, parts: [{type: rating_is, rating: KHTNV}, {type: compare, column: score, op: ge, value: 9}]}", {"A1", "B2"}),
    ("{type: not, part: {type: rating_is, rating: HTXSNV}}", {"A2", "B1", "B2"}),
    ("{type: all_of, parts: [{type: is_yes, column: certified}, {type: rating_at_least, rating: HTTNV}]}", {"A1"}),
    # count_rows on a register only the preset knows (training), by staff code
    ("{type: count_rows, register: training, by: staff_code, where: [{column: hours, op: ge, value: 20}]}", {"A1", "B1", "B2"}),
    ("{type: count_rows, register: training, by: staff_code, at_least: 2}", {"A1"}),
    ("{type: count_rows, register: training, by: staff_code, where: [{column: course, op: eq, value: CCHC}, {column: finished, op: lt, value: 01/06/2019}]}", {"B1"}),
    # count_rows on initiatives: by the resolved authorship (SK1 names Lê Văn Bình, A1)
    ("{type: count_rows, register: initiatives, by: staff_code, where: [{column: result, op: eq, value: Công nhận}]}", {"A1"}),
    # count_rows by name within the unit
    ("{type: count_rows, register: training, by: name, at_least: 2}", {"A1"}),
]  # fmt: skip
COLLECTIVE: list[tuple[str, set[str]]] = [
    ("{type: compare, column: cchc_index, op: ge, value: 90}", {"A"}),
    ("{type: is_yes, column: good_cchc}", {"A", "B"}),
    ("{type: count_rows, register: discipline, by: unit}", {"A"}),  # X9 of unit A
    ("{type: count_rows, register: training, by: unit, where: [{column: hours, op: gt, value: 50}]}", {"B"}),
    ("{type: not, part: {type: compare, column: cchc_index, op: between, low: 80, high: 89.5}}", {"A"}),
]  # fmt: skip


def _criteria(cases: list[tuple[str, set[str]]], prefix: str) -> str:
    return "\n".join(criterion(f"{prefix}{n}", p) for n, (p, _) in enumerate(cases, 1))


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Result:
    project = Project(tmp_path_factory.mktemp("rules"))
    config = project.campaign("thu", _criteria(INDIVIDUAL, "CN"), _criteria(COLLECTIVE, "TT"))
    done = run(config)
    assert [i.code for i in done.issues if i.is_error] == []
    return done


def _meeting(result: Result, kind: str, cid: str) -> set[str]:
    return {
        o.key
        for o in result.outcomes
        if o.kind == kind
        for c in o.criteria
        if c.id == cid and c.met
    }


@pytest.mark.parametrize(
    ("n", "case"), list(enumerate(INDIVIDUAL, 1)), ids=[p for p, _ in INDIVIDUAL]
)
def test_individual_predicate(result: Result, n: int, case: tuple[str, set[str]]) -> None:
    assert _meeting(result, "individual", f"CN{n}") == case[1]


@pytest.mark.parametrize(
    ("n", "case"), list(enumerate(COLLECTIVE, 1)), ids=[p for p, _ in COLLECTIVE]
)
def test_collective_predicate(result: Result, n: int, case: tuple[str, set[str]]) -> None:
    assert _meeting(result, "collective", f"TT{n}") == case[1]


def _outcome(result: Result, kind: str, key: str) -> Outcome:
    return next(o for o in result.outcomes if o.kind == kind and o.key == key)


def _criterion_number(cases: list[tuple[str, set[str]]], text: str) -> str:
    return str(next(n for n, (p, _) in enumerate(cases, 1) if p == text))


def test_counting_predicates_record_their_counts(result: Result) -> None:
    """Outcome.counts: criterion id → number counted, for every counting criterion."""
    counting = {f"CN{n}" for n, (p, _) in enumerate(INDIVIDUAL, 1) if "count_rows" in p}
    a1, b2 = _outcome(result, "individual", "A1"), _outcome(result, "individual", "B2")
    assert set(a1.counts) == counting
    by_name = "CN" + _criterion_number(INDIVIDUAL, INDIVIDUAL[-1][0])
    assert a1.counts[by_name] == 2 and b2.counts[by_name] == 1
    hours = "CN" + _criterion_number(INDIVIDUAL, INDIVIDUAL[23][0])
    assert (a1.counts[hours], b2.counts[hours]) == (1, 1)
    unit_a = _outcome(result, "collective", "A")
    assert unit_a.counts == {"TT3": 1, "TT4": 0}


def test_reasons_and_evidence(result: Result) -> None:
    a1 = {c.id: c for c in _outcome(result, "individual", "A1").criteria}
    b1 = {c.id: c for c in _outcome(result, "individual", "B1").criteria}
    assert a1["CN6"].reason == "Mức độ hài lòng: 92%"
    assert b1["CN3"].reason == "Điểm CCHC: 7,5"
    assert a1["CN9"].reason == "Ngày vào ngành: 01/03/2010"
    assert b1["CN15"].reason == "Xếp loại: Hoàn thành nhiệm vụ"
    training = a1["CN25"]
    assert training.reason == "Số dòng phù hợp trong sổ “Học tập”: 2"
    assert [(e.file, e.sheet, e.row) for e in training.evidence] == [
        ("hoc-tap.xlsx", "Học tập", 2), ("hoc-tap.xlsx", "Học tập", 3),
    ]  # fmt: skip
    assert a1["CN1"].evidence[0].file == "de-nghi/A.xlsx"


def test_a_reason_never_shows_an_internal_value(tmp_path: Path) -> None:
    project = Project(tmp_path)
    config = project.campaign(
        "thu", criterion("CN1", "{type: compare, column: mentor, op: eq, value: QZXMENTOR1}")
    )
    done = run(config)
    reasons = {
        o.key: (o.criteria[0].met, o.criteria[0].reason)
        for o in done.outcomes
        if o.kind == "individual"
    }
    assert reasons["A1"] == (True, "Người kèm cặp: (nội bộ)")
    assert reasons["B1"] == (False, "Người kèm cặp: chưa có giá trị")


def test_a_namesake_in_the_unit_leaves_by_name_unmet_saying_why(tmp_path: Path) -> None:
    from tests.builders.mini import Mini, nominee
    from tests.builders.rules_project import with_extras

    mini = Mini()
    mini.nominees["B"].append(nominee("B3", "Phạm Minh Đức", 5))
    project = Project(tmp_path)
    config = project.campaign(
        "thu",
        criterion("CN1", "{type: count_rows, register: training, by: name}"),
        mini=with_extras(mini),
    )
    done = run(config)
    said = {o.key: o.criteria[0] for o in done.outcomes if o.kind == "individual"}
    assert said["A1"].met and said["B2"].met  # no namesake in their unit
    for code in ("B1", "B3"):
        assert not said[code].met
        assert said[code].reason == (
            "Số dòng phù hợp trong sổ “Học tập”: 0 (đợt này: có 2 người cùng họ tên trong đơn vị)"
        )


SENTENCES = [
    ("{type: is_yes, column: certified}", "individual", "Hồ sơ đề nghị ghi “Có” ở mục “Có chứng chỉ”."),
    ("{type: is_yes, column: good_cchc}", "collective", "Hồ sơ đề nghị ghi “Có” ở mục “Thực hiện tốt nhiệm vụ CCHC”."),
    ("{type: compare, column: cchc_index, op: ge, value: 90}", "collective", "“Chỉ số CCHC” từ 90 trở lên."),
    ("{type: compare, column: satisfaction, op: between, low: 85, high: 92.5}", "individual", "“Mức độ hài lòng” từ 85% đến 92,5%."),
    ("{type: compare, column: joined, op: lt, value: 01/01/2015}", "individual", "“Ngày vào ngành” trước ngày 01/01/2015."),
    ("{type: compare, column: team, op: not_in, values: [Một cửa, Văn thư]}", "individual", "“Tổ công tác” không thuộc: “Một cửa”, “Văn thư”."),
    ("{type: compare, column: rating, op: ge, value: HTTNV}", "individual", "“Xếp loại” từ mức “Hoàn thành tốt nhiệm vụ” trở lên."),
    ("{type: compare, column: score, op: ne, value: 8}", "individual", "“Điểm CCHC” khác 8."),
    ("{type: rating_is, rating: HTXSNV}", "individual", "Được xếp loại “Hoàn thành xuất sắc nhiệm vụ” (HTXSNV)."),
    ("{type: rating_at_least, rating: HTTNV}", "individual", "Được xếp loại từ mức “Hoàn thành tốt nhiệm vụ” (HTTNV) trở lên (các mức đạt: “Hoàn thành xuất sắc nhiệm vụ”, “Hoàn thành tốt nhiệm vụ”)."),
    ("{type: any_of, parts: [{type: rating_is, rating: HTXSNV}, {type: is_yes, column: certified}]}", "individual", "Đạt ít nhất một trong các điều kiện sau: (1) Được xếp loại “Hoàn thành xuất sắc nhiệm vụ” (HTXSNV); (2) Hồ sơ đề nghị ghi “Có” ở mục “Có chứng chỉ”."),
    ("{type: not, part: {type: compare, column: score, op: lt, value: 5}}", "individual", "Không thuộc trường hợp sau: “Điểm CCHC” nhỏ hơn 5."),
    ("{type: count_rows, register: training, by: staff_code, where: [{column: hours, op: ge, value: 20}], at_least: 2}", "individual", "Có ít nhất 2 dòng trong sổ “Học tập” của chính cá nhân (theo mã cán bộ), “Số giờ” từ 20 trở lên."),
    ("{type: count_rows, register: discipline, by: unit}", "collective", "Có ít nhất 1 dòng trong sổ “Kỷ luật” của đơn vị."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("predicate", "kind", "sentence"), SENTENCES, ids=[p for p, _, _ in SENTENCES]
)
def test_each_predicate_says_itself_in_vietnamese(
    tmp_path: Path, predicate: str, kind: str, sentence: str
) -> None:
    from generator.judge.config import load_config

    project = Project(tmp_path)
    individual = criterion("CN1", predicate) if kind == "individual" else ""
    collective = criterion("TT1", predicate) if kind == "collective" else ""
    config, issues = load_config(project.campaign("thu", individual, collective))
    assert issues == [] and config is not None
    rules = config.criteria.individual if kind == "individual" else config.criteria.collective
    assert rules[0].predicate.describe(words_for(config, kind)) == sentence
