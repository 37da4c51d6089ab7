"""A class word names a little-known unit of a layer (gazetteer.layers.in_running_text): "xã
Tân Phú" is a commune, never the district Tan Phu that the bare words would reach; the bare name
of a little-known commune stays plain text. Made-up sentences over the real gazetteer."""

from __future__ import annotations

import pytest

from normalizer.gazetteer.layers import class_word_of


def _found(service, text: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.resolution.status, m.resolution.match.id if m.resolution.match else None)
            for m in service.extract(text).mentions}


def test_a_commune_name_many_communes_share_is_ambiguous_not_the_district(service):
    found = _found(service, "Người dân xã Tân Phú đón bão.")
    assert found == {"xã Tân Phú": ("ambiguous", None)}


def test_a_class_word_links_a_little_known_unit_that_its_bare_name_does_not(service):
    named = _found(service, "Ông A trú tại xã Đông Xuyên, huyện Ninh Giang.")
    assert named["xã Đông Xuyên"][0] == "matched"
    assert named["xã Đông Xuyên"][1].startswith("vn-")
    assert "Đông Xuyên" not in _found(service, "Người dân Đông Xuyên đón bão.")


@pytest.mark.parametrize("text", [
    "Đảm bảo an sinh xã hội hòa bình cho dân.",      # the words after the class word in lower case
    "Chính sách phường tân phú không có.",
])
def test_a_class_word_before_lower_case_words_names_nothing(service, text):
    assert _found(service, text) == {}


@pytest.mark.parametrize(("name", "word"), [
    ("Xã Tân Phú", "xã"), ("Thị trấn Đông Anh", "thị trấn"), ("Thành phố Bà Rịa", None),
    ("Xã", None), ("Tân Phú", None), ("Xãhội", None),
])
def test_class_word_of(name, word):
    assert class_word_of(name) == word


def test_a_city_with_its_class_word_stays_the_curated_city(service):
    assert _found(service, "Quân đội thành phố Hà Nội họp.") == {"Hà Nội": ("matched", "hanoi")}


def test_a_little_known_unit_is_not_linked_by_its_bare_name_among_leftovers(service):
    found = _found(service, "Trạm Văn Lý đo được gió cấp 10, tại Văn Lý, Đông Xuyên.")
    assert all(status != "matched" for text, (status, _) in found.items() if text in ("Văn Lý", "Đông Xuyên"))
