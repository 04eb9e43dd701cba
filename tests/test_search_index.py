"""The folded copy of Material's search index (diacritic-insensitive search)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from generator.read.text import fold
from generator.site.search_index import (
    FOLDED_FIELDS,
    PERSON_BOOST,
    fold_html,
    fold_index,
    fold_index_file,
)

INDEX = {
    "config": {
        "lang": ["vi"],
        "separator": "[\\s\\-]+",
        "pipeline": ["stopWordFilter"],
        "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}},
    },
    "docs": [
        {"location": "don-vi/th/", "title": "Phòng Tổng hợp", "text": "<p>Hồ sơ đề nghị</p>"},
        {
            "location": "don-vi/th/#p-dang-thi-thuy-dung",
            "title": "Đặng Thị Thùy Dung",
            "text": "<p>Chức vụ Chuyên viên</p> <ul><li>CN1: ✓ Đạt</li></ul>",
        },
        {
            "location": "sang-kien/#x",
            "title": "&lt;script&gt;alert(1)&lt;/script&gt; Đường dây nóng",
            "text": "<p>a &amp; b &lt;img src=x&gt;</p>",
        },
    ],
}


def test_fold_html_strips_markup_and_folds() -> None:
    assert fold_html("<p>Nguyễn <strong>VĂN</strong> An</p>") == "nguyen van an"
    assert fold_html("Đặng Thị Thùy Dung") == "dang thi thuy dung"
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Ân")
    assert fold_html(decomposed) == fold_html("Nguyễn Văn Ân") == "nguyen van an"
    # entities are decoded, but the folded text never holds markup characters
    assert fold_html("a &amp; b &lt;img src=x&gt;") == "a b img src=x"


def test_fold_index_adds_hidden_fields_and_keeps_the_shown_text() -> None:
    folded = fold_index(INDEX)
    fields = folded["config"]["fields"]
    for name, source in FOLDED_FIELDS.items():
        assert fields[name] == {"boost": fields[source]["boost"]}
    assert fields["title"] == {"boost": 1000.0}  # Material's own fields are left as they are
    for before, after in zip(INDEX["docs"], folded["docs"], strict=True):
        assert after["title"] == before["title"] and after["text"] == before["text"]
        assert after["location"] == before["location"]
        assert after["folded_title"] == fold_html(before["title"])
        assert "<" not in after["folded_text"] and ">" not in after["folded_text"]
    person = folded["docs"][1]
    assert person["folded_title"] == fold("Đặng Thị Thùy Dung") == "dang thi thuy dung"
    assert person["boost"] == PERSON_BOOST
    assert "boost" not in folded["docs"][0]
    assert fold_index(folded) == folded  # idempotent
    assert "folded_title" not in INDEX["docs"][0]  # input untouched


def test_fold_index_file(tmp_path: Path) -> None:
    path = tmp_path / "search_index.json"
    assert not fold_index_file(path)
    path.write_text(json.dumps(INDEX), encoding="utf-8")
    assert fold_index_file(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["docs"][1]["folded_title"] == "dang thi thuy dung"
    assert "Đặng Thị Thùy Dung" in path.read_text(encoding="utf-8")  # UTF-8, not \\u escapes
