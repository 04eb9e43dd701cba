"""Addresses between generated pages: relative URLs, unit slugs and row/card anchors."""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable

from generator.read.text import slug
from generator.site.views import UnitView


@functools.lru_cache(maxsize=1 << 16)  # a pure function of two strings; overview pages ask
def relative_url(from_page: str, target: str) -> str:  # the same thousands of times
    """URL of ``target`` (a site path such as ``don-vi/th/`` or ``du-lieu-mo/a.csv``, ``""``
    for home; an optional ``#fragment``) relative to the page built from ``from_page``
    (a docs path such as ``ket-qua/ca-nhan/index.md``) with directory URLs."""
    path, _, fragment = target.partition("#")
    here = posixpath.dirname(from_page)
    if posixpath.basename(from_page) != "index.md":
        here = posixpath.join(here, posixpath.splitext(posixpath.basename(from_page))[0])
    rel = posixpath.relpath(path.rstrip("/") or ".", here or ".")
    if path == "" or path.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")


def unit_slugs(units: Iterable[UnitView]) -> dict[str, str]:
    """Unit code → URL slug; unique, ASCII, never empty (a clash gets a numeric suffix)."""
    taken: set[str] = set()
    slugs: dict[str, str] = {}
    for n, u in enumerate(units, start=1):
        base = slug(u.slug or u.code) or f"don-vi-{n}"
        candidate, k = base, 1
        while candidate in taken:
            k += 1
            candidate = f"{base}-{k}"
        taken.add(candidate)
        slugs[u.code] = candidate
    return slugs


def initiative_anchor(code: str) -> str:
    """Anchor of an initiative's card on its department's page."""
    return f"sk-{slug(code) or 'khac'}"


def collective_anchor(unit_code: str) -> str:
    """Anchor of a department's row on /ket-qua/tap-the/ (as the honour roll links it)."""
    return f"tt-{slug(unit_code)}"
