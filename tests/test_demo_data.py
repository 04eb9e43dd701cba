"""`thidua demo-data`: a synthetic campaign that validates, shows every status, is reproducible."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from generator.judge.model import Status
from generator.judge.pipeline import run
from generator.judge.select import campaign_statuses

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"
SIZES = ["--units", "12", "--nominees", "60", "--initiatives", "40"]


def thidua(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def demo(out: Path, *extra: str) -> Path:
    done = thidua("demo-data", *SIZES, "--out", str(out), *extra)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo(tmp_path_factory.mktemp("demo") / "data")


@pytest.fixture(scope="module")
def result(campaign: Path):  # type: ignore[no-untyped-def]
    return run(CONFIG, campaign)


def test_validates_without_errors_and_only_designed_warnings(campaign: Path) -> None:
    done = thidua("validate", "--config", str(CONFIG), "--data", str(campaign))
    assert done.returncode == 0, done.stdout
    assert "Tổng: 0 lỗi" in done.stdout
    codes = set(re.findall(r"\[CẢNH BÁO\] ([a-z-]+):", done.stdout))
    assert codes == {"votes-missing"}


def test_every_status_is_present(result) -> None:  # type: ignore[no-untyped-def]
    present = {o.status for o in result.outcomes}
    # every status the campaign can give (it declares no award routes, no minimum vote share)
    assert present == set(campaign_statuses(result.config))
    assert present == set(Status) - {Status.LOWER_FORM_ONLY, Status.BELOW_VOTE_SHARE}


def test_row_counts_equal_the_arguments(result) -> None:  # type: ignore[no-untyped-def]
    data = result.dataset
    assert len(data.units) == 12
    assert len(data.nominees) == 60
    assert len(data.initiatives) == 40


def test_namesakes_within_and_across_units(result) -> None:  # type: ignore[no-untyped-def]
    nominees = result.dataset.nominees
    within = Counter((n.unit, n.name) for n in nominees)
    assert any(count > 1 for count in within.values())
    # told apart by `Mã CB tác giả`: each namesake is credited with their own initiative
    credited = Counter(code for codes in result.dataset.credited.values() for code in codes)
    for n in nominees:
        if within[(n.unit, n.name)] > 1:
            assert credited[n.staff_code] == 1, n.staff_code
    units_of: dict[str, set[str]] = {}
    for n in nominees:
        units_of.setdefault(n.name, set()).add(n.unit)
    assert any(len(units) > 1 for units in units_of.values())


def test_same_arguments_same_bytes_other_seed_differs(campaign: Path, tmp_path: Path) -> None:
    again = demo(tmp_path / "again")
    other = demo(tmp_path / "other", "--seed", "2")

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.xlsx")}

    assert files(again) == files(campaign)
    assert files(other).keys() == files(campaign).keys()
    assert files(other) != files(campaign)


@pytest.mark.parametrize(
    "sizes",
    [
        ["--units", "4", "--nominees", "60", "--initiatives", "40"],
        ["--units", "12", "--nominees", "59", "--initiatives", "40"],
        ["--units", "12", "--nominees", "60", "--initiatives", "11"],
    ],
)
def test_impossible_sizes_are_refused(sizes: list[str], tmp_path: Path) -> None:
    done = thidua("demo-data", *sizes, "--out", str(tmp_path / "x"))
    assert done.returncode == 2
    assert "Không tạo được dữ liệu" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x").exists()
