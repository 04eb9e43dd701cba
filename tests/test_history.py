"""Publication history /cap-nhat/ (issue 5, must show 8).

A temporary git repository gets a Mini campaign in five data commits (first publication,
nominees added, a status changed, a commit with an error, the Council's results) and one
commit that does not touch the data. The page lists the data changes newest first, each with
its date and what changed for the public — and nothing internal: no staff code, no commit
message, no discipline form. Without git history the page says so and the build goes on.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from generator.site import history
from generator.site.bundle import make_bundle
from generator.site.history import publication_history
from tests.builders.mini import Mini
from tests.builders.workbooks import write_xlsx
from tests.safety.sites import CONFIG

SECRET_SUBJECT = "QZXSUBJECT ghi chú nội bộ: Khiển trách ông X9"
COUNCIL = [
    ["Đối tượng", "Mã đơn vị", "Mã CB", "Họ và tên", "Hình thức", "Số quyết định",
     "Ngày quyết định"],
    ["Cá nhân", "A", "QZXA1", "Lê Văn Bình", "Giấy khen", "5/QĐ-VP", dt.date(2020, 1, 10)],
]  # fmt: skip


def git(repo: Path, *args: str, date: str = "2019-12-01T09:00:00+07:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "HC-TC",
        "GIT_AUTHOR_EMAIL": "hctc@example.invalid",
        "GIT_COMMITTER_NAME": "HC-TC",
        "GIT_COMMITTER_EMAIL": "hctc@example.invalid",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def commit(repo: Path, message: str, day: int) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=f"2019-12-{day:02d}T09:00:00+07:00")


def mini() -> Mini:
    m = Mini()
    for rows in m.nominees.values():
        for row in rows:
            row["Mã CB"] = "QZX" + str(row["Mã CB"])
    m.initiatives[0]["Mã CB tác giả"] = "QZXA1"
    m.discipline[0]["Mã CB"] = "QZXX9"
    return m


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("history") / "repo"
    data = root / "data" / "mini"
    root.mkdir()
    git(root, "init", "-q")
    m = mini()
    full = {unit: list(rows) for unit, rows in m.nominees.items()}
    m.nominees = {"A": full["A"][:1], "B": full["B"][:1]}  # A1, B1 only
    m.write(data)
    commit(root, "Dữ liệu ban đầu", 1)
    m.nominees = full  # + A2, B2
    m.write(data)
    commit(root, SECRET_SUBJECT, 3)
    (root / "README.md").write_text("không phải dữ liệu\n", encoding="utf-8")
    commit(root, "Sửa README", 4)
    m.nominees["A"][0]["Số nhiệm vụ đúng hạn"] = 9  # A1 fails CN1: within quota → not eligible
    m.write(data)
    commit(root, "Sửa số liệu", 5)
    broken = mini()
    broken.nominees["B"][0]["Mã CB"] = "QZXA1"  # a duplicate staff code: an error
    broken.write(data)
    commit(root, "Bản lỗi", 6)
    m.nominees["A"][0]["Số nhiệm vụ đúng hạn"] = 10
    m.write(data)
    write_xlsx(data / "hoi-dong.xlsx", {"Kết quả": COUNCIL})
    commit(root, "Kết quả Hội đồng", 8)
    return data


def page_text(markdown: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", markdown)).split())


def test_changes_newest_first_with_public_facts(repo: Path) -> None:
    found = publication_history(CONFIG, repo)
    assert found is not None and found.complete
    dates = [c.date.day for c in found.changes]
    assert dates == [8, 6, 5, 3, 1]  # the README commit (4) did not touch the data
    council, broken, status, added, first = found.changes
    assert first.lines == ["Công bố lần đầu: 2 cá nhân và 2 tập thể được đề nghị."]
    assert added.lines == [
        "Thêm 2 cá nhân được đề nghị: Trần Thị Cúc (Phòng Alpha), Võ Thị Em (Phòng Beta).",
    ]
    assert status.lines == [
        "Lê Văn Bình (Phòng Alpha): Trong chỉ tiêu — dự kiến → Không đủ điều kiện.",
    ]
    assert not broken.ok and broken.lines == []
    assert council.lines[0] == "Có kết quả của Hội đồng Thi đua – Khen thưởng."
    # compared with the last published state (5), not with the broken commit (6)
    assert "Lê Văn Bình (Phòng Alpha): Không đủ điều kiện → Được khen thưởng." in council.lines


def test_page_lists_them_and_leaks_nothing(repo: Path) -> None:
    bundle = make_bundle(CONFIG, repo)
    assert bundle.ok
    page = bundle.pages["cap-nhat/index.md"]
    text = page_text(page)
    order = [text.index(d) for d in ("08/12/2019", "06/12/2019", "05/12/2019", "01/12/2019")]
    assert order == sorted(order)
    assert "Thêm 2 cá nhân được đề nghị" in text and "không được công bố" in text
    assert "Có kết quả của Hội đồng Thi đua – Khen thưởng." in text
    assert "QZX" not in page.upper()  # no staff code, no commit message
    assert "khiển trách" not in text.lower() and "README" not in text
    assert page.count('<li class="thidua-history__entry') == 5


def test_bounded_to_the_latest_commits(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history, "MAX_COMMITS", 2)
    found = publication_history(CONFIG, repo)
    assert found is not None and not found.complete
    assert [c.date.day for c in found.changes] == [8, 6]
    # the commit before the window is the baseline: a diff, not a "first publication"
    assert "Lê Văn Bình (Phòng Alpha): Không đủ điều kiện → Được khen thưởng." in (
        found.changes[0].lines
    )
    page = make_bundle(CONFIG, repo).pages["cap-nhat/index.md"]
    assert "Chỉ hiển thị 2 lần cập nhật gần nhất" in page_text(page)


def test_without_git_the_page_says_so(tmp_path: Path) -> None:
    data = Mini().write(tmp_path / "data")
    assert publication_history(CONFIG, data) is None
    bundle = make_bundle(CONFIG, data)
    assert bundle.ok and bundle.history is None
    assert "Chưa có lịch sử cập nhật" in page_text(bundle.pages["cap-nhat/index.md"])


def test_untracked_data_in_a_repository_has_no_history(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    data = Mini().write(tmp_path / "data")
    assert publication_history(CONFIG, data) is None


def test_without_git_installed_the_page_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git(tmp_path, "init", "-q")
    data = Mini().write(tmp_path / "data")
    commit(tmp_path, "Dữ liệu ban đầu", 1)
    found = publication_history(CONFIG, data)  # with git: one data commit
    assert found is not None and [c.date.day for c in found.changes] == [1]
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-bin"))  # the same repository, no git
    assert publication_history(CONFIG, data) is None
    bundle = make_bundle(CONFIG, data)
    assert bundle.ok and bundle.history is None
    assert "Chưa có lịch sử cập nhật" in page_text(bundle.pages["cap-nhat/index.md"])


def test_one_entry_per_day_and_days_without_public_change_only_counted(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    data = root / "data" / "mini"
    root.mkdir()
    git(root, "init", "-q")
    m = mini()
    m.write(data)
    commit(root, "Dữ liệu ban đầu", 1)
    m.nominees["A"][0]["Điện thoại"] = "0911"  # internal column: nothing public changes
    m.write(data)
    commit(root, "Sửa số điện thoại", 1)
    m.nominees["A"][0]["Ghi chú"] = "nội bộ"
    m.write(data)
    commit(root, "Thêm ghi chú", 2)
    m.nominees["A"][0]["Số nhiệm vụ đúng hạn"] = 8
    m.write(data)
    commit(root, "Sửa số liệu, lần 1", 3)
    m.nominees["A"][0]["Số nhiệm vụ đúng hạn"] = 9  # corrected the same day
    m.write(data)
    commit(root, "Sửa số liệu, lần 2", 3)
    found = publication_history(CONFIG, data)
    assert found is not None
    assert [c.date.day for c in found.changes] == [3, 1]
    assert found.unchanged == 1  # day 2
    day3, day1 = found.changes
    assert day1.lines == ["Công bố lần đầu: 4 cá nhân và 2 tập thể được đề nghị."]
    assert day3.lines == [
        "Lê Văn Bình (Phòng Alpha): Trong chỉ tiêu — dự kiến → Không đủ điều kiện.",
    ]
    text = page_text(make_bundle(CONFIG, data).pages["cap-nhat/index.md"])
    assert "Không thay đổi" not in text
    assert "1 ngày khác nhưng không làm thay đổi kết quả công bố" in text
