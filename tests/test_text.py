import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.read.text import clean, fold, header_key, person_sort_key


def test_clean_nfc_and_invisible_spaces():
    nfd = unicodedata.normalize("NFD", "Nguyễn  Văn\u00a0An\u200b ")
    assert clean(nfd) == "Nguyễn Văn An"
    assert clean("\u202bTrần\u202c Thị") == "Trần Thị"


def test_fold_ignores_case_tones_and_d_bar():
    assert fold("ĐẶNG Thị Ngọc Ánh") == "dang thi ngoc anh"
    assert fold(unicodedata.normalize("NFD", "Nguyễn Văn An")) == "nguyen van an"


def test_headers_match_without_diacritics_case_or_spacing():
    assert header_key("Ho va ten") == header_key("Họ và tên") == header_key(" HỌ  VÀ TÊN ")
    assert header_key("Mã CB") != header_key("Mã đơn vị")
    assert header_key("Ngày sinh (dd/mm/yyyy)") == header_key("Ngày sinh")
    assert header_key("Mã CB (*)") == header_key("Mã CB*") == header_key("Mã CB")
    assert header_key("(1)") != header_key("")


def test_people_sort_by_given_name_in_vietnamese_order():
    names = [
        "Lê Văn Ư",
        "Trần Thị Uyên",
        "Phạm Văn Đức",
        "Hồ Dũng",
        "Ngô Ân",
        "Vũ Ăn",
        "Lý An",
        "Mai Bảo",
    ]
    assert sorted(names, key=person_sort_key) == [
        "Lý An", "Vũ Ăn", "Ngô Ân", "Mai Bảo", "Hồ Dũng", "Phạm Văn Đức", "Trần Thị Uyên", "Lê Văn Ư",
    ]  # fmt: skip


def test_tones_in_cldr_order_then_middle_then_family():
    names = ["A Ma", "A Mạ", "A Mà", "A Mã", "A Mả", "A Má"]
    assert sorted(names, key=person_sort_key) == ["A Ma", "A Mà", "A Mả", "A Mã", "A Má", "A Mạ"]
    assert sorted(["Trần Văn An", "Lê Thị An", "Nguyễn Văn An"], key=person_sort_key) == [
        "Lê Thị An", "Nguyễn Văn An", "Trần Văn An",
    ]  # fmt: skip


# --- fold is cached: its answers must be exactly the uncached algorithm's -------------------


def _fold_reference(text: str) -> str:
    """fold as written before the cache (kept here to hold fold to it)."""
    decomposed = unicodedata.normalize("NFD", clean(text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")


_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
VIETNAMESE_LETTERS = sorted(
    {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES}
    | set("bcdđghklmnpqrstvx")
)
HOSTILE = [
    "", " ", "\u00a0\u2007\u202f", "\u200b\u200c\u200d\u2060\ufeff\u00ad", "\u202e\u2066x\u2069",
    "\u0301\u0323", "a\u0301\u0301\u0323", "ß", "ﬀ İ ǅ", "Ωμέγα", "\ud800", "\x00\x1f\x7f",
    "a\r\nb\tc", "ĐĐ đđ Ð ð", "ẞ", "Ǆ", "x" * 5000, "e\u0302\u0301", "Ａ１",
]  # fmt: skip


def test_fold_is_the_reference_on_every_vietnamese_letter():
    for letter in VIETNAMESE_LETTERS:
        for case in (letter, letter.upper(), unicodedata.normalize("NFD", letter.upper())):
            assert fold(case) == _fold_reference(case), case
    word = "".join(VIETNAMESE_LETTERS)
    assert fold(word) == fold(word.upper()) == _fold_reference(word)


def test_fold_is_the_reference_on_hostile_text():
    for text in HOSTILE:
        assert fold(text) == _fold_reference(text), repr(text)
        assert fold(text) == _fold_reference(text), repr(text)  # the cached answer too


def test_fold_returns_plain_text_for_a_str_subclass():
    from markupsafe import Markup

    assert type(fold(Markup("Đặng <b>"))) is str
    assert fold(Markup("Đặng")) == fold("Đặng") == "dang"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*VIETNAMESE_LETTERS, " ", "\u00a0", "\u0301"])))
def test_fold_is_the_reference_on_vietnamese_text(text: str) -> None:
    assert fold(text) == _fold_reference(text)
    assert fold(text.upper()) == _fold_reference(text.upper())


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_fold_is_the_reference_on_any_text(text: str) -> None:
    assert fold(text) == _fold_reference(text)
    assert fold(text) == _fold_reference(text)
