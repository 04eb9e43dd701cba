"""The same bytes every time (issue 5, must show 4).

The sample campaign is written twice by its builder — once as is, once with the rows of every
sheet shuffled and the department files written in another order — and each copy is
committed (same date, same message) in a git repository of its own. ``thidua build`` runs on
each, in a subprocess, with a different PYTHONHASHSEED, TZ, locale, working directory and
output folder and without SOURCE_DATE_EPOCH: every file of the two sites, downloads
included, is byte-identical. A plain ``mkdocs build`` of the first copy (another TZ again)
gives the same bytes as ``thidua build``. Dates come from the data's last commit, read in the
campaign's time zone: not from the clock, the host's TZ or the committer's zone.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import tests.builders.sample_campaign as sample
from generator.read.dates import data_epoch, data_updated
from tests.builders.founding import SOLO_CONFIG
from tests.builders.mini import Mini, nominee
from tests.safety.sites import ROOT, build_ok, files_of

# Committed from a machine on UTC, late in the evening of 04/12: in the campaign's time zone
# (Asia/Ho_Chi_Minh, UTC+7) it is 06:30 on 05/12, and so it is in Kiritimati (UTC+14), but
# it is 04/12 in UTC and in Los Angeles. Reading the instant in the host's TZ or in the
# committer's zone gives another day than the campaign's.
COMMIT_DATE = "2019-12-04T23:30:00+00:00"
COMMIT_EPOCH = int(dt.datetime.fromisoformat(COMMIT_DATE).timestamp())
DATA_DAY = dt.date(2019, 12, 5)
BUILDER_EPOCH = int(dt.datetime(2019, 12, 5, tzinfo=dt.UTC).timestamp())  # 00:00 UTC that day
ZONES = ("UTC", "Pacific/Kiritimati", "America/Los_Angeles")  # the three builds' TZ


def write_sample(dest: Path, shuffle: random.Random | None) -> Path:
    """The sample campaign, with every sheet's rows (and the file order) shuffled if asked."""
    saved = {
        name: getattr(sample, name)
        for name in (
            "DEPARTMENTS",
            "INITIATIVES",
            "DISCIPLINE",
            "COUNCIL",
            "NOMINEES",
            "COLLECTIVES",
        )
    }
    try:
        if shuffle is not None:
            for name in ("DEPARTMENTS", "INITIATIVES", "DISCIPLINE", "COUNCIL"):
                rows = list(saved[name])
                shuffle.shuffle(rows)
                setattr(sample, name, rows)
            nominees = {
                code: shuffle.sample(rows, len(rows)) for code, rows in saved["NOMINEES"].items()
            }
            sample.NOMINEES = nominees
            codes = list(saved["COLLECTIVES"])
            shuffle.shuffle(codes)
            sample.COLLECTIVES = {c: saved["COLLECTIVES"][c] for c in codes}
        sample.write_sample_campaign(dest)
    finally:
        for name, value in saved.items():
            setattr(sample, name, value)
    return dest


def commit(data: Path, date: str = COMMIT_DATE, message: str = "Dữ liệu đợt 1") -> None:
    """Commit everything in ``data`` (a git repository of its own) at ``date``."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Phòng HC-TC",
        "GIT_AUTHOR_EMAIL": "hctc@example.invalid",
        "GIT_COMMITTER_NAME": "Phòng HC-TC",
        "GIT_COMMITTER_EMAIL": "hctc@example.invalid",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=data, env=env, check=True, capture_output=True)


def digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in files_of(root)
    }


def mkdocs_yml(data: Path, tmp: Path, content: Path = ROOT / "content", site_url: str = "") -> Path:
    """A mkdocs.yml in ``tmp`` naming ``content``, the repository's theme overrides and
    campaign file, and this data folder (and a site URL: the sitemap then lists pages)."""
    conf = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if site_url:
        conf = f"site_url: {site_url}\n{conf}"
    for old, new in (
        ("docs_dir: content", f"docs_dir: {content}"),
        ("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}"),
        (
            "campaigns: site_config",
            f"config: {SOLO_CONFIG}\n      data: {data}",
        ),
    ):
        assert old in conf
        conf = conf.replace(old, new)
    yml = tmp / "mkdocs.yml"
    yml.write_text(conf, encoding="utf-8")
    return yml


def plain_mkdocs_build(data: Path, out: Path, tmp: Path, tz: str) -> Path:
    """``mkdocs build --strict`` (no ``thidua build``) of the site over ``data``."""
    yml = mkdocs_yml(data, tmp)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update({"NO_MKDOCS_2_WARNING": "1", "TZ": tz, "PYTHONPATH": str(ROOT)})
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(yml), "-d", str(out)],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="module")
def plain_build(
    two_builds: tuple[Path, Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The first copy built by plain mkdocs, on a host in yet another time zone."""
    first, _, _ = two_builds
    tmp = tmp_path_factory.mktemp("plain-mkdocs")
    return plain_mkdocs_build(first.parent / "data", tmp / "site", tmp, ZONES[2])


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    tmp = tmp_path_factory.mktemp("determinism")
    plain = write_sample(tmp / "a" / "data", None)
    shuffled = write_sample(tmp / "b" / "du-lieu-xao-tron", random.Random(20191205))
    for data in (plain, shuffled):
        commit(data)
    first = build_ok(
        plain,
        tmp / "a" / "site",
        cwd=tmp / "a",
        env={"PYTHONHASHSEED": "1", "TZ": ZONES[0], "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
    )
    second = build_ok(
        shuffled,
        tmp / "b" / "out" / "public",
        cwd=tmp / "b",
        env={
            "PYTHONHASHSEED": "3141592",
            "TZ": ZONES[1],  # UTC+14: the commit falls on another calendar day than in UTC
            "LC_ALL": "C",
            "LANG": "POSIX",
        },
    )
    return first, second, shuffled


def test_input_really_differs(two_builds: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _, _, shuffled = two_builds
    plain = write_sample(tmp_path / "data", None)
    differ = [
        p.relative_to(plain).as_posix()
        for p in files_of(plain)
        if p.read_bytes() != (shuffled / p.relative_to(plain)).read_bytes()
    ]
    assert {"don-vi.xlsx", "ky-luat.xlsx", "hoi-dong.xlsx", "de-nghi/TH.xlsx"} <= set(differ)


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path, Path]) -> None:
    first, second, _ = two_builds
    a, b = digest(first), digest(second)
    assert sorted(a) == sorted(b)
    assert [p for p in a if a[p] != b[p]] == []
    assert len(a) > 40 and "du-lieu-mo/du-lieu.xlsx" in a


def test_the_commit_falls_on_different_days_in_the_build_zones() -> None:
    """Else reading the instant in the host's TZ would go unnoticed."""
    days = {
        dt.datetime.fromtimestamp(COMMIT_EPOCH, ZoneInfo(z)).date() for z in (*ZONES, "Etc/UTC")
    }
    assert days == {DATA_DAY, DATA_DAY - dt.timedelta(days=1)}
    assert dt.datetime.fromisoformat(COMMIT_DATE).date() != DATA_DAY  # nor the committer's


def _sitemap_dates(site: Path) -> tuple[int, set[str]]:
    """The gzip header's mtime of sitemap.xml.gz and every <lastmod> of the sitemap."""
    packed = (site / "sitemap.xml.gz").read_bytes()
    mtime = int.from_bytes(packed[4:8], "little")
    text = gzip.decompress(packed).decode("utf-8")
    assert text == (site / "sitemap.xml").read_text(encoding="utf-8")
    return mtime, set(re.findall(r"<lastmod>([^<]*)</lastmod>", text))


def test_dates_come_from_the_data_commit(
    two_builds: tuple[Path, Path, Path], plain_build: Path
) -> None:
    first, second, data = two_builds
    assert data_epoch(data) == COMMIT_EPOCH
    assert data_updated(data, "Asia/Ho_Chi_Minh") == DATA_DAY
    for site in (first, second, plain_build):
        home = (site / "index.html").read_text(encoding="utf-8")
        assert '<time datetime="2019-12-05">05/12/2019</time>' in home, site
        history = (site / "cap-nhat" / "index.html").read_text(encoding="utf-8")
        assert '<time datetime="2019-12-05">05/12/2019</time>' in history, site
        assert "04/12/2019" not in home + history
        # mkdocs dates the sitemap (lastmod, gzip header) by SOURCE_DATE_EPOCH: the plugin
        # sets it to 00:00 UTC of the data's day, on both paths
        # (mkdocs.yml names no site_url, so the sitemap lists no page: see the next test)
        assert _sitemap_dates(site) == (BUILDER_EPOCH, set()), site


def test_plain_mkdocs_build_gives_the_same_bytes_as_thidua_build(
    two_builds: tuple[Path, Path, Path], plain_build: Path
) -> None:
    first, _, _ = two_builds
    a, b = digest(first), digest(plain_build)
    assert sorted(a) == sorted(b)
    assert [p for p in a if a[p] != b[p]] == []


def test_source_date_epoch_wins_and_no_date_is_unknown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert data_epoch(tmp_path) is None and data_updated(tmp_path) is None  # no git, no env
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1575576000")  # 2019-12-05T20:00:00Z
    assert data_epoch(tmp_path) == 1575576000
    assert data_updated(tmp_path, "Asia/Ho_Chi_Minh") == dt.date(2019, 12, 6)  # 03:00 there
    assert data_updated(tmp_path, "America/Los_Angeles") == dt.date(2019, 12, 5)


def test_a_build_leaves_no_date_behind_for_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``mkdocs serve`` rebuilds in one process: the SOURCE_DATE_EPOCH a build sets is gone
    after it (built or refused), so the next build is dated by the data again."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = Mini().write(tmp_path / "data")
    commit(data)
    yml = mkdocs_yml(data, tmp_path, site_url="https://thidua.example.invalid/")
    site = tmp_path / "site"
    build(load_config(str(yml), site_dir=str(site)))
    assert "SOURCE_DATE_EPOCH" not in os.environ
    assert _sitemap_dates(site) == (BUILDER_EPOCH, {"2019-12-05"})

    more = Mini()
    more.nominees["A"].append(nominee("A3", "Đặng Thị Giang", 6))
    more.write(data)
    commit(data, "2020-01-20T09:00:00+07:00", "Dữ liệu đợt 2")
    build(load_config(str(yml), site_dir=str(site)))
    assert "SOURCE_DATE_EPOCH" not in os.environ
    assert _sitemap_dates(site) == (BUILDER_EPOCH + 46 * 86400, {"2020-01-20"})

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "loi.md").write_text("# Lỗi\n\n[Không có](khong-co.md)\n", encoding="utf-8")
    broken = load_config(str(mkdocs_yml(data, tmp_path, content)), site_dir=str(site))
    with pytest.raises(Abort):
        build(broken)  # strict: a broken link, after the plugin dated the build
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_workbook_and_gzip_carry_no_build_time(two_builds: tuple[Path, Path, Path]) -> None:
    import zipfile

    first, _, _ = two_builds
    with zipfile.ZipFile(first / "du-lieu-mo" / "du-lieu.xlsx") as book:
        core = book.read("docProps/core.xml").decode("utf-8")
        stamps = {info.date_time for info in book.infolist()}
    assert "2000-01-01T00:00:00Z" in core
    assert str(dt.date.today().year) not in core
    assert len(stamps) == 1
    assert (
        gzip.decompress((first / "sitemap.xml.gz").read_bytes())
        == (first / "sitemap.xml").read_bytes()
    )


# a list of initiative codes ("SK2019-70, SK2019-71"; lower case in folded search entries)
_CODES = re.compile(r"(?i)()(SK\d{4}-\d+(?:, SK\d{4}-\d+)+)")


def _canonical(data: bytes) -> bytes:
    """The bytes with the one known row-order list (see above) put in code order."""
    text = data.decode("utf-8", errors="surrogateescape")

    def sort_codes(m: re.Match[str]) -> str:
        return m.group(1) + ", ".join(sorted(m.group(2).split(", ")))

    return _CODES.sub(sort_codes, text).encode("utf-8", errors="surrogateescape")


def test_identical_but_for_the_known_row_order_list(two_builds: tuple[Path, Path, Path]) -> None:
    """Everything else is byte-identical today, downloads included."""
    first, second, _ = two_builds
    a, b = files_of(first), files_of(second)
    assert [p.relative_to(first) for p in a] == [p.relative_to(second) for p in b]
    differ = [
        p.relative_to(first).as_posix()
        for p, q in zip(a, b, strict=True)
        if _canonical(p.read_bytes()) != _canonical(q.read_bytes())
    ]
    assert differ == []
    downloads = [p for p in a if p.parent.name == "du-lieu-mo" and p.suffix != ".html"]
    assert len(downloads) == 11
    for p in downloads:
        assert p.read_bytes() == (second / p.relative_to(first)).read_bytes(), p.name
