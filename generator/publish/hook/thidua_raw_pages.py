"""The staging tree's builder hook: generated pages skip Python-Markdown's HTML parsing
(:mod:`generator.publish.raw_pages`). The builder (mkdocs or ProperDocs) loads this file by
path from the staging config's ``hooks:``; it reads the page list beside that config. Plain
functions of the builder's objects: nothing here imports the builder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.publish.raw_pages import PAGE_LIST, RawPages, read_page_list

_pages = RawPages()


def on_config(config: Any) -> None:
    global _pages
    listed = Path(config.config_file_path).parent / PAGE_LIST
    names = read_page_list(listed.read_text(encoding="utf-8")) if listed.is_file() else []
    _pages = RawPages.of(names)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return _pages.markdown(page.file.src_uri, markdown)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    content, anchors = _pages.content(page.file.src_uri, html)
    if anchors:
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
    return content
