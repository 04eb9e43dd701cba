"""The builder's render of a generated page's heading, kept from one build to the next.

A generated page reaches Python-Markdown as its heading and a placeholder word
(:mod:`generator.publish.raw_pages`), yet mkdocs' ``Page.render`` still makes a Markdown
instance with every configured extension for it: most of the render's cost at 3,000 pages.
What the render leaves on the page (``content`` before ``on_page_content``, the table of
contents, the title it found, the anchor ids present, the links to anchors) is a function of
the Markdown text, the page's source path, the extensions' configuration and the code of
mkdocs, Python-Markdown and the slug function. :class:`HeadingMemo` keeps those values
(memo ``headings`` in the build memo folder) by a key of all of these, and gives them to the
next build's page without a render. It keeps only what it can give back exactly: every link
of the content a fragment of the page itself (a heading's permalink), no link to another
file, no image; and it works only when the builder's ``Page.render`` is the pinned mkdocs'
method, source for source (:data:`RENDER_SOURCE`): another builder's pages render as before.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.publish import raw_pages
from generator.publish.build_memo import PageMemo, open_cached
from generator.site import slugs
from generator.site.memo_keys import digest, source_version

MEMO_NAME = "headings"
# sha256 of the pinned mkdocs' Page.render source (what _give sets is what that method sets)
RENDER_SOURCE = "320529348f7a8af152073d0a3ab02960ccce91f9204716144e51b20931983cc6"
_LINK = re.compile(r"""\s(?:href|src|srcset)=["']([^"']*)["']""")


def render_digest(render: Any) -> str | None:
    """The sha256 of a ``Page.render`` method's source, or None when it has none."""
    try:
        return hashlib.sha256(inspect.getsource(render).encode()).hexdigest()
    except (OSError, TypeError):
        return None


def memo_version(config: Any) -> str:
    """The code and configuration a heading's render depends on."""
    extensions = json.dumps(
        [config["markdown_extensions"], config["mdx_configs"]], default=_named, sort_keys=True
    )
    libraries = " ".join(f"{d} {_version(d)}" for d in ("mkdocs", "markdown", "properdocs"))
    files = (Path(__file__), Path(raw_pages.__file__), Path(slugs.__file__))
    return source_version(*files, extra=f"{libraries}\n{extensions}")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "none"


def _named(value: Any) -> str:
    """A configured callable (the slug function) by its name: its code is in the version."""
    return f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', repr(value))}"


@dataclass
class HeadingMemo:
    """The renders of one build's generated pages through a memo (``memo`` None: off)."""

    memo: PageMemo | None = None
    version: str = ""

    @classmethod
    def open(cls, config: Any, render: Any) -> HeadingMemo:
        """The memo of the cache folder the environment names, when ``render`` (the
        builder's ``Page.render``) is the pinned method; else none."""
        if render_digest(render) != RENDER_SOURCE:
            return cls()
        version = memo_version(config)
        return cls(open_cached(MEMO_NAME, version), version)

    def attach(self, page: Any, markdown: str) -> None:
        """Make ``page``'s coming render (of ``markdown``) go through the memo."""
        if self.memo is None:
            return
        original = type(page).render

        def render(config: Any, files: Any) -> None:
            key = digest(self.version, page.file.src_uri, markdown)
            if not self._give(key, page):
                original(page, config, files)
                self._keep(key, page)

        page.render = render

    def _give(self, key: str, page: Any) -> bool:
        assert self.memo is not None
        kept = self.memo.get(key)
        if kept is None or not _well_formed(kept):
            return False
        from mkdocs.structure.toc import get_toc

        page.content = kept["content"]
        page.toc = get_toc(kept["toc"])
        page._title_from_render = kept["title"]
        page.present_anchor_ids = set(kept["anchors"])
        if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {page.file: dict(kept["links"])} if kept["links"] else {}
        return True

    def _keep(self, key: str, page: Any) -> None:
        assert self.memo is not None
        links = page.links_to_anchors or {}
        if set(links) - {page.file} or not _own_fragments_only(page.content):
            return
        self.memo.put(
            key,
            {
                "content": page.content,
                "toc": [_token(item) for item in page.toc.items],
                "title": page._title_from_render,
                "anchors": sorted(page.present_anchor_ids or ()),
                "links": sorted((links.get(page.file) or {}).items()),
            },
        )

    def save(self) -> None:
        if self.memo is not None:
            self.memo.save()

    def report(self) -> str:
        stats = self.memo.stats if self.memo is not None else None
        if stats is None:
            return "heading-memo off\n"
        return f"heading-memo kept {stats.hits} made {stats.stored}\n"


def _own_fragments_only(content: str) -> bool:
    return all(link.startswith("#") for link in _LINK.findall(content))


def _token(item: Any) -> dict[str, Any]:
    """An AnchorLink as the toc extension's token it was made from."""
    return {
        "level": item.level,
        "id": item.id,
        "name": item.title,
        "children": [_token(child) for child in item.children],
    }


def _well_formed(kept: Any) -> bool:
    if not isinstance(kept, dict) or set(kept) != {"content", "toc", "title", "anchors", "links"}:
        return False
    return (
        isinstance(kept["content"], str)
        and isinstance(kept["toc"], list)
        and all(_token_ok(t) for t in kept["toc"])
        and (kept["title"] is None or isinstance(kept["title"], str))
        and all(isinstance(a, str) for a in kept["anchors"])
        and all(isinstance(p, list) and len(p) == 2 for p in kept["links"])
    )


def _token_ok(token: Any) -> bool:
    return (
        isinstance(token, dict)
        and set(token) == {"level", "id", "name", "children"}
        and isinstance(token["level"], int)
        and isinstance(token["id"], str)
        and isinstance(token["name"], str)
        and isinstance(token["children"], list)
        and all(_token_ok(c) for c in token["children"])
    )
