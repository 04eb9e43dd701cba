"""Vietnamese text: normalisation, folding for matching and search, and collation.

Pure functions, no I/O. ``clean`` is what every cell goes through; ``fold`` is the
diacritic-, case- and spacing-insensitive form used to match headers and for search;
``person_sort_key`` orders people as Vietnamese readers expect (given name first).
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width and bidirectional control characters staff paste from web pages and Word.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
        "\u2066\u2067\u2068\u2069",
    )
)
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """NFC, invisible characters removed, all whitespace (incl. no-break) collapsed, trimmed."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def has_invisible(text: str) -> bool:
    """True when the text holds zero-width or bidirectional control characters."""
    return text != text.translate(_INVISIBLE)


def fold(text: str) -> str:
    """Lower case, without tone or vowel marks, đ → d, single spaces: 'Đặng Thị' → 'dang thi'."""
    decomposed = unicodedata.normalize("NFD", clean(text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")


def header_key(text: str) -> str:
    """Key for matching headers: folded and with all spaces and punctuation removed."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def name_key(text: str) -> str:
    """Key for matching a person's name: NFC, case-insensitive, spaces collapsed."""
    return clean(text).casefold()


def slug(text: str) -> str:
    """ASCII slug for URLs: 'Phòng Tổng hợp' → 'phong-tong-hop'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


# --- Vietnamese collation (CLDR 'vi') ---------------------------------------------------

_BASE_ORDER = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_BASE_RANK = {ch: i for i, ch in enumerate(_BASE_ORDER)}
# Tone marks in CLDR order: none, huyền (grave), hỏi (hook), ngã (tilde), sắc (acute), nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_VOWEL_MARKS = {"\u0306": "ă", "\u0302": "^", "\u031b": "'"}


def _letters(word: str) -> tuple[list[int], list[int]]:
    """Split a word into base-letter ranks and per-letter tone ranks."""
    bases: list[int] = []
    tones: list[int] = []
    for ch in word.casefold():
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        letter = _compose_letter(base, marks)
        bases.append(_BASE_RANK.get(letter, 100 + ord(letter)))
        tones.append(max((_TONE_RANK.get(m, 0) for m in marks), default=0))
    return bases, tones


def _compose_letter(base: str, marks: str) -> str:
    """The Vietnamese letter (a, ă, â, ơ, ư, đ …) a base and its marks stand for."""
    if base == "a" and "\u0306" in marks:
        return "ă"
    if base in "aeo" and "\u0302" in marks:
        return {"a": "â", "e": "ê", "o": "ô"}[base]
    if base in "ou" and "\u031b" in marks:
        return {"o": "ơ", "u": "ư"}[base]
    return base


def collation_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Vietnamese alphabetical key: letters first (a < ă < â … đ after d), tones second."""
    bases: list[int] = []
    tones: list[int] = []
    for word in clean(text).split(" "):
        word_bases, word_tones = _letters(word)
        bases += [*word_bases, -1]
        tones += word_tones
    return tuple(bases), tuple(tones)


def person_sort_key(full_name: str) -> tuple[object, ...]:
    """Order people by given name (last word), then middle names, then family name."""
    words = clean(full_name).split(" ")
    given, family, middle = words[-1], words[0] if len(words) > 1 else "", words[1:-1]
    return (
        collation_key(given),
        collation_key(" ".join(middle)),
        collation_key(family),
        clean(full_name),
    )
