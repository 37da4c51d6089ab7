"""The per-text caches of the messy bulk path (bench/README.md, "Bulk speed on messy data") give
what the functions they remember give: on the real gazetteer's names, asked twice (the second
answer comes from the cache), and on made-up text."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.gazetteer.layers import thin_evidence
from normalizer.match.candidates import thin_name
from normalizer.translit import origin, sound, syllables
from normalizer.translit.sound import consonants, similarity


@pytest.fixture(scope="module")
def named(service):
    """(entity, name) of 4,000 names of the gazetteer with its layers, drawn at random."""
    index = service.index
    pairs = [(index.entities[index.name_owner[i]], name) for i, name in index.live_names()]
    return random.Random(23).sample(pairs, min(4000, len(pairs)))


def test_thin_names_are_thin_evidence(named):
    assert any(entity.layer for entity, _ in named)  # layer names are among them: the cache is used
    for _ in range(2):
        assert [thin_name(e, n) for e, n in named] == [thin_evidence(e, n) for e, n in named]


def test_origins_and_syllables_are_those_of_the_plain_functions(named):
    texts = [name.text for _, name in named] + ["Sin-dô A-bê", "Nguyen Van  An", "", "Kishida Fumio"]
    for _ in range(2):
        assert [origin.classify(t) for t in texts] == [origin.classify.__wrapped__(t) for t in texts]
        assert [syllables.split_syllables(t) for t in texts] == \
            [list(syllables._split_syllables.__wrapped__(t)) for t in texts]


def test_a_caller_that_changes_its_syllables_does_not_change_the_cache():
    first = syllables.split_syllables("Quách Chấn Cường")
    first.append("x")
    assert syllables.split_syllables("Quách Chấn Cường") == ["Quách", "Chấn", "Cường"]


SOUND = st.text(alphabet="abdeghiklmnoprstuvxyz", min_size=1, max_size=8)


def similarity_as_it_was(query: list[str], name: list[str]) -> float:
    if len(query) != len(name) or not query:
        return 0.0
    orders = [name] if len(name) != 2 else [name, name[::-1]]
    return max(sound._similar("".join(query), "".join(order)) for order in orders)


@settings(max_examples=300, deadline=None)  # correctness, not speed
@given(st.lists(SOUND, min_size=0, max_size=3), st.lists(SOUND, min_size=1, max_size=3))
def test_similarity_and_consonants_are_as_before(query, name):
    assert similarity(query, name) == similarity_as_it_was(query, name)
    for text in query + name:
        assert consonants(text) == consonants.__wrapped__(text)


@settings(max_examples=300, deadline=None)  # correctness, not speed
@given(st.lists(SOUND, min_size=0, max_size=3),
       st.lists(st.lists(SOUND, min_size=1, max_size=3).map(tuple), min_size=0, max_size=12))
def test_a_buckets_similarities_are_each_names_similarity(query, names):
    """sound.similarities (cdist rows, the phonetic tier's loop) gives similarity's numbers to the
    last bit, word order turned round for two-word names included."""
    assert sound.similarities(query, names) == [similarity(query, list(name)) for name in names]
