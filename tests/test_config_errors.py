"""Config errors as precise as data errors: file, dotted key, line and column, all at once,
before any spreadsheet is read (issue 11, item 9).

The campaign files are written here, small and complete; ``BAD`` holds thirteen problems of
eleven kinds at once, and the test lists every one by hand as ``(code, key, line, column)``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli.report import as_github, as_json, as_text, public_text
from generator.judge.config import load_config
from generator.judge.pipeline import run
from tests.builders.cli import thidua_command
from tests.safety.sites import CONFIG

CONTRACTS = CONFIG.parent / "contracts"

GOOD = """\
id: thu-nghiem
data_dir: data/thu-nghiem
site:
  title: Thử nghiệm
  office: Văn phòng thử nghiệm
  description: Một đợt thi đua để thử.
  licence: CC BY 4.0
  licence_url: https://creativecommons.org/licenses/by/4.0/
campaign:
  name: Thi đua thử nghiệm
  issuer: Văn phòng thử nghiệm
  document: Kế hoạch thử nghiệm
  document_number: 1/KH
  document_date: 01/02/2019
period:
  start: 01/03/2019
  end_as_written: 31/11/2019
  end: 30/11/2019
deadlines:
  - {id: dossier, label: Nộp hồ sơ, date: 10/12/2019}
  - {id: city, label: Gửi thành phố, date: 20/01/2020}
fields:
  - {id: 1, name: Thủ tục, register_value: Cải cách TTHC, description: Thủ tục hành chính.}
criteria:
  collective:
    - id: TT1
      label: Xuất sắc
      meaning: Xếp loại xuất sắc.
      predicate: {type: rating_is, rating: HTXSNV}
  individual:
    - id: CN1
      label: Sáng kiến
      meaning: Có sáng kiến.
      predicate:
        type: all_of
        parts:
          - {type: rating_is, rating: HTXSNV}
          - {type: recognised_initiatives, scope: author, recognised_by: dossier}
dossier:
  deadline: dossier
  collective: []
  individual: []
  department: []
quotas:
  collective: {count: 1, per: office}
  individual: {count: 2, per: department}
ranking:
  collective: []
  individual: [vote_share]
awards:
  - {id: gk, name: Giấy khen, issuer: Chánh Văn phòng}
  - {id: bk, name: Bằng khen, issuer: Chủ tịch, proposal: true, deadline: city}
contract: {preset: cchc-vpubnd-2019}
"""

BAD = """\
id: thu-nghiem
data_dir: data/thu-nghiem
site:
  title: Thử nghiệm
  office: Văn phòng thử nghiệm
  description: Một đợt thi đua để thử.
  sample_data: maybe
  colour: red
  licence: CC BY 4.0
  licence_url: https://creativecommons.org/licenses/by/4.0/
campaign:
  name: Thi đua thử nghiệm
  document: Kế hoạch thử nghiệm
  document_number: 1/KH
  document_date: 29/02/2019
period:
  start: 01/03/2019
  end_as_written: 31/11/2019
  end: 28/02/2019
deadlines:
  - {id: dossier, label: Nộp hồ sơ, date: 10/12/2019}
  - {id: city, label: Gửi thành phố, date: 31/11/2019}
fields:
  - {id: 1, name: Thủ tục, description: Thủ tục hành chính.}
criteria:
  collective:
    - id: TT1
      label: Xuất sắc
      label: Rất xuất sắc
      meaning: Xếp loại xuất sắc.
      predicate: {type: rating_is, rating: HTXSNV, colour: red}
  individual:
    - id: TT1
      label: Sáng kiến
      meaning: Có sáng kiến.
      predicate:
        type: all_of
        parts:
          - {type: rating_is, rating: HTXSNV}
          - {type: recognised_initiatives, scope: author, recognised_by: hom-qua}
dossier:
  deadline: dossier
  collective: []
  individual: []
  department: []
quotas:
  collective: {count: 0, per: office}
  individual: {count: 2, per: department}
ranking:
  collective: []
  individual: [vote_share]
awards:
  - {id: gk, name: Giấy khen, issuer: Chánh Văn phòng}
  - {id: gk, name: Bằng khen, issuer: Chủ tịch, proposal: true, deadline: city}
contract: {preset: cchc-vpubnd-2019}
"""

# (code, dotted key, line, column), in file order: every problem of BAD, and nothing else.
BAD_ISSUES = [
    ("config-invalid", "site.sample_data", 7, 16),
    ("config-unknown-key", "site.colour", 8, 3),
    ("config-missing-key", "campaign.issuer", 11, 1),  # the mapping that lacks it
    ("config-date-impossible", "campaign.document_date", 15, 18),
    ("config-date-order", "period.end", 19, 8),
    ("config-date-impossible", "deadlines.1.date", 22, 44),
    ("config-missing-key", "fields.0.register_value", 24, 5),  # the list item
    ("config-duplicate-key", "criteria.collective.0.label", 29, 7),
    ("config-unknown-key", "criteria.collective.0.predicate.colour", 31, 52),
    ("config-duplicate-id", "criteria.individual.0.id", 33, 11),
    ("config-unknown-reference", "criteria.individual.0.predicate.parts.1.recognised_by", 40, 74),
    ("config-quota-impossible", "quotas.collective.count", 47, 23),
    ("config-duplicate-id", "awards.1.id", 54, 10),
]


def write(tmp_path: Path, text: str, name: str = "campaign.yml") -> Path:
    shutil.copytree(CONTRACTS, tmp_path / "contracts", dirs_exist_ok=True)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def located(issues: list) -> list[tuple[str, str | None, int | None, int | None]]:
    return [(i.code, i.column, i.row, i.text_column) for i in issues]


def test_the_small_campaign_is_valid(tmp_path: Path) -> None:
    config, issues = load_config(write(tmp_path, GOOD))
    assert issues == [] and config is not None
    assert config.criteria.individual[0].predicate.parts[1].recognised_by == "dossier"  # type: ignore[union-attr]


def test_every_problem_at_once_with_key_line_and_column(tmp_path: Path) -> None:
    config, issues = load_config(write(tmp_path, BAD))
    assert config is None
    assert located(issues) == BAD_ISSUES
    for issue in issues:
        assert issue.file == str(tmp_path / "campaign.yml") and issue.severity == "error"
        line, key = issue.row, issue.column
        assert issue.message.startswith(f"Tệp cấu hình campaign.yml, dòng {line}, cột ")
        assert issue.message_en.startswith(f"Config campaign.yml, line {line}, column ")
        assert f"khóa {key}: " in issue.message and f"key {key}: " in issue.message_en


def test_each_message_says_what_and_why(tmp_path: Path) -> None:
    _, issues = load_config(write(tmp_path, BAD))
    said = {(i.code, i.column): (i.message, i.message_en) for i in issues}
    vi, en = said[("config-unknown-key", "site.colour")]
    allowed = "title, office, description, sample_data, licence, licence_url, summary_above"
    assert vi.endswith(f"các khóa được phép: {allowed}") and en.endswith(allowed)
    vi, _ = said[("config-unknown-key", "criteria.collective.0.predicate.colour")]
    assert vi.endswith("các khóa được phép: type, rating")  # the union member's own keys
    vi, en = said[("config-date-impossible", "campaign.document_date")]
    assert "năm 2019 không phải năm nhuận: tháng 2 chỉ có 28 ngày" in vi
    assert "2019 is not a leap year" in en
    vi, en = said[("config-date-impossible", "deadlines.1.date")]
    assert "tháng 11 năm 2019 chỉ có 30 ngày" in vi and "month 11 of 2019 has 30 days" in en
    _, en = said[("config-duplicate-id", "criteria.individual.0.id")]
    assert "'TT1' is already used by criteria.collective.0 (line 27)" in en
    _, en = said[("config-duplicate-key", "criteria.collective.0.label")]
    assert "first on line 28" in en
    _, en = said[("config-unknown-reference", "criteria.individual.0.predicate.parts.1.recognised_by")]  # fmt: skip
    assert "no deadline has id 'hom-qua' (deadlines: dossier, city)" in en
    _, en = said[("config-quota-impossible", "quotas.collective.count")]
    assert "a quota of 0 can never be met" in en


CASES = [
    ("  document_date: 01/02/2019", "  document_date: 13/13/2019", ("config-date-impossible", "campaign.document_date", 14, 18)),
    ("  document_date: 01/02/2019", "  document_date: 2019-02-01", ("config-invalid", "campaign.document_date", 14, 18)),
    ("  document_date: 01/02/2019", "  document_date: 2019-02-31", ("config-invalid", "campaign.document_date", 14, 18)),
    ("{type: rating_is, rating: HTXSNV}\n  individual", "{rating: HTXSNV}\n  individual", ("config-missing-key", "criteria.collective.0.predicate.type", 29, 7)),
    ("- {type: rating_is, rating: HTXSNV}", "- {type: rated, rating: HTXSNV}", ("config-invalid", "criteria.individual.0.predicate.parts.0.type", 37, 20)),
    ("  individual: {count: 2,", "  individual: {count: -1,", ("config-quota-impossible", "quotas.individual.count", 46, 23)),
    ("  - {id: bk,", "  - {id: dossier,", None),  # ids are per list: an award may share a deadline's id
    ("  - {id: city,", "  - {id: dossier,", [("config-duplicate-id", "deadlines.1.id", 21, 10), ("config-unknown-reference", "awards.1.deadline", 52, 75)]),
    ("  start: 01/03/2019", "  start: 30/11/2019", None),  # one day long is a period
    ("  start: 01/03/2019", "  start: 01/12/2019", ("config-date-order", "period.end", 18, 8)),
    ("  deadline: dossier", "  deadline: ''", ("config-unknown-reference", "dossier.deadline", 40, 13)),
    ("ranking:\n  collective: []", "ranking:\n  collective: 3", ("config-invalid", "ranking.collective", 48, 15)),
    ("id: thu-nghiem", "id: Thu Nghiem", ("config-invalid", "id", 1, 5)),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_one_problem_one_issue(tmp_path: Path, old: str, new: str, expected: object) -> None:
    assert old in GOOD
    config, issues = load_config(write(tmp_path, GOOD.replace(old, new, 1)))
    assert located(issues) == (
        expected if isinstance(expected, list) else [expected] if expected else []
    )
    assert (config is None) == bool(expected)


def test_an_iso_date_is_text_and_refused_with_the_format(tmp_path: Path) -> None:
    """YAML's own timestamps are off: 2019-02-31 is not a loader crash but a located error."""
    _, issues = load_config(write(tmp_path, GOOD.replace("01/02/2019", "2019-02-31", 1)))
    assert "không phải một ngày viết dd/mm/yyyy" in issues[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: x\nsite: {title: [a, b}\n", ("config-unreadable", None, 2, 20)),
        ("id: x\n  data_dir: y\n", ("config-unreadable", None, 2, 11)),
        ("id: x\n---\nid: y\n", ("config-unreadable", None, 2, 1)),
        ("", ("config-invalid", None, 1, 1)),
        ("- id\n", ("config-invalid", None, 1, 1)),
    ],
)
def test_a_file_that_is_no_campaign_mapping(tmp_path: Path, text: str, expected: tuple) -> None:
    config, issues = load_config(write(tmp_path, text))
    assert config is None and located(issues) == [expected]
    assert issues[0].message and issues[0].message_en


def test_annotations_carry_line_column_and_key_only(tmp_path: Path) -> None:
    hostile = GOOD.replace("  title: Thử nghiệm", "  title: Thử nghiệm\n  '::x,y%0A': 1", 1)
    _, issues = load_config(write(tmp_path, hostile, "c.yml"))
    assert located(issues) == [("config-unknown-key", "site.::x,y%0A", 5, 3)]
    (line,) = as_github(issues, "data/", None).splitlines()
    path = str(tmp_path / "c.yml").replace(":", "%3A").replace(",", "%2C")
    assert line.startswith(f"::error file={path},line=5,col=3,title=config-unknown-key::")
    assert "::x" not in line.split("::", 2)[2] and "› khóa" not in line  # the key is not plain
    _, issues = load_config(write(tmp_path, BAD, "c.yml"))
    texts = [public_text(i, None) for i in issues]
    assert texts[1] == (
        f"{tmp_path / 'c.yml'} › dòng 8, cột 3 › khóa site.colour: [config-unknown-key] "
        "Tệp cấu hình có khóa không được phép ở vị trí này. " + texts[1].split("này. ", 1)[1]
    )
    for text, issue in zip(texts, issues, strict=True):
        assert issue.message not in text
        for value in ("maybe", "29/02/2019", "28/02/2019", "31/11/2019", "hom-qua", "gk"):
            assert value not in text


def test_text_and_json_list_every_problem(tmp_path: Path) -> None:
    _, issues = load_config(write(tmp_path, BAD))
    text = as_text(issues, [])
    assert text.count("[LỖI] config-") == len(BAD_ISSUES)
    assert "campaign.yml › dòng 19, cột 8 › khóa period.end" in text
    payload = json.loads(as_json(issues, [], []))
    assert [
        (i["code"], i["column"], i["row"], i["text_column"]) for i in payload["issues"]
    ] == BAD_ISSUES


# --- before any spreadsheet --------------------------------------------------------------


@pytest.fixture
def hostile_data(tmp_path: Path) -> Path:
    """A campaign folder whose every file is garbage: reading any of them gives an error."""
    data = tmp_path / "data"
    (data / "de-nghi").mkdir(parents=True)
    for name in ("don-vi.xlsx", "sang-kien.xlsx", "ky-luat.xlsx", "de-nghi/A.xlsx"):
        (data / name).write_bytes(b"PK\x03\x04 not a workbook " * 64)
    return data


# A file pydantic accepts whose cross-field check fails must stop the core as well.
ONLY_CROSS_FIELD = GOOD.replace("  - {id: bk,", "  - {id: gk,")


@pytest.mark.parametrize(
    ("text", "expected"),
    [(BAD, BAD_ISSUES), (ONLY_CROSS_FIELD, [("config-duplicate-id", "awards.1.id", 52, 10)])],
)
def test_no_spreadsheet_is_read_while_the_config_is_bad(
    tmp_path: Path, hostile_data: Path, text: str, expected: list[tuple[str, str, int, int]]
) -> None:
    control = run(write(tmp_path, GOOD, "good.yml"), hostile_data)
    assert "file-unreadable" in {i.code for i in control.issues}  # the data would be read
    result = run(write(tmp_path, text), hostile_data)
    assert located(result.issues) == expected  # config problems, and nothing else
    assert result.config is None and result.dataset.counts == [] and not result.ok


def thidua(*args: str, cwd: Path, ci: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": "true"} if ci else {})
    return subprocess.run(
        [*thidua_command(), *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env
    )


def test_validate_stops_at_the_config_in_every_format(tmp_path: Path, hostile_data: Path) -> None:
    write(tmp_path, BAD)
    base = ("validate", "--config", "campaign.yml", "--data", "data", "--format")
    text = thidua(*base, "text", cwd=tmp_path)
    assert text.returncode == 1, text.stderr
    assert text.stdout.count("[LỖI] config-") == len(BAD_ISSUES) and "file-" not in text.stdout
    assert "campaign.yml › dòng 40, cột 74 › khóa criteria.individual.0.predicate.parts.1.recognised_by" in text.stdout  # fmt: skip
    done = thidua(*base, "json", cwd=tmp_path)
    assert done.returncode == 1
    issues = json.loads(done.stdout)["issues"]
    assert [(i["code"], i["column"], i["row"], i["text_column"]) for i in issues] == BAD_ISSUES
    assert {i["file"] for i in issues} == {"campaign.yml"}
    github = thidua(*base, "github", cwd=tmp_path)
    assert github.returncode == 1
    lines = github.stdout.strip().splitlines()
    assert [line.split("::")[1] for line in lines] == [
        f"error file=campaign.yml,line={line},col={col},title={code}"
        for code, _, line, col in BAD_ISSUES
    ]
    assert "khóa period.end:" in lines[4] and "28/02/2019" not in github.stdout


@pytest.mark.parametrize("ci", [False, True])
def test_build_stops_at_the_config(tmp_path: Path, hostile_data: Path, ci: bool) -> None:
    write(tmp_path, BAD)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("old", encoding="utf-8")
    done = thidua(
        "build", "--config", "campaign.yml", "--data", "data", "--out", "site",
        "--mkdocs-file", str(Path(__file__).resolve().parent.parent / "mkdocs.yml"),
        cwd=tmp_path, ci=ci,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.count("config-") == len(BAD_ISSUES) and "file-unreadable" not in done.stderr
    assert "dòng 47, cột 23 › khóa quotas.collective.count" in done.stderr
    assert ("hom-qua" in done.stderr) is not ci  # a public CI log gets the fixed sentences only
    assert "tệp cấu hình còn lỗi, chưa đọc tệp dữ liệu nào" in done.stderr
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize("command", [("explain", "A1"), ("templates", "--out", "mau")])
def test_explain_and_templates_list_the_config_problems(
    tmp_path: Path, hostile_data: Path, command: tuple[str, ...]
) -> None:
    write(tmp_path, BAD)
    done = thidua(*command, "--config", "campaign.yml", "--data", "data", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.count("[LỖI] config-") == len(BAD_ISSUES)
    assert "file-" not in done.stderr and not (tmp_path / "mau").exists()


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "campaign.yml"
    path.write_bytes(GOOD.encode("utf-16"))
    config, issues = load_config(path)
    assert config is None and located(issues) == [("config-unreadable", None, None, None)]
    assert issues[0].message.startswith("Tệp cấu hình campaign.yml: không đọc được YAML")
