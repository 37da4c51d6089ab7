"""Conversions: Hán-Việt -> pinyin, Chinese -> Hán-Việt, pinyin -> Hán-Việt, Hán-Việt -> Hangul."""

from __future__ import annotations

import pytest

from normalizer.translit import (
    UnsupportedPair,
    pinyin_to_hanviet,
    romanize_name,
    to_hangul,
    to_hanviet,
    to_pinyin,
    transliterate,
)
from normalizer.translit.hangul import initial_law
from normalizer.translit.reverse import REVERSE_CONFIDENCE, segment
from normalizer.translit.syllables import folded_key, join_pinyin, toned_key


def texts(renderings):
    return [r.text for r in renderings]


@pytest.mark.parametrize(("hanviet", "pinyin"), [
    ("Quách Gia Côn", "Guo Jiakun"),
    ("Tập Cận Bình", "Xi Jinping"),
    ("Vương Nghị", "Wang Yi"),
    ("Gia Cát Lượng", "Zhuge Liang"),  # compound surname, special reading
    ("Âu Dương Tu", "Ouyang Xiu"),
    ("Nhậm Chính Phi", "Ren Zhengfei"),  # 任 reads Nhậm
    ("Lã Bất Vi", "Lü Buwei"),
    ("Bắc Kinh", "Beijing"),
    ("Tây An", "Xi'an"),
    ("Trùng Khánh", "Chongqing"),
])
def test_hanviet_to_pinyin_best(hanviet, pinyin):
    assert to_pinyin(hanviet)[0].text == pinyin


def test_hanviet_to_pinyin_ranked_candidates():
    found = texts(to_pinyin("Triệu Lạc Tế"))
    assert "Zhao Leji" in found
    scores = [r.score for r in to_pinyin("Triệu Lạc Tế")]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)


def test_vuong_and_uong_both_give_wang():
    assert to_pinyin("Vương Văn Bân")[0].text.startswith("Wang ")
    assert to_pinyin("Uông Văn Bân")[0].text == "Wang Wenbin"


def test_chu_gives_zhou_and_zhu():
    found = texts(to_pinyin("Chu Ân Lai"))
    assert found[0] == "Zhou Enlai" and "Zhu Enlai" in found
    assert "Zhou Xingchi" in texts(to_pinyin("Châu Tinh Trì"))


def test_tone_placement_and_iy_variants_do_not_matter():
    assert to_pinyin("Ngụy Phượng Hòa") == to_pinyin("Ngụy Phượng Hoà")
    assert to_pinyin("Lý Hy") == to_pinyin("Lí Hi")
    assert toned_key("Thuỷ") == toned_key("Thủy") and toned_key("Lý") == toned_key("lí")


def test_without_diacritics_works_with_lower_confidence():
    plain, marked = to_pinyin("quach gia con"), to_pinyin("Quách Gia Côn")
    assert "Guo Jiakun" in texts(plain)
    assert plain[0].score < marked[0].score


def test_unreadable_input_gives_nothing():
    assert to_pinyin("") == [] and to_pinyin("!!!") == []
    assert to_pinyin("Smith Johnson") == []  # no Sino-Vietnamese reading
    assert to_pinyin(" ".join(["an"] * 50)) == []


@pytest.mark.parametrize(("hanzi", "hanviet"), [
    ("郭嘉昆", "Quách Gia Côn"),
    ("周恩来", "Chu Ân Lai"),  # mainland: Chu
    ("周潤發", "Châu Nhuận Phát"),  # Hong Kong, traditional characters: Châu
    ("诸葛亮", "Gia Cát Lượng"),
    ("欧阳修", "Âu Dương Tu"),
    ("北京", "Bắc Kinh"),
])
def test_chinese_to_hanviet(hanzi, hanviet):
    assert to_hanviet(hanzi)[0].text == hanviet


def test_chinese_to_hanviet_refuses_mixed_script():
    assert to_hanviet("郭 Jiakun") == [] and to_hanviet("") == []


def test_pinyin_to_hanviet_scored_never_certain():
    found = pinyin_to_hanviet("Guo Jiakun")
    assert "Quách Gia Côn" in texts(found)
    assert all(r.score <= REVERSE_CONFIDENCE for r in found)
    assert "Gia Cát Lượng" in texts(pinyin_to_hanviet("Zhuge Liang"))
    assert "Tây An" in texts(pinyin_to_hanviet("Xi'an"))
    assert pinyin_to_hanviet("Qwxz") == []


def test_pinyin_segmentation():
    assert segment("jiakun") == ["jia", "kun"]
    assert segment("xian") == ["xian"]
    assert segment("qwx") is None
    assert join_pinyin(["xi", "an"]) == "xi'an" and join_pinyin(["jia", "kun"]) == "jiakun"


@pytest.mark.parametrize(("hanviet", "hangul"), [
    ("Doãn Tích Duyệt", "윤석열"),
    ("Văn Tại Dần", "문재인"),
    ("Lý Lạc Uyên", "이낙연"),  # the initial-sound law on surname and given name
    ("Bình Nhưỡng", "평양"),
])
def test_korean_hanviet_to_hangul(hanviet, hangul):
    assert to_hangul(hanviet)[0].text == hangul


def test_initial_sound_law():
    assert [initial_law(s) for s in "리락녀라노"] == ["이", "낙", "여", "나", "노"]
    assert initial_law("a") == "a"


def test_romanization_uses_usual_surname_spellings():
    assert romanize_name("윤석열") == "Yoon Seok-yeol"
    assert romanize_name("문재인") == "Moon Jae-in"


def test_transliterate_pairs():
    assert transliterate("Quách Gia Côn")[0].text == "Guo Jiakun"
    assert transliterate("郭嘉昆", "zh-Hans", "vi")[0].text == "Quách Gia Côn"
    assert transliterate("Guo Jiakun", "pinyin", "vi")
    assert transliterate("Doãn Tích Duyệt", "vi", "ko")[0].text == "윤석열"
    assert len(transliterate("Quách Gia Côn", limit=2)) == 2
    with pytest.raises(UnsupportedPair):
        transliterate("x", "vi", "fr")
    with pytest.raises(ValueError):
        transliterate("x", limit=0)


def test_folded_key():
    assert folded_key("Đặng") == "dang"
