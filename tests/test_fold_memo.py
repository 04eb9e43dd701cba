"""The search index's folded texts kept between builds (publish/fold_memo.py): the index
folded through the memo is the index folded without it, a second build takes the kept texts,
a kept value that is not text is folded again, and no cache means no memo file; the folding
pass of a built site writes the same bytes with and without the memo."""

from __future__ import annotations

import json

from generator.publish import fold_memo
from generator.publish.build_memo import PageMemo
from generator.publish.passes import SEARCH_JSON, fold_search_files
from generator.site.search_index import fold_html, fold_index

LONG = "<p>Nguyễn Văn An — Phòng Hành chính, đạt danh hiệu Chiến sĩ thi đua cơ sở năm 2019</p>"
INDEX = {
    "config": {"fields": {"title": {"boost": 1000}, "text": {"boost": 1}}},
    "docs": [
        {"location": "don-vi/a/#p-nguyen-van-an", "title": "Nguyễn Văn An", "text": LONG},
        {"location": "don-vi/b/", "title": "Phòng Tổng hợp", "text": LONG.replace("An", "Ân")},
    ],
}


def _memo(tmp_path) -> PageMemo:
    return PageMemo.open(fold_memo.MEMO_NAME, fold_memo.memo_version(), root=tmp_path)


def test_folding_through_the_memo_gives_the_same_index_and_keeps_long_texts(tmp_path):
    first = _memo(tmp_path)
    assert fold_index(INDEX, fold_memo.folder(first)) == fold_index(INDEX)
    assert first.stats.stored == 2  # the two long texts; the titles are short
    first.save()
    again = _memo(tmp_path)
    assert fold_index(INDEX, fold_memo.folder(again)) == fold_index(INDEX)
    assert (again.stats.hits, again.stats.stored) == (2, 0)


def test_a_kept_value_that_is_not_text_is_folded_again(tmp_path):
    memo = _memo(tmp_path)
    fold = fold_memo.folder(memo)
    fold(LONG)
    key = next(iter(memo._new))
    memo._new[key] = ["not", "text"]
    assert fold(LONG) == fold_html(LONG)


def test_the_pass_writes_the_same_bytes_with_and_without_the_memo(tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path / "cache"))
    written = []
    for run in ("cold", "warm", "off"):
        if run == "off":
            monkeypatch.setenv("THIDUA_NO_CACHE", "1")
        site = tmp_path / run
        (site / "search").mkdir(parents=True)
        (site / SEARCH_JSON).write_text(json.dumps(INDEX, ensure_ascii=False), "utf-8")
        fold_search_files(site)
        written.append((site / SEARCH_JSON).read_bytes())
    assert written[0] == written[1] == written[2]
    assert (tmp_path / "cache" / "build" / "search-folds.json").is_file()
    assert fold_memo.open_memo() is None  # THIDUA_NO_CACHE: no memo
