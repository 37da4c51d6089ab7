"""The transliteration tier in the resolver, on a small gazetteer."""

from __future__ import annotations

import pytest

from normalizer.gazetteer import GazetteerIndex
from normalizer.match import MATCH_THRESHOLD, Matcher
from normalizer.match.translit_tier import lookup_for, translit_suggest, translit_tier
from normalizer.model import Entity, Name


def person(id, english, *names, country="china"):
    others = [Name(text, lang, "preferred" if lang == "vi" else "native", "test") for text, lang in names]
    all_names = (Name(english, "en", "preferred", "test"), *others)
    return Entity(id=id, type="person", name=english, names=all_names, country=country)


ENTITIES = [
    person("guo-jiakun", "Guo Jiakun", ("郭嘉昆", "zh-Hans")),  # no Vietnamese name on purpose
    person("wang-yi", "Wang Yi", ("王毅", "zh-Hans"), ("Vương Nghị", "vi")),
    person("li-changjie", "Li Changjie", ("李长杰", "zh-Hans")),  # reads Lý Trường Kiệt
    person("li-qiang", "Li Qiang"),  # English only: the pinyin route
    person("yoon-suk-yeol", "Yoon Suk Yeol", ("윤석열", "ko"), country="south-korea"),
    person("vuong-dinh-hue", "Vuong Dinh Hue", ("Vương Đình Huệ", "vi"), country="vietnam"),
    person("wang-tinghui", "Wang Tinghui"),  # a made-up Chinese homophone of Vương Đình Huệ
]


@pytest.fixture(scope="module")
def matcher():
    return Matcher(GazetteerIndex(ENTITIES), tiers=[translit_tier], suggester=translit_suggest)


def test_hanviet_spelling_nobody_entered_resolves_through_native_characters(matcher):
    result = matcher.resolve("Quách Gia Côn")
    assert result.status == "matched" and result.match.id == "guo-jiakun"
    assert result.match.method == "translit"
    assert 0.85 <= result.match.score <= 0.9
    assert "郭嘉昆" in result.match.explanation


def test_with_a_title_and_without_diacritics(matcher):
    assert matcher.resolve("Người phát ngôn Quách Gia Côn").match.id == "guo-jiakun"
    plain = matcher.resolve("quach gia con")
    assert plain.status == "matched" and plain.match.id == "guo-jiakun"
    assert plain.match.score < matcher.resolve("Quách Gia Côn").match.score


def test_korean_name_matches_hangul(matcher):
    result = matcher.resolve("Doãn Tích Duyệt")
    assert result.status == "matched" and result.match.id == "yoon-suk-yeol"


def test_pinyin_route_for_an_entity_without_characters(matcher):
    result = matcher.resolve("Lý Cường")
    assert result.match is not None and result.match.id == "li-qiang"
    assert MATCH_THRESHOLD <= result.match.score < 0.85


def test_homophone_with_other_characters_is_not_matched(matcher):
    # Uông Nghị gives "Wang Yi", but 王毅 reads Vương Nghị: a candidate, never a match
    result = matcher.resolve("Uông Nghị")
    assert result.status != "matched"
    assert result.candidates and result.candidates[0].id == "wang-yi"
    assert result.candidates[0].score < MATCH_THRESHOLD


def test_vietnamese_people_do_not_match_chinese_entities(matcher):
    assert matcher.resolve("Vương Đình Huệ").match.id == "vuong-dinh-hue"
    assert matcher.resolve("Vuong Dinh Hue").match.id == "vuong-dinh-hue"
    result = matcher.resolve("Lý Thường Kiệt")  # not in this gazetteer; 李长杰 reads otherwise
    assert result.status != "matched"


def test_suggestions_for_unmatched_names(matcher):
    chinese = matcher.resolve("Lưu Tường")
    assert chinese.status == "unmatched"
    assert chinese.suggestion.text == "Liu Xiang" and chinese.suggestion.method == "pinyin"
    assert chinese.suggestion.origin == "chinese"
    korean = matcher.resolve("Phác Văn Minh")
    assert korean.suggestion.text.startswith("Park ") and "박문명" in korean.suggestion.alternatives
    assert korean.suggestion.origin == "korean-hanviet"
    vietnamese = translit_suggest("Nguyễn Thị Lan")  # a Vietnamese person: never a pinyin reading
    assert vietnamese is not None and (vietnamese.text, vietnamese.origin) == ("Nguyen Thi Lan", "vietnamese")
    assert translit_suggest("Smith") is None


def test_lookup_is_built_once_per_index(matcher):
    assert lookup_for(matcher.index) is lookup_for(matcher.index)
    assert "guo-jiakun" in lookup_for(matcher.index).with_characters
