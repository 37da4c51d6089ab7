"""Folding: lowercase ASCII match keys that forgive lost diacritics, case and punctuation.

Every key function takes any string, returns None when no letter or digit is left, and is
idempotent on its own output. The keys, from strict to loose:

- `exact_key`:   cleaned, casefolded, punctuation to spaces, i/y variants unified ("lí quang")
- `fold`:        `exact_key` without diacritics, other scripts transliterated ("li quang")
- `sorted_key`:  the folded tokens in sorted order, for names in either order
- `compact_key`: the folded key without spaces ("moonjaein" for "Moon Jae-in" and "Moon Jae In")
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from unidecode import unidecode

from normalizer.text.chars import SIMPLE_MAP
from normalizer.text.clean import clean
from normalizer.text.vietnamese import canonical_tones, iy_variant

_NON_WORD = re.compile(r"[\W_]+")
_ASCII_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPECIAL = {"đ": "d", "Đ": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ı": "i"}


class _FoldTable(dict[int, str]):
    """str.translate table that folds one character on first sight and remembers it."""

    def __missing__(self, code: int) -> str:
        value = fold_char(chr(code))
        self[code] = value
        return value


def fold_char(ch: str) -> str:
    """Lowercase ASCII for one character: diacritics dropped, other scripts via unidecode."""
    if ch.isascii():
        return ch.lower()
    lower = ch.casefold()
    if lower in _SPECIAL:
        return _SPECIAL[lower]
    base = "".join(c for c in unicodedata.normalize("NFD", lower) if not unicodedata.combining(c))
    if base.isascii():
        return base
    out = unidecode(base).lower()
    if out and not out[-1].isspace() and _is_ideograph(ch):
        out += " "  # one CJK character is one syllable: keep syllables apart
    return out


def _is_ideograph(ch: str) -> bool:
    return 0x3400 <= ord(ch) <= 0x9FFF or 0xF900 <= ord(ch) <= 0xFAFF or 0x20000 <= ord(ch) <= 0x3FFFF


FOLD_TABLE = _FoldTable()


def exact_key(text: str | None) -> str | None:
    """Casefolded cleaned text with punctuation as spaces and i/y unified; keeps diacritics."""
    cleaned = clean(text)
    return _exact_from_clean(cleaned) if cleaned else None


def _exact_from_clean(cleaned: str) -> str | None:
    lowered = cleaned.casefold().translate(SIMPLE_MAP)  # casefold can make a look-alike
    words = _NON_WORD.sub(" ", lowered).strip()
    # Dropping a stray mark can leave a syllable whose tone belongs elsewhere: place it again.
    return iy_variant(canonical_tones(words)) or None


def _fold_exact(key: str) -> str | None:
    # i/y after punctuation is gone: "_" and "'" would otherwise hide a word boundary
    return iy_variant(_ASCII_NON_WORD.sub(" ", key.translate(FOLD_TABLE)).strip()) or None


def fold(text: str | None) -> str | None:
    """ASCII key: `exact_key` with diacritics dropped and other scripts transliterated."""
    if not text:
        return None
    if text.isascii():
        key = iy_variant(_ASCII_NON_WORD.sub(" ", text.lower()).strip())
        return key or None
    if " " not in text:  # one word, as name parsing asks for title words: cache it
        return _fold_word(text)
    found = _keys_by_word(text)  # the same as _fold_exact(exact_key(text))
    return found[1] if found else None


@lru_cache(maxsize=1 << 16)
def _fold_word(text: str) -> str | None:
    found = _keys_by_word(text)
    return found[1] if found else None


def sorted_key(text: str | None) -> str | None:
    """Folded tokens in sorted order: "Kishida Fumio" and "Fumio Kishida" share it."""
    key = fold(text)
    return " ".join(sorted(key.split())) if key else None


def compact_key(text: str | None) -> str | None:
    """Folded key without spaces: "Moon Jae-in" and "Moon Jae In" share it."""
    key = fold(text)
    return _compact(key) if key else None


def _compact(folded: str) -> str:
    # Joining syllables can make a new i/y syllable ("k y" -> "ky"): unify it too.
    return iy_variant(folded.replace(" ", ""))


class MatchKeys(NamedTuple):
    """All keys of one name, computed from a single cleanup (a tuple: one per name indexed)."""

    exact: str
    folded: str
    sorted: str
    compact: str


@lru_cache(maxsize=1 << 16)
def _word_keys(word: str) -> tuple[str, str]:
    """The exact and folded keys of one space-free piece of cleaned text ("" when none)."""
    exact = _exact_from_clean(word)
    if exact is None:
        return "", ""
    return exact, _fold_exact(exact) or ""


@lru_cache(maxsize=1 << 17)
def _raw_word_keys(word: str) -> tuple[str, str]:
    """The exact and folded keys of one space-free piece of raw text, cleaned here ("" when none).

    Cleaning can turn other spaces into " ", so the cleaned piece may hold several words.
    """
    cleaned = clean(word)
    if cleaned is None:
        return "", ""
    parts = [_word_keys(piece) for piece in cleaned.split(" ")]
    return " ".join([e for e, _ in parts if e]), " ".join([f for _, f in parts if f])


def _keys_by_word(text: str | None) -> tuple[str, str] | None:
    """The exact and folded keys of text, or None when either is empty.

    Computed word by word with a cache, since words repeat far more than names do. Every step
    of `clean`, `_exact_from_clean` and `_fold_exact` acts within a word (character maps,
    word-bounded patterns, marks with no letter before them dropped, runs of separators to one
    space), so the keys equal the whole-string ones; tests/text/test_fast_paths.py checks it.
    """
    if not text:
        return None
    parts = [_raw_word_keys(word) for word in text.split(" ")]
    exact = " ".join([e for e, _ in parts if e])
    folded = " ".join([f for _, f in parts if f])
    return (exact, folded) if exact and folded else None


def match_keys(text: str | None) -> MatchKeys | None:
    """The four keys of a name, or None when it has no letter or digit."""
    found = _keys_by_word(text)
    return None if found is None else keys_from(*found)


def keys_from(exact: str, folded: str) -> MatchKeys:
    """The four keys of a name whose exact and folded keys are known (the sorted and compact ones
    follow from the folded key): what `match_keys` gives for it."""
    if folded == exact:  # plain ASCII names: one string object serves both tables
        folded = exact
    if " " not in folded:  # one word: sorting and joining change nothing
        return MatchKeys(exact, folded, folded, folded)
    return MatchKeys(exact, folded, " ".join(sorted(folded.split(" "))), _compact(folded))


def marks_lost_only(written: str, full: str) -> bool:
    """True when `written` can be `full` with some diacritics lost and none changed: each letter
    is the same or bears a subset of the other's marks, case and punctuation aside; d for đ only
    in a word with no marks left, since marks are typed word by word (Telex "dduwowng").

    "ngoai truong" and "Ngoại truong" can be "Ngoại trưởng"; "Tần" cannot be "Tân", nor "Trung
    Hòa" (a ward of Hanoi) "Trung Hoa" (China): a mark the other lacks makes another word; nor
    "Dương Kim" (a family and a middle name) the title "Đương kim", but "Duong kim" can.
    """
    written_key, full_key = exact_key(written) or "", exact_key(full) or ""
    if len(written_key) != len(full_key) or not all(map(_letter_lost_marks, written_key, full_key)):
        return False
    return "đ" not in full_key or not any(map(_stroke_lost_among_marks, written_key.split(" "),
                                              full_key.split(" ")))


def _stroke_lost_among_marks(written_word: str, full_word: str) -> bool:
    return not written_word.isascii() and any(w == "d" and f == "đ" for w, f in zip(
        written_word, full_word, strict=True))


@lru_cache(maxsize=4096)
def _letter_lost_marks(written: str, full: str) -> bool:
    if written == full or (written == "d" and full == "đ"):
        return True
    written_parts, full_parts = unicodedata.normalize("NFD", written), unicodedata.normalize("NFD", full)
    return written_parts[0] == full_parts[0] and set(written_parts[1:]) <= set(full_parts[1:])
