"""LOAD stage: one untrusted file in, a :class:`RawWorkbook` or a list of :class:`Issue` out.

Spreadsheet libraries are not safe against hostile files: calamine aborts the whole process
on a 5 KB xlsx declaring a cell at XFD1048576, and XML parsers can be made to expand entities
or zip members without bound. So every file is parsed in ONE long-lived worker process
(:mod:`generator.read.worker`) that caps its own memory (RLIMIT_AS) and CPU time, while this
process enforces a wall-clock limit per file. When the worker dies or overruns, it is killed,
the file is reported (`file-resource-limit` / `file-timeout`) and a fresh worker is started
for the next file. This process never sees a traceback from a file.

Usage::

    with Loader() as loader:
        workbook, issues = loader.read(path, "de-nghi/VP.xlsx")
"""

from __future__ import annotations

import io
import os
import pickle
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from generator.read import messages as msg
from generator.read.issues import Issue
from generator.read.raw import RawWorkbook

Result = tuple[RawWorkbook | None, list[Issue]]

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]
_START_TIMEOUT_S = 60.0  # importing pandas on a cold, busy machine
_MAX_REPLY_BYTES = 2 * 1024**3
_WORKER_ENV = {
    # Keep the worker's address space small: no thread pools, few malloc arenas.
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MALLOC_ARENA_MAX": "2",
    "PYTHONWARNINGS": "ignore",
    "RUST_BACKTRACE": "0",
}


class _WorkerGone(Exception):
    """The worker closed its pipe (it died) before answering."""


class _Overrun(Exception):
    """The worker did not answer before the deadline."""


class _SafeUnpickler(pickle.Unpickler):
    """Unpickle only the types a worker reply can hold."""

    _ALLOWED: frozenset[tuple[str, str]] = frozenset(
        {
            ("generator.read.raw", "RawWorkbook"),
            ("generator.read.raw", "RawSheet"),
            ("generator.read.issues", "Issue"),
            ("datetime", "datetime"),
            ("datetime", "date"),
            ("datetime", "time"),
            ("datetime", "timedelta"),
            ("datetime", "timezone"),
            ("builtins", "frozenset"),
            ("builtins", "set"),
        }
    )

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self._ALLOWED:
            raise pickle.UnpicklingError(f"unexpected type in worker reply: {module}.{name}")
        return super().find_class(module, name)


class _Worker:
    """One running worker process and its pipes."""

    def __init__(self, memory_limit_mb: int) -> None:
        # Lives as long as the worker; closed in kill().
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator.read.worker", "--memory-mb", str(memory_limit_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            cwd=_PACKAGE_ROOT,
            env={**os.environ, **_WORKER_ENV},
        )
        self.pid = self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def send(self, obj: object) -> None:
        assert self.proc.stdin is not None
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        self.proc.stdin.write(len(data).to_bytes(8, "big") + data)
        self.proc.stdin.flush()

    def recv(self, deadline: float) -> Any:
        head = self._read_exact(8, deadline)
        size = int.from_bytes(head, "big")
        if size > _MAX_REPLY_BYTES:
            raise pickle.UnpicklingError(f"worker reply of {size} bytes")
        return _SafeUnpickler(io.BytesIO(self._read_exact(size, deadline))).load()

    def _read_exact(self, size: int, deadline: float) -> bytes:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        buf = bytearray()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while len(buf) < size:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not sel.select(remaining):
                    raise _Overrun()
                chunk = os.read(fd, min(size - len(buf), 1 << 20))
                if not chunk:
                    raise _WorkerGone()
                buf += chunk
        return bytes(buf)

    def kill(self) -> int:
        """Kill the process (if still running) and return its exit status."""
        if self.proc.poll() is None:
            self.proc.kill()
        code = self.proc.wait()
        self._close_pipes()
        return code

    def stop(self, grace_s: float = 2.0) -> None:
        """Ask the worker to exit (EOF on stdin); kill it if it does not."""
        try:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
            self.proc.wait(timeout=grace_s)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()

    def stderr_tail(self, limit: int = 400) -> str:
        """The last line the worker wrote on stderr (e.g. Rust's allocation failure)."""
        try:
            self.stderr.seek(0, os.SEEK_END)
            size = self.stderr.tell()
            self.stderr.seek(max(0, size - 4096))
            lines = self.stderr.read().decode("utf-8", "replace").strip().splitlines()
        except OSError:
            return ""
        # Rust's allocation failure / panic line says more than the backtrace hint after it.
        telling = [ln for ln in lines if "memory allocation" in ln or "panicked" in ln]
        return (telling or lines or [""])[-1][:limit]

    def _close_pipes(self) -> None:
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                if pipe is not None:
                    pipe.close()
            except OSError:
                pass
        self.stderr.close()


class Loader:
    """Context manager owning ONE long-lived worker process that reads spreadsheets.

    ``memory_limit_mb`` caps the worker's address space; ``timeout_s`` is the wall-clock limit
    for one file. The worker is started on the first :meth:`read`, reused for the following
    files, and replaced (lazily) after it died or overran.
    """

    def __init__(self, *, memory_limit_mb: int = 512, timeout_s: float = 10.0) -> None:
        self.memory_limit_mb = memory_limit_mb
        self.timeout_s = timeout_s
        self._worker: _Worker | None = None

    def __enter__(self) -> Loader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker, if any."""
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    @property
    def worker_pid(self) -> int | None:
        """Process id of the current worker (None before the first read or after a crash)."""
        return self._worker.pid if self._worker is not None else None

    def read(self, path: Path, rel: str) -> Result:
        """Read one file; ``rel`` (data-dir relative, forward slashes) names it in the results.

        Returns ``(workbook, [])`` or ``(None, [issue, ...])``; never raises for a bad file.
        """
        try:
            return self._read(Path(path), rel)
        except Exception as exc:  # the parent must survive anything the worker does
            self._discard()
            return None, [
                msg.unreadable(rel, f"internal loader error: {type(exc).__name__}: {exc}")
            ]

    def _read(self, path: Path, rel: str) -> Result:
        worker = self._ensure_worker(rel)
        if isinstance(worker, Issue):
            return None, [worker]
        request = {"path": str(path.resolve()), "rel": rel, "cpu_s": int(self.timeout_s * 2) + 2}
        try:
            worker.send(request)
            reply = worker.recv(time.monotonic() + self.timeout_s)
        except _Overrun:
            self._discard()
            return None, [msg.timeout(rel, self.timeout_s)]
        except (_WorkerGone, BrokenPipeError, ConnectionResetError):
            return None, [self._death_issue(rel)]
        return self._unpack(reply, rel)

    def _unpack(self, reply: Any, rel: str) -> Result:
        if not (isinstance(reply, tuple) and len(reply) == 3 and reply[0] == "result"):
            self._discard()
            return None, [msg.unreadable(rel, "internal loader error: malformed worker reply")]
        _tag, workbook, issues = reply
        if any(i.code == "file-resource-limit" for i in issues):
            self._discard()  # the worker hit MemoryError and is exiting: do not race it
        return workbook, list(issues)

    def _ensure_worker(self, rel: str) -> _Worker | Issue:
        """The running worker, or a fresh one, or the issue explaining why none could start."""
        if self._worker is not None and self._worker.alive():
            return self._worker
        self._discard()
        worker = _Worker(self.memory_limit_mb)
        try:
            hello = worker.recv(time.monotonic() + max(_START_TIMEOUT_S, self.timeout_s))
        except (_Overrun, _WorkerGone, pickle.UnpicklingError) as exc:
            detail = worker.stderr_tail() or type(exc).__name__
            worker.kill()
            return msg.unreadable(
                rel, f"internal loader error: the reader process did not start ({detail})"
            )
        if hello != ("ready", worker.pid):
            worker.kill()
            return msg.unreadable(rel, "internal loader error: unexpected greeting from the reader")
        self._worker = worker
        return worker

    def _death_issue(self, rel: str) -> Issue:
        worker = self._worker
        self._worker = None
        if worker is None:
            return msg.resource_limit(rel, self.memory_limit_mb, "the reader process vanished")
        tail = worker.stderr_tail()
        code = worker.kill()
        if code == -signal.SIGXCPU:
            return msg.timeout(rel, self.timeout_s)
        return msg.resource_limit(rel, self.memory_limit_mb, _describe_exit(code, tail))

    def _discard(self) -> None:
        if self._worker is not None:
            self._worker.kill()
            self._worker = None


def _describe_exit(code: int, tail: str) -> str:
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        status = f"the reader process was killed by {name} (exit status {128 - code})"
    else:
        status = f"the reader process exited with status {code}"
    return f"{status}: {tail}" if tail else status


def read_files(paths: list[tuple[Path, str]], **limits: Any) -> dict[str, Result]:
    """Read several files with one worker: ``{rel: (workbook | None, issues)}``.

    ``limits`` are passed to :class:`Loader` (``memory_limit_mb``, ``timeout_s``).
    """
    with Loader(**limits) as loader:
        return {rel: loader.read(path, rel) for path, rel in paths}
