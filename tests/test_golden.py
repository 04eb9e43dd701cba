"""Golden files: rendered page sources and downloads of the sample campaign, byte for byte.

A change to rendering or to the sample data shows here as a readable diff. After checking
the diff, refresh the files with ``THIDUA_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
(with the project's Python).
"""

import os
from pathlib import Path

import pytest

from generator.site.bundle import make_bundle

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
OUTPUTS = [
    "tieu-chi/index.md",
    "ket-qua/tap-the/index.md",
    "du-lieu-mo/tap-the.json",
    "du-lieu-mo/ca-nhan.csv",
]


@pytest.fixture(scope="module")
def bundle():
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1577836800"  # 01/01/2020
    try:
        return make_bundle(ROOT / "site_config" / "vpubnd-cantho-2019.yml")
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


@pytest.mark.parametrize("path", OUTPUTS)
def test_output_matches_golden_file(bundle, path):
    produced = bundle.pages.get(path)
    data = produced.encode("utf-8") if produced is not None else bundle.files[path]
    golden = GOLDEN / path.replace("/", "__")
    if os.environ.get("THIDUA_UPDATE_GOLDEN") == "1":
        golden.write_bytes(data)
    assert golden.exists(), f"no golden file {golden.name}: run with THIDUA_UPDATE_GOLDEN=1"
    if data != golden.read_bytes():
        assert data.decode("utf-8-sig") == golden.read_bytes().decode("utf-8-sig")
        assert data == golden.read_bytes()  # same text, different bytes (BOM, line ends)
