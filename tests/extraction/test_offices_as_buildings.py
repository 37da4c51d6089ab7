"""An office after "Dinh", "Phủ" or "Văn phòng" names a building or a bureau, not the office's
holder (normalizer.extraction.context): "Dinh Tổng thống" is a palace, not a president."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Hai nhà lãnh đạo duyệt đội danh dự tại Dinh Tổng thống ở thủ đô Dili, Timor-Leste.",
    "Phủ Tổng thống ra thông báo vào chiều nay.",
    "Văn phòng Thủ tướng cho biết lịch làm việc sẽ thay đổi.",
])
def test_an_office_after_a_building_word_is_no_person(service, text):
    people = [m for m in service.extract(text, date="2025-09-25").mentions
              if m.resolution.match is not None and m.resolution.match.type == "person"]
    assert people == [], people


def test_a_bare_office_still_reads_as_its_holder(service):
    text = "Thủ tướng Malaysia Anwar Ibrahim tới Dili. Thủ tướng cho biết hai nước sẽ hợp tác."
    ids = [m.resolution.match.id for m in service.extract(text, date="2025-09-25").mentions
           if m.text == "Thủ tướng" and m.resolution.match is not None]
    assert ids == ["anwar-ibrahim"], ids
