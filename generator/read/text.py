"""Vietnamese text: normalisation, folding for matching and search, and collation.

Pure functions, no I/O. ``clean`` is what every cell goes through; ``fold`` is the
diacritic-, case- and spacing-insensitive form used to match headers and for search;
``person_sort_key`` orders people as Vietnamese readers expect (given name first).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


def fold(text: str) -> str:
    """Lower case, without tone or vowel marks, đ → d, single spaces: 'Đặng Thị' → 'dang thi'."""
    # The same few thousand short texts (headers, ratings, units, names) come back tens of
    # thousands of times; a long one is folded afresh, so the cache stays a few megabytes.
    return _fold_short(text) if len(text) <= _FOLD_CACHED_LENGTH else _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", clean(text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")


_FOLD_CACHED_LENGTH = 200
_fold_short = lru_cache(maxsize=8192)(_fold)


def header_key(text: str) -> str:
    """Key for matching headers: folded, a trailing note in brackets dropped ("Ngày sinh
    (dd/mm/yyyy)", "Mã CB (*)"), all spaces and punctuation removed."""
    key = re.sub(r"[^a-z0-9]", "", fold(_TRAILING_NOTE.sub("", text)))
    return key or re.sub(r"[^a-z0-9]", "", fold(text))


_TRAILING_NOTE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")


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


@lru_cache(maxsize=1 << 16)  # a pure function; names and titles repeat their words
def _letters(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Split a word into base-letter ranks and per-letter tone ranks."""
    bases: list[int] = []
    tones: list[int] = []
    for ch in word.casefold():
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        letter = _compose_letter(base, marks)
        bases.append(_BASE_RANK.get(letter, 100 + ord(letter)))
        tones.append(max((_TONE_RANK.get(m, 0) for m in marks), default=0))
    return tuple(bases), tuple(tones)


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


# --- invisible and special characters -----------------------------------------------------

_SPECIAL_NAMES = {
    "\u00a0": "khoảng trắng không ngắt (no-break space)",
    "\u2007": "khoảng trắng không ngắt (figure space)",
    "\u202f": "khoảng trắng không ngắt hẹp (narrow no-break space)",
    "\u200b": "khoảng trắng rộng 0 (zero-width space)",
    "\u200c": "ký tự rộng 0 (zero-width non-joiner)",
    "\u200d": "ký tự rộng 0 (zero-width joiner)",
    "\u2060": "ký tự rộng 0 (word joiner)",
    "\ufeff": "dấu BOM (zero-width no-break space)",
    "\u00ad": "gạch nối mềm (soft hyphen)",
    **dict.fromkeys(
        "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
        "ký tự điều khiển hướng chữ (bidirectional control)",
    ),
}


def special_characters(text: str) -> list[str]:
    """Names of the no-break, zero-width and bidi-control characters in ``text``, as
    'U+200B khoảng trắng rộng 0 (zero-width space)', each once, in order of appearance."""
    found = dict.fromkeys(ch for ch in text if ch in _SPECIAL_NAMES)
    return [f"U+{ord(ch):04X} {_SPECIAL_NAMES[ch]}" for ch in found]


def person_key(name: str) -> str:
    """Key for matching a person's name: like :func:`name_key`, and also blind to where the
    tone mark sits in a syllable ('Hoà' = 'Hòa', 'Thuý' = 'Thúy', 'Uỷ' = 'Ủy')."""
    return " ".join(map(_tone_last, name_key(name).split(" ")))


@lru_cache(maxsize=1 << 16)  # a pure function; names repeat their words
def _tone_last(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in decomposed if ch in _TONE_RANK)
    rest = "".join(ch for ch in decomposed if ch not in _TONE_RANK)
    return unicodedata.normalize("NFC", rest) + tones


# --- legacy Vietnamese encodings (TCVN3 / VNI) ----------------------------------------------
#
# Text typed with the old 8-bit fonts (.VnTime = TCVN3 "ABC", VNI-Times = VNI for Windows)
# arrives in a workbook as Latin-1 characters: "D­¬ng ThÞ Xu©n" (TCVN3) or "Döông Thò Xuaân"
# (VNI) for "Dương Thị Xuân". Neither has a Python codec.

# TCVN3 (TCVN 5712:1993, VN3): byte (read as Latin-1) → Unicode. Checked against glibc's
# TCVN5712-1 (VN1), of which VN3 is the part the .VnTime fonts use (no precomposed capitals).
_TCVN3_FROM = "¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ"
_TCVN3_TO = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
_TCVN3 = str.maketrans(_TCVN3_FROM, _TCVN3_TO)

# VNI for Windows: a vowel followed by a mark character (lower case shown; capitals use the
# capital mark: "AÙ" = "Á"). Tones in the order sắc, huyền, hỏi, ngã, nặng.
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_TONES = (_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT)
_VNI_TONE_MARKS = dict(zip("ùøûõï", _TONES, strict=True))
_VNI_CIRCUMFLEX_MARKS = {"â": _CIRCUMFLEX} | {
    m: _CIRCUMFLEX + t for m, t in zip("áàåãä", _TONES, strict=True)
}
_VNI_BREVE_MARKS = {"ê": _BREVE} | {m: _BREVE + t for m, t in zip("éèúüë", _TONES, strict=True)}
_VNI_BASES = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ô": "o" + _HORN, "ö": "u" + _HORN}
_VNI_SINGLE = {
    "ô": "ơ",
    "ö": "ư",
    "ñ": "đ",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}


def _vni_marks(base: str) -> dict[str, str]:
    marks = dict(_VNI_TONE_MARKS)
    if base in "aeo":
        marks |= _VNI_CIRCUMFLEX_MARKS
    if base == "a":
        marks |= _VNI_BREVE_MARKS
    return marks


def decode_tcvn3(text: str) -> str:
    """Read text typed in TCVN3 (.VnTime fonts): 'D­¬ng ThÞ Xu©n' → 'Dương Thị Xuân'."""
    return unicodedata.normalize("NFC", text.translate(_TCVN3))


def decode_vni(text: str) -> str:
    """Read text typed in VNI for Windows (VNI-Times): 'Döông Thò Xuaân' → 'Dương Thị Xuân'."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        low = ch.lower()
        nxt = text[i + 1].lower() if i + 1 < len(text) else ""
        base = _VNI_BASES.get(low)
        mark = _vni_marks(low).get(nxt) if base else None
        if base and mark:
            letter = unicodedata.normalize("NFC", base + mark)
            i += 2
        elif low in _VNI_SINGLE:
            letter = _VNI_SINGLE[low]
            i += 1
        else:
            out.append(ch)
            i += 1
            continue
        out.append(letter.upper() if ch.isupper() else letter)
    return unicodedata.normalize("NFC", "".join(out))


# Vowel groups of Vietnamese syllables, tone marks removed (longest first for the regex).
_NUCLEI = (
    *("iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu"),
    *("ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi"),
    *("ôi", "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "ưa", "ưi", "ưu", "ươ", "uy", "yê"),
    *("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"),
)
# Vowel groups that end the syllable (a glide, or ia / ua / ưa): no final consonant after them.
_OPEN_NUCLEI = frozenset(
    (
        *("ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi"),
        *("ưu", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uyu"),
        *("ia", "ua", "ưa", "uya"),
    )
)
_SYLLABLE = re.compile(
    r"(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?"
    rf"({'|'.join(_NUCLEI)})"
    r"(ch|ng|nh|[cmnpt])?"
)
_TOKEN_SPLIT = re.compile(r"[\s,;:.()\[\]/\"'!?\-–]+")


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` has the shape of one Vietnamese syllable: an initial consonant, a
    vowel group, a final consonant, at most one tone mark ('Nguyễn', 'Dương', 'khuya')."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tones = sum(1 for ch in decomposed if ch in _TONE_RANK)
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_RANK))
    match = _SYLLABLE.fullmatch(bare)
    if tones > 1 or match is None:
        return False
    initial, nucleus, final = match.groups()
    closed_ok = nucleus not in _OPEN_NUCLEI and (nucleus != "y" or initial == "qu")
    return not final or closed_ok


def _repairs(original: str, decoded: str) -> int | None:
    """How many words the decoding turns from gibberish into Vietnamese syllables, or None
    when it turns any word into something that is not a syllable."""
    before, after = _TOKEN_SPLIT.split(original), _TOKEN_SPLIT.split(decoded)
    if len(before) != len(after):
        return None
    repaired = 0
    for old, new in zip(before, after, strict=True):
        if old == new:
            continue
        if not is_vietnamese_syllable(new):
            return None
        if len(new) >= 2 and not is_vietnamese_syllable(old):
            repaired += 1
    return repaired


# Latin-1 letters that Vietnamese Unicode text uses itself: weak evidence of a legacy font.
_LATIN1_VIETNAMESE = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


def _signatures(encoding: str, text: str) -> int:
    """Strong marks of an encoding in ``text``: TCVN3 codes that are not Vietnamese letters in
    Unicode ('¬', 'Þ', '©' …); VNI vowel + mark pairs ('eâ', 'aø') and VNI-only letters."""
    if encoding == "TCVN3":
        return sum(1 for ch in text if ch in _TCVN3_FROM and ch not in _LATIN1_VIETNAMESE)
    pairs = sum(
        1
        for a, b in zip(text.lower(), text[1:].lower(), strict=False)
        if a in _VNI_BASES and b in _vni_marks(a)
    )
    return pairs + sum(1 for ch in text.lower() if ch in "ñæî")


def detect_legacy_encoding(text: str) -> tuple[str, str] | None:
    """('TCVN3' | 'VNI', corrected text) when ``text`` reads as Vietnamese typed in a legacy
    8-bit encoding, else None.

    Heuristic, tuned against false alarms: the text holds only Latin-1 characters, some of
    them non-ASCII; decoding turns at least one word (of two letters or more) that is not a
    Vietnamese syllable into one, and turns no word into something that is not a syllable.
    Genuine Unicode Vietnamese ('Võ Tô Hà', 'Hoà') is never changed because its words
    already are syllables. When both encodings qualify, the one repairing more words wins,
    then the one whose characteristic characters are more numerous in the text.
    """
    if not text or any(ord(ch) > 0xFF for ch in text) or text.isascii():
        return None
    best: tuple[tuple[int, int], str, str] | None = None
    for name, decode in (("TCVN3", decode_tcvn3), ("VNI", decode_vni)):
        fixed = decode(text)
        repaired = _repairs(text, fixed) if fixed != text else None
        score = (repaired or 0, _signatures(name, text))
        if repaired and (best is None or score > best[0]):
            best = (score, name, fixed)
    return None if best is None else (best[1], best[2])
