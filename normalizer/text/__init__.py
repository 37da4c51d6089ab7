"""Text normalization: Unicode cleanup, Vietnamese orthography, folding and match keys.

This package imports nothing else from normalizer.
"""

from normalizer.text.clean import clean, clean_with_offsets
from normalizer.text.fold import (
    MatchKeys,
    compact_key,
    exact_key,
    fold,
    fold_char,
    marks_lost_only,
    match_keys,
    sorted_key,
)
from normalizer.text.vietnamese import canonical_tones, is_syllable, iy_variant, place_tone

__all__ = [
    "MatchKeys",
    "canonical_tones",
    "clean",
    "clean_with_offsets",
    "compact_key",
    "exact_key",
    "fold",
    "fold_char",
    "is_syllable",
    "iy_variant",
    "marks_lost_only",
    "match_keys",
    "place_tone",
    "sorted_key",
]
