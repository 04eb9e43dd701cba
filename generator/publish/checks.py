"""What may be published, checked twice: the content folder before any builder starts, and the
built site before it replaces the old one (allow-list of :mod:`generator.publish.allowlist`,
a Content-Security-Policy on every page)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.publish import allowlist, csp
from generator.site.news import page_dest


class CheckFailed(Exception):
    """The content or the built site holds something that must not be published."""


def content_files(content_dir: Path) -> list[str]:
    """The hand-written files a builder would take from the content folder (dot files and
    dot folders are skipped, as mkdocs does)."""
    return [
        path
        for path in allowlist.site_files(content_dir)
        if not any(part.startswith(".") for part in path.split("/"))
    ]


def refuse_content(content_dir: Path, generated: Iterable[str], directory_urls: bool) -> None:
    """Refuse a content folder holding a spreadsheet or data export (it would be copied as
    is), a file outside the allow-list, a raw HTML page, or a file that a generated page or
    download would overwrite."""
    files = content_files(content_dir)
    name = content_dir.name
    raw = [f"{name}/{p}" for p in files if allowlist.is_raw_data(p)]
    if raw:
        raise CheckFailed(
            "thư mục nội dung có tệp dữ liệu (bảng tính, tệp xuất) sẽ bị công bố nguyên trạng; "
            "không xây dựng trang. Hãy xóa hoặc chuyển các tệp này ra khỏi thư mục nội dung: "
            + ", ".join(sorted(raw))
        )
    other = [f"{name}/{p}" for p in files if not _publishable(p, directory_urls)]
    if other:
        raise CheckFailed(
            "các tệp sau không thuộc danh sách được phép công bố (generator/publish/allowlist.py); "
            "không xây dựng trang: " + ", ".join(sorted(other))
        )
    clashes = sorted(set(files) & set(generated))
    if clashes:
        raise CheckFailed(
            "các tệp sau trong thư mục nội dung trùng với trang được sinh ra "
            f"(hãy đổi tên hoặc xóa): {', '.join(clashes)}"
        )


def _publishable(path: str, directory_urls: bool) -> bool:
    if path.endswith(".html"):
        return False  # a raw page would bypass the templates' escaping
    return allowlist.is_allowed(page_dest(path, directory_urls))


def check_built_site(root: Path, sections: Iterable[str] = ()) -> None:
    """Refuse a built site holding a file outside the allow-list or a page without CSP
    (``sections``: the campaigns' folders, whose files the same list allows)."""
    paths = allowlist.site_files(root)
    stray = allowlist.disallowed(paths, sections)
    if stray:
        raise CheckFailed(
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
        raise CheckFailed("trang thiếu Content-Security-Policy: " + ", ".join(missing))
