"""``thidua build``: stage, build, pass, check, swap — the same steps whatever the builder.

1. :mod:`~generator.publish.staging` checks the content folder and writes the staging tree
   (content, generated pages and files, feed, a config inheriting ``mkdocs.yml``);
2. :mod:`~generator.publish.builders` runs the builder on it (``--strict``, dated by the data),
   in a process started before the tree is written (its imports meanwhile);
3. :mod:`~generator.publish.passes` makes the output safe and Vietnamese (folded search,
   offline links, Content-Security-Policy with hashes);
4. :mod:`~generator.publish.checks` refuses a file outside the allow-list or a page without
   its policy;
5. :mod:`~generator.publish.swap` replaces the published folder in one rename.

Fail closed: if any step fails, the previous site is left exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.publish.builders import BuilderFailed, builder_named, run_builder, start_builder
from generator.publish.checks import CheckFailed, check_built_site
from generator.publish.config_file import ConfigFileError, read_project_config
from generator.publish.passes import PassError, Passes, apply_passes
from generator.publish.staging import StagingFailed, check_content, write_staging_tree
from generator.publish.swap import swap_in
from generator.read.dates import builder_epoch
from generator.site.bundle import SiteBundle


class BuildFailed(Exception):
    """The site was refused: by a check, by the builder, or by a pass."""


def build_site(
    bundle: SiteBundle,
    mkdocs_yml: Path,
    out: Path,
    *,
    builder: str | None = None,
    offline: bool = False,
) -> None:
    """Build ``bundle`` into a fresh folder next to ``out``, then swap it in."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        site = build_into(bundle, mkdocs_yml, work, builder=builder, offline=offline)
        site.chmod(0o755)  # the published folder is public
        swap_in(site, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def build_into(
    bundle: SiteBundle, mkdocs_yml: Path, work: Path, *, builder: str | None, offline: bool
) -> Path:
    """Stage, build, pass and check inside ``work``; returns the checked site folder."""
    try:
        chosen = builder_named(builder)
        project = read_project_config(mkdocs_yml.resolve())
        check_content(bundle, project, offline=offline)  # refused before a builder starts
        work.mkdir(parents=True, exist_ok=True)
        with start_builder(chosen, work) as started:  # its imports while the tree is written
            tree = write_staging_tree(bundle, project, work / "stage", offline=offline)
            updated = bundle.view.updated if bundle.view is not None else None
            epoch = builder_epoch(updated)
            run_builder(
                chosen, tree.config, tree.site, epoch=epoch, offline=offline, started=started
            )
        passes = Passes(offline, sections=bundle.sections, form_origins=bundle.form_origins)
        apply_passes(tree.site, passes)
        check_built_site(tree.site, bundle.sections)
    except (BuilderFailed, CheckFailed, ConfigFileError, PassError, StagingFailed) as exc:
        raise BuildFailed(str(exc)) from exc
    return tree.site
