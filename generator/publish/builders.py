"""Builder adapters: run one static-site builder on a staging tree, in its own process.

The builder is a setting (``thidua build --builder NAME``, or ``THIDUA_BUILDER``): ``mkdocs``
(the default) or ``properdocs``, the maintained drop-in fork of MkDocs 1.6 (it redirects
``mkdocs.*`` imports to itself, so it must run in a process of its own). Both get the same
staging config, ``--strict``, and the data's day as ``SOURCE_DATE_EPOCH``: a warning (a broken
link, say) fails the build, and the sitemap dates follow the data, never the clock.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_BUILDER = "mkdocs"
BUILDER_ENV = "THIDUA_BUILDER"


@dataclass(frozen=True)
class Builder:
    """A builder: the module run with ``python -m`` and the environment that quiets its
    start-up banners (which would otherwise print on every build)."""

    name: str
    module: str
    quiet_env: tuple[tuple[str, str], ...] = ()

    def command(self, config: Path, site_dir: Path) -> list[str]:
        return [sys.executable, "-m", self.module, "build", "--strict",
                "-f", str(config), "-d", str(site_dir)]  # fmt: skip


BUILDERS = {
    "mkdocs": Builder("mkdocs", "mkdocs", (("NO_MKDOCS_2_WARNING", "1"),)),
    "properdocs": Builder("properdocs", "properdocs", (("DISABLE_MKDOCS_2_WARNING", "true"),)),
}


class BuilderFailed(Exception):
    """The builder refused the site (strict warning, broken link, theme error)."""


def builder_named(name: str | None) -> Builder:
    """The builder called ``name`` (else ``$THIDUA_BUILDER``, else mkdocs)."""
    chosen = name or os.environ.get(BUILDER_ENV) or DEFAULT_BUILDER
    if chosen not in BUILDERS:
        known = ", ".join(sorted(BUILDERS))
        raise BuilderFailed(f"không có trình dựng trang “{chosen}” (có: {known})")
    return BUILDERS[chosen]


def run_builder(
    builder: Builder, config: Path, site_dir: Path, *, epoch: int, offline: bool
) -> None:
    """Build ``config`` into ``site_dir``; raise :class:`BuilderFailed` with its messages."""
    env = {**os.environ, **dict(builder.quiet_env)}
    env["SOURCE_DATE_EPOCH"] = str(epoch)
    env["OFFLINE"] = "true" if offline else "false"
    done = subprocess.run(
        builder.command(config, site_dir),
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        lines = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
        details = "".join(f"\n  {line}" for line in lines[-40:])
        raise BuilderFailed(f"{builder.name} build --strict failed ({done.returncode}){details}")
