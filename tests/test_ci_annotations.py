"""CI annotations (`thidua validate --format github`) carry no value (issue 8, must show 4).

CI logs may be public. An annotation is an allow-list: file, line, code, contract sheet,
column letter, contract header, the code's fixed description (generator/cli/catalogue.py) and a
pointer to `thidua validate`. Every corpus case, built on a campaign with a unique marker in
every internal column and register (tests/builders/markers.py) and a Council file through
every Council path, plus a few hostile files, goes through `--format github`: no marker, no
issue value, no header text read from a file, no discipline form may appear, in NFC, NFD or
folded without diacritics. Text and JSON (for staff, run locally) stay complete.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cli.catalogue import CATALOGUE, DETAILS
from generator.cli.report import as_github, as_json, as_text
from generator.judge.pipeline import run
from generator.read.issues import Issue
from generator.read.load import Loader
from tests.builders import corpus
from tests.builders.founding import ALL_SHEETS, DISCIPLINE_FORMS
from tests.builders.markers import (
    CODES,
    EXTRA_SELF_REPORT,
    KL_BAD_FORM,
    marked_mini,
    markers,
    write_marked_council,
)

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"
ANNOTATION = re.compile(
    r"^::(error|warning) (?:file=([^,:]+)(?:,line=(\d+))?,)?title=([a-z0-9-]+)::(.+)$"
)
CONTRACT_HEADERS = {c.header for s in ALL_SHEETS for c in s.columns}
HOSTILE = ("build_csv_as_xlsx", "build_truncated_xlsx", "build_entity_bomb_xlsx")


@pytest.fixture(scope="module")
def loader() -> Iterator[Loader]:
    with Loader() as shared:
        yield shared


def fold(text: str) -> str:
    """Lower case without diacritics (đ → d)."""
    bare = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(ch for ch in bare if not unicodedata.combining(ch))


def leaks(secret: str, text: str) -> bool:
    """``secret`` in ``text`` as typed, in NFC or NFD, case-folded, or without diacritics."""
    if not secret.strip():
        return False
    forms = {unicodedata.normalize(f, secret) for f in ("NFC", "NFD")}
    nfc = unicodedata.normalize("NFC", text)
    if any(f in text or f in nfc for f in forms):
        return True
    return secret.casefold() in nfc.casefold() or fold(secret) in fold(text)


def read_only_secrets(issues: list[Issue]) -> list[str]:
    """What the issues quote from the files: values, and header texts outside the contract."""
    found = [i.value for i in issues if i.value and len(i.value.strip()) >= 3]
    found += [i.header for i in issues if i.header and i.header not in CONTRACT_HEADERS]
    return [s for s in found if s]


def check_annotations(issues: list[Issue], out: str) -> None:
    lines = out.splitlines()
    assert len(lines) == len(issues)
    parsed = [ANNOTATION.match(line) for line in lines]
    assert all(parsed), [line for line, m in zip(lines, parsed, strict=True) if not m]
    got = sorted((m.group(4), m.group(2), m.group(3)) for m in parsed if m)
    want = sorted(
        (i.code, ("data/" + i.file) if i.file else None, str(i.row) if i.row and i.file else None)
        for i in issues
    )
    assert got == want  # every annotation still points at its file and line, with its code
    for m in parsed:
        assert m is not None and DETAILS in m.group(5)
        assert CATALOGUE[m.group(4)][1] in m.group(5)


def variable_part(out: str) -> str:
    """The annotations without their fixed texts (descriptions, the pointer to the details),
    where a value could only hide: a value may be a common word a description also uses."""
    for _, text in CATALOGUE.values():
        out = out.replace(text, "")
    return out.replace(DETAILS, "")


def assert_nothing_leaks(issues: list[Issue], out: str) -> None:
    assert [s for s in markers() if leaks(s, out)] == []
    assert [s for s in read_only_secrets(issues) if leaks(s, variable_part(out))] == []
    core = {m.group(0) for s in markers() if (m := re.search(r"QZX\w+", s))}
    assert not [c for c in core if leaks(c, out)]
    assert not [f for f in DISCIPLINE_FORMS if leaks(f, out)]
    assert not [i.message for i in issues if leaks(i.message, out)]


def marked_case(case: str | None, dest: Path) -> Path:
    """A corpus case built on the marked campaign (None: the marked campaign unbroken)."""
    data = marked_mini().write(dest) if case is None else corpus.CASES[case](dest, marked_mini)
    write_marked_council(data)
    return data


@pytest.mark.parametrize("case", sorted(corpus.CASES))
def test_no_value_in_any_annotation_of_any_corpus_case(case: str, tmp_path: Path, loader: Loader):
    result = run(CONFIG, marked_case(case, tmp_path / "data"), loader)
    assert result.issues
    out = as_github(result.issues, "data/", result.config.data_contract)
    check_annotations(result.issues, out)
    assert_nothing_leaks(result.issues, out)


@pytest.mark.parametrize("build", HOSTILE)
def test_no_value_in_the_annotations_of_a_hostile_file(build: str, tmp_path: Path, loader):
    from tests.builders import hostile

    data = marked_case(None, tmp_path / "data")
    (tmp_path / "hostile").mkdir()
    getattr(hostile, build)(tmp_path / "hostile").replace(data / "de-nghi" / "B.xlsx")
    result = run(CONFIG, data, loader)
    out = as_github(result.issues, "data/", result.config.data_contract)
    check_annotations(result.issues, out)
    assert_nothing_leaks(result.issues, out)


def test_the_marked_campaign_reaches_every_kind_of_path(tmp_path: Path, loader: Loader):
    """The markers are in the issues staff read (text, json): the test above is not empty."""
    result = run(CONFIG, marked_case(None, tmp_path / "data"), loader)
    codes = {i.code for i in result.issues}
    assert codes >= {
        "value-not-allowed", "date-invalid", "unit-mismatch", "council-unknown-nominee",
        "council-duplicate", "council-differs", "council-late", "discipline-inconsistent",
    }  # fmt: skip
    staff_view = as_json(result.issues, [], []) + as_text(result.issues, [])
    for secret in (EXTRA_SELF_REPORT, KL_BAD_FORM, CODES["A2"], "QZXHD8113"):
        assert secret in staff_view, secret
    mismatch = next(i for i in result.issues if i.code == "unit-mismatch")
    assert CODES["A2"] in mismatch.message  # the case the issue reported, still told to staff


def test_validate_github_on_the_marked_campaign(tmp_path: Path):
    """The command CI runs, through the package's entry point."""
    data = marked_case("duplicate_rows", tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--data", "data", "--config",
         str(CONFIG), "--format", "github"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    result = run(CONFIG, data)
    check_annotations(result.issues, done.stdout.strip())
    assert_nothing_leaks(result.issues, done.stdout)
    line = next(x for x in done.stdout.splitlines() if "title=unit-mismatch" in x)
    assert line.startswith("::error file=data/hoi-dong.xlsx,line=4,title=unit-mismatch::")
    assert "hoi-dong.xlsx › Kết quả › dòng 4 › cột B (Mã đơn vị): [unit-mismatch] " in line


def test_an_unknown_header_is_shown_by_its_letter_only(tmp_path: Path, loader: Loader):
    result = run(CONFIG, marked_case("headers_missing_duplicated_unknown", tmp_path), loader)
    out = as_github(result.issues, "data/", result.config.data_contract)
    unknown = next(x for x in out.splitlines() if "title=header-unknown" in x)
    assert "sang-kien.xlsx › Sáng kiến › dòng 1 › cột J: [header-unknown]" in unknown
    assert "Ghi chú thêm" not in out and "Ho va ten" not in out


def test_the_catalogue_matches_the_documented_codes():
    doc = (ROOT / "docs" / "issue-codes.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (error|warning) \|", doc, flags=re.M))
    assert {code: severity for code, (severity, _) in CATALOGUE.items()} == documented


def test_catalogue_descriptions_are_fixed_vietnamese_sentences():
    for code, (_, text) in CATALOGUE.items():
        assert text.endswith(".") and "“" not in text and "{" not in text, code
        assert not re.search(r"\d{2,}", text.replace("97-2003", "")), code


def test_json_and_text_stay_complete(tmp_path: Path, loader: Loader):
    result = run(CONFIG, marked_case("wrong_types", tmp_path / "data"), loader)
    payload = json.loads(as_json(result.issues, result.dataset.counts, result.dataset.rejected))
    assert [i["message"] for i in payload["issues"]] == [i.message for i in _sorted(result)]
    assert "mười" in as_text(result.issues, result.dataset.counts)


def _sorted(result) -> list[Issue]:
    from generator.read.issues import sort_issues

    return sort_issues(result.issues)
