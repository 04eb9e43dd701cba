"""Pages of the sample campaign read as finished, in plain Vietnamese (issue 9, items 4, 5, 7):
/tien-do/ shows problems at a glance, abbreviations are explained, no developer words, the
status codes are listed with their labels, the 31/11 note is shown once."""

from __future__ import annotations

import re
from html import unescape

import pytest

from generator.judge.model import Status
from generator.judge.select import campaign_statuses
from generator.site.bundle import SiteBundle, make_bundle
from generator.site.pages.markup import ABBREVIATIONS
from tests.test_site_build import CONFIG, DATA

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="sample data not generated")
DEVELOPER_WORDS = ("khóa", "công cụ", "cấu hình", "được đánh dấu", "hệ thống dùng")


@pytest.fixture(scope="module")
def bundle() -> SiteBundle:
    b = make_bundle(CONFIG)
    assert b.ok
    return b


def text(source: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", source)).split())


def rows(source: str) -> list[str]:
    body = source.split('<table id="tien-do-ho-so"')[1].split("</table>")[0]
    return [text(r) for r in re.findall(r"<tr id=.*?</tr>", body, re.S)]


def test_progress_summary_links_to_the_rows(bundle: SiteBundle) -> None:
    page = bundle.pages["tien-do/index.md"]
    summary = page.split('<ul class="thidua-progress-summary">')[1].split("</ul>")[0]
    assert "Chưa nộp: 1 — Phòng Quản trị – Tài vụ" in text(summary)
    assert "Nộp trễ hạn: 1 — Ban Tiếp công dân" in text(summary)
    assert "Hồ sơ chưa đầy đủ: 3" in text(summary)
    ids = set(re.findall(r'<tr id="([^"]+)"', page))
    links = re.findall(r'href="#([^"]+)"', summary)
    assert links and set(links) <= ids
    assert "Đã nộp: 10/11" in text(page)


def test_progress_problem_rows_first_and_missing_documents_named(bundle: SiteBundle) -> None:
    listed = rows(bundle.pages["tien-do/index.md"])
    assert listed[0].startswith("Phòng Quản trị – Tài vụ ✗ Chưa nộp")
    first_fine = next(n for n, r in enumerate(listed) if "Đã nộp, đúng hạn" in r)
    assert all("Đã nộp, đúng hạn" in r for r in listed[first_fine:])
    assert first_fine == 4
    # the collective file of BPMC lacks its achievement report: not "on time"
    bpmc = next(r for r in listed if r.startswith("Bộ phận Tiếp nhận và Trả kết quả"))
    assert "Đã nộp, hồ sơ chưa đầy đủ" in bpmc
    assert "Báo cáo thành tích của tập thể: tập thể" in bpmc
    nc = next(r for r in listed if r.startswith("Phòng Nội chính"))
    assert "Báo cáo thành tích (mẫu số 07, Nghị định 91/2017/NĐ-CP): Nguyễn Hữu Phước" in nc
    btcd = next(r for r in listed if r.startswith("Ban Tiếp công dân"))
    assert "Đã nộp trễ hạn, hồ sơ chưa đầy đủ" in btcd and "sau hạn 10/12/2019" in btcd
    assert not any(re.search(r"\d+/\d+ hồ sơ", r) for r in listed)


def test_status_codes_are_listed_with_their_labels(bundle: SiteBundle) -> None:
    page = bundle.pages["du-lieu-mo/index.md"]
    table = text(page.split('id="tu-dien-trang-thai"')[1].split("</table>")[0])
    assert bundle.result.config is not None
    for status in campaign_statuses(bundle.result.config):
        assert f"{status.value} {status.label}" in table, status
    # the founding campaign has no award routes and no minimum vote share
    for status in (Status.LOWER_FORM_ONLY, Status.BELOW_VOTE_SHARE):
        assert status.value not in table


def test_abbreviations_explained_and_no_developer_words(bundle: SiteBundle) -> None:
    seen = set()
    for path, source in bundle.pages.items():
        plain = text(source)
        for word in DEVELOPER_WORDS:
            assert word.lower() not in plain.lower(), (path, word)
        for abbr, meaning in ABBREVIATIONS.items():
            found = re.search(rf"(?<!\w){abbr}(?!\w)", plain)
            if not found:
                continue
            seen.add(abbr)
            parts = re.split(r"(<[^>]*>)", source.split("\n---\n", 1)[1])
            at = next(
                n
                for n, part in enumerate(parts)
                if not part.startswith("<") and re.search(rf"(?<!\w){abbr}(?!\w)", part)
            )
            assert parts[at - 1] == f'<abbr title="{meaning}">', (path, abbr, parts[at])
    assert {"HTXSNV", "CCHC", "TTr"} <= seen


def test_the_period_note_is_shown_once_and_linked(bundle: SiteBundle) -> None:
    shown = [p for p, s in bundle.pages.items() if "31/11/2019" in s]
    assert shown == ["tieu-chi/index.md"]
    assert 'id="ngay-ket-thuc"' in bundle.pages["tieu-chi/index.md"]
    for path in ("index.md", "tien-do/index.md"):
        assert 'href="../tieu-chi/#ngay-ket-thuc"' in bundle.pages[path] or (
            path == "index.md" and 'href="tieu-chi/#ngay-ket-thuc"' in bundle.pages[path]
        )
