"""Quotas as counts or shares, their rounding and minimum, per office / department / unit kind,
a minimum vote share, and ranking on any numeric column or computed count (issue 11 item 4).

Each campaign is a project on disk (the founding rules with its quotas or ranking replaced,
real workbooks); every expected quota, rank and status below is worked out by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.judge.config_awards import Quota
from generator.judge.pipeline import run
from generator.judge.quota_size import quota_size
from tests.builders.ranked import campaign, project, ranks, rules

FOUNDING_QUOTAS = {
    "collective": {"count": 3, "per": "office"},
    "individual": {"count": 2, "per": "department"},
}


def _quotas(collective: dict[str, Any] | None = None, individual: dict[str, Any] | None = None):
    return {
        "collective": collective or FOUNDING_QUOTAS["collective"],
        "individual": individual or FOUNDING_QUOTAS["individual"],
    }


@pytest.mark.parametrize(
    ("share", "base", "rounding", "minimum", "expected"),
    [
        (20, 12, "down", 0, 2),  # 2.4
        (20, 12, "half_up", 0, 2),
        (20, 12, "up", 0, 3),
        (20, 13, "half_up", 0, 3),  # 2.6
        (15, 10, "down", 0, 1),  # 1.5
        (15, 10, "half_up", 0, 2),
        (15, 10, "up", 0, 2),
        (15, 20, "up", 0, 3),  # exactly 3: 0.15 × 20 in floats is 3.0000000000000004
        (14.1, 100, "up", 0, 15),  # 14.1 (a float 14.1 × 100 / 100 would be 14.099…)
        (20, 4, "down", 1, 1),  # 0.8 → 0, the minimum says 1
        (20, 4, "down", 0, 0),
        (5, 8, "half_up", 0, 0),  # 0.4
        (50, 1, "half_up", 0, 1),  # 0.5 rounds up
        (50, 1, "down", 0, 0),
        (100, 7, "down", 0, 7),
        (12.5, 8, "up", 0, 1),  # exactly 1
        (15, 0, "up", 2, 2),  # nobody proposed: the minimum still stands
    ],
)  # fmt: skip
def test_a_share_is_rounded_as_the_plan_says(share, base, rounding, minimum, expected):
    quota = Quota(share=share, of="proposed", rounding=rounding, minimum=minimum, per="office")
    assert quota_size(quota, base) == expected


def test_a_count_is_the_count_whatever_the_base():
    assert quota_size(Quota(count=3, per="office"), 100) == 3


# Eight departments propose themselves: P 7 initiatives … V 1, W none (fails TT2, still proposed).
OFFICE = {"P": 7, "Q": 6, "R": 5, "S": 4, "T": 3, "U": 2, "V": 1, "W": 0}
ORDER = ["P", "Q", "R", "S", "T", "U", "V"]


@pytest.mark.parametrize(
    ("share", "rounding", "minimum", "within"),
    [
        (15, "down", 0, 1),  # 8 × 15 % = 1.2
        (15, "up", 0, 2),
        (20, "half_up", 0, 2),  # 1.6
        (18.75, "half_up", 0, 2),  # 1.5 exactly
        (18.75, "down", 0, 1),
        (12.5, "up", 0, 1),  # exactly 1
        (5, "down", 0, 0),  # 0.4: nobody is within quota
        (5, "down", 3, 3),  # … unless the plan sets a minimum
    ],
)
def test_a_share_of_the_proposed_departments(tmp_path: Path, share, rounding, minimum, within):
    quota = {"share": share, "of": "proposed", "rounding": rounding, "per": "office"}
    if minimum:
        quota["minimum"] = minimum
    config = project(tmp_path, rules(quotas=_quotas(collective=quota)))
    result = run(config, campaign({}, OFFICE).write(tmp_path / "data"))
    assert result.issues == []
    expected = {
        unit: (n, "within-quota" if n <= within else "over-quota")
        for n, unit in enumerate(ORDER, start=1)
    }
    assert ranks(result, "collective") == {**expected, "W": (None, "not-eligible")}


def test_a_tie_at_the_line_of_a_share_goes_to_the_council(tmp_path: Path):
    quota = {"share": 50, "of": "proposed", "rounding": "down", "per": "office"}
    config = project(tmp_path, rules(quotas=_quotas(collective=quota)))
    data = campaign({}, {"P": 7, "Q": 6, "R": 6, "S": 4}).write(tmp_path / "data")
    result = run(config, data)  # 4 × 50 % = 2: Q and R share rank 2 on the line
    assert ranks(result, "collective") == {
        "P": (1, "within-quota"), "Q": (2, "tie"), "R": (2, "tie"), "S": (4, "over-quota"),
    }  # fmt: skip


STAFF = [{"key": "staff_count", "header": "Số biên chế", "kind": "integer", "required": True}]


def test_shares_of_units_per_unit_kind_and_of_staff_per_department(tmp_path: Path):
    """Collectives: 50 % of the register's units of each kind, half up. Phòng A, B, G (G does
    not propose itself but counts: 1.5 → 2), Ban C, D, E (1.5 → 2), Trung tâm F (0.5 → 1).
    Individuals: 15 % of each department's staff, rounded up, at least 1: A 14 → 2.1 → 3,
    C 20 → exactly 3, B 5 → 0.75 → 1."""
    quotas = _quotas(
        collective={"share": 50, "of": "units", "rounding": "half_up", "per": "unit_kind"},
        individual={"share": 15, "of": "staff", "column": "staff_count", "rounding": "up",
                    "minimum": 1, "per": "department"},
    )  # fmt: skip
    config = project(tmp_path, rules(quotas=quotas), units_columns=STAFF)
    kinds = {"A": "Phòng", "B": "Phòng", "G": "Phòng", "C": "Ban", "D": "Ban", "E": "Ban",
             "F": "Trung tâm"}  # fmt: skip
    people = {
        "A": [("A1", 9, 1), ("A2", 8, 1), ("A3", 7, 1), ("A4", 6, 1), ("A5", 5, 1)],
        "B": [("B1", 9, 1), ("B2", 8, 1)],
        "C": [("C1", 10, 1), ("C2", 9, 1), ("C3", 8, 1), ("C4", 7, 1)],
    }
    mini = campaign(people, {"A": 3, "B": 1, "C": 1, "D": 2, "E": 3, "F": 1}, kinds)
    staff = {"A": 14, "B": 5, "C": 20, "D": 3, "E": 3, "F": 2, "G": 4}
    for row in mini.units:
        row["Số biên chế"] = staff[str(row["Mã đơn vị"])]
    result = run(config, mini.write(tmp_path / "data"))
    assert result.issues == []
    assert ranks(result, "collective") == {
        "A": (1, "within-quota"), "B": (2, "within-quota"),  # Phòng: 2
        # Ban: 2. A department's initiatives include its nominees': C 1 + 4 = 5, E 3, D 2.
        "C": (1, "within-quota"), "E": (2, "within-quota"), "D": (3, "over-quota"),
        "F": (1, "within-quota"),  # Trung tâm: 1
    }  # fmt: skip
    got = ranks(result, "individual")
    assert {k: v for k, v in got.items() if k[0] in "ABC"} == {
        "A1": (1, "within-quota"), "A2": (2, "within-quota"), "A3": (3, "within-quota"),
        "A4": (4, "over-quota"), "A5": (5, "over-quota"),
        "B1": (1, "within-quota"), "B2": (2, "over-quota"),
        "C1": (1, "within-quota"), "C2": (2, "within-quota"), "C3": (3, "within-quota"),
        "C4": (4, "over-quota"),
    }  # fmt: skip


def test_a_count_per_unit_kind(tmp_path: Path):
    """One per kind: Phòng A (3) and Ban D (4) are within; with one pool, only D would be."""
    quotas = _quotas(collective={"count": 1, "per": "unit_kind"})
    config = project(tmp_path, rules(quotas=quotas))
    mini = campaign({}, {"A": 3, "B": 2, "C": 1, "D": 4}, {"C": "Ban", "D": "Ban"})
    result = run(config, mini.write(tmp_path / "data"))
    assert ranks(result, "collective") == {
        "A": (1, "within-quota"), "B": (2, "over-quota"),
        "D": (1, "within-quota"), "C": (2, "over-quota"),
    }  # fmt: skip


def test_a_minimum_vote_share(tmp_path: Path):
    """70 %: 7/10 is exactly 70 % (ranked), 6/10 is below (not ranked, takes no place);
    without vote counts the nominee stays unranked as before."""
    individual = {"count": 2, "per": "department", "min_vote_share": 70}
    config = project(tmp_path, rules(quotas=_quotas(individual=individual)))
    people = {"A": [("A1", 9, 1), ("A2", 7, 1), ("A3", 6, 1), ("A4", None, 1), ("A5", 8, 1)]}
    result = run(config, campaign(people).write(tmp_path / "data"))
    assert [i.code for i in result.issues] == ["votes-missing"]
    assert ranks(result, "individual") == {
        "A1": (1, "within-quota"),
        "A5": (2, "within-quota"),
        "A2": (3, "over-quota"),
        "A3": (None, "below-vote-share"),
        "A4": (None, "eligible"),
    }


SCORE = {"key": "cchc_index", "header": "Chỉ số CCHC", "kind": "number", "required": True}


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        ("desc", {"P": (1, "within-quota"), "Q": (2, "tie"), "R": (2, "tie"),
                  "S": (4, "over-quota")}),
        ("asc", {"S": (1, "within-quota"), "Q": (2, "tie"), "R": (2, "tie"),
                 "P": (4, "over-quota")}),
    ],
)  # fmt: skip
def test_ranking_on_a_declared_numeric_column(tmp_path: Path, direction, expected):
    """Chỉ số CCHC P 95.5, Q and R 92, S 80; quota 2: Q and R tie on the line both ways."""
    config_data = rules(
        quotas=_quotas(collective={"count": 2, "per": "office"}),
        ranking={
            "collective": [{"column": "cchc_index", "direction": direction}],
            "individual": ["vote_share"],
        },
        contract={"preset": "cchc-vpubnd-2019", "columns": {"submission": [SCORE]}},
    )
    config = project(tmp_path, config_data)
    mini = campaign({}, {"P": 1, "Q": 1, "R": 1, "S": 1})
    for unit, score in {"A": 50, "P": 95.5, "Q": "92", "R": 92, "S": "80,0"}.items():
        mini.submissions[unit][0]["Chỉ số CCHC"] = score  # A proposes no collective award
    result = run(config, mini.write(tmp_path / "data"))
    assert result.issues == []
    assert ranks(result, "collective") == expected


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        ("desc", {"A1": (1, "within-quota"), "A3": (2, "over-quota"), "A2": (3, "over-quota")}),
        ("asc", {"A2": (1, "within-quota"), "A3": (2, "over-quota"), "A1": (3, "over-quota")}),
    ],
)
def test_ranking_on_a_computed_count(tmp_path: Path, direction, expected):
    """CN2 counts each nominee's recognised initiatives: A1 3, A2 1, A3 2 (equal votes)."""
    config_data = rules(
        quotas=_quotas(individual={"count": 1, "per": "department"}),
        ranking={
            "collective": ["recognised_initiatives"],
            "individual": [{"count": "CN2", "direction": direction}],
        },
    )
    config = project(tmp_path, config_data)
    people = {"A": [("A1", 8, 3), ("A2", 8, 1), ("A3", 8, 2)]}
    result = run(config, campaign(people).write(tmp_path / "data"))
    assert result.issues == []
    assert {o.key: o.counts for o in result.outcomes if o.kind == "individual"} == {
        "A1": {"CN2": 3}, "A2": {"CN2": 1}, "A3": {"CN2": 2},
    }  # fmt: skip
    assert ranks(result, "individual") == expected


def test_the_founding_campaign_reads_the_same_from_its_rewritten_file(tmp_path: Path):
    """The founding rules written back as YAML (no routes, count quotas, named keys) give
    the same ranks as the committed file: the new shapes change nothing for it."""
    people = {"A": [("A1", 8, 2), ("A2", 8, 1), ("A3", 8, 1), ("A4", 7, 3)]}
    data = campaign(people, {"A": 2, "B": 1}).write(tmp_path / "data")
    from tests.builders.ranked import FOUNDING

    again = run(project(tmp_path, rules()), data)
    original = run(FOUNDING, data)
    assert ranks(again, "individual") == ranks(original, "individual") == {
        "A1": (1, "within-quota"), "A2": (2, "tie"), "A3": (2, "tie"), "A4": (4, "over-quota"),
        "B0": (None, "not-eligible"),  # B's default nominee has no initiative
    }  # fmt: skip
    assert ranks(again, "collective") == ranks(original, "collective")


def test_the_criteria_page_words_each_quota_and_ranking_key(tmp_path: Path):
    from generator.judge.config import load_config
    from generator.site.pages.selection_text import pools

    quotas = _quotas(
        collective={"share": 50, "of": "units", "rounding": "half_up", "per": "unit_kind"},
        individual={"share": 12.5, "of": "staff", "column": "staff_count", "rounding": "up",
                    "minimum": 1, "per": "department", "min_vote_share": 70.5},
    )  # fmt: skip
    ranking = {
        "collective": [{"column": "cchc_index", "direction": "asc"}],
        "individual": ["vote_share", {"count": "CN2", "direction": "desc"}],
    }
    contract = {"preset": "cchc-vpubnd-2019", "columns": {"submission": [SCORE]}}
    path = project(tmp_path, rules(quotas=quotas, ranking=ranking, contract=contract), STAFF)
    config, issues = load_config(path)
    assert issues == [] and config is not None
    (pool,) = pools(config)
    assert pool.quotas == [
        "Tập thể: 50 % số đơn vị cho mỗi loại đơn vị (cột “Loại đơn vị” của danh sách đơn vị), "
        "làm tròn đến số nguyên gần nhất, từ 0,5 trở lên làm tròn lên (2,5 thành 3; 2,4 thành 2)",
        "Cá nhân: 12,5 % tổng “Số biên chế” của các đơn vị cho mỗi phòng, bộ phận, làm tròn lên "
        "(ví dụ 2,1 thành 3), ít nhất 1",
    ]
    assert "đạt ít nhất 70,5 %" in pool.min_vote_share
    assert pool.ranking == {
        "collective": ["Chỉ số CCHC: thấp hơn xếp trước"],
        "individual": [
            "Tỷ lệ phiếu đồng ý khi họp xét (số phiếu đồng ý / tổng số phiếu): cao hơn xếp trước",
            "Số đếm được ở tiêu chí CN2 (Có sáng kiến CCHC được công nhận): nhiều hơn xếp trước",
        ],
    }
    assert pool.headings == {
        "collective": "Tập thể (trong từng loại đơn vị)",
        "individual": "Cá nhân (trong từng phòng, bộ phận)",
    }
