"""The ``thidua`` command as the tests run it: the console script of the interpreter running
the tests (next to ``sys.executable``), never a hard-coded ``.venv`` path."""

from __future__ import annotations

import sys
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("thidua")


def thidua_command() -> list[str]:
    """The installed entry point, or ``python -m generator`` when the package is not installed
    as a script (tests/test_cli_validate.py checks the script exists where it is installed)."""
    return [str(SCRIPT)] if SCRIPT.is_file() else [sys.executable, "-m", "generator"]
