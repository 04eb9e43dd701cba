"""The parse cache: a file's normalised tables and issues, kept by the file's content.

A rebuild after one department's file changed reads that one file; the others come from
``.cache/thidua/`` in the project folder (``THIDUA_CACHE_DIR`` elsewhere, ``THIDUA_NO_CACHE=1``
off). An entry's key is the sha256 of the file's bytes, its shown name (issues carry it), its
extension, the contract sheets it is normalised with, and the reader's version: a digest of
the sources of ``generator/read/`` and of the Python and python-calamine
versions, so changing the reader or its libraries misses every entry without anyone bumping a
number. Entries live in a folder per reader version; the folders of other versions are removed
when this version first stores one.

An entry is ``MAGIC``, the format version, its key and the sha256 of its payload, then the
payload (a pickle, read with the allow-list of :mod:`generator.read.safe_pickle`); it is written
to a temporary file and renamed into place. An entry that is truncated, corrupt, tampered with,
for another key or holding anything but tables and issues of the right shape is ignored and
rewritten, never trusted. The loader never stores an outcome of the environment (timeouts,
resource limits, its own errors).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from generator.read import safe_pickle
from generator.read.columns import Sheet
from generator.read.issues import Issue
from generator.read.normalise.table import Row, Table

MAGIC = b"THIDUA-PARSE-CACHE\n"
FORMAT = 1
_HEAD = len(MAGIC) + 2 + 32 + 32  # magic, format (2 bytes), key, sha256 of the payload
_READ_ROOT = Path(__file__).resolve().parent
_PROJECT = _READ_ROOT.parents[1]
_LIBRARIES = ("python-calamine",)
_VERSION_FOLDER = re.compile(r"[0-9a-f]{24}")

# What a file gives: whether it loaded, one table per contract sheet (None: the file lacks
# it), and the issues of loading and of missing sheets, in order.
Parsed = tuple[bool, list[Table | None], list[Issue]]


@dataclass
class CacheStats:
    """What the cache did: entries used, files not found in it, entries written, and entries
    found but refused (corrupt, truncated, tampered, foreign)."""

    hits: int = 0
    misses: int = 0
    stored: int = 0
    rejected: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def count(self, what: str) -> None:
        with self._lock:
            setattr(self, what, getattr(self, what) + 1)


@dataclass(frozen=True)
class CacheKey:
    """An entry's name, and the file's size and mtime when it was hashed."""

    name: str
    stamp: tuple[int, int]


@functools.cache
def reader_version() -> str:
    """A digest of everything the reader's output depends on besides its input."""
    return reader_digest(_READ_ROOT)


def reader_digest(root: Path) -> str:
    """The digest of the reader's sources under ``root`` and of its libraries' versions."""
    digest = hashlib.sha256(f"format {FORMAT}\npython {sys.version}\n".encode())
    for dist in _LIBRARIES:
        try:
            digest.update(f"{dist} {metadata.version(dist)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist} none\n".encode())
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_root() -> Path | None:
    """The cache folder the environment asks for (``THIDUA_CACHE_DIR``, else the project's
    ``.cache/thidua``), or None when ``THIDUA_NO_CACHE`` is set."""
    if os.environ.get("THIDUA_NO_CACHE", "").strip() not in ("", "0"):
        return None
    folder = os.environ.get("THIDUA_CACHE_DIR", "").strip()
    return Path(folder) if folder else _PROJECT / ".cache" / "thidua"


def cache_from_env() -> ParseCache | None:
    """The cache the environment asks for, or None when ``THIDUA_NO_CACHE`` is set."""
    root = cache_root()
    return None if root is None else ParseCache(root)


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


class ParseCache:
    """Entries under ``root/<reader version>/``; every method is safe to call from threads."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.version = reader_version()
        self.folder = root / self.version[:24]
        self.stats = CacheStats()
        self._pruned = False

    def key(self, path: Path, rel: str, sheets: Sequence[Sheet]) -> CacheKey | None:
        """The key of this file as read now, or None when it cannot be read (no entry then)."""
        try:
            stamp = _stamp(path)
            with path.open("rb") as f:
                content = hashlib.file_digest(f, "sha256").hexdigest()
        except OSError:
            return None
        digest = hashlib.sha256()
        for part in (self.version, content, rel, path.suffix.lower(), repr(tuple(sheets))):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return CacheKey(digest.hexdigest(), stamp)

    def unchanged(self, path: Path, key: CacheKey) -> bool:
        """True when the file still has the size and mtime it had when ``key`` was made."""
        try:
            return _stamp(path) == key.stamp
        except OSError:
            return False

    def get(self, key: CacheKey, rel: str, sheets: int) -> Parsed | None:
        """The entry's content, or None (a miss) when it is absent or cannot be trusted."""
        try:
            data = (self.folder / key.name).read_bytes()
        except OSError:
            self.stats.count("misses")
            return None
        found = _decode(data, key.name, rel, sheets)
        self.stats.count("hits" if found is not None else "rejected")
        if found is None:
            self.stats.count("misses")
        return found

    def put(self, key: CacheKey, parsed: Parsed) -> None:
        """Store an entry atomically; a cache that cannot be written is no cache."""
        payload = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
        head = MAGIC + FORMAT.to_bytes(2, "big") + bytes.fromhex(key.name)
        data = head + hashlib.sha256(payload).digest() + payload
        try:
            self._prune()
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, self.folder / key.name)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return
        self.stats.count("stored")

    def _prune(self) -> None:
        """Remove the folders of other reader versions (once per cache object); nothing else
        in ``root`` is touched, whatever ``THIDUA_CACHE_DIR`` points at."""
        if self._pruned:
            return
        self._pruned = True
        try:
            others = [p for p in self.root.iterdir() if _VERSION_FOLDER.fullmatch(p.name)]
        except OSError:
            return
        others = [p for p in others if p.is_dir() and not p.is_symlink() and p != self.folder]
        for other in others:
            shutil.rmtree(other, ignore_errors=True)


def _decode(data: bytes, name: str, rel: str, sheets: int) -> Parsed | None:
    """An entry's payload when its header, hash, types and shape all check out."""
    if len(data) < _HEAD or not data.startswith(MAGIC):
        return None
    at = len(MAGIC)
    if int.from_bytes(data[at : at + 2], "big") != FORMAT or data[at + 2 : at + 34].hex() != name:
        return None
    payload = data[_HEAD:]
    if hashlib.sha256(payload).digest() != data[at + 34 : _HEAD]:
        return None
    try:
        found = safe_pickle.loads(payload, safe_pickle.CACHE_TYPES)
    except Exception:
        return None
    return found if _well_formed(found, rel, sheets) else None


def _well_formed(found: object, rel: str, sheets: int) -> bool:
    if not (isinstance(found, tuple) and len(found) == 3):
        return False
    loaded, tables, issues = found
    if not (isinstance(loaded, bool) and isinstance(tables, list) and isinstance(issues, list)):
        return False
    if len(tables) != (sheets if loaded else 0) or not all(isinstance(i, Issue) for i in issues):
        return False
    return all(t is None or _table_ok(t, rel) for t in tables)


def _table_ok(table: object, rel: str) -> bool:
    if not (isinstance(table, Table) and table.file == rel):
        return False
    lists = (table.rows, table.parsed, table.issues)
    if not all(isinstance(x, list) for x in lists):
        return False
    if not (isinstance(table.rejected, dict) and isinstance(table.read_rows, set)):
        return False
    return (
        all(isinstance(r, Row) and isinstance(r.values, dict) for r in table.rows)
        and all(isinstance(r, Row) for r in table.parsed)
        and all(isinstance(i, Issue) for i in table.issues)
    )
