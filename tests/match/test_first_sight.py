"""Resolve's first-sight path for a name as written (issue 19): the keys it reads off the table of
named_exactly are the name's own, and its answers are those of the long way (cleanup, parsing,
keying and every hit scored), on every curated name and a sample of the layers' names."""

from __future__ import annotations

import random

from normalizer.gazetteer import GazetteerIndex
from normalizer.match import Matcher
from normalizer.match.references import _title_split
from normalizer.match.sure import SURE_NAMES, name_keys
from normalizer.model import Entity, Name, Parsed
from normalizer.text import fold, match_keys
from tests.gazetteers import real_name_texts


def _long_way(matcher: Matcher) -> Matcher:
    """A matcher over the same index that never takes the first-sight path."""
    slow = Matcher(matcher.index, matcher.tiers, matcher.suggester)
    slow._keys_of_name = lambda query: None  # type: ignore[method-assign]
    return slow


def test_the_keys_of_each_name_are_its_match_keys(service):
    keys = service.matcher.sure_names.keys
    assert len(keys) == len(service.matcher.sure_names.by_text)
    for text in random.Random(19).sample(sorted(keys), 20_000):
        assert name_keys(keys[text]) == match_keys(text), text
        assert fold(text) == name_keys(keys[text]).folded, text  # what references.reference folds


def test_first_sight_answers_equal_the_long_way(service):
    matcher = service.matcher
    fast, slow = Matcher(matcher.index, matcher.tiers, matcher.suggester), _long_way(matcher)
    texts = real_name_texts(matcher.index)
    taken = [t for t in texts if fast._keys_of_name(t) is not None]
    assert len(taken) > 0.5 * len(texts)  # the path is taken by most names
    for text in texts:
        assert fast.resolve(text) == slow.resolve(text), text
    for type in ("person", "country", "organization"):
        for text in random.Random(type).sample(taken, 1_000):
            assert fast.resolve(text, type, 3) == slow.resolve(text, type, 3), (text, type)


def test_only_a_plain_name_that_is_no_id_takes_the_path(service):
    matcher = service.matcher
    assert matcher._keys_of_name("Vương Nghị") is not None
    for query in ("Ngoại trưởng Vương Nghị", "Takeshima/Dokdo", "japan", " Vương Nghị", "vuong nghi"):
        assert matcher._keys_of_name(query) is None, query


def test_no_table_no_path_until_it_is_built():
    """A patched generation has no table of named_exactly until a bulk job asks for it: resolve
    then takes the long way rather than build it."""
    entity = Entity("wang-yi", "person", "Wang Yi", (Name("Vương Nghị", "vi", "preferred", "test"),))
    matcher = Matcher(GazetteerIndex([entity]))
    assert matcher._keys_of_name("Vương Nghị") is None
    before = matcher.resolve("Vương Nghị")
    assert SURE_NAMES.name not in matcher.index.derived
    matcher.sure_names  # noqa: B018
    assert matcher._keys_of_name("Vương Nghị") is not None
    assert Matcher(matcher.index).resolve("Vương Nghị") == before


def test_the_title_check_with_a_known_key_is_the_one_without(service):
    """references._title_split skips folding the first word when the name's folded key shows it
    cannot be a title's first word: the same parse either way, titles before names included."""
    texts = real_name_texts(service.index)
    texts += [f"{title} {text}" for title in ("Thủ tướng", "Ngoại trưởng", "Đại sứ", "Chủ tịch", "Tổng")
              for text in random.Random(title).sample(texts, 300)]
    split = 0
    for text in texts:
        parsed, folded = Parsed(name=text), fold(text)
        assert _title_split(parsed, folded) == _title_split(parsed), text
        split += _title_split(parsed) != parsed
    assert split > 500  # titles were taken off
