"""`thidua new-campaign ID [--from ID]` (issue 11, item 7): a commented config that loads and
blank registers that validate with no issue at all, never over an existing campaign."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import yaml

from generator.judge.config import load_config
from generator.tools.move import shifted as _shifted
from tests.builders.cli import thidua_command

ROOT = Path(__file__).resolve().parent.parent
FOUNDING_ID = "vpubnd-cantho-2019"


def _founding_config() -> Path:
    """The founding campaign's file: `<id>.yml` once campaigns are named by id, else the
    single-campaign name it had before."""
    named = ROOT / "site_config" / f"{FOUNDING_ID}.yml"
    return named if named.is_file() else ROOT / "site_config" / "campaign.yml"


def thidua(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*thidua_command(), *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository holding the founding campaign (as `<id>.yml`) and its data."""
    (tmp_path / "site_config").mkdir()
    shutil.copytree(ROOT / "site_config" / "contracts", tmp_path / "site_config" / "contracts")
    shutil.copy(_founding_config(), tmp_path / "site_config" / f"{FOUNDING_ID}.yml")
    shutil.copytree(ROOT / "data" / FOUNDING_ID, tmp_path / "data" / FOUNDING_ID)
    return tmp_path


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _validate(repo: Path, campaign_id: str) -> tuple[int, dict[str, object]]:
    done = thidua(
        "validate", "--config", f"site_config/{campaign_id}.yml", "--format", "json", cwd=repo
    )
    return done.returncode, json.loads(done.stdout)


def _headers(path: Path, sheet: str) -> list[object]:
    book = openpyxl.load_workbook(path)
    return [c.value for c in book[sheet][1]]


def test_from_last_year_keeps_the_text_and_moves_the_campaign(repo: Path) -> None:
    done = thidua("new-campaign", "vpubnd-cantho-2020", "--from", FOUNDING_ID, cwd=repo)
    assert done.returncode == 0, done.stderr
    old = (repo / "site_config" / f"{FOUNDING_ID}.yml").read_text(encoding="utf-8")
    new_path = repo / "site_config" / "vpubnd-cantho-2020.yml"
    new = new_path.read_text(encoding="utf-8")
    config, issues = load_config(new_path)
    assert issues == [] and config is not None
    assert (config.id, config.data_dir) == ("vpubnd-cantho-2020", "data/vpubnd-cantho-2020")
    # every date moved by one year; the plan's impossible 31/11 gives way to the applied end
    assert (config.period.start, config.period.end) == (dt.date(2020, 4, 15), dt.date(2020, 11, 30))
    assert config.period.end_as_written == "30/11/2020" and config.period.note == ""
    assert config.campaign.document_date == dt.date(2020, 4, 15)
    assert [d.date for d in config.deadlines] == [
        dt.date(2020, 12, 10), dt.date(2021, 1, 20), dt.date(2021, 3, 31)
    ]  # fmt: skip
    assert config.deadlines[2].as_written == "Quý I năm 2021"
    assert config.site.title == "Thi đua cải cách hành chính 2020"
    assert config.criteria.collective[2].label == "Hoàn thành xuất sắc nhiệm vụ năm 2020"
    # the documents it cites, the contract and the rules stay as written
    old_config, _ = load_config(repo / "site_config" / f"{FOUNDING_ID}.yml")
    assert old_config is not None
    assert config.campaign.legal_basis == old_config.campaign.legal_basis
    assert config.contract == old_config.contract
    assert config.criteria.individual[2].predicate == old_config.criteria.individual[2].predicate
    assert config.dossier == old_config.dossier
    # comments kept, line for line, and the folded text stays folded
    comments = [line for line in old.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(c in new.splitlines() for c in comments)
    assert "  description: >-\n" in new
    assert "review" in done.stdout and "document_number" in done.stdout
    # the site's plan page summarises the source's plan, not the copy's
    assert old_config.campaign.plan_page == "ke-hoach/" and config.campaign.plan_page == ""
    assert "plan_page" in done.stdout


def test_from_last_year_writes_blank_registers_with_its_units(repo: Path) -> None:
    assert (
        thidua("new-campaign", "vpubnd-cantho-2020", "--from", FOUNDING_ID, cwd=repo).returncode
        == 0
    )
    config, _ = load_config(repo / "site_config" / "vpubnd-cantho-2020.yml")
    assert config is not None
    data = repo / "data" / "vpubnd-cantho-2020"
    layout = config.data_contract.layout
    assert sorted(p.name for p in data.iterdir()) == sorted(
        [
            *(f"{stem}.xlsx" for stem, _, _ in layout.registers),
            "README.md",
            layout.department_folder,
        ]
    )
    for stem, sheet, _ in layout.registers:
        assert _headers(data / f"{stem}.xlsx", sheet.name) == [c.header for c in sheet.columns]
    units = openpyxl.load_workbook(data / "don-vi.xlsx")["Đơn vị"]
    codes = [row[0] for row in units.iter_rows(min_row=2, values_only=True)]
    assert codes[:3] == ["TH", "HCTC", "KSTT"] and len(codes) == 11
    assert next(iter(units.iter_rows(min_row=2, values_only=True))) == (
        "TH",
        "Phòng Tổng hợp",
        "Phòng",
        1,
    )
    code, report = _validate(repo, "vpubnd-cantho-2020")
    assert code == 0 and report["issues"] == []


def test_the_skeleton_loads_and_its_blank_folder_validates_with_no_issue(repo: Path) -> None:
    done = thidua("new-campaign", "quan-7-2021", "--preset", "cchc-vpubnd-2019", cwd=repo)
    assert done.returncode == 0, done.stderr
    path = repo / "site_config" / "quan-7-2021.yml"
    config, issues = load_config(path)
    assert issues == [] and config is not None
    assert config.period.start == dt.date(2021, 1, 1) and config.dossier_deadline == dt.date(
        2021, 12, 10
    )
    # every top-level key is explained by a comment above it or beside it
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        if re.match(r"^[a-z_]+:", line):
            assert "#" in line or lines[n - 1].startswith("#"), line
    code, report = _validate(repo, "quan-7-2021")
    assert code == 0 and report["issues"] == []


def test_an_existing_campaign_or_data_folder_is_never_overwritten(repo: Path) -> None:
    (repo / "data" / "cantho-2021").mkdir(parents=True)
    (repo / "data" / "cantho-2021" / "keep.txt").write_text("x", encoding="utf-8")
    before = _snapshot(repo)
    for campaign_id in (FOUNDING_ID, "cantho-2021"):
        done = thidua("new-campaign", campaign_id, "--from", FOUNDING_ID, cwd=repo)
        assert done.returncode == 1
        assert "không ghi đè" in done.stderr and "Traceback" not in done.stderr
    assert _snapshot(repo) == before


@pytest.mark.parametrize(
    "args",
    [
        ["Cantho-2021"], ["../x-2021"], ["a_b-2021"], ["x--2021"], ["x" * 61 + "-2021"],
        ["cantho"],  # no year in the id and no --year
        ["cantho-2021", "--from", "khong-co"],  # no such campaign
        ["cantho-2021", "--from", "../site_config/x"],
        ["cantho-2021", "--preset", "khong-co"],
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_a_sentence_and_writes_nothing(
    repo: Path, args: list[str]
) -> None:
    before = _snapshot(repo)
    done = thidua("new-campaign", *args, cwd=repo)
    assert done.returncode == 1, done.stdout
    assert done.stderr.strip() and "Traceback" not in done.stderr
    assert _snapshot(repo) == before


def test_a_broken_source_is_reported_and_nothing_is_written(repo: Path) -> None:
    source = repo / "site_config" / f"{FOUNDING_ID}.yml"
    source.write_text(
        source.read_text(encoding="utf-8").replace("end: 30/11/2019", "end: 31/11/2019"),
        encoding="utf-8",
    )
    before = _snapshot(repo)
    done = thidua("new-campaign", "vpubnd-cantho-2020", "--from", FOUNDING_ID, cwd=repo)
    assert done.returncode == 1
    assert "config-date-impossible" in done.stderr and "Traceback" not in done.stderr
    assert _snapshot(repo) == before


def test_a_leap_day_moves_to_the_last_day_of_february() -> None:
    assert _shifted(dt.date(2020, 2, 29), 1) == dt.date(2021, 2, 28)
    assert _shifted(dt.date(2019, 12, 10), 1) == dt.date(2020, 12, 10)


def _moved_2020(campaigns: frozenset[str]) -> tuple[dict[str, object], list[str], str]:
    from generator.tools.move import Move, moved_text

    source = (ROOT / "site_config" / "cantho-2020.yml").read_text(encoding="utf-8")
    move = Move("cantho-2020", "cantho-2021", 1, dt.date(2020, 11, 30), campaigns)
    text, review = moved_text(source, move)
    return yaml.safe_load(text), review, text


def test_a_copy_of_the_city_campaign_moves_its_series_and_references() -> None:
    """The 2020 city campaign (keys of other branches, read as YAML only) copied to 2021:
    the series moves on, and its rules reading 2019 now read 2020."""
    data, review, text = _moved_2020(frozenset({"cantho-2019", "cantho-2020"}))
    old = yaml.safe_load((ROOT / "site_config" / "cantho-2020.yml").read_text(encoding="utf-8"))
    assert (data["id"], data["data_dir"], data["path"]) == (
        "cantho-2021", "data/cantho-2021", "thanh-pho-2021"
    )  # fmt: skip
    assert (data["current"], data["previous"]) == (False, "cantho-2020")
    cn3, cn4 = data["criteria"]["individual"][2:4]
    assert cn3["predicate"]["parts"][1]["campaigns"] == ["cantho-2020"]
    assert cn4["predicate"]["campaigns"] == ["cantho-2020"]
    assert cn4["predicate"]["where"] == old["criteria"]["individual"][3]["predicate"]["where"]
    assert data["period"] == {
        "start": "02/01/2021",
        "end_as_written": "30/11/2021",
        "end": "30/11/2021",
    }
    assert data["deadlines"][0]["date"] == "10/12/2021"
    assert data["campaign"]["legal_basis"] == old["campaign"]["legal_basis"]
    assert data["awards"] == old["awards"] and data["quotas"] == old["quotas"]
    assert review == []
    assert "# The campaign before this one in the series" in text


def test_a_reference_to_a_campaign_the_repository_lacks_is_kept_and_flagged() -> None:
    data, review, _ = _moved_2020(frozenset({"cantho-2019"}))
    assert data["criteria"]["individual"][3]["predicate"]["campaigns"] == ["cantho-2019"]
    assert len(review) == 2 and all("cantho-2019" in note for note in review)


def test_next_year_of_the_city_campaign_loads_and_its_blank_folder_validates(repo: Path) -> None:
    for name in ("cantho-2019.yml", "cantho-2020.yml"):
        shutil.copy(ROOT / "site_config" / name, repo / "site_config" / name)
    for name in ("cantho-2019", "cantho-2020"):
        shutil.copytree(ROOT / "data" / name, repo / "data" / name)
    done = thidua("new-campaign", "cantho-2021", "--from", "cantho-2020", cwd=repo)
    assert done.returncode == 0, done.stderr
    config, issues = load_config(repo / "site_config" / "cantho-2021.yml")
    assert issues == [] and config is not None
    series = (config.path, config.current, config.previous)
    assert series == ("thanh-pho-2021", False, "cantho-2020")
    assert "current: true" in done.stdout
    code, report = _validate(repo, "cantho-2021")
    assert code == 0 and report["issues"] == []
    units = openpyxl.load_workbook(repo / "data" / "cantho-2021" / "co-quan.xlsx")["Cơ quan"]
    assert len(list(units.iter_rows(min_row=2))) == 8
