"""A club's nickname the press writes in lower case between quotes ('"quỷ đỏ"', '"bầy ong"') is a
name; the same words without quotes, and a place's name in quotes ('"hòa bình"': peace), are not."""

from __future__ import annotations

MATCH_REPORT = "HLV cho biết các cầu thủ ghi bàn đẹp. "


def _found(service, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.resolution.match.id) for m in service.extract(text).mentions
            if m.resolution.match is not None]


def test_a_quoted_lower_case_nickname_is_its_club(service):
    found = _found(service, MATCH_REPORT + 'Sau trận thua, "quỷ đỏ" trắng tay trước "bầy ong".')
    assert ("quỷ đỏ", "manchester-united-fc") in found and ("bầy ong", "brentford-fc") in found, found


def test_the_same_words_without_quotes_are_no_name(service):
    found = _found(service, MATCH_REPORT + "Bức tranh vẽ một con quỷ đỏ và một bầy ong.")
    assert not any(surface in ("quỷ đỏ", "bầy ong") for surface, _ in found), found


def test_a_quoted_lower_case_place_name_stays_a_word(service):
    assert _found(service, 'Người dân mong "hòa bình" và "thái bình" cho quê hương.') == []
