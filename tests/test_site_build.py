"""`mkdocs build --strict` on the sample data: the pages of SPEC §5, anchors, nav, no CDN."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load

from generator.site.bundle import SiteBundle, make_bundle
from tests.builders.founding import SOLO_CONFIG

THIDUA_BUILD = [sys.executable, "-m", "generator", "build"]
MKDOCS_BUILD = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"
DATA = ROOT / "data" / "vpubnd-cantho-2019"

SPEC_PAGES = (  # SPEC §5, without publication history (/cap-nhat/)
    "index.html",
    "tin-tuc/index.html",
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


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    yml = _write_mkdocs_yml(tmp_path_factory.mktemp("project"))  # the founding campaign alone
    proc = subprocess.run(
        [*MKDOCS_BUILD, "-f", str(yml), "-d", str(out)],
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
    conf = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert bundle.view is not None
    assert conf["site_name"] == bundle.view.config.site.title


def test_sample_banner_on_hand_written_page(built: Path) -> None:
    html = (built / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    assert "Dữ liệu minh họa, không phải người thật." in html


def _write_mkdocs_yml(tmp: Path, **plugin: str) -> Path:
    """A copy of mkdocs.yml with absolute paths, so it can live outside the repository.
    Edited as text: the file holds !ENV and python-name tags that a YAML dump would lose."""
    conf = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    docs = plugin.pop("docs_dir", str(ROOT / "content"))
    options = "".join(f"\n      {k}: {json.dumps(v)}" for k, v in plugin.items())
    for old, new in (
        ("docs_dir: content", f"docs_dir: {json.dumps(docs)}"),
        ("site_dir: site", f"site_dir: {json.dumps(str(tmp / 'site'))}"),
        ("custom_dir: overrides", f"custom_dir: {json.dumps(str(ROOT / 'overrides'))}"),
        (
            "  - thidua:\n      campaigns: site_config",
            f"  - thidua:\n      config: {json.dumps(str(SOLO_CONFIG))}{options}",
        ),
    ):
        assert conf.count(old) == 1, old
        conf = conf.replace(old, new)
    path = tmp / "mkdocs.yml"
    path.write_text(conf, encoding="utf-8")
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
    (docs / "ke-hoach").mkdir()
    (docs / "ke-hoach" / "index.md").write_text("# Kế hoạch\n", encoding="utf-8")
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


# --------------------------------------------------------------------------- issue 4


def test_search_index_has_folded_fields_and_one_entry_per_person(
    built: Path, bundle: SiteBundle
) -> None:
    from generator.read.text import fold

    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {"folded_title", "folded_text"} <= set(index["config"]["fields"])
    docs = {d["location"]: d for d in index["docs"]}
    assert all("folded_title" in d and "folded_text" in d for d in docs.values())
    assert bundle.view is not None
    for unit in bundle.view.units:
        for person in unit.people:
            entry = docs[f"don-vi/{unit.slug}/#{person.anchor}"]
            assert entry["title"] == person.name  # the preview shows real Vietnamese
            assert entry["folded_title"] == fold(person.name)
    for initiative in bundle.view.initiatives:  # an initiative is found by its title
        assert any(d["title"] == initiative.title for d in docs.values()), initiative.code
    for unit in bundle.view.units:
        assert docs[f"don-vi/{unit.slug}/"]["folded_title"] == fold(unit.name)


def _names(html: str, selector: str) -> list[str]:
    """Text of the <h3> of each person card, or of the first cell of each body row."""
    if selector == "cards":
        return re.findall(r'<h3 id="p-[^"]*">([^<]*)', html)
    rows = re.findall(r"<tbody>(.*?)</tbody>", html, re.S)
    return [
        n
        for body in rows
        for n in re.findall(r"<tr[^>]*>\s*<td[^>]*>(?:<strong>)?(?:<a [^>]*>)?([^<]*)", body)
    ]


def test_people_are_listed_in_vietnamese_order_everywhere(built: Path, bundle: SiteBundle) -> None:
    from html import unescape

    from generator.read.text import person_sort_key

    def ordered(names: list[str]) -> bool:
        keys = [person_sort_key(unescape(n)) for n in names]
        return keys == sorted(keys)

    assert bundle.view is not None
    for unit in bundle.view.units:  # department pages: cards in order
        html = (built / "don-vi" / unit.slug / "index.html").read_text(encoding="utf-8")
        names = _names(html, "cards")
        assert len(names) == len(unit.people) and ordered(names), unit.code
    individuals = (built / "ket-qua" / "ca-nhan" / "index.html").read_text(encoding="utf-8")
    sections = re.findall(r'<section class="thidua-group".*?</section>', individuals, re.S)
    assert len(sections) == sum(1 for u in bundle.view.units if u.people)
    for section in sections:
        names = _names(section, "rows")
        assert names and ordered(names)
    honour = (built / "vinh-danh" / "index.html").read_text(encoding="utf-8")
    for table in re.findall(r'<table id="bang-[^"]*-ca-nhan".*?</table>', honour, re.S):
        names = _names(table, "rows")
        assert names and ordered(names)
    # departments in their configured order (the config's unit list), everywhere
    units_page = (built / "don-vi" / "index.html").read_text(encoding="utf-8")
    order = [units_page.index(f'href="{u.slug}/"') for u in bundle.view.units]
    assert order == sorted(order)


def test_result_tables_are_sortable_and_filterable(built: Path) -> None:
    for page in ("ket-qua/ca-nhan", "ket-qua/tap-the", "vinh-danh"):
        found = tags(built / page / "index.html")
        tables = [a for t, a in found if t == "table" and "data-sortable" in a]
        assert tables and all("data-filterable" in a for a in tables), page
        assert any(t == "div" and "data-thidua-filter" in a for t, a in found), page
        methods = {a.get("data-sort-method") for t, a in found if t == "th" and a.get("scope")}
        assert methods <= {"number", "vi", "none", None} and "number" in methods, page
    scripts = [a.get("src") for t, a in tags(built / "vinh-danh" / "index.html") if t == "script"]
    assert any(s and s.endswith("assets/vendor/tablesort/tablesort.min.js") for s in scripts)
    assert any(s and s.endswith("assets/javascripts/thidua.js") for s in scripts)


def test_criteria_shown_with_symbol_and_text(built: Path) -> None:
    html = (built / "ket-qua" / "tap-the" / "index.html").read_text(encoding="utf-8")
    assert '<span aria-hidden="true">✓</span> Đạt' in html
    assert '<span aria-hidden="true">✗</span> Không đạt' in html


def test_charts_are_published_with_alternatives_and_tables(built: Path) -> None:
    from generator.site.charts import CHART_DIR

    svgs = sorted(p.name for p in (built / CHART_DIR).glob("*.svg"))
    assert svgs == [
        "ca-nhan-theo-don-vi.svg",
        "pheu-xet-ca-nhan.svg",
        "sang-kien-theo-linh-vuc.svg",
    ]
    for page in ("index.html", "sang-kien/index.html"):
        found = tags(built / page)
        images = [a for t, a in found if t == "img" and CHART_DIR in (a.get("src") or "")]
        assert images, page
        for img in images:
            assert len(img.get("alt") or "") > 60, page
            target = (built / page).parent / (img.get("src") or "")
            assert target.resolve().is_file(), (page, img.get("src"))
        assert any(t == "table" and (a.get("id") or "").startswith("so-lieu-") for t, a in found)


def test_home_has_phase_figures_and_countdown(built: Path, bundle: SiteBundle) -> None:
    html = (built / "index.html").read_text(encoding="utf-8")
    assert bundle.view is not None
    assert bundle.view.phase_label in html and "Số liệu chính" in html
    assert 'id="thoi-han-tiep-theo"' in html
    # the countdown is computed from the data's date, never from the clock
    assert "Tính đến ngày dữ liệu được cập nhật lần cuối" in html or "Còn " in html


def test_news_feed(built: Path) -> None:
    from xml.etree import ElementTree as ET

    feed = ET.parse(built / "rss.xml").getroot()
    items = feed.findall("channel/item")
    posts = sorted((ROOT / "content" / "tin-tuc").glob("*.md"))
    # every post but the index, and the comment window's announcement (issue 14)
    assert len(items) == len(posts) - 1 + 1 >= 3
    titles = [i.findtext("title") for i in items]
    assert "Phát động phong trào thi đua cải cách hành chính năm 2019" in titles
    assert any(t and t.startswith("Lấy ý kiến về danh sách đề nghị khen thưởng") for t in titles)
    dates = [i.findtext("pubDate") for i in items]
    assert dates[0] and "2020" in dates[0] and dates[-1] and "2019" in dates[-1]  # newest first
    for item in items:
        link = item.findtext("link") or ""
        assert (built / link / "index.html").is_file(), link
    for page in ("index.html", "tin-tuc/index.html", "don-vi/th/index.html"):
        links = [a for t, a in tags(built / page) if t == "link" and a.get("rel") == "alternate"]
        assert [a.get("type") for a in links] == ["application/rss+xml"], page


def test_feed_is_deterministic() -> None:
    from generator.site.news import Post, rss

    posts = [
        Post("B <b>", dt.date(2019, 12, 10), "tóm tắt & thử", "tin-tuc/b/"),
        Post("A", dt.date(2020, 1, 20), "", "tin-tuc/a/"),
    ]
    one = rss(posts, site_name="S", description="D", index_url="tin-tuc/")
    two = rss(list(reversed(posts)), site_name="S", description="D", index_url="tin-tuc/")
    assert one == two and b"&lt;b&gt;" in one and b"&amp; th" in one
    assert one.index(b"<title>A</title>") < one.index(b"<title>B &lt;b&gt;</title>")
    absolute = rss(posts, site_name="S", description="D", index_url="tin-tuc/",
                   site_url="https://example.org/thidua/")  # fmt: skip
    assert b"<link>https://example.org/thidua/tin-tuc/a/</link>" in absolute


def test_404_page_is_vietnamese(built: Path) -> None:
    html = (built / "404.html").read_text(encoding="utf-8")
    assert "Không tìm thấy trang" in html and "404 - Not found" not in html


def test_every_page_says_when_its_data_last_changed(built: Path) -> None:
    for page in sorted(built.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "Dữ liệu cập nhật lần cuối" in html, page.relative_to(built)


def test_print_stylesheet_shows_a_clean_list() -> None:
    css = (ROOT / "content" / "assets" / "stylesheets" / "thidua.css").read_text(encoding="utf-8")
    media = css[css.index("@media print") :]
    for hidden in (".md-header", ".md-sidebar", ".md-search", ".md-footer", ".thidua-filter"):
        assert hidden in media
    assert "tr[hidden]" in media and "table-row !important" in media


def test_vendored_scripts_match_the_lock_file_and_the_manifest() -> None:
    import hashlib

    from generator.site import vendor

    manifest = vendor.manifest()
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    locked = vendor.locked_versions(ROOT)
    for name, (version, integrity) in locked.items():
        assert package["dependencies"][name] == version  # --save-exact
        assert manifest["packages"][name] == {"version": version, "integrity": integrity}
    for name, info in manifest["files"].items():
        data = (vendor.VENDOR_DIR / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == info["sha256"], name
        assert info["version"] == locked[info["package"]][0], name
        installed = ROOT / "node_modules" / info["package"] / info["source"]
        if installed.is_file():  # after `npm ci`: the copy is the package's file
            assert installed.read_bytes() == data, name
    header = (vendor.VENDOR_DIR / "tablesort" / "tablesort.min.js").read_text(encoding="utf-8")
    assert f"tablesort v{locked['tablesort'][0]} " in header.splitlines()[1]
    served = vendor.site_files()
    assert set(served) == {
        f"assets/vendor/{n}" for n in manifest["files"] if not n.endswith(("LICENSE", "LICENCE"))
    }
    for path, data in served.items():  # each served copy carries its licence
        assert data.startswith(b"/*! ") and b"Permission is hereby granted" in data, path


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory: pytest.TempPathFactory, bundle: SiteBundle) -> Path:
    from generator.publish.offline import build_offline

    out = tmp_path_factory.mktemp("offline")
    return build_offline(bundle, ROOT / "mkdocs.yml", out / "thidua-offline.zip")


def test_offline_bundle(offline_zip: Path, tmp_path: Path) -> None:
    from generator.publish.offline import unzip

    root = unzip(offline_zip, tmp_path)
    assert root.name == "thidua-offline"
    index = (root / "search" / "search_index.js").read_text(encoding="utf-8")
    assert index.startswith("var __index = ") and "folded_title" in index
    html = (root / "ket-qua" / "ca-nhan" / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"#:]+)(?:#[^"]*)?"', html)
    pages = [h for h in hrefs if not h.endswith((".css", ".png", ".xml", ".csv", ".json"))]
    assert pages and all(h.endswith(".html") for h in pages), sorted(set(pages))[:5]
    for h in pages:
        assert ((root / "ket-qua" / "ca-nhan") / h).resolve().is_file(), h
    assert "unpkg.com" not in (root / "index.html").read_text(encoding="utf-8")
    assert 'rel="alternate"' not in (root / "index.html").read_text(encoding="utf-8")


def test_offline_bundle_is_reproducible(
    offline_zip: Path, bundle: SiteBundle, tmp_path: Path
) -> None:
    from generator.publish.offline import build_offline

    again = build_offline(bundle, ROOT / "mkdocs.yml", tmp_path / "thidua-offline.zip")
    assert again.read_bytes() == offline_zip.read_bytes()


def test_offline_links() -> None:
    from generator.publish.passes import file_links

    html = (
        '<a href="../tieu-chi/">a</a><a href="../tieu-chi/#x">b</a><a href="./">c</a>'
        '<a href="../../">d</a><a href="https://x.org/">e</a><a href="#p-a">f</a>'
        '<a href="a.csv">g</a><a href="//x.org/">h</a><a href="/abs/">i</a>'
    )
    assert file_links(html) == (
        '<a href="../tieu-chi/index.html">a</a><a href="../tieu-chi/index.html#x">b</a>'
        '<a href="./index.html">c</a><a href="../../index.html">d</a>'
        '<a href="https://x.org/">e</a><a href="#p-a">f</a><a href="a.csv">g</a>'
        '<a href="//x.org/">h</a><a href="/abs/">i</a>'
    )


def test_cli_build_offline(tmp_path: Path) -> None:
    out = tmp_path / "site"
    proc = subprocess.run(
        [*THIDUA_BUILD, "--out", str(out), "--offline", "--config", str(SOLO_CONFIG)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (out / "index.html").is_file() and (tmp_path / "site-offline.zip").is_file()
    assert not (out / "search" / "search_index.js").exists()  # the online site is unchanged


def test_plain_mkdocs_build_and_thidua_build_produce_the_same_site(
    built: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    proc = subprocess.run(
        [*THIDUA_BUILD, "--out", str(out), "--config", str(SOLO_CONFIG)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    mine = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    plain = {p.relative_to(built): p.read_bytes() for p in built.rglob("*") if p.is_file()}
    assert sorted(mine) == sorted(plain)
    assert [str(p) for p in mine if mine[p] != plain[p]] == []
