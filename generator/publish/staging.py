"""The staging tree: everything a builder needs for one build, in one folder.

::

    <staging>/mkdocs.yml   generated: INHERITs the project's mkdocs.yml (config_file.py)
    <staging>/thidua-raw-pages.txt  the generated pages, which skip Markdown (raw_pages.py)
    <staging>/docs/        the content folder, the generated pages and files, rss.xml
    <staging>/overrides/   the theme's custom_dir
    <staging>/site/        the builder's output (then the passes, the checks, the swap)

The content folder is checked (allow-list, clashes with generated pages) before anything is
written: a build that must be refused is refused before any builder starts.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.publish.checks import content_files, refuse_content
from generator.publish.config_file import ProjectConfig, staging_config
from generator.publish.raw_pages import PAGE_LIST, page_list
from generator.site.bundle import SiteBundle
from generator.site.news import FEED_PATH, PostError, feed_for, is_news_page
from generator.site.pages.renderer import site_extra


@dataclass(frozen=True)
class StagingTree:
    """Paths of one staging tree."""

    root: Path

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"


def write_staging_tree(
    bundle: SiteBundle, project: ProjectConfig, root: Path, *, offline: bool = False
) -> StagingTree:
    """Check the content folder (:func:`check_content`; a caller that checked it already
    pays a walk of the small content folder again), then write the tree for ``bundle``
    under ``root``."""
    check_content(bundle, project, offline=offline)
    directory_urls = project.use_directory_urls and not offline
    generated: dict[str, str | bytes] = {**bundle.pages, **bundle.files}
    tree = StagingTree(root)
    _copy_content(project.docs_dir, tree.docs)
    made: set[Path] = set()  # folders made already (a mkdir each of 3,000 pages was 0.5 s)
    for uri, content in sorted(generated.items()):
        _write(tree.docs / uri, content, made)
    feed = _feed(tree.docs, project, directory_urls)
    if feed is not None and not (tree.docs / FEED_PATH).exists():
        _write(tree.docs / FEED_PATH, feed)
    if project.custom_dir is not None:
        shutil.copytree(project.custom_dir, tree.root / "overrides")
    extra = site_extra(bundle.view.config, bundle.view.updated) if bundle.view else {}
    tree.config.write_text(staging_config(project, extra, bundle.sections), encoding="utf-8")
    (tree.root / PAGE_LIST).write_text(page_list(bundle.pages), encoding="utf-8")
    return tree


def check_content(bundle: SiteBundle, project: ProjectConfig, *, offline: bool = False) -> None:
    """The check :func:`write_staging_tree` makes first, alone: raise before anything is
    written (or any builder started) when the content folder cannot be published."""
    directory_urls = project.use_directory_urls and not offline
    refuse_content(project.docs_dir, {**bundle.pages, **bundle.files}, directory_urls)


def _copy_content(content_dir: Path, docs: Path) -> None:
    for rel in content_files(content_dir):
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(content_dir / rel, target)


def _write(path: Path, content: str | bytes, made: set[Path] | None = None) -> None:
    if made is None or path.parent not in made:
        path.parent.mkdir(parents=True, exist_ok=True)
        if made is not None:
            made.add(path.parent)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)


def _feed(docs: Path, project: ProjectConfig, directory_urls: bool) -> bytes | None:
    sources = {
        rel: (docs / rel).read_text(encoding="utf-8-sig")
        for rel in content_files(docs)
        if is_news_page(rel)
    }
    try:
        return feed_for(
            sources,
            site_name=project.site_name,
            description=project.site_description,
            site_url=project.site_url,
            directory_urls=directory_urls,
        )
    except PostError as exc:
        raise StagingFailed(str(exc)) from exc


class StagingFailed(Exception):
    """The staging tree cannot be written (e.g. a news post without its date)."""
