"""A checked file of page texts kept by key from one build to the next (:class:`PageStore`).

Each value is a pair of texts (a page before and after its date paragraph). JSON would make
a big campaign's pages (some 80 MB at 3,000 departments) cost a second to read and write, so
the file is binary, and never pickle: a magic line; a header line (JSON: format, name, the
producing code's version, the sha256 of everything after it); an index line (JSON: each key
with the UTF-8 lengths of its two texts); then the texts, one after the other, in the index's
order. A file that is truncated, corrupt, tampered with, of another format or of another
version is ignored as a whole (:attr:`MemoStats.rejected`) and replaced, never trusted; a
text is decoded only when its key is asked for. :meth:`PageStore.save` keeps only the
entries this build used or made, and writes through a temporary file renamed into place.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.read.cache import cache_root

MAGIC = b"thidua-page-store\n"
FORMAT = 1
Texts = tuple[str, str]


@dataclass
class MemoStats:
    """What a memo or store did in one build: entries used, looked for in vain, made, and
    whether its file was refused (corrupt, tampered, foreign)."""

    hits: int = 0
    misses: int = 0
    stored: int = 0
    rejected: bool = False


@dataclass
class PageStore:
    """One store file (``path`` None: no store, every lookup a miss, nothing written)."""

    path: Path | None
    name: str
    version: str
    _old: dict[str, tuple[memoryview, int, int]] = field(default_factory=dict)
    _new: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)
    stats: MemoStats = field(default_factory=MemoStats)

    @classmethod
    def open(cls, path: Path | None, name: str, version: str) -> PageStore:
        """The store in ``path`` (None: none), its entries if the file holds for ``version``."""
        store = cls(path, name, version)
        data = _read(path)
        if data is not None:
            entries = _entries(data, name, version)
            store.stats.rejected = entries is None
            store._old = entries or {}
        return store

    @classmethod
    def in_cache(cls, name: str, version: str) -> PageStore:
        """The store ``name`` in the build memo folder of the cache the environment names
        (``<cache>/build/<name>.bin``; no store when the cache is off)."""
        root = cache_root()
        return cls.open(None if root is None else root / "build" / f"{name}.bin", name, version)

    def get(self, key: str) -> Texts | None:
        """The two texts kept for ``key``, or None."""
        new = self._new.get(key)
        if new is not None:
            return _decoded(new)
        old = self._old.get(key)
        texts = None if old is None else _decoded(_split(old))
        if old is None or texts is None:
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        self._new[key] = _split(old)
        return texts

    def put(self, key: str, texts: Texts) -> None:
        """Keep the two ``texts`` for ``key``."""
        if key not in self._new:
            self.stats.stored += 1
        self._new[key] = (_encoded(texts[0]), _encoded(texts[1]))

    def save(self) -> None:
        """Write the entries this build used or made; a folder that cannot be written is no
        store (the build does not fail for it)."""
        if self.path is None:
            return
        keys = sorted(self._new)
        index = [[k, len(self._new[k][0]), len(self._new[k][1])] for k in keys]
        body = [json.dumps(index).encode("ascii"), b"\n"]
        body += [part for k in keys for part in self._new[k]]
        h = hashlib.sha256()
        for part in body:
            h.update(part)
        head = {"format": FORMAT, "name": self.name, "version": self.version}
        head["sha256"] = h.hexdigest()
        _write(self.path, [MAGIC, json.dumps(head, sort_keys=True).encode("ascii"), b"\n", *body])


def _split(entry: tuple[memoryview, int, int]) -> tuple[bytes, bytes]:
    view, first, second = entry
    return bytes(view[:first]), bytes(view[first : first + second])


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a page may keep a cell's lone surrogate


def _decoded(pair: tuple[bytes, bytes]) -> Texts | None:
    """The two texts, or None when one is not what :func:`_encoded` makes."""
    try:
        return pair[0].decode("utf-8", "surrogatepass"), pair[1].decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None


def _read(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def _entries(data: bytes, name: str, version: str) -> dict[str, tuple[memoryview, int, int]] | None:
    """The entries of a store file whose header and checksum hold, else None."""
    if not data.startswith(MAGIC):
        return None
    end = data.find(b"\n", len(MAGIC))
    if end < 0:
        return None
    try:
        head = json.loads(data[len(MAGIC) : end])
        expected = {"format": FORMAT, "name": name, "version": version}
        if not isinstance(head, dict) or any(head.get(k) != v for k, v in expected.items()):
            return None
        if head.get("sha256") != hashlib.sha256(memoryview(data)[end + 1 :]).hexdigest():
            return None
        start = data.index(b"\n", end + 1)
        index = json.loads(data[end + 1 : start])
    except ValueError:
        return None
    return _slices(memoryview(data)[start + 1 :], index)


def _slices(texts: memoryview, index: object) -> dict[str, tuple[memoryview, int, int]] | None:
    """Each key's place in ``texts`` by the index, or None when the index does not fit."""
    if not isinstance(index, list):
        return None
    out: dict[str, tuple[memoryview, int, int]] = {}
    at = 0
    for entry in index:
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], str)):
            return None
        key, first, second = entry
        if not all(type(n) is int and n >= 0 for n in (first, second)):
            return None
        out[key] = (texts[at : at + first + second], first, second)
        at += first + second
    return out if at == len(texts) else None


def _write(path: Path, parts: list[bytes]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.writelines(parts)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return
