"""Several campaigns in one repository (issue 11 item 5): the repository's checks, the
``--campaign`` choice, and the site — each campaign under its path, the root's home page,
redirect pages and copies, the combined download — built by ``thidua build`` and by plain
``mkdocs build`` alike. The founding campaign alone, without a path, is today's site."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.judge.campaigns import campaign_files, load_campaigns
from generator.site.bundle import make_bundle
from generator.site.campaigns import make_site
from tests.builders.campaigns import (
    FOUNDING_PATH,
    SECOND_ID,
    SECOND_NAME,
    SECOND_PATH,
    campaigns_project,
    second_config,
)
from tests.builders.founding import CONFIG, ROOT, SOLO_CONFIG

FOUNDING_NAME = "Phong trào thi đua thực hiện cải cách hành chính năm 2019"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
ENV.pop("SOURCE_DATE_EPOCH", None)


def thidua(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd, env=ENV, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def repository(tmp: Path, files: dict[str, str]) -> Path:
    """A site_config folder holding ``files`` (name → text) and the presets."""
    folder = tmp / "site_config"
    shutil.copytree(CONFIG.parent / "contracts", folder / "contracts")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


FOUNDING = CONFIG.read_text(encoding="utf-8")
NO_PATH = FOUNDING.replace("path: vpubnd-2019\n", "")
LAST_LINE = len(FOUNDING.splitlines())  # `path:` is the founding file's last line


def found(folder: Path) -> list[tuple[str, str, str | None, int | None]]:
    campaigns, issues = load_campaigns(campaign_files(folder))
    assert not campaigns or not issues
    return [(i.code, Path(i.file).name, i.column, i.row) for i in issues]


# --- the repository's checks ---------------------------------------------------------------


def test_every_repository_problem_at_once_located_in_its_file(tmp_path: Path) -> None:
    folder = repository(
        tmp_path,
        {
            "vpubnd-cantho-2019.yml": NO_PATH,  # no path among several
            "b.yml": second_config(FOUNDING, cid="thu-2020", path="p"),  # named after no id
            "c-2021.yml": second_config(FOUNDING, cid="c-2021", path="p"),  # path taken; current
            "d-2022.yml": second_config(FOUNDING, cid="d-2022", path="ket-qua").replace(
                "current: true\n", ""
            ),  # a folder of the site's root
        },
    )
    assert found(folder) == [
        ("config-campaign-file-name", "b.yml", "id", 4),
        ("config-campaign-path", "c-2021.yml", "path", LAST_LINE),
        ("config-campaign-current", "c-2021.yml", "current", LAST_LINE + 1),
        ("config-campaign-path", "d-2022.yml", "path", LAST_LINE),
        ("config-campaign-path", "vpubnd-cantho-2019.yml", "path", 4),
    ]
    _, issues = load_campaigns(campaign_files(folder))
    messages = {Path(i.file).name + " " + str(i.column): i.message for i in issues}
    assert "đã dùng cho đợt thu-2020 (b.yml)" in messages["c-2021.yml path"]
    assert "đợt thu-2020 (b.yml) đã là đợt hiện tại" in messages["c-2021.yml current"]
    assert "kho có 4 đợt thi đua: mỗi đợt cần khóa path" in messages["vpubnd-cantho-2019.yml path"]
    assert all(i.severity == "error" and i.message_en for i in issues)


def test_several_campaigns_none_current(tmp_path: Path) -> None:
    other = second_config(FOUNDING).replace("current: true\n", "")
    folder = repository(tmp_path, {CONFIG.name: FOUNDING, f"{SECOND_ID}.yml": other})
    assert found(folder) == [("config-campaign-current", "thu-2020.yml", "current", 4)]


def test_a_lone_campaign_at_the_root_and_a_free_name_with_config(tmp_path: Path) -> None:
    folder = repository(tmp_path, {CONFIG.name: NO_PATH})
    assert found(folder) == []
    free = folder / "campaign.yml"  # --config FILE: any name
    free.write_text(NO_PATH, encoding="utf-8")
    assert load_campaigns([free], named_by_id=False)[1] == []
    assert [i.code for i in load_campaigns([free])[1]] == ["config-campaign-file-name"]


def test_a_bad_campaign_file_stops_every_check_with_its_own_issue(tmp_path: Path) -> None:
    bad = second_config(FOUNDING).replace("path: thu-2020", "path: Thu 2020")
    folder = repository(tmp_path, {CONFIG.name: FOUNDING, f"{SECOND_ID}.yml": bad})
    assert found(folder) == [("config-invalid", "thu-2020.yml", "path", LAST_LINE)]


# --- the founding campaign alone: today's site ---------------------------------------------


def test_the_founding_campaign_alone_without_path_is_todays_site() -> None:
    alone = make_site([SOLO_CONFIG], named_by_id=False, with_history=False)
    today = make_bundle(SOLO_CONFIG, with_history=False)
    assert alone.ok and alone.sections == ()
    assert alone.pages == today.pages and alone.files == today.files


def test_a_lone_campaign_with_a_path_sits_under_it() -> None:
    site = make_site([CONFIG], with_history=False)  # the committed founding file
    alone = make_bundle(CONFIG, with_history=False)
    assert site.ok and site.sections == (FOUNDING_PATH,)
    for key in alone.pages:
        assert f"{FOUNDING_PATH}/{key}" in site.pages
        if key != "index.md":
            assert f'redirect: "{FOUNDING_PATH}/{key.removesuffix("index.md")}"' in site.pages[key]
    for key, data in alone.files.items():
        assert site.files[key] == data  # every download stays at its root path too
    # the only differences inside the campaign's folder: links to the site's own pages and
    # the line naming the campaign
    home = site.pages[f"{FOUNDING_PATH}/index.md"]
    line = (
        '<p class="thidua-campaign" data-search-exclude>Đợt thi đua: <a href="./">'
        f'{FOUNDING_NAME}</a> · <a href="../">Mọi đợt thi đua</a></p>\n'
    )
    assert line in home
    today = alone.pages["index.md"].replace('href="ke-hoach/"', 'href="../ke-hoach/"')
    assert home.replace(line, "") == today


# --- choosing a campaign on the command line -------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return campaigns_project(tmp_path_factory.mktemp("campaigns"))


def test_validate_checks_every_campaign_or_the_one_chosen(project: Path) -> None:
    every = thidua("validate", "--format", "json", cwd=project)
    assert every.returncode == 0, every.stderr
    reports = json.loads(every.stdout)["campaigns"]
    assert [r["id"] for r in reports] == ["thu-2020", "vpubnd-cantho-2019"]
    read = [r["rows"]["read"] for r in reports]
    one = thidua("validate", "--campaign", SECOND_ID, "--format", "json", cwd=project)
    assert one.returncode == 0, one.stderr
    assert json.loads(one.stdout)["rows"]["read"] == read[0] < read[1]


def test_an_unknown_campaign_is_a_usage_error_naming_the_known_ones(project: Path) -> None:
    done = thidua("validate", "--campaign", "thu-2021", cwd=project)
    assert done.returncode == 2
    assert "no campaign 'thu-2021'" in done.stderr
    assert "thu-2020, vpubnd-cantho-2019" in done.stderr
    both = thidua("explain", "A1", "--campaign", SECOND_ID, "--config", str(CONFIG), cwd=project)
    assert both.returncode == 2 and "give one" in both.stderr


def test_explain_and_templates_work_on_the_chosen_or_the_current_campaign(
    project: Path, tmp_path: Path
) -> None:
    assert thidua("explain", "A1", cwd=project).returncode == 0  # the current one: thu-2020
    founding = thidua("explain", "A1", "--campaign", "vpubnd-cantho-2019", cwd=project)
    assert founding.returncode == 1 and "Không tìm thấy" in founding.stderr
    done = thidua("templates", "--out", str(tmp_path / "t"), "--campaign", SECOND_ID, cwd=project)
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in (tmp_path / "t").iterdir())
    assert len(written) == 3 and any("A" in n for n in written)  # its two departments


def test_a_repository_problem_stops_validate_before_any_data(project: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(project, broken, symlinks=True)
    text = (broken / "site_config" / f"{SECOND_ID}.yml").read_text(encoding="utf-8")
    (broken / "site_config" / f"{SECOND_ID}.yml").write_text(
        text.replace(f"path: {SECOND_PATH}", f"path: {FOUNDING_PATH}"), encoding="utf-8"
    )
    shutil.rmtree(broken / "data" / SECOND_ID)
    done = thidua("validate", "--format", "json", cwd=broken)
    assert done.returncode == 1
    codes = [i["code"] for i in json.loads(done.stdout)["issues"]]
    assert codes == ["config-campaign-path"]  # no data-dir-missing: no data was looked at


# --- the site of two campaigns -------------------------------------------------------------


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    done = thidua("build", "--out", str(project / "out"), cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "out"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _redirect(page: Path) -> str:
    match = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', _text(page))
    assert match, page
    return match.group(1)


def test_each_campaign_under_its_path(site: Path) -> None:
    founding = _text(site / FOUNDING_PATH / "ket-qua" / "ca-nhan" / "index.html")
    second = _text(site / SECOND_PATH / "ket-qua" / "ca-nhan" / "index.html")
    assert "Nguyễn Văn An" in founding and "Lê Văn Bình" not in founding
    assert "Lê Văn Bình" in second and "Nguyễn Văn An" not in second
    assert (site / FOUNDING_PATH / "du-lieu-mo" / "datapackage.json").is_file()
    assert (site / SECOND_PATH / "assets" / "bieu-do").is_dir()


def test_every_root_path_of_the_founding_site_still_leads_somewhere(site: Path) -> None:
    """Every page and download URL the founding site has (pages at the root) is still a
    page of the combined site: a redirect to the current campaign's page of that path, or,
    where the current campaign has none (a founding department), to the founding one's."""
    today = make_bundle(SOLO_CONFIG, with_history=False)
    current = make_bundle(project_config(site, SECOND_ID), with_history=False)
    assert len(today.pages) > 20
    for key in today.pages:
        html = site / key.replace(".md", ".html")
        if key == "index.md":
            continue
        folder = key.removesuffix("index.md")
        owner = SECOND_PATH if key in current.pages else FOUNDING_PATH
        depth = "../" * folder.count("/")
        assert _redirect(html) == f"{depth}{owner}/{folder}", key
        assert (site / owner / folder / "index.html").is_file()
        assert 'rel="canonical"' in _text(html) and f'<a href="{depth}{owner}/' in _text(html)
    for key in today.files:  # the current campaign's copy first; the site's scripts once
        copies = [site / p / key for p in (SECOND_PATH, FOUNDING_PATH) if (site / p / key).exists()]
        assert (site / key).is_file(), key
        assert not copies or (site / key).read_bytes() == copies[0].read_bytes(), key


def project_config(site: Path, cid: str) -> Path:
    return site.parent / "site_config" / f"{cid}.yml"


def test_the_home_page_shows_the_current_campaign_and_the_archive(site: Path) -> None:
    home = _text(site / "index.html")
    current = home.index("Đợt thi đua hiện tại")
    archive = home.index("Các đợt thi đua khác")
    assert current < home.index(SECOND_NAME) < archive < home.index(FOUNDING_NAME)
    assert f'<a href="{SECOND_PATH}/">' in home and f'<a href="{FOUNDING_PATH}/">' in home
    assert 'href="du-lieu-tong-hop/ca-nhan.csv"' in home


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_combined_download_holds_every_campaign(site: Path) -> None:
    folder = site / "du-lieu-tong-hop"
    for table in ("ca-nhan", "tap-the", "sang-kien", "vinh-danh"):
        rows = _rows((folder / f"{table}.csv").read_bytes())
        own = {
            path: _rows((site / path / "du-lieu-mo" / f"{table}.csv").read_bytes())
            for path in (SECOND_PATH, FOUNDING_PATH)
        }
        assert (folder / f"{table}.csv").read_bytes().startswith(b"\xef\xbb\xbfdot_thi_dua,")
        assert [r["dot_thi_dua"] for r in rows] == [SECOND_ID] * len(own[SECOND_PATH]) + [
            "vpubnd-cantho-2019"
        ] * len(own[FOUNDING_PATH])
        mine = [{k: v for k, v in r.items() if k != "dot_thi_dua"} for r in rows]
        assert mine == own[SECOND_PATH] + own[FOUNDING_PATH]
        assert len(json.loads(_text(folder / f"{table}.json"))) == len(rows)
    package = json.loads(_text(folder / "datapackage.json"))
    assert package["name"] == "tong-hop"
    people = next(r for r in package["resources"] if r["name"] == "ca-nhan")
    assert people["path"] == "ca-nhan.csv"
    assert people["schema"]["fields"][0]["name"] == "dot_thi_dua"
    header = next(csv.reader(io.StringIO(_text(folder / "ca-nhan.csv").lstrip("\ufeff"))))
    assert [f["name"] for f in people["schema"]["fields"]] == header
    sums = dict(reversed(line.split("  ")) for line in _text(folder / "SHA256SUMS").splitlines())
    assert sorted(sums) == sorted(p.name for p in folder.iterdir() if p.name != "SHA256SUMS")
    for name, digest in sums.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest


def test_every_link_of_the_site_resolves(site: Path) -> None:
    broken = []
    for page in site.rglob("*.html"):
        for url in re.findall(r'(?:href|src)="([^"#?]*)', _text(page)):
            if not url or url.startswith(("/", "data:")) or re.match(r"[a-z]+:", url):
                continue
            target = page.parent / url
            if url.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} → {url}")
    assert broken == []


def test_campaign_pages_stay_out_of_the_search_index_once(site: Path) -> None:
    index = json.loads(_text(site / "search" / "search_index.json"))
    locations = [d["location"] for d in index["docs"]]
    assert any(loc.startswith(f"{FOUNDING_PATH}/ket-qua/ca-nhan/") for loc in locations)
    assert any(loc.startswith(f"{SECOND_PATH}/ket-qua/ca-nhan/") for loc in locations)
    assert not any(loc.startswith("ket-qua/") for loc in locations)  # no redirect page


def test_plain_mkdocs_build_gives_the_same_site(site: Path, project: Path) -> None:
    out = project / "plain"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=project, env=ENV, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    mine = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    plain = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert sorted(mine) == sorted(plain)
    assert [str(p) for p in mine if mine[p] != plain[p]] == []


def _links(site: Path, page: Path) -> list[tuple[str, Path]]:
    """The relative links of ``page`` with the site file each leads to."""
    out = []
    for url in re.findall(r'href="([^"#?]*)', _text(page)):
        if not url or url.startswith(("/", "data:")) or re.match(r"[a-z]+:", url):
            continue
        target = (page.parent / url).resolve()
        if url.endswith("/") or target.is_dir():
            target = target / "index.html"
        out.append((url, target))
    return out


def test_a_campaign_page_links_its_own_campaign_pages_not_the_root_redirects(site: Path) -> None:
    """On a campaign's page, a nav or tab link to a root path leads to the same campaign's
    page of that path (a reader of 2019 stays in 2019), or to the root page when the
    campaign has none."""
    root = site.resolve()
    wrong, own = [], 0
    for path in (FOUNDING_PATH, SECOND_PATH):
        for page in sorted((site / path).rglob("*.html")):
            for url, target in _links(site, page):
                if target.suffix != ".html" or not target.is_file():
                    continue
                rel = target.relative_to(root).as_posix()
                redirect = 'http-equiv="refresh"' in _text(target)
                if redirect and (root / path / rel).is_file():
                    wrong.append(f"{page.relative_to(site)} → {url}")
                own += rel.startswith(f"{path}/")
    assert wrong == []
    assert own > 100
    page = site / FOUNDING_PATH / "ket-qua" / "ca-nhan" / "index.html"
    criteria = (site / FOUNDING_PATH / "tieu-chi" / "index.html").resolve()
    assert dict(_links(site, page))["../../tieu-chi/"] == criteria


def test_the_sitemap_lists_no_redirect_page(site: Path, project: Path) -> None:
    """With a ``site_url`` (without one mkdocs lists no page), the sitemap and its gzip copy
    list the campaigns' pages and the home, never a redirect page."""
    conf = project / "mkdocs-url.yml"
    base = "https://example.org/thi-dua/"
    conf.write_text(_text(project / "mkdocs.yml") + f"site_url: {base}\n", encoding="utf-8")
    out = project / "with-url"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(conf), "-d", str(out)],
        cwd=project, env=ENV, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    redirects = {
        p.relative_to(out).as_posix().removesuffix("index.html")
        for p in out.rglob("index.html")
        if 'http-equiv="refresh"' in _text(p)
    }
    assert "tieu-chi/" in redirects and "ket-qua/ca-nhan/" in redirects
    packed = gzip.decompress((out / "sitemap.xml.gz").read_bytes()).decode("utf-8")
    assert packed == _text(out / "sitemap.xml")
    paths = {loc.removeprefix(base) for loc in re.findall(r"<loc>([^<]*)</loc>", packed)}
    assert {"", f"{FOUNDING_PATH}/tieu-chi/", f"{SECOND_PATH}/ket-qua/ca-nhan/"} <= paths
    assert not paths & redirects


def test_only_the_campaign_whose_plan_page_it_is_links_it(site: Path) -> None:
    """``content/ke-hoach/`` summarises the founding plan: its home links it, the other
    campaign's (no ``campaign.plan_page``) does not claim it as its plan."""
    founding = _text(site / FOUNDING_PATH / "index.html")
    second = _text(site / SECOND_PATH / "index.html")
    assert '<a href="../ke-hoach/">Kế hoạch thi đua</a>' in founding
    assert "ke-hoach/" not in second.split('id="xem-them"')[1]


def test_the_repository_sample_builds_strict_with_every_campaign(tmp_path: Path) -> None:
    """`make site`'s build of the repository itself (three campaigns): the founding plan's
    hand-written link to ``tieu-chi/index.md#ngay-ket-thuc`` checks in the strict build
    although the current campaign's criteria page has no such anchor."""
    out = tmp_path / "site"
    done = thidua("build", "--out", str(out), cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    for path in ("vpubnd-2019", "thanh-pho-2019", "thanh-pho-2020"):
        assert (out / path / "tieu-chi" / "index.html").is_file()
    stub = (out / "tieu-chi" / "index.html").read_text(encoding="utf-8")
    assert "thanh-pho-2020/tieu-chi/" in stub  # the root page leads to the current campaign
