"""The mkdocs plugin ``thidua``: a thin adapter from mkdocs to the core.

All logic lives in :mod:`generator.site.bundle` (and the stages behind it); this module only runs
the core once per build, reports its errors so ``mkdocs build`` exits 1, watches the data
and config for ``mkdocs serve``, and hands the pages and downloads to mkdocs as virtual files.

It also dates the build: from ``on_pre_build`` to the end of the build (``on_post_build`` or
``on_build_error``) ``SOURCE_DATE_EPOCH`` holds the data's day (:mod:`generator.read.dates`), so
plain ``mkdocs build``/``serve`` and ``thidua build`` write the same sitemap dates and gzip
header, whatever the day of the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import LegacyConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.publish import allowlist, csp
from generator.publish import passes as mkdocs_extras
from generator.read.dates import BuilderClock, builder_epoch
from generator.site.bundle import SiteBundle, make_bundle
from generator.site.pages.renderer import site_extra

log = get_plugin_logger("thidua")


class ThiduaPlugin(BasePlugin[LegacyConfig]):  # type: ignore[no-untyped-call]
    """Adds the generated pages and open-data files of one campaign to the site.

    Options: ``config`` (campaign file, relative to mkdocs.yml) and ``data`` (optional data
    folder overriding the campaign's ``data_dir``). Declared as a legacy ``config_scheme``
    because an option named ``data`` would shadow ``Config.data`` in a typed scheme.
    """

    config_scheme = (
        ("config", c.Type(str, default="site_config/campaign.yml")),
        ("data", c.Optional(c.Type(str))),
    )

    def __init__(self) -> None:
        super().__init__()
        self.bundle: SiteBundle | None = None
        # Set by `thidua build`, which has already run the core: no second pass over the data.
        self.prebuilt: SiteBundle | None = None
        self.clock = BuilderClock()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.clock.restore()  # a previous build's date is never this build's data date
        root = Path(config.config_file_path or ".").resolve().parent
        config_path = root / str(self.config["config"])
        data = self.config["data"]
        data_dir = root / str(data) if data else None
        # mkdocs keeps one plugin instance per process (its plugin cache): a bundle handed
        # over by `thidua build` serves that one build only, never a later one.
        bundle, self.prebuilt = self.prebuilt or make_bundle(config_path, data_dir), None
        resolved_data = bundle.result.data_dir or data_dir
        for path in (config_path.parent, resolved_data):
            if path is not None and path.exists() and str(path) not in config.watch:
                config.watch.append(str(path))
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
        _refuse_unpublishable(files, config)
        generated: dict[str, Any] = {**self.bundle.pages, **self.bundle.files}
        clashes = sorted(uri for uri in generated if files.get_file_from_path(uri) is not None)
        if clashes:
            raise PluginError(
                "thidua: các tệp sau trong thư mục nội dung trùng với trang được sinh ra "
                f"(hãy đổi tên hoặc xóa): {', '.join(clashes)}"
            )
        for uri, content in generated.items():
            files.append(File.generated(config, uri, content=content))
        mkdocs_extras.add_news_feed(files, config)
        return files

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return mkdocs_extras.page_links(html, config)

    @event_priority(-50)  # after Material's search plugin (0), before its offline plugin (-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.clock.restore()
        mkdocs_extras.fold_search_index(config)

    def on_build_error(self, *, error: Exception) -> None:
        self.clock.restore()

    def on_shutdown(self) -> None:
        self.clock.restore()

    # `mkdocs serve` injects an inline live-reload script that differs on every request: no
    # hash can allow it, so the local preview goes without the policy (builds always have it).
    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str | None:
        """Every page gets its Content-Security-Policy, with hashes of its inline scripts."""
        return output if self.serving else _with_policy(output, page.file.src_uri)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Theme pages that are not Markdown pages (404.html) get their policy too."""
        if template_name.endswith(".html") and output_content.strip() and not self.serving:
            return _with_policy(output_content, template_name)
        return output_content


def _with_policy(html: str, name: str) -> str:
    try:
        return csp.add_policy(html)
    except ValueError as exc:
        raise PluginError(f"thidua: Content-Security-Policy cho {name}: {exc}") from exc


def _refuse_unpublishable(files: Files, config: MkDocsConfig) -> None:
    """Fail the build on a file that must not be published (allow-list of ``allowlist.py``):
    a spreadsheet or data export dropped in the content folder would be copied as is."""
    docs = Path(config.docs_dir).resolve()
    raw, other = [], []
    for f in files:
        if f.generated_by is not None or not f.abs_src_path:
            continue
        from_docs = Path(f.abs_src_path).resolve().is_relative_to(docs)
        source = f"{Path(config.docs_dir).name}/{f.src_uri}" if from_docs else f.src_uri
        if from_docs and allowlist.is_raw_data(f.src_uri):
            raw.append(source)
        elif not allowlist.is_allowed(f.dest_uri) or (
            from_docs and not f.is_documentation_page() and f.dest_uri.endswith(".html")
        ):
            other.append(source)
    if raw:
        raise PluginError(
            "thidua: thư mục nội dung có tệp dữ liệu (bảng tính, tệp xuất) sẽ bị công bố "
            "nguyên trạng; không xây dựng trang. Hãy xóa hoặc chuyển các tệp này ra khỏi "
            f"thư mục nội dung: {', '.join(sorted(raw))}"
        )
    if other:
        raise PluginError(
            "thidua: các tệp sau không thuộc danh sách được phép công bố "
            f"(generator/publish/allowlist.py); không xây dựng trang: {', '.join(sorted(other))}"
        )
