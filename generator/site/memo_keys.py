"""The keys and versions of the memos kept between builds (the page stores here, the
builder's and passes' memos in :mod:`generator.publish.build_memo`)."""

from __future__ import annotations

import hashlib
from pathlib import Path


def digest(*parts: str | bytes) -> str:
    """The sha256 of ``parts``, each after its length (no two lists of parts share one), as
    hex: a memo key."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)  # not joined to its length first: a page's copy saved per part
    return h.hexdigest()


def source_version(*files: Path, extra: str = "") -> str:
    """A version made of the sources of ``files`` and ``extra`` (library versions)."""
    return digest(extra, *(f.read_bytes() for f in files))
