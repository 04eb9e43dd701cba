"""Every documented issue code (docs/issue-codes.md) is raised by at least one test.

The cases here cover the codes no other test raised; each breaks the small valid campaign
(tests/builders/mini.py) in one way and lists, by hand, every issue it must give as
``(code, file, sheet, row, column)``. The last test reads every test module and checks that
each documented code appears in an assertion context (an ``assert``, an upper-case
expectation table, or a ``parametrize`` list), so a code whose only test is removed fails it.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.judge.pipeline import run
from tests.builders.corpus import department, patch_xlsx
from tests.builders.mini import COUNCIL_HEADER, Mini, write_council

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"
A = "de-nghi/A.xlsx"
TT, CN = "Tập thể", "Cá nhân"
COUNCIL = ("hoi-dong.xlsx", "Kết quả")

Key = tuple[str, str | None, str | None, int | None, str | None]


def votes_inconsistent(data: Path) -> Path:
    mini = Mini()
    mini.nominees["A"][0]["Số phiếu đồng ý"] = 11  # of 10
    return mini.write(data)


def submission_extra_row(data: Path) -> Path:
    mini = Mini()
    second = dict(mini.submissions["A"][0], **{"Số tờ trình": "2/TTr"})
    mini.submissions["A"].append(second)
    return mini.write(data)


def submission_missing_row(data: Path) -> Path:
    Mini().write(data)
    patch_xlsx(department(data, "A"), lambda book: book["Tập thể"].delete_rows(2))
    return data


def date_order(data: Path) -> Path:
    mini = Mini()
    mini.discipline[0]["Ngày hết hiệu lực"] = dt.date(2019, 5, 31)  # decided 01/06/2019
    return mini.write(data)


def file_unexpected(data: Path) -> Path:
    Mini().write(data)
    (data / "ghi-chu.txt").write_text("bản nháp\n", encoding="utf-8")
    (data / "de-nghi" / "A.pdf").write_bytes(b"%PDF-1.4\n")  # the signed scan, next to A.xlsx
    return data


def data_dir_missing(data: Path) -> Path:
    return data / "khong-co"


def council(row: list[object]) -> Callable[[Path], Path]:
    def write(data: Path) -> Path:
        Mini().write(data)
        write_council(data, [row])
        return data

    return write


def bang_khen(sent: dt.date) -> list[object]:
    """A Council proposal of a Bằng khen for A1 (within quota in Mini), sent on ``sent``."""
    values = ["Cá nhân", "A", "A1", "Lê Văn Bình", "Đề nghị Bằng khen", "3/TTr-HĐ",
              dt.date(2020, 1, 6), "1/BB-HĐ", dt.date(2020, 1, 5), sent]  # fmt: skip
    assert len(values) == len(COUNCIL_HEADER)
    return values


def giay_khen(staff: str) -> list[object]:
    return ["Cá nhân", "A", staff, "Người Lạ", "Giấy khen", "9/QĐ", dt.date(2019, 12, 27),
            None, None, None]  # fmt: skip


CASES: dict[str, tuple[Callable[[Path], Path], list[Key]]] = {
    "votes_inconsistent": (votes_inconsistent, [("votes-inconsistent", A, CN, 2, "K")]),
    "submission_extra_row": (submission_extra_row, [("submission-extra-row", A, TT, 3, None)]),
    "submission_missing_row": (
        submission_missing_row,
        [("submission-missing-row", A, TT, None, None)],
    ),
    "date_order": (date_order, [("date-order", "ky-luat.xlsx", "Kỷ luật", 2, "F")]),
    "file_unexpected": (
        file_unexpected,
        [
            ("file-unexpected", "de-nghi/A.pdf", None, None, None),
            ("file-unexpected", "ghi-chu.txt", None, None, None),
        ],
    ),
    # today's config: the `council-to-city` deadline, 20/01/2020
    "council_late": (
        council(bang_khen(dt.date(2020, 1, 21))),
        [("council-late", *COUNCIL, 2, "J")],
    ),
    "council_on_the_deadline": (council(bang_khen(dt.date(2020, 1, 20))), []),
    "council_unknown_nominee": (
        council(giay_khen("Z9")),
        [("council-unknown-nominee", *COUNCIL, 2, "C")],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_case_gives_exactly_the_expected_issues(case: str, tmp_path: Path):
    build, expected = CASES[case]
    result = run(CONFIG, build(tmp_path / "data"))
    assert sorted(i.key() for i in result.issues) == sorted(expected)
    for issue in result.issues:
        assert issue.message and issue.message_en, issue
    for count in result.dataset.counts:
        assert count.read == count.accepted + count.rejected, count


def test_rejected_rows_are_not_used(tmp_path: Path):
    result = run(CONFIG, votes_inconsistent(tmp_path / "votes"))
    assert "A1" not in {n.staff_code for n in result.dataset.nominees}
    assert [(r.file, r.row, r.reasons) for r in result.dataset.rejected] == [
        (A, 2, ("votes-inconsistent",))
    ]
    result = run(CONFIG, submission_extra_row(tmp_path / "extra"))
    assert result.dataset.submissions["A"].to_trinh_no == "1/TTr"  # the first row stands
    assert [(r.file, r.sheet, r.row) for r in result.dataset.rejected] == [(A, TT, 3)]
    result = run(CONFIG, date_order(tmp_path / "order"))
    assert result.dataset.disciplines == []


def test_a_missing_data_folder_is_named(tmp_path: Path):
    data = data_dir_missing(tmp_path)
    result = run(CONFIG, data)
    assert [i.key() for i in result.issues] == [("data-dir-missing", str(data), None, None, None)]
    assert not result.ok


def test_council_late_is_a_warning_that_keeps_the_decision(tmp_path: Path):
    result = run(CONFIG, council(bang_khen(dt.date(2020, 1, 21)))(tmp_path / "data"))
    (late,) = result.issues
    assert late.severity == "warning"
    assert "21/01/2020" in late.message and "20/01/2020" in late.message
    assert result.dataset.council is not None and len(result.dataset.council) == 1


# --- the meta-test -------------------------------------------------------------------------

_DOCUMENTED = re.compile(r"^\| `([a-z0-9-]+)` \| (?:error|warning) \|", re.M)


def _asserted_strings(tree: ast.AST) -> set[str]:
    """String constants inside asserts, upper-case module tables and parametrize lists."""
    contexts: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert):
            contexts.append(node)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if all(isinstance(t, ast.Name) and t.id.isupper() for t in targets):
                contexts.append(node)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize":
            contexts.append(node)
    return {
        c.value
        for context in contexts
        for c in ast.walk(context)
        if isinstance(c, ast.Constant) and isinstance(c.value, str)
    }


def test_every_documented_code_is_asserted_by_a_test():
    doc = (ROOT / "docs" / "issue-codes.md").read_text(encoding="utf-8")
    documented = set(_DOCUMENTED.findall(doc))
    assert len(documented) > 40
    asserted: set[str] = set()
    for path in (ROOT / "tests").rglob("*.py"):
        asserted |= _asserted_strings(ast.parse(path.read_text(encoding="utf-8")))
    assert documented <= asserted, sorted(documented - asserted)
