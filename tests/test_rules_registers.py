"""Registers and ratings as the contract declares them (issue 11, item 2).

A register the judge does not know (the ``training`` register of tests/builders/
rules_project.py's preset) is read and validated by its declared columns alone, its rejected
rows counted like any sheet's, and none of it reaches the site. Ratings are the preset's own,
best first: the reader, the rules, the templates and the pages follow them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from generator.judge.model import Unit
from generator.judge.pipeline import run
from generator.site.bundle import make_bundle
from generator.tools.blank import write_templates
from tests.builders.mini import Mini
from tests.builders.rules_project import TRAINING, Project, criterion, with_extras

COUNT = "{type: count_rows, register: training, by: staff_code, where: [{column: hours, op: ge, value: 20}]}"


def test_an_unknown_register_is_validated_by_its_declared_columns(tmp_path: Path) -> None:
    rows = [
        *TRAINING,
        ["A2", "Trần Thị Cúc", "A", "Bơi lội", 30, None, None],  # not a declared course
        ["A2", "Trần Thị Cúc", "A", "CCHC", None, None, None],  # hours are required
        TRAINING[0],  # the same row again (the sheet has no unique key)
    ]
    done = run(Project(tmp_path).campaign("thu", criterion("CN1", COUNT), training=rows))
    located = sorted(
        (i.code, i.file, i.sheet, i.row, i.column) for i in done.issues if i.file == "hoc-tap.xlsx"
    )
    assert located == [
        ("row-duplicate", "hoc-tap.xlsx", "Học tập", 8, None),
        ("value-missing", "hoc-tap.xlsx", "Học tập", 7, "E"),
        ("value-not-allowed", "hoc-tap.xlsx", "Học tập", 6, "D"),
    ]
    (count,) = [c for c in done.dataset.counts if c.file == "hoc-tap.xlsx"]
    assert (count.read, count.accepted, count.rejected) == (7, 4, 3)
    assert [(r.loc.row, r.get("course"), r.get("hours")) for r in done.dataset.registers["training"]] == [
        (2, "CCHC", 40.0), (3, "CNTT", 16.0), (4, "CCHC", 24.0), (5, "Ngoại ngữ", 60.0),
    ]  # fmt: skip
    rejected = {
        (r.file, r.row): r.reasons for r in done.dataset.rejected if r.file == "hoc-tap.xlsx"
    }
    assert rejected == {
        ("hoc-tap.xlsx", 6): ("value-not-allowed",),
        ("hoc-tap.xlsx", 7): ("value-missing",),
        ("hoc-tap.xlsx", 8): ("row-duplicate",),
    }


def test_nothing_of_a_register_reaches_the_site(tmp_path: Path) -> None:
    config = Project(tmp_path).campaign("thu", criterion("CN1", COUNT))
    bundle = make_bundle(config, with_history=False)
    assert bundle.ok, [i.code for i in bundle.issues]
    texts = [*bundle.pages.values(), *(b.decode("utf-8", "replace") for b in bundle.files.values())]
    # The rule says itself (its register's sheet name, the column it tests) and its count;
    # the register's rows, its other headers and its internal values never appear.
    for marker in (
        "QZXSECRET",
        "QZXMENTOR",
        "Ngoại ngữ",
        "Khóa học",
        "Ngày hoàn thành",
        "Ghi chú riêng",
    ):
        assert not any(marker in t for t in texts), marker
    assert not any(
        "hoc-tap" in name or "training" in name for name in [*bundle.pages, *bundle.files]
    )
    assert "“Số giờ” từ 20 trở lên" in bundle.pages["tieu-chi/index.md"]


RATINGS = [
    {"code": "XS", "label": "Xuất sắc"},
    {"code": "T", "label": "Tốt"},
    {"code": "D", "label": "Đạt"},
]


def rated(values: dict[str, str]) -> Mini:
    mini = with_extras(Mini())
    for rows in mini.nominees.values():
        for row in rows:
            row["Xếp loại"] = values[str(row["Mã CB"])]
    for rows in mini.submissions.values():
        for row in rows:
            row["Xếp loại"] = "Xuất sắc"
    return mini


def test_ratings_are_the_presets_own_best_first(tmp_path: Path) -> None:
    project = Project(tmp_path, ratings=RATINGS)
    mini = rated({"A1": "XS", "A2": "tốt", "B1": "Đạt", "B2": "HTXSNV"})
    rules = "\n".join(
        [
            criterion("CN1", "{type: rating_at_least, rating: T}"),
            criterion("CN2", "{type: compare, column: rating, op: lt, value: XS}"),
        ]
    )
    done = run(project.campaign("thu", rules, mini=mini))
    assert [(i.code, i.file, i.row, i.column) for i in done.issues if i.is_error] == [
        ("value-not-allowed", "de-nghi/B.xlsx", 3, "F")  # HTXSNV is not a rating of this preset
    ]
    assert {n.staff_code: n.rating for n in done.dataset.nominees} == {
        "A1": "XS",
        "A2": "T",
        "B1": "D",
    }
    met = {
        c: {o.key for o in done.outcomes if o.kind == "individual" and o.criteria[n].met}
        for n, c in enumerate(("CN1", "CN2"))
    }
    assert met == {"CN1": {"A1", "A2"}, "CN2": {"A2", "B1"}}


def test_templates_and_pages_show_the_presets_ratings(tmp_path: Path) -> None:
    project = Project(tmp_path, ratings=RATINGS)
    mini = rated({"A1": "XS", "A2": "T", "B1": "D", "B2": "T"})
    config_path = project.campaign(
        "thu", criterion("CN1", "{type: rating_at_least, rating: T}"), mini=mini
    )
    bundle = make_bundle(config_path, with_history=False)
    assert bundle.ok, [i.code for i in bundle.issues]
    assert (
        "Được xếp loại từ mức “Tốt” (T) trở lên (các mức đạt: “Xuất sắc”, “Tốt”)."
        in bundle.pages["tieu-chi/index.md"]
    )
    people = bundle.files["du-lieu-mo/ca-nhan.json"].decode("utf-8")
    assert '"xep_loai": "Xuất sắc"' in people and "Hoàn thành" not in people
    assert bundle.view is not None
    (written, *_) = write_templates(
        [Unit("A", "Phòng Alpha", None, None, mini_loc())], bundle.view.config, tmp_path / "mau"
    )
    with zipfile.ZipFile(written) as book:
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    assert (
        "Xuất sắc" in strings and "Đạt" in strings and "Hoàn thành xuất sắc nhiệm vụ" not in strings
    )


def mini_loc():  # type: ignore[no-untyped-def]
    from generator.judge.model import Loc

    return Loc("don-vi.xlsx", "Đơn vị", 2)
