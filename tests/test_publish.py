"""Fail closed, publish atomically (issue 5, must show 5).

A validation error, a strict-mode warning (a broken link or anchor in a content page) or a
refused file stops ``thidua build`` with exit 1 and leaves the previous site byte-identical;
no staging folder is left behind. A successful build replaces the site in one step: an
observer polling the published folder during the build always finds a complete site, the
old one or the new one.
"""

from __future__ import annotations

import os
import shutil
import stat
import threading
import time
from pathlib import Path

import pytest

from generator.publish import swap
from tests.builders.mini import Mini, nominee
from tests.safety.sites import build_ok, project_copy, thidua_build, tree_hash


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a published site (built from the Mini campaign)."""
    tmp = tmp_path_factory.mktemp("publish")
    return build_ok(Mini().write(tmp / "data"), tmp / "www" / "site")


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p != out)


def _content_with(tmp: Path, page: str) -> Path:
    """mkdocs.yml over a copy of content/ with one more hand-written page."""
    yml = project_copy(tmp)
    (tmp / "content" / "ke-hoach" / "extra.md").write_text(page, encoding="utf-8")
    return yml


def _copy(site: Path, tmp: Path) -> Path:
    out = tmp / "www" / "site"
    shutil.copytree(site, out)
    return out


def test_validation_error_keeps_the_previous_site(published: Path, tmp_path: Path) -> None:
    out = _copy(published, tmp_path)
    before = tree_hash(out)
    broken = Mini()
    broken.nominees["B"][1]["Mã CB"] = "A1"  # duplicate staff code: an error
    proc = thidua_build(broken.write(tmp_path / "data"), out)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "trang cũ được giữ nguyên" in proc.stderr
    assert tree_hash(out) == before
    assert _leftovers(out) == []


@pytest.mark.parametrize(
    ("page", "warning"),
    [
        ("# Thêm\n\n[Trang không có](khong-co.md)\n", "khong-co.md"),
        ("# Thêm\n\n[Tiêu chí](../tieu-chi/index.md#khong-co-muc-nay)\n", "khong-co-muc-nay"),
        ("# Thêm\n\n[Ngoài docs](../../README.md)\n", "README.md"),
    ],
    ids=["missing-page", "missing-anchor", "outside-docs"],
)
def test_strict_warning_keeps_the_previous_site(
    published: Path, tmp_path: Path, page: str, warning: str
) -> None:
    out = _copy(published, tmp_path)
    before = tree_hash(out)
    yml = _content_with(tmp_path, page)
    proc = thidua_build(Mini().write(tmp_path / "data"), out, mkdocs_file=yml)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "strict" in proc.stderr and warning in proc.stderr
    assert tree_hash(out) == before
    assert _leftovers(out) == []


def test_new_site_replaces_the_old_one_in_one_step(published: Path, tmp_path: Path) -> None:
    out = _copy(published, tmp_path)
    old_top = sorted(os.listdir(out))
    old_index = (out / "index.html").read_bytes()
    old_inode = out.stat().st_ino
    bigger = Mini()
    bigger.nominees["A"].append(nominee("A3", "Đặng Thị Giang", 6))
    data = bigger.write(tmp_path / "data")

    seen: dict[str, int] = {"old": 0, "new": 0}
    problems: list[str] = []
    done = threading.Event()

    def observe() -> None:
        while not done.is_set():
            try:
                index = (out / "index.html").read_bytes()
                top = sorted(os.listdir(out))
            except OSError as exc:  # missing folder or file: the site was not there
                problems.append(repr(exc))
                continue
            if not index.rstrip().endswith(b"</html>"):
                problems.append("partial index.html")
            seen["old" if index == old_index else "new"] += 1
            if top != old_top and index == old_index:
                problems.append(f"old page, new folder: {top}")
            time.sleep(0.0005)  # thousands of looks, without starving the build of CPU

    watcher = threading.Thread(target=observe)
    watcher.start()
    try:
        proc = thidua_build(data, out)
    finally:
        done.set()
        watcher.join()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert problems == []
    assert seen["old"] > 0 and seen["new"] > 0, seen
    assert (out / "index.html").read_bytes() != old_index
    assert "Đặng Thị Giang" in (out / "ket-qua" / "ca-nhan" / "index.html").read_text("utf-8")
    assert out.stat().st_ino != old_inode  # a new folder took the old one's place
    assert _leftovers(out) == []
    assert stat.S_IMODE(out.stat().st_mode) == 0o755  # readable by the web server


def test_swap_without_renameat2_still_replaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, staging = tmp_path / "site", tmp_path / ".site-new"
    out.mkdir()
    (out / "old.html").write_text("old")
    staging.mkdir()
    (staging / "new.html").write_text("new")
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    swap.swap_in(staging, out)
    assert [p.name for p in out.iterdir()] == ["new.html"]
    assert [p.name for p in staging.iterdir()] == ["old.html"]  # the caller removes it


def test_exchange_is_atomic_on_this_system(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a")
    (b / "x").write_text("b")
    assert swap._exchange(a, b)  # Linux renameat2(RENAME_EXCHANGE)
    assert (a / "x").read_text() == "b" and (b / "x").read_text() == "a"
