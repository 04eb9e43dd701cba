"""Generated pages stamped from a verified shell (publish/stamp.py) and indexed for search on
two processes (publish/search_pages.py): the built site is byte-identical to the one the
theme renders page by page (``THIDUA_STAMP=0``), for both builders, at a size where both
optimisations run; and the shell logic refuses what it cannot stamp exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.judge.config import load_config
from generator.publish.build import build_into
from generator.publish.search_pages import POOL_PAGES
from generator.publish.stamp import (
    CONTENT_PROBES,
    OFF_ENV,
    STAMP_REPORT,
    PageFacts,
    Stamper,
    cut_shell,
)
from generator.site.bundle import make_bundle
from generator.tools.demo import write_demo

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"
UNITS = POOL_PAGES + 6  # enough department pages for the search pool too


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def big_bundle(tmp_path_factory):
    data = tmp_path_factory.mktemp("stamp-data")
    config, _ = load_config(CONFIG)
    write_demo(data, config.data_contract, units=UNITS, nominees=400, initiatives=120, seed=5)
    bundle = make_bundle(CONFIG, data)
    assert bundle.ok
    return bundle


def _build(bundle, work: Path, builder: str) -> tuple[dict[str, bytes], str]:
    site = build_into(bundle, ROOT / "mkdocs.yml", work, builder=builder, offline=False)
    report = work / "stage" / STAMP_REPORT
    return _files(site), report.read_text(encoding="utf-8")


@pytest.mark.parametrize("builder", ["mkdocs", "properdocs"])
def test_stamped_pages_are_the_bytes_the_theme_renders(big_bundle, tmp_path, monkeypatch, builder):
    stamped, report = _build(big_bundle, tmp_path / "on", builder)
    monkeypatch.setenv(OFF_ENV, "0")
    rendered, off_report = _build(big_bundle, tmp_path / "off", builder)
    counts = dict(re.findall(r"(\w+) (\d+)", report))
    assert int(counts["stamped"]) >= UNITS - 2, report  # all but the shell's two
    assert off_report.startswith("stamped 0 "), off_report
    assert sorted(stamped) == sorted(rendered)
    assert [name for name in stamped if stamped[name] != rendered[name]] == []


def _facts(title: str, anchor: str, url: str, kind: str = "k") -> PageFacts:
    return PageFacts(title, anchor, url, kind)


def _theme(facts: PageFacts, content: str) -> str:
    """A stand-in theme: the slots in several places, the content once."""
    return (
        f"<title>{facts.title} - Site</title><a href='#{facts.anchor}'>skip</a>"
        f"<link href='/{facts.url}'><nav>Kết quả</nav><main>{content}</main>"
        f"<footer>{facts.title}</footer>"
    )


def test_a_shell_fills_in_every_slot():
    first = _facts("Phòng Một", "phong-mot", "don-vi/p1/")
    shell = cut_shell(_theme(first, "<h1>A</h1>"), first, "<h1>A</h1>")
    other = _facts("Ban Hai", "ban-hai", "don-vi/b2/")
    assert shell is not None
    assert shell.fill(other, "<p>B</p>") == _theme(other, "<p>B</p>")


def test_a_shell_is_used_only_after_the_next_page_of_its_kind_verified_it():
    stamper = Stamper()
    pages = [_facts(f"Phòng {n}", f"phong-{n}", f"don-vi/p{n}/") for n in range(5)]
    renders: list[str] = []

    def theme(facts: PageFacts):
        def render() -> str:
            renders.append(facts.title)
            return _theme(facts, f"<p>{facts.title}</p>")

        return render

    out = [stamper.output(f, f"<p>{f.title}</p>", theme(f)) for f in pages]
    assert out == [_theme(f, f"<p>{f.title}</p>") for f in pages]
    assert renders == ["Phòng 0", "Phòng 1"]
    assert (stamper.stamped, stamper.rendered) == (3, 2)


def test_a_title_that_is_also_navigation_text_never_verifies():
    """The first page's title is also a navigation label: cut there, the shell would write
    the next page's title into the navigation, so the next page's rendering refutes it."""
    stamper = Stamper()
    pages = [_facts("Kết quả", "ket-qua", "don-vi/kq/"), _facts("Ban Hai", "ban-hai", "don-vi/b2/")]
    pages.append(_facts("Ban Ba", "ban-ba", "don-vi/b3/"))
    for f in pages:
        assert stamper.output(f, "<p>x</p>", lambda f=f: _theme(f, "<p>x</p>")) == _theme(
            f, "<p>x</p>"
        )
    assert stamper.stamped == 0


def test_namesakes_do_not_verify_a_shell():
    stamper = Stamper()
    same = [_facts("Phòng Tổng hợp", "phong-tong-hop", f"don-vi/t{n}/") for n in range(3)]
    for f in same:
        stamper.output(f, "<p>x</p>", lambda f=f: _theme(f, "<p>x</p>"))
    assert stamper.stamped == 0 and stamper.verified == {}


@pytest.mark.parametrize("title", ["A & B", "<b>x</b>", 'Phòng "Một"', "O'Neil", ""])
def test_a_title_a_template_could_escape_is_rendered_by_the_theme(title):
    stamper = Stamper()
    for n in range(4):
        f = _facts(title + str(n) if title else "", f"a-{n}", f"don-vi/{n}/")
        stamper.output(f, "<p>x</p>", lambda f=f: _theme(f, "<p>x</p>"))
    assert stamper.stamped == 0


def test_pages_of_another_kind_get_their_own_shell():
    stamper = Stamper()
    for n in range(3):
        for kind in ("a", "b"):
            f = _facts(f"Phòng {n}", f"phong-{n}", f"don-vi/p{n}/", kind)
            stamper.output(f, "<p>x</p>", lambda f=f: _theme(f, "<p>x</p>"))
    assert sorted(stamper.verified) == ["a", "b"] and stamper.stamped == 2


def test_every_content_test_of_the_theme_overrides_is_a_probe():
    """A template that tests page.content renders pages differently by their content: each
    such string must be part of a page's kind."""
    tested = set()
    for template in (ROOT / "overrides").rglob("*.html"):
        tested.update(
            re.findall(r'"([^"]+)"\s+(?:not\s+)?in\s+page\.content', template.read_text())
        )
    assert tested and tested <= set(CONTENT_PROBES)


# --- search entries of a big site's generated pages (publish/search_pages.py) -------------

from hypothesis import given, reject, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from material.plugins.search.plugin import Parser  # noqa: E402

from generator.publish.search_pages import without_excluded  # noqa: E402


def _sections(html: str) -> list[tuple[object, str, str, bool]]:
    """What the search plugin makes of ``html``: its sections' ids, titles, texts."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text), s.is_excluded()) for s in parser.data]


_WORDS = st.sampled_from(["Phòng", "  ", "\n", "Đạt", "&amp;", "a b", "", "x\ny"])
_TAGS = st.sampled_from(["div", "p", "ul", "li", "dl", "dt", "dd", "span", "table", "td"])
_ATTRS = st.sampled_from(
    ["", " data-search-exclude", ' class="x"', ' data-search-exclude class="y"',
     ' title="data-search-exclude"', ' id="z"']
)  # fmt: skip


def _tree(depth: int) -> st.SearchStrategy[str]:
    leaf = st.one_of(
        _WORDS,
        st.sampled_from(["<br>", "<wbr>", '<img alt="i">', '<h2 id="s">Mục</h2>', "<!-- c -->"]),
        st.sampled_from(['<h3 id="t" data-search-exclude>Ẩn</h3>', "<script>var x;</script>"]),
    )
    if depth == 0:
        return leaf
    node = st.tuples(_TAGS, _ATTRS, st.lists(_tree(depth - 1), max_size=4)).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}</{t[0]}>"
    )
    return st.one_of(leaf, node)


@settings(max_examples=400, deadline=None)
@given(st.lists(_tree(3), max_size=6), st.booleans())
def test_leaving_out_excluded_elements_changes_no_search_entry(parts, heading_first):
    html = ('<h1 id="p">Trang</h1>' if heading_first else "") + "".join(parts)
    try:
        expected = _sections(html)
    except ValueError:  # the plugin's own parser fails on some nestings: nothing to compare
        reject()
    assert _sections(without_excluded(html)) == expected


def test_excluded_elements_are_left_out_where_it_is_safe():
    html = (
        '<h1 id="a">A</h1><dl data-search-exclude><dt>x</dt><dd>y</dd></dl>'
        '<div data-search-exclude><h2 id="b">B</h2></div><p title="data-search-exclude">k</p>'
        "<ul data-search-exclude><li>unbalanced</ul>"
    )
    assert without_excluded(html) == (
        '<h1 id="a">A</h1><wbr><div data-search-exclude><h2 id="b">B</h2></div>'
        '<p title="data-search-exclude">k</p><ul data-search-exclude><li>unbalanced</ul>'
    )


def test_generated_pages_give_the_same_entries_with_their_excluded_parts_left_out(big_bundle):
    pages = {uri: text for uri, text in big_bundle.pages.items() if "data-search-exclude" in text}
    assert len(pages) > UNITS / 2
    for text in pages.values():
        assert _sections(without_excluded(text)) == _sections(text)
