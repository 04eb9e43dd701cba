"""The offline bundle: the site built for ``file://`` (Material's ``offline`` plugin), zipped.

``thidua build --offline`` builds the site a second time with ``OFFLINE=true`` (mkdocs.yml
turns on Material's ``offline`` plugin, which sets ``use_directory_urls: false`` and inlines
the search index as ``search/search_index.js``) and the offline passes, then writes one zip
whose entries are sorted and dated from the data's last change, so the same input gives the
same bytes. Links between generated pages end in ``/`` (directory URLs); from disk a folder
does not open its ``index.html``, so :func:`generator.publish.passes.file_links`
adds it.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import zipfile
from pathlib import Path

from generator.publish.build import build_into
from generator.site.bundle import SiteBundle

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def default_zip_path(out: Path) -> Path:
    """``site/`` → ``site-offline.zip`` beside it."""
    out = out.resolve()
    return out.with_name(f"{out.name}-offline.zip")


def build_offline(
    bundle: SiteBundle, mkdocs_yml: Path, zip_path: Path, *, builder: str | None = None
) -> Path:
    """Build the offline site from ``bundle`` and write it to ``zip_path`` (atomically)."""
    zip_path = zip_path.resolve()
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".thidua-offline-") as tmp:
        site_dir = build_into(bundle, mkdocs_yml, Path(tmp), builder=builder, offline=True)
        updated = bundle.view.updated if bundle.view is not None else None
        write_zip(site_dir, zip_path, folder=zip_path.stem, date=updated)
    return zip_path


def write_zip(site_dir: Path, zip_path: Path, *, folder: str, date: dt.date | None) -> None:
    """Every file of ``site_dir`` under ``folder/`` in a deterministic zip, then renamed in."""
    stamp = (date.year, date.month, date.day, 0, 0, 0) if date and date.year >= 1980 else _ZIP_EPOCH
    fd, tmp_name = tempfile.mkstemp(prefix=f".{zip_path.name}-", dir=zip_path.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp_name, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
                rel = path.relative_to(site_dir).as_posix()
                info = zipfile.ZipInfo(f"{folder}/{rel}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, path.read_bytes())
        os.chmod(tmp_name, 0o644)  # mkstemp makes it private; the bundle is for sharing
        os.replace(tmp_name, zip_path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)


def unzip(zip_path: Path, dest: Path) -> Path:
    """Extract the bundle (for tests and for offices); returns the folder holding index.html."""
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(dest)
    roots = [p for p in dest.iterdir() if (p / "index.html").is_file()]
    return roots[0] if roots else dest
