"""The staging tree's builder hook: generated pages skip Python-Markdown's HTML parsing
(:mod:`generator.publish.raw_pages`) and, where a verified shell of their kind exists, the
theme's rendering (:mod:`generator.publish.stamp`). The builder (mkdocs or ProperDocs) loads
this file by path from the staging config's ``hooks:``; it reads the page list beside that
config and writes what it stamped there. Plain functions of the builder's objects: nothing
here imports the builder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.publish.anchor_memo import AnchorMemo
from generator.publish.heading_memo import HeadingMemo
from generator.publish.raw_pages import PAGE_LIST, RawPages, read_page_list
from generator.publish.search_attrs import quicken
from generator.publish.search_pages import SearchPool, material_index
from generator.publish.stamp import STAMP_REPORT, StampHook, stamping_enabled

_pages = RawPages()
_anchors = AnchorMemo()
_stamp = StampHook()
_search = SearchPool()
_headings: HeadingMemo | None = None  # opened on the first generated page (its Page class)
_quickened = False


def on_config(config: Any) -> None:
    global _pages, _anchors, _stamp, _search, _headings, _quickened
    listed = Path(config.config_file_path).parent / PAGE_LIST
    names = read_page_list(listed.read_text(encoding="utf-8")) if listed.is_file() else []
    _anchors = AnchorMemo.open() if names else AnchorMemo()
    _pages = RawPages.of(names, _anchors.ids)
    _stamp = StampHook.of(names)
    _search = SearchPool(_pages.pages)
    _headings = None
    if stamping_enabled():
        _search.attach(material_index(config.plugins))
    _quickened = quicken(config.plugins)  # Material's removal skipped where a no-op


def on_env(env: Any, config: Any, files: Any) -> Any:
    return _stamp.env(env)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    global _headings
    converted = _pages.markdown(page.file.src_uri, markdown)
    if converted is not markdown:
        _stamp.choose(page)
        if _headings is None:
            _headings = HeadingMemo.open(config, type(page).render)
        _headings.attach(page, converted)
    return converted


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    content, anchors = _pages.content(page.file.src_uri, html)
    if anchors:
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
    return content


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    _stamp.context(context, page, nav)
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    return _stamp.output(output, page)


def on_post_build(config: Any) -> None:
    _search.finish()  # before the search plugin writes its index (the priority below)
    report = Path(config.config_file_path).parent / STAMP_REPORT
    _anchors.save()
    headings = _headings or HeadingMemo()
    headings.save()
    text = _stamp.stamper.report() + _search.report() + _anchors.report() + headings.report()
    text += f"search-attrs {'quickened' if _quickened else 'as-is'}\n"
    report.write_text(text, encoding="utf-8")


on_post_build.mkdocs_priority = 100  # type: ignore[attr-defined]  # mkdocs' event_priority


def on_build_error(error: Any) -> None:
    _search.finish()
