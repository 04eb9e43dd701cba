"""The mkdocs plugin ``thidua``: plain ``mkdocs build`` / ``mkdocs serve`` through the core.

A thin edge: one dispatch per mkdocs event, every step shared with ``thidua build``. It runs
the core once per build (:func:`generator.site.bundle.make_bundle`), refuses data errors and
an unpublishable content folder (:mod:`generator.publish.checks`), hands mkdocs the generated
pages, files and feed as virtual files (the generated pages skip Python-Markdown:
:mod:`generator.publish.raw_pages`), and after the build runs the same passes and checks
as ``thidua build`` on the output (:mod:`generator.publish.passes`), so both give the same
bytes. From ``on_pre_build`` to the end of the build ``SOURCE_DATE_EPOCH`` holds the data's
day (:class:`generator.read.dates.BuilderClock`), as ``thidua build`` gives its builder.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import LegacyConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.judge.campaigns import CAMPAIGN_DIR, campaign_files, load_campaigns
from generator.publish.checks import CheckFailed, check_built_site, refuse_content
from generator.publish.passes import PassError, Passes, apply_passes
from generator.publish.raw_pages import RawPages
from generator.read.dates import BuilderClock, builder_epoch
from generator.site.bundle import SiteBundle
from generator.site.campaigns import make_site
from generator.site.news import FEED_PATH, PostError, feed_for, is_news_page
from generator.site.pages.renderer import site_extra

log = get_plugin_logger("thidua")


class ThiduaPlugin(BasePlugin[LegacyConfig]):  # type: ignore[no-untyped-call]
    """Adds the generated pages and open-data files of the repository's campaigns.

    Options (paths relative to mkdocs.yml): ``campaigns`` (the folder of campaign files,
    default ``site_config``: every campaign, see :mod:`generator.site.campaigns`), or
    ``config`` (one campaign file, any name) with optionally ``data`` (a data folder
    overriding its ``data_dir``). Declared as a legacy ``config_scheme`` because an option
    named ``data`` would shadow ``Config.data`` in a typed scheme.
    """

    config_scheme = (
        ("campaigns", c.Type(str, default=str(CAMPAIGN_DIR))),
        ("config", c.Optional(c.Type(str))),
        ("data", c.Optional(c.Type(str))),
    )

    def __init__(self) -> None:
        super().__init__()
        self.bundle: SiteBundle | None = None
        self.clock = BuilderClock()
        # `mkdocs serve` injects an inline live-reload script that differs on every request:
        # no hash can allow it, so the local preview goes without the policy.
        self.serving = False
        self.raw = RawPages()  # the generated pages, which skip Python-Markdown

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.clock.restore()  # a previous build's date is never this build's data date
        root = Path(config.config_file_path or ".").resolve().parent
        data = self.config["data"]
        data_dir = root / str(data) if data else None
        if self.config["config"]:
            config_path = root / str(self.config["config"])
            bundle = make_site([config_path], data_dir, named_by_id=False)
            folder = config_path.parent
        else:
            folder = root / str(self.config["campaigns"])
            bundle = make_site(campaign_files(folder))
            _watch(config, *_data_dirs(campaign_files(folder)))
        _watch(config, folder, bundle.result.data_dir or data_dir)
        _refuse_errors(bundle)
        if bundle.view is not None:
            config.extra["thidua"] = site_extra(bundle.view.config, bundle.view.updated)
        self.bundle = bundle
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Date the build (only a build that runs: its end always restores the clock)."""
        view = self.bundle.view if self.bundle is not None else None
        self.clock.set(builder_epoch(view.updated if view is not None else None))

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.bundle is None:
            raise PluginError("thidua: on_files before on_config")
        generated: dict[str, str | bytes] = {**self.bundle.pages, **self.bundle.files}
        try:
            refuse_content(Path(config.docs_dir), generated, config.use_directory_urls)
        except CheckFailed as exc:
            raise PluginError(f"thidua: {exc}") from exc
        sections = self.bundle.sections
        for uri, content in generated.items():
            inside = uri.partition("/")[0] in sections  # a campaign's page: not in the nav
            level = InclusionLevel.NOT_IN_NAV if inside else InclusionLevel.UNDEFINED
            files.append(File.generated(config, uri, content=content, inclusion=level))
        self.raw = RawPages.of(self.bundle.pages)
        feed = _feed(files, config)
        if feed is not None and files.get_file_from_path(FEED_PATH) is None:
            files.append(File.generated(config, FEED_PATH, content=feed))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return self.raw.markdown(page.file.src_uri, markdown)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        content, anchors = self.raw.content(page.file.src_uri, html)
        if anchors:
            page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
        return content

    @event_priority(-200)  # after Material's search (0) and offline (-100) plugins
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.clock.restore()
        site = Path(config.site_dir)
        try:
            sections = self.bundle.sections if self.bundle else ()
            origins = self.bundle.form_origins if self.bundle else ()
            offline = not config.use_directory_urls
            passes = Passes(offline, not self.serving, sections, form_origins=origins)
            apply_passes(site, passes)
            if not self.serving:
                check_built_site(site, sections)
        except (PassError, CheckFailed) as exc:
            raise PluginError(f"thidua: {exc}") from exc

    def on_build_error(self, *, error: Exception) -> None:
        self.clock.restore()

    def on_shutdown(self) -> None:
        self.clock.restore()


def _data_dirs(files: list[Path]) -> list[Path]:
    """Every campaign's data folder (``mkdocs serve`` rebuilds when any of them changes)."""
    campaigns, _ = load_campaigns(files)
    return [c.file.resolve().parent.parent / c.config.data_dir for c in campaigns]


def _watch(config: MkDocsConfig, *paths: Path | None) -> None:
    """``mkdocs serve`` rebuilds when the campaign file or the data change."""
    for path in paths:
        if path is not None and path.exists() and str(path) not in config.watch:
            config.watch.append(str(path))


def _refuse_errors(bundle: SiteBundle) -> None:
    errors = [i for i in bundle.issues if i.is_error]
    if not bundle.ok:
        lines = [f"  {i.location() or '-'}: {i.message}" for i in errors]
        raise PluginError(
            f"thidua: dữ liệu hoặc cấu hình có {len(errors)} lỗi, không xây dựng trang:\n"
            + "\n".join(lines or ["  (không rõ lỗi)"])
        )
    if bundle.issues:  # details may name internal records: not in (public) CI logs
        log.info(
            "%d cảnh báo trong dữ liệu (không chặn việc xây dựng); xem: thidua validate",
            len(bundle.issues),
        )


def _feed(files: Files, config: MkDocsConfig) -> bytes | None:
    sources = {
        f.src_uri: f.content_string for f in files.documentation_pages() if is_news_page(f.src_uri)
    }
    try:
        return feed_for(
            sources,
            site_name=config.site_name,
            description=config.site_description or "",
            site_url=config.site_url,
            directory_urls=config.use_directory_urls,
        )
    except PostError as exc:
        raise PluginError(f"thidua: {exc}") from exc
