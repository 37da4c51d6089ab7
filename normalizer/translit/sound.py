"""How a name sounds, in a rough Latin spelling that a Vietnamese phonetic transcription and the
name's own Latin spelling both reduce to: "Sin-dô A-bê" and "Shinzo Abe" -> ["sinzo", "abe"].

The army and older press write foreign names syllable by syllable in Vietnamese letters
("Mác-gơ-rét Thát-chơ", "Adít Đôvan", "Chan Chun Xinh"). Both sides are brought to one spelling:
Vietnamese letters to the sounds they stand for (d -> z, x -> s, ph -> f, tr -> ch, ơ -> e), and
the Latin name to what a Vietnamese ear hears (sh -> s, j -> z, w -> u, a final l -> n, an r
before a consonant or at the end is not heard). Vowels are the weak part of a transcription,
so `similarity` weighs the consonants as much as the whole.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

_TONES = frozenset("\u0301\u0300\u0309\u0303\u0323")
_VIETNAMESE_RULES = [  # longest first; applied left to right by one regex
    ("ngh", "ng"), ("gh", "g"), ("gi", "z"), ("kh", "k"), ("ph", "f"), ("th", "t"), ("ch", "ch"),
    ("qu", "ku"), ("nh", "n"), ("đ", "d"), ("d", "z"), ("x", "s"), ("c", "k"), ("q", "k"), ("ơ", "e"),
    ("ư", "u"), ("â", "a"), ("ă", "a"), ("ê", "e"), ("ô", "o"), ("y", "i"), ("oa", "ua"), ("oe", "ue"),
]
_LATIN_RULES = [
    ("sch", "s"), ("chr", "kr"), ("tch", "tch"), ("dj", "z"), ("gia", "za"), ("gio", "zo"), ("giu", "zu"),
    ("sh", "s"), ("ch", "ch"), ("ph", "f"), ("th", "t"), ("ck", "k"),
    ("qu", "ku"), ("x", "ks"), ("ce", "se"), ("ci", "si"), ("cy", "si"), ("c", "k"), ("q", "k"),
    ("j", "z"), ("w", "u"), ("y", "i"), ("ee", "i"), ("oo", "u"), ("ou", "u"), ("dz", "z"),
]
_VOWELS = frozenset("aeiou")


def _compile(rules: list[tuple[str, str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    table = dict(rules)
    pattern = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(pattern), table


_VI, _VI_TABLE = _compile(_VIETNAMESE_RULES)
_LA, _LA_TABLE = _compile(_LATIN_RULES)
_DOUBLE = re.compile(r"([^aeiou])\1+")
_SILENT_R = re.compile(r"r(?=[^aeiou]|$)")
_FINAL_S = re.compile(r"(?<=[^aeiou])s$")  # "Jobs", "Gates": Vietnamese cannot end in s
_SILENT_E = re.compile(r"(?<=[aeiou][^aeiou])e$")  # "Cruise", "Steve"; not "Abe", "Jolie"
_JAPANESE_WORD = re.compile(r"^(?:(?:ky|gy|sh|ch|ny|hy|my|ry|by|py|ts|[kgsztdnhbpmyrwfj])?[aiueo]|n)+$")
_FINAL_L = re.compile(r"l(?=[^aeiou]|$)")
# "chơ", "gơ", "xơ": a consonant's support vowel, not a vowel of the name.
_VI_SCHWA = re.compile(r"(?<=[bcdđgkpqstvxh])ơ(?=-|$)")
_VI_FINAL_NH = re.compile(r"nh(?=-|$)")  # "Xinh" for Sing: a final nh is heard as ng
_VI_FINAL_CH = re.compile(r"ch(?=-|$)")  # "Giô-cô-vích": a final ch is a k
# "Mác-gơ-rét", "Xéc-gây", "Goóc-ba-chốp": a c closing a syllable inside a word marks an r or a
# long vowel, not a sound.
# After ă or â the c is a k ("Giắc-xơn" for Jackson).
_VI_INNER_C = re.compile(r"(?<=[aeo])c(?=-[^aeiouăâêôơưy])")
_SILENT_H = re.compile(r"(?<=[aeiou])h(?![aeiou])")


def _toneless(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))


def _unaccented(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("đ", "d").replace("ø", "o"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def vietnamese_sound(word: str) -> str:
    """One word of a transcription as it sounds: "Thát-chơ" -> "tatch"."""
    toneless = _VI_FINAL_CH.sub("k", _VI_FINAL_NH.sub("ng", _toneless(word))).replace("oo", "o")
    toneless = _VI_INNER_C.sub("", _VI_SCHWA.sub("", toneless))
    spelled = _VI.sub(lambda m: _VI_TABLE[m.group(0)], toneless)
    return _DOUBLE.sub(r"\1", re.sub(r"[^a-z]", "", spelled))


@lru_cache(maxsize=65536)
def latin_sound(word: str) -> str:
    """One word of a Latin name ("Thatcher") as a Vietnamese ear hears it: "tatche"."""
    plain = _SILENT_H.sub("", re.sub(r"[^a-z]", "", _unaccented(word)))
    plain = "mak" + plain[2:] if plain.startswith("mc") else plain
    if len(plain) > 3 and not _JAPANESE_WORD.match(plain):
        plain = _SILENT_E.sub("", _FINAL_S.sub("", plain))
    spelled = _LA.sub(lambda m: _LA_TABLE[m.group(0)], plain)
    spelled = _FINAL_L.sub("n", _SILENT_R.sub("", spelled))
    return _DOUBLE.sub(r"\1", re.sub(r"er$", "e", spelled))


# Consonant classes: voicing, f/p, and the dentals with the sibilants count as one (Vietnamese
# cannot end a syllable in s or f: "Giốp" for Jobs, "Bô-rít" for Boris, "Bê-dốt" for Bezos);
# h and the glides as nothing.
_CLASSES = str.maketrans({**dict.fromkeys("pbfv", "P"), **dict.fromkeys("tdszcj", "S"),
                          **dict.fromkeys("kgq", "K"), "n": "N", "m": "M", **dict.fromkeys("lr", "L"),
                          **dict.fromkeys("hwy", None)})


@lru_cache(maxsize=1 << 16)
def consonants(sound: str) -> str:
    """The consonant classes of a sound, vowels left out: "sinzo" -> "SNS". Remembered: the
    phonetic tier compares one query's sound with each name of a bucket, and names recur."""
    return "".join(c for c in sound if c not in _VOWELS).translate(_CLASSES)


def block_key(sounds: list[str]) -> str:
    """The blocking key of a name's sounds: each word's first letter class (a consonant, or "_"
    for a vowel), sorted (the family name may come first or last)."""
    return "".join(sorted(s[0] if s[0] not in _VOWELS else "_" for s in sounds if s))


def similarity(query: list[str], name: list[str]) -> float:
    """How alike two names sound (0..1), word order free for two-word names: the mean of the
    whole spellings' similarity and the consonants' similarity."""
    if len(query) != len(name) or not query:
        return 0.0
    joined = "".join(query)
    whole = _similar(joined, "".join(name))
    return whole if len(name) != 2 else max(whole, _similar(joined, name[1] + name[0]))


def similarities(query: list[str], names: list[tuple[str, ...]]) -> list[float]:
    """similarity(query, name) for each name, the same numbers: the Levenshtein scores of a
    bucket's names in a few cdist rows instead of two calls a name (the phonetic tier compares a
    query with ~75 names)."""
    out = [0.0] * len(names)
    same = [i for i, name in enumerate(names) if len(name) == len(query)] if query else []
    if not same:
        return out
    best = _similar_row("".join(query), ["".join(names[i]) for i in same])
    if len(query) == 2:
        best = np.maximum(best, _similar_row("".join(query), [names[i][1] + names[i][0] for i in same]))
    for i, close in zip(same, best.tolist(), strict=True):
        out[i] = close
    return out


def _similar_row(a: str, others: list[str]) -> np.ndarray:
    """_similar(a, b) for each b of others."""
    whole = process.cdist([a], others, scorer=Levenshtein.normalized_similarity, dtype=np.float64)[0]
    skeleton = process.cdist([consonants(a)], [consonants(b) for b in others],
                             scorer=Levenshtein.normalized_similarity, dtype=np.float64)[0]
    return (whole + skeleton) / 2


def _similar(a: str, b: str) -> float:
    whole = Levenshtein.normalized_similarity(a, b)
    skeleton = Levenshtein.normalized_similarity(consonants(a), consonants(b))
    return (whole + skeleton) / 2
