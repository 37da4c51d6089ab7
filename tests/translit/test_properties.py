"""Invariants on any input: no crash, scores in 0..1, best first, idempotent keys."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.translit import pinyin_to_hanviet, to_hangul, to_hanviet, to_pinyin
from normalizer.translit.syllables import toned_key

SYLLABLES = st.sampled_from(
    ["Quách", "Gia", "Côn", "Vương", "Nghị", "an", "Lý", "hoà", "Đặng", "x", "Kim", "Tập"])
NAMES = st.lists(SYLLABLES, min_size=1, max_size=5).map(" ".join)


def well_formed(renderings):
    scores = [r.score for r in renderings]
    return all(0.0 <= s <= 1.0 for s in scores) and scores == sorted(scores, reverse=True)


@settings(max_examples=60, deadline=None)
@given(st.one_of(NAMES, st.text(max_size=40)))
def test_every_conversion_takes_any_text(text):
    for convert in (to_pinyin, to_hanviet, pinyin_to_hanviet, to_hangul):
        assert well_formed(convert(text))


@settings(max_examples=60, deadline=None)
@given(NAMES)
def test_results_do_not_depend_on_case(name):
    assert to_pinyin(name) == to_pinyin(name.upper())


@settings(max_examples=100, deadline=None)
@given(SYLLABLES)
def test_toned_key_ignores_case(syllable):
    assert toned_key(syllable) == toned_key(syllable.upper())
