"""CSV files: UTF-8 (with or without BOM), every cell read as text.

The delimiter is guessed among ``,`` ``;`` and tab (Excel on a Vietnamese Windows, whose
decimal separator is the comma, saves CSV with ``;``). A file that is not UTF-8 is refused
with `csv-encoding`, with a guess at what it is.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from generator.read import messages as msg
from generator.read.sniff import MAX_CELLS, MAX_COLS, MAX_CSV_BYTES, MAX_ROWS, MiB

Grid = list[list[object]]

# Letters that only a Vietnamese text decoded as Windows-1258 would produce in numbers.
_CP1258_HINTS = set("ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323")


def read_csv(path: Path, rel: str) -> Grid:
    """Rows of a CSV file as text cells (empty cell -> None), padded to a rectangle."""
    data = path.read_bytes()
    if len(data) > MAX_CSV_BYTES:
        raise msg.LoadRefused(
            msg.too_large(
                rel,
                f"tệp CSV {len(data) // MiB} MB, vượt giới hạn {MAX_CSV_BYTES // MiB} MB",
                f"the CSV file is {len(data) // MiB} MB, above the {MAX_CSV_BYTES // MiB} MB limit",
            )
        )
    text = decode(data, rel)
    return _parse(text, rel)


def decode(data: bytes, rel: str) -> str:
    """UTF-8 text without its BOM; anything else becomes `csv-encoding`."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data[:4096]):
        raise msg.LoadRefused(msg.csv_encoding(rel, 1, "UTF-16 (Unicode Text)"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise msg.LoadRefused(msg.csv_encoding(rel, line, guess_encoding(data))) from exc


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without BOM: every other byte of ASCII-ish text is NUL."""
    if len(head) < 4 or b"\x00" not in head:
        return False
    return max(head[0::2].count(0), head[1::2].count(0)) * 2 > len(head) // 2


def guess_encoding(data: bytes) -> str | None:
    """A human guess at a legacy 8-bit encoding, or None."""
    high = bytes(b for b in data if b >= 0x80)
    if not high:
        return None
    as_1258 = high.decode("cp1258", errors="replace")
    if sum(ch in _CP1258_HINTS for ch in as_1258) * 2 >= len(as_1258):
        return "Windows-1258 (Vietnamese ANSI)"
    return "Windows-1252 / Latin-1 (or a legacy Vietnamese font encoding such as TCVN3 or VNI)"


def _delimiter(text: str) -> str:
    """The candidate delimiter that splits most lines of a sample into the same count > 1."""
    sample = text[: 64 * 1024].splitlines()[:200]
    best, best_score = ",", 0
    for delim in (",", ";", "\t"):
        counts = Counter(len(row) for row in csv.reader(sample, delimiter=delim))
        width, lines = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=(0, 0))
        score = lines if width > 1 else 0
        if score > best_score:
            best, best_score = delim, score
    return best


def _parse(text: str, rel: str) -> Grid:
    rows: Grid = []
    width = 0
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)):
            rows.append([cell if cell != "" else None for cell in record])
            width = max(width, len(record))
            _check(len(rows), width, rel)
    except csv.Error as exc:
        raise msg.LoadRefused(msg.unreadable(rel, f"CSV parse error: {exc}")) from exc
    for row in rows:
        row.extend([None] * (width - len(row)))
    return rows


def _check(rows: int, width: int, rel: str) -> None:
    if rows > MAX_ROWS or width > MAX_COLS or rows * width > MAX_CELLS:
        raise msg.LoadRefused(
            msg.too_large(
                rel,
                f"tệp CSV vượt giới hạn ({MAX_ROWS} dòng, {MAX_COLS} cột, {MAX_CELLS} ô)",
                f"the CSV file exceeds the limits ({MAX_ROWS} rows, {MAX_COLS} columns, "
                f"{MAX_CELLS} cells)",
            )
        )
