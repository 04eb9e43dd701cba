"""The font the PDF embeds: Liberation Serif, metric-compatible with Times New Roman and
covering Vietnamese, installed from Debian's ``fonts-liberation2`` package.

The .docx files name "Times New Roman" (the office's Word has it); the PDF cannot, so it
embeds this substitute. A machine without the package gets a clear error, never a fallback.
"""

from __future__ import annotations

import os
from pathlib import Path

FAMILY = "Liberation Serif"
PACKAGE = "fonts-liberation2"
FILES = {
    "": "LiberationSerif-Regular.ttf",
    "B": "LiberationSerif-Bold.ttf",
    "I": "LiberationSerif-Italic.ttf",
}
FOLDERS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
)
ENV = "THIDUA_FONT_DIR"  # another folder holding the same files


class FontMissing(Exception):
    """The certificate font is not installed."""


def font_files() -> dict[str, Path]:
    """Style ("", "B", "I") → the installed font file; FontMissing when any is absent."""
    extra = os.environ.get(ENV, "").strip()
    folders = ((Path(extra),) if extra else ()) + FOLDERS
    for folder in folders:
        found = {style: folder / name for style, name in FILES.items()}
        if all(p.is_file() for p in found.values()):
            return found
    raise FontMissing(
        f"không tìm thấy phông {FAMILY} ({', '.join(FILES.values())}) trong "
        f"{', '.join(str(f) for f in folders)}. Cài gói Debian: apt-get install {PACKAGE} "
        f"(font {FAMILY} not found: install the Debian package {PACKAGE}, or set {ENV})."
    )
