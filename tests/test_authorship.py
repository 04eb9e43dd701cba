"""Authorship: initiatives in the register credited to nominees (SPEC §4, CN2).

By staff code where given, otherwise by normalised name within the department; an
ambiguous match is an error. Names typed on different keyboards are the same name: NFC vs
NFD, case, spacing, and where the tone mark sits in oa / oe / uy ("Hoà" = "Hòa", "Thuỷ" =
"Thủy", "Khoẻ" = "Khỏe"), which NFC leaves different (FIELD-NOTES). Every expectation below
is written by hand from those rules.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from generator.judge.pipeline import Result, run
from generator.read.text import person_key
from tests.builders.mini import Mini, Row, nominee

CONFIG = Path(__file__).resolve().parent.parent / "site_config" / "vpubnd-cantho-2019.yml"

# (old tone placement, new tone placement): both NFC, both the same name.
SAME_NAME = [
    ("Hòa", "Hoà"),
    ("Thủy", "Thuỷ"),
    ("Khỏe", "Khoẻ"),
    ("Thúy", "Thuý"),
    ("Hòe", "Hoè"),
    ("Ủy", "Uỷ"),
    ("Tùy", "Tuỳ"),
    ("HÒA", "hoà"),
    ("Nguyễn Thị Hòa", "  nguyễn   thị HOÀ "),
]
# Different names that a too-blind key would merge.
DIFFERENT_NAMES = [
    ("Hoa", "Hoà"),  # no tone vs huyền
    ("Hòa", "Hóa"),  # huyền vs sắc
    ("Thuỷ", "Thuy"),
    ("Thủy", "Thụy"),
    ("Uỷ", "Ủ"),
    ("Hoà", "Hoàn"),
    ("Lê Hoà", "Lê Hồ"),  # VNI's "Hoà" is "Hồ": not the same letters
]


@pytest.mark.parametrize(("old", "new"), SAME_NAME)
def test_tone_placement_does_not_change_the_name(old: str, new: str):
    assert unicodedata.is_normalized("NFC", old) and unicodedata.is_normalized("NFC", new)
    assert person_key(old) == person_key(new)
    nfd = unicodedata.normalize("NFD", new)
    assert person_key(nfd) == person_key(old)


@pytest.mark.parametrize(("one", "other"), DIFFERENT_NAMES)
def test_different_names_stay_different(one: str, other: str):
    assert person_key(one) != person_key(other)


def initiative(code: str, unit: str, author: str | None, staff: str | None = None) -> Row:
    return {
        "Mã sáng kiến": code, "Tên sáng kiến": f"Sáng kiến {code}", "Mã đơn vị": unit,
        "Tác giả": author, "Mã CB tác giả": staff, "Lĩnh vực": "Cải cách TTHC",
        "Kết quả": "Công nhận", "Số quyết định": f"{code}/QĐ", "Ngày công nhận": dt.date(2019, 10, 1),
    }  # fmt: skip


def campaign() -> Mini:
    """Department A: nominees typed with the old tone placement, the register with the new
    one (and other case and spacing). Department B has a namesake of A1."""
    mini = Mini()
    mini.nominees["A"] = [
        nominee("A1", "Nguyễn Thị Hòa", 9),
        nominee("A2", "Trần Thị Thủy", 8),
        nominee("A3", "Lê Văn Khỏe", 7),
        nominee("A4", "Võ Thị Hoa", 6),
        nominee("A5", "Đỗ Minh Tùy", 5),
    ]
    mini.nominees["B"] = [nominee("B1", "Nguyễn Thị Hòa", 9), nominee("B2", "Võ Thị Em", 8)]
    mini.initiatives = [
        initiative("SK1", "A", "Nguyễn Thị Hoà"),
        initiative("SK2", "A", "TRẦN THỊ THUỶ"),
        initiative("SK3", "A", "Lê  Văn Khoẻ; Võ Thị Hoà"),  # A3 only: Hoà is not Hoa
        initiative("SK4", "A", unicodedata.normalize("NFD", "Đỗ Minh Tuỳ")),
        initiative("SK5", "B", None),  # B's collective initiative: B1 is credited nothing
    ]
    return mini


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Result:
    return run(CONFIG, campaign().write(tmp_path_factory.mktemp("authorship") / "data"))


def test_the_register_credits_the_nominee_whatever_the_tone_placement(result: Result):
    assert result.issues == []
    assert result.dataset.credited == {
        "SK1": ("A1",),
        "SK2": ("A2",),
        "SK3": ("A3",),
        "SK4": ("A5",),
        "SK5": (),
    }


def test_cn2_and_initiative_counts_follow_the_credit(result: Result):
    individuals = {o.key: o for o in result.outcomes if o.kind == "individual"}
    cn2 = {key: next(c.met for c in o.criteria if c.id == "CN2") for key, o in individuals.items()}
    assert cn2 == {"A1": True, "A2": True, "A3": True, "A4": False, "A5": True, "B1": False,
                   "B2": False}  # fmt: skip
    assert {k: o.recognised_initiatives for k, o in individuals.items()} == {
        "A1": 1, "A2": 1, "A3": 1, "A4": 0, "A5": 1, "B1": 0, "B2": 0,
    }  # fmt: skip


def test_namesakes_typed_differently_are_ambiguous_not_guessed(tmp_path: Path):
    mini = campaign()
    mini.nominees["A"].append(nominee("A6", "Nguyễn Thị Hoà", 4))  # same name as A1
    result = run(CONFIG, mini.write(tmp_path / "data"))
    assert sorted(i.key() for i in result.issues) == [
        ("author-ambiguous", "sang-kien.xlsx", "Sáng kiến", 2, "D"),
    ]
    assert "SK1" not in result.dataset.credited
    (issue,) = result.issues
    assert "A1, A6" in issue.message


def test_a_staff_code_settles_the_namesakes(tmp_path: Path):
    mini = campaign()
    mini.nominees["A"].append(nominee("A6", "Nguyễn Thị Hoà", 4))
    mini.initiatives[0]["Mã CB tác giả"] = "A6"
    result = run(CONFIG, mini.write(tmp_path / "data"))
    assert result.issues == []
    assert result.dataset.credited["SK1"] == ("A6",)
