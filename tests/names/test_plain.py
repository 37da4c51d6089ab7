"""is_plain(text) promises that parse leaves text whole; parse's fast path and the table of
Matcher.named_exactly rely on it, so it must never say True where the long way changes anything."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.model import Parsed
from normalizer.names import is_plain, parse
from normalizer.names.parse import parse_cleaned
from normalizer.names.titles import ENGLISH_TITLES, HONORIFICS, VIETNAMESE_TITLES
from normalizer.text import clean

WORDS = [
    # titles and honorifics, as written and as a query may write them
    "Ông", "ông", "ÔNG", "Ông.", "ong", "Bà", "ba", "Ba", "Ngài", "Ngoại", "trưởng", "Ngoại trưởng",
    "ngoai truong", "Ngoai", "Mr", "Mr.", "MR", "Mrs", "Dr.", "Secretary-General", "Secretary", "General",
    "President", "Tân", "Tần", "Tướng", "Tưởng", "Cựu", "Đại", "sứ", "Thủ", "tướng", "TBT",
    # alternatives
    "hay", "HAY", "Hay", "hoặc", "HOẶC", "là", "or", "OR", "Or", "aka", "AKA", "a.k.a.", "A.K.A.",
    "a.\u212a.a.", "/", "A/B", "(", ")", "(B)", "Hàn(Quốc)", "hay/",
    # a title after a comma or a spaced dash, a nationality before an English one
    ",", "Bình,", "-", "–", "Chinese", "South", "Korean", "U.S.", "Minister", "Foreign",
    "Japan's", "Korea’s", "'s", "People's",
    # names, and what clean changes: tone placement, marks, look-alikes, quotes, full width
    "Vương", "Nghị", "Nhật", "Bản", "Lan", "Hà", "Nội", "Moon", "Jae-in", "吴忠", "Kishida", "Fumio",
    "Hoà", "Hòa", "Hoa\u0300", "\u0301", "a\u0301", "Ѕеoul", "Ѕ", "ο", "O'Brien", "O`Brien", "O’Brien",
    "ＡＢ", "ﬁ", "ー", "½", "x\u200b", "\u00ad", "đ", "Đ",
]
SEPARATORS = [" ", " ", " ", "", "  ", "\t", "\u00a0", "\u3000", "\n"]
PIECES = st.one_of(st.sampled_from(WORDS), st.text(max_size=4))
TEXTS = st.one_of(
    st.lists(st.tuples(PIECES, st.sampled_from(SEPARATORS)), max_size=6).map(
        lambda parts: "".join(p + s for p, s in parts)),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join),
    st.text(max_size=30),
)


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_a_plain_text_is_left_whole_by_the_long_way(text):
    if is_plain(text):
        assert clean(text) == text
        assert parse_cleaned(text) == Parsed(name=text, title=None, alternatives=())
        assert parse(text) == Parsed(name=text)


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_parse_with_its_fast_path_equals_the_long_way(text):
    cleaned = clean(text)
    assert parse(text) == (None if cleaned is None else parse_cleaned(cleaned))


@pytest.mark.parametrize("text", [
    "Vương Nghị", "Ba Lan", "Nhật Bản", "Moon Jae-in", "吴忠", "Hòa Bình", "O'Brien", "Kishida Fumio",
    "Thủ tướng",  # a title alone is the name
    "Or Yehuda", "Hà Nội hay",  # "or" and "hay" join alternatives only between two words
    "Tần Cương",  # not the title "Tân"
])
def test_plain_texts(text):
    assert is_plain(text)
    assert parse_cleaned(text) == Parsed(name=text)


@pytest.mark.parametrize("text", [
    "Ngoại trưởng Vương Nghị", "ngoai truong Vuong Nghi", "Ông Vương", "ông Vương", "Ông. Vương",
    "Mr Biden", "President Joe Biden", "Takeshima/Dokdo", "Hàn Quốc (Nam Hàn)", "Nhật hay Nhật Bản",
    "Seoul HOẶC Xơ-un", "A aka B", "Vương  Nghị", " Vương", "Vương ", "Vương\tNghị", "Hoà Bình",
    "Hoa\u0300 Bình", "Ѕеoul", "O`Brien", "ＡＢ", "", " ",
])
def test_texts_that_are_not_plain(text):
    assert not is_plain(text)


def test_conservative_where_parse_splits_nothing():
    """An "(" that does not close the text makes no alternatives, yet is_plain says False."""
    assert parse_cleaned("A (B) C") == Parsed(name="A (B) C")
    assert not is_plain("A (B) C")


@pytest.mark.parametrize("title", [*VIETNAMESE_TITLES, *ENGLISH_TITLES, *HONORIFICS])
def test_no_title_before_a_name_is_plain(title):
    assert not is_plain(f"{title} Vương Nghị")
