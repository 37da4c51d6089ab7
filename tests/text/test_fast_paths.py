"""Every fast path of normalizer.text gives what the general path gives (they exist for speed only)."""

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.text import (
    canonical_tones,
    clean,
    compact_key,
    exact_key,
    iy_variant,
    match_keys,
    sorted_key,
)

clean_module = sys.modules["normalizer.text.clean"]
fold_module = sys.modules["normalizer.text.fold"]
vietnamese = sys.modules["normalizer.text.vietnamese"]

NAMEISH = st.text(
    alphabet="aăâeêioôơuưyýỳỷỹỵYÝđĐ áàảãạ ̛̣́̀̉̃̂̆ hoà thuỷ uý ngkl-/.'`()\u200b\u00ad\u3000ЅѕαοЖ吴忠ｱＡ½²0_"
    "\t\n\u00a0\u2028\u200f",  # other spaces and invisibles: keys are cleaned word by word
    max_size=40,
)
TEXT = st.one_of(st.text(max_size=40), NAMEISH)
NAMES = ["Nguyễn Quang Vũ Yến", "Kỳ Duyên", "Lý Quang Diệu", "Moon Jae-in", "Tổng công ty Điện lực",
         "吴忠", "Ngô Trung", "Tập Cận Bình", "Kishida Fumio", "ĐẶNG THỊ NGỌC THỊNH", "Hoà Bình"]


def whole_string_keys(text):
    exact = exact_key(text)
    folded = fold_module._fold_exact(exact) if exact else None
    return (exact, folded) if exact and folded else None


@settings(max_examples=500)
@given(TEXT)
def test_word_by_word_keys_equal_whole_string_keys(text):
    keys = match_keys(text)
    assert (keys and (keys.exact, keys.folded)) == whole_string_keys(text)
    if keys:
        assert (keys.sorted, keys.compact) == (sorted_key(text), compact_key(text))


def test_word_by_word_keys_on_names():
    for name in NAMES:
        keys = match_keys(name)
        assert (keys.exact, keys.folded) == whole_string_keys(name)


@settings(max_examples=500)
@given(TEXT)
def test_tidy_text_is_left_as_it_is(text):
    if text and clean_module._is_tidy(text):
        assert clean_module._tidy(text) == text


def test_names_in_nfc_are_tidy():
    assert all(clean_module._is_tidy(name) for name in NAMES)
    assert not clean_module._is_tidy("Hoa\u0300 Bình")  # decomposed
    assert not clean_module._is_tidy("Vương\u200bNghị")  # invisible character
    assert not clean_module._is_tidy("Vương  Nghị")


@settings(max_examples=500)
@given(TEXT)
def test_word_split_tones_equal_the_pattern(text):
    text = clean(text) or "x"
    general = vietnamese._WORD.sub(lambda m: vietnamese.place_tone(m.group()), text)
    assert canonical_tones(text) == general


@settings(max_examples=500)
@given(TEXT)
def test_iy_prefilter_loses_no_syllable(text):
    general = vietnamese._IY_SYLLABLE.sub(lambda m: m.group(1) + vietnamese._y_to_i(m.group(2)), text)
    assert iy_variant(text) == general
