"""Document context in extraction (normalizer.extraction.context): bare institutions and offices
read against the country of their context on the document's date, dash compounds of short
country names, languages and the pronoun "Anh". Golden sentences over the real gazetteer."""

from __future__ import annotations

import pytest

# text, date, expected (surface, id) of the mentions whose method is role or context, or of the
# countries the case is about; `None` for an id: the surface must not be a mention at all.
CASES = [
    ("Quốc hội sẽ họp vào tuần sau.", None, [("Quốc hội", "national-assembly-vietnam")]),
    ("Tại Seoul, Quốc hội đã bỏ phiếu phế truất.", None, [("Quốc hội", "national-assembly-south-korea")]),
    ("Chiều 5/12, Thủ tướng tiếp Đại sứ Nhật Bản.", "2024-12-05", [("Thủ tướng", "pham-minh-chinh")]),
    ("Ngoại trưởng Nhật Bản cho biết Tokyo sẽ phản đối.", "2024-01-15",
     [("Ngoại trưởng", "yoko-kamikawa"), ("Nhật Bản", "japan")]),
    ("Ngoại trưởng Mỹ Marco Rubio cũng lên tiếng.", "2025-03-01", [("Ngoại trưởng", None)]),
    ("Thủ tướng Nhật Bản Shigeru Ishiba thăm Hà Nội. Thủ tướng cho biết hai nước sẽ hợp tác.", "2026-06-01",
     [("Thủ tướng", "shigeru-ishiba")]),
    ("Phó Thủ tướng Trần Hồng Hà dự họp. Cựu Thủ tướng phát biểu.", None, [("Thủ tướng", None)]),
    ("Hai Bộ trưởng Bộ Ngoại giao đã cam kết hợp tác ở cấp Bộ trưởng Ngoại giao.", None,
     [("Bộ Ngoại giao", None), ("Bộ trưởng Ngoại giao", None)]),
    ("Tổng Bí thư, Chủ tịch nước Trung Quốc Tập Cận Bình phát biểu.", None, [("Tổng Bí thư", None)]),
    ("Tổng Bí thư chủ trì cuộc họp của Bộ Chính trị.", "2024-07-25",
     [("Bộ Chính trị", "cpv-politburo")]),
    ("Qatar đã gặp Bộ Chính trị của phong trào Hamas tại Doha.", None,
     [("Bộ Chính trị", None), ("Hamas", "hamas")]),
    ("Quốc hội của Hàn Quốc đã bỏ phiếu phế truất.", None, [("Quốc hội", "national-assembly-south-korea")]),
    ("Quan hệ Trung - Mỹ đang căng thẳng.", None, [("Trung", "china"), ("Mỹ", "united-states")]),
    ("Quan hệ Nga-Trung và quan hệ Việt - Trung.", None,
     [("Nga", "russia"), ("Trung", "china"), ("Việt", "vietnam"), ("Trung", "china")]),
    ("Cô học tiếng Trung Quốc và tiếng Anh.", None, [("Trung Quốc", None), ("Anh", None)]),
    ("Anh Tom Cruise đến Việt Nam. Anh cho biết sẽ quay lại.", None, [("Anh", None)]),
    ("Thủ tướng Anh Keir Starmer gặp Tổng thống Pháp. Anh và Pháp ký thỏa thuận.", None,
     [("Anh", "united-kingdom"), ("Anh", "united-kingdom")]),
]


def _found(service, text: str, date: str | None) -> list[tuple[str, str]]:
    return [(m.text, m.resolution.match.id) for m in service.extract(text, date=date).mentions
            if m.resolution.match is not None]


@pytest.mark.parametrize(("text", "date", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_context(service, text, date, expected):
    found = _found(service, text, date)
    for surface, wanted in expected:
        if wanted is None:
            assert all(s != surface for s, _ in found), found
        else:
            assert (surface, wanted) in found, found
    assert [s for s, _ in found if (s, None) in expected] == []


def test_a_bare_title_on_a_vacancy_is_not_linked(service):
    found = _found(service, "Tổng Bí thư chủ trì cuộc họp.", "2024-07-25")
    assert all(surface != "Tổng Bí thư" for surface, _ in found), found


def test_the_explanation_says_where_the_country_came_from(service):
    for text, words in [("Quốc hội họp.", "by default"), ("Tại Seoul, Quốc hội họp.", "same sentence"),
                        ("Tại Seoul, các nghị sĩ tranh luận.\nSau đó, Quốc hội họp.", "by default")]:
        mention = next(m for m in service.extract(text).mentions if m.text == "Quốc hội")
        assert mention.resolution.match is not None and words in mention.resolution.match.explanation, text


def test_role_references_use_the_articles_date(service):
    text = "Ngoại trưởng Mỹ cho biết sẽ tới Bắc Kinh."
    assert ("Ngoại trưởng", "antony-blinken") in _found(service, text, "2023-06-01")
    assert ("Ngoại trưởng", "marco-rubio") in _found(service, text, "2025-06-01")
