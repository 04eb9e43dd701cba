"""The passes that make a built site safe and Vietnamese, run on the builder's output.

Whatever the builder (mkdocs, ProperDocs, or a plugin-less one), its output folder gets the
same passes, in this order:

1. **Folded search data**: the search index gets folded copies of every entry (no diacritics,
   ``đ`` → ``d``; :mod:`generator.site.search_index`), its entries in page order, in
   ``search_index.json`` and in the offline build's inlined ``search_index.js``.
2. **Campaign links** (a site with several campaigns): a link on a campaign's page to a root
   redirect page (:mod:`generator.site.campaigns`) leads instead to the same campaign's page
   of that path when it has one, so a reader of an archived campaign is never moved to the
   current one; the sitemap lists no redirect page.
3. **Offline links** (offline build only): relative links to folders name their ``index.html``,
   since a folder does not open its page from ``file://``.
4. **Content-Security-Policy** on every HTML file, with the hashes of its final inline scripts
   and styles (:mod:`generator.publish.csp`), so this pass runs last. A page that is last
   build's but for the data's date gets last build's policy from the build memo
   (:mod:`generator.publish.csp_memo`: only where that is provably the policy a parse gives).

Each page pass is a pure function of a file's text (and of the site's set of pages);
:func:`apply_passes` walks the folder.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from generator.publish import csp, csp_memo, fold_memo
from generator.publish.allowlist import site_files
from generator.publish.build_memo import PageMemo
from generator.read.gc_pause import inherited_heap_frozen
from generator.site.pages.page_store import MemoStats
from generator.site.search_index import fold_index

SEARCH_JSON = "search/search_index.json"
SEARCH_JS = "search/search_index.js"
_JS_PREFIX = "var __index = "  # how Material's offline plugin inlines the index
# href="…/" or href="…/#frag": relative (no scheme, not "/", "//" or "#"), ends in a slash.
# A relative href (no scheme, not "/", "//" or "#"): its path, then its fragment or query.
_REL_LINK = re.compile(r'(\bhref=")((?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^"#?]*)([#?][^"]*)?"')
_REFRESH = '<meta http-equiv="refresh"'
_SITEMAP_URL = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.S)
SITEMAP = "sitemap.xml"
# A site this big is worth two worker processes (the machine has two cores); fewer pages
# are passed in this process. Pages go to the workers in chunks, not one process each.
_POOL_PAGES = 64
_CHUNK = 16
_WORKERS = 2
_DIR_LINK = re.compile(r'(\bhref=")((?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^"#?]*/|\.\.?)((?:#[^"]*)?")')


def file_links(html: str) -> str:
    """Relative links to folders (``../tieu-chi/``) → to their page (``../tieu-chi/index.html``)."""

    def repl(m: re.Match[str]) -> str:
        path = m.group(2)
        if not path.endswith("/"):
            path += "/"
        return f"{m.group(1)}{path}index.html{m.group(3)}"

    return _DIR_LINK.sub(repl, html)


class PassError(Exception):
    """A built file the passes cannot make safe (e.g. an inline script no hash can cover)."""


@dataclass(frozen=True)
class Passes:
    """Which passes run: ``offline`` for a site opened from disk; ``policy`` off only for
    ``mkdocs serve``, whose live-reload script changes on every request."""

    offline: bool = False
    policy: bool = True
    sections: tuple[str, ...] = ()  # the campaigns' folders of a site with several campaigns
    # campaign folder ('' for a lone campaign at the root) → the origin its comment form
    # posts to (``https://host[:port]``): the CSP ``form-action`` of that folder's pages
    form_origins: tuple[tuple[str, str], ...] = ()

    def form_origin(self, name: str) -> str | None:
        """The comment form's origin for the page ``name`` (a path in the built site)."""
        origins = dict(self.form_origins)
        return origins.get(name.partition("/")[0] if "/" in name else "", origins.get(""))


def apply_passes(site_dir: Path, passes: Passes) -> MemoStats | None:
    """Run the passes over every file of a built site, in place: each page read and written
    once; on a big site the search index and chunks of pages go to two worker processes
    (each file is a pure function of its own text, so the bytes are the same either way).
    Returns what the policy memo did (None: no memo, the cache is off or no policy pass);
    the memo is read before the workers start, their entries merged and saved once."""
    memo = csp_memo.open_memo() if passes.policy else None
    _apply(site_dir, passes, memo)
    if memo is None:
        return None
    memo.save()
    return memo.stats


def html_pages(site_dir: Path) -> list[str]:
    """The site paths of the built site's HTML files (its ``*.html`` files and symlinks)."""
    return [name for name in site_files(site_dir) if name.endswith(".html")]


def _apply(site_dir: Path, passes: Passes, memo: PageMemo | None) -> None:
    site = SitePages.of(site_dir, passes.sections)
    if site.redirects:
        drop_redirects_from_sitemap(site_dir, site.redirects)
    names = sorted(html_pages(site_dir), key=lambda name: name.split("/"))  # rglob's order
    chunks = [names[n : n + _CHUNK] for n in range(0, len(names), _CHUNK)]
    if len(names) < _POOL_PAGES:
        fold_search_files(site_dir)
        for chunk in chunks:
            pass_pages(site_dir, chunk, site, passes, memo)
        return
    with worker_pool(memo) as pool:
        folding = pool.submit(fold_search_files, site_dir)
        args = repeat(site_dir), chunks, repeat(site), repeat(passes)
        for delta in pool.map(_pass_chunk, *args):
            if memo is not None and delta is not None:
                memo.merge(delta)
        folding.result()


def worker_pool(memo: PageMemo | None) -> ProcessPoolExecutor:
    """The passes' two forked workers, each with the heap it inherits frozen and ``memo``."""
    return ProcessPoolExecutor(_WORKERS, initializer=_start_worker, initargs=(memo,))


def _start_worker(memo: PageMemo | None) -> None:
    """A pass worker's start: the inherited heap frozen, the main process's memo kept."""
    inherited_heap_frozen()
    csp_memo.adopt(memo)


def _pass_chunk(
    site_dir: Path, names: list[str], site: SitePages, passes: Passes
) -> PageMemo | None:
    """A worker's chunk: :func:`pass_pages` with the worker's memo; its new entries back."""
    memo = csp_memo.worker_view()
    pass_pages(site_dir, names, site, passes, memo)
    return None if memo is None else memo.delta()


def pass_pages(
    site_dir: Path, names: list[str], site: SitePages, passes: Passes, memo: PageMemo | None = None
) -> None:
    """The campaign-links, offline-links and policy passes on the pages ``names``, in place."""
    for name in names:
        page = site_dir / name
        text = page.read_text(encoding="utf-8")
        fixed = page_pass(campaign_links(text, name, site), name, passes, memo)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


@dataclass(frozen=True)
class SitePages:
    """What the campaign-links pass needs to know of a built site: its HTML files, which of
    them at the root are redirect pages, and the campaigns' folders."""

    pages: frozenset[str] = frozenset()
    redirects: frozenset[str] = frozenset()
    sections: tuple[str, ...] = field(default=())

    @classmethod
    def of(cls, site_dir: Path, sections: tuple[str, ...]) -> SitePages:
        """The pages of the site built in ``site_dir`` (no redirect looked for without
        ``sections``: a lone campaign's site has none)."""
        if not sections:
            return cls()
        pages = frozenset(html_pages(site_dir))
        redirects = frozenset(
            name
            for name in pages
            if name.partition("/")[0] not in sections
            and _REFRESH in (site_dir / name).read_text(encoding="utf-8")
        )
        return cls(pages, redirects, sections)


def campaign_links(html: str, name: str, site: SitePages) -> str:
    """On the campaign page ``name``, links to a root redirect page → to the same campaign's
    page of that path when it has one (same relative form, fragment kept)."""
    section = name.partition("/")[0]
    if not site.redirects or "/" not in name or section not in site.sections:
        return html
    here = posixpath.dirname(name)

    def repl(m: re.Match[str]) -> str:
        path, tail = m.group(2), m.group(3) or ""
        target = posixpath.normpath(posixpath.join(here, path or "."))
        folder = path == "" or path.endswith("/") or path in (".", "..")
        page = f"{target}/index.html" if folder else target
        own = f"{section}/{page}"
        if page not in site.redirects or own not in site.pages:
            return m.group(0)
        if folder:
            moved = posixpath.relpath(posixpath.dirname(own), here) + "/"
        else:
            moved = posixpath.relpath(own, here)
        return f'{m.group(1)}{moved}{tail}"'

    return _REL_LINK.sub(repl, html)


def drop_redirects_from_sitemap(site_dir: Path, redirects: frozenset[str]) -> None:
    """``sitemap.xml`` (and its ``.gz``, same header date) without the redirect pages."""
    sitemap = site_dir / SITEMAP
    if not sitemap.is_file():
        return
    text = sitemap.read_text(encoding="utf-8")
    locs = _SITEMAP_URL.findall(text)
    if not locs:
        return
    base = min(locs, key=len)  # the home page's address, every other one's prefix
    moved = {r.removesuffix("index.html") for r in redirects}

    def repl(m: re.Match[str]) -> str:
        loc = m.group(1)
        return "" if loc.startswith(base) and loc[len(base) :] in moved else m.group(0)

    fixed = _SITEMAP_URL.sub(repl, text)
    if fixed == text:
        return
    sitemap.write_text(fixed, encoding="utf-8")
    packed = site_dir / f"{SITEMAP}.gz"
    if packed.is_file():
        mtime = int.from_bytes(packed.read_bytes()[4:8], "little")
        with (
            packed.open("wb") as out,
            gzip.GzipFile(fileobj=out, filename=str(packed), mode="wb", mtime=mtime) as gz,
        ):
            gz.write(fixed.encode("utf-8"))


def page_pass(html: str, name: str, passes: Passes, memo: PageMemo | None = None) -> str:
    """One page through the offline-links and policy passes (the policy from ``memo`` when
    it provably holds the page's)."""
    if passes.offline:
        html = file_links(html)
    if not passes.policy:
        return html
    origin = passes.form_origin(name)
    try:
        return csp.add_policy(
            html, form_action=origin, policy_for=csp_memo.policy_for(memo, origin)
        )
    except ValueError as exc:
        raise PassError(f"Content-Security-Policy cho {name}: {exc}") from exc


def in_page_order(docs: list[dict[str, object]]) -> list[dict[str, object]]:
    """Index entries grouped by page, pages by path, a page's sections in their order: the
    order a builder walks its files in (content folder first, or generated pages first)
    must not change the published bytes."""
    position = {id(doc): n for n, doc in enumerate(docs)}
    return sorted(docs, key=lambda d: (str(d.get("location", "")).split("#")[0], position[id(d)]))


def fold_search_files(site_dir: Path) -> None:
    """Fold the search index and, when the offline build inlined it, its script copy."""
    index_file = site_dir / SEARCH_JSON
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index["docs"] = in_page_order(index.get("docs", []))
    memo = fold_memo.open_memo()  # the folded texts of the last build
    folded = fold_index(index, fold_memo.folder(memo))
    data = json.dumps(folded, ensure_ascii=False, separators=(",", ":"))
    index_file.write_text(data, encoding="utf-8")
    if memo is not None:
        memo.save()
    script = site_dir / SEARCH_JS
    if script.is_file():
        script.write_text(_JS_PREFIX + data, encoding="utf-8")
