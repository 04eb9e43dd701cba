"""The mkdocs plugin ``thidua``: a thin adapter from mkdocs to the core.

All logic lives in :mod:`generator.site` (and the stages behind it); this module only runs
the core once per build, reports its errors so ``mkdocs build`` exits 1, watches the data
and config for ``mkdocs serve``, and hands the pages and downloads to mkdocs as virtual files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import LegacyConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .render import site_extra
from .site import SiteBundle, make_bundle

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

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        root = Path(config.config_file_path or ".").resolve().parent
        config_path = root / str(self.config["config"])
        data = self.config["data"]
        data_dir = root / str(data) if data else None
        bundle = self.prebuilt or make_bundle(config_path, data_dir)
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
            config.extra["thidua"] = site_extra(bundle.view.config)
        self.bundle = bundle
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.bundle is None:
            raise PluginError("thidua: on_files before on_config")
        generated: dict[str, Any] = {**self.bundle.pages, **self.bundle.files}
        clashes = sorted(uri for uri in generated if files.get_file_from_path(uri) is not None)
        if clashes:
            raise PluginError(
                "thidua: các tệp sau trong thư mục nội dung trùng với trang được sinh ra "
                f"(hãy đổi tên hoặc xóa): {', '.join(clashes)}"
            )
        for uri, content in generated.items():
            files.append(File.generated(config, uri, content=content))
        return files
