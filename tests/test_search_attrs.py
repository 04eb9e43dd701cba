"""Material's search plugin skips its attribute removal only where it is a no-op
(publish/search_attrs.py): where the literal-led pattern finds nothing, Material's removal
returns the page unchanged (hypothesis); the pinned plugin is recognised and a page with a
valued attribute still goes through it; another method is left alone."""

from __future__ import annotations

import re
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import SearchPlugin

from generator.publish.search_attrs import ATTRIBUTE, MATERIAL_PATTERN, quicken

PIECES = st.sampled_from(
    [" ", "\n", "\t", "data-search-", "data-search-exclude", "exclude", "boost", "=", '"',
     '="x"', '=""', "<p ", ">", "-", "\u00a0", "text", "data-", "search"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=16))
def test_where_the_literal_pattern_finds_nothing_material_s_removal_is_a_no_op(pieces):
    text = "".join(pieces)
    removed = re.sub(MATERIAL_PATTERN, "", text)
    assert (ATTRIBUTE.search(text) is None) == (removed == text)


class _Index:
    def __init__(self) -> None:
        self.pages: list[object] = []

    def add_entry_from_context(self, page: object) -> None:
        self.pages.append(page)


def _plugins(plugin: object) -> SimpleNamespace:
    return SimpleNamespace(events={"page_context": [plugin.on_page_context]})  # type: ignore[attr-defined]


def _material() -> SearchPlugin:
    plugin = SearchPlugin()
    plugin.load_config({})
    plugin.search_index = _Index()
    return plugin


def test_the_pinned_plugin_is_quickened_and_still_indexes_and_removes():
    plugin = _material()
    plugins = _plugins(plugin)
    assert quicken(plugins)
    event = plugins.events["page_context"][0]
    plain = SimpleNamespace(content='<p data-search-exclude>a</p><h2 id="x">B</h2>')
    valued = SimpleNamespace(content='<p data-search-boost="2">a</p>')
    for page in (plain, valued):
        assert event({}, page=page, config={}, nav=None) is None
    assert plugin.search_index.pages == [plain, valued]
    assert plain.content == '<p data-search-exclude>a</p><h2 id="x">B</h2>'
    assert valued.content == "<p>a</p>"  # Material's own removal ran


def test_another_method_is_left_as_it_is():
    class Other(SearchPlugin):
        def on_page_context(self, context, *, page, config, nav):
            page.content = "changed"

    Other.__module__ = SearchPlugin.__module__
    Other.__name__ = SearchPlugin.__name__
    plugins = _plugins(Other())
    original = plugins.events["page_context"][0]
    assert not quicken(plugins)
    assert plugins.events["page_context"] == [original]
    assert not quicken(SimpleNamespace())
