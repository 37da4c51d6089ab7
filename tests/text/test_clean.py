import pytest

from normalizer.text import clean, clean_with_offsets, exact_key, fold, place_tone

CLEAN_CASES = [
    ("Vlɑɗiɱiɾ Pᴜƭin", "Vladimir Putin"),
    ("Moѕᴄow", "Moscow"),
    ("Москва", "Москва"),  # real Cyrillic stays
    ("プーチン", "プーチン"),  # the long-vowel mark is part of a katakana word
    ("Kim Jongーun", "Kim Jong-un"),  # and a dash in a Latin one
    ("  Ngoại\u200b  trưởng \u00a0Vương Nghị ", "Ngoại trưởng Vương Nghị"),
    ("Ｔｏｋｙｏ", "Tokyo"),
    ("Moon Jae–in", "Moon Jae-in"),
    ("O’Brien", "O'Brien"),
    ("“TTXVN”", '"TTXVN"'),
    ("Nguye\u0302\u0303n", "Nguyễn"),  # decomposed
    ("Nguyêñ", "Nguyễn"),  # legacy damage: tone mark on the final consonant
    ("a\u200b\u0301", "á"),  # a mark separated from its letter by an invisible character
    ("Kim\u202eJong\u202c Un", "KimJong Un"),  # bidi controls removed
    ("Line\nbreak\ttab", "Line break tab"),
    ("\x00NUL\x07", "NUL"),
]


@pytest.mark.parametrize(("raw", "expected"), CLEAN_CASES)
def test_clean(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize(
    ("word", "canonical"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("uý", "úy"), ("oạ", "ọa"), ("khoẻ", "khỏe"), ("hoàn", "hoàn"),
     ("người", "người"), ("quý", "quý"), ("gì", "gì"), ("giá", "giá"), ("Hoà", "Hòa"), ("José", "José"),
     ("Pérez", "Pérez"), ("ngoài", "ngoài"), ("thuở", "thuở")],
)
def test_tone_placement(word, canonical):
    assert place_tone(word) == canonical


@pytest.mark.parametrize(("a", "b"), [("Lý", "Lí"), ("Kỳ", "Kì"), ("Mỹ", "Mĩ"), ("Hoà Bình", "Hòa Bình")])
def test_spelling_variants_share_the_exact_key(a, b):
    assert exact_key(a) == exact_key(b)


def test_i_y_only_after_a_consonant():
    assert exact_key("Huy") == "huy"  # uy is a vowel cluster, not the y of Lý
    assert exact_key("Ý") == "ý"


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("Tập Cận Bình", "tap can binh"), ("Đức", "duc"), ("AMM-57", "amm 57"), ("習近平", "xi jin ping"),
     ("Москва", "moskva"), ("Straße", "strasse")],
)
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_offsets_point_into_the_original():
    text = "Ông Vu\u031bo\u031bng\u200b Nghị và Moѕᴄow"
    cleaned, starts, ends = clean_with_offsets(text)
    assert cleaned == "Ông Vương Nghị và Moscow"
    i = cleaned.index("Nghị")
    assert text[starts[i] : ends[i + 3]] == "Nghị"
    j = cleaned.index("Moscow")
    assert text[starts[j] : ends[j + 5]] == "Moѕᴄow"


def test_a_stray_mark_after_punctuation_keeps_the_next_word_offsets():
    text = "(\u0301Vương"
    cleaned, starts, _ = clean_with_offsets(text)
    assert cleaned.endswith("Vương")
    assert starts[-5:] == [2, 3, 4, 5, 6]


def test_i_y_is_unified_after_punctuation_is_removed():
    assert fold("KY_") == fold("ky") == "ki"
    assert fold(fold("KY_")) == fold("KY_")
