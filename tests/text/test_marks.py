"""marks_lost_only: text that may have lost diacritics against text with other ones."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizer.text import fold, marks_lost_only


@pytest.mark.parametrize(("written", "full"), [
    ("ngoai truong", "Ngoại trưởng"),
    ("Ngoại truong", "Ngoại trưởng"),
    ("NGOAI TRUONG", "Ngoại trưởng"),
    ("Dai su", "Đại sứ"),
    ("Lý Cuờng", "Lý Cường"),  # the horn of one letter lost
    ("Tap Can Binh", "Tập Cận Bình"),
    ("duong kim", "Đương kim"),
    ("Dai sư", "Đại sứ"),  # the đ of a word that lost every mark
])
def test_lost_marks(written, full):
    assert marks_lost_only(written, full)


@pytest.mark.parametrize(("written", "full"), [
    ("Tần", "Tân"),  # Qin is not "new"
    ("Tưởng", "Tướng"),  # Chiang is not "general"
    ("Trung Hòa", "Trung Hoa"),  # a ward of Hanoi is not China
    ("Cơ", "Cố"),
    ("Ngoại trưởng", "Ngoai truong"),  # marks the other lacks
    ("Ngoại", "Ngoại giao"),
    ("Dương Kim", "Đương kim"),  # a family name: with its other marks typed, đ would be too
    ("Dại sứ", "Đại sứ"),
])
def test_changed_or_added_marks(written, full):
    assert not marks_lost_only(written, full)


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ "


@given(st.text(max_size=20))
def test_any_text_can_be_itself(text):
    assert marks_lost_only(text, text)


@given(st.text(alphabet=VIETNAMESE, max_size=20))
def test_vietnamese_without_its_marks_can_be_it(text):
    assert marks_lost_only(fold(text) or "", text)
