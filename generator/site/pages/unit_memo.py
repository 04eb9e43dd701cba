"""Department pages kept from one build to the next (:class:`UnitPages`, store ``unit-pages``).

At scale a department page costs about two milliseconds of Jinja, every page, every build;
a data commit that changes one department's file changes that department's page (and those
whose rows a shared quota moved), and every other department page comes out as it did last
time but for its date paragraph. So each page is kept (:mod:`.page_store`, in the build memo
folder of the cache: ``<cache>/build/unit-pages.bin``) by a key of everything its rendering
reads but the date, and its date paragraph is put back.

What a department page's rendering reads (:meth:`PageRenderer.unit_context`), and where the
key has it:

* the code: every source file of ``generator/`` and its templates, Python's and the template
  libraries' versions (:func:`memo_version`, the store's version: a store of other code is
  refused whole);
* the rendering's shared values (:func:`shared_key`): the config (its fields, its contract,
  the earlier campaigns' fields, the chain), the campaign's folder in the site, the phase, the
  honour roll's provisional mark, the comment window, whether the campaign is summarised, and
  every unit's page slug (links); the context's functions read nothing else: the sensitive
  criteria and the deadline come from the config;
* the page (:meth:`UnitPages.key`): its path, its unit's place among the units (the only
  order a department page may read: it has no order over every nominee,
  :data:`~.renderer.NOT_ON_UNIT_PAGES`), the unit's view and its honour roll entries.

The site's view stands in the template as a :class:`~.renderer.PageView` of exactly these
fields and the date, and the environment's undefined is strict, so a template that reads
anything else fails instead of using a page kept without it.

Why the date may be left out, whatever the day: the templates read the date (``updated``,
``view.updated``) in ``_base.html``'s date paragraph only, a line of its own whose every form
(:data:`~.dated.DATE_PARAGRAPH`) holds no line break; ``html_block`` works line by line, so
the other lines are the same for any date. ``mark_abbreviations`` then finds the same first
uses outside the paragraph: every form of it begins with ``<`` and ends with ``>`` (no match
runs across its edges, and after it the last ``>`` still comes after its last ``<``), holds no
known abbreviation and no ``<abbr``. So a page is ``before + P + after`` with the same
``before`` and ``after`` for every date paragraph ``P``; a page without exactly one paragraph
in those forms is not kept. The paragraph put back is this build's, rendered from the base
template with this build's values (:func:`date_paragraph`).

A key is a sha256 of pickles of these values (pickle is faithful: equal bytes, equal values;
two builds that pickle equal values differently only miss). The config is taken by its JSON
and its contract's pickle, not pickled whole: its field sets pickle in a per-process order.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.judge.config import Config
from generator.site.memo_keys import digest, source_version
from generator.site.pages.dated import split_dated
from generator.site.pages.environment import TEMPLATES, environment
from generator.site.pages.markup import html_block, mark_abbreviations
from generator.site.pages.page_store import MemoStats, PageStore
from generator.site.pages.renderer import PageRenderer, PageView
from generator.site.views import HonourEntry, UnitView

# Each value a department page's template gets (PageRenderer.unit_context) and where the key
# has what it reads ("code": a pure function or constant of the sources, memo_version).
# tests/test_unit_memo.py holds the context to this list: a new value is keyed here first.
CONTEXT_READS = {
    "view": "shared (config, phase, honour mark, comments); the date left out",
    "cfg": "shared (config)",
    "sample": "shared (config)",
    "notice": "code",
    "updated": "left out: the date paragraph only",
    "url": "page path",
    "site_url": "page path, shared (campaign folder)",
    "in_folder": "shared (campaign folder)",
    "unit_url": "page path, shared (unit slugs)",
    "reason_of": "shared (config: sensitive criteria)",
    "mark": "shared (config: sensitive criteria)",
    "rank": "code",
    "dossier": "code",
    "failed": "code",
    "council_text": "code",
    "status_label_of": "code",
    "person_facts": "code",
    "collective_facts": "code",
    "crit_collective": "shared (config)",
    "crit_individual": "shared (config)",
    "deadline": "shared (config)",
    "tt_anchor": "code",
    "status_order": "code",
    "unit_order": "page (the unit's place)",
    "ratio": "code",
    "unit_slug": "shared (unit slugs)",
    "sk_anchor": "code",
    "comment_action": "page path, shared (comments, config)",
    "comment_window": "shared (comments)",
    "comment_page": "page path, shared (comments)",
    "summarised": "shared",
}
STORE_NAME = "unit-pages"
TEMPLATE = "unit.html"
_GENERATOR = Path(__file__).resolve().parents[2]
_LIBRARIES = ("jinja2", "markupsafe", "pydantic")


def _pickled(value: object) -> bytes:
    return pickle.dumps(value, protocol=5)


def memo_version() -> str:
    """The version of the pages this code makes: every source file under ``generator/``
    (templates included), Python's version and the template libraries' versions."""
    libraries = " ".join(f"{dist} {metadata.version(dist)}" for dist in _LIBRARIES)
    sources = sorted(p for p in _GENERATOR.rglob("*") if _is_source(p))
    names = " ".join(p.relative_to(_GENERATOR).as_posix() for p in sources)
    return source_version(*sources, extra=f"python {sys.version}\n{libraries}\n{names}")


def _is_source(path: Path) -> bool:
    if "__pycache__" in path.parts or not path.is_file():
        return False
    return path.suffix == ".py" or path.is_relative_to(TEMPLATES)


def config_key(config: Config) -> str:
    """The config by everything a page may read of it: its fields, its contract, the
    earlier campaigns' files and fields, the chain."""
    earlier = config.__pydantic_private__ or {}
    campaigns = earlier.get("_campaigns", {})
    return digest(
        config.model_dump_json(),
        _pickled(earlier.get("_data_contract")),
        *(f"{cid} {file} {cfg.model_dump_json()}" for cid, (file, cfg) in campaigns.items()),
        " ".join(earlier.get("_chain", ())),
    )


def shared_key(site: PageRenderer, view: PageView) -> str:
    """The values every department page of this rendering reads, but the date."""
    slugs = "\n".join(f"{code}\t{slug}" for code, slug in site.unit_slugs.items())
    return digest(  # the code is the store's version (memo_version): not repeated here
        config_key(view.config),
        site.base,
        view.phase,
        _pickled((view.honour_provisional, view.comments, site.summary)),
        slugs,
    )


def date_paragraph(site: PageRenderer, view: PageView) -> str | None:
    """This rendering's date paragraph, made as every page makes it (the base template,
    then the page's block), or None when it is not in one of the known forms."""
    base = environment().get_template("_base.html")
    block = mark_abbreviations(html_block(base.render(**site.context("don-vi/", view))))
    parts = split_dated(block)
    return None if parts is None else parts[1]


@dataclass
class UnitPages:
    """The department pages of one rendering, through the store (``store.path`` None: the
    cache is off, every page rendered)."""

    site: PageRenderer
    store: PageStore
    view: PageView
    shared: str
    dated: str | None

    @classmethod
    def open(cls, site: PageRenderer) -> UnitPages:
        """The pages of ``site`` with the store of the cache folder the environment names."""
        return cls.using(site, PageStore.in_cache(STORE_NAME, memo_version()))

    @classmethod
    def using(cls, site: PageRenderer, store: PageStore) -> UnitPages:
        """The pages of ``site`` with ``store``."""
        view = site.page_view()
        dated = date_paragraph(site, view) if store.path is not None else None
        shared = shared_key(site, view) if store.path is not None else ""
        return cls(site, store, view, shared, dated)

    @property
    def stats(self) -> MemoStats:
        return self.store.stats

    def key(self, path: str, unit: UnitView, honour: Sequence[HonourEntry]) -> str:
        """A page's key: the shared values, its path, its unit's place, unit and entries."""
        index = self.site.unit_order[unit.code]
        return digest(self.shared, path, str(index), _pickled((unit, tuple(honour))))

    def page(self, path: str, unit: UnitView, honour: Sequence[HonourEntry]) -> str:
        """The source of ``unit``'s page at ``path``, kept or rendered (and kept)."""
        if self.dated is None:
            return self.render(path, unit, honour)
        key = self.key(path, unit, honour)
        kept = self.store.get(key)
        if kept is not None:
            return kept[0] + self.dated + kept[1]
        text = self.render(path, unit, honour)
        parts = split_dated(text)
        if parts is not None and parts[1] == self.dated:
            self.store.put(key, (parts[0], parts[2]))
        return text

    def render(self, path: str, unit: UnitView, honour: Sequence[HonourEntry]) -> str:
        """The source of ``unit``'s page at ``path``, rendered."""
        context = self.site.unit_context(path, unit, self.view)
        return self.site.render_with(context, TEMPLATE, unit.name, unit=unit, honour=honour)

    def save(self) -> None:
        """Keep this rendering's pages for the next build."""
        self.store.save()


def unit_pages(
    site: PageRenderer, honour: Mapping[str, tuple[Any, ...]]
) -> Iterator[tuple[str, str]]:
    """Every department page of ``site`` (path, source) in the units' order, through the
    store, which is saved once the last is made."""
    pages = UnitPages.open(site)
    for unit in site.view.units:
        path = f"don-vi/{site.unit_slugs[unit.code]}/index.md"
        yield path, pages.page(path, unit, honour.get(unit.code, ()))
    pages.save()
