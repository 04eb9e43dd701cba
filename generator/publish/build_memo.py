"""Memos of the builder's and the passes' per-page work, kept from one build to the next.

A data commit that changes one department's file changes that department's pages and the
overview pages; every other page comes out of the builder as it did last time, but for the
data's date (which the search index never reads, and which a memo's key leaves out where it
is provably inert). A :class:`PageMemo` keeps one kind of result (a page's search entries,
a page's Content-Security-Policy) by a key its caller makes of *everything* that result
depends on, so an entry is only ever used for the same input.

Each memo is one file, ``<cache folder>/build/<name>.json`` (the parse cache's folder:
``.cache/thidua/`` in the project, ``THIDUA_CACHE_DIR`` elsewhere, ``THIDUA_NO_CACHE=1``
off): a header line (format, name, the producing code's version, the sha256 of the rest),
then the entries as JSON (never pickle). A file that is truncated, corrupt, tampered with,
of another format or of another version is ignored as a whole and replaced, never trusted.
:meth:`PageMemo.save` keeps only the entries this build used or made, so a memo never grows
beyond one site, and writes through a temporary file renamed into place.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.read.cache import cache_root
from generator.site.pages.page_store import MemoStats

FORMAT = 1
_MAGIC = "thidua-build-memo"
DATE_TOKEN = "\0thidua-date\0"  # no page holds a NUL: the key of a page without its date


def open_cached(name: str, version: str) -> PageMemo | None:
    """The memo ``name`` of the cache folder the environment names, or None when the cache
    is off (``THIDUA_NO_CACHE``)."""
    memo = PageMemo.open(name, version)
    return None if memo.path is None else memo


@dataclass
class PageMemo:
    """One memo file (``path`` None: no memo, every lookup a miss, nothing written)."""

    path: Path | None
    name: str
    version: str
    _old: dict[str, Any] = field(default_factory=dict)
    _new: dict[str, Any] = field(default_factory=dict)
    stats: MemoStats = field(default_factory=MemoStats)

    @classmethod
    def open(cls, name: str, version: str, root: Path | None = None) -> PageMemo:
        """The memo ``name`` of the cache folder the environment names (or of ``root``)."""
        folder = root if root is not None else cache_root()
        memo = cls(None if folder is None else folder / "build" / f"{name}.json", name, version)
        memo._load()
        return memo

    def _load(self) -> None:
        if self.path is None:
            return
        try:
            data = self.path.read_bytes()
        except OSError:
            return
        entries = _decode(data, self.name, self.version)
        if entries is None:
            self.stats.rejected = True
            return
        self._old = entries

    def get(self, key: str) -> Any | None:
        """The value kept for ``key``, or None."""
        if key in self._new:
            return self._new[key]
        value = self._old.get(key)
        if value is None:
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        self._new[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        """Keep ``value`` (JSON: strings, numbers, lists, dicts) for ``key``."""
        if key not in self._new:
            self.stats.stored += 1
        self._new[key] = value

    def view(self) -> PageMemo:
        """A copy for a worker process: the same old entries (shared, not copied), none of
        this build's yet, no file; :meth:`delta` is what it sends back."""
        return PageMemo(None, self.name, self.version, _old=self._old)

    def delta(self) -> PageMemo:
        """The entries and counts this copy used or made, without the old entries (small to
        send back from a worker; :meth:`merge` takes them)."""
        return PageMemo(None, self.name, self.version, _new=dict(self._new), stats=self.stats)

    def merge(self, other: PageMemo) -> None:
        """Take the entries and counts another copy of this memo used or made (a worker's)."""
        self._new.update(other._new)
        self.stats.hits += other.stats.hits
        self.stats.misses += other.stats.misses
        self.stats.stored += other.stats.stored

    def save(self) -> None:
        """Write the entries this build used or made; a folder that cannot be written is no
        memo (the build does not fail for it)."""
        if self.path is None:
            return
        entries = dict(sorted(self._new.items()))  # values keep their own key order
        payload = json.dumps(entries, ensure_ascii=False).encode("utf-8")
        head = {"format": FORMAT, "magic": _MAGIC, "name": self.name, "version": self.version}
        head["sha256"] = hashlib.sha256(payload).hexdigest()
        data = json.dumps(head, sort_keys=True).encode("ascii") + b"\n" + payload
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return


def _decode(data: bytes, name: str, version: str) -> dict[str, Any] | None:
    """A memo file's entries when its header and checksum hold, else None."""
    line, newline, payload = data.partition(b"\n")
    if not newline:
        return None
    try:
        head = json.loads(line)
        if not isinstance(head, dict):
            return None
        expected = {"format": FORMAT, "magic": _MAGIC, "name": name, "version": version}
        if any(head.get(k) != v for k, v in expected.items()):
            return None
        if head.get("sha256") != hashlib.sha256(payload).hexdigest():
            return None
        entries = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        return None
    return entries if isinstance(entries, dict) else None
