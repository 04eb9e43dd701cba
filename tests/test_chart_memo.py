"""The charts' SVG kept between builds (site/chart_memo.py): a kept chart is the bytes
matplotlib draws; a changed chart is drawn again; no cache, no store."""

from __future__ import annotations

import dataclasses

import pytest

from generator.site import chart_memo
from generator.site.bundle import make_bundle
from generator.site.chart_memo import STORE_NAME, memo_version, svg_files
from generator.site.charts import chart_files, charts
from generator.site.pages.page_store import PageStore
from tests.test_unit_memo import CONFIG


@pytest.fixture(scope="module")
def view():
    bundle = make_bundle(CONFIG, with_history=False, parallel=False)
    assert bundle.ok and bundle.view is not None
    return bundle.view


def _store(tmp_path) -> PageStore:
    return PageStore.open(tmp_path / f"{STORE_NAME}.bin", STORE_NAME, memo_version())


def test_kept_charts_are_the_bytes_matplotlib_draws(view, tmp_path, monkeypatch):
    drawn = chart_files(view)
    first = svg_files(charts(view), _store(tmp_path))
    assert first == drawn
    calls = []
    monkeypatch.setattr(chart_memo, "render_svg", lambda c: calls.append(c) or b"")
    store = _store(tmp_path)
    assert svg_files(charts(view), store) == drawn and calls == []
    assert store.stats.hits == len(drawn)


def test_a_changed_chart_is_drawn_again(view, tmp_path):
    svg_files(charts(view), _store(tmp_path))
    made = charts(view)
    units = made["units"]
    made["units"] = dataclasses.replace(units, title=units.title + " (mới)")
    store = _store(tmp_path)
    files = svg_files(made, store)
    assert (store.stats.hits, store.stats.misses) == (len(made) - 1, 1)
    assert files[units.path] != chart_files(view)[units.path]
    assert "(mới)" in files[units.path].decode()


def test_no_cache_no_store(view, tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("THIDUA_NO_CACHE", "1")
    assert svg_files(charts(view)) == chart_files(view)
    assert not (tmp_path / "build").exists()


def test_a_kept_entry_not_of_this_shape_is_drawn_again(view, tmp_path):
    made = charts(view)
    store = _store(tmp_path)
    for chart in made.values():
        store.put(chart_memo.chart_key(chart), ("<svg>kept</svg>", "not ours"))
    store.save()
    assert svg_files(made, _store(tmp_path)) == chart_files(view)
