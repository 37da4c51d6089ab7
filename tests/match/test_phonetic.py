"""The phonetic tier: Vietnamese phonetic transcriptions resolve to the gazetteer's Latin names
(on a small gazetteer, and on the real one with the golden table tests/golden/phonetic.tsv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import carry_over
from normalizer.match import MATCH_THRESHOLD, Matcher
from normalizer.match.phonetic import PHONETIC_LOOKUP, looks_transcribed, lookup_for, phonetic_tier
from normalizer.match.translit_tier import translit_suggest, translit_tier
from normalizer.model import Entity, Name
from normalizer.translit.sound import latin_sound, similarity, vietnamese_sound

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "phonetic.tsv"
REQUIRED_TOP1 = 0.85


def person(id: str, english: str, country: str = "japan") -> Entity:
    return Entity(id=id, type="person", name=english, names=(Name(english, "en", "preferred", "test"),),
                  country=country)


ENTITIES = [
    person("shinzo-abe", "Shinzo Abe"), person("ajit-doval", "Ajit Doval", "india"),
    person("chan-chun-sing", "Chan Chun Sing", "singapore"),
    person("margaret-thatcher", "Margaret Thatcher", "uk"), person("ted-cruz", "Ted Cruz", "usa"),
    person("pham-nhat-vuong", "Pham Nhat Vuong", "vietnam"),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(GazetteerIndex(ENTITIES), tiers=[translit_tier, phonetic_tier], suggester=translit_suggest)


@pytest.mark.parametrize(("query", "entity"), [
    ("Sin-dô A-bê", "shinzo-abe"), ("A-bê Sin-dô", "shinzo-abe"), ("Adít Đôvan", "ajit-doval"),
    ("Chan Chun Xinh", "chan-chun-sing"), ("Mác-gơ-rét Thát-chơ", "margaret-thatcher"),
    ("Thủ tướng Sin-dô A-bê", "shinzo-abe"),
])
def test_a_transcription_resolves_by_sound(matcher: Matcher, query: str, entity: str) -> None:
    result = matcher.resolve(query)
    assert result.status == "matched" and result.match is not None and result.match.id == entity
    assert result.match.method == "phonetic" and "sounds like" in result.match.explanation
    assert MATCH_THRESHOLD <= result.match.score <= 0.9


def test_the_score_says_how_close(matcher: Matcher) -> None:
    exact = matcher.resolve("Sin-dô A-bê").match
    loose = matcher.resolve("Mác-gơ-rét Thát-chơ").match
    assert exact is not None and loose is not None and loose.score < exact.score


@pytest.mark.parametrize("query", ["Phạm Nhật Vượng Anh", "Nguyễn Văn Tèo", "Sin-đi Lô-pơ", "Tết Nguyên Đán"])
def test_other_names_and_words_stay_unmatched(matcher: Matcher, query: str) -> None:
    result = matcher.resolve(query)
    assert result.status == "unmatched"
    assert all(c.method != "phonetic" for c in result.candidates)


def test_vietnamese_names_are_not_transcriptions() -> None:
    assert looks_transcribed("Sin-dô A-bê") and looks_transcribed("Chan Chun Xinh")
    assert not looks_transcribed("Nguyễn Thị Mỹ Nhi") and not looks_transcribed("Pham Nhat Vuong")


def test_the_lookup_follows_a_patch(matcher: Matcher) -> None:
    index = GazetteerIndex(ENTITIES)
    before = lookup_for(index)
    patch = index.patched([person("fumio-kishida", "Fumio Kishida")], ["ajit-doval"], {})
    carry_over(index, patch)
    assert PHONETIC_LOOKUP.name in patch.index.derived
    patched = Matcher(patch.index, tiers=[phonetic_tier])
    assert patched.resolve("Phu-mi-ô Ki-si-đa").match.id == "fumio-kishida"
    assert patched.resolve("Adít Đôvan").status == "unmatched"
    assert sum(len(v) for v in before.buckets.values()) == len(ENTITIES)  # the old lookup is unchanged


SYLLABLES = ["sin", "dô", "a", "bê", "mác", "gơ", "rét", "xi", "ri", "chơ", "pu", "tin", "đô", "van"]


@given(st.lists(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=4), min_size=1, max_size=3))
def test_sound_similarity_is_a_share_and_one_for_itself(words):
    sounds = [vietnamese_sound("-".join(w)) for w in words]
    assert similarity(sounds, sounds) == (1.0 if all(sounds) else similarity(sounds, sounds))
    other = [latin_sound("".join(w)) for w in words]
    assert 0.0 <= similarity(sounds, other) <= 1.0


def _golden() -> list[dict[str, str]]:
    with GOLDEN.open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def test_golden_transcriptions_resolve_top1_on_the_real_gazetteer(service) -> None:
    rows = [r for r in _golden() if r["id"] != "-" and r["alias"] == "no"]
    assert len(rows) >= 60
    right = [r for r in rows if (m := service.resolve(r["transcription"]).match) and m.id == r["id"]]
    misses = [r["transcription"] for r in rows if r not in right]
    assert len(right) / len(rows) >= REQUIRED_TOP1, misses


def test_transcriptions_of_people_the_gazetteer_lacks_stay_unmatched(service) -> None:
    for row in (r for r in _golden() if r["id"] == "-"):
        assert service.resolve(row["transcription"]).status != "matched", row
