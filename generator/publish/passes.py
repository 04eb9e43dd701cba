"""The passes that make a built site safe and Vietnamese, run on the builder's output.

Whatever the builder (mkdocs, ProperDocs, or a plugin-less one), its output folder gets the
same passes, in this order:

1. **Folded search data**: the search index gets folded copies of every entry (no diacritics,
   ``đ`` → ``d``; :mod:`generator.site.search_index`), its entries in page order, in
   ``search_index.json`` and in the offline build's inlined ``search_index.js``.
2. **Offline links** (offline build only): relative links to folders name their ``index.html``,
   since a folder does not open its page from ``file://``.
3. **Content-Security-Policy** on every HTML file, with the hashes of its final inline scripts
   and styles (:mod:`generator.publish.csp`), so this pass runs last.

Each pass is a pure function of a file's text; :func:`apply_passes` walks the folder.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from generator.publish import csp
from generator.site.search_index import fold_index

SEARCH_JSON = "search/search_index.json"
SEARCH_JS = "search/search_index.js"
_JS_PREFIX = "var __index = "  # how Material's offline plugin inlines the index
# href="…/" or href="…/#frag": relative (no scheme, not "/", "//" or "#"), ends in a slash.
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


def apply_passes(site_dir: Path, passes: Passes) -> None:
    """Run the passes over every file of a built site, in place."""
    fold_search_files(site_dir)
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        fixed = page_pass(text, page.relative_to(site_dir).as_posix(), passes)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def page_pass(html: str, name: str, passes: Passes) -> str:
    """One page through the offline-links and policy passes."""
    if passes.offline:
        html = file_links(html)
    if not passes.policy:
        return html
    try:
        return csp.add_policy(html)
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
    data = json.dumps(fold_index(index), ensure_ascii=False, separators=(",", ":"))
    index_file.write_text(data, encoding="utf-8")
    script = site_dir / SEARCH_JS
    if script.is_file():
        script.write_text(_JS_PREFIX + data, encoding="utf-8")
