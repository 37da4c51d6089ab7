"""Vietnamese orthography: canonical tone-mark placement and i/y spelling variants.

Vietnamese writes the same syllable with the tone mark on different vowels ("hoà" / "hòa",
"thuỷ" / "thủy", "uý" / "úy") and some syllables with i or y ("Lý" / "Lí"). Both are spellings of
one word, so keys must not tell them apart. The canonical placement here is the traditional one
the Vietnamese press mostly uses: hòa, thủy, úy, khỏe.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
_MODIFIED = {"â", "ă", "ê", "ô", "ơ", "ư"}
_VOWELS = set("aeiouyâăêôơư")
_FINALS = ("ch", "nh", "ng", "c", "m", "n", "p", "t")
_ONSETS = (
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
)
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*")  # a word may carry stray marks
_TONED_Y = {"y": "i", "ý": "í", "ỳ": "ì", "ỷ": "ỉ", "ỹ": "ĩ", "ỵ": "ị"}
_IY_SYLLABLE = re.compile(
    r"\b(ngh|ch|gh|kh|ng|nh|ph|qu|th|tr|[bcdđghklmnprstvx])([yýỳỷỹỵ])\b", re.IGNORECASE
)
_Y_ENDING_A_WORD = re.compile(r"[yýỳỷỹỵ]\b", re.IGNORECASE)


def _split_tone(syllable: str) -> tuple[str, str] | None:
    """Return (syllable without tone, tone mark), or None unless it carries exactly one tone."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) != 1:
        return None
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return bare, tones[0]


def _parse(bare: str) -> tuple[str, str, str] | None:
    """Split a toneless lowercase syllable into onset, vowel cluster and final consonant."""
    onset = next((o for o in _ONSETS if bare.startswith(o)), "")
    rest = bare[len(onset):]
    if onset == "gi" and (not rest or rest[0] not in _VOWELS):
        onset, rest = "g", bare[1:]  # "gì", "gìn": the i is the vowel
    final = next((f for f in _FINALS if rest.endswith(f)), "")
    vowels = rest[: len(rest) - len(final)]
    if not vowels or any(c not in _VOWELS for c in vowels) or len(vowels) > 3:
        return None
    return onset, vowels, final


def _tone_index(vowels: str, final: str) -> int:
    """Index of the vowel that carries the tone, by the traditional rules."""
    if "ươ" in vowels:
        return vowels.index("ơ")
    modified = [i for i, c in enumerate(vowels) if c in _MODIFIED]
    if modified:
        return modified[-1]
    if len(vowels) == 3:
        return 1
    if len(vowels) == 2 and final:
        return 1
    return 0


@lru_cache(maxsize=65536)
def place_tone(syllable: str) -> str:
    """Move the tone mark of one Vietnamese syllable to its canonical vowel.

    Anything that is not a single well-formed Vietnamese syllable with one tone mark comes back
    unchanged, so foreign words ("José", "Pérez") are never touched. Case is kept.
    """
    split = _split_tone(syllable)
    if split is None:
        return syllable
    bare, tone = split
    parts = _parse(bare.lower())
    if parts is None:
        return syllable
    onset, vowels, final = parts
    target = len(onset) + _tone_index(vowels, final)
    chars = list(bare)
    chars[target] = unicodedata.normalize("NFC", chars[target] + tone)
    return "".join(chars)


def canonical_tones(text: str) -> str:
    """Return text with every Vietnamese syllable's tone mark on its canonical vowel (NFC in, NFC out)."""
    if text.isascii():
        return text
    words = text.split(" ")
    if all(word.isalpha() for word in words):  # then each word is exactly one _WORD match
        return " ".join([place_tone(word) for word in words])
    return _WORD.sub(lambda m: place_tone(m.group()), text)


def iy_variant(text: str) -> str:
    """Spell the i/y variant syllables with i ("Lý" -> "Lí", "Kỳ" -> "Kì"); for match keys only."""
    if not _Y_ENDING_A_WORD.search(text):  # true of most names: skip the costlier pattern
        return text
    return _IY_SYLLABLE.sub(lambda m: m.group(1) + _y_to_i(m.group(2)), text)


def _y_to_i(y: str) -> str:
    lower = _TONED_Y[y.lower()]
    return lower.upper() if y.isupper() else lower


# One Vietnamese syllable without its marks: onset, vowels, final ("trung", "nguyen", "song").
_BARE_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(uye|uya|uoi|uou|oai|oay|oeo|uay|yeu|ieu|[aeiouy]{1,2})(ch|nh|ng|[cmnpt])?$"
)


def is_syllable(word: str, folded: str | None = None) -> bool:
    """True when a word has the shape of one Vietnamese syllable, marks or not ("Trung", "Song",
    "Huế"), so that it may be an ordinary word or given name. `folded` is its fold, if known."""
    bare = folded if folded is not None else _strip_marks(word)
    return bool(_BARE_SYLLABLE.match(bare))


def _strip_marks(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
