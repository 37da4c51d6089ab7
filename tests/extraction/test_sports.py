"""Sports documents (normalizer.extraction.sports): a country or city in a team's slot is its
team, only in a document about a sport. Golden sentences over the real gazetteer."""

from __future__ import annotations

import pytest

from normalizer.extraction.sports import MIN_CUES, sports_cues

MATCH_REPORT = "HLV cho biết các cầu thủ ghi bàn đẹp. "  # three cue words: a sports document

# text, expected (surface, id) pairs; `None` for an id: the surface must not be linked to a team.
CASES = [
    (MATCH_REPORT + "Việt Nam thắng Thái Lan 2-1 ở chung kết.",
     [("Thái Lan", "thailand-national-football-team"), ("Việt Nam", "vietnam-national-football-team")]),
    (MATCH_REPORT + "Đội khách hòa Malaysia, rồi thua trước Indonesia.",
     [("Malaysia", "malaysia-national-football-team"), ("Indonesia", "indonesia-national-football-team")]),
    ("U22 Việt Nam vô địch SEA Games. HLV Kim Sang-sik khen cầu thủ ghi bàn sau khi thắng Thái Lan.",
     [("U22 Việt Nam", "vietnam-national-under-23-football-team"),
      ("Thái Lan", "thailand-national-under-23-football-team")]),
    ("Messi ghi bàn và kiến tạo, Inter Miami thắng Nashville tại MLS. "
     "Trước đó đội hòa Cincinnati và thua New York City.",
     [("Nashville", "nashville-sc"), ("Cincinnati", "fc-cincinnati"), ("New York City", "new-york-city-fc")]),
    (MATCH_REPORT + "Trận đấu trên sân nhà Pleiku, HAGL đánh bại SLNA.",
     [("Pleiku", "pleiku-stadium"), ("HAGL", "hoang-anh-gia-lai-fc")]),
    (MATCH_REPORT + "Cầu thủ Thái Lan sang Nhật Bản thi đấu.",  # no slot: the countries
     [("Thái Lan", "thailand"), ("Nhật Bản", "japan")]),
    (MATCH_REPORT + "Đội chủ nhà Nashville mở tỷ số. Inter Miami thắng Nashville. Nashville xếp thứ 5.",
     [("Nashville", "nashville-sc")]),
    (MATCH_REPORT + "Philadelphia 2-0 Inter Miami.",  # no club is named after the city that way
     [("Philadelphia", None)]),
    (MATCH_REPORT + "Inter Miami đứng thứ ba, bằng điểm với Cincinnati (62 điểm).",  # a table's points
     [("Cincinnati", "fc-cincinnati")]),
    (MATCH_REPORT + "Vòng sau, Inter Miami hành quân đến sân nhà của Nashville.",  # its home ground
     [("Nashville", "nashville-sc")]),
    (MATCH_REPORT + "Inter Miami thắng SC Nashville 3-1. Nashville chỉ gỡ được một bàn.",  # the club named
     [("Nashville", "nashville-sc")]),
]
# Not sports documents: every place stays a place.
PLAIN = [
    "Đảng cầm quyền thắng Thái Lan trong cuộc bầu cử, xuất khẩu sang Malaysia tăng 2-1 lần.",
    "Việt Nam thắng Thái Lan về thu hút vốn FDI, vượt qua Malaysia.",
    "Đoàn doanh nghiệp gặp Cincinnati và Nashville trong chuyến công tác.",
]


def _found(service, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.resolution.match.id) for m in service.extract(text).mentions
            if m.resolution.match is not None]


def _teams(service, text: str) -> list[str]:
    return [m.text for m in service.extract(text).mentions
            if m.resolution.match is not None and m.resolution.match.type == "organization"]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][-40:] for c in CASES])
def test_a_place_in_a_team_slot_is_its_team(service, text, expected):
    found = _found(service, text)
    for surface, wanted in expected:
        if wanted is None:
            assert surface not in _teams(service, text), found
        else:
            assert (surface, wanted) in found, found


@pytest.mark.parametrize("text", PLAIN, ids=[t[:40] for t in PLAIN])
def test_outside_a_sports_document_places_stay_places(service, text):
    assert len(sports_cues(text)) < MIN_CUES
    for mention in service.extract(text).mentions:
        match = mention.resolution.match
        assert match is None or match.method != "context" or match.type != "organization", mention


def test_the_explanation_says_slot_and_cues(service):
    text = MATCH_REPORT + "Việt Nam thắng Thái Lan 2-1."
    mention = next(m for m in service.extract(text).mentions if m.text == "Thái Lan")
    assert mention.resolution.match.method == "context"
    explanation = mention.resolution.match.explanation
    assert "after 'thắng'" in explanation and "sports document" in explanation and "'hlv'" in explanation


def test_a_name_of_club_and_owner_stays_ambiguous_outside_sports(service):
    text = "Cổ phiếu HAGL tăng mạnh trên sàn HOSE."
    mention = next(m for m in service.extract(text).mentions if m.text == "HAGL")
    assert mention.resolution.status == "ambiguous"


def test_cues_are_distinct_words_in_order():
    assert sports_cues("HLV nói: hlv và các cầu thủ, Thủ môn") == ["hlv", "cầu thủ", "thủ môn"]


def test_a_city_read_as_its_club_is_that_club_throughout_but_not_as_a_place(service):
    text = MATCH_REPORT + "Inter Miami thắng Nashville 2-1. Nashville xếp thứ 5. Trận đấu ở tại Nashville."
    found = [(m.text, m.resolution.match.id) for m in service.extract(text).mentions if m.text == "Nashville"]
    assert [i for _, i in found][:2] == ["nashville-sc", "nashville-sc"]
    assert found[2][1] != "nashville-sc"


def test_a_country_in_a_slot_does_not_make_every_mention_its_team(service):
    text = MATCH_REPORT + "Việt Nam thắng Thái Lan. Tiền đạo này từng thi đấu ở giải Thái Lan."
    ids = [m.resolution.match.id for m in service.extract(text).mentions if m.text == "Thái Lan"]
    assert ids == ["thailand-national-football-team", "thailand"]


def test_the_age_group_is_the_nearest_team_named_before_in_the_paragraph(service):
    text = ("U22 Việt Nam vô địch SEA Games, HLV khen cầu thủ ghi bàn.\n"
            "Hồi tháng 1, đội tuyển Việt Nam thắng cả hai lượt trận trước Thái Lan (2-1, 3-2).\n"
            "Ở giải U23 Đông Nam Á, các học trò thắng Lào 3-0, Campuchia 2-1.")
    teams = {m.text: m.resolution.match.id for m in service.extract(text).mentions if m.resolution.match}
    assert teams["Thái Lan"] == "thailand-national-football-team"
    assert teams["Lào"] == "laos-national-under-23-football-team"
    assert teams["Campuchia"] == "cambodia-national-under-23-football-team"


def test_a_city_whose_club_is_named_stays_a_place_where_the_text_says_so(service):
    text = (MATCH_REPORT + "Inter Miami thắng SC Nashville 3-1. Nashville gỡ một bàn. "
            "Đội sẽ nghỉ tại Nashville.")
    ids = [m.resolution.match.id for m in service.extract(text).mentions if m.text == "Nashville"]
    assert ids[0] == "nashville-sc" and ids[1] != "nashville-sc"


def test_a_vietnamese_city_whose_club_is_named_stays_the_city(service):
    text = MATCH_REPORT + "Hà Nội FC có trận đấu khó khăn. Người hâm mộ Hà Nội vẫn đến sân cổ vũ."
    found = [(m.text, m.resolution.match.id) for m in service.extract(text).mentions if m.resolution.match]
    assert ("Hà Nội", "hanoi") in found, found
