"""The fuzzy tier's looser readings, tried only when the key as written reaches no name."""

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


def test_a_typo_in_words_given_in_another_order_is_found_with_them_rotated(matcher):
    result = matcher.resolve("Kishida Fumoi")  # no dictionary tier: the typo; no plain fuzzy: the order
    assert [c.id for c in result.candidates] == ["fumio-kishida"]
    assert result.candidates[0].method == "fuzzy" and "words rotated" in result.candidates[0].explanation


def test_one_edit_more_than_the_length_allows_when_nothing_else_is_found(matcher):
    # Three edits in 13 letters (two allowed): still the only name close to it.
    result = matcher.resolve("Hilarry Clintn")
    assert [c.id for c in result.candidates] == ["hillary-clinton"]
    assert result.status == "unmatched"  # a weak reading lists the name without matching it


def test_a_key_that_reaches_a_name_as_written_gets_no_looser_reading(matcher):
    result = matcher.resolve("Hilarry Clinton")
    assert result.match.id == "hillary-clinton" and "after folding" in result.match.explanation


def test_nothing_close_stays_unmatched(matcher):
    assert matcher.resolve("Zzyzx Quorp").candidates == ()
