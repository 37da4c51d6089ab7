"""A weekday before a date is no place (normalizer.extraction.context): "Thứ Ba, 19/8/2025" is a
Tuesday, not the town of Thứ Ba; the same words with no date after them are left to the gazetteer."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Thứ Ba, 19/8/2025\nHai bên đã điện đàm về tình hình khu vực.",
    "Trận đấu diễn ra vào Chủ nhật (5/1) trên sân nhà.",
    "Hội nghị khai mạc sáng Thứ Sáu, ngày 28/3.",
])
def test_a_weekday_before_a_date_is_no_name(service, text):
    found = [m.text for m in service.extract(text).mentions]
    assert not any(t.casefold().startswith(("thứ", "chủ nhật")) for t in found), found
