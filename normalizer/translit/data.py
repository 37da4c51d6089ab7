"""The vendored tables (data/, provenance in data/README.md), loaded once on first use.

`tables()` parses every file on its first call (~0.1 s) and caches the result; importing this
module costs nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from normalizer.translit.syllables import folded_key, toneless_pinyin

DATA_DIR = Path(__file__).parent / "data"
# How much each source's word is worth when ranking a character's readings: a reading that
# several independent sources agree on is the usual one.
SOURCE_WEIGHT = {"P": 1.0, "C": 1.0, "U": 0.6, "Ps": 0.8}
VARIANT_FACTOR = 0.9


@dataclass(frozen=True, slots=True)
class CharFreq:
    total: int
    given: int
    surname: int
    place: int


@dataclass(frozen=True, slots=True)
class Surname:
    hanzi: str
    pinyin: str  # toneless, one word ("ouyang")
    hanviet: tuple[str, ...]  # lowercase readings, first is usual ("chu", "châu")
    rank: int


@dataclass
class Tables:
    # toned Hán-Việt key -> [(character, P(reading | character))]
    chars_by_key: dict[str, list[tuple[str, float]]]
    # folded key -> toned keys that fold to it
    keys_by_fold: dict[str, list[str]]
    # character -> [(toned key, Hán-Việt text, P(reading | character))], usual reading first
    readings: dict[str, list[tuple[str, str, float]]]
    # (character, toned key) -> toneless pinyin the sources pair with that reading
    paired: dict[tuple[str, str], list[str]]
    pinyin: dict[str, list[str]]  # character -> toneless readings, main first
    chars_by_pinyin: dict[str, list[str]]
    freq: dict[str, CharFreq]
    surnames: list[Surname]
    hangul: dict[str, list[str]]
    simplified: dict[str, str]  # traditional -> simplified, where they differ


def _rows(name: str) -> list[list[str]]:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if line.strip() and line[0] != "#"]


@cache
def _source_weight(sources: str) -> float:
    total = 0.0
    for token in sources.split(","):
        base = token.replace("v", "")
        total += SOURCE_WEIGHT.get(base, 0.5) * (VARIANT_FACTOR if "v" in token else 1.0)
    return total


def _load_readings(tables: Tables) -> None:
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    texts: dict[tuple[str, str], str] = {}
    for char, key, hanviet, pinyin, sources in _rows("hv_table.tsv"):
        if " " in key:
            continue  # a few multi-syllable readings: names are read syllable by syllable
        texts[char, key] = hanviet
        by_key = weights[char]
        by_key[key] = by_key.get(key, 0.0) + _source_weight(sources)
        if pinyin != "*":
            paired = tables.paired.setdefault((char, key), [])
            bare = toneless_pinyin(pinyin)
            if bare not in paired:
                paired.append(bare)
    for char, by_key in weights.items():
        total = sum(by_key.values())
        ranked = sorted(by_key.items(), key=lambda kv: -kv[1]) if len(by_key) > 1 else list(by_key.items())
        tables.readings[char] = [(key, texts[char, key], w / total) for key, w in ranked]
        for key, w in ranked:
            tables.chars_by_key.setdefault(key, []).append((char, w / total))
    for key in tables.chars_by_key:
        tables.keys_by_fold.setdefault(folded_key(key[:-1]), []).append(key)


def _load_pinyin(tables: Tables) -> None:
    for char, readings in _rows("char_pinyin.tsv"):
        toneless: list[str] = []
        for reading in readings.split(","):
            bare = toneless_pinyin(reading)
            if bare and bare not in toneless:
                toneless.append(bare)
        tables.pinyin[char] = toneless
        for bare in toneless:
            tables.chars_by_pinyin.setdefault(bare, []).append(char)


def _load_small(tables: Tables) -> None:
    for char, total, given, surname, place in _rows("char_freq.tsv"):
        tables.freq[char] = CharFreq(int(total), int(given), int(surname), int(place))
    for hanzi, pinyin, hanviet, rank in _rows("cn_surnames.tsv"):
        surname_readings = tuple(r.strip() for r in hanviet.split(","))
        tables.surnames.append(Surname(hanzi, pinyin, surname_readings, int(rank)))
    for char, hangul in _rows("char_hangul.tsv"):
        tables.hangul[char] = hangul.split(",")
    for traditional, simplified in _rows("trad_simp.tsv"):
        tables.simplified[traditional] = simplified


@cache
def tables() -> Tables:
    """All tables, parsed on first use."""
    loaded = Tables({}, {}, {}, {}, {}, {}, {}, [], {}, {})
    _load_readings(loaded)
    _load_pinyin(loaded)
    _load_small(loaded)
    return loaded
