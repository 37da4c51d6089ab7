"""Matcher.named_exactly never answers where resolve would answer differently: every entity it
returns is resolve's match, by an exact name at its score, on the real gazetteer and a tiny one."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.gazetteer import GazetteerIndex
from normalizer.match import Matcher
from normalizer.match.scoring import WEAK_KIND_FACTOR
from normalizer.match.sure import LOOSER_BEST, SURE_NAMES, sure_on_its_own
from normalizer.model import ENTITY_TYPES, Entity, Name
from normalizer.names import parse
from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.text import match_keys
from tests.gazetteers import real_name_texts


def assert_resolves_the_same(matcher: Matcher, query: str, type: str | None = None) -> bool:
    """If named_exactly answers, resolve and the whole pipeline match that entity exactly at its
    score; True when it answered."""
    found = matcher.named_exactly(query, type)
    if found is None:
        return False
    entity = found.entity
    parsed = parse(query)
    assert parsed is not None
    for result in (matcher.resolve(query, type), matcher.resolve_parsed(query, parsed, type, 5)):
        assert result.status == "matched", query
        assert result.match is not None
        match = (result.match.id, result.match.method, result.match.score)
        assert match == (entity.id, found.method, found.score), query
    return True


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_TEXTS: dict[int, tuple[GazetteerIndex, list[str]]] = {}


def _name_texts(index: GazetteerIndex) -> list[str]:
    """real_name_texts, once per index (hypothesis draws from it for every example)."""
    found = _TEXTS.get(id(index))
    if found is None or found[0] is not index:
        found = _TEXTS[id(index)] = (index, real_name_texts(index))
    return found[1]


def _variants(text: str) -> set[str]:
    return {text, text.lower(), text.upper(), text.title(), _strip_marks(text), f"Ông {text}",
            f"Ngoại trưởng {text}", f"Mr {text}", f"{text} ", f"{text}/{text}"}


def test_every_name_and_variant_of_the_real_gazetteer(service):
    matcher = service.matcher
    texts = _name_texts(service.index)
    queries = sorted({v for text in texts for v in _variants(text)})
    answered = sum(assert_resolves_the_same(matcher, q) for q in queries)
    assert answered >= sum(t in matcher.sure_names.by_text for t in texts)  # each is a query


@pytest.mark.parametrize("type", ENTITY_TYPES)
def test_every_name_with_a_type_filter(service, type):
    matcher = service.matcher
    for text in _name_texts(service.index):
        if assert_resolves_the_same(matcher, text, type):
            assert matcher.named_exactly(text, type).entity.type == type


def _edit(text: str, rng: random.Random) -> str:
    """One random edit that may keep, change or break a name."""
    position = rng.randrange(len(text) + 1)
    return rng.choice([
        lambda: text[:position] + rng.choice("aàđ ̀-'/(Ѕ") + text[position:],
        lambda: text[:position] + text[position + 1:],
        lambda: text.swapcase(),
        lambda: " ".join(reversed(text.split(" "))),
        lambda: _strip_marks(text),
        lambda: rng.choice(["Ông ", "bà ", "Tổng thống ", "President ", ""]) + text,
        lambda: text.replace(" ", rng.choice(["  ", " hay ", "\u00a0"]), 1),
    ])()


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_gazetteer_names_with_random_edits(service, data):
    text = data.draw(st.sampled_from(_name_texts(service.index)))
    rng = random.Random(data.draw(st.integers(0, 2**32)))
    for _ in range(data.draw(st.integers(1, 3))):
        text = _edit(text, rng) or text
    assert_resolves_the_same(service.matcher, text, data.draw(st.sampled_from([None, *ENTITY_TYPES])))


def test_the_table_covers_most_strong_unshared_names(service):
    """Strong names alone in their exact and folded buckets; the rest are written otherwise than
    clean writes them ("Cộng hoà", Japanese "ー") or hold a title or an alternative."""
    index, matcher = service.index, service.matcher
    unshared = []
    for name_id, name in index.live_names():  # a load that updated the database patched the index
        if index.entities[index.name_owner[name_id]].layer:
            continue  # curated names: a layer's one-word names are left to the pipeline on purpose
        keys = match_keys(name.text)
        assert keys is not None
        bucket = index.name_ids("exact", keys.exact) + index.name_ids("folded", keys.folded)
        owners = {index.name_owner[i] for i in bucket}
        if name.strong and name.text not in index.entities and len(owners) == 1:
            unshared.append((name, index.name_owner[name_id]))
    found = [matcher.named_exactly(name.text) for name, _ in unshared]
    assert all(f is None or f.entity.id == owner for f, (_, owner) in zip(found, unshared, strict=True))
    assert sum(e is not None for e in found) >= 0.9 * len(unshared)


def test_no_answer_for_ids_misspellings_and_shared_names_of_the_real_gazetteer(service):
    index, matcher = service.index, service.matcher
    assert all(matcher.named_exactly(entity_id) is None for entity_id in index.entities)
    others = {name.text for name in index.name_of if name.kind != "misspelling"}
    misspelt = {name.text for name in index.name_of if name.kind == "misspelling"} - others
    assert misspelt and all(matcher.named_exactly(text) is None for text in misspelt)
    def deciding(found: list[int]) -> set[str]:  # the curated owners decide a bucket, if any
        owners = {index.name_owner[i] for i in found}
        return {o for o in owners if index.entities[o].layer is None} or owners

    shared = [found for found in index.tables["exact"].values()
              if isinstance(found, list) and len(deciding(found)) > 1]
    assert shared and all(matcher.named_exactly(index.name_of[i].text) is None for f in shared for i in f)


def _entity(ident: str, etype: str, *names: tuple[str, str]) -> Entity:
    return Entity(ident, etype, names[0][0], tuple(Name(text, "vi", kind, "test") for text, kind in names))


TINY = [
    _entity("japan", "country", ("Nhật Bản", "preferred"), ("Japan", "alias"), ("JP", "abbreviation"),
            ("Nipon", "misspelling")),
    _entity("georgia", "country", ("Georgia", "preferred")),
    _entity("georgia-us", "place", ("Georgia", "preferred")),
    _entity("china", "country", ("Trung Hoa", "preferred")),
    _entity("trung-hoa", "place", ("Trung Hòa", "preferred")),  # a ward: the same folded key
    _entity("hue", "place", ("Huế", "preferred"), ("hue", "alias")),  # a name that is an id
    _entity("santa", "person", ("Ông Già Noel", "preferred")),  # starts with an honorific
    _entity("dokdo", "place", ("Takeshima/Dokdo", "alias"), ("Dokdo", "preferred"),
            ("Hòa Bình", "historic"), ("Hoà Bình cũ", "historic")),  # the old tone placement
]


@pytest.fixture(scope="module")
def tiny() -> Matcher:
    return Matcher(GazetteerIndex(TINY))


@pytest.mark.parametrize(("query", "type", "expected"), [
    ("Nhật Bản", None, "japan"), ("Japan", "country", "japan"), ("Dokdo", "place", "dokdo"),
    ("Huế", None, "hue"), ("Hòa Bình", None, "dokdo"),
    ("Japan", "person", None),  # wrong type
    ("JP", None, "japan"),  # an abbreviation alone in its buckets: 0.97, ahead of any other tier
    ("Nipon", None, None),  # a misspelling: 0.95 is not sure to lead a sorted or compact hit
    ("japan", None, None), ("hue", None, None),  # ids
    ("Georgia", None, None), ("Trung Hoa", None, None), ("Trung Hòa", None, None),  # shared keys
    ("Ông Già Noel", None, None),  # parse takes "Ông" for a title
    ("Takeshima/Dokdo", None, None), ("Hoà Bình cũ", None, None),  # parse would change them
    ("nhật bản", None, "japan"), ("NHẬT BẢN", None, "japan"),  # by its exact key
    ("Nhat Ban", None, "japan"), ("Nhất Bàn", None, "japan"),  # by its folded key: 0.94, 0.8836
    ("trung hoa", None, None), ("Nhật  Bản", None, None),  # a shared key; not plain
    ("jp", None, "japan"), ("nipon", None, None),  # the abbreviation's bucket; a misspelling
])
def test_what_the_tiny_gazetteer_answers(tiny, query, type, expected):
    found = tiny.named_exactly(query, type)
    assert (found.entity.id if found else None) == expected
    assert_resolves_the_same(tiny, query, type)


@pytest.mark.parametrize(("query", "method", "score"), [
    ("Nhật Bản", "exact", 1.0), ("nhật bản", "exact", 1.0), ("Nhat Ban", "folded", 0.94),
    ("Nhất Bàn", "folded", 0.94 * 0.94), ("JP", "exact", 0.97),
])
def test_methods_and_scores(tiny, query, method, score):
    found = tiny.named_exactly(query)
    assert (found.method, found.score) == (method, pytest.approx(score))
    assert assert_resolves_the_same(tiny, query)


def test_every_name_of_the_tiny_gazetteer(tiny):
    for text in _name_texts(tiny.index):
        for variant in _variants(text):
            for type in (None, *ENTITY_TYPES):
                assert_resolves_the_same(tiny, variant, type)


def test_the_service_answers_nothing_that_resolve_refuses():
    service = Normalizer(GazetteerIndex(TINY), Settings(max_query_chars=5))
    assert service.named_exactly("Japan").entity.id == "japan"
    assert service.named_exactly("Japan", "country").entity.id == "japan"
    assert service.named_exactly("Nhật Bản") is None  # over max_query_chars
    assert service.named_exactly("Japan", "planet") is None  # not a type


def test_many_at_once_is_each_alone(tiny):
    """The batch (bulk jobs) answers each query as named_exactly does alone: names as written,
    variants answered by their keys, ids, refused and unknown queries, mixed in one list."""
    service = Normalizer(GazetteerIndex(TINY), Settings(max_query_chars=6))
    queries = [v for text in _name_texts(tiny.index) for v in _variants(text)]
    queries += [*tiny.index.entities, "Nhật Bản", "", "zzz"]
    for type in (None, *ENTITY_TYPES, "planet"):
        assert service.named_exactly_many(queries, type) == [service.named_exactly(q, type) for q in queries]
        assert tiny.named_exactly_many(queries, type) == [tiny.named_exactly(q, type) for q in queries]


def test_warm_up_builds_the_table():
    service = Normalizer(GazetteerIndex(TINY))
    service.warm_up()
    assert SURE_NAMES.name in service.index.derived


def test_which_weak_kinds_are_sure_on_their_own():
    """An abbreviation's exact hit (0.97) leads anything the looser tiers can score (a sorted or
    compact key at 0.93 x 0.97) by more than the margin; a misspelling's (0.95) does not."""
    assert round(LOOSER_BEST, 4) == 0.9021
    assert sure_on_its_own(WEAK_KIND_FACTOR["abbreviation"])
    assert not sure_on_its_own(WEAK_KIND_FACTOR["misspelling"])


def test_abbreviations_of_the_real_gazetteer_are_answered(service):
    abbreviations = {n.text for n in service.index.name_of if n.kind == "abbreviation"}
    answered = [service.named_exactly(text) for text in abbreviations]
    assert sum(a is not None and a.score == 0.97 for a in answered) >= 0.5 * len(abbreviations)
