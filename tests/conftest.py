"""Session setup: the parse cache of every test run (and of the builds it starts in child
processes, which inherit the environment) lives in a temporary folder, never in the
checkout's ``.cache/``."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_FOLDER_KEY = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    folder = tempfile.mkdtemp(prefix="thidua-test-cache-")
    config.stash[_FOLDER_KEY] = folder
    os.environ["THIDUA_CACHE_DIR"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_FOLDER_KEY, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
