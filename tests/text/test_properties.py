"""Invariants of every text function, on arbitrary Unicode (RapidFuzz's tests/test_hypothesis.py style)."""

from hypothesis import given, note, settings
from hypothesis import strategies as st

from normalizer.text import (
    canonical_tones,
    clean,
    clean_with_offsets,
    compact_key,
    exact_key,
    fold,
    iy_variant,
    match_keys,
    sorted_key,
)

VIETNAMESE = st.text(alphabet="aăâeêioôơuưyđ áàảãạ ̛̣́̀̉̃̂̆ hoà thuỷ uý ngĐƯƠ-/()\u200b\u00ad", max_size=40)
ANY_TEXT = st.one_of(st.text(max_size=60), VIETNAMESE)
KEY_FUNCTIONS = [clean, exact_key, fold, sorted_key, compact_key]


@settings(max_examples=300)
@given(ANY_TEXT)
def test_key_functions_are_idempotent_and_never_raise(text):
    note(f"text={text!a}")  # bidi controls make the plain repr unreadable
    for function in KEY_FUNCTIONS:
        once = function(text)
        assert once is None or once  # None for empty, never ""
        if once is not None:
            assert function(once) == once, function.__name__


@settings(max_examples=300)
@given(ANY_TEXT)
def test_offset_version_agrees_with_fast_clean(text):
    cleaned, starts, ends = clean_with_offsets(text)
    assert (cleaned or None) == clean(text)
    assert len(starts) == len(ends) == len(cleaned)
    assert all(0 <= a < b <= len(text) for a, b in zip(starts, ends, strict=True))
    assert starts == sorted(starts)


@given(ANY_TEXT)
def test_folded_keys_are_ascii(text):
    keys = match_keys(text)
    if keys is not None:
        assert keys.folded.isascii() and keys.compact.isascii()
        assert " " not in keys.compact
        assert keys.folded == fold(text)


@given(VIETNAMESE)
def test_tone_placement_is_idempotent(text):
    once = canonical_tones(clean(text) or "")
    assert canonical_tones(once) == once
    assert iy_variant(iy_variant(once)) == iy_variant(once)


def test_empty_inputs_give_none():
    for function in KEY_FUNCTIONS:
        assert function(None) is None
        assert function("") is None
        assert function(" \u200b\t\u00ad ") is None
