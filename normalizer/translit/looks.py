"""Does a Hán-Việt name look Chinese or Korean? Used to decide whether to suggest a rendering.

A name looks Chinese when it has two to four syllables, starts with a surname of the Chinese
surname table, every syllable has a Sino-Vietnamese reading, and nothing marks it Vietnamese
(the female middle name Thị, the surname Nguyễn, which is rare in China). It looks Korean when it
starts with a surname that in the Vietnamese press almost only Koreans carry (Kim, Phác, Thôi).
"""

from __future__ import annotations

from normalizer.translit.lattice import reading_keys
from normalizer.translit.priors import surnames_by_folded, surnames_by_reading
from normalizer.translit.syllables import folded_key, has_diacritics, split_syllables, toned_key

VIETNAMESE_MARKERS = frozenset({"thi", "nguyen"})
KOREAN_SURNAMES = frozenset({"kim", "phac", "thoi"})


def _readable(syllables: list[str], exact: bool) -> bool:
    return all(reading_keys(s, exact) for s in syllables)


def _starts_with_surname(syllables: list[str], exact: bool) -> bool:
    for size in (2, 1):
        head = syllables[:size]
        if len(syllables) > size or size == 1:
            if exact and tuple(toned_key(s) for s in head) in surnames_by_reading():
                return True
            if not exact and tuple(folded_key(s) for s in head) in surnames_by_folded():
                return True
    return False


def looks_chinese(name: str) -> bool:
    syllables = split_syllables(name)
    if not 2 <= len(syllables) <= 4 or any(folded_key(s) in VIETNAMESE_MARKERS for s in syllables):
        return False
    exact = any(has_diacritics(s) for s in syllables)
    return _starts_with_surname(syllables, exact) and _readable(syllables, exact)


def looks_korean(name: str) -> bool:
    syllables = split_syllables(name)
    if not 2 <= len(syllables) <= 3 or folded_key(syllables[0]) not in KOREAN_SURNAMES:
        return False
    return _readable(syllables, any(has_diacritics(s) for s in syllables))
