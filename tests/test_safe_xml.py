"""The DTD check of every XML part of a workbook (read/xml_grid/safe_xml.py: check_prolog):
the refusals ``iterparse`` (defusedxml, DTDs forbidden) made before its first event, made
with expat alone."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.read.messages import LoadRefused
from generator.read.xml_grid.safe_xml import check_prolog, events

BIG = 20 * 1024  # past the 16 KiB that iterparse feeds at a time

CASES = {
    "plain": b'<?xml version="1.0"?><a><b/></a>',
    "no declaration": b"<a/>",
    "empty": b"",
    "only a declaration": b'<?xml version="1.0"?>',
    "unfinished root": b"<a><b>",
    "dtd": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
    "external dtd": b'<!DOCTYPE a SYSTEM "http://example.com/a.dtd"><a/>',
    "bad prolog": b"<?xml version='1.0'?><<a/>",
    "undefined entity after the root": b"<a>&nope;</a>",
    "broken after the root, early": b"<a><b></c></a>",
    "broken after the root, late": b"<a>" + b"<b/>" * (BIG // 4) + b"</c></a>",
    "long comment before the root": b"<!--" + b"x" * BIG + b"-->" + b"<a/>",
    "dtd after a long comment": b"<!--" + b"x" * BIG + b'--><!DOCTYPE a [<!ENTITY x "y">]><a/>',
    "utf-16": '<?xml version="1.0" encoding="UTF-16"?><a>chữ</a>'.encode("utf-16"),
    "bom": b"\xef\xbb\xbf<a/>",
    "two roots": b"<a/><b/>",
    "text before the root": b"x<a/>",
}


def _outcome(check, data: bytes) -> str:
    try:
        check(io.BytesIO(data))
    except LoadRefused as exc:
        text = exc.args[0].message_en
        return "dtd" if "DTD" in text else "malformed"
    return "ok"


def _by_iterparse(fh) -> None:
    for _ in events(fh, "p.xml", "f.xlsx"):
        break


def _by_expat(fh) -> None:
    check_prolog(fh, "p.xml", "f.xlsx")


@pytest.mark.parametrize("case", list(CASES))
def test_the_check_refuses_what_iterparse_refused(case):
    data = CASES[case]
    assert _outcome(_by_expat, data) == _outcome(_by_iterparse, data)


def test_the_cases_cover_each_outcome():
    outcomes = {_outcome(_by_expat, data) for data in CASES.values()}
    assert outcomes == {"ok", "dtd", "malformed"}


PIECES = st.sampled_from(
    [b"<a>", b"</a>", b"<b/>", b"<!--c-->", b"<?p x?>", b"&amp;", b"&x;", b"text", b" ",
     b'<!DOCTYPE a [<!ENTITY x "y">]>', b'<?xml version="1.0"?>', b"<", b">", b"\xc3\xa0"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12), st.integers(0, 3))
def test_generated_parts_are_refused_alike(pieces, padding):
    data = b"".join(pieces) + b" " * (padding * 8 * 1024)
    assert _outcome(_by_expat, data) == _outcome(_by_iterparse, data)
