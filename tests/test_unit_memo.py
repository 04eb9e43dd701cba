"""Department pages kept from one build to the next (site/pages/unit_memo.py, page_store.py):
a kept page is the page the renderer makes, on any day; whatever a page reads changes its
key; a spoiled store is ignored; the keys do not depend on the process."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2 import UndefinedError

from generator.judge.config import load_config
from generator.site.bundle import make_bundle
from generator.site.pages.dated import split_dated
from generator.site.pages.environment import environment
from generator.site.pages.page_store import MAGIC, PageStore
from generator.site.pages.registry import render_pages
from generator.site.pages.renderer import PageRenderer
from generator.site.pages.unit_memo import CONTEXT_READS, STORE_NAME, UnitPages, memo_version
from generator.site.views import SiteView
from generator.tools.demo import write_demo

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"
DAY = dt.date(2026, 12, 2)


@pytest.fixture(scope="module")
def sample() -> SiteView:
    bundle = make_bundle(CONFIG, with_history=False, parallel=False)
    assert bundle.ok and bundle.view is not None
    return dataclasses.replace(bundle.view, updated=DAY)


@pytest.fixture(scope="module")
def summarised(tmp_path_factory) -> SiteView:
    """40 departments, summary mode: the pages list their honour roll entries."""
    data = tmp_path_factory.mktemp("unit-memo-data")
    config, _ = load_config(CONFIG)
    write_demo(data, config.data_contract, units=40, nominees=600, initiatives=100, seed=5)
    bundle = make_bundle(CONFIG, data, with_history=False, parallel=False)
    assert bundle.ok and bundle.view is not None and bundle.view.honour
    return dataclasses.replace(bundle.view, updated=DAY)


def _store(folder: Path) -> PageStore:
    return PageStore.open(folder / f"{STORE_NAME}.bin", STORE_NAME, memo_version())


def _pages(view: SiteView, folder: Path, base: str = "") -> tuple[dict[str, str], UnitPages]:
    """The department pages of ``view`` through the store in ``folder`` (saved)."""
    site = PageRenderer(view, {}, base)
    pages = UnitPages.using(site, _store(folder))
    honour: dict[str, list] = {}
    for e in view.honour if site.summary else ():
        honour.setdefault(e.unit_code, []).append(e)
    out = {}
    for unit in view.units:
        path = f"don-vi/{site.unit_slugs[unit.code]}/index.md"
        out[path] = pages.page(path, unit, tuple(honour.get(unit.code, ())))
    pages.save()
    return out, pages


def _fresh(view: SiteView, monkeypatch, base: str = "") -> dict[str, str]:
    """The department pages as the renderer makes them without any store."""
    with monkeypatch.context() as m:
        m.setenv("THIDUA_NO_CACHE", "1")
        pages = render_pages(view, {}, base)
    return {p: s for p, s in pages.items() if p.startswith("don-vi/") and p != "don-vi/index.md"}


@pytest.mark.parametrize("which", ["sample", "summarised"])
def test_a_kept_page_is_the_page_the_renderer_makes_the_next_day(
    which, request, tmp_path, monkeypatch
):
    view = request.getfixturevalue(which)
    first, made = _pages(view, tmp_path)
    assert made.stats.stored == len(view.units) and made.stats.hits == 0
    assert first == _fresh(view, monkeypatch)
    for updated in (view.updated + dt.timedelta(days=1), None):
        later = dataclasses.replace(view, updated=updated)
        kept, used = _pages(later, tmp_path)
        assert used.stats.hits == len(view.units) and used.stats.misses == 0
        assert kept == _fresh(later, monkeypatch)
        assert kept != first  # the date paragraph is this build's


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(9999, 12, 31))))
def test_only_the_date_paragraph_depends_on_the_date(summarised, monkeypatch, updated):
    """The proof's claim, on every page: for any date the page is before + paragraph +
    after with the same before and after."""
    day = _fresh(summarised, monkeypatch)
    other = _fresh(dataclasses.replace(summarised, updated=updated), monkeypatch)
    for path, text in day.items():
        one, two = split_dated(text), split_dated(other[path])
        assert one is not None and two is not None
        assert (one[0], one[2]) == (two[0], two[2]), path


def _changed_unit(view: SiteView) -> SiteView:
    unit = view.units[1]
    units = list(view.units)
    units[1] = dataclasses.replace(unit, to_trinh=unit.to_trinh + " (bổ sung)")
    return dataclasses.replace(view, units=tuple(units))


def test_a_changed_department_is_rendered_again_and_only_it(sample, tmp_path, monkeypatch):
    _pages(sample, tmp_path)
    changed = _changed_unit(sample)
    pages, used = _pages(changed, tmp_path)
    assert (used.stats.hits, used.stats.misses) == (len(sample.units) - 1, 1)
    assert pages == _fresh(changed, monkeypatch)


def _comments_changed(view: SiteView) -> SiteView:
    assert view.comments is not None
    return dataclasses.replace(view, comments=dataclasses.replace(view.comments, email="x@y.vn"))


SHARED_CHANGES = {
    "campaign name": lambda v: dataclasses.replace(
        v,
        config=v.config.model_copy(
            update={"campaign": v.config.campaign.model_copy(update={"name": "Đợt khác"})}
        ),
    ),
    "phase": lambda v: dataclasses.replace(v, phase="results" if v.phase != "results" else "x"),
    "honour mark": lambda v: dataclasses.replace(v, honour_provisional=not v.honour_provisional),
    "comment window": _comments_changed,
    "units' order": lambda v: dataclasses.replace(v, units=v.units[::-1]),
}


@pytest.mark.parametrize("change", list(SHARED_CHANGES))
def test_whatever_every_page_reads_is_in_every_key(change, sample, tmp_path, monkeypatch):
    _pages(sample, tmp_path)
    view = SHARED_CHANGES[change](sample)
    pages, used = _pages(view, tmp_path)
    assert used.stats.hits == 0
    assert pages == _fresh(view, monkeypatch)


def test_the_campaign_s_folder_is_in_every_key(sample, tmp_path, monkeypatch):
    _pages(sample, tmp_path)
    pages, used = _pages(sample, tmp_path, base="vpubnd-2019/")
    assert used.stats.hits == 0
    assert pages == _fresh(sample, monkeypatch, base="vpubnd-2019/")


def test_every_context_value_of_a_department_page_is_accounted_for(sample):
    site = PageRenderer(sample, {})
    unit = sample.units[0]
    context = site.unit_context("don-vi/x/index.md", unit, site.page_view())
    assert set(context) == set(CONTEXT_READS)
    assert context["unit_order"](unit.code) == 0
    with pytest.raises(LookupError):
        context["unit_order"](sample.units[1].code)


def test_a_department_page_cannot_read_the_rest_of_the_view(sample):
    site = PageRenderer(sample, {})
    template = environment().from_string("{{ view.people | length }}")
    assert template.render(view=sample) == str(len(sample.people))
    with pytest.raises(UndefinedError):
        template.render(view=site.page_view())


SPOILERS = {
    "truncated": lambda data: data[: len(data) // 2],
    "flipped byte": lambda data: data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
    "not a store": lambda data: b"{}\n" + data,
    "other version": lambda data: data.replace(b'"version": "', b'"version": "0', 1),
    "empty": lambda data: b"",
}


@pytest.mark.parametrize("spoil", list(SPOILERS))
def test_a_spoiled_store_is_ignored_and_replaced(spoil, sample, tmp_path, monkeypatch):
    _pages(sample, tmp_path)
    path = tmp_path / f"{STORE_NAME}.bin"
    path.write_bytes(SPOILERS[spoil](path.read_bytes()))
    pages, used = _pages(sample, tmp_path)
    assert used.stats.hits == 0 and used.stats.rejected
    assert pages == _fresh(sample, monkeypatch)
    assert _pages(sample, tmp_path)[1].stats.hits == len(sample.units)  # replaced


def test_a_store_keeps_text_with_lone_surrogates_and_only_what_was_used(tmp_path):
    path = tmp_path / "s.bin"
    store = PageStore.open(path, "s", "v1")
    store.put("a", ("tên \udc80 x", "đuôi"))
    store.put("b", ("", ""))
    store.save()
    again = PageStore.open(path, "s", "v1")
    assert again.get("a") == ("tên \udc80 x", "đuôi") and again.get("z") is None
    again.save()
    assert PageStore.open(path, "s", "v1").get("b") is None  # not used: not kept
    assert path.read_bytes().startswith(MAGIC)
    assert PageStore.open(path, "s", "v2").stats.rejected


def test_an_index_that_does_not_fit_its_texts_is_refused(tmp_path):
    path = tmp_path / "s.bin"
    store = PageStore.open(path, "s", "v1")
    store.put("a", ("một", "hai"))
    store.save()
    magic, head, _, texts = path.read_bytes().split(b"\n", 3)
    bad = json.dumps([["a", 1, 99]]).encode()
    fixed = json.loads(head)
    fixed["sha256"] = hashlib.sha256(bad + b"\n" + texts).hexdigest()
    head = json.dumps(fixed, sort_keys=True).encode()
    path.write_bytes(b"\n".join([magic, head, bad, texts]))
    assert PageStore.open(path, "s", "v1").stats.rejected


def test_no_cache_no_store_and_every_page_rendered(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("THIDUA_NO_CACHE", "1")
    render_pages(sample, {})
    assert not (tmp_path / "build").exists()
    monkeypatch.delenv("THIDUA_NO_CACHE")
    render_pages(sample, {})
    assert (tmp_path / "build" / f"{STORE_NAME}.bin").exists()


_KEYS = """
import json
from pathlib import Path
from generator.site.bundle import make_bundle
from generator.site.pages.renderer import PageRenderer
from generator.site.pages.page_store import PageStore
from generator.site.pages.unit_memo import UnitPages
view = make_bundle(Path({config!r}), with_history=False, parallel=False).view
site = PageRenderer(view, {{}})
pages = UnitPages.using(site, PageStore(Path("unused"), "x", "y"))
print(json.dumps([pages.key("p", u, ()) for u in view.units]))
"""


def test_the_keys_do_not_depend_on_the_process(tmp_path):
    """Pickles of the config's field sets follow the hash seed; the keys must not."""
    script = _KEYS.format(config=str(CONFIG))
    keys = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        out = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        keys.append(json.loads(out.stdout))
    assert keys[0] == keys[1] and len(set(keys[0])) == len(keys[0])


def test_a_key_s_parts_never_run_into_each_other():
    from generator.site.memo_keys import digest

    assert digest("a\0", "b") != digest("a", "\0b")
    assert digest(b"ab", "") != digest("a", b"b")
    # each part after its length in 8 bytes, big-endian, text as UTF-8 (lone surrogates kept)
    expected = b"\0" * 7 + b"\x03" + "ạ".encode() + b"\0" * 7 + b"\x03" + b"\xed\xa0\x80"
    assert digest("ạ", "\ud800") == hashlib.sha256(expected).hexdigest()
