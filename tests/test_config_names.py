"""What code relies on is stated in the configuration (issue 8, must show 6).

The Council's lateness check for proposals sent on to the city follows ``awards[].deadline``
(not a deadline that happens to be called ``council-to-city``), and ``min_assigned`` means
the number it declares.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.judge.config import load_config
from generator.judge.pipeline import run
from generator.judge.rules import words_for
from tests.builders.mini import Mini, write_council

CONFIG = Path(__file__).resolve().parent.parent / "site_config" / "vpubnd-cantho-2019.yml"
AWARD_DEADLINE = "    deadline: council-to-city"  # awards[1] (Bằng khen) in the founding config


def proposal(sent: date) -> list[object]:
    """The Council proposes Lê Văn Bình (A1) for a Bằng khen, sent to the city on ``sent``."""
    return [
        "Cá nhân", "A", "A1", "Lê Văn Bình", "Đề nghị Bằng khen", "3/TTr-HĐTĐKT",
        date(2020, 1, 10), "2/BB-HĐTĐKT", date(2020, 1, 8), sent,
    ]  # fmt: skip


def config_with(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    text = CONFIG.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "campaign.yml"
    path.write_text(text, encoding="utf-8")
    shutil.copytree(CONFIG.parent / "contracts", tmp_path / "contracts", dirs_exist_ok=True)
    return path


def council_issues(tmp_path: Path, config: Path, sent: date) -> list[tuple[object, ...]]:
    data = Mini().write(tmp_path / "data")
    write_council(data, [proposal(sent)])
    result = run(config, data)
    assert result.ok
    return [(i.key(), i.severity, i.message) for i in result.issues]


LATE = ("council-late", "hoi-dong.xlsx", "Kết quả", 2, "J")


def test_a_proposal_sent_after_the_configured_deadline_is_warned(tmp_path: Path) -> None:
    assert council_issues(tmp_path, CONFIG, date(2020, 1, 21)) == [
        (LATE, "warning", "Gửi thành phố ngày 21/01/2020, sau hạn 20/01/2020.")
    ]


def test_a_proposal_sent_on_the_deadline_day_is_on_time(tmp_path: Path) -> None:
    assert council_issues(tmp_path, CONFIG, date(2020, 1, 20)) == []


def test_the_deadline_is_the_one_the_award_names_whatever_its_id(tmp_path: Path) -> None:
    renamed = config_with(
        tmp_path,
        ("  - id: council-to-city", "  - id: hd-gui-thanh-pho"),
        (AWARD_DEADLINE, "    deadline: hd-gui-thanh-pho"),
    )
    assert [k for k, _, _ in council_issues(tmp_path, renamed, date(2020, 1, 21))] == [LATE]
    earlier = config_with(tmp_path, (AWARD_DEADLINE, "    deadline: dossier"))
    assert council_issues(tmp_path, earlier, date(2020, 1, 20)) == [
        (LATE, "warning", "Gửi thành phố ngày 20/01/2020, sau hạn 10/12/2019.")
    ]


def test_without_an_award_deadline_sending_dates_are_not_checked(tmp_path: Path) -> None:
    """As docs/config.md says of ``awards[].deadline``: empty, nothing is checked — even
    with a deadline called council-to-city in the list."""
    unchecked = config_with(tmp_path, (AWARD_DEADLINE + "  ", "  #"))
    config, issues = load_config(unchecked)
    assert issues == [] and config is not None
    assert "council-to-city" in [d.id for d in config.deadlines]
    assert [a.deadline for a in config.awards] == ["", ""]
    assert council_issues(tmp_path, unchecked, date(2021, 6, 1)) == []


def tasks_config(tmp_path: Path, value: str) -> Path:
    return config_with(
        tmp_path,
        ("{type: all_tasks_on_time, min_assigned: 1}", f"{{type: all_tasks_on_time, min_assigned: {value}}}"),
    )  # fmt: skip


def test_min_assigned_means_the_number_declared(tmp_path: Path) -> None:
    mini = Mini()
    a1, a2 = mini.nominees["A"]
    a1["Số nhiệm vụ được giao"] = a1["Số nhiệm vụ đúng hạn"] = 3
    a2["Số nhiệm vụ được giao"] = a2["Số nhiệm vụ đúng hạn"] = 2
    result = run(tasks_config(tmp_path, "3"), mini.write(tmp_path / "data"))
    assert result.ok and result.config is not None
    cn1 = {o.key: o.criteria[0] for o in result.outcomes if o.kind == "individual"}
    assert cn1["A1"].id == "CN1" and cn1["A1"].met
    assert not cn1["A2"].met
    words = words_for(result.config, "individual")
    described = result.config.criteria.individual[0].predicate.describe(words)
    assert "ít nhất 3)" in described


@pytest.mark.parametrize("value", ["0", "-1"])
def test_min_assigned_below_one_is_a_config_error(tmp_path: Path, value: str) -> None:
    config, issues = load_config(tasks_config(tmp_path, value))
    assert config is None
    assert [(i.code, i.column) for i in issues] == [
        ("config-invalid", "criteria.individual.0.predicate.parts.1.min_assigned")
    ]
    assert "greater than or equal to 1" in issues[0].message_en
