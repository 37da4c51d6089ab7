"""In-document coreference: partial references to a person named in full earlier in the text.

After "Ngoại trưởng Nhật Bản Yoko Kamikawa", "bà Kamikawa" and "Kamikawa" are her; after
"Chủ tịch Tập Cận Bình", "ông Tập". A family name (the names' `family` field) links on its own;
any other token of a foreign (non-Vietnamese) name links only after a title ("Thủ tướng Anwar").
A partial reference before any full mention, or one that fits two people, is not linked.

Where the text names nothing curated (a span only generated layers' entities hold: "Horta", a
GeoNames place, after "José Ramos-Horta"), a token of a foreign person's name links without a
title too. The press drops the accents of foreign names ("Suarez" after "Luis Suárez"): their
partial keys come with and without them. A name the gazetteer gives several entities ("Thùy Linh",
a badminton player and a singer) is the one of them the text named in full earlier
(`settled_by_antecedents`).
"""

from __future__ import annotations

import re
import unicodedata
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
        latin = name.lang != "vi" and name.lang.split("-")[0] in _LATIN_LANGS
        if name.family:
            family = " ".join(scan_word(t) for t in _TOKEN.findall(name.family))
            yield from ((key, True) for key in _with_unaccented(family, latin))
        if latin:
            for token in _TOKEN.findall(name.text):
                if len(token) > 2:
                    yield from ((key, False) for key in _with_unaccented(scan_word(token), True))


_LATIN_LANGS = ("en", "ja", "ko", "ms", "id", "th", "fr", "de", "es", "pt", "it")


def _with_unaccented(key: str, foreign: bool) -> set[str]:
    """The key, and for a foreign name also without its accents ("suárez", "suarez"); a
    Vietnamese name's marks tell names apart and stay."""
    if not foreign:
        return {key}
    bare = "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))
    return {key, unicodedata.normalize("NFC", bare)}


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

    def latest(self, key: str, position: int, title: Title | None, loose: bool = False) -> list[Antecedent]:
        """Per entity, its latest mention ending by `position` that may be linked after this title
        (`loose`: where only layers' entities hold the words, a foreign person's token needs none).

        Entities in order of their first mention: what `link` reads from the full list.
        """
        out = []
        for ends, found, entity, by_family in self._by_key.get(key, {}).values():
            if ends[0] > position or not (by_family or _titled(title) or (loose and _foreign(entity))):
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


def _titled(title: Title | None) -> bool:
    return title is not None and title.person


def _foreign(entity: Entity) -> bool:
    """Not a Vietnamese person: Vietnamese names are read by their given names, not tokens."""
    return entity.country != "vietnam"


def link(partial: Found, earlier: list[Antecedent], title: Title | None, loose: bool = False) -> Found | None:
    """The partial reference resolved to its antecedent, ambiguous if several fit, or None."""
    usable = [a for a in earlier if a.by_family or _titled(title) or (loose and _foreign(a.entity))]
    if not usable:
        return None
    latest: dict[str, Antecedent] = {}
    for antecedent in usable:
        latest[antecedent.entity.id] = antecedent
    how = "name after a title" if _titled(title) else "name (only generated layers' places hold the word)"
    candidates = tuple(_candidate(partial, a, "family name" if a.by_family else how) for a in latest.values())
    if len(candidates) == 1:
        resolution = Resolution(partial.surface, "matched", candidates[0], candidates)
        return _replace(partial, resolution, title, next(iter(latest.values())).found)
    resolution = Resolution(partial.surface, "ambiguous", None, candidates)
    return _replace(partial, resolution, title, None)


def _candidate(partial: Found, antecedent: Antecedent, how: str) -> Candidate:
    entity = antecedent.entity
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


def settled_by_antecedents(found: list[Found]) -> list[Found]:
    """Ambiguous mentions (spans in text order) one of whose candidates the text named in full
    earlier, linked to that one: "Nguyễn Thùy Linh ... Thùy Linh" is the badminton player, not
    the singer the name also fits."""
    named: dict[str, Found] = {}  # entity id -> its latest mention matched on its own
    out = []
    for span in found:
        resolution = span.resolution
        if resolution is not None and resolution.status == "ambiguous":
            people = [c for c in resolution.candidates if c.type == "person"]
            earlier = [(c, named[c.id]) for c in people if c.id in named]
            if len(earlier) == 1:
                span = _settled(span, resolution, *earlier[0])
        match = resolution.match if resolution is not None else None
        if match is not None and not span.coref:
            named[match.id] = span
        out.append(span)
    return out


def _settled(span: Found, resolution: Resolution, candidate: Candidate, antecedent: Found) -> Found:
    others = len(resolution.candidates) - 1
    match = replace(candidate, method="coref", explanation=(
        f"{span.surface!r} names {others + 1} entities; {candidate.name} is the one named in full "
        f"earlier as {antecedent.surface!r}"))
    return replace(span, resolution=replace(resolution, status="matched", match=match), antecedent=antecedent)
