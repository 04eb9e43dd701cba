"""`thidua explain <code>`: each criterion with its evidence rows, the dossier and the status."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator.judge.explain import explain
from generator.judge.pipeline import Result, run
from tests.builders.cli import thidua_command
from tests.builders.mini import Mini

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"


def thidua(command: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``thidua COMMAND`` on the founding campaign (the repository's current one is 2020's)."""
    return subprocess.run(
        [*thidua_command(), command, "--campaign", "vpubnd-cantho-2019", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def sample() -> Result:
    return run(CONFIG)


def test_nominee_shows_cn3_not_met_with_the_discipline_row(sample: Result):
    done = thidua("explain", "CB0085")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Cá nhân CB0085 — Mai Thị Thanh Trúc")
    cn3 = out.split("  CN3 ")[1].split("\n  Hồ sơ")[0]
    assert "KHÔNG ĐẠT" in cn3
    (record,) = [d for d in sample.dataset.disciplines if d.staff_code == "CB0085"]
    assert record.loc.file == "ky-luat.xlsx"
    assert f"nguồn: {record.loc}" in cn3
    assert re.search(r"^  CN1 .*: ĐẠT", out, flags=re.M)
    assert "Hồ sơ: đầy đủ" in out
    assert "TRẠNG THÁI: not-eligible" in out and "không đạt: CN3" in out


def test_every_criterion_of_a_nominee_is_listed_with_a_source(sample: Result):
    out = thidua("explain", "cb0085").stdout  # codes are matched case-insensitively
    for criterion in ("CN1", "CN2", "CN3"):
        block = out.split(f"  {criterion} ")[1]
        assert block.split("\n")[1].startswith("      nguồn: "), criterion


def test_department_lists_criteria_dossier_and_its_nominees(sample: Result):
    done = thidua("explain", "TTTH")
    assert done.returncode == 0
    out = done.stdout
    assert out.startswith("Tập thể TTTH — Trung tâm Tin học (de-nghi/TTTH.xlsx › Tập thể › dòng 2)")
    for criterion in ("TT1", "TT2", "TT3"):
        assert f"  {criterion} " in out
    assert "nguồn: sang-kien.ods › Sáng kiến › dòng" in out
    # within quota by the criteria; the Council decided the collective group without TTTH
    assert "Kết quả theo tiêu chí: within-quota" in out
    assert "TRẠNG THÁI: not-awarded — Hội đồng không đề nghị khen thưởng" in out
    members = {n.staff_code for n in sample.dataset.nominees if n.unit == "TTTH"}
    listed = set(re.findall(r"^  (CB\d+) ", out.split("Cá nhân được đề nghị")[1], flags=re.M))
    assert listed == members


def test_unknown_code_exits_1():
    done = thidua("explain", "KHONG-CO")
    assert done.returncode == 1
    assert "KHONG-CO" in done.stderr and not done.stdout


def test_department_without_a_collective_submission_is_explained(tmp_path: Path):
    mini = Mini()
    mini.submissions["B"][0]["Xếp loại"] = "Xuất sắc"  # B's collective row is rejected
    result = run(CONFIG, mini.write(tmp_path / "data"))
    assert result.config is not None
    text = explain(result.config, result.dataset, result.outcomes, "B")
    assert text is not None
    assert "không có đề nghị tập thể" in text
    assert "B1 Phạm Minh Đức" in text and "B2 Võ Thị Em" in text
