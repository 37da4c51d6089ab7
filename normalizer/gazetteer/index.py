"""The in-memory gazetteer index: match keys -> names -> entities.

Every name gets one global number; the key tables map a key to one number or a list of them,
which keeps a million names in a few hundred megabytes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import NamedTuple

from normalizer.model import Entity, Name
from normalizer.text import MatchKeys, match_keys

TIERS = ("exact", "folded", "sorted", "compact", "family_exact", "family_folded")

Postings = int | list[int]


class Hit(NamedTuple):
    """One name of one entity that a key led to (a tuple: made for every hit of every query)."""

    entity: Entity
    name: Name
    name_id: int


def _add(table: dict[str, Postings], key: str, name_id: int) -> None:
    if table.setdefault(key, name_id) is not name_id:  # most keys are new: one call and done
        _add_to_postings(table, key, name_id)


def _add_to_postings(table: dict[str, Postings], key: str, name_id: int) -> None:
    found = table[key]
    if isinstance(found, int):
        if found != name_id:
            table[key] = [found, name_id]
    elif found[-1] != name_id:  # numbers only grow, so a repeat can only be the last one
        found.append(name_id)


# Family names repeat across thousands of people ("Nguyễn", "Kim"): key each one once.
_family_keys = lru_cache(maxsize=1 << 14)(match_keys)


def _ids(found: Postings | None) -> list[int]:
    if found is None:
        return []
    return [found] if isinstance(found, int) else found


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic GC off while an index is built: millions of long-lived objects and no cycles,
    so each full collection it would trigger walks them all for nothing (a dozen at 1M names)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class GazetteerIndex:
    """Entities by id and their names by key, for each tier from strict to loose."""

    def __init__(self, entities: Iterable[Entity], redirects: dict[str, str] | None = None):
        self.entities: dict[str, Entity] = {}
        self.redirects = dict(redirects or {})
        self.name_owner: list[str] = []
        self.name_of: list[Name] = []
        self.tables: dict[str, dict[str, Postings]] = {tier: {} for tier in TIERS}
        self._key_tables = tuple(self.tables[t] for t in ("exact", "folded", "sorted", "compact"))
        with _collector_paused():
            for entity in entities:
                self._add(entity)

    def _add(self, entity: Entity) -> None:
        """Only while building: the matcher's blocking index and table of names as written are
        built once from the finished index, so an index never changes after __init__."""
        self.entities[entity.id] = entity
        for name in entity.names:
            keys = match_keys(name.text)
            if keys is not None:
                self._add_name(entity.id, name, keys)

    def _add_name(self, entity_id: str, name: Name, keys: MatchKeys) -> None:
        name_id = len(self.name_of)
        self.name_owner.append(entity_id)
        self.name_of.append(name)
        exact, folded, sorted_, compact = self._key_tables
        # _add written out: this runs for every name of a million-name gazetteer
        if exact.setdefault(keys.exact, name_id) is not name_id:
            _add_to_postings(exact, keys.exact, name_id)
        if folded.setdefault(keys.folded, name_id) is not name_id:
            _add_to_postings(folded, keys.folded, name_id)
        if keys.sorted != keys.folded and sorted_.setdefault(keys.sorted, name_id) is not name_id:
            _add_to_postings(sorted_, keys.sorted, name_id)
        if keys.compact != keys.folded and compact.setdefault(keys.compact, name_id) is not name_id:
            _add_to_postings(compact, keys.compact, name_id)
        family = _family_keys(name.family) if name.family and name.strong else None
        if family is not None and family.exact != keys.exact:
            _add(self.tables["family_exact"], family.exact, name_id)
            _add(self.tables["family_folded"], family.folded, name_id)

    def __len__(self) -> int:
        return len(self.entities)

    @property
    def name_count(self) -> int:
        return len(self.name_of)

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, following merge redirects."""
        return self.entities.get(self.redirects.get(entity_id, entity_id))

    def hit(self, name_id: int) -> Hit:
        return Hit(self.entities[self.name_owner[name_id]], self.name_of[name_id], name_id)

    def lookup(self, tier: str, key: str) -> list[Hit]:
        """Names whose key in this tier equals key."""
        found = self.tables[tier].get(key)
        if found is None:  # most lookups miss: skip building anything
            return []
        return [self.hit(i) for i in _ids(found)]

    def name_ids(self, tier: str, key: str) -> list[int]:
        """The numbers of the names whose key in this tier equals key (cheaper than `lookup`)."""
        return _ids(self.tables[tier].get(key))

    def has(self, tier: str, key: str) -> bool:
        return key in self.tables[tier]

    def folded_keys(self) -> Iterator[tuple[str, list[int]]]:
        """Every distinct folded key with its name numbers, for building a fuzzy index."""
        for key, found in self.tables["folded"].items():
            yield key, _ids(found)
