"""Text made safe for a page source: Markdown-escaped headings, one raw HTML block, and the
first use of each known abbreviation explained with ``<abbr>``."""

from __future__ import annotations

import bisect
import html
import re

# Abbreviations a citizen meets in criteria, reasons and document numbers ("25/TTr-TH"):
# the first use on each generated page is marked <abbr title="…"> (see mark_abbreviations).
ABBREVIATIONS = {
    "HTXSNV": "Hoàn thành xuất sắc nhiệm vụ",
    "HTTNV": "Hoàn thành tốt nhiệm vụ",
    "HTNV": "Hoàn thành nhiệm vụ",
    "KHTNV": "Không hoàn thành nhiệm vụ",
    "CCHC": "cải cách hành chính",
    "TTHC": "thủ tục hành chính",
    "CBCCVC": "cán bộ, công chức, viên chức",
    "TTr": "Tờ trình",
}
# The lookahead on the first letters changes no match; it lets the scan skip every other
# position quickly (about twice as fast on a department page).
_ABBREVIATION = re.compile(
    "(?=[" + "".join(sorted({w[0] for w in ABBREVIATIONS})) + "])"
    r"(?<!\w)(" + "|".join(ABBREVIATIONS) + r")(?!\w)"
)
_ABBR_OPEN = re.compile(r"<abbr[\s>]")
_ABBR_CLOSE = re.compile(r"</abbr")

_SPACES = re.compile(r"\s+")
# C0 controls other than whitespace (and DEL): never meaningful in a cell, and STX/ETX are
# what Python-Markdown's placeholders are made of.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters Python-Markdown core treats as escapable. ('|' is not among them: a one-line
# heading block can never become a table, and '\|' would show its backslash without the
# tables extension.)
_MD_ESCAPABLE = set("\\`*_{}[]()>#+-.!")


def one_line(text: str) -> str:
    """``text`` with control characters dropped and whitespace collapsed to single spaces."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # no control character, no whitespace but single inner spaces
    return _SPACES.sub(" ", _CONTROLS.sub("", text)).strip()


def markdown_text(text: str) -> str:
    """Text safe to put in a Markdown line: HTML-escaped, Markdown punctuation backslashed."""
    clean = one_line(text)
    escaped = html.escape(clean, quote=False)
    return "".join("\\" + ch if ch in _MD_ESCAPABLE else ch for ch in escaped)


def mark_abbreviations(block: str) -> str:
    """Wrap the first use of each known abbreviation in the text of an HTML fragment (made by
    our autoescaped templates: text between tags holds no ``<``) in ``<abbr title="…">``;
    text already inside an ``<abbr>`` and attribute values are left alone.

    One scan of the whole fragment: a match counts when it is outside every tag (the last
    ``<`` before it is closed) and outside every ``<abbr>`` element; the abbreviation's
    boundaries are never ``<`` or ``>``, so this finds what a scan of each text run would."""
    opens = [m.start() for m in _ABBR_OPEN.finditer(block)]
    closes = [m.start() for m in _ABBR_CLOSE.finditer(block)]
    found: dict[str, int] = {}
    for m in _ABBREVIATION.finditer(block):
        word, at = m.group(1), m.start()
        if word in found or block.rfind("<", 0, at) > block.rfind(">", 0, at):
            continue
        if bisect.bisect_left(opens, at) > bisect.bisect_left(closes, at):
            continue  # inside an <abbr> element
        found[word] = at
        if len(found) == len(ABBREVIATIONS):
            break
    out, done = [], 0
    for word, at in sorted(found.items(), key=lambda item: item[1]):
        out += [block[done:at], f'<abbr title="{ABBREVIATIONS[word]}">{word}</abbr>']
        done = at + len(word)
    out.append(block[done:])
    return "".join(out)


def html_block(rendered: str) -> str:
    """One raw HTML block Python-Markdown leaves alone: column 0, no blank or indented line."""
    lines = [line.strip() for line in rendered.splitlines()]
    block = "\n".join(line for line in lines if line)
    if not block.startswith("<div"):
        raise ValueError("a page body must start with a <div> block")
    return block
