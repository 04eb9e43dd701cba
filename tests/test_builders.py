"""Builder-independent publishing: a staging tree, a builder as a setting, passes on the output.

The safety and Vietnamese passes (Content-Security-Policy, folded search, offline links) and
the allow-list run on what the builder wrote, not inside it: the staging config has no
``thidua`` plugin, so a builder that runs no plugin at all gets the same protection. mkdocs
(the default) and ProperDocs both build the sample; their outputs differ only where listed
in ``BUILDER_DIFFERENCES``.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from generator.publish import csp
from generator.publish.build import BuildFailed, build_into, build_site
from generator.publish.builders import BUILDERS, BuilderFailed, builder_named, run_builder
from generator.publish.checks import check_built_site
from generator.publish.config_file import read_project_config
from generator.publish.passes import Passes, apply_passes
from generator.publish.staging import write_staging_tree
from generator.read.dates import builder_epoch
from generator.site.bundle import SiteBundle, make_bundle
from tests.safety.sites import CONFIG, ROOT, files_of, project_copy

MKDOCS_YML = ROOT / "mkdocs.yml"

# Every line on which the builders' outputs may differ, and why. Anything else is a failure.
BUILDER_DIFFERENCES = {
    "each builder names itself in the generator meta tag of every page": re.compile(
        r'^\s*<meta name="generator" content="mkdocs-(1\.6\.1|ProperDocs 1\.6\.7), '
        r'mkdocs-material-9\.8\.1">$'
    ),
}


@pytest.fixture(scope="module")
def bundle() -> SiteBundle:
    result = make_bundle(CONFIG, None)
    assert result.ok
    return result


@pytest.fixture(scope="module")
def sites(bundle: SiteBundle, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample built by every builder through `build_site` (stage, build, pass, check)."""
    tmp = tmp_path_factory.mktemp("builders")
    built = {}
    for name in sorted(BUILDERS):
        build_site(bundle, MKDOCS_YML, tmp / name, builder=name)
        built[name] = tmp / name
    return built


def test_the_staging_tree_holds_everything_the_builder_needs(
    bundle: SiteBundle, tmp_path: Path
) -> None:
    tree = write_staging_tree(bundle, read_project_config(MKDOCS_YML), tmp_path / "stage")
    config = tree.config.read_text(encoding="utf-8")
    assert f"INHERIT: {MKDOCS_YML}" in config
    assert "docs_dir: docs" in config and "custom_dir: overrides" in config
    assert "- search:" in config and "enabled: !ENV [OFFLINE, false]" in config  # tags kept
    assert "thidua:" in config.split("extra:")[1]  # the theme's values, not the plugin
    assert "- thidua" not in config
    for uri, text in bundle.pages.items():
        assert (tree.docs / uri).read_text(encoding="utf-8") == text, uri
    for uri, data in bundle.files.items():
        assert (tree.docs / uri).read_bytes() == data, uri
    for hand_written in files_of(ROOT / "content"):
        rel = hand_written.relative_to(ROOT / "content")
        assert (tree.docs / rel).read_bytes() == hand_written.read_bytes(), rel
    feed = (tree.docs / "rss.xml").read_text(encoding="utf-8")
    assert "<rss" in feed and "Phát động phong trào" in feed
    assert (tree.root / "overrides" / "main.html").is_file()


def test_the_passes_run_on_the_output_not_inside_the_builder(
    bundle: SiteBundle, tmp_path: Path
) -> None:
    tree = write_staging_tree(bundle, read_project_config(MKDOCS_YML), tmp_path / "stage")
    run_builder(
        builder_named("mkdocs"), tree.config, tree.site, epoch=builder_epoch(None), offline=False
    )
    home = tree.site / "index.html"
    index = tree.site / "search" / "search_index.json"
    assert csp.declared_policy(home.read_text(encoding="utf-8")) is None  # no plugin ran
    assert "folded_title" not in index.read_text(encoding="utf-8")
    apply_passes(tree.site, Passes())
    assert csp.declared_policy(home.read_text(encoding="utf-8")) is not None
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    assert all("folded_title" in d and "folded_text" in d for d in docs)
    check_built_site(tree.site)


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_every_builder_gets_the_passes(sites: dict[str, Path], name: str) -> None:
    site = sites[name]
    check_built_site(site)  # allow-list, and a policy on every page
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    folded = {d["folded_title"] for d in docs}
    assert "dieu kien de duoc xet" in folded
    assert "<rss" in (site / "rss.xml").read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "hư cấu" in home  # the sample-data notice, from extra.thidua of the staging config


def test_builders_differ_only_where_listed(sites: dict[str, Path]) -> None:
    first, second = (sites[name] for name in sorted(BUILDERS))
    paths = [p.relative_to(first).as_posix() for p in files_of(first)]
    assert paths == [p.relative_to(second).as_posix() for p in files_of(second)]
    unexplained, explained = [], set()
    for rel in paths:
        a, b = (first / rel).read_bytes(), (second / rel).read_bytes()
        if a == b:
            continue
        for line in _changed_lines(a, b, rel):
            why = [reason for reason, pattern in BUILDER_DIFFERENCES.items() if pattern.match(line)]
            explained.update(why)
            if not why:
                unexplained.append(f"{rel}: {line}")
    assert unexplained == []
    assert explained == set(BUILDER_DIFFERENCES)  # each listed difference is real


def _changed_lines(a: bytes, b: bytes, rel: str) -> list[str]:
    if rel.endswith(".gz"):
        return [f"(compressed file {rel} differs)"]
    old, new = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    diff = difflib.unified_diff(old, new, lineterm="", n=0)
    return [line[1:] for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_a_content_folder_with_raw_data_is_refused_before_any_builder_starts(
    bundle: SiteBundle, tmp_path: Path, name: str
) -> None:
    yml = project_copy(tmp_path)
    (tmp_path / "content" / "bang-diem.xlsx").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(BuildFailed, match=r"bang-diem\.xlsx"):
        build_into(bundle, yml, tmp_path / "work", builder=name, offline=False)
    assert not (tmp_path / "work").exists()  # nothing staged, no builder run


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_a_strict_warning_of_either_builder_fails_the_build(
    bundle: SiteBundle, tmp_path: Path, name: str
) -> None:
    yml = project_copy(tmp_path)
    (tmp_path / "content" / "ke-hoach" / "them.md").write_text(
        "# Thêm\n\n[Trang không có](khong-co.md)\n", encoding="utf-8"
    )
    with pytest.raises(BuildFailed, match=r"khong-co\.md") as failed:
        build_into(bundle, yml, tmp_path / "work", builder=name, offline=False)
    assert f"{name} build --strict failed" in str(failed.value)


def test_an_unknown_builder_is_refused_with_the_known_ones() -> None:
    with pytest.raises(BuilderFailed, match=r"zensical.*mkdocs, properdocs"):
        builder_named("zensical")


def test_the_builder_setting_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_BUILDER", "properdocs")
    assert builder_named(None).name == "properdocs"
    assert builder_named("mkdocs").name == "mkdocs"  # the command line wins
    monkeypatch.delenv("THIDUA_BUILDER")
    assert builder_named(None).name == "mkdocs"


_PROBE = """import os, sys
print(repr((__name__, os.getcwd(), sys.path[0], os.environ.get("PROBE"), sys.argv[1:])))
sys.exit(3)
"""


def test_a_started_builder_runs_as_python_m_in_the_build_s_folder_and_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process started ahead imports in its own folder, then runs the module as
    ``python -m`` would in the request's folder, arguments and whole environment."""
    import subprocess
    import sys

    start, build = tmp_path / "start", tmp_path / "build"
    start.mkdir(), build.mkdir()
    (build / "probe_builder.py").write_text(_PROBE, encoding="utf-8")
    monkeypatch.setenv("PROBE", "at start")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.publish.builder_process", "probe_builder", "json"],
        cwd=start, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    env = {"PROBE": "asked", "PYTHONPATH": str(ROOT)}
    request = {"args": ["build", "-f", "x.yml"], "cwd": str(build), "env": env}
    out, _ = process.communicate(json.dumps(request))
    assert process.returncode == 3
    assert out.strip() == repr(
        ("__main__", str(build), str(build), "asked", ["build", "-f", "x.yml"])
    )


def test_a_builder_never_asked_to_build_is_stopped(tmp_path: Path) -> None:
    from generator.publish.builders import start_builder

    with start_builder(builder_named("mkdocs"), tmp_path) as started:
        assert started.process.poll() is None  # loading its modules, waiting
    assert started.process.returncode is not None


def test_a_refused_build_starts_no_builder(
    bundle: SiteBundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.publish import build

    def no_start(*args: object, **kwargs: object) -> None:
        raise AssertionError("a builder was started")

    monkeypatch.setattr(build, "start_builder", no_start)
    yml = project_copy(tmp_path)
    (tmp_path / "content" / "bang-diem.xlsx").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(BuildFailed, match=r"bang-diem\.xlsx"):
        build_into(bundle, yml, tmp_path / "work", builder="mkdocs", offline=False)
