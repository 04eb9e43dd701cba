"""Generated pages through the builder without Python-Markdown reading their HTML.

A generated page is ``# Title`` and one raw HTML block (:func:`generator.site.pages.markup.
html_block`): Python-Markdown leaves the block as it is, but finds that out by parsing it
twice (its HTML block preprocessor, and mkdocs' scan for anchor ids), which at scale cost more
than the rest of the builder. :class:`RawPages` hands the builder the heading and a one-word
paragraph instead, then puts the block back where Python-Markdown would have, and gives the
builder the block's anchor ids for its link validation: the page's HTML is the same bytes.

Used by the builder hook of the staging tree (:mod:`generator.publish.hook.thidua_raw_pages`,
the page list written by :mod:`generator.publish.staging`) and by the mkdocs plugin. Pages of
another shape (a hand-written page, a redirect page) go through Markdown as before.
``THIDUA_MARKDOWN_ALL=1`` turns the bypass off (every page through Markdown), so tests can
compare both ways.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

PAGE_LIST = "thidua-raw-pages.txt"  # beside the staging tree's mkdocs.yml: one page a line
OFF_ENV = "THIDUA_MARKDOWN_ALL"
# A word Python-Markdown makes into "<p>WORD</p>" and nothing else (no markup, no escape).
PLACEHOLDER = "THIDUARAWHTMLBLOCK"
_PARAGRAPH = f"<p>{PLACEHOLDER}</p>"
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_ID = re.compile(r"\sid=\"([^\"]*)\"")
# A line after the first that starts with whitespace (``\s`` is ``str.isspace``'s set), not
# "\n"; a block's first line starts with "<div".
INDENTED = re.compile(r"\n[^\S\n]")
_A_NAME = re.compile(r"\A<a\s(?:[^>]*\s)?name=\"([^\"]*)\"")


def bypass_enabled() -> bool:
    """False when ``THIDUA_MARKDOWN_ALL`` asks for every page through Markdown."""
    return os.environ.get(OFF_ENV, "").strip() not in ("1", "true", "yes")


def split_page(markdown: str) -> tuple[str, str] | None:
    """``(heading, block)`` of a generated page's Markdown (front matter removed), or None
    when the page has another shape: a block with a blank line, an indented line, a
    placeholder-like word or anything after it goes through Markdown.

    The shape is ``\\A\\n*(# [^\\n]+)\\n\\n(<div[^\\n]*(?:\\n[^\\n]+)*)\\n*\\Z``, tested with
    string methods (a regular expression's backtracking over every line of a big page cost
    more than the rest of this hook; ``tests/test_raw_pages.py`` holds them to that pattern)."""
    text = markdown.lstrip("\n")
    end = text.find("\n")  # the heading is "# " and at least one character
    if not text.startswith("# ") or end < 3 or not text.startswith("\n\n<div", end):
        return None
    block = text[end + 2 :].rstrip("\n")
    if "\n\n" in block or PLACEHOLDER in text or INDENTED.search(block):
        return None
    return text[:end], block


def anchor_ids(block: str) -> set[str]:
    """The ids a link may point at in ``block`` (mkdocs' scan: any tag's ``id``, an ``<a>``'s
    ``name``), from our autoescaped templates' double-quoted attributes."""
    found: set[str] = set()
    for tag in _TAG.findall(block):
        found.update(html.unescape(v) for v in _ID.findall(tag))
        name = _A_NAME.match(tag)
        if name is not None:
            found.add(html.unescape(name.group(1)))
    return found


@dataclass
class RawPages:
    """The generated pages of one build (by source path) and their blocks while the builder
    converts them."""

    pages: frozenset[str] = frozenset()
    # how a block's anchor ids are found (the builder hook's: through its memo, anchor_memo.py)
    ids: Callable[[str], set[str]] = anchor_ids
    _blocks: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, pages: Iterable[str], ids: Callable[[str], set[str]] = anchor_ids) -> RawPages:
        return cls(frozenset(pages) if bypass_enabled() else frozenset(), ids)

    def markdown(self, src_uri: str, markdown: str) -> str:
        """What Markdown converts for ``src_uri``: its heading and the placeholder."""
        if src_uri not in self.pages:
            return markdown
        parts = split_page(markdown)
        if parts is None:
            return markdown
        heading, block = parts
        self._blocks[src_uri] = block
        return f"{heading}\n\n{PLACEHOLDER}\n"

    def content(self, src_uri: str, converted: str) -> tuple[str, set[str]]:
        """The page's HTML with its block back, and the block's anchor ids."""
        block = self._blocks.pop(src_uri, None)
        if block is None:
            return converted, set()
        if converted.count(_PARAGRAPH) != 1:
            raise ValueError(f"{src_uri}: the raw HTML placeholder was changed by Markdown")
        return converted.replace(_PARAGRAPH, block), self.ids(block)


def read_page_list(text: str) -> list[str]:
    """The page list file's pages."""
    return [line for line in text.splitlines() if line]


def page_list(pages: Iterable[str]) -> str:
    """The page list file's text."""
    return "".join(f"{p}\n" for p in sorted(pages))
