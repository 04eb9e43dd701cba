"""The policy memo (publish/csp_memo.py) across dates: whatever the page and wherever its date
paragraph sits (text, script, style, comment, attribute value), the policy the memo gives for
the next day's page is the one a full parse of that page gives; a date in plain text is kept."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.publish import csp, csp_memo
from generator.publish.build_memo import PageMemo

PARA = (
    '<p class="thidua-updated" data-search-exclude>Dữ liệu cập nhật lần cuối: '
    '<time datetime="{}">{}</time>.</p>'
)
DAY1, DAY2 = PARA.format("2026-12-03", "03/12/2026"), PARA.format("2026-12-04", "04/12/2026")
PIECES = [
    "<script>", "</script>", "<style>", "</style>", "<!--", "-->", "<div title='", "'>",
    '<p style="color:red">', "</p>", "x", '<form action="a/">', "&amp;", "<", "<b>", "</b>",
    "<script>var a = 1;</script>", "<style>p{}</style>", '<span style="x">y</span>',
]  # fmt: skip


def _memo(tmp: Path) -> PageMemo:
    return PageMemo.open("csp", csp_memo.memo_version(), root=tmp)


def _page(before: str, after: str, para: str) -> str:
    return f"<html><head><meta charset='utf-8'></head><body>{before}{para}{after}</body></html>"


def test_a_date_in_plain_text_is_kept_and_gives_the_full_parse_s_policy(tmp_path):
    memo = _memo(tmp_path)
    before, after = "<article><script>var a;</script><h1>A</h1>", '<p style="x">b</p></article>'
    first = csp_memo.policy(_page(before, after, DAY1), form_action=None, memo=memo)
    assert first == csp.policy(_page(before, after, DAY1))
    assert memo.stats.stored == 1
    memo.save()
    memo = _memo(tmp_path)  # the next build
    second = csp_memo.policy(_page(before, after, DAY2), form_action=None, memo=memo)
    assert memo.stats.hits == 1
    assert second == csp.policy(_page(before, after, DAY2))


def test_a_date_inside_a_script_is_never_kept(tmp_path):
    memo = _memo(tmp_path)
    before, after = "<script>var d = '", "';</script>"
    first = csp_memo.policy(_page(before, after, DAY1), form_action=None, memo=memo)
    memo.save()
    memo = _memo(tmp_path)
    second = csp_memo.policy(_page(before, after, DAY2), form_action=None, memo=memo)
    assert memo.stats.stored == 0 and memo.stats.hits == 0
    assert second == csp.policy(_page(before, after, DAY2)) != first


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=8),
    st.lists(st.sampled_from(PIECES), max_size=8),
    st.sampled_from([None, "https://gop-y.example.vn"]),
)
def test_the_memo_never_gives_another_policy_than_a_full_parse(before, after, origin):
    memo = PageMemo(None, "csp", csp_memo.memo_version())  # in memory, never written
    head, tail = "".join(before), "".join(after)
    for para in (DAY1, DAY2, DAY1):
        page = _page(head, tail, para)
        got = csp_memo.policy(page, form_action=origin, memo=memo)
        assert got == csp.policy(page, form_action=origin)
