"""Internal documents show only the internal columns their config declares (issue 13, must
show 4). The privacy test's planted campaign (a unique marker in every internal column, a
self-reported and a registered discipline) is made into documents; every XML part of the
.docx and .xlsx files and the PDF's extracted text are searched: no staff code, phone, note,
discipline detail or full birth date; the year of birth only on the Council list, which
declares it. A column a document does not declare never appears, even a campaign's own extra
internal column, until the config declares it."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import pytest

from generator.documents import names
from generator.documents.bundle import render
from generator.judge.pipeline import run
from tests.builders import founding as schema
from tests.builders.documents import pdf_pages_text
from tests.safety.sites import CONFIG
from tests.test_privacy import BIRTHS, EXTRA_CONTRACT, REFEREES, planted, write_planted


def texts_of(files: dict[str, bytes]) -> dict[str, str]:
    """Document label → its text: every zip part of an Office file, the PDF's extracted text."""
    found = {}
    for name, data in files.items():
        if name.endswith(".pdf"):
            found[name] = unicodedata.normalize("NFC", "\n".join(pdf_pages_text(data)))
            continue
        with zipfile.ZipFile(io.BytesIO(data)) as parts:
            for part in parts.namelist():
                found[f"{name}:{part}"] = parts.read(part).decode("utf-8", errors="replace")
    return found


@pytest.fixture(scope="module")
def planted_documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data, _ = write_planted(tmp_path_factory.mktemp("documents-privacy") / "data")
    result = run(CONFIG, data)
    assert result.ok
    return texts_of(render(result))


def _forms(value: str) -> set[str]:
    return {unicodedata.normalize("NFC", value), unicodedata.normalize("NFD", value)}


def test_no_internal_marker_in_any_document(planted_documents: dict[str, str]) -> None:
    _, markers = planted()
    assert len(planted_documents) > 20  # every part of four documents
    hits = [
        (label, column, value)
        for label, text in planted_documents.items()
        for column, values in markers.items()
        for value in values
        if any(form in text for form in _forms(value))
    ]
    assert hits == []


def test_no_discipline_form_is_named(planted_documents: dict[str, str]) -> None:
    forms = [f.lower() for f in schema.DISCIPLINE_FORMS]
    for label, text in planted_documents.items():
        assert not [f for f in forms if f in text.lower()], label


def test_the_year_of_birth_only_where_declared(planted_documents: dict[str, str]) -> None:
    years = {str(d.year) for d in BIRTHS.values()}
    council = [t for label, t in planted_documents.items() if label.startswith(names.COUNCIL_LIST)]
    assert years <= {y for y in years if any(y in t for t in council)}  # the list shows it
    for label, text in planted_documents.items():
        if not label.startswith(names.COUNCIL_LIST):
            assert not [y for y in years if y in text], label


CONTRACT_AND_DOCUMENTS = EXTRA_CONTRACT


def _campaign_with(tmp_path: Path, shown: str) -> Path:
    """The founding campaign with an extra internal column, declared on the Council list
    when ``shown`` says so."""
    from tests.test_contract import campaign

    config = campaign(tmp_path, EXTRA_CONTRACT)
    text = config.read_text(encoding="utf-8")
    declared = "      - {column: birth_date, header: Năm sinh, format: year}\n"
    assert declared in text
    config.write_text(text.replace(declared, declared + shown), encoding="utf-8")
    return config


def _planted_with_referees(tmp_path: Path) -> Path:
    mini, _ = planted()
    people = [row for rows in mini.nominees.values() for row in rows]
    for row, referee in zip(people, REFEREES, strict=True):
        row["Người giới thiệu"], row["Ngày phỏng vấn"], row["Chỉ số hài lòng"] = referee, None, 80
    return mini.write(tmp_path / "data")


@pytest.mark.parametrize("declared", [False, True])
def test_an_extra_internal_column_appears_only_once_declared(
    tmp_path: Path, declared: bool
) -> None:
    shown = "      - {column: referee, header: Người giới thiệu}\n" if declared else ""
    result = run(_campaign_with(tmp_path, shown), _planted_with_referees(tmp_path))
    assert result.ok, [i.message for i in result.issues if i.is_error]
    found = texts_of(render(result))
    for label, text in found.items():
        present = [r for r in REFEREES if r in text]
        if declared and label.startswith(names.COUNCIL_LIST) and "sharedStrings" in label:
            assert present == REFEREES  # the declared column is there, for every nominee
        else:
            assert present == [], label


def test_a_column_the_record_does_not_carry_is_refused(tmp_path: Path) -> None:
    from generator.documents.bundle import DocumentsError

    config = _campaign_with(tmp_path, "      - {column: phone, header: Điện thoại}\n")
    result = run(config, _planted_with_referees(tmp_path))
    with pytest.raises(DocumentsError) as caught:
        render(result)
    message = str(caught.value)
    assert "documents.council_list.individual_columns.1.column" in message and "phone" in message
