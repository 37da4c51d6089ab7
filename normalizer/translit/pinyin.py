"""Hán-Việt -> pinyin: "Quách Gia Côn" -> "Guo Jiakun", ranked and scored.

Each syllable's Hán-Việt reading leads to the characters that have it; each character to its
pinyin. Characters are weighted by a prior for their role (surname, given-name, place-name
character), so that the reading of a name picks name characters. Two readings of the whole name
compete: a person (surname from the surname table, compound surnames included, then a given
name) and a place; a rendering's score is its probability summed over both.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from normalizer.translit.data import tables
from normalizer.translit.lattice import Mass, Option, Path, beam, reading_keys
from normalizer.translit.priors import prior, surname_rank, surnames_by_folded, surnames_by_reading
from normalizer.translit.syllables import folded_key, has_diacritics, join_pinyin, split_syllables, toned_key

MAX_SYLLABLES = 8
# Without diacritics a syllable stands for several readings; the scores say so.
NO_DIACRITICS_CONFIDENCE = 0.85
# Prior odds of a person against a place name before the syllables are seen.
PERSON_PRIOR = 0.6
PLACE_PRIOR = 0.4
# Readings that names use although the character's main reading differs, by role: 都 is dou in
# "all" but du in Chengdu; 莎 is suo in "sedge" but sha in every given name (Sun Yingsha).
NAME_READINGS = {"place": {"都": "du"}, "given": {"莎": "sha"}}
COLUMN_CACHE = 16384  # columns per distinct syllable and role: a few thousand syllables exist
# A paired pinyin is the sources' word for this reading; unpaired readings fall back on the
# character's readings, the main one first.
SECONDARY_READING = 0.25


Column = tuple[list[Option], float]  # options, and the column's prior mass over its role's total


@dataclass(frozen=True, slots=True)
class Rendering:
    """One candidate rendering with its score (0..1) and the characters behind it, when known."""

    text: str
    score: float
    source: str = ""


def pinyin_of(char: str, key: str, role: str = "given") -> list[tuple[str, float]]:
    """Toneless pinyin of a character read with this Hán-Việt key, with probabilities."""
    fixed = NAME_READINGS.get(role, {}).get(char)
    if fixed:
        return [(fixed, 1.0)]
    data = tables()
    readings = data.pinyin.get(char, [])
    paired = data.paired.get((char, key))
    if paired:  # order the paired readings as the character's readings are ordered, main first
        readings = sorted(paired, key=lambda p: readings.index(p) if p in readings else len(readings))
    weights = [SECONDARY_READING ** i for i in range(len(readings))]
    total = sum(weights)
    return [(r, w / total) for r, w in zip(readings, weights, strict=True)]


def _add_chars(mass: Mass, keys: tuple[str, ...], role: str, skip_table_surnames: bool) -> None:
    data = tables()
    for key in keys:
        for char, p_reading in data.chars_by_key[key]:
            if skip_table_surnames and surname_rank(char):
                continue
            weight = prior(char, role) * p_reading
            for pinyin, p_pinyin in pinyin_of(char, key, role):
                mass.add(pinyin, weight * p_pinyin, char)


def syllable_column(syllable: str, role: str, exact: bool) -> Column:
    return _keys_column(tuple(reading_keys(syllable, exact)), role)


@lru_cache(maxsize=COLUMN_CACHE)
def _keys_column(keys: tuple[str, ...], role: str) -> Column:
    mass = Mass()
    _add_chars(mass, keys, role, skip_table_surnames=False)
    return mass.options(), mass.total / role_total(role)


def surname_column(syllables: list[str], exact: bool) -> tuple[Column, bool]:
    """The column of a surname written with these syllables, and whether the table knows it."""
    return _surname_column(tuple(s.casefold() for s in syllables), exact)


@lru_cache(maxsize=COLUMN_CACHE)
def _surname_column(syllables: tuple[str, ...], exact: bool) -> tuple[Column, bool]:
    mass = Mass()
    if exact:
        entries = surnames_by_reading().get(tuple(toned_key(s) for s in syllables), [])
    else:
        found = surnames_by_folded().get(tuple(folded_key(s) for s in syllables), [])
        entries = [(surname, weight) for _, surname, weight in found]
    for surname, weight in entries:
        mass.add(surname.pinyin, weight, surname.hanzi)
    if len(syllables) == 1:  # characters outside the table, on the same scale
        _add_chars(mass, tuple(reading_keys(syllables[0], exact)), "surname", skip_table_surnames=True)
    return (mass.options(), mass.total / role_total("surname")), bool(entries)


@cache
def role_total(role: str) -> float:
    """All the prior mass of a role over every reading: dividing by it makes columns comparable
    across roles, so that a column's total says how typical these syllables are for the role."""
    data = tables()
    total = 0.0
    for chars in data.chars_by_key.values():
        for char, p_reading in chars:
            if role != "surname" or not surname_rank(char):
                total += prior(char, role) * p_reading
    if role == "surname":
        total += sum(w for entries in surnames_by_reading().values() for _, w in entries)
    return total


def format_person(parts: tuple[str, ...]) -> str:
    given = join_pinyin(list(parts[1:])).capitalize()
    return f"{parts[0].capitalize()} {given}".strip()


def format_place(parts: tuple[str, ...]) -> str:
    return join_pinyin(list(parts)).capitalize()


Hypothesis = tuple[float, list[Path], Callable[[tuple[str, ...]], str]]


Formatter = Callable[[tuple[str, ...]], str]


def _hypothesis(prior_weight: float, columns: list[Column], formatter: Formatter) -> list[Hypothesis]:
    if not all(options for options, _ in columns):
        return []
    evidence = prior_weight * math.prod(total for _, total in columns)
    return [(evidence, beam([options for options, _ in columns]), formatter)]


def person_hypotheses(syllables: list[str], exact: bool) -> list[Hypothesis]:
    """Surname (compound or single) + a given name of one or two syllables."""
    out: list[Hypothesis] = []
    for size in (2, 1):
        given = syllables[size:]
        if len(syllables) < size or len(given) > 2 or (not given and len(syllables) > 1):
            continue
        surname, in_table = surname_column(syllables[:size], exact)
        if size == 2 and not in_table:
            continue
        columns = [surname] + [syllable_column(s, "given", exact) for s in given]
        out += _hypothesis(PERSON_PRIOR, columns, format_person)
    return out


def place_hypothesis(syllables: list[str], exact: bool) -> list[Hypothesis]:
    return _hypothesis(PLACE_PRIOR, [syllable_column(s, "place", exact) for s in syllables], format_place)


def to_pinyin(name: str, kind: str | None = None, limit: int = 5) -> list[Rendering]:
    """Ranked pinyin renderings of a Hán-Việt name, best first; [] when a syllable has no reading.

    kind: "person", "place" or None (both compete). Scores are probabilities (0..1), lowered
    for input without diacritics.
    """
    syllables = split_syllables(name)
    if not syllables or len(syllables) > MAX_SYLLABLES:
        return []
    exact = any(has_diacritics(s) for s in syllables)
    hypotheses = person_hypotheses(syllables, exact) if kind != "place" else []
    if kind != "person":
        hypotheses += place_hypothesis(syllables, exact)
    return merge(hypotheses, 1.0 if exact else NO_DIACRITICS_CONFIDENCE)[:limit]


def merge(hypotheses: list[Hypothesis], confidence: float) -> list[Rendering]:
    """Sum each rendering's probability over the hypotheses, weighted by their evidence."""
    total = sum(evidence for evidence, _, _ in hypotheses)
    scores: dict[str, float] = {}
    shown: dict[str, tuple[float, str, str]] = {}
    for evidence, paths, formatter in hypotheses:
        for path in paths:
            key = "".join(path.parts)
            weight = evidence / total * path.prob
            scores[key] = scores.get(key, 0.0) + weight
            if weight > shown.get(key, (0.0, "", ""))[0]:
                shown[key] = (weight, formatter(path.parts), path.source)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Rendering(shown[k][1], round(s * confidence, 4), shown[k][2]) for k, s in ranked]
