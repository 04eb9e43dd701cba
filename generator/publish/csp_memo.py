"""Pages' Content-Security-Policies kept from one build to the next, but for the data's date.

Every generated page carries the date paragraph of ``site/templates/_base.html``, so after a
data commit nearly every page differs from last build's only there. A page's policy
(:func:`generator.publish.csp.policy`) is therefore kept (:mod:`.build_memo`, memo ``csp``)
by a key made of the page's text with that paragraph left out, the form-action origin and the
memo's version (the sources of ``csp.py`` and of this module, and the Python version, whose
``html.parser`` reads the page). A page with no such paragraph, or with several, or one that
does not fullmatch :data:`generator.site.pages.dated.DATE_PARAGRAPH`, is kept by its whole text instead.

**Why a kept policy is the one a full parse gives.** Write a page as ``B + D + A``: ``D``
the date paragraph, ``B`` the text before it, ``A`` the rest. On a miss the parser is fed
``B``, then ``D``, then ``A``, and the entry is stored only if

1. after ``B`` the parser is *at rest* (:meth:`csp.Inline.at_rest`): ``rawdata`` is empty
   (every token of ``B`` ended inside ``B``, no text or ``&`` held back), no
   ``<script>``/``<style>`` is open for the parser (``cdata_elem``) or the collector
   (``_open``); and
2. feeding ``D`` collected nothing (no script, style, style attribute, own form) and left the
   parser at rest again.

Then take any page ``B + D' + A`` with ``D'`` another fullmatch of :data:`generator.site.pages.dated.DATE_PARAGRAPH`.
*Same prefix*: the parser is deterministic, so after ``B`` it is in the same state as when
the entry was made; at rest, so nothing of ``B`` waits on what follows. *The paragraph is
inert*: from rest, ``D'`` tokenises on its own into the same tokens as ``D`` — ``<p>`` with
a ``class`` and a ``data-search-exclude`` attribute, text, ``<time datetime="…">`` whose
value is digits and dashes, text, ``</time>``, ``.``, ``</p>`` (or the ``<p>``, the fixed
text of an unknown date, ``</p>``) — since the regex lets no ``<``, ``&``, quote or ``>``
into its variable parts and ends on the complete ``</p>``. None of those is a form, a script,
a style or carries a ``style`` attribute, and text outside a script or style is dropped, so
``D'`` collects nothing and ends at rest like ``D``; what it changes of the parser's state
(``lasttag``, the last start tag's text) nothing reads. *Same suffix*: the parser then reads
``A`` from the very state it read it from when the entry was made, and collects the same.
So the collected lists, hence the policy, are those of ``B + D + A``. And at a point of
rest, feeding the page in pieces reads it exactly as feeding it whole (no token spans the
cut; ``tests/test_csp_memo.py`` checks this on random pages with the paragraph planted
anywhere, inside scripts, comments and attribute values too). A page that is not at rest at
a cut is parsed again whole, as without the memo, and not stored.
"""

from __future__ import annotations

import functools
import json
import platform
from collections.abc import Callable
from pathlib import Path

from generator.publish import csp
from generator.publish.build_memo import PageMemo, open_cached
from generator.site.memo_keys import digest, source_version
from generator.site.pages import dated
from generator.site.pages.dated import split_dated as split_date

MEMO_NAME = "csp"


@functools.cache
def memo_version() -> str:
    """The version of the policies this code gives: its sources and Python's."""
    here = Path(__file__)
    extra = f"{platform.python_implementation()} {platform.python_version()}"
    return source_version(Path(csp.__file__), Path(dated.__file__), here, extra=extra)


def open_memo() -> PageMemo | None:
    """The policy memo of the cache folder, or None when the cache is off."""
    return open_cached(MEMO_NAME, memo_version())


def memo_key(
    version: str, form_action: str | None, html: str, parts: tuple[str, str, str] | None
) -> str:
    """The key of a page's policy: its text without the date paragraph (the cut's place in
    the head, so no two splits share a key), or its whole text; the origin; the version."""
    if parts is None:
        return digest(version, json.dumps(["page", form_action]), html)
    before, _, after = parts
    return digest(version, json.dumps(["split", form_action, len(before)]), before, after)


def in_pieces(parts: tuple[str, str, str], form_action: str | None) -> str | None:
    """The policy read in three pieces when both cuts are at rest and the paragraph
    collected nothing (then it holds for any date paragraph there), else None."""
    before, paragraph, after = parts
    found = csp.Inline()
    found.feed(before)
    if not found.at_rest():
        return None
    seen = found.collected()
    found.feed(paragraph)
    if not found.at_rest() or found.collected() != seen:
        return None
    found.feed(after)
    found.close()
    return csp.policy_of(found, form_action)


def policy(html: str, *, form_action: str | None, memo: PageMemo) -> str:
    """:func:`csp.policy` of ``html``, from ``memo`` when it holds the page's key; a miss is
    stored when the proof above holds (or the key is the whole text)."""
    parts = split_date(html)
    key = memo_key(memo.version, form_action, html, parts)
    kept = memo.get(key)
    if isinstance(kept, str):
        return kept
    made = None if parts is None else in_pieces(parts, form_action)
    if made is None:
        made = csp.policy(html, form_action=form_action)
        if parts is not None:
            return made  # a cut not at rest: right for this page only
    memo.put(key, made)
    return made


def policy_for(memo: PageMemo | None, form_action: str | None) -> Callable[[str], str] | None:
    """What :func:`csp.add_policy` asks for a page's policy (None: no memo, parse it)."""
    if memo is None:
        return None
    return functools.partial(policy, form_action=form_action, memo=memo)


# A worker process's copy of the memo, set once by the pool's initializer.
_WORKER: PageMemo | None = None


def adopt(memo: PageMemo | None) -> None:
    """Pool initializer: keep the main process's memo (inherited when forked, else sent
    once per worker, never per chunk)."""
    global _WORKER
    _WORKER = memo


def worker_view() -> PageMemo | None:
    """A fresh copy of the worker's memo for one chunk (its delta goes back to the main)."""
    return None if _WORKER is None else _WORKER.view()
