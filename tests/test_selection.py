"""Ranks and quotas (SPEC §4, before any Council result) on small hand-made campaigns.

Individuals: quota 2 per department, ranked by vote share (agree / total) descending, then
recognised initiatives descending. Collectives: quota 3 for the whole office, ranked by the
department's recognised initiatives descending. Equal keys share a rank (1, 2, 2, 4); a tie
that straddles the quota line gives every tied candidate ``tie``; a tie wholly inside the
line is within quota, one wholly outside it is over quota. Only ``eligible`` candidates with
a complete, on-time dossier (and, for individuals, vote counts) are ranked.

Every expected rank and status below is worked out by hand from those rules.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.judge.pipeline import run
from tests.builders.ranked import campaign, outcomes

CONFIG = Path(__file__).resolve().parent.parent / "site_config" / "vpubnd-cantho-2019.yml"


def test_individual_ranks_and_department_quotas(tmp_path: Path):
    mini = campaign(
        {
            # 1, 2, 2, 4: initiatives break A1's vote tie, not A4's lower share.
            "A": [("A1", 8, 2), ("A2", 8, 1), ("A3", 8, 1), ("A4", 7, 3)],
            # a tie wholly inside the line
            "B": [("B1", 9, 1), ("B2", 9, 1), ("B3", 6, 1)],
            # a three-way tie across the line
            "C": [("C1", 9, 1), ("C2", 9, 1), ("C3", 9, 1)],
            # a tie wholly outside the line
            "D": [("D1", 10, 1), ("D2", 9, 1), ("D3", 7, 1), ("D4", 7, 1)],
            # one person in a department: within its own quota whatever the others have
            "E": [("E1", 3, 1)],
        }
    )
    result = run(CONFIG, mini.write(tmp_path / "data"))
    assert result.issues == []
    assert outcomes(result, "individual") == {
        "A1": (1, "within-quota", 2),
        "A2": (2, "tie", 1),
        "A3": (2, "tie", 1),
        "A4": (4, "over-quota", 3),
        "B1": (1, "within-quota", 1),
        "B2": (1, "within-quota", 1),
        "B3": (3, "over-quota", 1),
        "C1": (1, "tie", 1),
        "C2": (1, "tie", 1),
        "C3": (1, "tie", 1),
        "D1": (1, "within-quota", 1),
        "D2": (2, "within-quota", 1),
        "D3": (3, "over-quota", 1),
        "D4": (3, "over-quota", 1),
        "E1": (1, "within-quota", 1),
    }
    assert outcomes(result, "collective") == {}


def test_only_eligible_on_time_nominees_with_votes_take_a_place(tmp_path: Path):
    mini = campaign(
        {
            "A": [("A1", 10, 1), ("A2", 10, 0), ("A3", None, 1), ("A4", 9, 1), ("A5", 6, 1),
                  ("A6", 5, 1), ("A7", 4, 1)],
            "B": [("B1", 10, 1)],
        }
    )  # fmt: skip
    rows = {r["Mã CB"]: r for r in mini.nominees["A"]}
    rows["A4"]["Báo cáo thành tích"] = "Không"  # achievement report missing
    rows["A5"]["Xếp loại"] = "HTTNV"  # fails CN1
    rows["A5"]["Báo cáo thành tích"] = "Không"  # … a failed criterion comes first
    mini.submissions["B"][0]["Ngày gửi hồ sơ"] = dt.date(2019, 12, 11)  # the day after
    result = run(CONFIG, mini.write(tmp_path / "data"))
    assert sorted(i.key() for i in result.issues) == [
        ("votes-missing", "de-nghi/A.xlsx", "Cá nhân", 4, "L"),  # Tổng số phiếu
    ]
    assert outcomes(result, "individual") == {
        "A1": (1, "within-quota", 1),
        "A2": (None, "not-eligible", 0),  # no initiative: CN2
        "A3": (None, "eligible", 1),  # no vote counts: not ranked
        "A4": (None, "dossier-incomplete", 1),
        "A5": (None, "not-eligible", 1),
        "A6": (2, "within-quota", 1),
        "A7": (3, "over-quota", 1),
        "B1": (None, "late", 1),
    }


@pytest.mark.parametrize(
    ("initiatives", "expected"),
    [
        # P 3, Q 2, R 2, S 1: ranks 1, 2, 2, 4; the tie is wholly inside the office's 3.
        (
            {"P": 3, "Q": 2, "R": 2, "S": 1},
            {"P": (1, "within-quota"), "Q": (2, "within-quota"), "R": (2, "within-quota"),
             "S": (4, "over-quota")},
        ),
        # P 3, Q 2, R 1, S 1: R and S share rank 3 across the line.
        (
            {"P": 3, "Q": 2, "R": 1, "S": 1},
            {"P": (1, "within-quota"), "Q": (2, "within-quota"), "R": (3, "tie"),
             "S": (3, "tie")},
        ),
        # three-way tie across the line at rank 2
        (
            {"P": 4, "Q": 2, "R": 2, "S": 2, "T": 1},
            {"P": (1, "within-quota"), "Q": (2, "tie"), "R": (2, "tie"), "S": (2, "tie"),
             "T": (5, "over-quota")},
        ),
    ],
)  # fmt: skip
def test_collective_ranks_and_the_office_quota(
    tmp_path: Path, initiatives: dict[str, int], expected: dict[str, tuple[int, str]]
):
    result = run(CONFIG, campaign({}, initiatives).write(tmp_path / "data"))
    assert result.issues == []
    got = outcomes(result, "collective")
    assert {k: v[:2] for k, v in got.items()} == expected
    assert {k: v[2] for k, v in got.items()} == initiatives


def test_collectives_out_of_the_ranking_leave_the_quota_to_the_others(tmp_path: Path):
    mini = campaign({}, {"P": 1, "Q": 5, "R": 4, "S": 0, "T": 2, "U": 3})
    mini.submissions["Q"][0]["Ngày gửi hồ sơ"] = dt.date(2019, 12, 11)
    mini.submissions["R"][0]["Số tờ trình"] = None
    mini.submissions["U"][0]["Xếp loại"] = "HTTNV"  # fails TT3
    result = run(CONFIG, mini.write(tmp_path / "data"))
    assert result.issues == []
    assert outcomes(result, "collective") == {
        "P": (2, "within-quota", 1),
        "Q": (None, "late", 5),
        "R": (None, "dossier-incomplete", 4),
        "S": (None, "not-eligible", 0),  # no initiative: TT2
        "T": (1, "within-quota", 2),
        "U": (None, "not-eligible", 3),
    }
