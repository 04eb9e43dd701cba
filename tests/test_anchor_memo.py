"""The raw pages' anchor ids kept between builds (publish/anchor_memo.py): the date paragraph
never changes a block's ids, wherever it is planted and whatever day it says (hypothesis,
against the scan itself); kept ids are used for another day's block; a value of the wrong
shape is not trusted; no cache, no file."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.publish.anchor_memo import AnchorMemo, memo_key, memo_version
from generator.publish.build_memo import PageMemo
from generator.publish.raw_pages import anchor_ids
from generator.site.pages.renderer import UNKNOWN_DATE

OPENING = '<p class="thidua-updated" data-search-exclude>Dữ liệu cập nhật lần cuối: '
KNOWN = OPENING + '<time datetime="{}">{}</time>.</p>'
UNKNOWN = OPENING + f"{UNKNOWN_DATE}.</p>"

# Pieces of HTML as our templates make them, and broken ones that leave a tag open.
PIECES = st.sampled_from(
    [
        '<h2 id="a">A</h2>',
        '<a name="n-1">',
        '<a href="#x" id="b">',
        '<div id="c" class="d">',
        "<span>",
        "</span>",
        '<a href="x',
        '<a id="open',
        "<a name=",
        ' id="t" ',
        "<",
        ">",
        "text",
        '"',
        "<time>",
        "<p",
        '<p class="thidua-updated"',
        "</p>",
        "&amp;",
    ]
)
DATES = st.sampled_from(
    [
        KNOWN.format("2025-12-03", "03/12/2025"),
        KNOWN.format("2026-01-31", "31/01/2026"),
        UNKNOWN,
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=12), st.lists(PIECES, max_size=12), DATES, DATES)
def test_the_date_paragraph_never_changes_the_ids(before, after, one, two):
    head, tail = "".join(before), "".join(after)
    assert anchor_ids(head + one + tail) == anchor_ids(head + two + tail)


def _memo(tmp_path) -> AnchorMemo:
    return AnchorMemo(PageMemo.open("anchors", memo_version(), root=tmp_path))


BLOCK = '<div class="x"><h2 id="dv-1">Phòng A</h2>{}<a name="cn-2"></a></div>'


def test_another_day_s_block_gets_the_kept_ids(tmp_path):
    first = _memo(tmp_path)
    today = BLOCK.format(KNOWN.format("2025-12-03", "03/12/2025"))
    assert first.ids(today) == {"dv-1", "cn-2"}
    first.save()
    again = _memo(tmp_path)
    tomorrow = BLOCK.format(KNOWN.format("2025-12-04", "04/12/2025"))
    assert memo_key(again.memo.version, today) == memo_key(again.memo.version, tomorrow)
    assert again.ids(tomorrow) == {"dv-1", "cn-2"}
    assert again.memo.stats.hits == 1 and again.memo.stats.stored == 0
    assert again.report() == "anchor-memo kept 1 made 0\n"
    for changed in (tomorrow.replace("cn-2", "cn-3"), tomorrow.replace("dv-1", "dv-9")):
        assert again.ids(changed) == anchor_ids(changed)  # a changed page is scanned again


def test_a_kept_value_of_the_wrong_shape_is_scanned_again(tmp_path):
    memo = _memo(tmp_path)
    block = BLOCK.format(UNKNOWN)
    memo.memo.put(memo_key(memo.memo.version, block), [1, 2])
    assert memo.ids(block) == {"dv-1", "cn-2"}
    memo.memo.put(memo_key(memo.memo.version, '<b id="z">'), "z")
    assert memo.ids('<b id="z">') == {"z"}


def test_a_block_without_one_date_paragraph_is_keyed_whole(tmp_path):
    memo = _memo(tmp_path)
    version = memo.memo.version
    assert memo_key(version, '<b id="a">') != memo_key(version, '<b id="b">')
    twice = BLOCK.format(UNKNOWN * 2)
    assert memo_key(version, twice) != memo_key(version, BLOCK.format(UNKNOWN))
    assert memo.ids(twice) == {"dv-1", "cn-2"}
    memo.save()
    saved = (tmp_path / "build" / "anchors.json").read_text("utf-8")
    assert json.loads(saved.partition("\n")[2]) == {memo_key(version, twice): ["cn-2", "dv-1"]}


def test_no_cache_no_memo_and_no_file(tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("THIDUA_NO_CACHE", "1")
    memo = AnchorMemo.open()
    assert memo.memo is None and memo.ids('<b id="a">') == {"a"}
    memo.save()
    assert memo.report() == "anchor-memo off\n" and not (tmp_path / "build").exists()
