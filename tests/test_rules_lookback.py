"""Look-backs across campaigns (issue 11, item 2): "in campaigns X and Y" and "in each of the
previous N campaigns", by staff code or unit code, reading those campaigns' data and results
from real spreadsheets; counts summed across campaigns; evidence naming its campaign; each
earlier campaign run once per build.

Three fixture campaigns of one repository (tests/builders/rules_project.py): y2018 ← y2019 ←
y2020 (``previous``); 2019's own rules look back to 2018 as well. Ratings as RATED there, except A1 rated HTTNV in 2018; B3 is new in 2020.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.judge.model import Outcome
from generator.judge.pipeline import Result, Runs, run
from generator.judge.rules import words_for
from tests.builders.mini import Mini, nominee
from tests.builders.rules_project import Project, criterion, with_extras

RULES_2020 = [
    "{type: lookback, campaigns: [y2019], by: staff_code, test: {type: rating_is, rating: HTXSNV}}",
    "{type: lookback, previous: 1, by: staff_code, status: [within-quota, awarded]}",
    "{type: count_rows, register: training, by: staff_code, at_least: 3, campaigns: [y2019]}",
    "{type: lookback, previous: 2, by: staff_code, test: {type: rating_at_least, rating: HTTNV}}",
    "{type: lookback, campaigns: [y2018, y2019], by: staff_code, test: {type: rating_is, rating: HTXSNV}}",
]  # fmt: skip
COLLECTIVE_2020 = "{type: lookback, previous: 1, by: unit, test: {type: compare, column: cchc_index, op: ge, value: 90}}"  # fmt: skip


def repository(root: Path, bad_2019: bool = False) -> Path:
    project = Project(root)
    m2018 = with_extras(Mini())
    m2018.nominees["A"][0]["Xếp loại"] = "HTTNV"
    project.campaign(
        "y2018", criterion("CN1", "{type: all_tasks_on_time}"), mini=m2018, name="Thi đua 2018"
    )
    m2019 = with_extras(Mini())
    if bad_2019:
        m2019.nominees["B"][1]["Số nhiệm vụ được giao"] = "mười"
    project.campaign(
        "y2019", criterion("CN1", "{type: rating_at_least, rating: HTTNV}"),
        criterion("TT1", "{type: lookback, campaigns: [y2018], by: unit, test: {type: is_yes, column: good_cchc}}"),
        previous="y2018", mini=m2019,
        training=[["A1", "Lê Văn Bình", "A", "CCHC", 10, None, None]], name="Thi đua 2019",
    )  # fmt: skip
    m2020 = Mini()
    m2020.nominees["B"].append(nominee("B3", "Người Mới", 6))
    individual = "\n".join(criterion(f"CN{n}", p) for n, p in enumerate(RULES_2020, 1))
    return project.campaign(
        "y2020", individual, criterion("TT1", COLLECTIVE_2020), previous="y2019",
        mini=with_extras(m2020), name="Thi đua 2020",
    )  # fmt: skip


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Runs]:
    shared = Runs()
    done = run(repository(tmp_path_factory.mktemp("repo")), runs=shared)
    assert done.ok, [i.code for i in done.issues]
    return done, shared


def _criteria(result: Result, kind: str, key: str) -> dict[str, tuple[bool, str, list[str]]]:
    outcome: Outcome = next(o for o in result.outcomes if o.kind == kind and o.key == key)
    return {c.id: (c.met, c.reason, [str(e) for e in c.evidence]) for c in outcome.criteria}


def test_in_a_named_campaign_by_staff_code(runs: tuple[Result, Runs]) -> None:
    result, _ = runs
    met = {o.key for o in result.outcomes if o.kind == "individual" and o.criteria[0].met}
    assert met == {"A1"}
    assert _criteria(result, "individual", "A1")["CN1"] == (
        True, "Đợt y2019: Xếp loại: Hoàn thành xuất sắc nhiệm vụ",
        ["đợt y2019 › de-nghi/A.xlsx › Cá nhân › dòng 2"],
    )  # fmt: skip
    assert _criteria(result, "individual", "B3")["CN1"] == (
        False, "Đợt y2019: không có tên trong danh sách đề nghị của đợt này", [],
    )  # fmt: skip


def test_a_status_in_the_previous_campaign(runs: tuple[Result, Runs]) -> None:
    result, _ = runs
    assert {k: o.status.value for k, o in ((o.key, o) for o in result.earlier["y2019"].outcomes)} == {
        "A1": "within-quota", "A2": "within-quota", "B1": "not-eligible", "B2": "not-eligible",
        "A": "within-quota", "B": "within-quota",
    }  # fmt: skip
    met = {o.key for o in result.outcomes if o.kind == "individual" and o.criteria[1].met}
    assert met == {"A1", "A2"}
    assert (
        _criteria(result, "individual", "B1")["CN2"][1] == "Đợt y2019: kết quả: Không đủ điều kiện"
    )


def test_rows_counted_across_campaigns(runs: tuple[Result, Runs]) -> None:
    result, _ = runs
    met, reason, evidence = _criteria(result, "individual", "A1")["CN3"]
    assert met and reason == "Số dòng phù hợp trong sổ “Học tập”: 3 (đợt này: 2; đợt y2019: 1)"
    assert evidence == [
        "hoc-tap.xlsx › Học tập › dòng 2", "hoc-tap.xlsx › Học tập › dòng 3",
        "đợt y2019 › hoc-tap.xlsx › Học tập › dòng 2",
    ]  # fmt: skip
    counts = {o.key: o.counts["CN3"] for o in result.outcomes if o.kind == "individual"}
    assert counts == {"A1": 3, "A2": 0, "B1": 1, "B2": 1, "B3": 0}


def test_in_each_of_the_previous_n_and_of_named_campaigns(runs: tuple[Result, Runs]) -> None:
    result, _ = runs
    each = {o.key for o in result.outcomes if o.kind == "individual" and o.criteria[3].met}
    assert each == {"A1", "A2"}  # HTTNV or better in 2019 and in 2018
    both = {o.key for o in result.outcomes if o.kind == "individual" and o.criteria[4].met}
    assert both == set()  # A1 was HTTNV in 2018
    met, reason, evidence = _criteria(result, "individual", "A1")["CN5"]
    assert not met and reason == (
        "Đợt y2018: Xếp loại: Hoàn thành tốt nhiệm vụ; Đợt y2019: Xếp loại: Hoàn thành xuất sắc nhiệm vụ"
    )
    assert evidence == [
        "đợt y2018 › de-nghi/A.xlsx › Cá nhân › dòng 2", "đợt y2019 › de-nghi/A.xlsx › Cá nhân › dòng 2",
    ]  # fmt: skip


def test_a_department_by_unit_code(runs: tuple[Result, Runs]) -> None:
    result, _ = runs
    assert _criteria(result, "collective", "A")["TT1"][:2] == (True, "Đợt y2019: Chỉ số CCHC: 92")
    assert _criteria(result, "collective", "B")["TT1"][:2] == (False, "Đợt y2019: Chỉ số CCHC: 88")


def test_each_earlier_campaign_is_run_once(runs: tuple[Result, Runs]) -> None:
    result, shared = runs
    assert sorted(p.stem for p in shared.done) == ["y2018", "y2019"]
    assert result.earlier["y2019"] is shared.done[next(p for p in shared.done if p.stem == "y2019")]
    assert sorted(result.earlier) == ["y2018", "y2019"]  # the chain, as far as previous: 2 needs
    # 2019 looks back to 2018 too: both read the one run of 2018
    assert result.earlier["y2019"].earlier["y2018"] is result.earlier["y2018"]


def test_the_sentences_name_the_campaigns(runs: tuple[Result, Runs]) -> None:
    result, _ = runs
    assert result.config is not None
    words = words_for(result.config, "individual")
    said = [c.predicate.describe(words) for c in result.config.criteria.individual]
    assert said == [
        "Trong đợt thi đua “Thi đua 2019” (y2019): được xếp loại “Hoàn thành xuất sắc nhiệm vụ” (HTXSNV) (đối chiếu theo mã cán bộ).",
        "Trong đợt thi đua liền trước “Thi đua 2019” (y2019): kết quả cuối cùng là “Trong chỉ tiêu — dự kiến” hoặc “Được khen thưởng” (đối chiếu theo mã cán bộ).",
        "Có ít nhất 3 dòng trong sổ “Học tập” của chính cá nhân (theo mã cán bộ), cộng cả đợt “Thi đua 2019” (y2019).",
        "Trong mỗi 2 đợt thi đua liền trước (“Thi đua 2019” (y2019) và “Thi đua 2018” (y2018)): được xếp loại từ mức “Hoàn thành tốt nhiệm vụ” (HTTNV) trở lên (các mức đạt: “Hoàn thành xuất sắc nhiệm vụ”, “Hoàn thành tốt nhiệm vụ”) (đối chiếu theo mã cán bộ).",
        "Trong mỗi đợt thi đua “Thi đua 2018” (y2018) và “Thi đua 2019” (y2019): được xếp loại “Hoàn thành xuất sắc nhiệm vụ” (HTXSNV) (đối chiếu theo mã cán bộ).",
    ]  # fmt: skip


def test_errors_in_an_earlier_campaigns_data_are_a_warning(tmp_path: Path) -> None:
    done = run(repository(tmp_path, bad_2019=True))
    warnings = [i for i in done.issues if i.severity == "warning" and i.file is None]
    assert [(i.code, i.severity) for i in warnings] == [("lookback-data-errors", "warning")]
    assert "“y2019”" in warnings[0].message and "1 lỗi" in warnings[0].message
    assert not done.earlier["y2019"].ok and done.ok  # this campaign's own data is fine
    b2 = _criteria(done, "individual", "B2")["CN1"]
    assert (
        b2[1] == "Đợt y2019: không có tên trong danh sách đề nghị của đợt này"
    )  # its row was rejected
