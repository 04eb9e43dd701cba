"""`thidua documents` end to end: the files it writes (twice, byte for byte the same), where
(outside the site, ignored by git), that publishing refuses them wherever they land, that the
workflow never uploads them, and how it fails (no config section, a wrong award id, bad data)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.documents import names
from generator.publish.allowlist import disallowed, is_allowed
from generator.publish.checks import CheckFailed, check_built_site
from tests.builders.documents import CONFIG, ROOT

THIDUA = [sys.executable, "-m", "generator"]


def thidua_documents(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*THIDUA, "documents", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first, second = (tmp_path_factory.mktemp(n) / "ho-so" for n in ("a", "b"))
    for out in (first, second):
        done = thidua_documents("--out", str(out), "--config", str(CONFIG))
        assert done.returncode == 0, done.stdout + done.stderr
    return first, second


def test_it_writes_the_four_documents(two_runs: tuple[Path, Path]) -> None:
    first, _ = two_runs
    assert sorted(p.name for p in first.iterdir()) == sorted(names.ALL)
    for path in first.iterdir():
        assert path.stat().st_size > 5000, path.name


def test_same_bytes_every_build(two_runs: tuple[Path, Path]) -> None:
    first, second = two_runs
    for name in names.ALL:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_fixed_zip_entry_times_and_order(two_runs: tuple[Path, Path]) -> None:
    import zipfile

    for name in (names.COUNCIL_LIST, names.DECISION, names.PROPOSAL):
        with zipfile.ZipFile(two_runs[0] / name) as parts:
            entries = parts.infolist()
            assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}, name
            listed = [e.filename for e in entries]
            assert listed[0] == "[Content_Types].xml" and listed[1:] == sorted(listed[1:])


def test_docx_metadata_comes_from_the_data_not_the_clock(two_runs: tuple[Path, Path]) -> None:
    import docx

    props = docx.Document(str(two_runs[0] / names.DECISION)).core_properties
    # the newest date of the data that decides the documents: the Council's decision of
    # 14/01/2020 (the Tờ trình of the Bằng khen proposals)
    assert props.created.date().isoformat() == props.modified.date().isoformat() == "2020-01-14"


def test_the_default_folder_is_outside_the_site_and_ignored_by_git() -> None:
    assert names.DEFAULT_OUT.parts[0] != "site"
    probe = names.DEFAULT_OUT / names.DECISION
    done = subprocess.run(
        ["git", "check-ignore", "-q", str(probe)], cwd=ROOT, capture_output=True, check=False
    )
    assert done.returncode == 0, f"{probe} is not ignored by git"


@pytest.mark.parametrize("name", names.ALL)
def test_the_allow_list_refuses_a_document_anywhere(name: str) -> None:
    for where in ("", "du-lieu-mo/", "assets/", "ho-so/"):
        assert not is_allowed(where + name), where + name
    assert not is_allowed("ho-so/index.html") and not is_allowed("x/ho-so/a.css")
    assert is_allowed("du-lieu-mo/du-lieu.xlsx")  # the open data is still published


def test_a_built_site_holding_a_document_is_refused(
    tmp_path: Path, two_runs: tuple[Path, Path]
) -> None:
    site = tmp_path / "site"
    (site / "du-lieu-mo").mkdir(parents=True)
    (site / "index.html").write_text("<html></html>", encoding="utf-8")
    shutil.copy(two_runs[0] / names.COUNCIL_LIST, site / "du-lieu-mo" / names.COUNCIL_LIST)
    assert disallowed(["du-lieu-mo/" + names.COUNCIL_LIST]) == ["du-lieu-mo/" + names.COUNCIL_LIST]
    with pytest.raises(CheckFailed, match=names.COUNCIL_LIST):
        check_built_site(site)


def test_the_workflow_never_makes_or_uploads_the_documents() -> None:
    workflow = ROOT / ".github" / "workflows" / "publish.yml"
    text = workflow.read_text(encoding="utf-8")
    assert "thidua documents" not in text and "ho-so" not in text
    steps = yaml.safe_load(text)["jobs"]["build"]["steps"]
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload")]
    assert [s["with"]["path"] for s in uploads] == ["site"]


def _config_without_documents(tmp_path: Path) -> Path:
    text = CONFIG.read_text(encoding="utf-8")
    folder = tmp_path / "site_config"
    shutil.copytree(CONFIG.parent / "contracts", folder / "contracts")
    config = folder / "campaign.yml"
    config.write_text(text[: text.index("\ndocuments:")] + "\n", encoding="utf-8")
    return config


def test_no_documents_section_is_a_clear_refusal(tmp_path: Path) -> None:
    config = _config_without_documents(tmp_path)
    data = ROOT / "data" / "vpubnd-cantho-2019"
    done = thidua_documents(
        "--config", str(config), "--data", str(data), "--out", str(tmp_path / "o")
    )
    assert done.returncode == 1
    assert "chưa có mục documents" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "o").exists()


def test_an_unknown_award_id_names_the_key(tmp_path: Path) -> None:
    folder = tmp_path / "site_config"
    shutil.copytree(CONFIG.parent / "contracts", folder / "contracts")
    config = folder / "campaign.yml"
    text = CONFIG.read_text(encoding="utf-8")
    config.write_text(
        text.replace("    award: bang-khen\n", "    award: huan-chuong\n"), encoding="utf-8"
    )
    data = ROOT / "data" / "vpubnd-cantho-2019"
    done = thidua_documents(
        "--config", str(config), "--data", str(data), "--out", str(tmp_path / "o")
    )
    assert done.returncode == 1
    assert "documents.proposal.award" in done.stderr and "huan-chuong" in done.stderr


def test_a_config_error_in_documents_is_located(tmp_path: Path) -> None:
    from generator.judge.config import load_config

    folder = tmp_path / "site_config"
    shutil.copytree(CONFIG.parent / "contracts", folder / "contracts")
    config = folder / "campaign.yml"
    text = CONFIG.read_text(encoding="utf-8")
    config.write_text(text.replace("number: …/QĐ-VPUB", "number: 12/QĐ-VPUB"), encoding="utf-8")
    loaded, issues = load_config(config)
    assert loaded is None and len(issues) == 1
    line = next(n for n, t in enumerate(config.read_text().splitlines(), 1) if "12/QĐ-VPUB" in t)
    assert issues[0].row is not None and abs(issues[0].row - line) <= 2
    assert issues[0].column is not None and issues[0].column.startswith("documents.decision")


def test_every_documents_config_field_is_documented() -> None:
    from pydantic import BaseModel

    from generator.judge import documents_config

    documented = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
    checked = 0
    for name in dir(documents_config):
        model = getattr(documents_config, name)
        if (
            isinstance(model, type)
            and issubclass(model, BaseModel)
            and model.__module__ == documents_config.__name__
        ):
            for field, info in model.model_fields.items():
                assert info.description, f"{name}.{field} has no description"
                assert re.search(rf"`documents\.[\w.\[\]]*{field}`", documented), f"{name}.{field}"
                checked += 1
    assert checked > 40
