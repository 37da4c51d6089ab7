"""Coreference against layer namesakes and shared names (normalizer.extraction.coref), as sports
and entertainment pages need it: "Suarez" after "Luis Suárez", "Horta" after "José Ramos-Horta",
"Thùy Linh" after "Nguyễn Thùy Linh". Golden sentences over the real gazetteer."""

from __future__ import annotations

import pytest

from normalizer.extraction.coref import partial_key_table
from normalizer.model import Entity, Name

# text, the partial reference, the person it must be (None: it must not be linked to a person)
CASES = [
    ("Tiền đạo Luis Suarez ghi bàn cho Inter Miami. Suarez sau đó được thay ra.", "Suarez", "luis-suarez"),
    ("Tổng thống José Ramos-Horta tiếp đoàn. Horta phát biểu tại buổi lễ.", "Horta", "jose-ramos-horta"),
    ("Thủ tướng Malaysia Anwar Ibrahim phát biểu. Anwar nói hai nước sẽ hợp tác.", "Anwar", "anwar-ibrahim"),
    ("Tay vợt Nguyễn Thùy Linh thắng trận. Thùy Linh vào vòng 1/8.", "Thùy Linh", "nguyen-thuy-linh"),
    ("Ca sĩ Hoàng Thùy Linh ra MV mới. Thùy Linh chia sẻ về sản phẩm.", "Thùy Linh", "hoang-thuy-linh"),
]


def _mention(service, text: str, surface: str):
    return [m for m in service.extract(text).mentions if m.text == surface][-1]


@pytest.mark.parametrize(("text", "surface", "wanted"), CASES, ids=[c[1] + ":" + c[2] for c in CASES])
def test_a_partial_reference_wins_over_namesakes(service, text, surface, wanted):
    mention = _mention(service, text, surface)
    assert mention.resolution.status == "matched", mention
    assert mention.resolution.match.id == wanted
    assert mention.resolution.match.method == "coref"


def test_a_shared_name_with_no_antecedent_stays_ambiguous(service):
    mention = _mention(service, "Thùy Linh vào vòng 1/8 giải cầu lông.", "Thùy Linh")
    assert mention.resolution.status == "ambiguous"


def test_foreign_keys_come_with_and_without_accents_vietnamese_keys_keep_theirs():
    name = Name("Luis Suárez", "en", "preferred", "editorial", family="Suárez")
    foreign = Entity("x", "person", "Luis Suárez", (name,))
    assert {"suárez", "suarez"} <= set(partial_key_table(foreign))
    name = Name("Tô Lâm", "vi", "preferred", "editorial", family="Tô")
    vietnamese = Entity("y", "person", "Tô Lâm", (name,))
    assert set(partial_key_table(vietnamese)) == {"tô"}


def test_the_explanation_names_the_antecedent(service):
    mention = _mention(service, CASES[3][0], "Thùy Linh")
    assert "'Nguyễn Thùy Linh'" in mention.resolution.match.explanation


@pytest.mark.parametrize(("text", "star"), [
    ("Chị Nguyễn Thị Thu Trang, 30 tuổi, cho biết.", "Thu Trang"),
    ("Ông Lê Thái Hòa nói.", "Thái Hòa"),
    ("Bà Nguyễn Thị Hoài Linh cho biết.", "Hoài Linh"),
])
def test_a_stage_name_inside_a_longer_vietnamese_name_is_not_the_star(service, text, star):
    assert all(m.text != star for m in service.extract(text).mentions)


def test_a_stage_name_on_its_own_is_the_star(service):
    found = {m.text: m.resolution.match.id for m in service.extract(
        "Diễn viên Thái Hòa và Thu Trang đóng chung.").mentions if m.resolution.match}
    assert found == {"Thái Hòa": "thai-hoa-actor", "Thu Trang": "thu-trang-actress"}
