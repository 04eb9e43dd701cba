"""Same bytes every build: an Office file (a zip) rewritten with fixed entry times and order."""

from __future__ import annotations

import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = "[Content_Types].xml"  # Office readers expect it first


def normalise(data: bytes) -> bytes:
    """The same zip with entries sorted (content types first), dated 1980-01-01, deflated,
    and the same permissions and host system on every entry."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda n: (n != _FIRST, n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()
