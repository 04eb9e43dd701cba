"""Issue 14: the public comment window (góp ý) — config, working days, the data's checks,
the window's state by the data's date, the mailto links, the pages and the feed."""

from __future__ import annotations

import calendar
import datetime as dt
import shutil
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from generator.judge.comments_config import working_days_after
from generator.judge.config import load_config
from generator.judge.pipeline import run
from generator.site.bundle import make_bundle
from generator.site.comment_window import window_state
from generator.site.news import feed_for
from generator.site.pages.gop_y import mailto
from tests.builders.sample_campaign import H_GOP_Y
from tests.builders.workbooks import write_xlsx

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"
SAMPLE = ROOT / "data" / "vpubnd-cantho-2019"
D = dt.date
SECTION = "comments:\n"


def campaign(tmp: Path, section: str) -> Path:
    """The founding campaign with its ``comments`` section replaced (the one before ``path``)."""
    text = CONFIG.read_text(encoding="utf-8")
    end = text.index("# The campaign's pages and downloads")
    folder = tmp / "site_config"
    shutil.copytree(CONFIG.parent / "contracts", folder / "contracts")
    path = folder / CONFIG.name
    path.write_text(text[: text.index(SECTION)] + section + "\n" + text[end:], encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def epoch(day: dt.date) -> str:
    return str(calendar.timegm(day.timetuple()) + 3 * 3600)  # 10:00 in Vietnam


def test_the_sample_window_is_the_ten_working_days_after_the_dossier_deadline() -> None:
    config, issues = load_config(CONFIG)
    assert issues == [] and config is not None and config.comments is not None
    assert config.comments.window == (D(2019, 12, 11), D(2019, 12, 24))
    assert config.comments.form_origin is None


def test_working_days_skip_weekends_and_holidays() -> None:
    days = working_days_after(D(2019, 12, 27), 4, frozenset({D(2020, 1, 1)}))
    assert days == [D(2019, 12, 30), D(2019, 12, 31), D(2020, 1, 2), D(2020, 1, 3)]


def test_the_state_is_judged_by_the_data_date() -> None:
    first, last = D(2019, 12, 11), D(2019, 12, 24)
    assert window_state(first, last, D(2019, 12, 10)) == "before"
    assert window_state(first, last, first) == window_state(first, last, last) == "during"
    assert window_state(first, last, D(2019, 12, 25)) == "after"
    assert window_state(first, last, None) == "unknown"


def test_window_errors_are_located_in_the_file(tmp_path: Path) -> None:
    path = campaign(
        tmp_path,
        "comments:\n  start: 20/12/2019\n  end: 12/12/2019\n  address: A\n"
        "  email: a@example.org\n  endpoint: http://gopy.example.org/nhan\n",
    )
    config, issues = load_config(path)
    assert config is None
    assert [(i.code, i.row, i.text_column, i.column) for i in issues] == [
        ("config-comment-window-order", line_of(path, "end: 12/12"), 8, "comments.end"),
        ("config-comment-endpoint", line_of(path, "endpoint:"), 13, "comments.endpoint"),
    ]


def test_a_window_needs_exactly_one_way_of_dating(tmp_path: Path) -> None:
    path = campaign(
        tmp_path,
        "comments:\n  start: 11/12/2019\n  working_days: 5\n  address: A\n  email: a@example.org\n",
    )
    config, issues = load_config(path)
    assert config is None
    assert [(i.code, i.column) for i in issues] == [("config-invalid", "comments")]
    assert "either start and end" in issues[0].message_en


@pytest.mark.parametrize(
    "url", ["https://gopy.example.org/nhan", "http://127.0.0.1:8123/", "http://localhost/x"]
)
def test_https_and_loopback_endpoints_are_accepted(tmp_path: Path, url: str) -> None:
    path = campaign(
        tmp_path,
        f"comments:\n  after: 10/12/2019\n  working_days: 10\n  address: A\n"
        f"  email: a@example.org\n  endpoint: {url}\n",
    )
    config, issues = load_config(path)
    assert issues == [] and config is not None and config.comments is not None
    assert config.comments.form_origin == url[: url.index("/", 8)]


def sample_copy(tmp: Path, rows: list[list[object]]) -> Path:
    data = tmp / "data"
    shutil.copytree(SAMPLE, data)
    write_xlsx(data / "gop-y.xlsx", {"Góp ý": [H_GOP_Y, *rows]})
    return data


def test_bad_register_rows_get_exact_issues_and_are_not_counted(tmp_path: Path) -> None:
    data = sample_copy(
        tmp_path,
        [
            [D(2019, 12, 12), "TH", "CB0003", "X", "Thư điện tử", "ý kiến", "Có"],  # 2: good
            [D(2019, 12, 12), "ZZ", None, "X", "Bưu điện", "ý kiến", "Có"],  # 3: no unit
            [D(2019, 12, 12), "TH", "CB9999", "X", "Bưu điện", "ý kiến", "Có"],  # 4: no nominee
            [D(2019, 12, 12), "HCTC", None, "X", "Trực tiếp", "ý kiến", "Có"],  # 5: no collective
            [D(2020, 1, 2), "TH", "CB0003", "X", "Bưu điện", "ý kiến", "Không"],  # 6: late
            [D(2019, 12, 13), "TH", "CB0003", "X", "Fax", "ý kiến", "Có"],  # 7: bad channel
        ],
    )
    result = run(CONFIG, data)
    mine = [i.key() for i in result.issues if i.file == "gop-y.xlsx"]
    assert mine == [
        ("value-not-allowed", "gop-y.xlsx", "Góp ý", 7, "E"),  # read first, by the columns
        ("comment-unknown-subject", "gop-y.xlsx", "Góp ý", 3, "B"),
        ("comment-unknown-subject", "gop-y.xlsx", "Góp ý", 4, "C"),
        ("comment-unknown-subject", "gop-y.xlsx", "Góp ý", 5, "B"),
        ("comment-outside-window", "gop-y.xlsx", "Góp ý", 6, "A"),
    ]
    rows = result.dataset.registers["comments"]
    assert [r.loc.row for r in rows] == [2, 6]


def test_a_window_ending_after_the_council_met_is_a_located_error(tmp_path: Path) -> None:
    path = campaign(
        tmp_path, "comments:\n  start: 11/12/2019\n  end: 26/12/2019\n  address: A\n"
        "  email: a@example.org\n",
    )  # fmt: skip
    result = run(path, SAMPLE)
    found = {i.key() for i in result.issues if i.code == "comment-window-after-council"}
    council = {i.loc.row for i in result.dataset.council or []}
    assert found == {
        ("comment-window-after-council", "hoi-dong.xlsx", "Kết quả", r, "I") for r in council
    }
    assert not result.ok


def test_mailto_is_rfc6068_encoded() -> None:
    href = mailto("gopy@example.org", "Góp ý: Đợt 1 — p-an", "Kính gửi: Văn phòng\nNội dung:")
    assert href.startswith("mailto:gopy@example.org?subject=G%C3%B3p%20%C3%BD%3A%20")
    assert "%0D%0A" in href and " " not in href and "+" not in href and "\n" not in href
    query = parse_qs(urlsplit(href).query)
    assert query["subject"] == ["Góp ý: Đợt 1 — p-an"]
    assert query["body"] == ["Kính gửi: Văn phòng\r\nNội dung:"]
    assert unquote(href.split("body=")[1]) == "Kính gửi: Văn phòng\r\nNội dung:"


@pytest.fixture(scope="module")
def during(monkeypatch_module: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch_module.setenv("SOURCE_DATE_EPOCH", epoch(D(2019, 12, 20)))
    return make_bundle(CONFIG, with_history=False).pages


@pytest.fixture(scope="module")
def monkeypatch_module() -> object:
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_during_every_proposed_subject_has_the_action(during: dict[str, str]) -> None:
    people = during["ket-qua/ca-nhan/index.md"]
    collectives = during["ket-qua/tap-the/index.md"]
    assert people.count('class="thidua-gop-y__link"') == people.count('<tr id="p-')
    assert collectives.count('class="thidua-gop-y__link"') == collectives.count('<tr id="tt-')
    assert "CB0" not in people and "CB0" not in during["don-vi/th/index.md"]
    assert "Đang nhận góp ý" in during["index.md"] and "Còn 4 ngày" in during["index.md"]
    page = during["gop-y/index.md"]
    assert "PHIẾU GÓP Ý" in page and "<form" not in page  # no endpoint: no HTML form


@pytest.mark.parametrize(
    ("day", "state", "words"),
    [
        (D(2019, 12, 10), "before", "sẽ nhận góp ý"),
        (D(2020, 1, 5), "after", "đã kết thúc"),
    ],
)
def test_outside_the_window_there_is_no_action(
    monkeypatch: pytest.MonkeyPatch, day: dt.date, state: str, words: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(day))
    bundle = make_bundle(CONFIG, with_history=False)
    assert bundle.view is not None and bundle.view.comments is not None
    assert bundle.view.comments.state == state
    for page in ("ket-qua/ca-nhan/index.md", "ket-qua/tap-the/index.md", "gop-y/index.md"):
        assert "mailto:" not in bundle.pages[page] and "PHIẾU" not in bundle.pages[page]
        assert words in bundle.pages[page]
    people = bundle.pages["ket-qua/ca-nhan/index.md"]
    if state == "after":  # the sample register: 2 on CB0003 (Võ Thanh Tâm), 1 open on CB0032
        assert "Góp ý: 2 ý kiến, Hội đồng đã xem xét" in people
        assert "Góp ý: 1 ý kiến, Hội đồng đang xem xét" in people
        assert "Góp ý: 1 ý kiến, Hội đồng đã xem xét" in bundle.pages["ket-qua/tap-the/index.md"]
        assert "Đồng tình" not in people and "Đặng Văn Khải" not in people
    else:
        assert "Góp ý: " not in people


def test_campaigns_without_a_window_have_no_comment_page(tmp_path: Path) -> None:
    text = CONFIG.read_text(encoding="utf-8")
    path = campaign(tmp_path, "")
    assert SECTION in text and SECTION not in path.read_text(encoding="utf-8")
    bundle = make_bundle(path, SAMPLE, with_history=False)
    assert bundle.ok and bundle.view is not None and bundle.view.comments is None
    assert "gop-y/index.md" not in bundle.pages
    assert all("thidua-gop-y" not in p and "Góp ý" not in p for p in bundle.pages.values())
    assert ("comment-no-window", "gop-y.xlsx", "Góp ý", None, None) in {
        i.key() for i in bundle.issues
    }


def test_the_feed_announces_the_window() -> None:
    bundle = make_bundle(CONFIG, with_history=False)
    sources = {
        "tin-tuc/index.md": "# Tin tức\n",
        "vpubnd-2019/gop-y/index.md": bundle.pages["gop-y/index.md"],
        "gop-y/index.md": "---\nhide:\n  - toc\n---\n\n# Chuyển trang\n",  # a redirect page
    }
    feed = feed_for(sources, site_name="S", description="", site_url=None, directory_urls=True)
    assert feed is not None
    text = feed.decode("utf-8")
    assert text.count("<item>") == 1
    assert "Lấy ý kiến về danh sách đề nghị khen thưởng" in text
    assert "<pubDate>Wed, 11 Dec 2019 00:00:00 +0700</pubDate>" in text
    assert "<link>vpubnd-2019/gop-y/</link>" in text
