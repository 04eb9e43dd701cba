"""Generated pages skip Python-Markdown inside the builder (publish/raw_pages.py): the built
site is byte-identical to the one built with every page through Markdown
(``THIDUA_MARKDOWN_ALL=1``), for both builders and for the repository's three campaigns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.publish.build import build_site
from generator.publish.raw_pages import OFF_ENV
from generator.site.bundle import make_bundle
from generator.site.campaigns import make_site
from tests.builders.founding import SOLO_CONFIG

ROOT = Path(__file__).resolve().parent.parent


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _both_ways(bundle, tmp_path: Path, monkeypatch, builder: str) -> tuple[dict, dict]:
    build_site(bundle, ROOT / "mkdocs.yml", tmp_path / "fast", builder=builder)
    monkeypatch.setenv(OFF_ENV, "1")
    build_site(bundle, ROOT / "mkdocs.yml", tmp_path / "slow", builder=builder)
    return _files(tmp_path / "fast"), _files(tmp_path / "slow")


@pytest.mark.parametrize("builder", ["mkdocs", "properdocs"])
def test_the_sample_builds_to_the_same_bytes_without_markdown(tmp_path, monkeypatch, builder):
    fast, slow = _both_ways(make_bundle(SOLO_CONFIG), tmp_path, monkeypatch, builder)
    assert sorted(fast) == sorted(slow)
    assert [name for name in fast if fast[name] != slow[name]] == []


def test_three_campaigns_build_to_the_same_bytes_without_markdown(tmp_path, monkeypatch):
    bundle = make_site(sorted((ROOT / "site_config").glob("*.yml")))
    fast, slow = _both_ways(bundle, tmp_path, monkeypatch, "mkdocs")
    assert sorted(fast) == sorted(slow)
    assert [name for name in fast if fast[name] != slow[name]] == []


def test_an_indented_line_is_found_as_str_isspace_finds_it():
    from generator.publish.raw_pages import INDENTED

    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace() or re.fullmatch(r"\s", chr(c))]
    for c in [*spaces, "a", "<", "\u200b"]:
        for block in (f"{c}x", f"<div>\n{c}x", f"<div>\n\n{c}", f"<div>{c}\nx"):
            expected = any(line[:1].isspace() for line in block.split("\n"))
            assert bool(INDENTED.search(block)) == expected, (hex(ord(c)), block)
