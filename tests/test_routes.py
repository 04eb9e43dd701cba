"""Award routes (issue 11 item 3): each form its own criteria, quota and ranking; a nominee
proposed for Bằng khen who meets only Giấy khen's criteria is shown as exactly that, staff are
told, and nobody is moved silently.

The campaign, worked out by hand. Giấy khen needs CN1, CN3 (individuals) and TT1, TT3
(departments), with the founding quotas (2 per department, 3 for the office); Bằng khen builds
on Giấy khen and adds CN2 / TT2 (a recognised initiative), 1 individual and 1 department for
the whole office, and individuals need at least 70 % of the votes.

- Phòng A: A1 Giấy khen 9/10, A2 Giấy khen 8/10, A3 Giấy khen 7/10, all without an
  initiative (CN2 is not Giấy khen's): ranks 1, 2 (within), 3 (over). A4 Bằng khen 9/10 with
  an initiative: rank 2 in the office's Bằng khen pool (over quota: B1 has 10/10). A5 Bằng
  khen 8/10 without an initiative: meets Giấy khen's criteria only → lower-form-only, ranked
  nowhere, staff told at its row (de-nghi/A.xlsx › Cá nhân › row 6). A6 Bằng khen rated HTTNV:
  fails CN1, so Giấy khen's too → not-eligible.
- Phòng B: B1 Bằng khen 10/10 with an initiative → rank 1 within the Bằng khen quota; B2 Giấy
  khen 9/10 → rank 1 in B's Giấy khen pool; B3 Bằng khen 6/10 with an initiative →
  below-vote-share. Department B proposes itself for Bằng khen: no initiative of its own, but
  its nominees B1 and B3 have one each, so TT2 is met: rank 1, within its quota of 1.
- Phòng C proposes itself for Bằng khen, 0 initiatives: TT1, TT3 met, TT2 not →
  lower-form-only (row 2 of de-nghi/C.xlsx › Tập thể). Phòng A proposes itself for Giấy khen:
  its Giấy khen pool (quota 3): rank 1 within.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.judge.pipeline import Result, run
from generator.site.bundle import SiteBundle, make_bundle
from tests.builders.mini import COUNCIL_HEADER, council_row
from tests.builders.ranked import campaign, project, ranks, rules
from tests.builders.workbooks import write_xlsx

AWARDS: list[dict[str, Any]] = [
    {
        "id": "giay-khen",
        "name": "Giấy khen",
        "issuer": "Chánh Văn phòng UBND thành phố",
        "criteria": {"collective": ["TT1", "TT3"], "individual": ["CN1", "CN3"]},
    },
    {
        "id": "bang-khen",
        "name": "Bằng khen",
        "issuer": "Chủ tịch UBND thành phố",
        "proposal": True,
        "deadline": "council-to-city",
        "builds_on": "giay-khen",
        "criteria": {"collective": ["TT2"], "individual": ["CN2"]},
        "quota": {
            "collective": {"count": 1, "per": "office"},
            "individual": {"count": 1, "per": "office", "min_vote_share": 70},
        },
    },
]
FORMS = {"A4": "Bằng khen", "A5": "Bằng khen", "A6": "Bằng khen", "B1": "Bằng khen",
         "B3": "Bằng khen"}  # fmt: skip

INDIVIDUALS = {
    "A1": (1, "within-quota"), "A2": (2, "within-quota"), "A3": (3, "over-quota"),
    "A4": (2, "over-quota"), "A5": (None, "lower-form-only"), "A6": (None, "not-eligible"),
    "B1": (1, "within-quota"), "B2": (1, "within-quota"), "B3": (None, "below-vote-share"),
}  # fmt: skip
COLLECTIVES = {"A": (1, "within-quota"), "B": (1, "within-quota"), "C": (None, "lower-form-only")}


def _write(folder: Path, council: list[list[object]] | None = None) -> tuple[Path, Path]:
    config = project(folder, rules(awards=AWARDS))
    people = {
        "A": [("A1", 9, 0), ("A2", 8, 0), ("A3", 7, 0), ("A4", 9, 1), ("A5", 8, 0), ("A6", 9, 1)],
        "B": [("B1", 10, 1), ("B2", 9, 0), ("B3", 6, 1)],
        "C": [("C1", 9, 0)],
    }
    mini = campaign(people, {"A": 0, "B": 0, "C": 0})
    for rows in mini.nominees.values():
        for row in rows:
            row["Hình thức đề nghị"] = FORMS.get(str(row["Mã CB"]), "Giấy khen")
    rows_a = {r["Mã CB"]: r for r in mini.nominees["A"]}
    rows_a["A6"]["Xếp loại"] = "HTTNV"
    mini.submissions["B"][0]["Đề nghị khen thưởng"] = "Bằng khen"
    mini.submissions["C"][0]["Đề nghị khen thưởng"] = "Bằng khen"
    data = mini.write(folder / "data")
    if council is not None:
        write_xlsx(data / "hoi-dong.xlsx", {"Kết quả": [COUNCIL_HEADER, *council]})
    return config, data


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Result:
    return run(*_write(tmp_path_factory.mktemp("routes")))


def test_each_form_is_judged_on_its_own_criteria_quota_and_ranking(result: Result) -> None:
    assert ranks(result, "individual") == {**INDIVIDUALS, "C1": (1, "within-quota")}
    assert ranks(result, "collective") == COLLECTIVES
    routes = {o.key: o.route for o in result.outcomes if o.kind == "individual"}
    assert routes["A1"] == "giay-khen" and routes["A5"] == "bang-khen"


def test_staff_are_told_of_each_nominee_meeting_only_the_lower_form(result: Result) -> None:
    notices = [i for i in result.issues if i.code == "award-lower-form"]
    assert [(i.severity, i.file, i.sheet, i.row) for i in notices] == [
        ("warning", "de-nghi/A.xlsx", "Cá nhân", 6),  # A5: header, A1 … A4, then A5
        ("warning", "de-nghi/C.xlsx", "Tập thể", 2),
    ]
    assert "A5 (cá nhân) được đề nghị Bằng khen nhưng chỉ đạt tiêu chí Giấy khen" in (
        notices[0].message
    )
    assert "không đạt CN2" in notices[0].message and "TT2" in notices[1].message
    assert {i.code for i in result.issues} == {"award-lower-form"}


def test_nobody_is_moved_to_the_lower_form(result: Result) -> None:
    a5 = next(o for o in result.outcomes if o.key == "A5")
    assert (a5.route, a5.lower_form, a5.rank) == ("bang-khen", "giay-khen", None)
    giay_khen_a = [
        o.key for o in result.outcomes if o.quota_group == ("individual", "giay-khen", "A")
    ]
    assert giay_khen_a == ["A1", "A2", "A3"]  # A5 is not in A's Giấy khen pool


def test_council_results_decide_the_group_of_their_form(tmp_path: Path) -> None:
    """The Council awards A2 a Giấy khen and proposes B1 for Bằng khen: A's Giấy khen pool is
    decided (A1, within quota, not chosen → not-awarded); the office's Bằng khen pool is
    decided too (A4 over quota stays so, A5 stays lower-form-only); B's Giấy khen pool and
    every collective pool keep their provisional statuses."""
    proposal = ["Cá nhân", "B", "B1", "Người B1", "Đề nghị Bằng khen", "7/TTr", date(2020, 1, 10),
                "3/BB-HĐ", date(2020, 1, 8), date(2020, 1, 12)]  # fmt: skip
    council = [council_row("Cá nhân", "A", "A2", "Người A2"), proposal]
    decided = run(*_write(tmp_path, council))
    statuses = {o.key: o.status.value for o in decided.outcomes if o.kind == "individual"}
    assert statuses == {
        **{k: v[1] for k, v in INDIVIDUALS.items()},
        "C1": "within-quota",
        "A1": "not-awarded", "A2": "awarded", "B1": "proposed",
    }  # fmt: skip
    assert {i.code for i in decided.issues} == {"award-lower-form"}  # no council-differs
    groups = {o.key: o.group_decided for o in decided.outcomes if o.kind == "individual"}
    assert [k for k, v in groups.items() if v] == ["A1", "A2", "A3", "A4", "A5", "A6", "B1", "B3"]


def test_a_lower_form_given_by_the_council_decides_that_forms_group(tmp_path: Path) -> None:
    """The Council gives A5 (proposed for Bằng khen, meeting only Giấy khen's criteria) a
    Giấy khen: A5 is awarded, staff are told it differs from the criteria, and the decision
    is one of Phòng A's Giấy khen group (A1, A2 within quota, not chosen → not-awarded); the
    office's Bằng khen group has no decision and keeps its provisional statuses."""
    decided = run(*_write(tmp_path, [council_row("Cá nhân", "A", "A5", "Người A5")]))
    statuses = {o.key: o.status.value for o in decided.outcomes if o.kind == "individual"}
    assert statuses == {
        **{k: v[1] for k, v in INDIVIDUALS.items()},
        "C1": "within-quota",
        "A1": "not-awarded", "A2": "not-awarded", "A5": "awarded",
    }  # fmt: skip
    assert sorted(i.code for i in decided.issues) == [
        "award-lower-form", "award-lower-form", "council-differs",
    ]  # fmt: skip


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> SiteBundle:
    built = make_bundle(*_write(tmp_path_factory.mktemp("routes-site")))
    assert built.ok, [i.key() for i in built.issues if i.is_error]
    return built


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_criteria_page_says_each_forms_criteria_quota_and_ranking(bundle: SiteBundle) -> None:
    page = _text(bundle.pages["tieu-chi/index.md"])
    assert "Tiêu chí theo hình thức khen thưởng" in page
    assert "Tập thể: TT1 (" in page and "Cá nhân: CN1 (" in page
    assert "Gồm các tiêu chí của Giấy khen." in page
    assert "chỉ đạt tiêu chí của Giấy khen được ghi “Đề nghị Bằng khen nhưng chỉ đạt" in page
    assert "1 cá nhân trong toàn Văn phòng UBND thành phố Cần Thơ" in page
    assert "2 cá nhân cho mỗi phòng, bộ phận" in page  # Giấy khen: the top-level quotas
    assert "đạt ít nhất 70 %" in page
    for status in ("Chỉ đạt tiêu chí của hình thức thấp hơn hình thức đề nghị — chờ Hội đồng",
                   "Đủ điều kiện, chưa đạt tỷ lệ phiếu tối thiểu"):  # fmt: skip
        assert status in page
    assert (
        'class="thidua-status thidua-status--lower-form-only"' in bundle.pages["tieu-chi/index.md"]
    )


def _row(page: str, name: str) -> str:
    start = page.index(f"<strong>{name}</strong>")
    return _text(page[start : page.index("</tr>", start)])


def test_results_rows_show_the_forms_criteria_and_status(bundle: SiteBundle) -> None:
    page = bundle.pages["ket-qua/ca-nhan/index.md"]
    a5 = _row(page, "Người A5")
    assert "Đề nghị Bằng khen nhưng chỉ đạt tiêu chí Giấy khen — chờ Hội đồng" in a5
    assert "Không đạt: CN2" in a5
    a1 = _row(page, "Người A1")
    assert "CN1" in a1 and "CN3" in a1 and "CN2" not in a1  # not a criterion of Giấy khen
    assert "Đủ điều kiện, chưa đạt tỷ lệ phiếu tối thiểu" in _row(page, "Người B3")


def test_open_data_lists_the_new_statuses(bundle: SiteBundle) -> None:
    package = json.loads(bundle.files["du-lieu-mo/datapackage.json"])
    (status,) = (
        f for res in package["resources"] for f in res["schema"]["fields"]
        if f["name"] == "trang_thai" and res["name"] == "ca-nhan"
    )  # fmt: skip
    assert {"lower-form-only", "below-vote-share"} <= set(status["constraints"]["enum"])
    people = {p["ho_ten"]: p for p in json.loads(bundle.files["du-lieu-mo/ca-nhan.json"])}
    a5 = people["Người A5"]
    assert (a5["trang_thai"], a5["tieu_chi"]) == (
        "lower-form-only",
        {"CN1": True, "CN2": False, "CN3": True},
    )
    assert people["Người A1"]["tieu_chi"] == {"CN1": True, "CN3": True}
    assert "lower-form-only" in bundle.pages["du-lieu-mo/index.md"]


def test_a_routed_campaign_builds_with_the_staff_guide(tmp_path: Path) -> None:
    """The real builder (mkdocs --strict) on the routed campaign: its criteria page, the
    guide it links to, and the guide's pages linking each other."""
    from tests.safety.sites import build_ok

    config, data = _write(tmp_path / "project")
    site = build_ok(data, tmp_path / "site", config=config)
    criteria = (site / "tieu-chi" / "index.html").read_text(encoding="utf-8")
    assert 'href="../huong-dan/"' in criteria and 'id="hinh-thuc-bang-khen"' in criteria
    guide = (site / "huong-dan" / "index.html").read_text(encoding="utf-8")
    assert 'href="dieu-kien/"' in guide and 'href="chi-tieu/"' in guide
    quotas = (site / "huong-dan" / "chi-tieu" / "index.html").read_text(encoding="utf-8")
    assert "award-lower-form" in quotas and 'id="min-vote-share"' in quotas
    assert 'id="xep-hang-column"' in quotas and 'id="xep-hang-count"' in quotas
