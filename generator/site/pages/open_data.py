"""/du-lieu-mo/: the downloads with size and SHA-256, the data dictionary, the licence and
the status codes."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from generator.judge.config import Config
from generator.judge.select import campaign_statuses
from generator.site.open_data.checksums import sha256
from generator.site.open_data.export import FOLDER
from generator.site.pages.criteria import STATUS_HELP
from generator.site.pages.dictionary import data_dictionary
from generator.site.pages.links import relative_url
from generator.site.pages.renderer import PageRenderer

# Download file name → (description, format)
DOWNLOADS = {
    "ca-nhan.csv": ("Kết quả xét cá nhân", "CSV (UTF-8 có BOM, mở được bằng Excel)"),
    "ca-nhan.json": ("Kết quả xét cá nhân", "JSON"),
    "tap-the.csv": ("Kết quả xét tập thể", "CSV (UTF-8 có BOM, mở được bằng Excel)"),
    "tap-the.json": ("Kết quả xét tập thể", "JSON"),
    "sang-kien.csv": ("Sổ sáng kiến đã xét", "CSV (UTF-8 có BOM, mở được bằng Excel)"),
    "sang-kien.json": ("Sổ sáng kiến đã xét", "JSON"),
    "vinh-danh.csv": ("Danh sách vinh danh", "CSV (UTF-8 có BOM, mở được bằng Excel)"),
    "vinh-danh.json": ("Danh sách vinh danh", "JSON"),
    "du-lieu.xlsx": ("Cả bốn bảng, mỗi bảng một trang tính", "Excel (XLSX)"),
    "datapackage.json": (
        "Mô tả dữ liệu: các trường, kiểu, ý nghĩa",
        "Frictionless Data Package (JSON)",
    ),
    "SHA256SUMS": ("Mã kiểm tra SHA-256 của các tệp", "Văn bản (sha256sum)"),
}


@dataclass(frozen=True)
class Download:
    """A file of /du-lieu-mo/ as the page lists it (size and digest when it exists)."""

    name: str
    href: str
    description: str
    format: str
    size: int | None
    sha256: str | None


def _downloads(site: PageRenderer, page: str) -> list[Download]:
    files: dict[str, bytes | None] = {
        k: v for k, v in site.downloads.items() if k.startswith(f"{FOLDER}/")
    }
    if not files:  # nothing given: list what the build will produce, without sizes
        files = {f"{FOLDER}/{name}": None for name in DOWNLOADS}
    order = {name: n for n, name in enumerate(DOWNLOADS)}
    out = []
    for path in sorted(files, key=lambda p: (order.get(posixpath.basename(p), 99), p)):
        name = path.removeprefix(f"{FOLDER}/")
        description, kind = DOWNLOADS.get(posixpath.basename(name), ("Tệp dữ liệu", ""))
        content = files[path]
        out.append(
            Download(
                name,
                relative_url(page, path),
                description,
                kind,
                len(content) if content is not None else None,
                sha256(content) if content is not None else None,
            )
        )
    return out


def _licence(config: Config) -> tuple[str, str | None]:
    url = config.site.licence_url.strip()
    return config.site.licence, url if re.match(r"^https?://", url) else None


def open_data_page(site: PageRenderer, page: str, title: str) -> str:
    """The source of /du-lieu-mo/."""
    tables, exact = data_dictionary(site.downloads, site.config.data_contract)
    licence, licence_url = _licence(site.config)
    return site.render(
        page,
        "open_data.html",
        title,
        downloads=_downloads(site, page),
        have_files=any(k.startswith(f"{FOLDER}/") for k in site.downloads),
        tables=tables,
        exact=exact,
        licence=licence,
        licence_url=licence_url,
        statuses=[
            (s.value, s.label, STATUS_HELP.get(s, "")) for s in campaign_statuses(site.config)
        ],
    )
