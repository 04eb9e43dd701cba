"""TCVN3 and VNI text checked against hand-typed strings, not against the code's own tables.

Each left-hand string is what a cell typed with the legacy font looks like when read as
Latin-1 / cp1252 (the way a workbook hands it to us), typed by hand from the published
tables:

- VNI for Windows (VNI-Times): a base vowel followed by a mark character — tones ù sắc,
  ø huyền, û hỏi, õ ngã, ï nặng; â ^, á ^+sắc, à ^+huyền, å ^+hỏi, ã ^+ngã, ä ^+nặng; ê ˘,
  é ˘+sắc, è ˘+huyền, ú ˘+hỏi, ü ˘+ngã, ë ˘+nặng (on a, e, o, y, u, ô = ơ, ö = ư); single
  letters ñ đ, í í, ì ì, æ ỉ, ó ĩ, ò ị, î ỵ; capitals use the capital marks (Ù Ø Û Õ Ï …).
- TCVN3 (.VnTime): one byte per letter — ¨ ă, © â, ª ê, « ô, ¬ ơ, \\xad ư, ® đ; µ ¶ · ¸ ¹ the
  five tones on a; » ¼ ½ ¾ Æ on ă; Ç È É Ê Ë on â; Ì Î Ï Ð Ñ on e; Ò Ó Ô Õ Ö on ê;
  × Ø Ü Ý Þ on i; ß á â ã ä on o; å æ ç è é on ô; ê ë ì í î on ơ; ï ñ ò ó ô on u;
  õ ö ÷ ø ù on ư; ú û ü ý þ on y (order: huyền, hỏi, ngã, sắc, nặng); ¡ ¢ £ ¤ ¥ ¦ § the
  capitals Ă Â Ê Ô Ơ Ư Đ.

The glibc comparison runs wherever iconv knows TCVN5712-1, and fails under CI when it does not.
"""

from __future__ import annotations

import pytest

from generator.read.text import decode_tcvn3, decode_vni, detect_legacy_encoding
from tests.builders.iconv import iconv_tcvn3

# (VNI as read, Unicode, detection): "VNI" when some word read as it is is not a Vietnamese
# syllable; None when every word already is one (never guessed); "either" when the text is
# also TCVN3 for another name: it is reported, the suggested reading may be either.
VNI = [
    ("Döông Thò Xuaân", "Dương Thị Xuân", "VNI"),
    ("Nguyeãn Vaên Bình", "Nguyễn Văn Bình", "VNI"),
    ("Traàn Thò Cuùc", "Trần Thị Cúc", "VNI"),
    ("Phaïm Minh Ñöùc", "Phạm Minh Đức", "VNI"),
    ("Hoaøng Thuûy", "Hoàng Thủy", "VNI"),
    ("Phoù tröôûng phoøng", "Phó trưởng phòng", "VNI"),
    ("Chuyeân vieân", "Chuyên viên", "VNI"),
    ("Hoaøn thaønh xuaát saéc nhieäm vuï", "Hoàn thành xuất sắc nhiệm vụ", "VNI"),
    ("Kyû luaät", "Kỷ luật", "VNI"),
    ("Chæ thò", "Chỉ thị", "either"),  # TCVN3 "Chổ thũ"
    ("Chæ ñònh Só", "Chỉ định Sĩ", "VNI"),
    ("Ñaëng Höõu Phöôùc", "Đặng Hữu Phước", "VNI"),
    ("Thaønh phoá Caàn Thô", "Thành phố Cần Thơ", "VNI"),
    ("Quyønh Nhö", "Quỳnh Như", "VNI"),
    ("Haèng Baûo Myõ Yeán Kieàu", "Hằng Bảo Mỹ Yến Kiều", "VNI"),
    ("Mî Chaâu", "Mỵ Châu", "VNI"),
    ("Taêng Ñoã Ngoâ Voõ Vuõ", "Tăng Đỗ Ngô Võ Vũ", "VNI"),
    ("NGUYEÃN VAÊN AN", "NGUYỄN VĂN AN", "VNI"),
    ("ÑÖÙC TRÖÔØNG THÒ", "ĐỨC TRƯỜNG THỊ", "VNI"),
    ("Só quan", "Sĩ quan", None),  # "Só" is itself a syllable: never guessed
    ("Hoà", "Hồ", None),  # "Hoà" is a real name too
]

TCVN3 = [
    ("D\xad¬ng ThÞ Xu©n", "Dương Thị Xuân"),
    ("NguyÔn V¨n B×nh", "Nguyễn Văn Bình"),
    ("TrÇn ThÞ Cóc", "Trần Thị Cúc"),
    ("Ph¹m Minh §øc", "Phạm Minh Đức"),
    ("Hoµng Thñy", "Hoàng Thủy"),
    ("Phã tr\xadëng phßng", "Phó trưởng phòng"),
    ("Hoµn thµnh xuÊt s¾c nhiÖm vô", "Hoàn thành xuất sắc nhiệm vụ"),
    ("Kû luËt", "Kỷ luật"),
    ("§Æng H÷u Ph\xadíc", "Đặng Hữu Phước"),
    ("Thµnh phè CÇn Th¬", "Thành phố Cần Thơ"),
    ("Quúnh Mþ Ch©u Ngäc", "Quỳnh Mỵ Châu Ngọc"),
    ("Vâ Vò §ç ChØ SÜ KiÒu", "Võ Vũ Đỗ Chỉ Sĩ Kiều"),
    ("H»ng B¶o Mü YÕn Tïng", "Hằng Bảo Mỹ Yến Tùng"),
    ("¢u ¥n ¦íc ¤ng ¡n £ §µo", "Âu Ơn Ước Ông Ăn Ê Đào"),
]


@pytest.mark.parametrize(("legacy", "unicode", "detection"), VNI)
def test_vni_reads_as_typed_by_hand(legacy: str, unicode: str, detection: str | None):
    legacy.encode("cp1252")  # what a VNI-Times cell is: cp1252 / Latin-1 characters
    assert decode_vni(legacy) == unicode
    found = detect_legacy_encoding(legacy)
    if detection == "either":
        assert found in (("VNI", unicode), ("TCVN3", decode_tcvn3(legacy)))
    else:
        assert found == (None if detection is None else (detection, unicode))


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3)
def test_tcvn3_reads_as_typed_by_hand(legacy: str, unicode: str):
    legacy.encode("latin-1")
    assert decode_tcvn3(legacy) == unicode
    if any(ch.isalpha() and ch.islower() for ch in legacy):
        assert detect_legacy_encoding(legacy) == ("TCVN3", unicode)


def test_unicode_text_is_left_alone():
    for _, unicode, _ in VNI:
        assert detect_legacy_encoding(unicode) is None
    for _, unicode in TCVN3:
        assert detect_legacy_encoding(unicode) is None


def test_hand_typed_tcvn3_agrees_with_glibc_iconv():
    for legacy, unicode in TCVN3:
        assert iconv_tcvn3(legacy.encode("latin-1")) == unicode
