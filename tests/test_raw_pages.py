"""Generated pages skip Python-Markdown inside the builder (publish/raw_pages.py): the built
site is byte-identical to the one built with every page through Markdown
(``THIDUA_MARKDOWN_ALL=1``), for both builders and for the repository's three campaigns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.publish.build import build_site
from generator.publish.raw_pages import OFF_ENV, PLACEHOLDER, split_page
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


# The shape split_page tests with string methods, as the regular expressions it had.
_SHAPE = re.compile(r"\A\n*(# [^\n]+)\n\n(<div[^\n]*(?:\n[^\n]+)*)\n*\Z")
_ANY_INDENT = re.compile(r"(?:\A|\n)[^\S\n]")


def _by_pattern(markdown: str) -> tuple[str, str] | None:
    m = _SHAPE.match(markdown)
    if m is None or PLACEHOLDER in markdown or _ANY_INDENT.search(m.group(2)):
        return None
    return m.group(1), m.group(2)


def test_an_indented_line_is_found_as_str_isspace_finds_it():
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace() or re.fullmatch(r"\s", chr(c))]
    for c in [*spaces, "a", "<", "\u200b"]:
        for block in (f"<div>\n{c}x", f"<div>\n\n{c}", f"<div>{c}\nx", f"<div>\nx\n{c}"):
            markdown = f"# T\n\n{block}\n"
            lines = block.rstrip("\n").split("\n")
            expected = any(line[:1].isspace() or not line for line in lines)
            assert (split_page(markdown) is None) == expected, (hex(ord(c)), block)
            assert split_page(markdown) == _by_pattern(markdown), (hex(ord(c)), block)


_PIECES = ["\n", "\n\n", "# ", "#", "<div", "<div>", "x", " ", "\t", "\r", "\u2028", "\x0b",
           "Tiêu đề", PLACEHOLDER, "THIDUA"]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_a_page_is_split_as_the_pattern_splits_it(pieces):
    for markdown in ("".join(pieces), "# T\n\n<div" + "".join(pieces)):
        assert split_page(markdown) == _by_pattern(markdown), markdown


def test_a_generated_page_is_split_into_its_heading_and_block():
    page = '\n# Đơn vị A\n\n<div class="x">\n<p>một</p>\n</div>\n\n'
    assert split_page(page) == ("# Đơn vị A", '<div class="x">\n<p>một</p>\n</div>')
    assert split_page("# \n\n<div>") is None  # a heading needs a character after "# "
