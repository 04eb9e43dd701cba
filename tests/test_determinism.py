"""The same bytes every time (issue 5, must show 4).

The sample campaign is written twice by its builder — once as is, once with the rows of every
sheet shuffled and the department files written in another order — and each copy is
committed (same date, same message) in a git repository of its own. ``thidua build`` runs on
each, in a subprocess, with a different PYTHONHASHSEED, TZ, locale, working directory and
output folder and without SOURCE_DATE_EPOCH: every file of the two sites, downloads
included, is byte-identical. Dates come from the data's last commit, not from the clock.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import random
import re
import subprocess
from pathlib import Path

import pytest

import tests.builders.sample_campaign as sample
from generator.site import data_epoch, data_updated
from tests.safety.sites import build_ok, files_of

COMMIT_DATE = "2019-12-05T08:30:00+07:00"  # the office's time zone: 01:30 UTC the same day
COMMIT_EPOCH = int(dt.datetime.fromisoformat(COMMIT_DATE).timestamp())


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


def commit(data: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Phòng HC-TC",
        "GIT_AUTHOR_EMAIL": "hctc@example.invalid",
        "GIT_COMMITTER_NAME": "Phòng HC-TC",
        "GIT_COMMITTER_EMAIL": "hctc@example.invalid",
        "GIT_AUTHOR_DATE": COMMIT_DATE,
        "GIT_COMMITTER_DATE": COMMIT_DATE,
    }
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Dữ liệu đợt 1"]):
        subprocess.run(["git", *args], cwd=data, env=env, check=True, capture_output=True)


def digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in files_of(root)
    }


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
        env={"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
    )
    second = build_ok(
        shuffled,
        tmp / "b" / "out" / "public",
        cwd=tmp / "b",
        env={
            "PYTHONHASHSEED": "3141592",
            "TZ": "Pacific/Kiritimati",  # UTC+14: another calendar day than UTC
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


def test_dates_come_from_the_data_commit(two_builds: tuple[Path, Path, Path]) -> None:
    first, _, data = two_builds
    home = (first / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2019-12-05">05/12/2019</time>' in home
    assert data_epoch(data) == COMMIT_EPOCH
    assert data_updated(data) == dt.date(2019, 12, 5)
    # mkdocs dates the sitemap's gzip header by SOURCE_DATE_EPOCH (set from the commit)
    header = (first / "sitemap.xml.gz").read_bytes()[:10]
    mtime = int.from_bytes(header[4:8], "little")
    assert dt.datetime.fromtimestamp(mtime, dt.UTC).date() == dt.date(2019, 12, 5)
    history = (first / "cap-nhat" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2019-12-05">05/12/2019</time>' in history


def test_source_date_epoch_wins_and_no_date_is_unknown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert data_epoch(tmp_path) is None and data_updated(tmp_path) is None  # no git, no env
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1575594000")  # 2019-12-06T01:00:00Z
    assert data_epoch(tmp_path) == 1575594000
    assert data_updated(tmp_path) == dt.date(2019, 12, 6)


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
