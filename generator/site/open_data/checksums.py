"""SHA-256 of downloads: the ``SHA256SUMS`` file and the digest shown beside each file."""

from __future__ import annotations

import hashlib


def sha256(content: bytes) -> str:
    """Hex SHA-256 of ``content``."""
    return hashlib.sha256(content).hexdigest()


def checksums(files: dict[str, bytes]) -> bytes:
    """``sha256sum`` lines (digest, two spaces, file name) of ``files``, sorted by path."""
    lines = [f"{sha256(data)}  {path.rsplit('/', 1)[-1]}" for path, data in sorted(files.items())]
    return ("\n".join(lines) + "\n").encode("ascii")
