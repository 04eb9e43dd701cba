"""A big campaign's downloads and charts made by two processes while the pages render.

After the projection, ``make_bundle``'s longest steps, the open data
(:func:`~generator.site.open_data.export.export_steps`: the workbook, the other tables),
the charts and the pages (:func:`~generator.site.pages.registry.render_pages`), read the
same view and not each other's work, but for the pages that list the downloads
(:data:`~generator.site.pages.registry.DOWNLOAD_PAGES`). Above :data:`PARALLEL_ROWS` rows a
child forked from this process (the view inherited copy-on-write, nothing pickled going in)
runs the steps, the workbook first, and sends their bytes back through a pipe, while this
process renders every other page, then runs the steps the child has not begun (a build whose
department pages were kept, pages/unit_memo.py, renders in a fraction of the workbook's
time), then the pages that list the downloads, in their places. Each step runs once, in the
process that claims it first (:class:`Claims`). Same texts and bytes, same order, as in one
process: :func:`pages_and_downloads` and :func:`site_outputs` either way.

The child holds the cycle collector for its whole life (it only exports, which holds it
anyway, then exits); the objects made before the fork are frozen out of the collections
(:func:`~generator.read.gc_pause.heap_frozen`) until the child is gone. An exception in the
child is raised here (its traceback added as a note); a child that ends without an answer is
a :class:`ExportProcessFailed`. The child is always joined, killed first when this side
fails or no longer waits for it. ``THIDUA_SITE_FORK=0`` keeps every campaign in one process,
``=1`` forks for any size; where ``fork`` is not a start method, one process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from generator.read.gc_pause import heap_frozen
from generator.site.open_data.export import Step, assemble, export_open_data, export_steps
from generator.site.pages.registry import render_pages, render_pages_before, site_files
from generator.site.views import SiteView

# Nominees, collectives and initiatives from which the fork pays off (bench/README.md).
PARALLEL_ROWS = 2_000
ENV = "THIDUA_SITE_FORK"
_EXIT_WAIT = 10.0  # seconds a child that has answered gets to exit before it is killed

# The child begins with the workbook, the longest step, then the JSON files, which need the
# tables but not their flat rows; the parent, once its pages are done, takes what the child
# has not begun, first the CSV files (which the kept pages of a rebuild leave it time for).
CHILD_ORDER = ("workbook", "json", "charts", "csv")
PARENT_ORDER = ("csv", "json", "charts", "workbook")

T = TypeVar("T")
Made = dict[str, dict[str, bytes]]


class ExportProcessFailed(RuntimeError):
    """The forked process ended without its result, or with one that could not be read."""


def parallel_wanted(view: SiteView) -> bool:
    """Whether :func:`pages_and_downloads` forks for ``view`` (size, ``THIDUA_SITE_FORK``)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    setting = os.environ.get(ENV, "")
    if setting in ("0", "1"):
        return setting == "1"
    rows = len(view.people) + len(view.collectives) + len(view.initiatives)
    return rows >= PARALLEL_ROWS


def pages_and_downloads(
    view: SiteView, base: str = "", *, parallel: bool | None = None
) -> tuple[dict[str, str], dict[str, bytes]]:
    """Every generated page (``render_pages``) and every download (``export_open_data``)
    of ``view``; ``parallel`` forces the fork or one process, else by size."""
    if parallel is None:
        parallel = parallel_wanted(view)
    if not parallel:
        files = export_open_data(view)
        return render_pages(view, files, base), files
    with shared(export_steps(view)) as finish:
        pages = render_pages_before(view, base, lambda: assemble(finish()))
        return pages, assemble(finish())


def site_outputs(
    view: SiteView, base: str = "", *, parallel: bool | None = None
) -> tuple[dict[str, str], dict[str, bytes]]:
    """Every generated page and every file of ``view`` as ``make_bundle`` publishes them: the
    downloads, then the charts and vendored scripts (``site_files``). Forked as
    :func:`pages_and_downloads`, the charts one more step to share; same bytes and order
    either way."""
    if parallel is None:
        parallel = parallel_wanted(view)
    if not parallel:
        pages, files = pages_and_downloads(view, base, parallel=False)
        return pages, {**files, **site_files(view)}
    steps = {**export_steps(view), "charts": lambda: site_files(view)}
    with shared(steps) as finish:
        pages = render_pages_before(view, base, lambda: assemble(finish()))
        made = finish()
        return pages, {**assemble(made), **made["charts"]}


class Claims:
    """Which process runs each step: the first that claims it (flags shared through the
    fork, made before it)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = tuple(names)
        self._taken = multiprocessing.get_context("fork").Array("b", len(self.names))

    def claim(self, name: str) -> bool:
        """Whether this process runs ``name`` (True once, in one process only)."""
        at = self.names.index(name)
        with self._taken.get_lock():
            if self._taken[at]:
                return False
            self._taken[at] = 1
            return True


def run_claimed(steps: Mapping[str, Step], claims: Claims, order: Iterable[str]) -> Made:
    """The files of each step of ``order`` that this process claims, run here in turn."""
    return {name: steps[name]() for name in order if name in steps and claims.claim(name)}


@contextmanager
def shared(steps: Mapping[str, Step]) -> Iterator[Callable[[], Made]]:
    """``steps`` shared with a forked child: it runs them in :data:`CHILD_ORDER` while the
    block runs, each that nobody has claimed yet. The block gets a function that runs here,
    in :data:`PARENT_ORDER`, those the child has not begun, waits for the child's and gives
    every step's files by name (the same each call): each step is run once, by the process
    free first, so either side's work may be the longer (the pages, kept or not)."""
    claims = Claims(steps)
    with forked(lambda: run_claimed(steps, claims, CHILD_ORDER)) as theirs:
        made: Made = {}

        def finish() -> Made:
            if not made:
                made.update(run_claimed(steps, claims, PARENT_ORDER))
                made.update(theirs())
            return made

        yield finish


@contextmanager
def forked(work: Callable[[], T]) -> Iterator[Callable[[], T]]:
    """``work()`` run in a forked child while the block runs; the block gets a function that
    waits for its value (the same value each call) or raises what the child raised."""
    fork = multiprocessing.get_context("fork")
    reader, writer = fork.Pipe(duplex=False)
    answer: list[Any] = []

    def result() -> T:
        if not answer:
            answer.append(_receive(reader, child))
        value: T = answer[0]
        return value

    with heap_frozen():
        child = fork.Process(target=_child, args=(work, writer), name="thidua-open-data")
        try:
            child.start()
        finally:
            writer.close()  # the child's end, here: the pipe ends when the child does
        try:
            yield result
        finally:
            reader.close()
            if answer:
                child.join(_EXIT_WAIT)
            if child.is_alive():
                child.kill()
            child.join()
            child.close()


def _child(work: Callable[[], Any], writer: Connection) -> None:
    """In the child: ``work()``'s value, or the exception it raised, pickled to the parent."""
    gc.disable()  # nothing here makes cycles worth collecting, and the process ends after
    try:
        message: tuple[Any, ...] = ("value", work())
    except BaseException as exc:
        message = ("raised", _pickled(exc), traceback.format_exc(), repr(exc)[:2000])
    try:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a value that cannot be pickled: the words of why
        data = pickle.dumps(("raised", None, traceback.format_exc(), "an unpicklable value"))
    writer.send_bytes(data)
    writer.close()


def _pickled(exc: BaseException) -> bytes | None:
    try:
        return pickle.dumps(exc, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return None


def _receive(reader: Connection, child: Any) -> Any:
    """The child's value; what it raised, raised here; a clear error for anything else."""
    try:
        kind, *rest = pickle.loads(reader.recv_bytes())  # our own child's reply
    except (EOFError, OSError):
        child.join()
        raise ExportProcessFailed(
            f"the open data process ended without its result (exit code {child.exitcode})"
        ) from None
    if kind == "value":
        return rest[0]
    data, text, what = rest
    try:
        exc = pickle.loads(data) if data is not None else None
    except Exception:  # e.g. an exception class that cannot be rebuilt from its args
        exc = None
    if not isinstance(exc, BaseException):
        raise ExportProcessFailed(f"the open data process raised {what}:\n{text}")
    exc.add_note(f"raised in the open data process:\n{text}")
    raise exc
