"""The fuzzy tier: one search within the edits a key's length allows."""

from __future__ import annotations

import pytest

from normalizer.gazetteer import GazetteerIndex
from normalizer.match import Matcher
from normalizer.model import Entity, Name

ENTITIES = [
    Entity("fumio-kishida", "person", "Fumio Kishida",
           (Name("Fumio Kishida", "en", "preferred", "editorial", "Kishida"),)),
    Entity("hillary-clinton", "person", "Hillary Clinton",
           (Name("Hillary Clinton", "en", "preferred", "editorial", "Clinton"),)),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(GazetteerIndex(ENTITIES))


def test_a_typo_is_matched_and_explained(matcher):
    result = matcher.resolve("Hilarry Clinton")
    assert result.match.id == "hillary-clinton" and "after folding" in result.match.explanation


def test_more_edits_than_the_length_allows_reach_nothing(matcher):
    assert matcher.resolve("Hxllxry Clxntxn").candidates == ()  # four edits in 14 letters


def test_nothing_close_stays_unmatched(matcher):
    assert matcher.resolve("Zzyzx Quorp").candidates == ()
