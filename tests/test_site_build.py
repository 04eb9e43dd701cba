"""`mkdocs build --strict` on the sample data: the pages of SPEC §5, anchors, nav, no CDN."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from generator.site import SiteBundle, make_bundle

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "site_config" / "campaign.yml"
DATA = ROOT / "data" / "vpubnd-cantho-2019"

SPEC_PAGES = (  # SPEC §5, without news (/tin-tuc/) and publication history (/cap-nhat/)
    "index.html",
    "ke-hoach/index.html",
    "tieu-chi/index.html",
    "tien-do/index.html",
    "ket-qua/tap-the/index.html",
    "ket-qua/ca-nhan/index.html",
    "vinh-danh/index.html",
    "sang-kien/index.html",
    "don-vi/index.html",
    "du-lieu-mo/index.html",
)
DOWNLOADS = (
    *(
        f"du-lieu-mo/{name}.{ext}"
        for name in ("ca-nhan", "tap-the", "sang-kien", "vinh-danh")
        for ext in ("csv", "json")
    ),
    "du-lieu-mo/du-lieu.xlsx",
    "du-lieu-mo/datapackage.json",
    "du-lieu-mo/SHA256SUMS",
)

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="sample data not generated")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="module")
def bundle() -> SiteBundle:
    b = make_bundle(CONFIG)
    assert b.ok and b.view is not None
    return b


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


def test_spec_pages_exist(built: Path, bundle: SiteBundle) -> None:
    for page in SPEC_PAGES:
        assert (built / page).is_file(), page
    assert bundle.view is not None
    for unit in bundle.view.units:
        assert (built / "don-vi" / unit.slug / "index.html").is_file(), unit.code
    for name in DOWNLOADS:
        assert (built / name).is_file(), name


def test_person_anchors(built: Path, bundle: SiteBundle) -> None:
    ids = {a.get("id") for _, a in tags(built / "ket-qua" / "ca-nhan" / "index.html")}
    assert bundle.view is not None
    anchors = {p.anchor for p in bundle.view.people}
    assert anchors and anchors <= ids


def test_unit_pages_linked_but_not_in_nav(built: Path, bundle: SiteBundle) -> None:
    home = (built / "index.html").read_text(encoding="utf-8")
    listing = [a.get("href") for t, a in tags(built / "don-vi" / "index.html") if t == "a"]
    assert bundle.view is not None
    for unit in bundle.view.units:
        assert f"don-vi/{unit.slug}/" not in home, unit.code
        assert f"{unit.slug}/" in listing, unit.code
    nav_links = [a.get("href") for t, a in tags(built / "index.html") if t == "a"]
    assert "don-vi/" in nav_links and "ke-hoach/" in nav_links


def test_no_resource_from_another_host(built: Path) -> None:
    for page in built.rglob("*.html"):
        for tag, attrs in tags(page):
            url = None
            if tag == "script":
                url = attrs.get("src")
            elif tag == "link" and not {"canonical", "alternate", "license"} & set(
                (attrs.get("rel") or "").split()
            ):
                url = attrs.get("href")
            elif tag in ("img", "iframe", "source", "audio", "video"):
                url = attrs.get("src")
            if url:
                assert not urlsplit(url).netloc and not url.startswith("//"), (page, tag, url)
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
    for css in built.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            assert not re.match(r"^(https?:)?//", url), (css, url)
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", css.read_text()), css


def test_internal_codes_never_published(built: Path) -> None:
    for path in built.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ""):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not re.search(r"\bCB\d{4}\b", text), path
    assert not list(built.rglob("*.ods"))
    assert [p.name for p in built.rglob("*.xlsx")] == ["du-lieu.xlsx"]


def test_site_name_is_the_campaign_title(bundle: SiteBundle) -> None:
    conf = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert bundle.view is not None
    assert conf["site_name"] == bundle.view.config.site.title


def test_sample_banner_on_hand_written_page(built: Path) -> None:
    html = (built / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    assert "Dữ liệu minh họa, không phải người thật." in html


def _write_mkdocs_yml(tmp: Path, **plugin: str) -> Path:
    """A copy of mkdocs.yml with absolute paths, so it can live outside the repository."""
    conf = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    conf["docs_dir"] = str(plugin.pop("docs_dir", ROOT / "content"))
    conf["site_dir"] = str(tmp / "site")
    conf["theme"]["custom_dir"] = str(ROOT / "overrides")
    conf["plugins"] = [
        p if p != {"thidua": p.get("thidua")} else {"thidua": {"config": str(CONFIG), **plugin}}
        for p in conf["plugins"]
    ]
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(conf, allow_unicode=True), encoding="utf-8")
    return path


def _build(config_file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file)],
        cwd=config_file.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
        check=False,
    )


def test_bad_data_fails_the_build(tmp_path: Path) -> None:
    empty = tmp_path / "empty-data"
    empty.mkdir()
    proc = _build(_write_mkdocs_yml(tmp_path, data=str(empty)))
    assert proc.returncode == 1
    assert "thidua" in proc.stderr and "lỗi" in proc.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_hand_written_page_may_not_shadow_a_generated_one(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "tieu-chi").mkdir(parents=True)
    (docs / "ke-hoach.md").write_text("# Kế hoạch\n", encoding="utf-8")
    (docs / "tieu-chi" / "index.md").write_text("# Trùng\n", encoding="utf-8")
    proc = _build(_write_mkdocs_yml(tmp_path, docs_dir=str(docs)))
    assert proc.returncode == 1
    assert "tieu-chi/index.md" in proc.stderr


def test_serve_watches_data_and_config() -> None:
    from mkdocs.config import load_config

    conf = load_config(str(ROOT / "mkdocs.yml"))
    conf.plugins.on_config(conf)
    watched = {Path(p).resolve() for p in conf.watch}
    assert DATA.resolve() in watched and CONFIG.parent.resolve() in watched
