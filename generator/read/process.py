"""One loader worker process seen from the parent: start it, talk to it, kill it.

The worker (:mod:`generator.read.worker`) caps its own memory and CPU time; this side adds
the wall-clock deadline of each reply and unpickles replies with an allow-list
(:mod:`generator.read.safe_pickle`). Used by :class:`generator.read.load.Loader`.
"""

from __future__ import annotations

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

from generator.read import safe_pickle

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]
MAX_REPLY_BYTES = 2 * 1024**3
_WORKER_ENV = {
    # Keep the worker's address space small: no thread pools, few malloc arenas.
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MALLOC_ARENA_MAX": "2",
    "PYTHONWARNINGS": "ignore",
    "RUST_BACKTRACE": "0",
}


class WorkerGone(Exception):
    """The worker closed its pipe (it died) before answering."""


class Overrun(Exception):
    """The worker did not answer before the deadline."""


class Worker:
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
        if size > MAX_REPLY_BYTES:
            raise pickle.UnpicklingError(f"worker reply of {size} bytes")
        return safe_pickle.loads(self._read_exact(size, deadline), safe_pickle.REPLY_TYPES)

    def _read_exact(self, size: int, deadline: float) -> bytes:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        buf = bytearray()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while len(buf) < size:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not sel.select(remaining):
                    raise Overrun()
                chunk = os.read(fd, min(size - len(buf), 1 << 20))
                if not chunk:
                    raise WorkerGone()
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
        except (OSError, ValueError):
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


def describe_exit(code: int, tail: str) -> str:
    """A dead worker's exit status in words, with its last line on stderr."""
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        status = f"the reader process was killed by {name} (exit status {128 - code})"
    else:
        status = f"the reader process exited with status {code}"
    return f"{status}: {tail}" if tail else status
