"""Complete open data (issue 5, must show 6).

On the built sample site: ``du-lieu.xlsx`` has a sheet per table holding exactly what the CSV
hold; ``datapackage.json`` is a valid Frictionless Data Package (validated with the
``frictionless`` library, data included) whose every field is typed, titled and described in
Vietnamese; ``SHA256SUMS`` lists every download with its correct hash; CSV are UTF-8 with a
BOM; JSON records carry the fields of SPEC §5 in a fixed order, and only published columns.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest

from generator.judge.model import Status
from tests.builders import founding as schema
from tests.safety.sites import sample_site

TABLES = ("ca-nhan", "tap-the", "sang-kien", "vinh-danh")
PEOPLE_FIELDS = [
    "ma_don_vi", "don_vi", "ho_ten", "chuc_vu", "xep_loai", "nhiem_vu_dung_han", "phieu_dong_y",
    "hinh_thuc_de_nghi", "so_sang_kien", "tieu_chi", "du_dieu_kien", "ho_so", "trang_thai",
    "trang_thai_mo_ta", "trang_thai_theo_tieu_chi", "xep_hang", "khen_thuong",
    "ket_qua_hoi_dong", "so_quyet_dinh", "ngay_quyet_dinh", "so_de_nghi", "ngay_de_nghi",
    "khac_ket_qua_tieu_chi",
]  # fmt: skip
COLLECTIVE_FIELDS = [
    "ma_don_vi", "don_vi", "xep_loai", "hinh_thuc_de_nghi", "so_sang_kien", "tieu_chi",
    "du_dieu_kien", "ho_so", "trang_thai", "trang_thai_mo_ta", "trang_thai_theo_tieu_chi",
    "xep_hang", "khen_thuong", "ket_qua_hoi_dong", "so_quyet_dinh", "ngay_quyet_dinh",
    "so_de_nghi", "ngay_de_nghi", "khac_ket_qua_tieu_chi",
]  # fmt: skip
SPEC_PEOPLE = ["ma_don_vi", "don_vi", "ho_ten", "chuc_vu", "tieu_chi", "du_dieu_kien", "trang_thai"]
SPEC_COLLECTIVE = ["ma_don_vi", "don_vi", "tieu_chi", "du_dieu_kien", "trang_thai"]
# Field names an internal column would get (schema.py public=False), never in a download.
INTERNAL_NAMES = {"ma_cb", "ngay_sinh", "dien_thoai", "ghi_chu", "ky_luat", "stt", "hinh_thuc_kl"}
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_site(tmp_path_factory) / "du-lieu-mo"


def _csv(folder: Path, name: str) -> list[list[str]]:
    raw = (folder / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), name  # UTF-8 BOM, for Excel
    raw.decode("utf-8")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_downloads_are_all_there(folder: Path) -> None:
    names = sorted(p.name for p in folder.iterdir())
    expected = sorted(
        [f"{t}.{ext}" for t in TABLES for ext in ("csv", "json")]
        + ["du-lieu.xlsx", "datapackage.json", "SHA256SUMS", "index.html"]
    )
    assert names == expected


def test_checksums_list_every_download_correctly(folder: Path) -> None:
    lines = (folder / "SHA256SUMS").read_text(encoding="ascii").splitlines()
    listed = {}
    for line in lines:
        match = re.fullmatch(r"([0-9a-f]{64})  (\S+)", line)  # the `sha256sum -c` format
        assert match, line
        listed[match.group(2)] = match.group(1)
    downloads = {p.name for p in folder.iterdir()} - {"index.html", "SHA256SUMS"}
    assert set(listed) == downloads
    for name, digest in listed.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    page = (folder / "index.html").read_text(encoding="utf-8")
    for digest in listed.values():
        assert digest in page  # the open-data page shows the same hashes


def test_json_records_carry_the_spec_fields_in_fixed_order(folder: Path) -> None:
    people = json.loads((folder / "ca-nhan.json").read_bytes())
    collectives = json.loads((folder / "tap-the.json").read_bytes())
    assert people and collectives
    statuses = {s.value for s in Status}
    for records, fields, spec, prefix in (
        (people, PEOPLE_FIELDS, SPEC_PEOPLE, "CN"),
        (collectives, COLLECTIVE_FIELDS, SPEC_COLLECTIVE, "TT"),
    ):
        assert [f for f in fields if f in spec] == spec
        for r in records:
            assert list(r) == fields
            assert isinstance(r["du_dieu_kien"], bool) and r["trang_thai"] in statuses
            assert r["tieu_chi"] and all(k.startswith(prefix) for k in r["tieu_chi"])
            assert all(isinstance(v, bool) for v in r["tieu_chi"].values())
            assert r["du_dieu_kien"] == all(r["tieu_chi"].values())


def test_only_published_columns(folder: Path) -> None:
    package = json.loads((folder / "datapackage.json").read_bytes())
    names = {f["name"] for res in package["resources"] for f in res["schema"]["fields"]}
    for table in TABLES:
        names |= set(_csv(folder, table)[0])
        for record in json.loads((folder / f"{table}.json").read_bytes()):
            names |= set(record)
    assert not names & INTERNAL_NAMES
    internal = {c.header for s in schema.ALL_SHEETS for c in s.columns if not c.public}
    titles = {f["title"] for res in package["resources"] for f in res["schema"]["fields"]}
    # (headers such as "Họ và tên" or "Hình thức" are public in one sheet, internal in another)
    assert not titles & {h for h in internal if h.startswith(("Mã CB", "Ngày sinh", "Điện", "Ghi"))}


def test_workbook_has_a_sheet_per_table_equal_to_the_csv(folder: Path) -> None:
    book = openpyxl.load_workbook(folder / "du-lieu.xlsx")
    assert book.sheetnames == list(TABLES)
    for table in TABLES:
        rows = _csv(folder, table)
        sheet = [
            ["" if v is None else _text(v) for v in row]
            for row in book[table].iter_rows(values_only=True)
        ]
        width = len(rows[0])
        assert [r + [""] * (width - len(r)) for r in sheet] == rows, table


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "date"):  # a date cell comes back as a datetime
        return value.date().isoformat()  # type: ignore[attr-defined]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_datapackage_is_valid_and_described_in_vietnamese(folder: Path) -> None:
    from frictionless import validate

    report = validate(str(folder / "datapackage.json"))
    errors = [e.message for task in report.tasks for e in task.errors] + [
        e.message for e in report.errors
    ]
    assert report.valid, errors[:10]
    assert {t.name for t in report.tasks} == set(TABLES)
    package = json.loads((folder / "datapackage.json").read_bytes())
    assert package["name"] and VIETNAMESE.search(package["title"])
    assert package["licenses"] and package["resources"]
    allowed = {"string", "integer", "number", "boolean", "date"}
    for res in package["resources"]:
        assert res["path"] == f"{res['name']}.csv" and res["encoding"] == "utf-8-sig"
        assert VIETNAMESE.search(res["title"] + res["description"]), res["name"]
        header = _csv(folder, res["name"])[0]
        assert [f["name"] for f in res["schema"]["fields"]] == header
        for f in res["schema"]["fields"]:
            assert f["type"] in allowed, f
            assert f["title"].strip() and f["description"].strip(), f
            assert VIETNAMESE.search(f["title"] + " " + f["description"]), f
    status = next(
        f for res in package["resources"] for f in res["schema"]["fields"]
        if f["name"] == "trang_thai"
    )  # fmt: skip
    # The statuses the founding campaign can give: every one but those of award routes
    # (lower-form-only) and a minimum vote share (below-vote-share), which it has neither of.
    added = {Status.LOWER_FORM_ONLY, Status.BELOW_VOTE_SHARE}
    assert status["constraints"]["enum"] == [s.value for s in Status if s not in added]


def test_datapackage_refuses_a_tampered_file(folder: Path, tmp_path: Path) -> None:
    """The validation is real: a status outside the list or a broken boolean is reported."""
    from frictionless import validate

    for p in folder.iterdir():
        (tmp_path / p.name).write_bytes(p.read_bytes())
    text = (tmp_path / "tap-the.csv").read_bytes().decode("utf-8-sig")
    header, first, *rest = text.split("\r\n")
    cells = next(csv.reader([first]))
    cells[header.split(",").index("trang_thai")] = "bogus"
    cells[header.split(",").index("du_dieu_kien")] = "có lẽ"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    joined = "\r\n".join([header, out.getvalue().rstrip("\r\n"), *rest])
    (tmp_path / "tap-the.csv").write_bytes(joined.encode("utf-8-sig"))
    report = validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    task = next(t for t in report.tasks if t.name == "tap-the")
    assert {e.type for e in task.errors} == {"constraint-error", "type-error"}
