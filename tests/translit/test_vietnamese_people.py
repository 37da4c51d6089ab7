"""On the real gazetteer: no Vietnamese person's name, with or without diacritics, matches a
Chinese entity (the Hán-Việt reading of a Vietnamese name is not a Chinese name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalizer.gazetteer import GazetteerIndex, load_dir
from normalizer.match import Matcher
from normalizer.match.translit_tier import translit_suggest, translit_tier
from normalizer.text import fold

GAZETTEER = Path(__file__).resolve().parents[2] / "gazetteer"
CHINESE = {"china", "taiwan", "hong-kong", "macau"}
# Vietnamese people the gazetteer may not have: they must not become Chinese either.
NOT_IN_GAZETTEER = ["Lý Thường Kiệt", "Trần Hưng Đạo", "Lê Lợi", "Vương Thừa Vũ", "Lý Công Uẩn"]


@pytest.fixture(scope="module")
def matcher():
    loaded = load_dir(GAZETTEER)
    if not loaded.entities:
        pytest.skip("no gazetteer")
    return Matcher(GazetteerIndex(loaded.entities), tiers=[translit_tier], suggester=translit_suggest)


def chinese(matcher, entity_id):
    entity = matcher.index.get(entity_id)
    return entity is not None and (entity.country in CHINESE or entity.id in CHINESE)


def test_vietnamese_people_never_match_chinese_entities(matcher):
    names = [n.text for e in matcher.index.entities.values() if e.type == "person" and e.country == "vietnam"
             for n in e.names if n.lang == "vi"]
    assert names
    for text in [*names, *NOT_IN_GAZETTEER]:
        for query in (text, fold(text)):
            result = matcher.resolve(query)
            wrongly_chinese = result.status == "matched" and chinese(matcher, result.match.id)
            assert not wrongly_chinese, (query, result.match)
