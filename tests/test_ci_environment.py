"""Under CI a missing browser fails the browser tests; elsewhere they are skipped.

Run for real: a child pytest over one browser test module, with ``THIDUA_CHROMIUM``
pointing at a file that does not exist.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import ci

ROOT = Path(__file__).resolve().parent.parent
TRUE = ["true", "1", "yes", "True", "TRUE", "on", " true "]
FALSE = ["", "0", "false", "no", "False", "off"]


@pytest.mark.parametrize("value", TRUE)
def test_any_true_value_of_ci_counts(value: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CI", value)
    assert ci.under_ci()


@pytest.mark.parametrize("value", [*FALSE, None])
def test_an_empty_or_false_ci_does_not(value: str | None, monkeypatch: pytest.MonkeyPatch):
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert not ci.under_ci()


def _browser_tests(tmp_path: Path, ci_value: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["THIDUA_CHROMIUM"] = str(tmp_path / "no-such-chromium")
    if ci_value is not None:
        env["CI"] = ci_value
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
         "tests/browser/test_mobile.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("value", ["1", "yes", "True"])
def test_browser_tests_fail_under_ci_without_chromium(tmp_path: Path, value: str):
    done = _browser_tests(tmp_path, value)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "cannot run under CI" in done.stdout and "no-such-chromium" in done.stdout
    assert " skipped" not in done.stdout.splitlines()[-1]


def test_browser_tests_are_skipped_without_ci_and_without_chromium(tmp_path: Path):
    done = _browser_tests(tmp_path, None)
    assert done.returncode == 0, done.stdout + done.stderr
    last = done.stdout.splitlines()[-1]
    assert " skipped" in last and "passed" not in last and "failed" not in last, last
    assert "no-such-chromium" in done.stdout
