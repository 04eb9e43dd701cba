"""The data's date paragraph of a generated page, found in exactly the forms the template
makes (site/templates/_base.html): what a memo may cut out of a page, where it is proven that
the rest of the page, and what the memo keeps, does not depend on the date."""

from __future__ import annotations

import re

from generator.site.pages.renderer import UNKNOWN_DATE

# The data's date as every generated page carries it (site/templates/_base.html), in exactly
# the forms the template makes: a known day, or the unknown day's text.
_DATE_OPENING = '<p class="thidua-updated" data-search-exclude>'
_DATE_CLOSING = "</p>"
# Text that cannot start a token, end an attribute or hold a character reference.
_PLAIN = re.compile(r"[^<>&\"'\s]+(?: [^<>&\"'\s]+)*")
_UNKNOWN = f"|{re.escape(UNKNOWN_DATE)}" if _PLAIN.fullmatch(UNKNOWN_DATE) else ""
DATE_PARAGRAPH = re.compile(
    re.escape(f"{_DATE_OPENING}Dữ liệu cập nhật lần cuối: ")
    + r'(?:<time datetime="[0-9]{4}-[0-9]{2}-[0-9]{2}">[0-9]{2}/[0-9]{2}/[0-9]{4}</time>'
    + _UNKNOWN
    + r")"
    + re.escape(f".{_DATE_CLOSING}")
)


def split_dated(text: str) -> tuple[str, str, str] | None:
    """``text`` around its one date paragraph (before, paragraph, after), or None when it
    holds no such paragraph, more than one, or one not in exactly the template's form."""
    start = text.find(_DATE_OPENING)
    if start < 0 or text.find(_DATE_OPENING, start + 1) >= 0:
        return None
    end = text.find(_DATE_CLOSING, start)
    if end < 0:
        return None
    end += len(_DATE_CLOSING)
    if not DATE_PARAGRAPH.fullmatch(text, start, end):
        return None
    return text[:start], text[start:end], text[end:]
