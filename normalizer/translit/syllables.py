"""Syllable keys: Hán-Việt syllables and pinyin syllables in the forms the tables are indexed by.

A Hán-Việt syllable has two keys: the toned key ("quach1": letters with their vowel modifiers,
tone as a digit, i/y unified, so tone placement does not matter) and the folded key ("quach":
plain ASCII, for input without diacritics). Pinyin syllables are compared toneless ("zhou").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from normalizer.text import clean, fold, iy_variant

# sắc, huyền, hỏi, ngã, nặng -> 1..5; no mark -> 0 (the convention of hv_table.tsv)
TONE_DIGITS = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_SYLLABLE_SPLIT = re.compile(r"[\s\-‐_.,·]+")
_PINYIN_TONE = re.compile(r"[0-5]$")


@lru_cache(maxsize=65536)
def toned_key(syllable: str) -> str:
    """The toned key of one Hán-Việt syllable: "Quách" -> "quach1", "Lý"/"Lí" -> "li1"."""
    lower = iy_variant(syllable.casefold())
    decomposed = unicodedata.normalize("NFD", lower)
    tone = next((TONE_DIGITS[c] for c in decomposed if c in TONE_DIGITS), "0")
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_DIGITS))
    return ("i" if bare == "y" else bare) + tone  # the syllable y/i alone, as hv_table.tsv keys it


@lru_cache(maxsize=65536)
def folded_key(syllable: str) -> str:
    """The ASCII key of one syllable: "Quách" -> "quach", "Đặng" -> "dang"."""
    return (fold(syllable) or "").replace(" ", "")


def split_syllables(text: str) -> list[str]:
    """Clean text and split it into syllables on spaces, hyphens and dots; [] for empty input."""
    return list(_split_syllables(text))  # a list of one's own: callers may change it


@lru_cache(maxsize=1 << 14)
def _split_syllables(text: str) -> tuple[str, ...]:
    """split_syllables, remembered: the origin classifier, the transliteration tier and its
    pre-filters split the same query five times (cleaning it each time)."""
    cleaned = clean(text)
    if not cleaned:
        return ()
    return tuple(s for s in _SYLLABLE_SPLIT.split(cleaned) if s)


def has_diacritics(syllable: str) -> bool:
    return not syllable.isascii()


def toneless_pinyin(reading: str) -> str:
    """"zhou1" -> "zhou", "lü3" -> "lü"; syllabic nasals with marks lose them too."""
    bare = _PINYIN_TONE.sub("", reading)
    if bare.isascii() or set(bare) <= set("abcdefghijklmnopqrstuvwxyzü"):
        return bare
    return "".join(c for c in unicodedata.normalize("NFD", bare) if not unicodedata.combining(c))


def pinyin_compact(text: str) -> str:
    """Comparison form of a pinyin rendering: lowercase letters only, ü as u ("Lü Bu" -> "lubu")."""
    return "".join(c for c in (fold(text.replace("ü", "u").replace("Ü", "U")) or "") if c.isalnum())


def join_pinyin(syllables: list[str]) -> str:
    """Join toneless syllables into one word, with an apostrophe where the reading would be ambiguous.

    Pinyin orthography marks a syllable starting with a, o or e inside a word: "Xi'an", "Yan'an".
    """
    out = ""
    for syllable in syllables:
        if out and syllable[:1] in ("a", "o", "e"):
            out += "'"
        out += syllable
    return out
