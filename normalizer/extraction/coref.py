"""In-document coreference: partial references to a person named in full earlier in the text.

After "Ngoại trưởng Nhật Bản Yoko Kamikawa", "bà Kamikawa" and "Kamikawa" are her; after
"Chủ tịch Tập Cận Bình", "ông Tập". A family name (the names' `family` field) links on its own;
any other token of a foreign (non-Vietnamese) name links only after a title ("Thủ tướng Anwar").
A partial reference before any full mention, or one that fits two people, is not linked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import ahocorasick
import numpy as np

from normalizer.extraction.found import Found
from normalizer.extraction.rules import scan_word
from normalizer.extraction.scantext import ScanText
from normalizer.extraction.titles import Title
from normalizer.model import Candidate, Entity, Resolution

FAMILY_SCORE = 0.95
TOKEN_SCORE = 0.9
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Antecedent:
    found: Found
    entity: Entity
    by_family: bool  # the partial key is a family name, not just any token of a name


def partial_keys(entity: Entity) -> Iterable[tuple[str, bool]]:
    """(scan-form key, is a family name) for each partial form of a person's names."""
    for name in entity.names:
        if name.family:
            yield " ".join(scan_word(t) for t in _TOKEN.findall(name.family)), True
        if name.lang != "vi" and name.lang.split("-")[0] in ("en", "ja", "ko", "ms", "id", "th", "fr", "de"):
            for token in _TOKEN.findall(name.text):
                if len(token) > 2:
                    yield scan_word(token), False


def partial_key_table(entity: Entity) -> dict[str, bool]:
    """Each partial key of a person once: True when it is a family name in any of the names."""
    keys: dict[str, bool] = {}
    for key, by_family in partial_keys(entity):
        keys[key] = keys.get(key, False) or by_family
    return keys


class EarlierAntecedents:
    """The people mentioned in full, by partial key, read back from any position by bisect.

    A long document names the same people hundreds of times: scanning every earlier mention for
    each partial reference would be quadratic. Per key and entity the mentions are kept in text
    order, so the latest one before a position is one bisect away.
    """

    def __init__(self, mentions: list[Found], entity_of: Callable[[str], Entity | None],
                 keys_of: Callable[[Entity], dict[str, bool]] = partial_key_table):
        """`keys_of` gives an entity's partial keys (partial_key_table, or a cached version of it)."""
        # key -> entity id -> (scan ends, mentions, entity, by family), in order of first mention;
        # the lists of ends and mentions are the entity's, shared by all of its keys.
        self._by_key: dict[str, dict[str, tuple[list[int], list[Found], Entity, bool]]] = {}
        for ends, found, entity in _people(mentions, entity_of).values():
            for key, by_family in keys_of(entity).items():
                self._by_key.setdefault(key, {})[entity.id] = (ends, found, entity, by_family)

    def keys(self) -> list[str]:
        return list(self._by_key)

    def latest(self, key: str, position: int, title: Title | None) -> list[Antecedent]:
        """Per entity, its latest mention ending by `position` that may be linked after this title.

        Entities in order of their first mention: what `link` reads from the full list.
        """
        out = []
        for ends, found, entity, by_family in self._by_key.get(key, {}).values():
            if ends[0] > position or not (by_family or (title is not None and title.person)):
                continue
            out.append(Antecedent(found[bisect_right(ends, position) - 1], entity, by_family))
        return out


def _people(mentions: list[Found], entity_of: Callable[[str], Entity | None]
            ) -> dict[str, tuple[list[int], list[Found], Entity]]:
    """Entity id -> (scan ends, mentions, entity) of the people mentioned in full, in text order
    (entities in order of first mention)."""
    people: dict[str, tuple[list[int], list[Found], Entity]] = {}
    entities: dict[str, Entity | None] = {}  # match id -> entity (ids merged into another follow it)
    for found in sorted(mentions, key=lambda f: f.scan_end):
        match = found.resolution.match if found.resolution else None
        if match is None or match.type != "person" or found.coref:
            continue
        if match.id not in entities:
            entities[match.id] = entity_of(match.id)
        entity = entities[match.id]
        if entity is None:
            continue
        entry = people.get(entity.id)
        if entry is None:
            entry = people[entity.id] = ([], [], entity)
        entry[0].append(found.scan_end)
        entry[1].append(found)
    return people


def link(partial: Found, earlier: list[Antecedent], title: Title | None) -> Found | None:
    """The partial reference resolved to its antecedent, ambiguous if several fit, or None."""
    usable = [a for a in earlier if a.by_family or (title is not None and title.person)]
    if not usable:
        return None
    latest: dict[str, Antecedent] = {}
    for antecedent in usable:
        latest[antecedent.entity.id] = antecedent
    candidates = tuple(_candidate(partial, a) for a in latest.values())
    if len(candidates) == 1:
        resolution = Resolution(partial.surface, "matched", candidates[0], candidates)
        return _replace(partial, resolution, title, next(iter(latest.values())).found)
    resolution = Resolution(partial.surface, "ambiguous", None, candidates)
    return _replace(partial, resolution, title, None)


def _candidate(partial: Found, antecedent: Antecedent) -> Candidate:
    entity = antecedent.entity
    how = "family name" if antecedent.by_family else "name after a title"
    return Candidate(
        id=entity.id, name=entity.name, type=entity.type,
        score=FAMILY_SCORE if antecedent.by_family else TOKEN_SCORE,
        matched_name=antecedent.found.surface, method="coref",
        explanation=f"{partial.surface!r} is the {how} of {antecedent.found.surface!r} mentioned earlier",
        prominence=entity.weight, layer=entity.layer,
    )


def _replace(partial: Found, resolution: Resolution, title: Title | None, of: Found | None) -> Found:
    return replace(partial, resolution=resolution, title=title, coref=True, antecedent=of)


def find_partials(text: ScanText, keys: Iterable[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Padded scan spans (starts, ends) and keys of the partial keys found as whole words.

    Where keys overlap, the leftmost wins, then the longest, as a regex alternation of the keys
    longest first would find them. An automaton of this document's few keys: a regex of them
    cost 0.08 s/MB, tried at every space of the text.
    """
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
    for key in set(keys):
        automaton.add_word(f" {key} ", key)
    if len(automaton) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), []
    automaton.make_automaton()
    hits = sorted((end - len(key) - 1, -len(key), key) for end, key in automaton.iter(text.scan))
    starts, ends, found = [], [], []
    done = 0  # the padded end of the last occurrence taken: the next may share its pad space
    for start, _, key in hits:
        if start >= done - 1:
            done = start + len(key) + 2
            starts.append(start)
            ends.append(done)
            found.append(key)
    return np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64), found
