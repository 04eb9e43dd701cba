"""Publish a built folder in one step: the reader sees the old site or the new one, never a
missing or half-written folder (``renameat2(RENAME_EXCHANGE)`` on Linux)."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` atomically; ``staging`` then holds the old site (or an
    empty folder), for the caller to remove."""
    if not out.exists():
        os.rename(staging, out)
        staging.mkdir()  # leave something for the caller's cleanup
        return
    if _exchange(staging, out):
        return
    old = out.with_name(f".{out.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    os.rename(out, old)
    os.rename(staging, out)
    os.rename(old, staging)


def _exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)
