"""The open data exported in a forked process while the pages render (site/parallel.py): the
same pages and files, same keys in the same order, same bytes, as in one process; what the
child raises is raised in the parent; the child is always gone afterwards."""

from __future__ import annotations

import multiprocessing
import os
import time
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


def _steps_failing_in_the_child(fail):
    """Export steps of which the child's first (the workbook) calls ``fail`` there; the
    parent's first waits, so that the child has claimed the workbook by then."""
    parent = os.getpid()

    def steps(view):
        def workbook():
            if os.getpid() != parent:
                fail()
            return {}

        def csv():
            if os.getpid() == parent:
                time.sleep(1)
            return {}

        return {"workbook": workbook, "csv": csv, "json": dict}

    return steps


def test_an_exception_in_the_child_is_raised_in_the_parent(sample_view, monkeypatch):
    def fail():
        raise ValueError("no open data here")

    monkeypatch.setattr(parallel, "export_steps", _steps_failing_in_the_child(fail))
    with pytest.raises(ValueError, match="no open data here") as raised:
        pages_and_downloads(sample_view, parallel=True)
    assert any("raised in the open data process" in n for n in raised.value.__notes__)
    assert not multiprocessing.active_children()


class _Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("not this one")


def test_an_unpicklable_exception_is_a_clear_error(sample_view, monkeypatch):
    def fail():
        raise _Unpicklable("odd")

    monkeypatch.setattr(parallel, "export_steps", _steps_failing_in_the_child(fail))
    with pytest.raises(ExportProcessFailed, match="_Unpicklable"):
        pages_and_downloads(sample_view, parallel=True)
    assert not multiprocessing.active_children()


def test_a_child_that_dies_is_a_clear_error_not_a_hang(sample_view, monkeypatch):
    monkeypatch.setattr(parallel, "export_steps", _steps_failing_in_the_child(lambda: os._exit(3)))
    with pytest.raises(ExportProcessFailed, match="exit code 3"):
        pages_and_downloads(sample_view, parallel=True)
    assert not multiprocessing.active_children()


def test_a_failure_while_rendering_kills_the_child(sample_view, monkeypatch):
    def render(view, base, downloads):
        raise RuntimeError("rendering failed")

    # the child's workbook would outlive the test if it were waited for
    monkeypatch.setattr(
        parallel, "export_steps", _steps_failing_in_the_child(lambda: time.sleep(60))
    )
    monkeypatch.setattr(parallel, "render_pages_before", render)
    with pytest.raises(RuntimeError, match="rendering failed"):
        pages_and_downloads(sample_view, parallel=True)
    assert not multiprocessing.active_children()


def test_a_step_is_claimed_by_one_process_only():
    claims = parallel.Claims(["a", "b"])
    child = multiprocessing.get_context("fork").Process(target=claims.claim, args=("a",))
    child.start()
    child.join()
    assert not claims.claim("a")
    assert claims.claim("b") and not claims.claim("b")


def _logged(log: Path, real):
    """``real``'s steps, each writing its name and process id to ``log`` when run."""

    def steps(view):
        def logging(name, step):
            def run():
                with log.open("a") as f:
                    f.write(f"{name} {os.getpid()}\n")
                return step()

            return run

        return {name: logging(name, step) for name, step in real(view).items()}

    return steps


@pytest.mark.parametrize("slow", ["workbook", "pages"])
def test_each_step_runs_once_in_the_process_free_first(slow, sample_view, tmp_path, monkeypatch):
    """A slow workbook in the child: the parent makes the CSV and JSON files and the charts once its
    pages are done; slow pages in the parent: the child makes every step. Same files."""
    expected = parallel.site_outputs(sample_view, parallel=False)
    log, parent = tmp_path / "steps.log", os.getpid()
    real_steps, real_render, real_files = (
        parallel.export_steps,
        parallel.render_pages_before,
        parallel.site_files,
    )
    monkeypatch.setattr(parallel, "export_steps", _logged(log, real_steps))

    def charts(view):
        with log.open("a") as f:
            f.write(f"charts {os.getpid()}\n")
        return real_files(view)

    def slow_pages(view, base, downloads):
        time.sleep(3)
        return real_render(view, base, downloads)

    def slow_workbook(view):
        steps = real_steps(view)
        work = steps["workbook"]
        steps["workbook"] = lambda: (time.sleep(3 if os.getpid() != parent else 0), work())[1]
        return steps

    monkeypatch.setattr(parallel, "site_files", charts)
    if slow == "pages":
        monkeypatch.setattr(parallel, "render_pages_before", slow_pages)
    else:
        monkeypatch.setattr(parallel, "export_steps", _logged(log, slow_workbook))
    pages, files = parallel.site_outputs(sample_view, parallel=True)
    ran = dict(line.split() for line in log.read_text().splitlines())
    assert len(log.read_text().splitlines()) == len(ran) == 4  # each step once
    in_parent = {name for name, pid in ran.items() if int(pid) == parent}
    assert in_parent == (set() if slow == "pages" else {"csv", "json", "charts"})
    assert (pages, list(files)) == (expected[0], list(expected[1]))
    assert all(files[p] == data for p, data in expected[1].items())
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


def test_the_downloads_come_in_one_order_whichever_step_made_them(sample_view):
    """CSV then JSON per table, the workbook, the data package, SHA256SUMS: the order of
    one process, which assemble keeps from the three steps' files."""
    from generator.site.open_data.export import export_open_data
    from generator.site.open_data.tables import open_data_tables

    names = [table.name for table in open_data_tables(sample_view)]
    per_table = [f"du-lieu-mo/{n}.{ext}" for n in names for ext in ("csv", "json")]
    tail = ["du-lieu-mo/du-lieu.xlsx", "du-lieu-mo/datapackage.json", "du-lieu-mo/SHA256SUMS"]
    assert list(export_open_data(sample_view)) == per_table + tail
