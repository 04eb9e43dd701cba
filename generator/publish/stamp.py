"""Generated pages stamped from one page the builder's theme rendered, not each rendered.

The theme renders every page in full (header, navigation, search dialog, footer) though a
big campaign's thousands of department pages differ only in their title, their heading's
anchor, their address and their content. :class:`Stamper` lets the builder render the first
page of a kind, cuts that output into a *shell* (the text between the slots where the title,
the anchor, the address and the content were), and renders the next page of the kind too: a
shell is used only once it gave that next page exactly the bytes the theme did. From then
on, a page of the kind is its content filled into the shell.

A page's kind (:class:`PageFacts.kind`) holds all a theme may read of it besides the slots:
its front matter, its folder depth, its table of contents' shape and what the theme's
templates test of its content (:data:`CONTENT_PROBES`). Only pages outside the navigation
are stamped (a page in it is marked active there), and only with a plain title and anchor (no
character any template would escape or change). Any other page, and any page before its
kind's shell is verified, is rendered by the theme as before: the site's bytes are the same
either way. ``THIDUA_STAMP=0`` turns stamping off, and the search pool of
:mod:`generator.publish.search_pages` with it (every page through the theme and the search
plugin as before).

Pure functions of the builder's values; the builder hook (:mod:`generator.publish.hook.
thidua_raw_pages`) hands them in.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import ChoiceLoader, DictLoader

OFF_ENV = "THIDUA_STAMP"
TEMPLATE = "thidua-stamp.html"  # an empty template: the theme is skipped, the hook fills in
# Strings the theme's templates (overrides/*.html) test page.content for: a page's kind
# includes which of them its content holds. tests/test_stamp.py checks the overrides.
CONTENT_PROBES: tuple[str, ...] = ("thidua-updated",)
# Text no template escapes, quotes or reshapes: letters, digits, spaces and plain punctuation.
_PLAIN = re.compile(r"[\w .,()/:–—-]+")
_SLOTS = ("title", "anchor", "url")


def stamping_enabled() -> bool:
    """False when ``THIDUA_STAMP`` asks for every page through the theme."""
    return os.environ.get(OFF_ENV, "").strip() not in ("0", "false", "no")


@dataclass(frozen=True)
class PageFacts:
    """What a stamped page puts into its kind's shell, and what decides its kind."""

    title: str
    anchor: str
    url: str
    kind: str

    @property
    def plain(self) -> bool:
        """True when every slot's text is the same escaped or not (and is not empty)."""
        return all(_PLAIN.fullmatch(getattr(self, slot)) for slot in _SLOTS)


def page_kind(meta: dict[str, object], url: str, toc_shape: str, content: str) -> str:
    """A page's kind: what a theme may read of it besides its slots."""
    probes = [probe in content for probe in CONTENT_PROBES]
    return json.dumps([meta, url.count("/"), toc_shape, probes], sort_keys=True, default=str)


@dataclass(frozen=True)
class Shell:
    """A rendered page cut at its slots: ``pieces`` around ``slots``, one fewer slot."""

    pieces: tuple[str, ...]
    slots: tuple[str, ...]
    facts: PageFacts  # the page it was cut from

    def verifies(self, facts: PageFacts, content: str, html: str) -> bool:
        """True when this shell gives another page (every slot's value different from the
        one it was cut from, so no value can sit where it does by chance) its ``html``."""
        if any(getattr(facts, s) == getattr(self.facts, s) for s in _SLOTS):
            return False
        return self.fill(facts, content) == html

    def fill(self, facts: PageFacts, content: str) -> str:
        """The page ``facts`` with ``content``, as the theme would have rendered it."""
        values = {"title": facts.title, "anchor": facts.anchor, "url": facts.url}
        values["content"] = content
        out = [self.pieces[0]]
        for slot, piece in zip(self.slots, self.pieces[1:], strict=True):
            out.append(values[slot])
            out.append(piece)
        return "".join(out)


def cut_shell(html: str, facts: PageFacts, content: str) -> Shell | None:
    """``html`` (the theme's rendering of ``facts`` with ``content``) cut at its slots, or
    None when the content is not in it exactly once."""
    if not content or html.count(content) != 1:
        return None
    head, tail = html.split(content)
    head_pieces, head_slots = _cut_text(head, facts)
    tail_pieces, tail_slots = _cut_text(tail, facts)
    slots = (*head_slots, "content", *tail_slots)
    return Shell((*head_pieces, *tail_pieces), slots, facts)


def _cut_text(text: str, facts: PageFacts) -> tuple[list[str], list[str]]:
    """``text`` cut at every occurrence of a slot's value (the longest first where two
    start at one place)."""
    values = sorted(((getattr(facts, s), s) for s in _SLOTS), key=lambda v: -len(v[0]))
    pattern = re.compile("|".join(re.escape(value) for value, _ in values))
    names = {value: slot for value, slot in reversed(values)}
    pieces, slots, start = [], [], 0
    for m in pattern.finditer(text):
        pieces.append(text[start : m.start()])
        slots.append(names[m.group(0)])
        start = m.end()
    pieces.append(text[start:])
    return pieces, slots


@dataclass
class Stamper:
    """Every page of one build, in the builder's order: rendered, or stamped from a verified
    shell of its kind. ``stamped`` and ``rendered`` count the pages each way."""

    verified: dict[str, Shell] = field(default_factory=dict)
    candidates: dict[str, Shell] = field(default_factory=dict)
    stamped: int = 0
    rendered: int = 0

    def output(self, facts: PageFacts | None, content: str, render: Callable[[], str]) -> str:
        """The page's HTML: ``render()`` (the theme) unless a verified shell gives it."""
        if facts is None or not facts.plain:
            return self._render(render)
        shell = self.verified.get(facts.kind)
        if shell is not None:
            self.stamped += 1
            return shell.fill(facts, content)
        html = self._render(render)
        candidate = self.candidates.pop(facts.kind, None)
        if candidate is not None and candidate.verifies(facts, content, html):
            self.verified[facts.kind] = candidate
            return html
        fresh = cut_shell(html, facts, content)
        if fresh is not None:
            self.candidates[facts.kind] = fresh
        return html

    def _render(self, render: Callable[[], str]) -> str:
        self.rendered += 1
        return render()

    def report(self) -> str:
        """One line for the build's log: pages stamped and rendered."""
        return f"stamped {self.stamped} rendered {self.rendered} kinds {len(self.verified)}\n"


STAMP_REPORT = "thidua-stamp-report.txt"  # beside the staging config: what the hook stamped


@dataclass
class StampHook:
    """The builder hook's side of stamping, for the generated pages of one build: their
    theme template swapped for the empty one (:meth:`choose`), the page's context kept
    (:meth:`context`), then its output stamped or rendered by the theme (:meth:`output`)."""

    enabled: bool = False
    stamper: Stamper = field(default_factory=Stamper)
    _chosen: set[str] = field(default_factory=set)
    _env: Any = None
    _current: tuple[str, Any, PageFacts | None] | None = None

    @classmethod
    def of(cls, pages: Iterable[str]) -> StampHook:
        return cls(enabled=stamping_enabled() and any(True for _ in pages))

    def env(self, env: Any) -> Any:
        """The theme's environment, knowing the empty template."""
        self._env = env
        if self.enabled:
            env.loader = ChoiceLoader([DictLoader({TEMPLATE: ""}), env.loader])
        return env

    def choose(self, page: Any) -> None:
        """A generated page, about to be built: rendered by the hook, not the theme."""
        if self.enabled and "template" not in page.meta:
            page.meta["template"] = TEMPLATE
            self._chosen.add(page.file.src_uri)

    def context(self, context: Any, page: Any, nav: Any) -> None:
        """Keep a chosen page's context (the template was chosen: the meta is restored)."""
        if page.file.src_uri not in self._chosen:
            return
        page.meta.pop("template", None)
        self._current = (page.file.src_uri, context, _facts(page, nav))

    def output(self, output: str, page: Any) -> str:
        """The chosen page's HTML, stamped or rendered; any other page's as it is."""
        current, self._current = self._current, None
        if current is None or current[0] != page.file.src_uri:
            return output
        _src, context, facts = current

        def render() -> str:
            return str(self._env.get_template("main.html").render(context))

        return self.stamper.output(facts, page.content or "", render)


def _facts(page: Any, nav: Any) -> PageFacts | None:
    """A page's slots and kind, or None for a page in the navigation."""
    if page in nav.pages:
        return None
    toc = list(page.toc)
    shape = json.dumps([(item.level, len(item.children)) for item in toc])
    anchor = toc[0].id if toc else ""
    meta = dict(page.meta)
    url = str(page.url)
    return PageFacts(
        str(page.title or ""), str(anchor), url, page_kind(meta, url, shape, page.content or "")
    )
