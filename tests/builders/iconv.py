"""glibc's iconv as an independent reader of TCVN3 (Python has no codec for it)."""

from __future__ import annotations

import shutil
import subprocess

from tests.builders import ci


def iconv_tcvn3(data: bytes) -> str:
    """glibc's TCVN5712-1 reading of ``data``; skip without it, fail under CI."""
    if shutil.which("iconv") is None:
        ci.unavailable("iconv is not installed")
    done = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True, check=False
    )
    if done.returncode != 0:
        ci.unavailable(f"iconv cannot decode TCVN5712-1: {done.stderr.decode(errors='replace')}")
    return done.stdout.decode()
