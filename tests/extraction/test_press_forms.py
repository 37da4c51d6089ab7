"""A one-word name the gazetteer writes in capitals may be written capitalized when it is long
enough: the press writes "Blackpink" and "BlackPink" for BLACKPINK; short ones stay capitals
("Nam" is not NAM). Made-up sentences."""

from __future__ import annotations


def _found(service, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.resolution.match.id) for m in service.extract(text, date="2023-07-31").mentions
            if m.resolution.match is not None]


def test_a_long_name_in_capitals_written_capitalized(service):
    found = _found(service, "Các cô gái nhóm Blackpink đã tới Hà Nội. Các thành viên BlackPink rất vui.")
    assert ("Blackpink", "blackpink") in found and ("BlackPink", "blackpink") in found, found


def test_the_same_words_in_lower_case_are_no_name(service):
    found = _found(service, "Cô ấy thích màu blackpink hơn màu xanh.")
    assert not any(text.casefold() == "blackpink" for text, _ in found), found
