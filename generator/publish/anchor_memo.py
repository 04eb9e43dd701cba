"""The anchor ids of a generated page's HTML block, kept from one build to the next.

:func:`~generator.publish.raw_pages.anchor_ids` scans a block with two regular expressions
(a tag ``<[a-zA-Z][^>]*>``, then its ``id`` / an ``<a>``'s ``name``): at scale about a
millisecond a page, every page, every build. The next day's build gives every unchanged page
the same block but for its date paragraph, so the memo keeps a block's ids by the block
*without* that paragraph (:func:`~generator.site.pages.dated.split_dated`).

Why the paragraph is inert for this scan, whatever day it says: every form of it
(:data:`~generator.site.pages.dated.DATE_PARAGRAPH`) begins with the same opening tag
``<p class="thidua-updated" data-search-exclude>``, so a tag match begun before the paragraph
and still open ends at that opening's ``>`` whatever follows, and a scan reaching the
paragraph matches that opening; after it the paragraph holds only ``<time datetime="…">``
(closed inside the paragraph), ``</time>`` and ``</p>`` (no match: ``<`` then ``/``), and no
``id`` or ``name`` attribute. So the matches before, inside and after the paragraph, and the
ids they give, are the same for every date: the ids are a function of the text before and
after it, which is the key (with the cut's place, so no two splits share one).

A block without exactly one such paragraph is keyed by its whole text. One memo file
(``anchors``) in the build memo folder (:mod:`generator.publish.build_memo`), checked and
replaced when spoiled; values are checked to be lists of strings before use.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.publish import build_memo, raw_pages
from generator.publish.build_memo import PageMemo, open_cached
from generator.publish.raw_pages import anchor_ids
from generator.site.memo_keys import digest, source_version
from generator.site.pages import dated
from generator.site.pages.dated import split_dated

MEMO_NAME = "anchors"


def memo_version() -> str:
    """The version of the ids this code gives: the scan's and the date pattern's sources."""
    return source_version(
        Path(raw_pages.__file__), Path(build_memo.__file__), Path(dated.__file__), Path(__file__)
    )


def memo_key(version: str, block: str) -> str:
    """A block's key: its text without the date paragraph, or its whole text."""
    parts = split_dated(block)
    if parts is None:
        return digest(version, "whole", block)
    before, _, after = parts
    return digest(version, f"split {len(before)}", before, after)


@dataclass
class AnchorMemo:
    """The builder's anchor scan through a memo (``memo`` None: the cache is off)."""

    memo: PageMemo | None = None

    @classmethod
    def open(cls) -> AnchorMemo:
        """The memo of the cache folder the environment names (none when the cache is off)."""
        return cls(open_cached(MEMO_NAME, memo_version()))

    def ids(self, block: str) -> set[str]:
        """:func:`anchor_ids` of ``block``, kept or made (and kept)."""
        if self.memo is None:
            return anchor_ids(block)
        key = memo_key(self.memo.version, block)
        kept = self.memo.get(key)
        if isinstance(kept, list) and all(isinstance(v, str) for v in kept):
            return set(kept)
        found = anchor_ids(block)
        self.memo.put(key, sorted(found))
        return found

    def save(self) -> None:
        if self.memo is not None:
            self.memo.save()

    def report(self) -> str:
        """One line for the stamp report: ids kept and made."""
        if self.memo is None:
            return "anchor-memo off\n"
        return f"anchor-memo kept {self.memo.stats.hits} made {self.memo.stats.stored}\n"
