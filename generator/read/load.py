"""LOAD stage: untrusted files in, normalised tables (or a raw grid) and issues out.

Spreadsheet libraries are not safe against hostile files: calamine aborts the whole process
on a 5 KB xlsx declaring a cell at XFD1048576, and XML parsers can be made to expand entities
or zip members without bound. So every file is parsed in a long-lived worker process
(:mod:`generator.read.worker`, driven through :mod:`generator.read.process`) that caps its own
memory (RLIMIT_AS) and CPU time, while this process enforces a wall-clock limit per file.
When a worker dies or overruns, it is killed, the file is reported (`file-resource-limit` /
`file-timeout`) and a fresh worker is started for that worker's next file. This process never
sees a traceback from a file.

:meth:`Loader.read_sources` reads a campaign's files on a pool of such workers (two by
default, ``THIDUA_READ_WORKERS`` to change it; one for a handful of files), each worker also
normalising its file's contract sheets, and hands the results back in file order. Files whose
content, name, sheets and reader are unchanged come from the parse cache
(:mod:`generator.read.cache`) without a worker.

Usage::

    with Loader() as loader:
        workbook, issues = loader.read(path, "de-nghi/VP.xlsx")  # one raw grid
        results = loader.read_sources(inventory.sources)       # tables, in file order
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.read import messages as msg
from generator.read.cache import CacheKey, CacheStats, ParseCache, Parsed, cache_from_env
from generator.read.discover import Source
from generator.read.gc_pause import cycle_collection_held
from generator.read.issues import Issue
from generator.read.normalise.table import Table
from generator.read.process import Overrun, Worker, WorkerGone, describe_exit
from generator.read.raw import RawWorkbook

Result = tuple[RawWorkbook | None, list[Issue]]

_START_TIMEOUT_S = 60.0  # starting Python and its libraries on a cold, busy machine
DEFAULT_WORKERS = 2  # this machine's cores
# Below this many files to parse, a second worker's start-up costs more than it saves.
SMALL_INPUT_FILES = 8
_ENVIRONMENTAL = frozenset({"file-timeout", "file-resource-limit"})


@dataclass
class FileResult:
    """One source read: ``tables`` has one entry per contract sheet of the source (None where
    the file lacks it) when ``loaded``; ``issues`` are the file's own (loading, missing
    sheets), in order; the tables carry their rows' issues."""

    rel: str
    loaded: bool
    tables: list[Table | None]
    issues: list[Issue]
    from_cache: bool = False


@dataclass
class LoadStats:
    """What :meth:`Loader.read_sources` did: the cache's counts, the most workers it used at
    once, and the seconds the workers spent reading and normalising (summed over workers)."""

    cache: CacheStats = field(default_factory=CacheStats)
    workers: int = 0
    read_s: float = 0.0
    normalise_s: float = 0.0


def pool_size_from_env() -> int:
    """``THIDUA_READ_WORKERS`` (a whole number ≥ 1), else :data:`DEFAULT_WORKERS`."""
    try:
        return max(1, int(os.environ.get("THIDUA_READ_WORKERS", "")))
    except ValueError:
        return DEFAULT_WORKERS


class _Slot:
    """One place in the pool: a worker started on first use and replaced after it died."""

    def __init__(self, memory_limit_mb: int, timeout_s: float) -> None:
        self.memory_limit_mb = memory_limit_mb
        self.timeout_s = timeout_s
        self.worker: Worker | None = None

    def ask(self, path: Path, rel: str, sheets: tuple[Any, ...] | None) -> Any:
        """The worker's reply for one file, or a list of one issue when it gave none."""
        worker = self._ensure_worker(rel)
        if isinstance(worker, Issue):
            return [worker]
        request = {
            "path": str(path.resolve()),
            "rel": rel,
            "cpu_s": int(self.timeout_s * 2) + 2,
            "sheets": sheets,
        }
        try:
            worker.send(request)
            return worker.recv(time.monotonic() + self.timeout_s)
        except Overrun:
            self.discard()
            return [msg.timeout(rel, self.timeout_s)]
        except (WorkerGone, BrokenPipeError, ConnectionResetError):
            return [self._death_issue(rel)]

    def _ensure_worker(self, rel: str) -> Worker | Issue:
        """The running worker, or a fresh one, or the issue explaining why none could start."""
        if self.worker is not None and self.worker.alive():
            return self.worker
        self.discard()
        worker = Worker(self.memory_limit_mb)
        try:
            hello = worker.recv(time.monotonic() + max(_START_TIMEOUT_S, self.timeout_s))
        except Exception as exc:
            detail = worker.stderr_tail() or type(exc).__name__
            worker.kill()
            return msg.unreadable(
                rel, f"internal loader error: the reader process did not start ({detail})"
            )
        if hello != ("ready", worker.pid):
            worker.kill()
            return msg.unreadable(rel, "internal loader error: unexpected greeting from the reader")
        self.worker = worker
        return worker

    def _death_issue(self, rel: str) -> Issue:
        worker, self.worker = self.worker, None
        if worker is None:
            return msg.resource_limit(rel, self.memory_limit_mb, "the reader process vanished")
        tail = worker.stderr_tail()
        code = worker.kill()
        if code == -signal.SIGXCPU:
            return msg.timeout(rel, self.timeout_s)
        return msg.resource_limit(rel, self.memory_limit_mb, describe_exit(code, tail))

    def discard(self) -> None:
        if self.worker is not None:
            self.worker.kill()
            self.worker = None

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None


class Loader:
    """Context manager owning a pool of long-lived worker processes that read spreadsheets.

    ``memory_limit_mb`` caps each worker's address space; ``timeout_s`` is the wall-clock limit
    for one file; ``workers`` the pool's size (default ``THIDUA_READ_WORKERS`` or 2); ``cache``
    the parse cache (default from the environment, see :func:`cache_from_env`; ``False``: none).
    Workers start on first use, are reused for the following files, and are replaced (lazily)
    after they died or overran. Not for use from several threads at once.
    """

    def __init__(
        self,
        *,
        memory_limit_mb: int = 512,
        timeout_s: float = 10.0,
        workers: int | None = None,
        cache: ParseCache | bool | None = None,
    ) -> None:
        self.memory_limit_mb = memory_limit_mb
        self.timeout_s = timeout_s
        self.workers = max(1, workers if workers is not None else pool_size_from_env())
        self._slots = [_Slot(memory_limit_mb, timeout_s) for _ in range(self.workers)]
        self._cache_arg = cache
        self._cache: ParseCache | None = None
        self._cache_made = False
        self.stats = LoadStats()
        self._stats_lock = threading.Lock()

    def __enter__(self) -> Loader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers, if any."""
        for slot in self._slots:
            slot.stop()

    @property
    def worker_pid(self) -> int | None:
        """Process id of the first worker (None before the first read or after a crash)."""
        return self.worker_pids[0]

    @property
    def worker_pids(self) -> list[int | None]:
        """Process id of each pool place's current worker."""
        return [s.worker.pid if s.worker is not None else None for s in self._slots]

    @property
    def cache(self) -> ParseCache | None:
        """The parse cache in use (made on first use), or None."""
        if not self._cache_made:
            self._cache_made = True
            arg = self._cache_arg
            self._cache = arg if isinstance(arg, ParseCache) else None
            if arg is None or arg is True:
                self._cache = cache_from_env()
            if self._cache is not None:
                self.stats.cache = self._cache.stats
        return self._cache

    # ------------------------------------------------------------------ one raw grid

    def read(self, path: Path, rel: str) -> Result:
        """Read one file's raw grid on the first worker; ``rel`` (data-dir relative, forward
        slashes) names it in the results. Never cached.

        Returns ``(workbook, [])`` or ``(None, [issue, ...])``; never raises for a bad file.
        """
        slot = self._slots[0]
        try:
            reply = slot.ask(Path(path), rel, None)
            if isinstance(reply, list):
                return None, reply
            if not (isinstance(reply, tuple) and len(reply) == 3 and reply[0] == "result"):
                slot.discard()
                return None, [msg.unreadable(rel, "internal loader error: malformed worker reply")]
            _tag, workbook, issues = reply
            if any(i.code == "file-resource-limit" for i in issues):
                slot.discard()  # the worker hit MemoryError and is exiting: do not race it
            return workbook, list(issues)
        except Exception as exc:  # the parent must survive anything the worker does
            slot.discard()
            return None, [_internal(rel, exc)]

    # ------------------------------------------------------------------ a campaign's files

    def read_sources(self, sources: Sequence[Source]) -> list[FileResult]:
        """Read and normalise every source: one :class:`FileResult` each, in their order; the
        cycle collector held meanwhile (the tables unpickled from the cache and from the
        workers are millions of objects without cycles, gc_pause.py)."""
        with cycle_collection_held():
            return self._read_sources(sources)

    def _read_sources(self, sources: Sequence[Source]) -> list[FileResult]:
        cache = self.cache
        results: list[FileResult | None] = [None] * len(sources)
        todo: list[tuple[int, Source, CacheKey | None]] = []
        for index, source in enumerate(sources):
            key = cache.key(source.path, source.rel, source.sheets) if cache else None
            hit = cache.get(key, source.rel, len(source.sheets)) if cache and key else None
            if hit is not None:
                loaded, tables, issues = hit
                results[index] = FileResult(source.rel, loaded, tables, issues, from_cache=True)
            else:
                todo.append((index, source, key))
        count = 1 if len(todo) < SMALL_INPUT_FILES else min(self.workers, len(todo))
        self.stats.workers = max(self.stats.workers, count if todo else 0)
        if count <= 1:
            for item in todo:
                results[item[0]] = self._parse(self._slots[0], item[1], item[2])
        else:
            self._parse_on_pool(todo, results, self._slots[:count])
        assert all(r is not None for r in results)
        return [r for r in results if r is not None]

    def _parse_on_pool(
        self,
        todo: list[tuple[int, Source, CacheKey | None]],
        results: list[FileResult | None],
        slots: list[_Slot],
    ) -> None:
        """Each slot's thread takes the next file when its worker is free."""
        lock = threading.Lock()
        queue = iter(todo)

        def serve(slot: _Slot) -> None:
            while True:
                with lock:
                    item = next(queue, None)
                if item is None:
                    return
                index, source, key = item
                results[index] = self._parse(slot, source, key)

        threads = [threading.Thread(target=serve, args=(s,), daemon=True) for s in slots]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _parse(self, slot: _Slot, source: Source, key: CacheKey | None) -> FileResult:
        """One file on one worker; never raises. Stores the outcome when it is the file's."""
        rel = source.rel
        try:
            reply = slot.ask(source.path, rel, tuple(source.sheets))
            parsed, cacheable = self._unpack(slot, reply, rel, len(source.sheets))
        except Exception as exc:  # the parent must survive anything the worker does
            slot.discard()
            parsed, cacheable = (False, [], [_internal(rel, exc)]), False
        cache = self._cache
        if (
            cacheable
            and cache is not None
            and key is not None
            and cache.unchanged(source.path, key)
        ):
            cache.put(key, parsed)
        loaded, tables, issues = parsed
        return FileResult(rel, loaded, tables, issues)

    def _unpack(self, slot: _Slot, reply: Any, rel: str, sheets: int) -> tuple[Parsed, bool]:
        """The reply as (loaded, tables, issues), and whether it may be cached."""
        if isinstance(reply, list):  # the slot's own issue: a timeout, a death, no start
            return (False, [], reply), False
        tag = reply[0] if isinstance(reply, tuple) and reply else None
        if tag == "result" and len(reply) == 3 and reply[1] is None:  # MemoryError in the worker
            slot.discard()
            return (False, [], list(reply[2])), False
        if tag == "failed" and len(reply) == 2:
            detail = f"internal loader error: normalising failed: {reply[1]}"
            return (False, [], [msg.unreadable(rel, detail)]), False
        if not (tag == "tables" and len(reply) == 6 and _shape_ok(reply, sheets)):
            slot.discard()
            malformed = msg.unreadable(rel, "internal loader error: malformed worker reply")
            return (False, [], [malformed]), False
        _tag, loaded, tables, issues, read_s, normalise_s = reply
        with self._stats_lock:
            self.stats.read_s += read_s
            self.stats.normalise_s += normalise_s
        cacheable = not any(i.code in _ENVIRONMENTAL for i in issues)
        return (loaded, list(tables), list(issues)), cacheable


def _shape_ok(reply: tuple[Any, ...], sheets: int) -> bool:
    _tag, loaded, tables, issues, read_s, normalise_s = reply
    return (
        isinstance(loaded, bool)
        and isinstance(tables, list)
        and len(tables) == (sheets if loaded else 0)
        and all(t is None or isinstance(t, Table) for t in tables)
        and isinstance(issues, list)
        and all(isinstance(i, Issue) for i in issues)
        and isinstance(read_s, float)
        and isinstance(normalise_s, float)
    )


def _internal(rel: str, exc: Exception) -> Issue:
    return msg.unreadable(rel, f"internal loader error: {type(exc).__name__}: {exc}")


def read_files(paths: list[tuple[Path, str]], **limits: Any) -> dict[str, Result]:
    """Read several raw grids with one worker: ``{rel: (workbook | None, issues)}``.

    ``limits`` are passed to :class:`Loader` (``memory_limit_mb``, ``timeout_s``).
    """
    with Loader(**limits) as loader:
        return {rel: loader.read(path, rel) for path, rel in paths}
