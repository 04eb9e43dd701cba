"""Build the site with mkdocs into a fresh folder, then swap it in with one rename.

Fail closed: if anything goes wrong (a strict-mode warning such as a broken link, a plugin
error, a file outside the allow-list, a page without its Content-Security-Policy) the
previous site is left exactly as it was. The new site replaces the old one in one step
(``renameat2(RENAME_EXCHANGE)`` on Linux): a reader sees the old site or the new one,
never a missing or half-written folder.

Reproducible: mkdocs dates (sitemap ``lastmod``, the gzip header of ``sitemap.xml.gz``)
follow the data's day, set for the build by the ``thidua`` plugin exactly as in a plain
``mkdocs build`` (:class:`generator.read.dates.BuilderClock`), never the clock.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import os
import shutil
import tempfile
from pathlib import Path

from generator.publish import allowlist, csp
from generator.site.bundle import SiteBundle

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class BuildFailed(Exception):
    """mkdocs refused the site (strict warning, broken link, plugin error)."""


def build_site(bundle: SiteBundle, mkdocs_yml: Path, out: Path) -> None:
    """Build ``bundle`` with mkdocs --strict into a temp dir next to ``out``, then publish."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        staging.chmod(0o755)  # mkdtemp makes it private; the published folder is public
        _mkdocs_build(bundle, mkdocs_yml, staging)
        check_built_site(staging)
        _swap_in(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _mkdocs_build(bundle: SiteBundle, mkdocs_yml: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    problems = _Problems()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(problems)
    try:
        with _chdir(mkdocs_yml.parent):
            config = load_config(str(mkdocs_yml), site_dir=str(site_dir), strict=True)
            setattr(config.plugins["thidua"], "prebuilt", bundle)  # noqa: B010
            build(config)
    except (MkDocsException, SystemExit) as exc:
        details = "".join(f"\n  {line}" for line in problems.lines)
        raise BuildFailed((str(exc) or "mkdocs build failed") + details) from exc
    finally:
        logger.removeHandler(problems)


class _Problems(logging.Handler):
    """Keeps mkdocs' warnings and errors, so a refused build says why."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def check_built_site(root: Path) -> None:
    """Refuse a built site holding a file outside the allow-list or a page without CSP."""
    paths = allowlist.site_files(root)
    stray = allowlist.disallowed(paths)
    if stray:
        raise BuildFailed(
            "tệp không thuộc danh sách được phép công bố (generator/publish/allowlist.py): "
            + ", ".join(stray)
        )
    missing = [
        p
        for p in paths
        if p.endswith(".html")
        and csp.declared_policy((root / p).read_text(encoding="utf-8", errors="replace")) is None
    ]
    if missing:
        raise BuildFailed("trang thiếu Content-Security-Policy: " + ", ".join(missing))


@contextlib.contextmanager
def _chdir(path: Path):  # type: ignore[no-untyped-def]
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def _swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` atomically (renameat2 RENAME_EXCHANGE on Linux)."""
    if not out.exists():
        os.rename(staging, out)
        staging.mkdir()  # leave something for the caller's cleanup
        return
    if _exchange(staging, out):
        return  # staging now holds the old site; the caller removes it
    old = out.with_name(f".{out.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    os.rename(out, old)
    os.rename(staging, out)
    os.rename(old, staging)


def _exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)
