"""Content-Security-Policy for every page, as a ``<meta http-equiv>`` tag (GitHub Pages can't
send headers).

The policy allows only the site's own files. The theme writes a few small inline scripts
into every page (mkdocs-material: local-storage helpers, the tab state); they are allowed by
their SHA-256 hash, computed on the final HTML of each page, so any other inline script —
one smuggled in through data, say — is refused by the browser. Inline ``style`` attributes
(the home page's bar chart) are allowed the same way, by hash (``'unsafe-hashes'`` lets a
hash match a style attribute); ``'unsafe-inline'`` is never used.

``form-action`` is ``'none'`` unless a form needs more: the campaign's comment endpoint
(``form_action``, the origin of ``comments.endpoint``: the comment form posts only there) and
``'self'`` on a page holding a form whose ``action`` is one of the site's own pages (the home
page's look-up form, a GET to the results page that works without JavaScript).

A ``<meta>`` policy cannot carry ``frame-ancestors``, ``report-uri`` or ``sandbox``
(browsers ignore them there and complain), so they are left out.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Callable
from html.parser import HTMLParser

META_NAME = "Content-Security-Policy"
# Script types the browser executes (an empty/absent type is JavaScript); data blocks such as
# Material's <script type="application/json"> are never run, so they need no hash.
_JS_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
)
_WATCHED = frozenset({"form", "script", "style"})  # the start tags read without attributes too
_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_EXISTING = re.compile(r"<meta\s+http-equiv=[\"']?content-security-policy", re.IGNORECASE)


class Inline(HTMLParser):
    """Collects inline scripts, <style> elements and style attributes, as the browser sees
    them (script and style contents raw, attribute values with entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attributes: list[str] = []
        self.own_form = False  # a <form action="…"> naming one of the site's own pages
        self._open: str | None = None  # "script" | "style" | "skip" while inside one
        self._text: list[str] = []

    def at_rest(self) -> bool:
        """Between tokens in plain data: no text held back (``rawdata`` all read), no
        ``<script>``/``<style>`` open, neither for the parser nor for this collector. Feeding
        more text from here parses it as if it were a page's start (:mod:`.csp_memo`)."""
        return self.rawdata == "" and self.cdata_elem is None and self._open is None

    def collected(self) -> tuple[int, int, int, bool]:
        """How much was collected so far (the lists only grow)."""
        counts = len(self.scripts), len(self.styles), len(self.style_attributes)
        return (*counts, self.own_form)

    def updatepos(self, i: int, j: int) -> int:
        """Skip the line and column bookkeeping: it only serves ``getpos()``, which nothing
        here calls, and counting the newlines of every token costs a seventh of the parse;
        the base class returns ``j`` too, so what the parser does next is unchanged."""
        return j

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not attrs and tag not in _WATCHED:
            return  # no style attribute, and not a form, script or style element
        values = dict(attrs)
        style = values.get("style")
        if style is not None:
            self.style_attributes.append(style)
        if tag == "form" and _is_own_page(values.get("action")):
            self.own_form = True
        if tag == "script":
            kind = (values.get("type") or "").strip().lower()
            runs = "src" not in values and kind in _JS_TYPES
            self._open, self._text = ("script" if runs else "skip"), []
        elif tag == "style":
            self._open, self._text = "style", []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        style = dict(attrs).get("style")
        if style is not None:
            self.style_attributes.append(style)

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._open is not None:
            text = "".join(self._text)
            if self._open == "script":
                self.scripts.append(text)
            elif self._open == "style":
                self.styles.append(text)
            self._open, self._text = None, []


def _is_own_page(action: str | None) -> bool:
    """A form action that is a relative address (no scheme, not ``//host``)."""
    if action is None:
        return False
    action = action.strip()
    return bool(action) and not action.startswith("//") and not _SCHEME.match(action)


@functools.lru_cache(maxsize=256)
def source_hash(text: str) -> str:
    """CSP hash source of an inline script or style: ``'sha256-<base64>'``."""
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _sorted_unique(items: list[str]) -> list[str]:
    return sorted(set(items))


def policy(html: str, *, form_action: str | None = None) -> str:
    """The policy for one page: its own inline scripts and styles allowed by hash only;
    forms may post to ``form_action`` (an origin, ``https://host[:port]``) and, when the
    page has a form to one of its own pages, to the site itself; else nowhere."""
    found = Inline()
    found.feed(html)
    found.close()
    return policy_of(found, form_action)


def policy_of(found: Inline, form_action: str | None) -> str:
    """The policy of a page whose whole text ``found`` has read (and closed)."""
    scripts = _sorted_unique([source_hash(s) for s in found.scripts])
    styles = _sorted_unique([source_hash(s) for s in found.styles])
    attributes = _sorted_unique([source_hash(s) for s in found.style_attributes])
    style_src = ["'self'", *styles]
    if attributes:
        style_src += ["'unsafe-hashes'", *(a for a in attributes if a not in styles)]
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", *scripts]),
        ("style-src", style_src),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("worker-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("frame-src", ["'none'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", _form_sources(found.own_form, form_action)),
    ]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


def _form_sources(own_form: bool, form_action: str | None) -> list[str]:
    sources = (["'self'"] if own_form else []) + ([form_action] if form_action else [])
    return sources or ["'none'"]


def add_policy(
    html: str, *, form_action: str | None = None, policy_for: Callable[[str], str] | None = None
) -> str:
    """``html`` with its CSP meta tag first in <head> (right after the charset declaration,
    before any script). A page that already declares a policy is an error: two policies
    would both apply and the page's own one was not computed here. ``policy_for`` (the
    build memo's, :mod:`generator.publish.csp_memo`) gives the same text as :func:`policy`
    of the page, faster."""
    if _EXISTING.search(html):
        raise ValueError("the page already declares a Content-Security-Policy")
    content = policy(html, form_action=form_action) if policy_for is None else policy_for(html)
    tag = f'<meta http-equiv="{META_NAME}" content="{content}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("no <head> to put the Content-Security-Policy in")
    return html[: anchor.end()] + "\n    " + tag + html[anchor.end() :]


def declared_policy(html: str) -> str | None:
    """The policy of a built page (for checks), or None when it declares none."""
    match = re.search(
        r"<meta\s+http-equiv=\"Content-Security-Policy\"\s+content=\"([^\"]*)\"", html
    )
    return match.group(1) if match else None
