"""Character priors: how likely a character is as a surname, in a given name, or in a place name.

Counts come from the jieba dictionary (char_freq.tsv) and the ranked surname table. A traditional
character borrows the counts of its simplified form, which the counts were mostly made from.
"""

from __future__ import annotations

import math
from functools import cache

from normalizer.translit.data import CharFreq, Surname, tables
from normalizer.translit.syllables import folded_key, toned_key

ROLES = ("surname", "given", "place")
SMOOTHING = 0.05
# General frequency matters little next to role counts: "近" is common but rare in names.
FREQ_WEIGHT = 0.002
SURNAME_TABLE_WEIGHT = 1500.0
# jieba tags many non-surnames as surnames (国, 家); the table's 219 cover nearly all real ones.
UNLISTED_SURNAME_FACTOR = 0.3
_NO_FREQ = CharFreq(0, 0, 0, 0)


def char_freq(char: str) -> CharFreq:
    data = tables()
    found = data.freq.get(char)
    simplified = data.simplified.get(char)
    if simplified and (found is None or found.surname == 0):
        return data.freq.get(simplified, found or _NO_FREQ)
    return found or _NO_FREQ


@cache
def surname_rank(char: str) -> int | None:
    """Rank of a single-character surname in the table (1 = 王), for either script."""
    data = tables()
    plain = data.simplified.get(char, char)
    return next((s.rank for s in data.surnames if s.hanzi == plain), None)


def surname_table_weight(rank: int) -> float:
    return SURNAME_TABLE_WEIGHT / rank ** 0.8


@cache
def prior(char: str, role: str) -> float:
    """Unnormalized weight of a character in a role: 'surname', 'given' or 'place'."""
    freq = char_freq(char)
    general = FREQ_WEIGHT * math.sqrt(freq.total) + SMOOTHING
    if role == "surname":
        rank = surname_rank(char)
        if rank:
            return freq.surname + surname_table_weight(rank) + SMOOTHING
        return UNLISTED_SURNAME_FACTOR * freq.surname + SMOOTHING
    if role == "given":
        return freq.given + general
    return freq.place + general


@cache
def surnames_by_reading() -> dict[tuple[str, ...], list[tuple[Surname, float]]]:
    """Toned keys of a surname's Hán-Việt reading -> [(surname, weight)]: "gia cát" -> 诸葛.

    A surname's first listed reading is its usual one; later readings weigh half.
    """
    out: dict[tuple[str, ...], list[tuple[Surname, float]]] = {}
    for surname in tables().surnames:
        for i, reading in enumerate(surname.hanviet):
            key = tuple(toned_key(part) for part in reading.split())
            weight = surname_table_weight(surname.rank) * (1.0 if i == 0 else 0.5)
            out.setdefault(key, []).append((surname, weight))
    return out


@cache
def surnames_by_folded() -> dict[tuple[str, ...], list[tuple[tuple[str, ...], Surname, float]]]:
    """Folded keys of surname readings -> [(toned keys, surname, weight)], for input without diacritics."""
    out: dict[tuple[str, ...], list[tuple[tuple[str, ...], Surname, float]]] = {}
    for toned, entries in surnames_by_reading().items():
        folded = tuple(k.rstrip("012345") for k in toned)
        folded = tuple(folded_key(k) for k in folded)
        for surname, weight in entries:
            out.setdefault(folded, []).append((toned, surname, weight))
    return out
