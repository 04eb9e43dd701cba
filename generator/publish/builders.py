"""Builder adapters: run one static-site builder on a staging tree, in its own process.

The builder is a setting (``thidua build --builder NAME``, or ``THIDUA_BUILDER``): ``mkdocs``
(the default) or ``properdocs``, the maintained drop-in fork of MkDocs 1.6 (it redirects
``mkdocs.*`` imports to itself, so it must run in a process of its own). Both get the same
staging config, ``--strict``, and the data's day as ``SOURCE_DATE_EPOCH``: a warning (a broken
link, say) fails the build, and the sitemap dates follow the data, never the clock.

The process may be started ahead (:func:`start_builder`), so that its imports overlap the
writing of the staging tree; it then waits for its build (:mod:`generator.publish.
builder_process`), which runs as ``python -m MODULE build ...`` would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.publish import builder_process

DEFAULT_BUILDER = "mkdocs"
BUILDER_ENV = "THIDUA_BUILDER"
# What this project's builder hook imports, loaded ahead with the builder's own modules.
_HOOK_MODULES = ("generator.publish.hook.thidua_raw_pages",)


@dataclass(frozen=True)
class Builder:
    """A builder: the module run with ``python -m``, the environment that quiets its
    start-up banners (which would otherwise print on every build) and the modules its
    process imports before the build is asked for."""

    name: str
    module: str
    quiet_env: tuple[tuple[str, str], ...] = ()
    preload: tuple[str, ...] = ()

    def arguments(self, config: Path, site_dir: Path) -> list[str]:
        return ["build", "--strict", "-f", str(config), "-d", str(site_dir)]


BUILDERS = {
    "mkdocs": Builder(
        "mkdocs",
        "mkdocs",
        (("NO_MKDOCS_2_WARNING", "1"),),
        ("mkdocs.__main__", "mkdocs.commands.build", "material.plugins.search.plugin"),
    ),
    "properdocs": Builder(
        "properdocs",
        "properdocs",
        (("DISABLE_MKDOCS_2_WARNING", "true"),),
        ("properdocs.__main__", "properdocs.commands.build"),
    ),
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


@dataclass(frozen=True)
class StartedBuilder:
    """A builder's process, its modules loading, waiting for the one build it will run."""

    builder: Builder
    process: subprocess.Popen[str]


@contextmanager
def start_builder(builder: Builder, cwd: Path) -> Iterator[StartedBuilder]:
    """``builder``'s process, started in ``cwd`` (an empty folder: ``sys.path[0]`` while it
    imports); one never asked to build is stopped when the block ends."""
    preload = (*builder.preload, *_HOOK_MODULES)  # the builder's first: ProperDocs' redirect
    process = subprocess.Popen(
        [sys.executable, "-m", builder_process.__name__, builder.module, *preload],
        cwd=cwd,
        env={**os.environ, **dict(builder.quiet_env)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield StartedBuilder(builder, process)
    finally:
        if process.returncode is None:
            process.kill()
            process.communicate()


def run_builder(
    builder: Builder,
    config: Path,
    site_dir: Path,
    *,
    epoch: int,
    offline: bool,
    started: StartedBuilder | None = None,
) -> None:
    """Build ``config`` into ``site_dir`` (in ``started``, else a process started now); raise
    :class:`BuilderFailed` with its messages."""
    if started is None:
        with start_builder(builder, config.parent) as now:
            return run_builder(builder, config, site_dir, epoch=epoch, offline=offline, started=now)
    env = {**os.environ, **dict(builder.quiet_env)}
    env["SOURCE_DATE_EPOCH"] = str(epoch)
    env["OFFLINE"] = "true" if offline else "false"
    request = {"args": builder.arguments(config, site_dir), "cwd": str(config.parent), "env": env}
    out, err = started.process.communicate(json.dumps(request))
    code = started.process.returncode
    if code != 0:
        lines = [line for line in (err + out).splitlines() if line.strip()]
        details = "".join(f"\n  {line}" for line in lines[-40:])
        raise BuilderFailed(f"{builder.name} build --strict failed ({code}){details}")
