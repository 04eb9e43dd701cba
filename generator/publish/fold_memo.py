"""The search index's folded texts kept from one build to the next.

The folding pass (:func:`generator.site.search_index.fold_index`) adds a folded copy of every
search entry's title and text: at scale over a second, every build, for entries that are the
same as last time but for the one department whose file changed (the date paragraph is never
indexed). A folded text is a pure function of its text (:func:`~generator.site.search_index.
fold_html`), so the memo keeps it by the text's digest; the version covers the folding code
(``site/search_index.py``, ``read/text.py``) and Python (its Unicode tables). Short texts are
folded again (the fold cache has them). One memo file (``search-folds``) in the build memo
folder (:mod:`generator.publish.build_memo`); a kept value is used only when it is text.
"""

from __future__ import annotations

import platform
import unicodedata
from collections.abc import Callable
from pathlib import Path

from generator.publish.build_memo import PageMemo, open_cached
from generator.read import text
from generator.site import search_index
from generator.site.memo_keys import digest, source_version
from generator.site.search_index import fold_html

MEMO_NAME = "search-folds"
SHORTEST = 64  # characters from which a folded text is kept


def memo_version() -> str:
    """The folding code's sources, Python's version and its Unicode tables'."""
    extra = f"{platform.python_version()} {unicodedata.unidata_version}"
    return source_version(Path(search_index.__file__), Path(text.__file__), extra=extra)


def open_memo() -> PageMemo | None:
    """The memo of the cache folder, or None when the cache is off."""
    return open_cached(MEMO_NAME, memo_version())


def folder(memo: PageMemo | None) -> Callable[[str], str]:
    """:func:`fold_html` through ``memo`` (itself when there is none)."""
    if memo is None:
        return fold_html

    def fold_text(html: str) -> str:
        if len(html) < SHORTEST:
            return fold_html(html)
        key = digest(memo.version, html)
        kept = memo.get(key)
        if isinstance(kept, str):
            return kept
        made = fold_html(html)
        memo.put(key, made)
        return made

    return fold_text
