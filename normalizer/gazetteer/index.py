"""The in-memory gazetteer index: match keys -> names -> entities.

Every name gets one global number; the key tables map a key to one number or a list of them,
which keeps a million names in a few hundred megabytes.

An index never changes once built. An editor's write makes a new index with `patched`, which
copies the tables (shallow: C-level dict copies) and swaps the changed entities' names in; the
old index stays valid for the readers that hold it. Structures built from an index live in its
`derived` mapping (normalizer.gazetteer.derived) and never refer back to it, so an index that no
reader holds is freed at once, by reference counting alone.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from normalizer.model import Entity, Name
from normalizer.text import MatchKeys, match_keys

TIERS = ("exact", "folded", "sorted", "compact", "family_exact", "family_folded")

Postings = int | list[int]
DEAD = ""  # the owner of a name that a patch replaced: no table leads to it any more


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


def _add_copying(table: dict[str, Postings], key: str, name_id: int) -> None:
    """_add for a patched index, whose posting lists are shared with the index it came from."""
    found = table.get(key)
    if found is None:
        table[key] = name_id
    elif isinstance(found, int):
        table[key] = [found, name_id]
    else:
        table[key] = [*found, name_id]


def _drop_owned(table: dict[str, Postings], key: str, owner: list[str], entity_id: str) -> list[int]:
    """Remove entity_id's names from the posting at key (copying it); returns their numbers."""
    found = table.get(key)
    if found is None:
        return []
    ids = [found] if isinstance(found, int) else found
    gone = [i for i in ids if owner[i] == entity_id]
    if gone:
        kept = [i for i in ids if owner[i] != entity_id]
        if not kept:
            del table[key]
        else:
            table[key] = kept[0] if len(kept) == 1 else kept
    return gone


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


@dataclass(frozen=True)
class Patch:
    """What `GazetteerIndex.patched` changed, for the structures built from the old index."""

    index: GazetteerIndex
    touched: frozenset[str]  # ids of the entities replaced, added or removed
    dead_names: tuple[int, ...]  # numbers of the names that no table leads to any more
    first_new_name: int  # the names from this number on are new
    new_keys: dict[str, list[str]] = field(default_factory=dict)  # tier -> keys the old index lacked


class GazetteerIndex:
    """Entities by id and their names by key, for each tier from strict to loose."""

    def __init__(self, entities: Iterable[Entity], redirects: dict[str, str] | None = None):
        self.entities: dict[str, Entity] = {}
        self.redirects = dict(redirects or {})
        self.name_owner: list[str] = []
        self.name_of: list[Name] = []
        self.tables: dict[str, dict[str, Postings]] = {tier: {} for tier in TIERS}
        self._key_tables = tuple(self.tables[t] for t in ("exact", "folded", "sorted", "compact"))
        self.derived: dict[str, Any] = {}  # normalizer.gazetteer.derived: built from this index
        with _collector_paused():
            for entity in entities:
                self._add(entity)

    def patched(self, upserts: Iterable[Entity], removed: Iterable[str],
                redirects: dict[str, str]) -> Patch:
        """A new index where `upserts` replace (or join) the entities of their ids and the `removed`
        ids are gone, with these redirects; this index is left as it was. Costs a copy of the
        tables (C-level, ~10 ms a million keys) plus the changed entities' names."""
        upserts = list(upserts)
        new = object.__new__(GazetteerIndex)
        new.entities = dict(self.entities)
        new.redirects = dict(redirects)
        new.name_owner = list(self.name_owner)
        new.name_of = list(self.name_of)
        new.tables = {tier: dict(table) for tier, table in self.tables.items()}
        new._key_tables = tuple(new.tables[t] for t in ("exact", "folded", "sorted", "compact"))
        new.derived = {}
        touched = frozenset(removed) | {e.id for e in upserts}
        dead = [i for entity_id in touched for i in new._drop(entity_id)]
        first_new = len(new.name_of)
        with _collector_paused():
            for entity in upserts:
                new._insert(entity)
        new_keys = {tier: sorted({new_key for i in range(first_new, len(new.name_of))
                                  if (new_key := new._key_of(tier, i)) is not None
                                  and new_key not in self.tables[tier]})
                    for tier in ("exact", "folded")}
        return Patch(new, touched, tuple(dead), first_new, new_keys)

    def _drop(self, entity_id: str) -> list[int]:
        """Take an entity and its names out of this (new, not yet shared) index's tables."""
        entity = self.entities.pop(entity_id, None)
        if entity is None:
            return []
        gone: set[int] = set()
        for name in entity.names:
            keys = match_keys(name.text)
            if keys is None:
                continue
            for table, key in zip(self._key_tables, keys, strict=True):
                gone.update(_drop_owned(table, key, self.name_owner, entity_id))
            family = _family_keys(name.family) if name.family else None
            if family is not None:
                _drop_owned(self.tables["family_exact"], family.exact, self.name_owner, entity_id)
                _drop_owned(self.tables["family_folded"], family.folded, self.name_owner, entity_id)
        for name_id in gone:
            self.name_owner[name_id] = DEAD
        return sorted(gone)

    def _insert(self, entity: Entity) -> None:
        """_add for a patched index: every posting it extends is copied first."""
        self.entities[entity.id] = entity
        for name in entity.names:
            keys = match_keys(name.text)
            if keys is None:
                continue
            name_id = len(self.name_of)
            self.name_owner.append(entity.id)
            self.name_of.append(name)
            for table, key, loose in zip(self._key_tables, keys, (False, False, True, True), strict=True):
                if not loose or key != keys.folded:  # sorted and compact keys only where they differ
                    _add_copying(table, key, name_id)
            family = _family_keys(name.family) if name.family and name.strong else None
            if family is not None and family.exact != keys.exact:
                _add_copying(self.tables["family_exact"], family.exact, name_id)
                _add_copying(self.tables["family_folded"], family.folded, name_id)

    def _key_of(self, tier: str, name_id: int) -> str | None:
        keys = match_keys(self.name_of[name_id].text)
        return None if keys is None else getattr(keys, tier)

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

    def live_names(self) -> Iterator[tuple[int, Name]]:
        """(number, name) of every name a table leads to (not those a patch replaced)."""
        owner = self.name_owner
        return ((i, name) for i, name in enumerate(self.name_of) if owner[i] is not DEAD)

    def folded_keys(self) -> Iterator[tuple[str, list[int]]]:
        """Every distinct folded key with its name numbers, for building a fuzzy index."""
        for key, found in self.tables["folded"].items():
            yield key, _ids(found)
