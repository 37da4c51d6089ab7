"""The trigram blocking index: its build, its pigeonhole guarantee and its length bound."""

from __future__ import annotations

import random
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from normalizer.match import blocking
from normalizer.match.blocking import TrigramIndex, length_range, query_grams

KEY = st.text(alphabet="abcdeghinotuy ", min_size=1, max_size=14).map(str.strip).filter(bool)


def reference_postings(keys: list[str]) -> dict[int, list[int]]:
    """gram -> ascending distinct key numbers, the plain way."""
    postings: dict[int, list[int]] = {}
    for number, key in enumerate(keys):
        for gram in query_grams(key):
            postings.setdefault(gram, []).append(number)
    return postings


@settings(max_examples=200, deadline=None)  # correctness, not speed: a busy machine must not fail it
@given(st.lists(KEY, min_size=1, max_size=30))
def test_postings_equal_the_plain_construction(keys):
    index = TrigramIndex(keys)
    expected = reference_postings(keys)
    for gram, numbers in expected.items():
        inside = index._posting(gram)
        assert inside.tolist() == sorted(inside.tolist())  # binary searches rely on it
        assert sorted(index.outside[inside].tolist()) == numbers
    assert index.lengths.tolist() == sorted(len(k) for k in keys)
    assert index.offsets[-1] == sum(len(n) for n in expected.values())


def damage(key: str, edits: int, rng: random.Random) -> str:
    chars = list(key)
    for _ in range(edits):
        kind, at = rng.randrange(4), rng.randrange(len(chars))
        if kind == 0:
            chars[at] = rng.choice("abcxyz")
        elif kind == 1:
            chars.insert(at, rng.choice("abcxyz"))
        elif kind == 2 and len(chars) > 1:
            del chars[at]
        elif at + 1 < len(chars):
            chars[at], chars[at + 1] = chars[at + 1], chars[at]  # a swap of neighbours
    return "".join(chars)


@settings(max_examples=300, deadline=None)  # correctness, not speed: a busy machine must not fail it
@given(st.lists(KEY, min_size=1, max_size=40), st.integers(0, 10_000), st.integers(1, 2))
def test_a_key_within_k_edits_or_swaps_is_never_missed(keys, seed, edits):
    rng = random.Random(seed)
    target = rng.randrange(len(keys))
    query = damage(keys[target], edits, rng)
    if len(query_grams(query)) < 4 * edits + 1:
        return  # the pigeonhole needs that many distinct trigrams (max_edits gives short keys 0)
    assert target in TrigramIndex(keys).candidates(query, edits).tolist()


@settings(max_examples=300, deadline=None)  # correctness, not speed: a busy machine must not fail it
@given(st.integers(1, 60), st.integers(1, 60), st.floats(1, 100))
def test_the_length_range_holds_every_length_that_can_reach_the_cutoff(length, other, cutoff):
    best = fuzz.ratio("a" * length, "a" * other)  # equal letters: the best any pair can do
    shortest, longest = length_range(length, cutoff)
    if best >= cutoff:
        assert shortest <= other <= longest


@settings(max_examples=200, deadline=None)  # correctness, not speed: a busy machine must not fail it
@given(KEY, st.lists(KEY, min_size=1, max_size=40), st.floats(50, 99))
def test_the_cutoff_drops_no_candidate_that_reaches_it(query, keys, cutoff):
    index = TrigramIndex(keys)
    everyone = set(index.candidates(query, 0).tolist())
    kept = set(index.candidates(query, 0, cutoff).tolist())
    for number in everyone - kept:
        assert fuzz.ratio(query, keys[number]) < cutoff


def test_search_ranks_by_ratio_and_keeps_numbers():
    keys = ["kishida fumio", "fumio kishida", "kamikawa yoko", "kishida fumiko"]
    found = TrigramIndex(keys).search("kishda fumio", 2, 5, 70.0)
    assert found[0][0] == "kishida fumio" and found[0][2] == 0
    assert [score for _, score, _ in found] == sorted((s for _, s, _ in found), reverse=True)


def test_an_oversized_set_keeps_the_closest_keys(monkeypatch):
    monkeypatch.setattr(blocking, "MAX_CANDIDATES", 5)
    noise = [f"zz{chr(97 + i % 26)}{chr(97 + i // 26 % 26)} nguyen" for i in range(300)]
    keys = [*noise, "nguyen van thanh"]
    found = TrigramIndex(keys).search("nguyen vn thanh", 2, 3, 70.0)
    assert found and found[0][2] == len(keys) - 1


@settings(max_examples=200, deadline=None)  # correctness, not speed: a busy machine must not fail it
@given(st.lists(KEY, min_size=1, max_size=40), st.integers(0, 10_000), st.integers(1, 2),
       st.sampled_from([0, 3, 50_000]))
def test_the_count_filter_never_misses_a_key_within_k_edits(keys, seed, edits, budget):
    """However many trigrams beyond the 4k+1 rarest the read budget lets in."""
    rng = random.Random(seed)
    target = rng.randrange(len(keys))
    query = damage(keys[target], edits, rng)
    if len(query_grams(query)) < 4 * edits + 1:
        return
    with mock.patch.object(blocking, "READ_BUDGET", budget):
        assert target in TrigramIndex(keys).candidates(query, edits).tolist()


@pytest.mark.parametrize("budget", [0, 50_000])
def test_the_cut_of_an_oversized_set_keeps_a_key_within_k_edits(monkeypatch, budget):
    # 300 keys of the right length share "nguyen" and "thanh" with the query: all pass the
    # first count and the cut, on the complete count, must rank the key 2 edits away first.
    monkeypatch.setattr(blocking, "MAX_CANDIDATES", 5)
    monkeypatch.setattr(blocking, "READ_BUDGET", budget)
    noise = [f"nguyen thanh {chr(97 + i % 26)}{chr(97 + i // 26 % 26)}" for i in range(300)]
    keys = [*noise, "nguyen van thanh"]
    assert len(keys) - 1 in TrigramIndex(keys).candidates("nguyen vn thanh", 2).tolist()


def sliced_by_binary_search(index: TrigramIndex, key: str, shortest: int, past: int) -> list[list[int]]:
    """The postings cut to a window the old way: two binary searches in each posting."""
    first, last = index.length_starts[shortest], index.length_starts[past]
    cut = [index._posting(gram) for gram in query_grams(key)]
    cut = [p[np.searchsorted(p, first):np.searchsorted(p, last)] for p in cut]
    return [p.tolist() for p in sorted(cut, key=len)]


@settings(max_examples=200, deadline=None)  # correctness, not speed: a busy machine must not fail it
@given(st.lists(KEY, min_size=1, max_size=40), KEY, st.integers(0, 2), st.sampled_from([0.0, 70.0, 85.0]))
def test_the_per_length_layout_cuts_postings_as_binary_searches_do(keys, query, edits, cutoff):
    """TrigramIndex._sliced (two table look-ups a trigram) gives the same slices, in the same
    order, as a binary search for the window in each posting."""
    index = TrigramIndex(keys)
    shortest, past = index._window(len(query), edits, cutoff)
    found = [p.tolist() for p in index._sliced(query, shortest, past)]
    assert found == sliced_by_binary_search(index, query, shortest, past)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcz $09é-", min_size=0, max_size=12))
def test_query_grams_are_the_codes_the_index_builds(key):
    """A query's trigram codes, read with Python ints, are those _all_grams gives the same key."""
    grams, _ = blocking._all_grams([key], np.array([len(key)]))
    assert query_grams(key) == list(dict.fromkeys(grams.tolist()))

