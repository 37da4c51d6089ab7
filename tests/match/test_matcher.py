"""Matcher behaviour on a tiny hand-made gazetteer, independent of the shipped data."""

from __future__ import annotations

import pytest

from normalizer.gazetteer import GazetteerIndex
from normalizer.match import MATCH_THRESHOLD, Matcher
from normalizer.match.candidates import RawHit, Variant, max_edits
from normalizer.model import Entity, Name
from normalizer.text import match_keys


def _entity(ident, etype, name, *names, country=None):
    return Entity(ident, etype, name, tuple(Name(*n) for n in names), country=country)


ENTITIES = [
    _entity("japan", "country", "Japan", ("Japan", "en", "preferred", "cldr"),
            ("Nhật Bản", "vi", "preferred", "cldr")),
    _entity("united-kingdom", "country", "United Kingdom", ("United Kingdom", "en", "preferred", "cldr"),
            ("Anh", "vi", "preferred", "editorial")),
    _entity("anh-club", "organization", "ANH Club", ("ANH Club", "en", "preferred", "editorial"),
            ("ANH", "en", "abbreviation", "editorial")),
    _entity("georgia", "country", "Georgia", ("Georgia", "en", "preferred", "cldr", None, (), True)),
    _entity("georgia-us", "place", "Georgia (U.S. state)",
            ("Georgia", "en", "preferred", "editorial", None, (), True)),
    _entity("fumio-kishida", "person", "Fumio Kishida",
            ("Fumio Kishida", "en", "preferred", "editorial", "Kishida"), country="japan"),
    _entity("vienna", "place", "Vienna", ("Vienna", "en", "preferred", "editorial"),
            ("Viên", "vi", "preferred", "editorial")),
    _entity("le-quyen", "person", "Le Quyen", ("Lệ Quyên", "vi", "preferred", "editorial")),
    _entity("hillary-clinton", "person", "Hillary Clinton",
            ("Hillary Clinton", "en", "preferred", "editorial", "Clinton")),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(GazetteerIndex(ENTITIES))


def test_strong_name_beats_a_colliding_abbreviation(matcher):
    result = matcher.resolve("Anh")
    assert result.status == "matched" and result.match.id == "united-kingdom"
    assert [c.id for c in result.candidates] == ["united-kingdom"]


def test_names_shared_on_purpose_are_ambiguous(matcher):
    result = matcher.resolve("Georgia")
    assert result.status == "ambiguous" and result.match is None
    assert {c.id for c in result.candidates} == {"georgia", "georgia-us"}


def test_type_filter_settles_an_ambiguity(matcher):
    assert matcher.resolve("Georgia", type="country").match.id == "georgia"


def test_order_free_and_context(matcher):
    result = matcher.resolve("Thủ tướng Nhật Bản Kishida Fumio")
    assert result.match.id == "fumio-kishida"
    assert result.parsed.title == "Thủ tướng" and result.parsed.context == "Nhật Bản"
    assert "fits a person" in result.match.explanation


def test_a_person_title_keeps_a_country_from_matching(matcher):
    assert matcher.resolve("Thủ tướng Japan").status != "matched"


def test_fuzzy_typo_is_matched_with_a_lower_score(matcher):
    result = matcher.resolve("Hilarry Clinton")
    assert result.match.id == "hillary-clinton" and result.match.method == "fuzzy"
    assert MATCH_THRESHOLD <= result.match.score < 0.9


def test_short_keys_get_no_fuzzy_match(matcher):
    assert max_edits("abcd") == 0
    assert matcher.resolve("Japn").status == "unmatched"


def test_result_shape(matcher):
    data = matcher.resolve("Nhật Bản").to_dict()
    assert set(data) == {"query", "status", "match", "candidates", "parsed", "suggestion"}
    assert set(data["match"]) == {"id", "name", "type", "score", "matched_name", "method", "explanation"}
    assert data["match"]["matched_name"] == "Nhật Bản" and data["match"]["score"] == 1.0


def test_a_place_that_is_a_surname_is_not_peeled_off_a_hanviet_name(matcher):
    # "Viên" is Vienna and the surname Yuan: "Viên Lệ Quyên" is Yuan Lijuan, not Lệ Quyên in Vienna
    assert matcher.resolve("Viên Lệ Quyên").status == "unmatched"
    assert matcher.resolve("Nhật Bản Lệ Quyên").match.id == "le-quyen"


def _tier_hit_on(entity_id: str, similarity: float):
    """A tier that reaches `entity_id`'s first name at `similarity`, as the phonetic tier would."""
    def tier(matcher: Matcher, variant: Variant) -> list[RawHit]:
        name_id = matcher.index.name_ids("exact", match_keys(matcher.index.entities[entity_id].name).exact)[0]
        return [RawHit(matcher.index.hit(name_id), variant, "phonetic", similarity, "sounds like it")]
    return tier


PHILIP_LOWE = _entity("philip-lowe", "person", "Philip Lowe",
                      ("Philip Lowe", "en", "preferred", "editorial", "Lowe"))


def test_a_tier_hit_too_weak_to_match_leaves_room_for_one_typo() -> None:
    # "Philpi Lowe" sounds 0.78 like Philip Lowe (under the threshold) and is one swap from it
    weak = Matcher(GazetteerIndex([*ENTITIES, PHILIP_LOWE]), tiers=[_tier_hit_on("philip-lowe", 0.87)])
    found = weak.resolve("Philpi Lowe")
    assert found.status == "matched" and found.match is not None and found.match.id == "philip-lowe"
    assert "one_typo" in {f.name for f in found.match.features}


def test_a_tier_hit_that_matches_alone_ends_the_search() -> None:
    sure = Matcher(GazetteerIndex([*ENTITIES, PHILIP_LOWE]), tiers=[_tier_hit_on("hillary-clinton", 1.0)])
    assert [c.id for c in sure.resolve("Philpi Lowe").candidates] == ["hillary-clinton"]
