"""The search entries of generated pages, made by the theme's own indexer on two processes.

Material's search plugin parses every page's HTML as the builder renders it, one page after
the other: at scale the largest part of the build. For the generated pages of a big site the
builder hook puts :class:`SearchPool` in front of the plugin's indexing call: a generated
page goes to a worker process, which indexes it with the plugin's own ``SearchIndex`` class
and configuration, at the moment and with the HTML the plugin would have; the entries join
the plugin's index before it writes the index. The entries are the same the
plugin would have made; their place in the file is set by the folding pass, which orders
every entry by page (:func:`generator.publish.passes.in_page_order`).

Pure Python over the builder's values (nothing here imports the builder): the plugin is found
by what it holds (a ``search_index`` with ``entries`` and ``add_entry_from_context``).
"""

from __future__ import annotations

import importlib.util
import json
import multiprocessing
import re
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.publish.build_memo import DATE_TOKEN, PageMemo
from generator.read.gc_pause import inherited_heap_frozen
from generator.site.memo_keys import digest, source_version
from generator.site.pages import dated
from generator.site.pages.dated import split_dated

# Fewer generated pages than this are indexed by the plugin as before (a pool's start-up
# costs more than it saves).
POOL_PAGES = 64
_WORKERS = 2


# Elements that never hold children (the plugin's own list): no subtree to leave out.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
_START = re.compile(
    r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>"
)
_ATTR = re.compile(r"\s+([^\s=/>]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>")
# Inside a left-out subtree: nothing the plugin reads even there (a heading opens a section;
# comments, declarations, scripts and styles parse otherwise; a nested excluded element ends
# the skipping of an equal outer one early, a quirk of the plugin's set of skipped elements).
_KEEP_IF = re.compile(
    r"<!|<\?|<(?:script|style|object|h[1-6])\b|data-search-exclude|linenodiv", re.IGNORECASE
)
_EXCLUDE = "data-search-exclude"
_DATE_CLASS = 'class="thidua-updated"'
_READ_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "object"})


def without_excluded(html: str) -> str:
    """``html`` with the elements the search plugin skips (``data-search-exclude``) left out,
    a ``<wbr>`` in the place of each (a void tag: the text around it stays two pieces, as the
    plugin reads them). Only where the plugin's entries are the same either way: an element
    is left in when it is the first element (it opens the plugin's first section), a heading,
    a script or a style, or inside an excluded element left in, or when its subtree is not
    balanced or holds anything the plugin reads even there (:data:`_KEEP_IF`)."""
    out, pos, opened, kept_until = [], 0, False, 0
    for m in _START.finditer(html):
        tag = m.group(1).lower()
        if m.start() < pos or tag in VOID or m.group(0).endswith("/>"):
            continue
        first, opened = not opened, True
        if _EXCLUDE not in (a.group(1).lower() for a in _ATTR.finditer(m.group(2))):
            continue
        end = _subtree_end(html, m.end(), tag)
        safe = end is not None and not _KEEP_IF.search(html, m.end(), end)
        if end is None or first or tag in _READ_TAGS or not safe or m.start() < kept_until:
            kept_until = max(kept_until, end if end is not None else len(html))
            continue
        out += [html[pos : m.start()], "<wbr>"]
        pos = end
    out.append(html[pos:])
    return "".join(out)


def _subtree_end(html: str, start: int, tag: str) -> int | None:
    """Where the element opened just before ``start`` ends (after its end tag), or None when
    its subtree is not balanced."""
    stack = [tag]
    for t in _TAG.finditer(html, start):
        name = t.group(2).lower()
        if not t.group(1):
            if name not in VOID and not t.group(0).endswith("/>"):
                stack.append(name)
            continue
        if stack[-1] != name:
            return None
        stack.pop()
        if not stack:
            return t.end()
    return None


@dataclass(frozen=True)
class PageToIndex:
    """What the indexer reads of a page (a builder ``Page``'s attributes, picklable)."""

    url: str
    title: str
    meta: dict[str, Any]
    content: str
    toc: list[Any]


def index_page(index_class: type, config: dict[str, Any], page: PageToIndex) -> list[Any]:
    """The entries ``index_class(**config)`` makes of ``page``."""
    return index_noting_date(index_class, config, page)[0]


def index_noting_date(
    index_class: type, config: dict[str, Any], page: PageToIndex
) -> tuple[list[Any], bool]:
    """:func:`index_page`, and whether the entries may be kept by :func:`memo_key`: always for
    a page keyed by its whole content; for a page keyed without its one date paragraph, only
    when that paragraph was among the elements left out before indexing."""
    content = without_excluded(page.content)
    index = index_class(**config)
    index.add_entry_from_context(replace(page, content=content))
    keyable = split_dated(page.content) is None or _DATE_CLASS not in content
    return list(index.entries), keyable


def memo_version() -> str:
    """What entries depend on besides the page: this module, the theme's indexer (its
    version) and whether the indexer segments Chinese text (jieba installed)."""
    versions = [f"{d} {metadata.version(d)}" for d in ("mkdocs-material", "mkdocs")]
    jieba = importlib.util.find_spec("jieba") is not None
    here = Path(__file__).with_name("build_memo.py")
    return source_version(
        Path(__file__), here, Path(dated.__file__), extra=f"{versions} jieba {jieba}"
    )


def memo_key(config: dict[str, Any], page: PageToIndex) -> str:
    """The memo key of a page's entries: everything the indexer reads of it, its one date
    paragraph (if any) replaced by a token. Such an entry is stored only when the paragraph
    was left out before indexing (:func:`index_noting_date`): :func:`without_excluded` decides
    on a paragraph by its position, its tags and the tags around it, and no date the template
    writes changes a tag or holds what :data:`_KEEP_IF` looks for, so another date is left
    out the same way and the indexer reads the same text."""
    parts = split_dated(page.content)
    content = page.content if parts is None else parts[0] + DATE_TOKEN + parts[2]
    meta = json.dumps(page.meta, sort_keys=True, default=repr, ensure_ascii=False)
    toc = json.dumps(_toc(page.toc), ensure_ascii=False)
    return digest(repr(sorted(config.items())), page.url, page.title, meta, toc, content)


def _toc(items: list[Any]) -> list[Any]:
    """A table of contents as plain values (what the indexer can read of each item)."""
    return [
        [str(getattr(i, a, "")) for a in ("title", "id", "url", "level")]
        + [_toc(list(getattr(i, "children", [])))]
        for i in items
    ]


def material_index(plugins: Any) -> Any | None:
    """The search plugin's index among the builder's plugins, or None."""
    for plugin in getattr(plugins, "values", lambda: [])():
        index = getattr(plugin, "search_index", None)
        if hasattr(index, "entries") and hasattr(index, "add_entry_from_context"):
            return index
    return None


def worker_pool() -> ProcessPoolExecutor:
    """The indexing workers: forked from the builder, each with the heap it inherits frozen."""
    fork = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(_WORKERS, mp_context=fork, initializer=inherited_heap_frozen)


@dataclass
class SearchPool:
    """The generated pages of one build, indexed beside the builder: :meth:`attach` puts the
    pool in front of the plugin's indexing call, which it answers for the generated pages
    (indexed in the workers) and passes on for the others."""

    pages: frozenset[str] = frozenset()  # the generated pages (source paths)
    index: Any = None  # the search plugin's SearchIndex, once attached
    _own: Any = None  # its indexing call
    _config: dict[str, Any] = field(default_factory=dict)  # the index's configuration
    _pool: ProcessPoolExecutor | None = None
    # per generated page in order: its memo key, and its entries (a hit) or their job
    _futures: list[tuple[str, list[Any] | Future[tuple[list[Any], bool]]]] = field(
        default_factory=list
    )
    memo: PageMemo | None = None  # the entries of the last build's pages, by :func:`memo_key`

    def attach(self, index: Any | None) -> None:
        """Answer ``index``'s indexing calls for the generated pages (a big site's only)."""
        if index is None or len(self.pages) < POOL_PAGES:
            return
        self.index, self._own = index, index.add_entry_from_context
        self._config = dict(index.config)
        self.memo = PageMemo.open("search-entries", memo_version())
        index.add_entry_from_context = self._add

    def _add(self, page: Any) -> None:
        if page.file.src_uri not in self.pages:
            self._own(page)
            return
        data = PageToIndex(
            str(page.url), str(page.title or ""), dict(page.meta), page.content or "",
            list(page.toc),
        )  # fmt: skip
        key = memo_key(self._config, data)
        kept = self.memo.get(key) if self.memo is not None else None
        if isinstance(kept, list):
            self._futures.append((key, kept))
            return
        if self._pool is None:
            self._pool = worker_pool()
        job = self._pool.submit(index_noting_date, type(self.index), self._config, data)
        self._futures.append((key, job))

    def finish(self) -> None:
        """Every page's entries into the plugin's index (kept ones and the workers'), in the
        order the builder gave the pages; the workers stopped; the memo saved."""
        try:
            for key, job in self._futures:
                self.index.entries.extend(job if isinstance(job, list) else self._made(key, job))
            if self.memo is not None:
                self.memo.save()
        except Exception:
            for _, job in self._futures:
                if not isinstance(job, list):
                    job.cancel()
            raise
        finally:
            self._futures = []
            if self._pool is not None:
                self._pool.shutdown()
                self._pool = None

    def report(self) -> str:
        """One line for the build's log: search entries kept from the last build, made."""
        if self.memo is None:
            return ""
        return f"search-memo kept {self.memo.stats.hits} made {self.memo.stats.stored}\n"

    def _made(self, key: str, job: Future[tuple[list[Any], bool]]) -> list[Any]:
        entries, keyable = job.result()
        if self.memo is not None and keyable:
            self.memo.put(key, entries)
        return entries
