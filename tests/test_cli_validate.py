"""`thidua validate` as CI and staff run it: exit codes, JSON shape, GitHub annotations, text."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders.cli import thidua_command
from tests.builders.mini import Mini

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"
SAMPLE = "data/vpubnd-cantho-2019"


def thidua(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*thidua_command(), *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A campaign folder at <tmp>/data: two errors and a warning in A, a warning in B."""
    root = tmp_path_factory.mktemp("cli")
    mini = Mini()
    mini.submissions["A"][0]["Ngày gửi hồ sơ"] = "31/11/2019"
    mini.nominees["A"][1]["Số nhiệm vụ được giao"] = "mười"
    mini.nominees["A"][0]["Họ và tên"] = "Lê Văn\u200b Bình"
    mini.nominees["B"][0]["Họ và tên"] = "Phạm\u00a0Minh Đức"
    mini.write(root / "data")
    return root


def test_sample_data_exits_0(tmp_path):
    done = thidua("validate", "--config", str(CONFIG), "--data", SAMPLE, "--format", "text")
    assert done.returncode == 0, done.stderr
    assert "0 lỗi" in done.stdout


def test_broken_campaign_exits_1(broken):
    done = thidua(
        "validate", "--config", str(CONFIG), "--data", "data", "--config", str(CONFIG), cwd=broken
    )
    assert done.returncode == 1


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--format", "xml"],
        ["validate", "--no-such-option"],
        ["validate", "--config", "nowhere.yml"],
        ["frobnicate"],
    ],
)
def test_bad_usage_exits_2(args):
    done = thidua(*args)
    assert done.returncode == 2, (done.stdout, done.stderr)


def test_json_has_the_shape_of_spec_section_6(broken):
    done = thidua(
        "validate",
        "--config",
        str(CONFIG),
        "--data",
        "data",
        "--config",
        str(CONFIG),
        "--format",
        "json",
        cwd=broken,
    )
    assert done.returncode == 1
    payload = json.loads(done.stdout)
    assert set(payload) >= {"issues", "rows"}
    for issue in payload["issues"]:
        assert {"code", "severity", "file", "sheet", "row", "column", "message"} <= set(issue)
    keys = sorted(
        (i["code"], i["file"], i["sheet"], i["row"], i["column"]) for i in payload["issues"]
    )
    assert keys == [
        ("date-impossible", "de-nghi/A.xlsx", "Tập thể", 2, "J"),
        ("text-invisible-characters", "de-nghi/A.xlsx", "Cá nhân", 2, "C"),
        ("text-invisible-characters", "de-nghi/B.xlsx", "Cá nhân", 2, "C"),
        ("value-not-integer", "de-nghi/A.xlsx", "Cá nhân", 3, "G"),
    ]
    rows = payload["rows"]
    assert rows["read"] == rows["accepted"] + rows["rejected"]
    assert rows["rejected"] == 2
    for sheet in payload["sheets"]:
        assert sheet["read"] == sheet["accepted"] + sheet["rejected"]
    rejected = {(r["file"], r["sheet"], r["row"]): r for r in payload["rejected_rows"]}
    assert set(rejected) == {("de-nghi/A.xlsx", "Tập thể", 2), ("de-nghi/A.xlsx", "Cá nhân", 3)}
    assert rejected[("de-nghi/A.xlsx", "Cá nhân", 3)]["reasons"] == ["value-not-integer"]
    assert rejected[("de-nghi/A.xlsx", "Cá nhân", 3)]["errors"][0]["column"] == "G"


def test_json_on_the_sample_reconciles_every_sheet():
    done = thidua("validate", "--config", str(CONFIG), "--data", SAMPLE, "--format", "json")
    payload = json.loads(done.stdout)
    assert payload["rows"]["rejected"] == 0 and payload["rows"]["read"] > 0
    assert all(not Path(i["file"]).is_absolute() for i in payload["issues"] if i["file"])
    assert {s["file"] for s in payload["sheets"]} >= {"don-vi.xlsx", "de-nghi/TH.xlsx"}


ANNOTATION = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),title=([a-z0-9-]+)::(.+)$")


def test_github_annotations_point_at_the_file_and_row(broken):
    done = thidua(
        "validate",
        "--config",
        str(CONFIG),
        "--data",
        "data",
        "--config",
        str(CONFIG),
        "--format",
        "github",
        cwd=broken,
    )
    assert done.returncode == 1
    lines = done.stdout.strip().splitlines()
    parsed = [ANNOTATION.match(line) for line in lines]
    assert all(parsed), lines
    found = [m.groups() for m in parsed if m]
    assert [(k, f, int(n), t) for k, f, n, t, _ in found] == [
        ("error", "data/de-nghi/A.xlsx", 3, "value-not-integer"),
        ("error", "data/de-nghi/A.xlsx", 2, "date-impossible"),
        ("warning", "data/de-nghi/A.xlsx", 2, "text-invisible-characters"),
        ("warning", "data/de-nghi/B.xlsx", 2, "text-invisible-characters"),
    ]
    message = next(m for _, _, _, t, m in found if t == "date-impossible")
    assert message.startswith("de-nghi/A.xlsx › Tập thể › dòng 2 › cột J (Ngày gửi hồ sơ): ")
    assert "[date-impossible] Ngày không có trong lịch." in message
    assert "31/11/2019" not in message and "thidua validate" in message  # values stay local


def test_github_paths_are_from_the_repository_root():
    done = thidua("validate", "--config", str(CONFIG), "--data", SAMPLE, "--format", "github")
    assert done.returncode == 0
    files = {ANNOTATION.match(line).group(2) for line in done.stdout.splitlines()}  # type: ignore[union-attr]
    assert files and all(f.startswith(SAMPLE + "/") for f in files)
    assert all((ROOT / f).is_file() for f in files)


def test_text_groups_by_file_with_errors_first(broken):
    done = thidua(
        "validate", "--config", str(CONFIG), "--data", "data", "--config", str(CONFIG), cwd=broken
    )
    out = done.stdout
    groups = re.findall(r"^== (.+)$", out, flags=re.M)
    assert groups == ["de-nghi/A.xlsx", "de-nghi/B.xlsx"]
    a_block = out.split("== de-nghi/A.xlsx")[1].split("== ")[0]
    severities = re.findall(r"^  \[(LỖI|CẢNH BÁO)\] ([a-z-]+)", a_block, flags=re.M)
    assert severities == [
        ("LỖI", "value-not-integer"),
        ("LỖI", "date-impossible"),
        ("CẢNH BÁO", "text-invisible-characters"),
    ]
    assert "[CẢNH BÁO] text-invisible-characters" in out.split("== de-nghi/B.xlsx")[1]
    assert "de-nghi/A.xlsx › Cá nhân: 2 = 1 + 1" in out
    assert "Tổng: 2 lỗi, 2 cảnh báo" in out


def test_text_format_lists_every_rejected_row(tmp_path):
    from tests.builders.mini import Mini

    mini = Mini()
    mini.nominees["A"][0]["Số nhiệm vụ được giao"] = "mười"
    data = mini.write(tmp_path / "data")
    done = subprocess.run(
        [*thidua_command(), "validate", "--config", str(CONFIG), "--data", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "de-nghi/A.xlsx › Cá nhân › dòng 2: value-not-integer" in done.stdout


def test_github_annotations_never_echo_internal_values(tmp_path):
    from tests.builders.mini import Mini

    mini = Mini()
    mini.nominees["A"][0]["Ngày sinh"] = "31/31/1971"
    mini.nominees["B"][1]["Mã CB"] = "A1"  # duplicate staff code
    mini.discipline[0]["Ngày quyết định"] = "99/99/2019"
    data = mini.write(tmp_path / "data")
    done = subprocess.run(
        [*thidua_command(), "validate", "--config", str(CONFIG), "--data", str(data), "--format", "github"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stdout.count("::error ") == 3
    for secret in ("31/31/1971", "99/99/2019", "“A1”", "Người Ngoài"):
        assert secret not in done.stdout


def test_the_entry_point_is_installed_next_to_the_interpreter():
    script = Path(sys.executable).with_name("thidua")
    assert script.is_file(), f"{script}: install the package (make .venv/.installed)"
    assert thidua_command() == [str(script)]
    done = subprocess.run(
        [str(script), "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0 and "validate" in done.stdout, done.stderr
    module = subprocess.run(
        [sys.executable, "-m", "generator", "--help"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert module.returncode == 0 and module.stdout == done.stdout


def test_a_missing_optional_column_is_reported_in_every_format(tmp_path):
    """`Chức vụ` left out of A's Cá nhân: a warning (exit 0) in text, json and github."""
    mini = Mini()
    for row in mini.nominees["A"]:
        row.pop("Chức vụ")
    mini.write(tmp_path / "data")
    run = {
        fmt: thidua("validate", "--config", str(CONFIG), "--data", "data", "--config", str(CONFIG), "--format", fmt,
                    cwd=tmp_path)
        for fmt in ("text", "json", "github")
    }  # fmt: skip
    assert all(done.returncode == 0 for done in run.values()), run
    (issue,) = json.loads(run["json"].stdout)["issues"]
    assert (issue["code"], issue["severity"], issue["file"], issue["sheet"], issue["row"]) == (
        "header-optional-missing", "warning", "de-nghi/A.xlsx", "Cá nhân", 1,
    )  # fmt: skip
    assert issue["header"] == "Chức vụ" and "để trống" in issue["message"]
    assert (
        "[CẢNH BÁO] header-optional-missing: de-nghi/A.xlsx › Cá nhân › dòng 1"
        in run["text"].stdout
    )
    assert "Thiếu cột “Chức vụ” (không bắt buộc) ở dòng tiêu đề 1" in run["text"].stdout
    (line,) = run["github"].stdout.strip().splitlines()
    assert line.startswith(
        "::warning file=data/de-nghi/A.xlsx,line=1,title=header-optional-missing::"
        "de-nghi/A.xlsx › Cá nhân › dòng 1 › cột “Chức vụ”: [header-optional-missing] "
    )


def test_a_refused_build_under_ci_prints_only_what_an_annotation_may_carry(tmp_path):
    """`thidua build` runs in CI too (`make site`): its log names no internal value there."""
    import os

    mini = Mini()
    mini.nominees["A"][0]["Ngày sinh"] = "31/31/1971"
    mini.nominees["B"][1]["Mã CB"] = "A1"  # duplicate staff code
    data = mini.write(tmp_path / "data")
    args = [
        *thidua_command(),
        "build",
        "--config",
        str(CONFIG),
        "--data",
        str(data),
        "--out",
        str(tmp_path / "site"),
    ]
    for ci, leaks in (("true", False), ("", True)):
        env = {**os.environ, "CI": ci}
        done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 1 and not (tmp_path / "site").exists()
        assert "duplicate-key" in done.stderr
        assert ("31/31/1971" in done.stderr or "“A1”" in done.stderr) is leaks, done.stderr
