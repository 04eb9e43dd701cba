"""No internal field ever leaves (issue 5, must show 1).

A Mini campaign gets a unique marker in EVERY internal column of the data contract (schema.py
``public=False``); the site is built the way CI builds it and every built file — pages, 404,
search index, sitemap (and its .gz), every download, every XML part inside du-lieu.xlsx — is
searched for every marker, in NFC and in NFD: zero hits. Discipline forms are a closed list,
so for them no page text of the person, no download and no generated page may name a form.
The built site holds only files of the allow-list, and a stray spreadsheet in the content
folder stops the build.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from generator.judge.pipeline import run
from generator.publish.allowlist import disallowed, is_allowed, is_raw_data, site_files
from tests.builders import founding as schema
from tests.builders.mini import Mini
from tests.builders.workbooks import write_xlsx
from tests.safety.sites import CONFIG, ROOT, build_ok, published_texts, thidua_build

CODES = {"A1": "QZXA1CB7301", "A2": "QZXA2CB7302", "B1": "QZXB1CB7303", "B2": "QZXB2CB7304"}
BIRTHS = {
    "A1": dt.date(1937, 3, 29),
    "A2": dt.date(1941, 7, 13),
    "B1": dt.date(1952, 11, 26),
    "B2": dt.date(1948, 2, 17),
}
OUTSIDER_CODE = "QZXKL7331"  # a non-nominee in the discipline register
OUTSIDER_NAME = "Đoàn Thị QZXNgoàiỹ"
AUTHOR_CODE = "QZXTG7399"  # a co-author who is not a nominee
KL_DATES = (dt.date(2019, 4, 23), dt.date(2020, 3, 17), dt.date(2019, 5, 14))
KL_DEFAULT_EXPIRY = dt.date(2020, 5, 14)  # one year after 14/05/2019 (computed, never shown)
COUNCIL_HEADERS = [c.header for c in schema.COUNCIL.columns]
COMMENT_HEADERS = [c.header for c in schema.CONTRACT.sheet("comments").columns]
# Internal columns whose values can't be unique markers, and how they are checked instead.
CHECKED_OTHERWISE = {
    "Kỷ luật/Hình thức": "closed list: no form is named on any generated page or download",
    "Cá nhân/Kỷ luật": "closed list: no form is named on any generated page or download",
    "Kỷ luật/Mã đơn vị": "a public unit code; the register's other columns are markers",
    "Góp ý/Mã đơn vị": "a public unit code; the register's other columns are markers",
    "Góp ý/Hình thức nhận": "closed list (its words name the ways to comment on /gop-y/): "
    "test_comments_register_publishes_only_counts",
    "Góp ý/Hội đồng đã xem xét": "published by design, as the handling of a nominee's comments",
}
# The comments register (issue 14): a sender and a content that must never be published,
# received on days that appear nowhere else; the site is built dated after the window, so
# the counts are published.
COMMENT_SENDER = "Hồ Thị QZXGópý7350"
COMMENT_TEXT = "QZXNỘIDUNG7351 góp ý kín ỹ"
COMMENT_DAYS = (dt.date(2019, 12, 16), dt.date(2019, 12, 19))
AFTER_WINDOW = str(int(dt.datetime(2020, 2, 3, 3, tzinfo=dt.UTC).timestamp()))


def planted() -> tuple[Mini, dict[str, list[str]]]:
    """A Mini campaign with a marker in every internal column, and the markers by column."""
    mini = Mini()
    markers: dict[str, list[str]] = {}
    n = 0
    for rows in mini.nominees.values():
        for row in rows:
            key = str(row["Mã CB"])
            n += 1
            row["Mã CB"] = CODES[key]
            row["Ngày sinh"] = BIRTHS[key]
            row["STT"] = 7340910 + n
            row["Điện thoại"] = f"QZXPHONE73{n}1 số máy lẻ ờ"
            row["Ghi chú"] = f"QZXNOTE73{n}2 ghi chú mật: đang xem xét ỡ"
            markers.setdefault("Cá nhân/Mã CB", []).append(CODES[key])
            markers.setdefault("Cá nhân/STT", []).append(str(7340910 + n))
            markers.setdefault("Cá nhân/Điện thoại", []).append(str(row["Điện thoại"]))
            markers.setdefault("Cá nhân/Ghi chú", []).append(str(row["Ghi chú"]))
            markers.setdefault("Cá nhân/Ngày sinh", []).extend(date_forms(BIRTHS[key]))
    mini.nominees["B"][0]["Kỷ luật"] = "Cảnh cáo"  # self-reported form on a nominee (B1)
    mini.initiatives[0]["Tác giả"] = "Lê Văn Bình; Ngô Thị Tác"
    mini.initiatives[0]["Mã CB tác giả"] = f"{CODES['A1']}; {AUTHOR_CODE}"
    markers["Sáng kiến/Mã CB tác giả"] = [AUTHOR_CODE]
    mini.discipline = [
        {"Mã CB": OUTSIDER_CODE, "Họ và tên": OUTSIDER_NAME, "Mã đơn vị": "A",
         "Hình thức": "Khiển trách", "Ngày quyết định": KL_DATES[0],
         "Ngày hết hiệu lực": KL_DATES[1]},
        # a nominee who self-reported "Không" (B2): the register says otherwise
        {"Mã CB": CODES["B2"], "Họ và tên": "Võ Thị Em", "Mã đơn vị": "B",
         "Hình thức": "Hạ bậc lương", "Ngày quyết định": KL_DATES[2], "Ngày hết hiệu lực": None},
    ]  # fmt: skip
    markers["Kỷ luật/Mã CB"] = [OUTSIDER_CODE]
    markers["Kỷ luật/Họ và tên"] = [OUTSIDER_NAME, "QZXNgoài"]
    markers["Kỷ luật/Ngày quyết định"] = [*date_forms(KL_DATES[0]), *date_forms(KL_DATES[2])]
    markers["Kỷ luật/Ngày hết hiệu lực"] = [
        *date_forms(KL_DATES[1]),
        *date_forms(KL_DEFAULT_EXPIRY),
    ]
    markers["Kết quả/Mã CB"] = [CODES["A1"]]  # the Council file names a nominee by code
    markers["Góp ý/Mã CB"] = [CODES["A2"]]
    markers["Góp ý/Người góp ý"] = [COMMENT_SENDER, "QZXGópý7350"]
    markers["Góp ý/Nội dung"] = [COMMENT_TEXT]
    markers["Góp ý/Ngày nhận"] = [d for day in COMMENT_DAYS for d in date_forms(day)]
    return mini, markers


def date_forms(d: dt.date) -> list[str]:
    return [d.strftime("%d/%m/%Y"), d.isoformat(), f"{d.day}/{d.month}/{d.year}"]


def excel_serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


def write_planted(dest: Path) -> tuple[Path, dict[str, list[str]]]:
    mini, markers = planted()
    data = mini.write(dest)
    council = [
        ["Cá nhân", "A", CODES["A1"], "Lê Văn Bình", "Giấy khen", "5/QĐ-VP", dt.date(2020, 1, 10)],
        ["Tập thể", "B", None, None, "Giấy khen", "6/QĐ-VP", dt.date(2020, 1, 10)],
    ]
    write_xlsx(data / "hoi-dong.xlsx", {"Kết quả": [COUNCIL_HEADERS[:7], *council]})
    comments = [
        [COMMENT_DAYS[0], "A", CODES["A2"], COMMENT_SENDER, "Thư điện tử", COMMENT_TEXT, "Có"],
        [COMMENT_DAYS[1], "A", CODES["A2"], COMMENT_SENDER, "Bưu điện", COMMENT_TEXT, "Có"],
    ]
    write_xlsx(data / "gop-y.xlsx", {"Góp ý": [COMMENT_HEADERS, *comments]})
    return data, markers


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("privacy")
    data, _ = write_planted(tmp / "data")
    return data, build_ok(data, tmp / "site", env={"SOURCE_DATE_EPOCH": AFTER_WINDOW})


@pytest.fixture(scope="module")
def texts(planted_site: tuple[Path, Path]) -> list[tuple[str, str]]:
    return list(published_texts(planted_site[1]))


def test_every_internal_column_carries_a_marker() -> None:
    """The test covers the whole contract: a new internal column must get a marker here."""
    _, markers = planted()
    internal = {
        f"{sheet.name}/{col.header}"
        for sheet in schema.ALL_SHEETS
        for col in sheet.columns
        if not col.public
    }
    assert internal - set(markers) == set(CHECKED_OTHERWISE)
    assert set(markers) <= internal


def test_markers_are_in_the_input_and_the_build_succeeds(
    planted_site: tuple[Path, Path], texts: list[tuple[str, str]]
) -> None:
    data, site = planted_site
    result = run(CONFIG, data)
    assert result.ok
    assert {n.staff_code for n in result.dataset.nominees} == set(CODES.values())
    assert any(d.staff_code == OUTSIDER_CODE for d in result.dataset.disciplines)
    assert (site / "index.html").is_file() and texts


def fold(text: str) -> str:
    """Lower case without diacritics (đ → d), as URL slugs and search folding write it."""
    bare = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(ch for ch in bare if not unicodedata.combining(ch))


def _forms(text: str) -> set[str]:
    return {unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)}


def test_no_marker_in_any_built_file(texts: list[tuple[str, str]]) -> None:
    _, markers = planted()
    hits = []
    for name, text in texts:
        folded = unicodedata.normalize("NFC", text)
        lower = folded.lower()
        for column, values in markers.items():
            for value in values:
                for form in _forms(value):
                    if form in text or form in folded:
                        hits.append((name, column, value))
                core = re.search(r"QZX\w+", value)
                if core and (
                    core.group(0).lower() in lower or fold(core.group(0)) in fold(text)
                ):  # case-folded, or stripped of diacritics as in a slug
                    hits.append((name, column, core.group(0)))
    assert hits == []


def test_birth_dates_not_even_as_excel_serials(planted_site: tuple[Path, Path]) -> None:
    _, site = planted_site
    serials = [excel_serial(d) for d in (*BIRTHS.values(), *KL_DATES)]
    checked = 0
    for name, text in published_texts(site):
        if ".xlsx:" in name:
            checked += 1
            for serial in serials:
                assert f">{serial}<" not in text and f">{serial}.0<" not in text, (name, serial)
    assert checked >= 2, "no published workbook part was read"  # du-lieu.xlsx: sheets + strings


def test_sensitive_reason_and_discipline_forms_never_published(
    planted_site: tuple[Path, Path], texts: list[tuple[str, str]]
) -> None:
    data, site = planted_site
    result = run(CONFIG, data)
    reasons = [
        c.reason
        for o in result.outcomes
        for c in o.criteria
        if c.id == "CN3" and not c.met and c.reason
    ]
    assert len(reasons) == 2  # B1 (self-report) and B2 (register) fail CN3, with details
    hand_written = {
        f"{p.relative_to(ROOT / 'content').with_suffix('').as_posix()}/"
        for p in (ROOT / "content").rglob("*.md")
    }
    forms = [f for form in schema.DISCIPLINE_FORMS for f in _forms(form.lower())]
    for name, text in texts:
        if name.removesuffix("index.html") in hand_written or name.startswith("search/"):
            continue
        lower = text.lower()
        assert not [r for r in reasons if any(f in text for f in _forms(r))], name
        assert not [f for f in forms if f in lower], name
    # the search index: no entry of a generated page names a form
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        if doc["location"].split("#")[0] in hand_written:
            continue
        lower = (doc["title"] + " " + doc["text"]).lower()
        assert not [f for f in forms if f in lower], doc["location"]


def test_person_rows_say_only_not_met(planted_site: tuple[Path, Path]) -> None:
    """B1 and B2 fail CN3: their rows show 'Không đạt' for CN3, nothing about why."""
    _, site = planted_site
    page = (site / "ket-qua" / "ca-nhan" / "index.html").read_text(encoding="utf-8")
    for name in ("Phạm Minh Đức", "Võ Thị Em"):
        row = re.search(
            r"<tr id=\"p-[^\"]*\"[^>]*>(?:(?!</tr>).)*" + name + r".*?</tr>", page, re.S
        )
        assert row is not None, name
        text = " ".join(re.sub(r"<[^>]+>", " ", row.group(0)).split())
        assert "Không đạt: CN2, CN3" in text
        assert not [f for f in schema.DISCIPLINE_FORMS if f.lower() in text.lower()]
        # the criterion's public label is there ("CN3 Chấp hành nghiêm kỷ luật hành chính:
        # ✗ Không đạt"), and nothing after it about why
        cn3 = "CN3 Chấp hành nghiêm kỷ luật hành chính: ✗ Không đạt"
        assert cn3 in text
        assert "kỷ luật" not in text.replace(cn3, "").lower()


def test_built_site_holds_only_allowed_files(planted_site: tuple[Path, Path]) -> None:
    _, site = planted_site
    paths = site_files(site)
    assert disallowed(paths) == []
    assert [p for p in paths if p.endswith((".xlsx", ".csv"))] == sorted(
        [f"du-lieu-mo/{n}.csv" for n in ("ca-nhan", "sang-kien", "tap-the", "vinh-danh")]
        + ["du-lieu-mo/du-lieu.xlsx"]
    )


def test_allow_list_rules() -> None:
    for ok in (
        "index.html",
        "don-vi/a/index.html",
        "assets/javascripts/bundle.1.min.js",
        "assets/images/favicon.png",
        "search/search_index.json",
        "du-lieu-mo/ca-nhan.csv",
        "du-lieu-mo/du-lieu.xlsx",
        "du-lieu-mo/SHA256SUMS",
        "sitemap.xml.gz",
    ):
        assert is_allowed(ok), ok
    for bad in (
        "don-vi.xlsx",
        "data/ky-luat.xlsx",
        "assets/ky-luat.xlsx",
        "du-lieu-mo/raw.ods",
        "search/index.csv",
        "notes.txt",
        "assets/backup.zip",
        "ca-nhan.json",
        "du-lieu-mo/nested/x.csv",
    ):
        assert not is_allowed(bad), bad
    assert is_raw_data("a/b/C.XLSX") and is_raw_data("x.ods") and not is_raw_data("a.md")


@pytest.mark.parametrize("stray", ["du-lieu/ky-luat.xlsx", "bang.csv", "tai-lieu/de-nghi.ods"])
def test_stray_spreadsheet_in_content_fails_the_build(tmp_path: Path, stray: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / stray).parent.mkdir(parents=True, exist_ok=True)
    (content / stray).write_bytes(b"Ma CB,Ho va ten\nQZX1,Nguyen Van A\n")
    conf = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    conf = conf.replace("docs_dir: content", f"docs_dir: {content}")
    conf = conf.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    yml = tmp_path / "mkdocs.yml"
    yml.write_text(conf, encoding="utf-8")
    out = tmp_path / "site"
    proc = thidua_build(Mini().write(tmp_path / "data"), out, mkdocs_file=yml)
    assert proc.returncode == 1
    assert f"content/{stray}" in proc.stderr
    assert "tệp dữ liệu" in proc.stderr
    assert not out.exists()


def test_the_projection_itself_drops_the_reason_of_a_sensitive_criterion() -> None:
    """The views are the only input of pages and downloads: a sensitive criterion's reason
    must stop there, not only in the page templates (which filter it a second time)."""
    from generator.site.bundle import make_bundle

    bundle = make_bundle(CONFIG, None)
    assert bundle.view is not None
    config = bundle.result.config
    assert config is not None
    criteria = config.criteria.collective + config.criteria.individual
    sensitive = {c.id for c in criteria if c.sensitive}
    assert sensitive  # the founding campaign's discipline criterion (CN3)
    evaluated = [r.reason for o in bundle.result.outcomes for r in o.criteria if r.id in sensitive]
    assert any(evaluated)  # the evaluation does give a reason: the projection must drop it
    shown = [
        c
        for subject in (*bundle.view.people, *bundle.view.collectives)
        for c in subject.criteria
        if c.id in sensitive
    ]
    assert shown and all(c.reason is None for c in shown)


# A campaign's own internal column (contract.columns, visibility: internal) is read and
# never published; its public neighbour is, so the build really carried the extra columns.
EXTRA_CONTRACT = """contract:
  preset: cchc-vpubnd-2019
  columns:
    nominees:
      - key: referee
        header: Người giới thiệu
        visibility: internal
      - key: interview
        header: Ngày phỏng vấn
        kind: date
        visibility: internal
      - key: satisfaction
        header: Chỉ số hài lòng
        kind: percent
"""
REFEREES = ["QZXGT7381 ông Ẩn", "QZXGT7382", "QZXGT7383", "QZXGT7384"]
INTERVIEWS = [dt.date(1931, 1, 5), dt.date(1932, 2, 6), dt.date(1933, 3, 7), dt.date(1934, 4, 8)]


def test_an_extra_internal_column_is_never_published(tmp_path: Path) -> None:
    from tests.test_contract import campaign

    mini, markers = planted()
    people = [row for rows in mini.nominees.values() for row in rows]
    for row, referee, day, share in zip(
        people, REFEREES, INTERVIEWS, (81, 82, 83, 84), strict=True
    ):
        row["Người giới thiệu"], row["Ngày phỏng vấn"], row["Chỉ số hài lòng"] = referee, day, share
    extra = {
        "Cá nhân/Người giới thiệu": REFEREES,
        "Cá nhân/Ngày phỏng vấn": [f for d in INTERVIEWS for f in date_forms(d)],
    }
    config = campaign(tmp_path, EXTRA_CONTRACT)
    site = build_ok(mini.write(tmp_path / "data"), tmp_path / "site", config=config)
    texts = list(published_texts(site))
    people_json = next(text for name, text in texts if name.endswith("ca-nhan.json"))
    assert [p["satisfaction"] for p in json.loads(people_json)] == [81, 82, 83, 84]
    hits = [
        (name, column, value)
        for name, text in texts
        for column, values in (markers | extra).items()
        for value in values
        if any(form in text for form in _forms(value)) or value.lower() in text.lower()
    ]
    assert hits == []
    assert not any("referee" in text or "Người giới thiệu" in text for _, text in texts)


def test_comments_register_publishes_only_counts(
    planted_site: tuple[Path, Path], texts: list[tuple[str, str]]
) -> None:
    """Issue 14: the register is read (two comments on A2) and the site says only that."""
    data, site = planted_site
    result = run(CONFIG, data)
    assert len(result.dataset.registers["comments"]) == 2
    page = (site / "ket-qua" / "ca-nhan" / "index.html").read_text(encoding="utf-8")
    assert page.count("Góp ý: 2 ý kiến, Hội đồng đã xem xét") == 1
    channels = ("Thư điện tử", "Bưu điện")
    for name, text in texts:
        # the ways to comment are named on /gop-y/ (and so in the search index), by design
        if not name.startswith(("gop-y/", "search/")):
            assert not any(c in text for c in channels), name
