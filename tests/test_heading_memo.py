"""The builder's render of a generated page's heading kept between builds
(publish/heading_memo.py): only for the pinned mkdocs' Page.render; a kept value of the wrong
shape is rendered again; what it keeps is what the render set. (Whole builds, next day, the
same bytes as without any memo: tests/test_search_memo.py.)"""

from __future__ import annotations

import pytest
from mkdocs.structure.pages import Page
from properdocs.structure.pages import Page as ProperDocsPage

from generator.publish.build_memo import PageMemo
from generator.publish.heading_memo import RENDER_SOURCE, HeadingMemo, _well_formed, render_digest

CONFIG = {"markdown_extensions": ["toc"], "mdx_configs": {"toc": {"permalink": True}}}


def test_the_pinned_render_is_mkdocs_own():
    assert render_digest(Page.render) == RENDER_SOURCE
    assert render_digest(ProperDocsPage.render) != RENDER_SOURCE  # its pages render as before
    assert HeadingMemo.open(CONFIG, ProperDocsPage.render).memo is None
    assert render_digest(len) is None


GOOD = {
    "content": '<h1 id="a">A</h1>',
    "toc": [{"level": 1, "id": "a", "name": "A", "children": []}],
    "title": "A",
    "anchors": ["a"],
    "links": [["a", "#a"]],
}


@pytest.mark.parametrize(
    "bad",
    [
        None,
        [],
        {**GOOD, "extra": 1},
        {**GOOD, "content": 3},
        {**GOOD, "toc": [{"level": "1", "id": "a", "name": "A", "children": []}]},
        {**GOOD, "toc": [{"level": 1, "id": "a", "name": "A"}]},
        {**GOOD, "title": 2},
        {**GOOD, "anchors": [1]},
        {**GOOD, "links": [["a"]]},
    ],
)
def test_a_kept_value_of_the_wrong_shape_is_not_used(bad):
    assert _well_formed(GOOD)
    assert not _well_formed(bad)


class _File:
    src_uri = "don-vi/a/index.md"


class _Page:
    """What the memo reads and sets of a page (mkdocs' Page has the same attributes)."""

    file = _File()
    calls = 0

    def render(self, config, files):
        type(self).calls += 1
        from mkdocs.structure.toc import get_toc

        self.content = '<h1 id="a">A<a class="headerlink" href="#a">&para;</a></h1>'
        self.toc = get_toc([{"level": 1, "id": "a", "name": "A", "children": []}])
        self._title_from_render = "A"
        self.present_anchor_ids = {"a"}
        self.links_to_anchors = {self.file: {"a": "#a"}}


def test_a_kept_render_sets_what_the_render_set(tmp_path):
    memo = HeadingMemo(PageMemo.open(MEMO := "headings", "v", tmp_path), "v")
    first = _Page()
    memo.attach(first, "# A\n")
    first.render({}, None)
    memo.save()
    again = HeadingMemo(PageMemo.open(MEMO, "v", tmp_path), "v")
    second = _Page()
    again.attach(second, "# A\n")
    second.render({}, None)
    assert _Page.calls == 1  # the second page was not rendered
    for name in ("content", "_title_from_render", "present_anchor_ids", "links_to_anchors"):
        assert getattr(second, name) == getattr(first, name)
    one, two = first.toc.items[0], second.toc.items[0]
    assert vars(one).keys() == vars(two).keys()
    assert (one.title, one.id, one.level, one.children, one.active) == (
        two.title, two.id, two.level, two.children, two.active,
    )  # fmt: skip


def test_a_render_with_a_link_elsewhere_is_not_kept(tmp_path):
    memo = HeadingMemo(PageMemo.open("headings", "v", tmp_path), "v")

    class Linked(_Page):
        def render(self, config, files):
            super().render(config, files)
            self.content += '<a href="../b/">B</a>'

    page = Linked()
    memo.attach(page, "# A\n")
    page.render({}, None)
    assert memo.memo is not None and memo.memo.stats.stored == 0
