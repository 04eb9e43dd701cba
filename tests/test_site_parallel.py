"""The open data exported in a forked process while the pages render (site/parallel.py): the
same pages and files, same keys in the same order, same bytes, as in one process; what the
child raises is raised in the parent; the child is always gone afterwards."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from generator.judge.config import load_config
from generator.site import parallel
from generator.site.bundle import make_bundle
from generator.site.pages.registry import DOWNLOAD_PAGES, render_pages
from generator.site.parallel import ExportProcessFailed, pages_and_downloads, parallel_wanted
from generator.tools.demo import write_demo

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory) -> Path:
    """40 departments, more nominees than one overview page lists (summary mode)."""
    data = tmp_path_factory.mktemp("parallel-data")
    config, _ = load_config(CONFIG)
    write_demo(data, config.data_contract, units=40, nominees=600, initiatives=100, seed=3)
    return data


@pytest.fixture(scope="module")
def sample_view():
    bundle = make_bundle(CONFIG, with_history=False, parallel=False)
    assert bundle.ok and bundle.view is not None
    return bundle.view


def _same(one, other) -> None:
    assert list(one.pages) == list(other.pages)
    assert list(one.files) == list(other.files)
    for path, text in one.pages.items():
        assert other.pages[path] == text, path
    for path, data in one.files.items():
        assert other.files[path] == data, path


@pytest.mark.parametrize("data", [None, "demo"])
def test_forked_bundle_is_the_one_process_bundle(data, demo_data, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1577836800")
    folder = demo_data if data else None
    alone = make_bundle(CONFIG, folder, with_history=False, parallel=False)
    forked = make_bundle(CONFIG, folder, with_history=False, parallel=True)
    assert alone.ok and forked.ok
    assert "du-lieu-mo/du-lieu.xlsx" in forked.files
    assert len([p for p in forked.pages if p.startswith("don-vi/")]) > (40 if data else 1)
    _same(alone, forked)
    assert not multiprocessing.active_children()


def test_only_the_download_pages_read_the_downloads(sample_view):
    _, files = pages_and_downloads(sample_view, parallel=False)
    without, given = render_pages(sample_view, {}), render_pages(sample_view, files)
    assert list(without) == list(given)
    differ = [p for p in given if given[p] != without[p]]
    assert differ == list(DOWNLOAD_PAGES)


def test_an_exception_in_the_child_is_raised_in_the_parent(sample_view, monkeypatch):
    parent = os.getpid()

    def export(view):
        if os.getpid() != parent:  # only in the forked child
            raise ValueError("no open data here")
        return {}

    monkeypatch.setattr(parallel, "export_open_data", export)
    with pytest.raises(ValueError, match="no open data here") as raised:
        pages_and_downloads(sample_view, parallel=True)
    assert any("raised in the open data process" in n for n in raised.value.__notes__)
    assert not multiprocessing.active_children()


class _Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("not this one")


def test_an_unpicklable_exception_is_a_clear_error(sample_view, monkeypatch):
    def export(view):
        raise _Unpicklable("odd")

    monkeypatch.setattr(parallel, "export_open_data", export)
    with pytest.raises(ExportProcessFailed, match="_Unpicklable"):
        pages_and_downloads(sample_view, parallel=True)
    assert not multiprocessing.active_children()


def test_a_child_that_dies_is_a_clear_error_not_a_hang(sample_view, monkeypatch):
    def export(view):
        os._exit(3)

    monkeypatch.setattr(parallel, "export_open_data", export)
    with pytest.raises(ExportProcessFailed, match="exit code 3"):
        pages_and_downloads(sample_view, parallel=True)
    assert not multiprocessing.active_children()


def test_a_failure_while_rendering_kills_the_child(sample_view, monkeypatch):
    def export(view):
        import time

        time.sleep(60)  # would outlive the test if it were waited for
        return {}

    def render(view, base, downloads):
        raise RuntimeError("rendering failed")

    monkeypatch.setattr(parallel, "export_open_data", export)
    monkeypatch.setattr(parallel, "render_pages_before", render)
    with pytest.raises(RuntimeError, match="rendering failed"):
        pages_and_downloads(sample_view, parallel=True)
    assert not multiprocessing.active_children()


def test_small_campaigns_stay_in_one_process(sample_view, monkeypatch):
    monkeypatch.delenv(parallel.ENV, raising=False)
    assert not parallel_wanted(sample_view)
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 1)
    assert parallel_wanted(sample_view)
    monkeypatch.setenv(parallel.ENV, "0")
    assert not parallel_wanted(sample_view)
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 10**9)
    monkeypatch.setenv(parallel.ENV, "1")
    assert parallel_wanted(sample_view)


def test_the_charts_are_made_in_the_child_beside_the_downloads(sample_view, monkeypatch):
    parent, real = os.getpid(), parallel.site_files

    def charts(view):
        if os.getpid() == parent:
            raise AssertionError("charts made in the parent")
        return real(view)

    monkeypatch.setattr(parallel, "site_files", charts)
    _, files = parallel.site_outputs(sample_view, parallel=True)
    downloads = pages_and_downloads(sample_view, parallel=False)[1]
    assert list(files)[: len(downloads)] == list(downloads)
    assert {p for p in files if p.endswith(".svg")}  # the charts came back from the child
    assert not multiprocessing.active_children()
