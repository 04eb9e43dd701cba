"""The city-wide sample campaigns (issue 11, must show 6) against the hand-computed oracle
in tests/city_expectations.py: every nominee's and every agency's status, rank and criteria.

The 2020 campaign uses the rule vocabulary (compare, rating_at_least, lookback, count_rows),
award routes, a share quota and a minimum vote share; the 2019 one, the founding vocabulary.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from generator.judge.pipeline import Result, run
from tests import city_expectations as expected
from tests.builders.city_campaign import main as write_city

ROOT = Path(__file__).resolve().parent.parent
CONFIG_2019 = ROOT / "site_config" / "cantho-2019.yml"
CONFIG_2020 = ROOT / "site_config" / "cantho-2020.yml"


@pytest.fixture(scope="module")
def result_2019() -> Result:
    return run(CONFIG_2019, ROOT / expected.CAMPAIGN_2019)


@pytest.fixture(scope="module")
def result_2020() -> Result:
    return run(CONFIG_2020)


def _got(result: Result, kind: str) -> dict[str, tuple[str, int | None, dict[str, bool]]]:
    return {
        o.key: (o.status.value, o.rank, {c.id: c.met for c in o.criteria})
        for o in result.outcomes
        if o.kind == kind
    }


# --------------------------------------------------------------------------- the data
def test_the_committed_data_is_what_the_builder_writes(tmp_path: Path) -> None:
    assert write_city([str(tmp_path)]) == 0
    for year in ("2019", "2020"):
        committed, fresh = ROOT / "data" / f"cantho-{year}", tmp_path / f"cantho-{year}"
        files = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
        assert files == sorted(
            p.relative_to(committed) for p in committed.rglob("*") if p.is_file()
        )
        _, mismatch, errors = filecmp.cmpfiles(
            committed, fresh, [str(f) for f in files], shallow=False
        )
        assert (mismatch, errors) == ([], []), year


def test_the_data_says_it_is_fictional() -> None:
    for year in ("2019", "2020"):
        readme = (ROOT / "data" / f"cantho-{year}" / "README.md").read_text(encoding="utf-8")
        assert "Dữ liệu hư cấu" in readme and "nobody in these lists is a real person" in readme


# --------------------------------------------------------------------------- 2019
def test_2019_validates_with_the_founding_vocabulary_and_no_issue(result_2019: Result) -> None:
    assert result_2019.config is not None and result_2019.issues == []
    for count in result_2019.dataset.counts:
        assert count.read == count.accepted and count.rejected == 0
    got = {
        "units": len(result_2019.dataset.units),
        "nominees": len(result_2019.dataset.nominees),
        "initiatives": len(result_2019.dataset.initiatives),
        "discipline": len(result_2019.dataset.disciplines),
    }
    assert got == expected.COUNTS_2019


def test_2019_every_nominee(result_2019: Result) -> None:
    assert _got(result_2019, "individual") == expected.INDIVIDUALS_2019


def test_2019_every_agency(result_2019: Result) -> None:
    assert _got(result_2019, "collective") == expected.COLLECTIVES_2019
    counts = {
        o.key: o.recognised_initiatives for o in result_2019.outcomes if o.kind == "collective"
    }
    assert counts == expected.DEPARTMENT_INITIATIVES_2019


def test_the_2020_data_is_clean_under_the_2019_rules(tmp_path: Path) -> None:
    """The 2020 spreadsheets read under the same contract with founding-vocabulary rules:
    every row accepted, no issue. What the 2020 rules decide is tested below."""
    result = run(CONFIG_2019, ROOT / expected.CAMPAIGN_2020)
    assert result.config is not None and result.issues == []
    assert len(result.dataset.nominees) == expected.COUNTS_2020["nominees"]
    scores = {s.unit: dict(s.extra)["cchc_index"] for s in result.dataset.submissions.values()}
    assert scores == {
        "SNV": 95.5, "STTTT": 95.5, "STP": 93, "BDT": 92, "BHXH": 90, "QNK": 89.9, "QCR": 94,
        "HPD": 91.25,
    }  # fmt: skip


# --------------------------------------------------------------------------- 2020
def test_2020_loads_and_warns_only_of_the_lower_form_nominees(result_2020: Result) -> None:
    assert result_2020.ok
    assert {i.code for i in result_2020.issues} == {"award-lower-form"}
    nominees = {(n.loc.file, n.loc.row): n.staff_code for n in result_2020.dataset.nominees}
    told = {nominees[(i.file, i.row)]: (i.file, i.row) for i in result_2020.issues}
    assert told == expected.LOWER_FORM_ONLY
    assert all(i.sheet == "Cá nhân" for i in result_2020.issues)


def test_2020_every_nominee(result_2020: Result) -> None:
    assert _got(result_2020, "individual") == expected.INDIVIDUALS_2020


def test_2020_cn4_counts_both_years_by_staff_code(result_2020: Result) -> None:
    got = {o.key: o.counts["CN4"] for o in result_2020.outcomes if o.kind == "individual"}
    want = {key: expected.CN4_COUNTS_2020.get(key, 0) for key in expected.INDIVIDUALS_2020}
    assert got == want


def test_2020_every_agency(result_2020: Result) -> None:
    assert _got(result_2020, "collective") == expected.COLLECTIVES_2020


def test_2020_every_status_of_the_design_occurs(result_2020: Result) -> None:
    statuses = {o.status.value for o in result_2020.outcomes}
    assert statuses == {
        "not-eligible", "dossier-incomplete", "late", "within-quota", "over-quota", "tie",
        "lower-form-only", "below-vote-share",
    }  # fmt: skip


def test_templates_follow_the_city_contract_and_a_filled_one_gives_the_same_result(
    tmp_path: Path, result_2019: Result
) -> None:
    """`thidua templates` for the 2019 campaign: the agencies' own headers (Chỉ số CCHC
    included); SNV's template filled with SNV's 2019 rows, in place of its file, changes
    nothing."""
    import shutil

    import openpyxl

    from generator.tools.blank import write_templates
    from tests.builders import city_campaign as city

    assert result_2019.config is not None
    out = tmp_path / "mau"
    write_templates(result_2019.dataset.units, result_2019.config, out)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{code}.xlsx" for code, *_ in city.AGENCIES_2019] + ["sang-kien.xlsx"]
    )
    contract = result_2019.config.data_contract
    book = openpyxl.load_workbook(out / "SNV.xlsx")
    for sheet_id in ("submission", "nominees"):
        sheet = contract.sheet(sheet_id)
        assert [c.value for c in book[sheet.name][1]] == [c.header for c in sheet.columns]
    assert "Chỉ số CCHC" in [c.value for c in book["Tập thể"][1]]
    assert book["Tập thể"]["A2"].value == "SNV"

    data = tmp_path / "data"
    shutil.copytree(ROOT / expected.CAMPAIGN_2019, data)
    sheets = (
        city._submission("SNV", city.COLLECTIVES_2019["SNV"], 2019),
        city._nominees(city.NOMINEES_2019["SNV"]),
    )
    for ws, rows in zip((book["Tập thể"], book["Cá nhân"]), sheets, strict=True):
        columns = {c.value: c.column for c in ws[1]}
        for r, row in enumerate(rows[1:], start=2):
            for header, value in zip(rows[0], row, strict=True):
                if value is not None:
                    ws.cell(row=r, column=columns[header], value=value)
    book.save(data / "ho-so" / "SNV.xlsx")
    again = run(CONFIG_2019, data)
    assert again.issues == []
    assert _got(again, "individual") == expected.INDIVIDUALS_2019
    assert _got(again, "collective") == expected.COLLECTIVES_2019
