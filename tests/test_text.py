import unicodedata

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
