"""The founding sample's staff documents, rendered once per test process, and readers that
open them for real (python-docx, openpyxl, pypdf, pypdfium2)."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from generator.documents import names
from generator.documents.bundle import render
from generator.judge.pipeline import Result, run

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"


@cache
def sample_result() -> Result:
    result = run(CONFIG)
    assert result.ok
    return result


@cache
def sample_documents() -> dict[str, bytes]:
    return render(sample_result())


def docx(name: str, files: dict[str, bytes] | None = None):  # type: ignore[no-untyped-def]
    import docx as python_docx

    return python_docx.Document(io.BytesIO((files or sample_documents())[name]))


def decision():  # type: ignore[no-untyped-def]
    return docx(names.DECISION)


def proposal():  # type: ignore[no-untyped-def]
    return docx(names.PROPOSAL)


def list_names(document) -> list[str]:  # type: ignore[no-untyped-def]
    """The second column of every appendix table (names), header rows left out."""
    found = []
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header and header[0] == "STT":
            found += [row.cells[1].text for row in table.rows[1:]]
    return found


def pdf_pages_text(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
