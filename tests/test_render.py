"""render_pages on a small hand-built SiteView: paths, escaping, sensitive data, notices, links."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from generator.judge.config import Config, load_config
from generator.judge.rules import words_for
from generator.site.pages.links import relative_url
from generator.site.pages.markup import markdown_text
from generator.site.pages.registry import render_pages
from generator.site.pages.renderer import SAMPLE_NOTICE
from generator.site.views import (
    CollectiveView,
    CouncilView,
    CriterionView,
    DossierView,
    HonourEntry,
    InitiativeView,
    PersonView,
    SiteView,
    UnitView,
)

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "**bold**",
    "[x](javascript:alert(1))",
    "a | b",
    "{{ 7*7 }}",
)
HOSTILE_NAME = " ".join(HOSTILE)
SECRET = "Quyết định kỷ luật còn hiệu lực: Khiển trách (BÍ MẬT)"
EXPECTED_PAGES = {
    "index.md",
    "tieu-chi/index.md",
    "tien-do/index.md",
    "ket-qua/tap-the/index.md",
    "ket-qua/ca-nhan/index.md",
    "vinh-danh/index.md",
    "sang-kien/index.md",
    "don-vi/index.md",
    "don-vi/th/index.md",
    "don-vi/x1/index.md",
    "don-vi/qt/index.md",
    "du-lieu-mo/index.md",
}
D = dt.date


@pytest.fixture(scope="module")
def config() -> Config:
    cfg, issues = load_config(ROOT / "site_config" / "vpubnd-cantho-2019.yml")
    assert cfg is not None, issues
    return cfg


def _md_extensions() -> tuple[list[str], dict[str, Any]]:
    """The Markdown extensions mkdocs.yml enables, with their settings."""
    conf = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))  # !ENV, python names
    names: list[str] = []
    settings: dict[str, Any] = {}
    for item in conf.get("markdown_extensions", []):
        if isinstance(item, str):
            names.append(item)
        else:
            ((name, value),) = item.items()
            names.append(name)
            settings[name] = value or {}
    return names, settings


def body_of(source: str) -> str:
    """The Markdown mkdocs converts: the page without its YAML front matter."""
    markdown_source, meta = get_data(source)
    assert meta in ({}, {"hide": ["toc"]})
    return markdown_source


def to_html(source: str) -> str:
    names, settings = _md_extensions()
    return markdown.markdown(body_of(source), extensions=names, extension_configs=settings)


def _dossier(complete: bool = True, late: bool = False) -> DossierView:
    missing = () if complete else ("Báo cáo thành tích",)
    return DossierView(complete, late, missing, D(2019, 12, 5))


def _person(
    name: str,
    unit: str,
    unit_name: str,
    anchor: str,
    status: str = "within-quota",
    label: str = "Trong chỉ tiêu — dự kiến",
    cn3_met: bool = True,
    council: CouncilView | None = None,
    criteria_status: str | None = None,
) -> PersonView:
    criteria = (
        CriterionView("CN1", "Tham mưu", True, "Xếp loại: HTXSNV; Đúng hạn 8/8 nhiệm vụ được giao"),
        CriterionView("CN2", "Sáng kiến", True, "Sáng kiến được công nhận đúng hạn: SK-01"),
        # A view must never hold a sensitive reason; render drops it anyway.
        CriterionView("CN3", "Kỷ luật", cn3_met, SECRET),
    )
    return PersonView(
        anchor, name, "Chuyên viên", unit, unit_name, "Hoàn thành xuất sắc nhiệm vụ", "8/8",
        "Giấy khen", "3/4", 0.75, True, 1, criteria, cn3_met, status, label, 1, _dossier(),
        council, criteria_status or status, council is not None,
    )  # fmt: skip


def _collective(code: str, name: str, status: str, label: str, rank: int | None) -> CollectiveView:
    criteria = (
        CriterionView("TT1", "Nhiệm vụ CCHC", True, "Thực hiện tốt nhiệm vụ CCHC: Có"),
        CriterionView("TT2", "Sáng kiến", True, "Sáng kiến được công nhận đúng hạn: SK-01"),
        CriterionView("TT3", "Xếp loại", status != "not-eligible", "Xếp loại: HTTNV"),
    )
    return CollectiveView(
        code, name, "Hoàn thành xuất sắc nhiệm vụ", "Giấy khen", 1, criteria,
        status != "not-eligible", status, label, rank, _dossier(), None, status, False,
    )  # fmt: skip


def _initiative(code: str, unit: str, unit_name: str, **kw: Any) -> InitiativeView:
    values: dict[str, Any] = {
        "code": code, "title": f"Sáng kiến {code}", "unit_code": unit, "unit_name": unit_name,
        "authors": "Nguyễn Văn An", "field": "Cải cách TTHC", "recognised": True,
        "decision_no": "12/QĐ-VP", "decision_date": D(2019, 10, 1), "counted": True,
    }  # fmt: skip
    values.update(kw)
    return InitiativeView(**values)


UPDATED = D(2019, 12, 20)


def make_view(
    config: Config, *, provisional: bool = True, updated: dt.date | None = UPDATED
) -> SiteView:
    th, x = "Phòng Tổng hợp", HOSTILE_NAME
    hostile_person = _person(
        HOSTILE_NAME, "X1", x, "p-hostile", cn3_met=False, status="not-eligible",
        label="Không đủ điều kiện",
    )  # fmt: skip
    council = (
        None
        if provisional
        else CouncilView(
            "Giấy khen", "99/QĐ-VP", D(2020, 1, 15), False, False, "Trong chỉ tiêu — dự kiến"
        )
    )
    good = _person(
        "Nguyễn Văn An",
        "TH",
        th,
        "p-nguyen-van-an",
        status="within-quota" if provisional else "awarded",
        label="Trong chỉ tiêu — dự kiến" if provisional else "Được khen thưởng",
        council=council,
        criteria_status="within-quota",
    )
    people = (good, hostile_person)
    coll_th = _collective("TH", th, "within-quota", "Trong chỉ tiêu — dự kiến", 1)
    coll_x = _collective("X1", x, "not-eligible", "Không đủ điều kiện", None)
    initiatives = (
        _initiative("SK-01", "TH", th),
        _initiative("SK-02", "TH", th, counted=False, decision_date=D(2019, 12, 18)),
        _initiative(
            "SK-03",
            "TH",
            th,
            recognised=False,
            decision_no="",
            decision_date=None,
            counted=False,
            title="Sáng kiến không được công nhận",
        ),
        _initiative(
            "SK-04", "X1", x, title=HOSTILE_NAME, authors=HOSTILE_NAME, field="Ứng dụng CNTT"
        ),
    )
    units = (
        UnitView(
            "TH",
            th,
            "Phòng",
            "th",
            "on-time",
            "Đã nộp, đúng hạn",
            D(2019, 12, 5),
            "05/TTr-TH, ngày 02/12/2019",
            "03/BB-TH, ngày 01/12/2019",
            coll_th,
            (good,),
            initiatives[:3],
        ),
        UnitView(
            "X1",
            x,
            "Ban",
            "x1",
            "late",
            "Đã nộp, trễ hạn",
            D(2019, 12, 13),
            HOSTILE_NAME,
            HOSTILE_NAME,
            coll_x,
            (hostile_person,),
            initiatives[3:],
        ),
        UnitView(
            "QT",
            "Phòng Quản trị – Tài vụ",
            "Phòng",
            "qt",
            "missing",
            "Chưa nộp",
            None,
            "",
            "",
            None,
            (),
            (),
        ),
    )
    honour = (
        HonourEntry("collective", th, "TH", th, "", "Giấy khen", "", None, provisional, "tt-th"),
        HonourEntry(
            "individual", good.name, "TH", th, "Chuyên viên",
            "Giấy khen" if provisional else "Đề nghị Bằng khen",
            "" if provisional else "99/QĐ-VP", None if provisional else D(2020, 1, 15),
            provisional, good.anchor,
        ),
    )  # fmt: skip
    view = SiteView(
        config, "nominations" if provisional else "results",
        "Xét đề nghị" if provisional else "Có kết quả của Hội đồng", updated, units, people,
        (coll_th, coll_x), initiatives, honour, provisional,
    )  # fmt: skip
    view.figures.update({"units": 3, "nominees": 2, "eligible": 1, "initiatives_recognised": 3})
    return view


@pytest.fixture(scope="module")
def pages(config: Config) -> dict[str, str]:
    return render_pages(make_view(config))


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self.ids.update(v for k, v in attrs if k == "id" and v)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html_text: str) -> _Collector:
    c = _Collector()
    c.feed(html_text)
    c.close()
    return c


# --------------------------------------------------------------------------- structure


def test_every_expected_page_is_rendered(pages: dict[str, str]) -> None:
    assert set(pages) == EXPECTED_PAGES


def test_page_is_a_title_and_one_raw_html_block(pages: dict[str, str]) -> None:
    for path, source in pages.items():
        title, sep, body = body_of(source).partition("\n\n")
        assert sep and title.startswith("# ") and "\n" not in title, path
        assert body.startswith("<div") and body.rstrip().endswith("</div>"), path
        assert "\n\n" not in body.rstrip("\n"), f"blank line inside the HTML block of {path}"
        assert not re.search(r"^[ \t]", body, re.M), f"indented line in {path}"


def test_markdown_leaves_the_block_alone(pages: dict[str, str]) -> None:
    for path, source in pages.items():
        html_text = to_html(source)
        body = body_of(source).partition("\n\n")[2].strip()
        assert body in html_text, f"Python-Markdown changed the HTML block of {path}"
        assert html_text.count("<h1") == 1, path


def test_every_page_has_notice_and_update_date(pages: dict[str, str]) -> None:
    for path, source in pages.items():
        assert SAMPLE_NOTICE in source, path
        assert "Dữ liệu cập nhật lần cuối" in source and "20/12/2019" in source, path


def test_no_notice_without_sample_data(config: Config) -> None:
    real = config.model_copy(update={"site": config.site.model_copy(update={"sample_data": False})})
    for path, source in render_pages(make_view(real)).items():
        assert SAMPLE_NOTICE not in source, path


def test_unknown_update_date_says_so(config: Config) -> None:
    for source in render_pages(make_view(config, updated=None)).values():
        assert "Dữ liệu cập nhật lần cuối: chưa rõ" in source


# --------------------------------------------------------------------------- escaping


WITH_HOSTILE = {
    "ket-qua/ca-nhan/index.md",
    "ket-qua/tap-the/index.md",
    "tien-do/index.md",
    "sang-kien/index.md",
    "don-vi/index.md",
    "don-vi/x1/index.md",
}


@pytest.mark.parametrize("path", sorted(EXPECTED_PAGES - {"index.md", "du-lieu-mo/index.md"}))
def test_hostile_text_stays_literal(pages: dict[str, str], path: str) -> None:
    source = pages[path]
    html_text = to_html(source)
    if path in WITH_HOSTILE:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text, path
        for needle in ("**bold**", "[x](javascript:alert(1))", "a | b", "{{ 7*7 }}"):
            assert needle in html_text, (path, needle)
        text = "".join(parse(html_text).text)
        assert all(h in text for h in HOSTILE), path
    lowered = html_text.lower()
    assert "<script" not in lowered and "<img src=x" not in lowered, path
    assert "<strong>bold</strong>" not in html_text and "<em>7" not in html_text, path
    assert "49" not in html_text, path
    for tag, attrs in parse(html_text).tags:
        assert tag not in ("script", "iframe", "object"), (path, tag)
        if tag == "img":  # only the build-time charts
            assert re.fullmatch(r"(\.\./)*assets/bieu-do/[a-z0-9-]+\.svg", dict(attrs)["src"] or "")
        for name, value in attrs:
            assert not name.startswith("on"), (path, tag, name)
            if name in ("href", "src"):
                assert not (value or "").strip().lower().startswith("javascript:"), (path, value)


def test_hostile_unit_title_is_escaped(pages: dict[str, str]) -> None:
    source = pages["don-vi/x1/index.md"]
    html_text = to_html(source)
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html_text, re.S)
    assert h1 is not None
    text = "".join(parse(h1.group(1)).text)
    assert text.startswith(HOSTILE_NAME)
    assert "<strong>" not in h1.group(1) and "<a " not in h1.group(1).replace("<a class", "")


@pytest.mark.parametrize("text", [*HOSTILE, "Phòng #1", "a & b", "1. x", "- y", "`c`", "x\\"])
def test_markdown_text_round_trips(text: str) -> None:
    html_text = markdown.markdown("# " + markdown_text(text))
    inner = re.sub(r"^<h1>|</h1>$", "", html_text)
    assert "".join(parse(inner).text) == text
    assert "<" not in inner.replace("&lt;", "")


# --------------------------------------------------------------------------- sensitive data


def test_sensitive_reason_never_rendered(pages: dict[str, str]) -> None:
    for path, source in pages.items():
        assert "BÍ MẬT" not in source and "Khiển trách" not in source, path
    # … while non-sensitive reasons are shown.
    assert "Đúng hạn 8/8 nhiệm vụ được giao" in pages["ket-qua/ca-nhan/index.md"]


def test_criteria_marks_have_symbol_and_word(pages: dict[str, str]) -> None:
    text = "".join(parse(to_html(pages["ket-qua/ca-nhan/index.md"])).text)
    assert "✓ Đạt" in text and "✗ Không đạt" in text
    text = "".join(parse(to_html(pages["ket-qua/tap-the/index.md"])).text)
    assert "✓ Đạt" in text and "✗ Không đạt" in text


# --------------------------------------------------------------------------- content


def test_tables_are_semantic(pages: dict[str, str]) -> None:
    for path in ("ket-qua/ca-nhan/index.md", "ket-qua/tap-the/index.md", "tien-do/index.md"):
        c = parse(pages[path])
        tags = [t for t, _ in c.tags]
        assert "caption" in tags and "table" in tags, path
        ths = [dict(a) for t, a in c.tags if t == "th"]
        assert ths and all(a.get("scope") == "col" for a in ths), path
        wrappers = [
            dict(a)
            for t, a in c.tags
            if t == "div" and "thidua-table" in (dict(a).get("class") or "").split()
        ]
        assert wrappers, path


def test_person_anchors(pages: dict[str, str]) -> None:
    ids = parse(pages["ket-qua/ca-nhan/index.md"]).ids
    assert {"p-nguyen-van-an", "p-hostile"} <= ids
    assert "p-nguyen-van-an" in parse(pages["don-vi/th/index.md"]).ids
    assert "tt-th" in parse(pages["ket-qua/tap-the/index.md"]).ids


def test_relative_links_resolve(pages: dict[str, str]) -> None:
    hand_written = {"ke-hoach", "huong-dan"}  # content/<folder>/index.md
    known = {posixpath.dirname(p) for p in pages} | hand_written
    for path, source in pages.items():
        here = posixpath.dirname(path)
        for _, attrs in parse(source).tags:
            href = dict(attrs).get("href")
            if not href or href.startswith(("#", "http://", "https://")):
                continue
            target, _, fragment = href.partition("#")
            resolved = posixpath.normpath(posixpath.join(here, target))
            resolved = "" if resolved == "." else resolved
            assert (
                target.endswith("/")
                or target.startswith("../du-lieu-mo")
                or (path.startswith("du-lieu-mo"))
            ), (path, href)
            if target.endswith("/"):
                assert resolved in known, (path, href)
            if fragment and resolved in known and resolved not in hand_written:
                page = f"{resolved}/index.md" if resolved else "index.md"
                assert fragment in parse(pages[page]).ids, (path, href)


def test_relative_url() -> None:
    assert relative_url("ket-qua/ca-nhan/index.md", "don-vi/th/") == "../../don-vi/th/"
    assert relative_url("index.md", "don-vi/th/") == "don-vi/th/"
    assert relative_url("don-vi/th/index.md", "") == "../../"
    assert relative_url("don-vi/index.md", "don-vi/th/") == "th/"
    assert relative_url("don-vi/index.md", "don-vi/") == "./"
    assert relative_url("vinh-danh/index.md", "ket-qua/ca-nhan/#p-a") == "../ket-qua/ca-nhan/#p-a"
    assert relative_url("du-lieu-mo/index.md", "du-lieu-mo/ca-nhan.csv") == "ca-nhan.csv"
    assert relative_url("ke-hoach.md", "tieu-chi/") == "../tieu-chi/"


def test_home_page(pages: dict[str, str]) -> None:
    text = "".join(parse(pages["index.md"]).text)
    assert "Xét đề nghị" in text
    assert "30/11/2019" in text and "10/12/2019" in text
    # the 31/11 note is on /tieu-chi/ only; the home page links to it
    assert "31/11/2019" not in text and "Vì sao là ngày 30/11/2019?" in text
    assert 'href="tieu-chi/#ngay-ket-thuc"' in pages["index.md"]
    assert "Cá nhân đạt đủ tiêu chí" in text


def test_criteria_page_comes_from_config(config: Config, pages: dict[str, str]) -> None:
    text = "".join(parse(pages["tieu-chi/index.md"]).text)
    for kind in ("collective", "individual"):
        for c in getattr(config.criteria, kind):
            assert c.id in text and c.label in text
            assert " ".join(c.predicate.describe(words_for(config, kind)).split()) in text
            assert " ".join(c.meaning.split()) in text
    assert "Tiêu chí nhạy cảm" in text
    assert "3 tập thể" in text and "2 cá nhân cho mỗi phòng, bộ phận" in text
    assert "Tỷ lệ phiếu đồng ý" in text
    for f in config.fields:
        assert f.name in text
    for a in config.awards:
        assert a.name in text and a.issuer in text
    for item in config.dossier.department + config.dossier.individual:
        assert item.label in text
    assert "31/11/2019" in text and "20/01/2020" in text


def test_progress_page(pages: dict[str, str]) -> None:
    text = "".join(parse(pages["tien-do/index.md"]).text)
    for label in ("Đã nộp, đúng hạn", "Đã nộp, trễ hạn", "Chưa nộp", "05/TTr-TH", "05/12/2019"):
        assert label in text


def test_honour_roll_provisional(pages: dict[str, str]) -> None:
    text = "".join(parse(pages["vinh-danh/index.md"]).text)
    assert "Danh sách dự kiến — chờ Hội đồng Thi đua – Khen thưởng quyết định" in text
    assert "Giấy khen của Chánh Văn phòng UBND thành phố" in text


def test_honour_roll_decided(config: Config) -> None:
    source = render_pages(make_view(config, provisional=False))["vinh-danh/index.md"]
    text = "".join(parse(source).text)
    assert "Danh sách dự kiến" not in text
    assert "Đề nghị Bằng khen của Chủ tịch UBND thành phố" in text
    assert "99/QĐ-VP" in text and "15/01/2020" in text
    ca_nhan = render_pages(make_view(config, provisional=False))["ket-qua/ca-nhan/index.md"]
    assert "Giấy khen — quyết định số 99/QĐ-VP, ngày 15/01/2020" in ca_nhan
    assert "Theo tiêu chí: Trong chỉ tiêu — dự kiến" in ca_nhan


def test_initiatives_page(pages: dict[str, str]) -> None:
    source = pages["sang-kien/index.md"]
    text = "".join(parse(source).text)
    assert "1. Cải cách thủ tục hành chính" in text and "2. Ứng dụng công nghệ thông tin" in text
    assert "SK-02" in text and "Không tính" in text
    assert "SK-03" not in text  # not recognised: only on the unit page
    assert "SK-03" in pages["don-vi/th/index.md"]
    assert text.index("1. Cải cách") < text.index("2. Ứng dụng")


def test_units_pages(pages: dict[str, str]) -> None:
    listing = pages["don-vi/index.md"]
    for slug in ("th", "x1", "qt"):
        assert f'href="{slug}/"' in listing
    unit = "".join(parse(pages["don-vi/qt/index.md"]).text)
    assert "Chưa nộp" in unit and "không đề nghị khen thưởng tập thể" in unit


def test_open_data_page_lists_files_with_checksums(config: Config) -> None:
    package = {
        "resources": [
            {
                "name": "ca-nhan",
                "title": "Cá nhân được đề nghị",
                "schema": {
                    "fields": [
                        {
                            "name": "ho_ten",
                            "type": "string",
                            "title": "Họ và tên",
                            "description": "Họ và tên cá nhân được đề nghị",
                        },
                        {"name": "tieu_chi_CN1", "type": "boolean", "description": "Đạt CN1"},
                    ]
                },
            }
        ]
    }
    files = {
        "du-lieu-mo/ca-nhan.csv": b"\xef\xbb\xbfho_ten\r\n" + b"x" * (3072 - 11),
        "du-lieu-mo/datapackage.json": json.dumps(package).encode(),
        "du-lieu-mo/SHA256SUMS": b"abc  ca-nhan.csv\n",
    }
    source = render_pages(make_view(config), files)["du-lieu-mo/index.md"]
    text = "".join(parse(source).text)
    for name, content in files.items():
        assert hashlib.sha256(content).hexdigest() in text
        assert f'href="{name.removeprefix("du-lieu-mo/")}"' in source
    assert "3,0 KB" in text
    assert "tieu_chi_CN1" in text and "Họ và tên cá nhân được đề nghị" in text
    assert config.site.licence in text and f'href="{config.site.licence_url}"' in source


def test_open_data_dictionary_without_downloads(pages: dict[str, str]) -> None:
    text = "".join(parse(pages["du-lieu-mo/index.md"]).text)
    for name in ("ma_don_vi", "don_vi", "ho_ten", "chuc_vu", "tieu_chi", "du_dieu_kien"):
        assert name in text
    assert "trang_thai" in text and "Số phiếu đồng ý khi họp xét" in text
    for internal in ("Mã CB", "Ngày sinh", "Điện thoại", "Ghi chú"):
        assert internal not in text


def test_slug_clash_gets_unique_paths(config: Config) -> None:
    view = make_view(config)
    twin = replace(view.units[2], code="qt ", slug="qt")
    view = replace(view, units=(*view.units, twin))
    pages = render_pages(view)
    assert "don-vi/qt/index.md" in pages and "don-vi/qt-2/index.md" in pages


def test_newlines_and_controls_in_data_cannot_break_the_block(config: Config) -> None:
    view = make_view(config)
    nasty = "An\n\n# Tiêu đề giả\n\n<b>x</b>\x02wzxhzdk:0\x03"
    person = replace(view.people[0], name=nasty, position="a\r\n\r\nb")
    view = replace(view, people=(person, *view.people[1:]))
    source = render_pages(view)["ket-qua/ca-nhan/index.md"]
    body = body_of(source).partition("\n\n")[2]
    assert "\n\n" not in body.rstrip("\n") and "\x02" not in body
    html_text = to_html(source)
    assert html_text.count("<h1") == 1 and "<b>x</b>" not in html_text
    assert "An # Tiêu đề giả &lt;b&gt;x&lt;/b&gt;wzxhzdk:0" in html_text


# --------------------------------------------------------------------------- issue 4


def test_countdown_uses_the_data_date_never_the_clock(config: Config) -> None:
    from generator.site.pages.home import countdown

    dossier = config.dossier_deadline
    on = countdown(config, dossier - dt.timedelta(days=5))
    assert (on.state, on.days, on.date) == ("next", 5, dossier)
    assert countdown(config, dossier).days == 0
    last = max(d.date for d in config.deadlines)
    after = countdown(config, last + dt.timedelta(days=1))
    assert (after.state, after.date) == ("passed", last)
    assert countdown(config, None).state == "unknown"
    home = render_pages(make_view(config, updated=dossier - dt.timedelta(days=5)))["index.md"]
    text = "".join(parse(home).text)
    assert "Còn 5 ngày" in text and fmt(dossier) in text
    passed = "".join(parse(render_pages(make_view(config))["index.md"]).text)  # 20/12/2019
    assert "Còn " in passed  # the Council's deadline (20/01/2020) is still ahead
    late = make_view(config, updated=last + dt.timedelta(days=1))
    assert "Tất cả các thời hạn của kế hoạch đã qua" in render_pages(late)["index.md"]
    unknown = render_pages(make_view(config, updated=None))["index.md"]
    assert "không tính được thời gian còn lại" in unknown


def fmt(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def test_department_page_has_a_card_per_person_and_initiative(pages: dict[str, str]) -> None:
    source = pages["don-vi/th/index.md"]
    c = parse(source)
    assert "p-nguyen-van-an" in c.ids and "sk-sk-01" in c.ids and "sk-sk-03" in c.ids
    html_text = to_html(source)
    assert re.search(r'<h3 id="p-nguyen-van-an">Nguyễn Văn An</h3>', html_text)
    assert re.search(r'<h3 id="sk-sk-01">Sáng kiến SK-01</h3>', html_text)
    text = "".join(c.text)
    assert "Không công nhận" in text and "Trong chỉ tiêu — dự kiến" in text
    hostile = to_html(pages["don-vi/x1/index.md"])
    assert '<h3 id="p-hostile">&lt;script&gt;' in hostile


def test_result_tables_sort_and_filter_markup(pages: dict[str, str]) -> None:
    for path in ("ket-qua/ca-nhan/index.md", "ket-qua/tap-the/index.md", "vinh-danh/index.md"):
        c = parse(pages[path])
        tables = [dict(a) for t, a in c.tags if t == "table"]
        assert tables and all("data-sortable" in t and "data-filterable" in t for t in tables)
        assert all("class" not in t for t in tables)  # Material styles table:not([class])
        assert any(t == "div" and ("data-thidua-filter", None) in a for t, a in c.tags), path
        heads = [dict(a) for t, a in c.tags if t == "th"]
        assert all(h.get("data-sort-method") in ("number", "vi", "none") for h in heads), path
        sortable = [h for h in heads if h.get("data-sort-method") != "none"]
        assert len(sortable) >= 3, path  # name (or unit), status, rank at least
    # the honour roll sorts people by their place in the Vietnamese order
    honour = parse(pages["vinh-danh/index.md"])
    sorts = [dict(a).get("data-sort") for t, a in honour.tags if t == "td"]
    assert "0" in sorts


def test_charts_have_alternatives_and_number_tables(pages: dict[str, str]) -> None:
    for path, count in (("index.md", 2), ("sang-kien/index.md", 1)):
        c = parse(pages[path])
        images = [dict(a) for t, a in c.tags if t == "img"]
        assert len(images) == count, path
        for img in images:
            assert (img.get("alt") or "").startswith("Biểu đồ"), path
        assert sum(1 for t, a in c.tags if t == "figcaption") == count
        assert (
            sum(1 for t, a in c.tags if t == "table" and dict(a)["id"].startswith("so-lieu-"))
            == count
        )
    assert "Đạt tất cả tiêu chí" in "".join(parse(pages["index.md"]).text)


def test_site_files_hold_charts_and_scripts(config: Config) -> None:
    from generator.site.pages.registry import site_files

    files = site_files(make_view(config))
    assert {p for p in files if p.endswith(".svg")} == {
        "assets/bieu-do/ca-nhan-theo-don-vi.svg",
        "assets/bieu-do/pheu-xet-ca-nhan.svg",
        "assets/bieu-do/sang-kien-theo-linh-vuc.svg",
    }
    assert "assets/vendor/tablesort/tablesort.min.js" in files
    svg = files["assets/bieu-do/ca-nhan-theo-don-vi.svg"].decode()
    assert "&lt;script&gt;" in svg and "<script" not in svg  # hostile unit name stays text
