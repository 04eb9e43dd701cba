"""The walk of a built site (publish/allowlist.py: site_files; passes.html_pages): what
``rglob("*")`` found that is a file or a symlink, in the same order."""

from __future__ import annotations

import os
from pathlib import Path

from generator.publish.allowlist import site_files
from generator.publish.passes import html_pages


def _by_rglob(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() or p.is_symlink()
    )


def test_the_walk_finds_what_rglob_found(tmp_path):
    for rel in ["index.html", ".hidden", "a/b/c.html", "a-b.html", "a/x.css", "đ/trang.html"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / "empty").mkdir()
    (tmp_path / "folder.html").mkdir()  # a folder is no page
    os.symlink(tmp_path / "a", tmp_path / "link-to-folder")  # listed, not followed
    os.symlink(tmp_path / "index.html", tmp_path / "link.html")
    os.symlink(tmp_path / "nowhere", tmp_path / "broken")
    os.mkfifo(tmp_path / "pipe")  # neither a file nor a symlink
    assert site_files(tmp_path) == _by_rglob(tmp_path)
    assert "link-to-folder" in site_files(tmp_path) and "pipe" not in site_files(tmp_path)
    by_parts = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.html") if not p.is_dir())
    assert sorted(html_pages(tmp_path), key=lambda n: n.split("/")) == [
        p.as_posix() for p in by_parts
    ]
